"""HTML: keep the text of the body; blank tags, comments, head, scripts, styles and code.

Character references become the character they stand for, padded with spaces that extraction
reads as nothing (`Buffer.decode`), so "1&#44;000" and "12&#37;" are one figure each. Block-level
tags become a paragraph break ("\\n\\n" then spaces; "<br>" a single "\\n") so sentences do not
run across paragraphs, cells or list items.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from factcheck.formats.base import Buffer, unescape

NEWLINE = re.compile("\n")  # html.parser counts lines by "\n" alone
SKIPPED = frozenset({"head", "title", "script", "style", "template", "noscript", "svg", "pre", "code"})
BLOCKS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav
    ol option p section summary table tbody td tfoot th thead tr ul""".split()
)


def prepare_html(text: str, buffer: Buffer) -> None:
    """Rewrite `buffer` (a copy of `text`) so only body prose and its references remain."""
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    buffer.blank(0, len(text))
    for start, end, replacement in reader.kept():
        buffer.decode(start, end, replacement)
    for start, breaks in reader.breaks:
        buffer.put(start, start + len(breaks), breaks)


class _Reader(HTMLParser):
    """Records where data, references and block tags sit, and whether each is body prose."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._text = text
        self._line_starts = [0] + [match.end() for match in NEWLINE.finditer(text)]
        self._skip: dict[str, int] = {}
        self._in_body = False
        self._saw_body = False
        self._pieces: list[tuple[int, int, str, bool, bool]] = []
        self.breaks: list[tuple[int, str]] = []

    def kept(self) -> list[tuple[int, int, str]]:
        """Prose pieces as (start, end, text); outside <body> only if there is no <body>."""
        return [
            (start, end, text)
            for start, end, text, prose, in_body in self._pieces
            if prose and (in_body or not self._saw_body)
        ]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._in_body = self._saw_body = True
            self._skip.pop("head", None)
        if tag in SKIPPED:
            self._skip[tag] = self._skip.get(tag, 0) + 1
        self._block(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "body":
            self._in_body = False
        if self._skip.get(tag):
            self._skip[tag] -= 1
        self._block(tag)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![...]>` is a bogus comment in HTML, up to the next ">" (Python 3.11's parser
        raised AssertionError on a keyword it did not know: found by fuzzing)."""
        return self.parse_bogus_comment(i, report)

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._add(start, start + len(data), data)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        start = self._offset()
        end = start + len(raw) + self._text.startswith(";", start + len(raw))
        written = self._text[start:end]
        replacement = unescape(written)
        self._add(start, end, replacement if len(replacement) <= len(written) else written)

    def _block(self, tag: str) -> None:
        if tag == "br":
            self.breaks.append((self._offset(), "\n"))
        elif tag in BLOCKS:
            self.breaks.append((self._offset(), "\n\n"))

    def _add(self, start: int, end: int, text: str) -> None:
        prose = not any(self._skip.values())
        self._pieces.append((start, end, text, prose, self._in_body))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column
