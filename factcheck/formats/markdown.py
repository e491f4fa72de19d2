"""Markdown: blank front matter, code, comments, raw HTML, images and link targets; keep prose.

Indented code blocks: a run of lines indented by four spaces (or a tab) after a blank line is
code, unless a list is open (there the indentation continues a list item's paragraph).
Ordered-list numbers ("1.", "2)") are blanked; inside a paragraph only "1." can start a list.
Character references in prose ("&amp;", "&#44;") are decoded, as in HTML.
"""

from __future__ import annotations

import regex

from factcheck.formats.base import Buffer, decode_references

FRONT_OPEN = regex.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n")
FRONT_DATE = regex.compile(r"^date[ \t]*[:=][ \t]*(?P<value>\S.*?)[ \t]*\r?$", regex.MULTILINE)
FENCE = regex.compile(r" {0,3}(?P<fence>`{3,}|~{3,})")
FENCE_CLOSE = regex.compile(r" {0,3}(?P<fence>`{3,}|~{3,})[ \t]*\r?\n?\Z")
LIST_ITEM = regex.compile(r"[ \t]*(?:[-+*]|(?P<number>\d{1,9})[.)])(?:[ \t]|$)")
INDENTED = regex.compile(r"(?: {4}|[ ]{0,3}\t)")

NO_BLANK_LINE = r"(?:(?!\n[ \t]*\n).)"
CODE_SPAN = regex.compile(rf"(?<!`)(?P<ticks>`+)(?!`){NO_BLANK_LINE}+?(?<!`)(?P=ticks)(?!`)", regex.DOTALL)
COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
RAW_BLOCK = regex.compile(r"<(?P<tag>script|style)\b.*?(?:</(?P=tag)\s*>|\Z)", regex.DOTALL | regex.IGNORECASE)
LINK_TEXT = r"(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*"
DESTINATION = r"(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
TITLE = r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?"
IMAGE = regex.compile(rf"!\[{LINK_TEXT}\](?:\(\s*{DESTINATION}{TITLE}\s*\)|\[[^\[\]\n]*\])")
LINK = regex.compile(rf"\[(?P<text>{LINK_TEXT})\](?P<target>\(\s*{DESTINATION}{TITLE}\s*\)|\[[^\[\]\n]*\])")
REFERENCE_DEF = regex.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]*\S.*$", regex.MULTILINE)
AUTOLINK = regex.compile(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", regex.IGNORECASE)
HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
ESCAPE = regex.compile(r"\\(?=[!-/:-@\[-`{-~])")


def prepare_markdown(text: str, buffer: Buffer) -> str | None:
    """Mask Markdown markup in `buffer`; return the front matter's `date` value as written."""
    date = _front_matter(text, buffer)
    _blocks(buffer)
    for pattern in (CODE_SPAN, COMMENT, RAW_BLOCK, IMAGE, REFERENCE_DEF, AUTOLINK):
        _blank_matches(pattern, buffer)
    _links(buffer)
    _blank_matches(HTML_TAG, buffer)
    _blank_matches(ESCAPE, buffer)
    decode_references(buffer, buffer.text())
    return date


def _front_matter(text: str, buffer: Buffer) -> str | None:
    opening = FRONT_OPEN.match(text)
    if not opening:
        return None
    closing = regex.compile(rf"^(?:{regex.escape(opening['fence'])}|\.\.\.)[ \t]*\r?$", regex.MULTILINE)
    close = closing.search(text, opening.end())
    if not close:
        return None
    buffer.blank(0, close.end())
    date = FRONT_DATE.search(text, opening.end(), close.start())
    return date["value"] if date else None


def _blocks(buffer: Buffer) -> None:
    """Blank fenced blocks (an unclosed fence runs to the end), indented code and list numbers."""
    fence: str | None = None
    in_list = in_code = False
    after_blank = True
    position = 0
    for line in buffer.text().splitlines(keepends=True):
        start, position = position, position + len(line)
        blank = not line.strip()
        if fence is not None:
            buffer.blank(start, position)
            fence = None if _closes(line, fence) else fence
        elif (opening := FENCE.match(line)) and not _backtick_info(line, opening):
            fence = opening["fence"]
            buffer.blank(start, position)
        elif not blank and INDENTED.match(line) and (in_code or (after_blank and not in_list)):
            in_code = True
            buffer.blank(start, position)
        elif not blank:
            in_code = False
            item = LIST_ITEM.match(line)
            if item and (after_blank or in_list or item["number"] in (None, "1")):
                in_list = True
                _blank_number(buffer, start, item)
            else:
                in_list = in_list and (not after_blank or line[0] in " \t")
        after_blank = blank


def _blank_number(buffer: Buffer, line_start: int, item: regex.Match[str]) -> None:
    """An ordered list's "3." numbers an item; it is not a count."""
    if item["number"] is not None:
        buffer.blank(line_start + item.start("number"), line_start + item.end("number") + 1)


def _backtick_info(line: str, opening: regex.Match[str]) -> bool:
    """A backtick fence's info string may not hold a backtick (that is inline code)."""
    return opening["fence"][0] == "`" and "`" in line[opening.end() :]


def _closes(line: str, fence: str) -> bool:
    closing = FENCE_CLOSE.match(line)
    return bool(closing) and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence)


def _links(buffer: Buffer) -> None:
    """Keep a link's text; blank its brackets and target."""
    scan = buffer.text()
    for match in LINK.finditer(scan):
        buffer.blank(match.start(), match.start("text"))
        buffer.blank(match.end("text"), match.end())


def _blank_matches(pattern: regex.Pattern[str], buffer: Buffer) -> None:
    for match in pattern.finditer(buffer.text()):
        buffer.blank(match.start(), match.end())
