"""Values read from a pattern are made once, on first use."""

from __future__ import annotations

from factcheck.extract.later import ExamplesLater, Later


def test_each_value_is_made_on_first_use_and_kept():
    made = []
    later = Later(gate=lambda: made.append("gate") or ("of",), starts=lambda: made.append("starts"))
    assert made == []
    assert later["gate"] == ("of",) and later["gate"] == ("of",)
    assert made == ["gate"]
    assert later["starts"] is None and later["starts"] is None
    assert made == ["gate", "starts"]


def test_examples_are_read_from_the_later_values_on_first_use_and_none_without_them():
    class Holder(ExamplesLater):
        __slots__ = ("later",)

        def __init__(self, later):
            self.later = later

    read = []
    holder = Holder(Later(examples=lambda: read.append(1) or (["an example"], ["a counter-example"])))
    assert not read and holder.examples == ["an example"] and holder.counter_examples == ["a counter-example"]
    assert read == [1] and Holder(None).examples == Holder(None).counter_examples == []
