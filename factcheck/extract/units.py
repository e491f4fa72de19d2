"""Unit arithmetic through pint, loaded once and only when a conversion is needed; the answers
about unit names (a factor, a dimension) are remembered, as pint takes tens of microseconds each."""

from __future__ import annotations

import functools
from typing import Any


STATUTE = ("acre = 43560 * foot ** 2 = ac",)  # the international acre: one square mile is exactly 640 acres


@functools.cache
def registry() -> Any:
    """pint's registry, with the statute definitions where pint's default differs (its acre is the survey acre)."""
    import pint

    ureg = pint.UnitRegistry(on_redefinition="ignore")
    for definition in STATUTE:
        ureg.define(definition)
    return ureg


@functools.lru_cache(maxsize=4096)
def is_unit(name: str) -> bool:
    """Whether pint knows the unit expression (used to validate rule tables)."""
    try:
        registry().parse_units(name)
    except Exception:  # pint raises several unrelated error types for unknown names
        return False
    return True


def canonical(expression: str) -> str | None:
    """pint's own spelling of a unit expression ("(kilogram) / (meter ** 3)" -> "kilogram / meter ** 3"), or None."""
    try:
        return str(registry().parse_units(expression))
    except Exception:  # pint raises several unrelated error types for unknown names
        return None


@functools.lru_cache(maxsize=4096)
def factor(source: str, target: str) -> float | None:
    """How many `target` one `source` is, or None when the two do not measure the same thing."""
    if source == target and source.isidentifier():
        return 1.0  # "a year and a half": no need to load pint for a unit over itself
    ureg = registry()
    try:
        return float(ureg.Quantity(1, source).to(target).magnitude)
    except Exception:  # DimensionalityError, UndefinedUnitError, OffsetUnitCalculusError ...
        return None


@functools.lru_cache(maxsize=4096)
def dimension(name: str) -> str | None:
    """A readable dimensionality ('[length]', '[mass]') of a unit expression, or None."""
    try:
        return str(registry().parse_units(name).dimensionality)
    except Exception:
        return None


def convert(value: float, source: str, target: str) -> float | None:
    """value in `source` expressed in `target` (offset units such as degrees work too), or None."""
    ureg = registry()
    try:
        return float(ureg.Quantity(value, source).to(target).magnitude)
    except Exception:  # DimensionalityError, UndefinedUnitError ...
        return None
