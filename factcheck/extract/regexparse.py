"""`regex`'s own parse of a pattern, for the code that reads patterns (gates, starts, slot counts, leads).

Reading a pattern costs little beside parsing it, and a rule's gate and its openings are read from the
same pattern one after the other, so the last few parses are kept (`parse`); the readers only walk the
tree. `regex`'s parser tests flags against `enum.IntFlag` members, each `&` a Python call;
`plain_flags` gives the parser's module the same flags as ints, which parses the rule files' patterns
a quarter faster and compiles them a fifth faster, to the same opcodes (tests/test_extract_regexparse.py).
Where a reader needs only the groups and alternations of a pattern's text, `syntax` walks it without a parse.
"""

from __future__ import annotations

import enum
import functools
from typing import Any, Iterator

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


def syntax(source: str) -> Iterator[tuple[int, str]]:
    """Each character of a pattern's text that is syntax, with its position: not escaped and outside every
    character class ("[]…]" and "[^]…]" hold a literal "]")."""
    class_from, escaped = -1, False  # class_from: where the open class's first member stands, else -1
    for at, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif class_from >= 0:
            class_from = -1 if char == "]" and at > class_from else class_from
        elif char == "[":
            class_from = at + 2 if source.startswith("^", at + 1) else at + 1
        else:
            yield at, char


plain_flags()
