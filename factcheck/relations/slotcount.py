"""How many figures a frame's match needs: a window with fewer claims of the slots' tags cannot match.

`sum.any-total-breakdown` binds a total and at least two parts, so a sentence with fewer than
three levels need not be searched for it; nor a sentence pair with fewer than three levels for
`difference.pair-gap`. The counts come from the frame's pattern with each slot as a named group
(`marked`): a sequence adds what its items need, an alternation needs the least of its branches, a
repeat its minimum times its body, a group its body (and one slot, if it is a slot's); anything
else needs no slot. Each slot of a match is a claim of its own, with one of the slot's tags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import regex

from factcheck.extract.regexparse import parse
from factcheck.relations.slots import SLOT_CLOSE, SLOT_OPEN

ANY = ""  # the key of all slots together (with "{slot}" and any slot token the pattern spells out)
GROUP_PREFIX = "slot_"  # of the groups that stand for slots; tags are lower-case letters, joined by "_"
Least = tuple[tuple[frozenset[str], int], ...]


def marked(expanded: str, slot: Any) -> str | None:
    """The pattern for `least_slots`: each slot (that `slot` finds, its tags in group `tags`) as a named group
    after any words (its hedge's), as the frame's word gate reads it too, so that one parse serves both;
    None where the pattern's own text holds the groups' prefix (a group of its own could pass for a slot)."""
    if GROUP_PREFIX in expanded:
        return None
    return slot.sub(lambda m: f"(?:[^{SLOT_OPEN}]* )?"
                              f"(?P<{GROUP_PREFIX}{m.group('tags').replace('|', '_')}>{SLOT_OPEN}[^{SLOT_CLOSE}]*){SLOT_CLOSE}",
                    expanded)


def least_slots(marked: str) -> list[tuple[str, int]]:
    """For each tag set ("level|percent", or ANY for all slots), the fewest slots of those tags every match
    of the marked pattern holds (a slot of fewer tags counts for a tag set that holds them); [] if unknown."""
    try:
        from regex import _regex_core as core

        tree, info = parse(marked, regex.IGNORECASE)
        names = {index: name[len(GROUP_PREFIX):].replace("_", "|") for name, index in info.group_index.items()
                 if name.startswith(GROUP_PREFIX)}
        found = count(tree, names, core)
    except Exception:  # a version of regex whose parser differs: no counts, the frame simply always runs
        return []
    tag_sets = {key: frozenset(key.split("|")) for key in found if key != ANY}
    least = [(key, sum(n for other, n in found.items() if other != ANY and tag_sets[other] <= tag_sets[key]))
             for key in sorted(tag_sets)]
    least.append((ANY, found[ANY]))
    return [(key, n) for key, n in least if n]


def count(node: Any, names: dict[int, str], core: Any) -> Counter[str]:
    kind = type(node)
    if kind is core.Sequence:
        total: Counter[str] = Counter()
        for item in node.items:
            total.update(count(item, names, core))
        return total
    if kind is core.Branch:
        each = [count(branch, names, core) for branch in node.branches]
        return Counter({key: min(c[key] for c in each) for key in set().union(*each)})
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        return Counter({key: n * node.min_count for key, n in count(node.subpattern, names, core).items()})
    if kind is core.Group and node.group in names:
        return Counter({names[node.group]: 1, ANY: 1})
    if kind in (core.Group, core.Atomic):
        return count(node.subpattern, names, core)
    if kind is core.Character and node.positive and not node.zerowidth and chr(node.value) == SLOT_OPEN:
        return Counter({ANY: 1})
    return Counter()


def as_least(found: list[tuple[str, int]] | None) -> Least:
    """The counts as the matcher reads them: (tags, fewest claims with one of them); empty tags, any claim."""
    return tuple((frozenset(key.split("|")) if key != ANY else frozenset(), n) for key, n in found or ())


def enough(least: Least, claim_tags: Sequence[tuple[str, ...]]) -> bool:
    """Whether a window whose claims have these tags holds as many claims of each tag set as a match needs."""
    return all(sum(1 for tags in claim_tags if not wanted or not wanted.isdisjoint(tags)) >= n for wanted, n in least)
