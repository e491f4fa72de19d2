"""Claims built by hand from a text, as the extractor would report them.

`claims_in(text, figures)` finds each figure's surface in `text`, in order, and fills in
offsets, line, column and the sentence that holds it, so that `text == TEXT[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.model import Claim, Value

SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s|$)|(?=\n[^\S\n]*\n)|$)", re.DOTALL)


@dataclass(frozen=True)
class Fig:
    """A figure to look for: its surface text and what the extractor would make of it."""

    surface: str
    kind: str
    value: Value
    unit: str | None = None
    low: Value = None
    high: Value = None
    qualifier: str | None = None


def money(surface: str, value: float, unit: str = "USD", **fields: Any) -> Fig:
    return Fig(surface, "money", value, unit, **fields)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: up to . ! ? before a space, or up to a blank line."""
    return [m.span() for m in SENTENCE.finditer(text)]


def claims_in(text: str, figures: list[Fig]) -> list[Claim]:
    """One claim per figure, each found after the previous one's surface."""
    spans = sentences(text)
    claims, offset = [], 0
    for number, fig in enumerate(figures, start=1):
        start = text.index(fig.surface, offset)
        end = start + len(fig.surface)
        offset = end
        index = next(i for i, (s, e) in enumerate(spans) if s <= start < e)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        claims.append(Claim(
            id=f"c{number}", kind=fig.kind, text=fig.surface, start=start, end=end, line=line, column=column,
            sentence=text[slice(*spans[index])], sentence_index=index, value=fig.value, unit=fig.unit,
            low=fig.low, high=fig.high, qualifier=fig.qualifier, rule=f"{fig.kind}.test",
        ))
    return claims


def document(paragraphs: list[tuple[str, list[Fig]]]) -> list[Claim]:
    """The claims of paragraphs joined by blank lines, each paragraph with its own figures."""
    text = "\n\n".join(paragraph for paragraph, _ in paragraphs) + "\n"
    return claims_in(text, [fig for _, figs in paragraphs for fig in figs])


def sample() -> list[tuple[str, list[Fig]]]:
    """Three paragraphs with figures of several kinds, some sharing a sentence."""
    return [
        ("Russia also invested $250 million in the railway project last year. "
         "Trade between the two countries reached $112 million in 2014.",
         [money("$250 million", 250_000_000), money("$112 million", 112_000_000), Fig("2014", "date", "2014")]),
        ("North Korea owes Russia $11 billion, of which $10 billion was written off.\n"
         "The remaining $1 billion will be repaid over 20 years.",
         [money("$11 billion", 11e9), money("$10 billion", 10e9), money("$1 billion", 1e9),
          Fig("20 years", "quantity", 20, "year")]),
        ("Officials expect trade to grow 10-fold to $1 billion by 2020.",
         [Fig("10-fold", "ratio", 10), money("$1 billion", 1e9), Fig("2020", "date", "2020")]),
    ]
