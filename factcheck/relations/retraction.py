"""Figures a speaker takes back: "thirty-one thousand — sorry, twenty-eight thousand".

In a transcript a speaker corrects a figure in passing; the first figure is then no claim of the
text any more, and the frames see only the second (the report still lists both: both were said).
The words between the two figures that make the first a slip are data, the rule files' fragment
`retraction`; without one, nothing is taken back.
"""

from __future__ import annotations

import regex

from factcheck.document import Document
from factcheck.extract.rulebook import Rulebook, expand
from factcheck.model import Claim

FRAGMENT = "retraction"
LONGEST = 60  # characters between a slip and its correction


def retracted(doc: Document, claims: list[Claim], book: Rulebook) -> dict[str, tuple[int, int]]:
    """The claims that the next figure of their kind, in the same sentence, corrects: each claim's id,
    with the stretch from its start to the correction's, which a window leaves out."""
    if FRAGMENT not in book.fragments:
        return {}
    pattern = book.store.compile(expand(book, "{" + FRAGMENT + "}", f"fragment '{FRAGMENT}'"), regex.IGNORECASE)
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    return {first.id: (first.start, second.start) for first, second in zip(ordered, ordered[1:])
            if first.kind == second.kind and first.sentence_index == second.sentence_index
            and 0 < second.start - first.end <= LONGEST
            and pattern.fullmatch(doc.scan_text, first.end, second.start) is not None}
