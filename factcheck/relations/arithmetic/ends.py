"""Two figures a frame binds without saying which is which ("the only two of their kind").

A frame may bind the `ends` of a relation where the words do not order them: "We now employ
1,150; when we started it was 230 — a fivefold increase". The relation itself says which end
is which: growth ends larger, a fall smaller; a multiple above one is the larger figure; a part
is no larger than its whole. This fills the roles from the ends before the arithmetic runs.
"""

from __future__ import annotations

from factcheck.intervals import IntervalError
from factcheck.relations.arithmetic.common import CheckOptions, alike, in_unit, interval
from factcheck.relations.arithmetic.part_of_whole import in_one_measure
from factcheck.relations.link import Link

SAID_AGAIN = 0.05  # two ends in other units this close are one amount said twice

ROLES_BY_SIZE = {
    # check type: (role of the smaller end, role of the larger end), as the relation grows
    "percent_change": ("old", "new"),
    "multiplier": ("base", "target"),
    "ratio": ("reference", "subject"),
    "difference": ("reference", "subject"),
    "share": ("part", "whole"),
}


def resolve_ends(link: Link, options: CheckOptions) -> Link:
    """The link with its two ends put in their roles; unchanged when it has no ends to place."""
    ends = link.role("ends")
    if len(ends) == 2:
        ends = in_one_measure(*ends)
    if len(ends) != 2 or link.type not in ROLES_BY_SIZE or not alike(ends):
        return link
    try:
        (small, smaller), (large, larger) = sorted(((in_unit(interval(c, options), c.unit, ends[0].unit).value, c) for c in ends),
                                                   key=lambda sized: sized[0])
    except IntervalError:
        return link
    if smaller.unit != larger.unit and large <= small * (1 + SAID_AGAIN):
        return link  # "1.2 kilometres — that's three quarters of a mile": one amount in two units, no two ends
    low_role, high_role = ROLES_BY_SIZE[link.type]
    if shrinks(link):
        low_role, high_role = high_role, low_role
    roles = {role: claims for role, claims in link.roles.items() if role != "ends"}
    roles[low_role], roles[high_role] = (smaller,), (larger,)
    return Link(link.type, link.rule, link.trigger, roles, link.meta)


def shrinks(link: Link) -> bool:
    """Whether the relation runs from the larger end to the smaller: a fall, a multiple under one."""
    if link.type == "share":
        return False
    factor = link.one("factor")
    below_one = factor is not None and isinstance(factor.value, (int, float)) and factor.value < 1
    return (link.meta.get("direction") == -1) != below_one
