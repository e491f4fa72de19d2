"""Shared pieces of the input formats: the result types and a same-length masking buffer."""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass

import regex

from factcheck.terminal import ESCAPE

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
    """What extraction scans: `scan_text` has the length of the original text, markup blanked.

    `gaps` are the spans of padding after decoded character references ("&#44;" is "," and
    four spaces): extraction reads the text without them, so "1&#44;000" is one figure.
    """

    scan_text: str
    regions: tuple[Region, ...]
    front_matter_date: str | None
    gaps: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()


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
        self.gaps: list[tuple[int, int]] = []

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

    def decode(self, start: int, end: int, replacement: str) -> None:
        """Write what a character reference stands for; its padding is a gap, read as nothing."""
        self.put(start, end, replacement)
        if start + len(replacement) < end:
            self.gaps.append((start + len(replacement), end))

    def copy_from(self, text: str, start: int, end: int) -> None:
        """Restore the original characters of [start, end)."""
        self._chars[start:end] = text[start:end]

    def text(self) -> str:
        return "".join(self._chars)


CHAR_REFERENCE = regex.compile(r"&(?:#\d{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});")
MAX_REFERENCE = 40  # "&" + 32 letters + ";" is the longest real one


def unescape(reference: str) -> str:
    """What a character reference stands for; one too long to be real stays as written
    (html.unescape reads "&#" and 5,000 digits into an int past Python's limit)."""
    return html.unescape(reference) if len(reference) <= MAX_REFERENCE else reference


def decode_references(buffer: Buffer, text: str, start: int = 0, end: int | None = None) -> None:
    """Decode every character reference of text[start:end] into `buffer`."""
    for reference in CHAR_REFERENCE.finditer(text, start, len(text) if end is None else end):
        buffer.decode(reference.start(), reference.end(), unescape(reference.group()))


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
    """Blank bare URLs, e-mail addresses and terminal escape sequences: their digits are never
    claims ("\x1b[0m" is no figure of 0 metres)."""
    scan = buffer.text()
    for match in BARE_URL.finditer(scan):
        buffer.blank(match.start(), url_end(scan, match.start(), match.end()))
    for pattern in (EMAIL, ESCAPE):
        for match in pattern.finditer(scan):
            buffer.blank(match.start(), match.end())
