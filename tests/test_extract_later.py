"""Values read from a pattern are made once, on first use."""

from __future__ import annotations

from factcheck.extract.later import Later


def test_each_value_is_made_on_first_use_and_kept():
    made = []
    later = Later(gate=lambda: made.append("gate") or ("of",), starts=lambda: made.append("starts"))
    assert made == []
    assert later["gate"] == ("of",) and later["gate"] == ("of",)
    assert made == ["gate"]
    assert later["starts"] is None and later["starts"] is None
    assert made == ["gate", "starts"]
