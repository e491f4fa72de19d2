"""What reading one rule match yields: a value with its unit, range and qualifier, or NoValue.

Its own module so that the normalizer and the date reader it calls share it without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Value = int | float | str | None


@dataclass(slots=True)
class Normalized:
    kind: str
    value: Value
    unit: str | None = None
    low: Value = None
    high: Value = None
    qualifier: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class NoValue(Exception):
    """The match has the shape of a rule but its groups do not read as a value."""
