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
"""

from __future__ import annotations

import unicodedata
from typing import Any

Literals = tuple[str, ...]
Gate = tuple[Literals, ...]  # every match holds one string of each
EXACT_LIMIT = 64  # the most strings a run of a sequence may stand for before it is cut
MAX_REQUIREMENTS = 4  # of the pattern's own sequence, the most selective ones a gate tests
SELECTIVE = 2  # the least weight (see `selectivity`) of a requirement tested after the first


def required_literals(pattern: str, flags: int) -> Literals | None:
    """Strings (lower case) one of which every match of the pattern holds; None when none is known."""
    found = required_all(pattern, flags)
    return found[0] if found else None


def required_all(pattern: str, flags: int) -> Gate | None:
    """Up to MAX_REQUIREMENTS sets of strings (lower case), most selective first: every match of the
    pattern holds one string of each set. None when none is known."""
    try:
        from regex import _regex_core as core

        source = core.Source(pattern)
        info = core.Info(flags, source.char_type, {})
        info.guess_encoding = core.UNICODE
        node, memo = core._parse_pattern(source, info), {}
        found = (sequence_requirements(node.items, core, memo) if type(node) is core.Sequence
                 else [needed] if (needed := requirement(node, core, memo)) else [])
    except Exception:  # a version of regex whose parser differs: no gate, the rule simply always runs
        return None
    gate: list[Literals] = []
    for strings in sorted(found, key=selectivity, reverse=True):  # stable: the first is the sequence's `max`
        literals = tuple(sorted(shortest(strings)))
        if literals not in gate and (not gate or selectivity(strings)[0] >= SELECTIVE):
            gate.append(literals)
    return tuple(gate[:MAX_REQUIREMENTS]) or None


def shortest(strings: frozenset[str]) -> frozenset[str]:
    """The strings that hold none of the others: a stretch holds one of them if and only if it holds one of all."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def admits(literals: Literals | None, lowered: str | None) -> bool:
    """Whether a stretch (lower-cased, or None when it is not ASCII) may hold a match."""
    return literals is None or lowered is None or any(map(lowered.__contains__, literals))


def admits_all(gate: Gate | None, lowered: str | None) -> bool:
    """Whether a stretch (lower-cased, or None when it is not ASCII) holds a string of each set of the gate."""
    return gate is None or lowered is None or all(any(map(lowered.__contains__, literals)) for literals in gate)


def requirement(node: Any, core: Any, memo: dict[int, frozenset[str] | None]) -> frozenset[str] | None:
    kind = type(node)
    if kind is core.Sequence:
        return sequence_requirement(node.items, core, memo)
    if kind is core.Branch:
        found: set[str] = set()
        for branch in node.branches:
            needed = requirement(branch, core, memo)
            if not needed:
                return None
            found |= needed
        return frozenset(found)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return requirement(node.subpattern, core, memo) if node.min_count >= 1 else None
    if kind in (core.Group, core.Atomic):
        return requirement(node.subpattern, core, memo)
    strings = exact(node, core, memo)
    return strings if strings and "" not in strings else None


def sequence_requirement(items: list[Any], core: Any, memo: dict[int, frozenset[str] | None]) -> frozenset[str] | None:
    """The most selective requirement among the sequence's runs of exact items and its other items' own."""
    return max(sequence_requirements(items, core, memo), key=selectivity, default=None)


def sequence_requirements(items: list[Any], core: Any, memo: dict[int, frozenset[str] | None]) -> list[frozenset[str]]:
    """The requirements of the sequence's runs of exact items and its other items' own: a match holds each."""
    options: list[frozenset[str]] = []
    run: frozenset[str] = frozenset([""])
    for item in items:
        strings = exact(item, core, memo)
        if strings is not None and len(run) * len(strings) <= EXACT_LIMIT:
            run = frozenset(a + b for a in run for b in strings)
            continue
        options.append(run)
        run = frozenset([""]) if strings is None else strings
        needed = requirement(item, core, memo) if strings is None else None
        if needed:
            options.append(needed)
    options.append(run)
    return [o for o in options if "" not in o]


def exact(node: Any, core: Any, memo: dict[int, frozenset[str] | None]) -> frozenset[str] | None:
    """Every string the node can match (lower case), when they are at most EXACT_LIMIT; else None. `memo`
    keeps what the nodes of one pattern gave, as a requirement asks again for the parts of a part."""
    if id(node) not in memo:
        memo[id(node)] = strings_of(node, core, memo)
    return memo[id(node)]


def strings_of(node: Any, core: Any, memo: dict[int, frozenset[str] | None]) -> frozenset[str] | None:
    kind = type(node)
    if isinstance(node, (core.ZeroWidthBase, core.LookAround)):
        return frozenset([""])  # matches no character: the strings around it stay adjacent
    if kind is core.Character:
        letter = plain_character(node, core)
        return frozenset([letter]) if letter else None
    if kind is core.SetUnion and node.positive and not node.zerowidth:
        letters = [plain_character(item, core) for item in node.items]
        return frozenset(letters) if all(letters) else None
    if kind in (core.Group, core.Atomic):
        return exact(node.subpattern, core, memo)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat) and node.min_count == 0 and node.max_count == 1:
        body = exact(node.subpattern, core, memo)
        return None if body is None or len(body) >= EXACT_LIMIT else body | {""}
    if kind is core.Branch:
        found: set[str] = set()
        for branch in node.branches:
            strings = exact(branch, core, memo)
            if strings is None or len(found | strings) > EXACT_LIMIT:
                return None
            found |= strings
        return frozenset(found)
    if kind is core.Sequence:
        run = frozenset([""])
        for item in node.items:
            strings = exact(item, core, memo)
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
    letters = string.strip(" \ue000\ue001\ue002")
    return 1 if letters in COMMON else len(letters)
