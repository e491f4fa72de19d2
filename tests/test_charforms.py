"""Digits of any script and fullwidth forms read as ASCII in the scan text, one character for one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.charforms import fold_forms, foreign_digit


def test_fullwidth_forms_and_digits_of_other_scripts_become_ascii():
    assert fold_forms("１，０００ people, ٣٠٠ في, ४२ लोग, ＄５") == "1,000 people, 300 في, 42 लोग, $5"


def test_ascii_text_is_returned_as_is():
    text = "plain 1,000"
    assert fold_forms(text) is text


def test_a_digit_python_does_not_know_stays_and_is_foreign():
    newer = chr(0x10D40)  # Garay digit zero (Unicode 15): `regex` calls it a digit, Python 3.11 does not
    assert fold_forms(newer) == newer
    assert foreign_digit(f"1{newer}") and foreign_digit("٣") and not foreign_digit("1,000")


@given(st.text())
def test_folding_keeps_the_length(text):
    assert len(fold_forms(text)) == len(text)
