"""Escape sequences and control characters never reach a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.terminal import one_line, visible


def test_escape_sequences_and_controls_are_removed():
    text = "a\x1b[31mred\x1b[0m \x1b]0;title\x07b \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ c\x00d\re\u202ef\x9b2Jg"
    assert visible(text) == "ared b link cdefg"


def test_line_breaks_and_tabs_stay_unless_one_line_is_asked_for():
    assert visible("a\n\tb") == "a\n\tb"
    assert one_line(" a\n\tb\r\n c ") == "a b c"


@given(st.text())
def test_nothing_that_steers_a_terminal_survives(text):
    shown = visible(text)
    assert not any(ch in shown for ch in "\x1b\x9b\x00\x07\r\u202e\u2066")
