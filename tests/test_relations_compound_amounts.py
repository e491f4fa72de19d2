"""An amount told in parts of units is as precise as its last part."""

from __future__ import annotations

import pytest

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.arithmetic.common import CheckOptions, interval

BOOK = load_rulebook()


def widths(text: str) -> dict[str, float]:
    claims, _ = extract(load_text("t", text), BOOK)
    return {c.text: interval(c, CheckOptions()).high - interval(c, CheckOptions()).low for c in claims
            if c.kind != "date"}


@pytest.mark.parametrize("text, figure, width", [
    ("The winner's time was 2 hours 55 minutes 18 seconds.", "2 hours 55 minutes 18 seconds", 1.0),
    ("She won in 2:21:18 on Sunday.", "2:21:18", 1.0),
    ("He stands 5 ft 10 in tall.", "5 ft 10 in", 1.0),
    ("The term was 4 years and 6 months.", "4 years and 6 months", 1.0),
])
def test_the_last_part_sets_the_precision(text, figure, width):
    assert widths(text)[figure] == pytest.approx(width)


def test_an_amount_in_one_numeral_keeps_its_own_precision():
    assert widths("It lasted 2 1/2 years.")["2 1/2 years"] == pytest.approx(0.5)
