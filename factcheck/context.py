"""Settle an ambiguous currency name by a context word near it ("250 riyals" after "Saudi Arabia's fund …").

A money rule that meets a name several currencies share ("riyals", "Rs", "pounds", "francs") gives
the claim a note in `extra.ambiguous`. Some rules already read a context word of their own sentence
(the `country` group); this pass reads the rest: the claim's sentence, then the sentence before it,
then the sentence after it, all in the claim's paragraph. In its own sentence the context word of table
`currency_country` nearest the claim that table `currency_in_country` pairs with the name settles the
currency; a neighbouring sentence settles it only when all its words that pair with the name agree
("Saudi Arabia and Qatar …" leaves "riyals" open). `extra.currency_context` says which word and where.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.document import Sentence
from factcheck.normalized import Normalized
from factcheck.rulebook import Rulebook, fold
from factcheck.scanview import ScanView

WHERE = {0: "in the sentence", -1: "in the sentence before", 1: "in the sentence after"}


def settle_currency(found: Normalized, name: str, start: int, end: int, sentence: Sentence,
                    view: ScanView, book: Rulebook) -> None:
    """Give an ambiguous money figure the currency a context word nearby picks, if one does."""
    if book.context_regex is None or "ambiguous" not in found.extra or "currency_context" in found.extra:
        return
    for offset, words in context_words(start, end, sentence, view, book.context_regex):
        settled = [(word, code) for word in words
                   if isinstance(code := book.lookup("currency_in_country", f"{fold(name)} {fold(word)}"), str)]
        if not settled:
            continue
        if offset and len({code for _, code in settled}) > 1:
            return  # a neighbouring sentence naming two countries of this currency settles nothing
        word, found.unit = settled[0]
        del found.extra["ambiguous"]
        found.extra["currency_context"] = f"{fold(word)!r} {WHERE[offset]}"
        return


def context_words(start: int, end: int, sentence: Sentence, view: ScanView, pattern: Any) -> Iterator[tuple[int, list[str]]]:
    """The context words of the claim's sentence (nearest the claim first), then those of the sentence
    before, then those of the sentence after, within one paragraph."""
    for offset in (0, -1, 1):
        other = neighbour(view, sentence, offset)
        if other is None:
            continue
        found = [(m.start(), m.end(), m.group("word")) for m in pattern.finditer(view.text, other.start, other.end)]
        if offset == 0:
            found.sort(key=lambda m: max(start - m[1], m[0] - end, 0))
        yield offset, [word for _, _, word in found]


def neighbour(view: ScanView, sentence: Sentence, offset: int) -> Sentence | None:
    """The sentence `offset` places from this one, when it is in the same paragraph."""
    position = sentence.index + offset
    if not 0 <= position < len(view.sentences):
        return None
    other = view.sentences[position]
    return other if other.index == position and other.paragraph == sentence.paragraph else None
