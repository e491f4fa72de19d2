"""One rule for the forms of characters that rules match: digits of any script and fullwidth forms.

In the text extraction scans (never in the text a report quotes), every decimal digit that
Python's Unicode database knows, in any script, becomes its ASCII digit ("٣" and "３" read as
"3"), and the fullwidth forms U+FF01-U+FF5E become the ASCII characters they stand for
("１，０００" reads as "1,000"). Each character maps to one character, so offsets stay exact. A
digit the database does not know (a script newer than Python's Unicode version, which the
`regex` module may already class as a digit) is not read as a number: see `foreign_digit`.
"""

from __future__ import annotations

import re
import unicodedata

import regex

FULLWIDTH = range(0xFF01, 0xFF5F)
FULLWIDTH_OFFSET = 0xFF01 - 0x21
DIGIT = regex.compile(r"\d")
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_table(text: str) -> dict[int, int]:
    """What fold_forms changes among the characters of `text` (looked up only for those it holds)."""
    table = {}
    for char in set(NON_ASCII.findall(text)):
        point = ord(char)
        value = unicodedata.decimal(char, None)
        if point in FULLWIDTH:
            table[point] = point - FULLWIDTH_OFFSET
        elif value is not None:
            table[point] = ord("0") + value
    return table


def fold_forms(text: str) -> str:
    """The text with digits of any script and fullwidth forms as ASCII, one character for one."""
    return text if text.isascii() else text.translate(fold_table(text))


def foreign_digit(text: str) -> bool:
    """Whether `text` holds a digit (to `regex`) that is not ASCII, which fold_forms could not read."""
    return not text.isascii() and any(not ch.isascii() for ch in DIGIT.findall(text))
