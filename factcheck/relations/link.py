"""A relation instance: which claims a matched frame binds to which role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.model import Claim


@dataclass(slots=True)
class Link:
    """One match of a frame: the check type, the frame's id, the claim that locates it and the roles.

    `meta` holds the frame's settings, the words its named groups captured (read through the
    table of the same name where there is one) and the document date. `open` holds, for each
    role the frame leaves free, the figures of the window that may fill it.
    """

    type: str
    rule: str
    trigger: Claim
    roles: dict[str, tuple[Claim, ...]]
    meta: dict[str, Any] = field(default_factory=dict)
    open: dict[str, tuple[Claim, ...]] = field(default_factory=dict)

    def role(self, name: str) -> tuple[Claim, ...]:
        return self.roles.get(name, ())

    def one(self, name: str) -> Claim | None:
        found = self.roles.get(name, ())
        return found[0] if found else None

    def claim_ids(self) -> frozenset[str]:
        return frozenset(c.id for claims in self.roles.values() for c in claims)

    def with_role(self, name: str, claims: tuple[Claim, ...]) -> Link:
        """The same link with the role filled by other claims (what the text may have meant instead)."""
        return Link(self.type, self.rule, self.trigger, {**self.roles, name: claims}, self.meta)
