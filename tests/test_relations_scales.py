"""A scale said once and left off the figures that follow, read within one relation."""

from __future__ import annotations

from dataclasses import replace

from claim_factory import Fig, claims_in, money
from factcheck.checker import outcomes_of
from factcheck.relations.arithmetic.common import CheckOptions
from factcheck.relations.arithmetic.scales import bare, told_scale, with_spoken_scales
from factcheck.relations.link import Link

TEXT = "The contract was for three point two million. We were billed four point one? So nine hundred thousand over."
FIGURES = [Fig("three point two million", "count", 3_200_000), Fig("four point one", "count", 4.1),
           Fig("nine hundred thousand", "count", 900_000)]


def gap_link(text: str, figures: list[Fig]) -> Link:
    reference, subject, gap = claims_in(text, figures)
    return Link("difference", "t.gap", gap, {"gap": (gap,), "subject": (subject,), "reference": (reference,)}, {})


def test_a_bare_count_in_words_takes_the_scale_of_the_figure_said_before_it():
    read = with_spoken_scales(gap_link(TEXT, FIGURES))
    assert read.one("subject").value == 4_100_000
    assert read.one("reference").value == 3_200_000


def test_the_scale_carries_the_measure_of_the_figure_that_named_it():
    text = "We started the year at $2.1 billion and ended at two point six, up $500 million."
    start, end, gap = claims_in(text, [money("$2.1 billion", 2.1e9), Fig("two point six", "count", 2.6),
                                       money("$500 million", 5e8)])
    link = Link("difference", "t.gap", gap, {"gap": (gap,), "subject": (end,), "reference": (start,)}, {})
    read = with_spoken_scales(link).one("subject")
    assert (read.kind, read.unit, read.value) == ("money", "USD", 2_600_000_000)


def test_a_bare_count_far_from_the_scaled_figures_own_number_keeps_its_value():
    text = "Thirty-eight thousand five hundred a year. She's forty-four, born then; a gap of two hundred."
    salary, age, gap = claims_in(text, [Fig("Thirty-eight thousand five hundred", "count", 38_500),
                                        Fig("forty-four", "count", 44), Fig("two hundred", "count", 200)])
    link = Link("difference", "t.gap", gap, {"gap": (gap,), "subject": (salary,), "reference": (age,)}, {})
    assert with_spoken_scales(link).one("reference").value == 44_000  # 44 is of the size of 38.5
    far = Link("difference", "t.gap", gap, {"gap": (gap,), "subject": (salary,)}, {})
    assert with_spoken_scales(far).one("gap").value == 200  # 200 is not


def test_only_agreement_reads_a_scale_left_unsaid():
    text = "The system has twelve million users: seven in the city and five in the suburbs."
    total, city, suburbs = claims_in(text, [Fig("twelve million", "count", 12_000_000), Fig("seven", "count", 7),
                                            Fig("five", "count", 5)])
    link = Link("sum", "t.sum", total, {"total": (total,), "parts": (city, suburbs)}, {})
    assert [o.verdict for o in outcomes_of(link, [], CheckOptions(), bound=False)] == ["consistent"]
    assert with_spoken_scales(link).role("parts")[0].value == 7_000_000
    assert outcomes_of(link, [], CheckOptions()) == []  # a frame its words tie reads no scale: the sum is of two orders


def test_what_counts_as_bare_and_as_scaled():
    text = "six fifty, 650, sixteen part-timers, three point two million, $2bn"
    words, digits, noun, scaled, short = claims_in(text, [
        Fig("six fifty", "count", 650), Fig("650", "count", 650), Fig("sixteen part-timers", "count", 16),
        Fig("three point two million", "count", 3.2e6), money("$2bn", 2e9)])
    assert [bare(c) for c in (words, digits, noun)] == [True, False, False]
    (rate,) = claims_in("so twelve a year, on average", [Fig("twelve a year", "count", 12)])
    assert not bare(rate) and bare(replace(rate, extra={"per": "year"}))
    assert told_scale(scaled) == 1_000_000
    assert told_scale(short) is None and told_scale(words) is None
