"""Cheap gates for rule patterns: literal strings one of which every match must hold.

A rule runs on stretches of text around its anchors. Most stretches cannot hold a match of
most rules ("to" must be there for "5 to 10", "times" for "3 times"), and running a rule with
thousands of alternatives on a stretch costs far more than looking for a few short strings in
it. `required_literals` reads the pattern's syntax tree (from `regex`'s own parser) and returns
strings, one of which every match contains:

- where a run of a sequence's items can match only a few strings (plain characters, small
  alternations and classes of them, optional parts of them, zero-width assertions), it matches
  one of them ("(?:of|out of) the " is "of the " or "out of the "): up to EXACT_LIMIT strings;
- an alternation requires the union of what each branch requires (nothing, if one branch
  requires nothing);
- a repeat requires what its body requires when it repeats at least once; a group, what its
  body requires;
- anything else (a wider class, a property, a backreference) requires nothing known.

Of the requirements of a sequence the most selective one is kept; of the pattern's own sequence,
`required_all` keeps the MAX_REQUIREMENTS most selective ones (after the first, only those worth a
test: not a lone slot mark or one of the commonest words), and a stretch must hold a string of each
("from" and one of "to", "through", "-"). The strings are in lower
case. Characters are ASCII, punctuation or private use (the slot marks of `relations.slots`),
none of which another character matches when case is ignored. Rules use them only on ASCII
text (`admits`): there, case-insensitive matching is plain lower casing, with none of Unicode's
special folds (the Kelvin sign, the long s).

A rule's gate also keeps the word boundaries (`\b`) next to its strings (`bounds`): "mi" that must
end a word is not found in "million". A frame's gate does not (its windows are tested with plain
`in` and `rfind`). A rule's gate also reads text beyond ASCII (`gate_text`): there every character
but the three that `regex` matches to an ASCII letter ignoring case (İ, ſ and the Kelvin sign) is
OTHER, and so is every character beyond ASCII in the gate's strings, so a curly quote or a dash in
a stretch no longer lets every rule through.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable

from factcheck.extract.regexparse import parse
from factcheck.extract.starts import OTHER

Literals = tuple[str, ...]
Gate = tuple[Literals, ...]  # every match holds one string of each
EXACT_LIMIT = 64  # the most strings a run of a sequence may stand for before it is cut
MAX_REQUIREMENTS = 4  # of the pattern's own sequence, the most selective ones a gate tests
SELECTIVE = 2  # the least weight (see `selectivity`) of a requirement tested after the first
BOUND = "\x01"  # in a string of a bounded gate: a word boundary there
FOLDS = {"\u0130": "i", "\u017f": "s", "\u212a": "k"}  # beyond ASCII, what `regex` matches to an ASCII letter ignoring case
BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def required_literals(pattern: str, flags: int) -> Literals | None:
    """Strings (lower case) one of which every match of the pattern holds; None when none is known."""
    found = required_all(pattern, flags)
    return found[0] if found else None


def required_all(pattern: str, flags: int, bounds: bool = False) -> Gate | None:
    """Up to MAX_REQUIREMENTS sets of strings (lower case), most selective first: every match of the
    pattern holds one string of each set. None when none is known. With `bounds`, a BOUND in a string
    stands for a word boundary the match has there (test with `admits_bounded`)."""
    try:
        from regex import _regex_core as core

        node, memo = parse(pattern, flags)[0], {}
        reader = Reader(core, memo, bounds)
        found = (sequence_requirements(node.items, reader) if type(node) is core.Sequence
                 else [needed] if (needed := requirement(node, reader)) else [])
    except Exception:  # a version of regex whose parser differs: no gate, the rule simply always runs
        return None
    gate: list[Literals] = []
    for strings in sorted(found, key=selectivity, reverse=True):  # stable: the first is the sequence's `max`
        literals = tuple(sorted(shortest(strings)))
        if literals not in gate and (not gate or selectivity(strings)[0] >= SELECTIVE):
            gate.append(literals)
    return tuple(gate[:MAX_REQUIREMENTS]) or None


class Reader:
    """What the walk over one pattern's syntax tree needs: `regex`'s parser module, the strings found
    for each node so far (a requirement asks again for the parts of a part), and whether word
    boundaries are kept."""

    def __init__(self, core: Any, memo: dict[int, frozenset[str] | None], bounds: bool) -> None:
        self.core, self.memo, self.bounds = core, memo, bounds


def shortest(strings: frozenset[str]) -> frozenset[str]:
    """The strings that hold none of the others: a stretch holds one of them if and only if it holds one of all."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def admits(literals: Literals | None, lowered: str | None) -> bool:
    """Whether a stretch (lower-cased, or None when it is not ASCII) may hold a match."""
    return literals is None or lowered is None or any(map(lowered.__contains__, literals))


def admits_all(gate: Gate | None, lowered: str | None) -> bool:
    """Whether a stretch (lower-cased, or None when it is not ASCII) holds a string of each set of the gate."""
    return gate is None or lowered is None or all(any(map(lowered.__contains__, literals)) for literals in gate)


def gate_text(text: str) -> str:
    """The text as a bounded gate reads it: lower case, every character beyond ASCII OTHER but FOLDS'."""
    return text.lower() if text.isascii() else BEYOND_ASCII.sub(lambda m: FOLDS.get(m.group(), OTHER), text).lower()


def admits_bounded(gate: Gate | None, text: str) -> bool:
    """As `admits_all`, for a gate found with `bounds` and a `gate_text`: the strings' word boundaries must
    hold too."""
    return gate is None or all(literal_test(literals)(text) for literals in gate)


_TESTS: dict[Literals, Callable[[str], bool]] = {}
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # in a `gate_text`, the characters surely of a word
Bounded = tuple[str, bool | None, bool | None]  # a string, and whether a word character must be before and after it
# (None: either may be)


def literal_test(literals: Literals) -> Callable[[str], bool]:
    """Whether a `gate_text` holds one of the strings, word boundaries and all: a plain search first, then,
    for strings with a boundary, a look at the characters around each place the string is found."""
    if literals not in _TESTS:
        read = [bounded(BEYOND_ASCII.sub(OTHER, s)) for s in literals]
        bare = tuple(sorted({text for text, _, _ in read}))
        if all(before is None and after is None for _, before, after in read):
            _TESTS[literals] = lambda text: any(map(text.__contains__, bare))
        else:
            _TESTS[literals] = lambda text: any(map(text.__contains__, bare)) and any(occurs(text, *one) for one in read)
    return _TESTS[literals]


def bounded(string: str) -> Bounded:
    """The string without its BOUNDs, and what those at its ends say of the characters around it. A boundary
    between two characters of the string either holds or the string never occurs: it is left out."""
    text = string.replace(BOUND, "")
    if not text:
        return text, None, None
    before = None if not string.startswith(BOUND) else not is_word(text[0])
    after = None if not string.endswith(BOUND) else not is_word(text[-1])
    return text, before, after


def occurs(text: str, string: str, before: bool | None, after: bool | None) -> bool:
    """Whether the string is in the text with a word character before (after) it when `before` (`after`)
    is true, none when it is false. Beyond the ends of the text, and at OTHER, either may be."""
    at = text.find(string)
    while at >= 0:
        if fits(text[at - 1] if at else "", before) and fits(text[at + len(string):at + len(string) + 1], after):
            return True
        at = text.find(string, at + 1)
    return False


def fits(char: str, word: bool | None) -> bool:
    if word is None or not char or char == OTHER:
        return True
    return (char in WORD_CHARS) == word


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def bare_empty(strings: frozenset[str]) -> bool:
    """Whether one of the strings is empty but for boundaries: a match may then hold no character of it."""
    return any(not s.strip(BOUND) for s in strings)


def requirement(node: Any, reader: Reader) -> frozenset[str] | None:
    core = reader.core
    kind = type(node)
    if kind is core.Sequence:
        return sequence_requirement(node.items, reader)
    if kind is core.Branch:
        found: set[str] = set()
        for branch in node.branches:
            needed = requirement(branch, reader)
            if not needed:
                return None
            found |= needed
        return frozenset(found)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return requirement(node.subpattern, reader) if node.min_count >= 1 else None
    if kind in (core.Group, core.Atomic):
        return requirement(node.subpattern, reader)
    strings = exact(node, reader)
    return strings if strings and not bare_empty(strings) else None


def sequence_requirement(items: list[Any], reader: Reader) -> frozenset[str] | None:
    """The most selective requirement among the sequence's runs of exact items and its other items' own."""
    return max(sequence_requirements(items, reader), key=selectivity, default=None)


def sequence_requirements(items: list[Any], reader: Reader) -> list[frozenset[str]]:
    """The requirements of the sequence's runs of exact items and its other items' own: a match holds each."""
    options: list[frozenset[str]] = []
    run: frozenset[str] = frozenset([""])
    for item in items:
        strings = exact(item, reader)
        if strings is not None and len(run) * len(strings) <= EXACT_LIMIT:
            run = frozenset(a + b for a in run for b in strings)
            continue
        options.append(run)
        run = frozenset([""]) if strings is None else strings
        needed = requirement(item, reader) if strings is None else None
        if needed:
            options.append(needed)
    options.append(run)
    return [o for o in options if not bare_empty(o)]


def exact(node: Any, reader: Reader) -> frozenset[str] | None:
    """Every string the node can match (lower case), when they are at most EXACT_LIMIT; else None."""
    if id(node) not in reader.memo:
        reader.memo[id(node)] = strings_of(node, reader)
    return reader.memo[id(node)]


def strings_of(node: Any, reader: Reader) -> frozenset[str] | None:
    core = reader.core
    kind = type(node)
    if reader.bounds and kind in (core.Boundary, core.DefaultBoundary) and node.positive:
        return frozenset([BOUND])
    if isinstance(node, (core.ZeroWidthBase, core.LookAround)):
        return frozenset([""])  # matches no character: the strings around it stay adjacent
    if kind is core.Character:
        letter = plain_character(node, core)
        return frozenset([letter]) if letter else None
    if kind is core.SetUnion and node.positive and not node.zerowidth:
        letters = [plain_character(item, core) for item in node.items]
        return frozenset(letters) if all(letters) else None
    if kind in (core.Group, core.Atomic):
        return exact(node.subpattern, reader)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat) and node.min_count == 0 and node.max_count == 1:
        body = exact(node.subpattern, reader)
        return None if body is None or len(body) >= EXACT_LIMIT else body | {""}
    if kind is core.Branch:
        found: set[str] = set()
        for branch in node.branches:
            strings = exact(branch, reader)
            if strings is None or len(found | strings) > EXACT_LIMIT:
                return None
            found |= strings
        return frozenset(found)
    if kind is core.Sequence:
        run = frozenset([""])
        for item in node.items:
            strings = exact(item, reader)
            if strings is None or len(run) * len(strings) > EXACT_LIMIT:
                return None
            run = frozenset(a + b for a in run for b in strings)
        return run
    return None


def plain_character(node: Any, core: Any) -> str | None:
    """The lower-cased character a node matches, when it matches exactly one (ignoring case) and is
    ASCII, punctuation or private use: characters no other one matches when case is ignored."""
    if type(node) is not core.Character or not node.positive or node.zerowidth:
        return None
    letter = chr(node.value)
    if letter.isascii():
        return letter.lower()
    return letter if unicodedata.category(letter)[0] == "P" or unicodedata.category(letter) == "Co" else None


COMMON = frozenset({"the", "its", "our", "their", "of", "in", "on", "to", "and", "a", "an", "is", "was", "it", "for", "by",
                    "as", "at", "be", "are", "were", "with", "or", "from"})  # in nearly every sentence


def selectivity(strings: frozenset[str]) -> tuple[int, int]:
    """Longer strings first, then fewer of them; spaces and slot marks (in nearly every stretch, or every
    window of frames) do not count, and one of the commonest words counts as one character."""
    return min(weight(s) for s in strings), -len(strings)


def weight(string: str) -> int:
    letters = string.replace(BOUND, "").strip(" \ue000\ue001\ue002")
    return 1 if letters in COMMON else len(letters)
