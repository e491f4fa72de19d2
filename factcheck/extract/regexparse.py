"""`regex`'s own parse of a pattern, for the code that reads patterns (gates, starts, slot counts, leads).

Reading a pattern costs little beside parsing it, and a rule's gate and its openings are read from the
same pattern one after the other, so the last few parses are kept (`parse`); the readers only walk the
tree. `regex`'s parser tests flags against `enum.IntFlag` members, each `&` a Python call;
`plain_flags` gives the parser's module the same flags as ints, which parses the rule files' patterns
a quarter faster and compiles them a fifth faster, to the same opcodes (tests/test_extract_regexparse.py).
"""

from __future__ import annotations

import enum
import functools
from typing import Any

from regex import _regex_core as core


def plain_flags() -> None:
    """Make the flag constants of `regex`'s parser plain ints (equal values; `regex.I` and the others that
    callers use stay as they are). Safe to call more than once."""
    for name, value in list(vars(core).items()):
        if isinstance(value, enum.IntFlag):
            setattr(core, name, int(value))
        elif isinstance(value, dict) and any(isinstance(item, enum.IntFlag) for item in (*value, *value.values())):
            plain = {plain_int(key): plain_int(item) for key, item in value.items()}
            value.clear()
            value.update(plain)  # in place: the parser's functions hold the dict itself


def plain_int(value: Any) -> Any:
    return int(value) if isinstance(value, enum.IntFlag) else value


@functools.lru_cache(maxsize=8)
def parse(pattern: str, flags: int) -> tuple[Any, Any]:
    """The syntax tree of the pattern and the parser's `Info` (its groups and flags); raises what the
    parser raises. The tree is shared: a reader must not change it."""
    source = core.Source(pattern)
    info = core.Info(int(flags), source.char_type, {})
    info.guess_encoding = int(core.UNICODE)
    return core._parse_pattern(source, info), info


plain_flags()
