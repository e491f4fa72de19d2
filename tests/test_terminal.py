"""Escape sequences and control characters never reach a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.terminal import one_line, output_width, visible, wants_colour, without_trailing_space


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


def test_colour_follows_the_option_then_no_color_then_force_color_then_the_terminal():
    assert wants_colour("always", {"NO_COLOR": "1"}, False)
    assert not wants_colour("never", {"FORCE_COLOR": "1"}, True)
    assert not wants_colour("auto", {"NO_COLOR": "1"}, True)
    assert not wants_colour("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True)
    assert wants_colour("auto", {"FORCE_COLOR": "1"}, False)
    assert wants_colour("auto", {"NO_COLOR": ""}, True)
    assert not wants_colour("auto", {}, False)


def test_width_follows_the_terminal_or_columns():
    assert output_width({}, 132) == 132
    assert output_width({"COLUMNS": "72"}, None) == 72
    assert output_width({"COLUMNS": "wide"}, None) == 100
    assert output_width({}, 10) == 40


def test_trailing_spaces_go_and_styles_at_the_end_stay():
    assert without_trailing_space("a  \nb \x1b[0m\nc") == "a\nb\x1b[0m\nc"
