"""SubRip (.srt) and WebVTT (.vtt) subtitles.

The libraries parse the cues; each cue's lines are then found in the original text, searching
forward, so offsets stay exact. Everything outside cue text (numbers, timing lines, the WEBVTT
header, NOTE and STYLE blocks, the line breaks between cues) is blanked with spaces, so
consecutive cues read as one paragraph and a sentence may run from one cue into the next.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex
import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.models import Timestamp

from factcheck.errors import InputError
from factcheck.formats.base import Buffer, Region, decode_references

SRT_TIME = r"\d+[,.:，．。：]\d+[,.:，．。：]\d+(?:[,.:，．。：]\d*)?"
SRT_TIMING = regex.compile(rf"(?P<start>{SRT_TIME}) *-[ -] *> *(?P<end>{SRT_TIME})")
VTT_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}"
VTT_TIMING = regex.compile(rf"(?P<start>{VTT_TIME})\s*-->\s*(?P<end>{VTT_TIME})")
ARROW_LINE = regex.compile(r"^[^\n]*-->", regex.MULTILINE)  # a line that should be a cue's timing
# <i>, <font ...>, <v Name>, <c.loud>, karaoke times <00:00:01.000>, and ASS overrides {\an8}.
CUE_TAG = regex.compile(r"</?[A-Za-z][^<>\n]*>|<\d[\d:.]*>|\{\\[^{}\n]*\}")


@dataclass(frozen=True, slots=True)
class Cue:
    """A parsed cue: its times (to recognise its timing line), raw text lines and voice."""

    start: object
    end: object
    lines: Sequence[str]
    voice: str | None = None


def prepare_srt(path: str, text: str, buffer: Buffer) -> tuple[list[Region], list[str]]:
    """Blank all but the cue text of an SRT file; one region per cue, and a warning (with its
    line) for each block that cannot be read. A text with no block at all is not SRT."""
    cues, warnings, expected = [], [], 0
    for block in srt.SRT_REGEX.finditer(text):  # the library's own block syntax, one block at a time
        warnings.extend(_unread(text, expected, block.start()))
        expected = block.end()
        try:
            times = [srt.srt_timestamp_to_timedelta(block[group]) for group in (2, 3)]
        except (srt.TimestampParseError, ValueError, OverflowError):
            warnings.append(f"line {_line(text, block.start(2))}: a subtitle whose times cannot be read; not scanned")
            continue
        cues.append(Cue(*times, block[5].replace("\r\n", "\n").split("\n")))
    warnings.extend(_unread(text, expected, len(text)))
    if not cues and text.strip():
        raise InputError(f"{path}: not a valid SRT file: no subtitle block can be read at line "
                         f"{_line(text, len(text) - len(text.lstrip()))}")
    regions, _ = lay_out(text, buffer, cues, SRT_TIMING, srt.srt_timestamp_to_timedelta)
    return regions, warnings


def prepare_vtt(path: str, text: str, buffer: Buffer) -> tuple[list[Region], list[str]]:
    """Blank all but the cue text of a WebVTT file; one region per cue, with its voice, and a
    warning (with its line) for each cue timing line the parser passed over. An empty file has no cues."""
    if not text.strip():
        buffer.blank_all(0, len(text))
        return [], []
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError, ValueError) as exc:
        raise InputError(f"{path}: not a valid WebVTT file: {_one_line(exc)}") from None
    cues = [Cue(item.start_time, item.end_time, item.lines, item.voice) for item in captions]
    regions, used = lay_out(text, buffer, cues, VTT_TIMING, Timestamp.from_string)
    warnings = [f"line {_line(text, arrow.start())}: a cue whose timing line cannot be read; not scanned"
                for arrow in ARROW_LINE.finditer(text) if arrow.start() not in used]
    return regions, warnings


def lay_out(
    text: str,
    buffer: Buffer,
    cues: Sequence[Cue],
    timing: regex.Pattern[str],
    parse_time: Callable[[str], object],
) -> tuple[list[Region], set[int]]:
    """Find each cue in `text` after the previous one and keep only its text in `buffer`;
    also where each timing line that was used starts."""
    buffer.blank_all(0, len(text))
    regions: list[Region] = []
    used: set[int] = set()
    cursor = 0
    for cue in cues:
        line = _timing_line(text, cursor, cue, timing, parse_time)
        if line is None:
            continue
        cursor = line.end()
        used.add(text.rfind("\n", 0, line.start()) + 1)
        span = _cue_text(text, cursor, cue.lines)
        if span is None:
            continue
        cursor = span[1]
        _keep_cue_text(text, buffer, *span)
        regions.append(Region(*span, speaker=cue.voice, cue=(line["start"], line["end"])))
    return regions, used


def _timing_line(
    text: str, cursor: int, cue: Cue, timing: regex.Pattern[str], parse_time: Callable[[str], object]
) -> regex.Match[str] | None:
    """The first timing line after `cursor` whose times are the cue's (skips blocks the parser dropped)."""
    for match in timing.finditer(text, cursor):
        try:
            if parse_time(match["start"]) == cue.start and parse_time(match["end"]) == cue.end:
                return match
        except (ValueError, OverflowError, MalformedCaptionError):
            continue
    return None


def _cue_text(text: str, cursor: int, lines: Sequence[str]) -> tuple[int, int] | None:
    """Start and end of the cue's non-blank lines, found in order from `cursor`."""
    start = end = None
    for line in lines:
        if not line.strip():
            continue
        found = text.find(line, cursor)
        if found < 0:
            break
        start = found if start is None else start
        end = cursor = found + len(line)
    return None if start is None or end is None else (start, end)


def _keep_cue_text(text: str, buffer: Buffer, start: int, end: int) -> None:
    buffer.copy_from(text, start, end)
    for tag in CUE_TAG.finditer(text, start, end):
        buffer.blank(tag.start(), tag.end())
    decode_references(buffer, text, start, end)


def overlay(cues: Sequence[Region], speakers: Sequence[Region]) -> list[Region]:
    """Cut cue regions where a speaker label's region begins or ends, giving each piece its speaker.

    A cue's own voice (a <v Name> tag) wins over a label's speaker.
    """
    bounds = sorted({edge for region in (*cues, *speakers) for edge in (region.start, region.end)})
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        cue, speaker = _covering(cues, start), _covering(speakers, start)
        if cue is not None:
            name = cue.speaker or (speaker.speaker if speaker else None)
            pieces.append(Region(start, end, speaker=name, cue=cue.cue))
    return pieces


def _covering(regions: Sequence[Region], offset: int) -> Region | None:
    index = bisect.bisect_right(regions, offset, key=lambda region: region.start) - 1
    return regions[index] if index >= 0 and offset < regions[index].end else None


def _unread(text: str, start: int, end: int) -> list[str]:
    """A warning for text between subtitle blocks that is not one, at its first line."""
    skipped = text[start:end]
    if not skipped.strip():
        return []
    line = _line(text, start + len(skipped) - len(skipped.lstrip()))
    return [f"line {line}: text that is not a subtitle block; not scanned"]


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
