"""Input formats: turn a decoded document into the text extraction scans.

`prepare` returns a `scan_text` exactly as long as the original, with markup, code, cue timings
and speaker labels blanked by spaces, so every offset still points into the original text.
"""

from __future__ import annotations

import os

from factcheck.formats.base import Buffer, Prepared, Region, mask_addresses, region_at
from factcheck.formats.speakers import mark_speakers

__all__ = ["Prepared", "Region", "format_of", "prepare", "region_at"]

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".srt": "srt",
    ".vtt": "vtt",
}


def format_of(path: str) -> str:
    """The input format named by the file extension (case-insensitive); "plain" otherwise."""
    return FORMATS.get(os.path.splitext(path)[1].lower(), "plain")


def prepare(path: str, text: str) -> Prepared:
    """The scan text, location regions and front-matter date of one decoded document.

    Raises InputError for a subtitle file its parser rejects as a whole; a cue it cannot read
    is a warning with its line.
    """
    buffer = Buffer(text)
    kind = format_of(path)
    date = None
    cues: list[Region] = []
    warnings: list[str] = []
    if kind == "markdown":  # each format's module is loaded for its files only
        from factcheck.formats.markdown import prepare_markdown

        date = prepare_markdown(text, buffer)
    elif kind == "html":
        from factcheck.formats.htmltext import prepare_html

        prepare_html(text, buffer)
    elif kind in ("srt", "vtt"):
        from factcheck.formats import subtitles  # srt and webvtt are loaded for subtitle files only

        cues, warnings = (subtitles.prepare_srt if kind == "srt" else subtitles.prepare_vtt)(path, text, buffer)
    mask_addresses(buffer)
    speakers = mark_speakers(text, buffer)
    regions = subtitle_regions(cues, speakers) if cues else speakers
    return Prepared(buffer.text(), tuple(regions), date, tuple(sorted(buffer.gaps)), tuple(warnings))


def subtitle_regions(cues: list[Region], speakers: list[Region]) -> list[Region]:
    """The cues, split where a speaker's turn begins inside one."""
    from factcheck.formats.subtitles import overlay

    return overlay(cues, speakers)
