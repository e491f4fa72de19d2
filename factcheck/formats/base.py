"""Shared pieces of the input formats: the result types and a same-length masking buffer."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

LINE_BREAKS = "\n\r"


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the original text with location detail beyond line/column."""

    start: int
    end: int
    speaker: str | None = None
    cue: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """What extraction scans: `scan_text` has the length of the original text, markup blanked."""

    scan_text: str
    regions: tuple[Region, ...]
    front_matter_date: str | None


def region_at(prepared: Prepared, offset: int) -> Region | None:
    """The region holding `offset`, or None."""
    index = bisect.bisect_right(prepared.regions, offset, key=lambda region: region.start) - 1
    if index < 0:
        return None
    region = prepared.regions[index]
    return region if region.start <= offset < region.end else None


class Buffer:
    """A mutable copy of the text whose length never changes."""

    def __init__(self, text: str) -> None:
        self._chars = list(text)

    def __len__(self) -> int:
        return len(self._chars)

    def blank(self, start: int, end: int) -> None:
        """Spaces over [start, end), keeping line breaks so lines stay lines."""
        for index in range(start, end):
            if self._chars[index] not in LINE_BREAKS:
                self._chars[index] = " "

    def blank_all(self, start: int, end: int) -> None:
        """Spaces over [start, end), line breaks included (joins the text around it)."""
        self._chars[start:end] = " " * (end - start)

    def put(self, start: int, end: int, replacement: str) -> None:
        """Write `replacement` at `start`, padded with spaces up to `end` (never longer)."""
        width = end - start
        if len(replacement) > width:
            raise ValueError("replacement longer than the span it replaces")
        self._chars[start:end] = replacement + " " * (width - len(replacement))

    def copy_from(self, text: str, start: int, end: int) -> None:
        """Restore the original characters of [start, end)."""
        self._chars[start:end] = text[start:end]

    def text(self) -> str:
        return "".join(self._chars)


# A bare web address; trailing sentence punctuation is trimmed off by url_end().
BARE_URL = regex.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"]+", regex.IGNORECASE)
EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
TRAILING = ".,;:!?'\"’”"


def url_end(text: str, start: int, end: int) -> int:
    """Pull `end` back over trailing punctuation and unbalanced closing brackets."""
    pairs = {")": "(", "]": "["}
    while end > start:
        last = text[end - 1]
        if last in TRAILING:
            end -= 1
        elif last in pairs and text.count(pairs[last], start, end) < text.count(last, start, end):
            end -= 1
        else:
            break
    return end


def mask_addresses(buffer: Buffer) -> None:
    """Blank bare URLs and e-mail addresses: their digits are never claims."""
    scan = buffer.text()
    for match in BARE_URL.finditer(scan):
        buffer.blank(match.start(), url_end(scan, match.start(), match.end()))
    for match in EMAIL.finditer(scan):
        buffer.blank(match.start(), match.end())
