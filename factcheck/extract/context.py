"""Settle an ambiguous currency name by a context word near it ("250 riyals" after "Saudi Arabia's fund …").

A money rule that meets a name several currencies share ("riyals", "Rs", "pounds", "francs") gives
the claim a note in `extra.ambiguous`. Some rules already read a context word of their own sentence
(the `country` group); this pass reads the rest: the claim's sentence, then the sentence before it,
then the sentence after it, all in the claim's paragraph. In its own sentence the context word of table
`currency_country` nearest the claim that table `currency_in_country` pairs with the name settles the
currency; a neighbouring sentence settles it only when all its words that pair with the name agree
("Saudi Arabia and Qatar …" leaves "riyals" open). Where no word settles it in a sentence, a money figure
there stated in the one currency of that name does ("CHF 300 … 1.2 million francs"). `extra.currency_context`
says which word or figure, and where.
"""

from __future__ import annotations

from factcheck.document import Sentence
from factcheck.extract.normalize import currency_in_country
from factcheck.extract.normalized import Normalized
from factcheck.extract.rulebook import Rulebook, fold
from factcheck.extract.scanview import ScanView

WHERE = {0: "in the sentence", -1: "in the sentence before", 1: "in the sentence after"}


def settle_currency(found: Normalized, name: str, start: int, end: int, sentence: Sentence, view: ScanView,
                    book: Rulebook, figures: dict[int, list[tuple[int, int, str]]] | None = None) -> None:
    """Give an ambiguous money figure the currency that a context word nearby picks, or else the one
    currency of that name that the money figures nearby state (`figures`: sentence index -> spans and units)."""
    if book.context_regex is None or "ambiguous" not in found.extra or "currency_context" in found.extra:
        return
    for offset in (0, -1, 1):
        other = neighbour(view, sentence, offset)
        if other is None:
            continue
        words = [(m.start(), m.end(), m.group("word"))
                 for m in book.context_regex.finditer(view.text, other.start, other.end)]
        stated = [(a, b, f"{view.text[a:b]!r}", code) for a, b, code in (figures or {}).get(other.index, ())
                  if code in candidates(book, name)]
        for found_here in (by_word(book, name, words), stated):
            if offset == 0:
                found_here.sort(key=lambda m: max(start - m[1], m[0] - end, 0))
            elif len({code for *_, code in found_here}) > 1:
                return  # a neighbouring sentence naming two currencies of this name settles nothing
            if found_here:
                *_, what, found.unit = found_here[0]
                del found.extra["ambiguous"]
                found.extra["currency_context"] = f"{what} {WHERE[offset]}"
                return


def by_word(book: Rulebook, name: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
    """The context words that table `currency_in_country` pairs with the name, with the currency each picks."""
    found = []
    for a, b, word in words:
        code = currency_in_country(book, name, word)
        if code is not None:
            found.append((a, b, repr(fold(word)), code))
    return found


def candidates(book: Rulebook, name: str) -> set[str]:
    """Every currency a context word can make of the name ("francs": CHF, XOF, …), from `currency_in_country`."""
    key = fold(name)
    if key not in book.name_currencies:
        book.name_currencies[key] = {code for pair, code in book.tables.get("currency_in_country", {}).items()
                                     if pair.startswith(key + " ") and isinstance(code, str)}
    return book.name_currencies[key]


def neighbour(view: ScanView, sentence: Sentence, offset: int) -> Sentence | None:
    """The sentence `offset` places from this one, when it is in the same paragraph."""
    position = sentence.index + offset
    if not 0 <= position < len(view.sentences):
        return None
    other = view.sentences[position]
    return other if other.index == position and other.paragraph == sentence.paragraph else None
