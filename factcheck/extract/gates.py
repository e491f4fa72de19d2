"""Cheap gates for rule patterns: literal strings one of which every match must hold.

A rule runs on stretches of text around its anchors. Most stretches cannot hold a match of
most rules ("to" must be there for "5 to 10", "times" for "3 times"), and running a rule with
thousands of alternatives on a stretch costs far more than looking for a few short strings in
it. `required_literals` reads the pattern's syntax tree (from `regex`'s own parser) and returns
strings, one of which every match contains:

- a run of plain ASCII characters in a sequence is required where the sequence is;
- an alternation requires the union of what each branch requires (nothing, if one branch
  requires nothing);
- a repeat requires what its body requires when it repeats at least once; a group, what its
  body requires;
- anything else (a class, a property, a lookaround, a backreference) requires nothing known.

Of the requirements of a sequence the most selective one is kept. The strings are in lower
case and only used on ASCII text (`admits`): there, case-insensitive matching is plain lower
casing, with none of Unicode's special folds (the Kelvin sign, the long s).
"""

from __future__ import annotations

from typing import Any

Literals = tuple[str, ...]


def required_literals(pattern: str, flags: int) -> Literals | None:
    """Strings (lower case) one of which every match of the pattern holds; None when none is known."""
    try:
        from regex import _regex_core as core

        source = core.Source(pattern)
        info = core.Info(flags, source.char_type, {})
        info.guess_encoding = core.UNICODE
        found = requirement(core._parse_pattern(source, info), core)
    except Exception:  # a version of regex whose parser differs: no gate, the rule simply always runs
        return None
    return tuple(sorted(found)) if found else None


def admits(literals: Literals | None, lowered: str | None) -> bool:
    """Whether a stretch (lower-cased, or None when it is not ASCII) may hold a match."""
    return literals is None or lowered is None or any(literal in lowered for literal in literals)


def requirement(node: Any, core: Any) -> frozenset[str] | None:
    kind = type(node)
    if kind is core.Sequence:
        return sequence_requirement(node.items, core)
    if kind is core.Branch:
        found: set[str] = set()
        for branch in node.branches:
            needed = requirement(branch, core)
            if not needed:
                return None
            found |= needed
        return frozenset(found)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return requirement(node.subpattern, core) if node.min_count >= 1 else None
    if kind in (core.Group, core.Atomic):
        return requirement(node.subpattern, core)
    letter = plain_character(node, core)
    return frozenset([letter]) if letter else None


def sequence_requirement(items: list[Any], core: Any) -> frozenset[str] | None:
    """The most selective requirement among the sequence's literal runs and its items' own."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for item in items:
        letter = plain_character(item, core)
        if letter:
            run.append(letter)
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        needed = requirement(item, core)
        if needed:
            options.append(needed)
    if run:
        options.append(frozenset(["".join(run)]))
    return max(options, key=selectivity, default=None)


def plain_character(node: Any, core: Any) -> str | None:
    """The lower-cased ASCII character a node matches, when it matches exactly one (ignoring case)."""
    if type(node) is core.Character and node.positive and not node.zerowidth and node.value < 0x80:
        return chr(node.value).lower()
    return None


def selectivity(strings: frozenset[str]) -> tuple[int, int]:
    """Longer strings first (spaces, in nearly every stretch, do not count), then fewer of them."""
    return min(len(s.strip()) for s in strings), -len(strings)
