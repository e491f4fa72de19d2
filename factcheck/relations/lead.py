"""Frames that open with any words up to a mark (`[^\\ue002]*\\ue002`: the rest of a sentence, then its break).

Such a frame has no starts to read (a match may open anywhere), and an overlapped search matches it at
every position before the mark: each of those matches runs the rest of the pattern from the same mark
and differs from the match at the mark only in where it starts, as `[^y]*` (or `[^y]*?`) can stop nowhere
but at the first y after it. So the frame is matched once at each mark, and that match stands for the
matches that start between it and the mark before.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import regex

from factcheck.extract.regexparse import parse, syntax

LEADS: dict[tuple[str, int], str | None] = {}  # a pattern's mark, by its source and flags, once read
# the usual spelling, read without parsing the whole pattern (a warm start would pay for that): [^y]*(?:y) or [^y]*y
CHAR = r"\\u[0-9a-fA-F]{4}|[^\\()\[\]|*+?{}.^$]"
SPELLED = regex.compile(rf"\[\^({CHAR})\]\*\??(?:\(\?:({CHAR})\)|({CHAR}))(?![*+?{{])")


def lead_mark(pattern: Any) -> str | None:
    """The mark y of a pattern that opens with `[^y]*` or `[^y]*?` and then y, y having no other case; else None."""
    key = (pattern.pattern, pattern.flags)
    if key not in LEADS:
        LEADS[key] = (spelled_mark(*key) or read_mark(*key)
                      if pattern.pattern.startswith("[^") and "\\G" not in pattern.pattern else None)
    return LEADS[key]


def spelled_mark(source: str, flags: int) -> str | None:
    """The mark where the pattern spells its lead the usual way, else None (then `read_mark` parses it)."""
    found = SPELLED.match(source)
    if found is None or branches(source):
        return None
    mark, after = char_of(found[1]), char_of(found[2] or found[3])
    if mark != after or not set(regex._regex.get_all_cases(flags, ord(mark))) <= {ord(mark)}:
        return None
    return mark


def branches(source: str) -> bool:
    """Whether the pattern has a `|` outside every group and class: then its opening is one branch's only."""
    depth = 0
    for _, char in syntax(source):
        if char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def char_of(text: str) -> str:
    return chr(int(text[2:], 16)) if text.startswith("\\u") else text


def read_mark(source: str, flags: int) -> str | None:
    try:
        return mark_of(source, flags)
    except Exception:  # a version of regex whose parser or nodes differ: the frame is searched as before
        return None


def mark_of(source: str, flags: int) -> str | None:
    """The mark the pattern's leading `[^y]*y` stops at, read from regex's own parse tree."""
    from regex import _regex_core as core

    tree = parse(source, flags)[0]
    if type(tree) is not core.Sequence or len(tree.items) < 2:
        return None
    star, mark = tree.items[0], first_item(tree.items[1:], core)
    if (type(star) not in (core.GreedyRepeat, core.LazyRepeat) or star.min_count != 0 or star.max_count is not None
            or type(star.subpattern) is not core.Character or star.subpattern.positive or star.subpattern.zerowidth):
        return None
    if type(mark) is not core.Character or not mark.positive or mark.zerowidth or mark.value != star.subpattern.value:
        return None
    caseless = set(regex._regex.get_all_cases(flags, mark.value)) <= {mark.value}
    return chr(mark.value) if caseless else None


def first_item(items: list[Any], core: Any) -> Any:
    """The first item of a sequence, seen through the non-capturing groups it opens with (`(?:\ue002)`)."""
    for item in items:
        if type(item) is not core.Sequence:
            return item
        if item.items:
            return first_item(item.items, core)
    return None


class Shifted:
    """A match that starts earlier than the match it stands for (see the module), which it is in all else."""

    __slots__ = ("match", "begin")

    def __init__(self, match: Any, begin: int) -> None:
        self.match, self.begin = match, begin

    def start(self) -> int:
        return self.begin

    def span(self) -> tuple[int, int]:
        return self.begin, self.match.end()

    def group(self, name: str | int = 0) -> Any:
        return self.match.string[self.begin:self.match.end()] if name == 0 else self.match.group(name)

    def captures(self, name: str | int) -> list[str]:
        return list(self.match.captures(name))


def marks_until(text: str, mark: str, last: int) -> list[int]:
    """The marks of the text that end a run of other characters holding a position at `last` or before."""
    found, at = [], text.find(mark)
    while at >= 0 and (found[-1] if found else -1) < last:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


def spread(matches: list[Any], marks: list[int], last: int) -> list[Any]:
    """The matches at the marks, each preceded by those it stands for (from after the mark before it on), of the
    matches that start at `last` or before: what an overlapped search finds."""
    found: list[Any] = []
    for match in matches:
        at = match.start()
        index = bisect_left(marks, at)
        before = marks[index - 1] if index else -1
        found.extend(Shifted(match, begin) for begin in range(before + 1, min(at, last + 1)))
        if at <= last:
            found.append(match)
    return found
