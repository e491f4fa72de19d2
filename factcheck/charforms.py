"""One rule for the forms of characters that rules match: digits of any script and fullwidth forms.

In the text extraction scans (never in the text a report quotes), every decimal digit that
Python's Unicode database knows, in any script, becomes its ASCII digit ("٣" and "３" read as
"3"), and the fullwidth forms U+FF01-U+FF5E become the ASCII characters they stand for
("１，０００" reads as "1,000"). Each character maps to one character, so offsets stay exact. A
digit the database does not know (a script newer than Python's Unicode version, which the
`regex` module may already class as a digit) is not read as a number: see `foreign_digit`.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

import regex

FULLWIDTH = range(0xFF01, 0xFF5F)
FULLWIDTH_OFFSET = 0xFF01 - 0x21
DIGIT = regex.compile(r"\d")


@cache
def fold_table() -> dict[int, int]:
    table = {point: point - FULLWIDTH_OFFSET for point in FULLWIDTH}
    for point in range(sys.maxunicode + 1):
        value = unicodedata.decimal(chr(point), None)
        if value is not None and point > 0x7F:
            table[point] = ord("0") + value
    return table


def fold_forms(text: str) -> str:
    """The text with digits of any script and fullwidth forms as ASCII, one character for one."""
    return text if text.isascii() else text.translate(fold_table())


def foreign_digit(text: str) -> bool:
    """Whether `text` holds a digit (to `regex`) that is not ASCII, which fold_forms could not read."""
    return not text.isascii() and any(not ch.isascii() for ch in DIGIT.findall(text))
