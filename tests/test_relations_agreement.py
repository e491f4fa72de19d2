"""Free roles filled by agreement: one agreeing choice confirms, none or several give no check, never an alarm."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claim_factory import Fig, claims_in, money
from factcheck.checker import check_all
from factcheck.intervals import Interval
from factcheck.relations.arithmetic import EVALUATORS
from factcheck.relations.arithmetic.agreement import agrees, choices, confirm, double_counted, fillings, restates, significant_digits
from factcheck.relations.arithmetic.common import CheckOptions, Outcome
from factcheck.relations.link import Link

OPTIONS = CheckOptions()


def evaluate(link: Link) -> list[Outcome]:
    return EVALUATORS[link.type](link, [], OPTIONS)


def change(text: str, figures: list[Fig], direction: int = 1) -> Link:
    """A percent-change link: the first figure is the rate, the others may be either end."""
    rate, *levels = claims_in(text, figures)
    return Link("percent_change", "t.free", rate, {"rate": (rate,)}, {"direction": direction},
                open={"old": tuple(levels), "new": tuple(levels)})


def pct(surface: str, value: float) -> Fig:
    return Fig(surface, "percent", value, "percent")


def count(surface: str, value: float) -> Fig:
    return Fig(surface, "count", value)


def test_the_one_pair_of_levels_that_agrees_with_the_rate_is_confirmed():
    link = change("Up 18% to 4.62 million from 3.91 million, with 27 aircraft.",
                  [pct("18%", 18), count("4.62 million", 4.62e6), count("3.91 million", 3.91e6), count("27", 27)])
    outcomes = confirm(link, evaluate)
    assert [o.verdict for o in outcomes] == ["consistent"]
    assert {c.text for c in outcomes[0].claims} == {"18%", "4.62 million", "3.91 million"}


def test_levels_that_do_not_agree_give_no_outcome_rather_than_an_alarm():
    link = change("Up 38% to 4.62 million from 3.91 million.",
                  [pct("38%", 38), count("4.62 million", 4.62e6), count("3.91 million", 3.91e6)])
    assert confirm(link, evaluate) == []


@pytest.mark.parametrize("text, figures, found", [
    ("Down 40%: $1.20 a ton. 2. On ballast.", [pct("40%", 40), money("$1.20", 1.2), count("2", 2)], []),
    ("Up 19% to $4.65 million from 3,910,000.", [pct("19%", 19), money("$4.65 million", 4.65e6), count("3,910,000", 3.91e6)],
     ["consistent"]),  # an amount said without its measure has the digits of one
])
def test_the_ends_of_a_change_of_two_kinds_agree_only_where_the_plain_one_has_three_digits(text, figures, found):
    assert [o.verdict for o in confirm(change(text, figures, direction=-1 if "Down" in text else 1), evaluate)] == found


def test_two_different_agreeing_choices_are_ambiguous_and_give_nothing():
    link = change("Up 10%: 110 from 100, and 220 from 200.",
                  [pct("10%", 10), count("110", 110), count("100", 100), count("220", 220), count("200", 200)])
    assert confirm(link, evaluate) == []


def test_a_figure_said_again_is_one_choice_and_the_one_nearer_the_cue_is_kept():
    rate, *levels = claims_in("Up 10%: from 1,240, I said 1,240, to 1,364.",
                              [pct("10%", 10), count("1,240", 1240), count("1,240", 1240), count("1,364", 1364)])
    link = Link("percent_change", "t.free", rate, {"rate": (rate,)}, {"direction": 1},
                open={"old": tuple(levels), "new": tuple(levels)})
    outcomes = confirm(link, evaluate)
    assert [o.verdict for o in outcomes] == ["consistent"]
    assert {c.id for c in outcomes[0].claims} == {rate.id, levels[0].id, levels[2].id}


def test_a_figure_restated_in_another_unit_is_one_choice():
    rate, *levels = claims_in("Down a third: 1,200 pounds, about 544 kilos, last year and 363 kilos now.",
                              [Fig("a third", "ratio", 1 / 3), Fig("1,200 pounds", "quantity", 1200, "pound"),
                               Fig("544 kilos", "quantity", 544, "kilogram"), Fig("363 kilos", "quantity", 363, "kilogram")])
    link = Link("percent_change", "t.free", rate, {"rate": (rate,)}, {"direction": -1},
                open={"old": tuple(levels), "new": tuple(levels)})
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


def test_a_bare_count_that_reads_as_a_year_is_no_level_agreement_takes():
    link = change("Down 2.1 per cent: 1910 and 1870.",
                  [pct("2.1 per cent", 2.1), count("1910", 1910), count("1870", 1870)], direction=-1)
    assert confirm(link, evaluate) == []
    digits = change("Down 2.1 per cent: from 1,910 to 1,870.",
                    [pct("2.1 per cent", 2.1), count("1,910", 1910), count("1,870", 1870)], direction=-1)
    assert [o.verdict for o in confirm(digits, evaluate)] == ["consistent"]


def test_figures_of_one_significant_digit_are_not_telling_enough():
    factor, low, high = claims_in("It tripled; fees of $300 and rent of $900.",
                                  [Fig("tripled", "ratio", 3), money("$300", 300), money("$900", 900)])
    link = Link("multiplier", "t.free", factor, {"factor": (factor,)}, {}, open={"base": (low, high), "target": (low, high)})
    assert confirm(link, evaluate) == []
    factor, low, high = claims_in("It tripled: $310 then $930.",
                                  [Fig("tripled", "ratio", 3), money("$310", 310), money("$930", 930)])
    link = Link("multiplier", "t.free", factor, {"factor": (factor,)}, {}, open={"base": (low, high), "target": (low, high)})
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


def test_four_significant_digits_between_the_figures_are_telling():
    factor, low, high = claims_in("It doubled: $35 then $70.",
                                  [Fig("doubled", "ratio", 2), money("$35", 35), money("$70", 70)])
    link = Link("multiplier", "t.free", factor, {"factor": (factor,)}, {}, open={"base": (low, high), "target": (low, high)})
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


@pytest.mark.parametrize("text, digits", [("2,300", 2), ("$12.40", 4), ("three", 1), ("4.62 million", 3), ("0.05%", 1)])
def test_significant_digits(text, digits):
    assert significant_digits(text) == digits


def outcome(expected: Interval, stated: Interval, verdict: str = "consistent") -> Outcome:
    return Outcome(verdict, expected, stated, None, "", "", ())


def test_agreement_is_closer_than_consistent():
    assert agrees(outcome(Interval(17.9, 18.3, 18.1), Interval(17.5, 18.5, 18)))
    assert not agrees(outcome(Interval(85, 115, 100), Interval(90, 110, 108)))  # consistent by rounding, 8% apart
    assert not agrees(outcome(Interval(9, 11, 10), Interval(9, 11, 10), verdict="approximate"))
    assert not agrees(outcome(Interval(21.9, 21.9, 21.9), Interval(21.4, 21.4, 21.4)))  # 2.3% apart, no rounding
    assert agrees(outcome(Interval(0, 21.98, 21.98, open=True), Interval(21.4, 21.4, 21.4)))  # from a bound: 2.7%
    assert not agrees(outcome(Interval(0, 30, 30, open=True), Interval(21.4, 21.4, 21.4)))


def test_a_list_role_is_filled_by_runs_of_two_or_more_neighbouring_figures():
    a, b, c = claims_in("1, 2 and 3.", [count("1", 1), count("2", 2), count("3", 3)])
    assert choices("parts", (c, a, b)) == [(a, b), (a, b, c), (b, c)]
    assert choices("old", (a, b)) == [(a,), (b,)]


def test_fillings_use_each_figure_once():
    link = change("Up 10%: 110 from 100.", [pct("10%", 10), count("110", 110), count("100", 100)])
    filled = [(f.one("old").text, f.one("new").text) for f in fillings(link)]
    assert sorted(filled) == [("100", "110"), ("110", "100")]


def test_the_checker_places_a_confirmed_check_and_drops_an_implied_level_it_supersedes():
    text = "Sales rose 12% to 224 units; a year earlier 200 units were sold."
    rate, new, old = claims_in(text, [pct("12%", 12), count("224 units", 224), count("200 units", 200)])
    bound = Link("percent_change", "t.bound", rate, {"rate": (rate,), "new": (new,)}, {"direction": 1})
    free = Link("percent_change", "t.free", rate, {"rate": (rate,)}, {"direction": 1},
                open={"old": (new, old), "new": (new, old)})
    checks = check_all([bound, free], [], OPTIONS)
    assert [(c.verdict, c.claims) for c in checks] == [("consistent", ("c1", "c3", "c2"))]


def test_a_bound_verdict_on_a_figure_keeps_a_free_link_of_its_type_away():
    text = "Sales rose 12% to 224 units from 200 units."
    rate, new, old = claims_in(text, [pct("12%", 12), count("224 units", 224), count("200 units", 200)])
    bound = Link("percent_change", "t.bound", rate, {"rate": (rate,), "new": (new,), "old": (old,)}, {"direction": 1})
    free = Link("percent_change", "t.free", rate, {"rate": (rate,)}, {"direction": 1},
                open={"old": (new, old), "new": (new, old)})
    assert len(check_all([bound, free], [], OPTIONS)) == 1



def test_a_part_that_sums_others_is_counted_once():
    text = "A balance of 76.5, a deficit of 50, or with 62 more, 112 in all."
    parts = claims_in(text, [Fig("76.5", "count", 76.5), Fig("50", "count", 50), Fig("62", "count", 62), Fig("112", "count", 112)])
    assert double_counted(parts)
    assert not double_counted(parts[:3])
    round_list = claims_in("Gifts of 10, 20 and 30.", [Fig("10", "count", 10), Fig("20", "count", 20), Fig("30", "count", 30)])
    assert not double_counted(round_list)  # a round part may be a sum by chance
    millions = claims_in("fifty millions, or, reckoning in sixty-two millions, one hundred and twelve millions",
                         [Fig("fifty millions", "count", 50e6), Fig("sixty-two millions", "count", 62e6),
                          Fig("one hundred and twelve millions", "count", 112e6)])
    assert double_counted(millions)  # not round in its own scale


def sole(check_type: str, trigger_role: str, claims: list, free: dict[str, str], **meta) -> Link:
    """A sole reading: the first claim triggers, every other may fill each free role."""
    trigger, *others = claims
    settings = {"reading": "sole", "clause": frozenset(c.id for c in claims), "dated": {}} | meta
    return Link(check_type, "t.sole", trigger, {trigger_role: (trigger,)}, settings,
                open={role: tuple(others) for role in free})


def test_a_sole_reading_confirms_neighbouring_figures_that_add_up_exactly():
    claims = claims_in("So 18,050 in all: 14,200 at the clinics and another 3,850 from the vans.",
                       [count("18,050", 18050), count("14,200", 14200), count("3,850", 3850)])
    outcomes = confirm(sole("sum", "total", claims, {"parts": "level"}), evaluate)
    assert [o.verdict for o in outcomes] == ["consistent"]


def test_a_sole_reading_meets_a_round_figure_within_its_own_digits_only():
    claims = claims_in("Loans came to $11M; $16.5M came in, $5.85M of it borrowed.",
                       [money("$11M", 11e6), money("$16.5M", 16.5e6), money("$5.85M", 5.85e6)])
    link = sole("difference", "gap", claims, {"subject": "level", "reference": "level"}, mode="absolute")
    assert confirm(link, evaluate) == []  # 16.5 − 5.85 = 10.65: within the rounding of "$11M", 3% off
    link.meta["reading"] = None
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]  # a frame's words would allow it


def test_the_more_ways_a_sole_reading_can_be_filled_the_closer_it_must_agree():
    few = claims_in("In August exports were up 55 per cent, from 46,900,000 to 72,700,000 pounds.",
                    [pct("55 per cent", 55), count("46,900,000", 46.9e6), count("72,700,000", 72.7e6)])
    assert confirm(sole("percent_change", "rate", few, {"old": "level", "new": "level"}, direction=1), evaluate)
    many = claims_in("Up 55 per cent: 82,000,000 against 46,900,000; 85,700,000 against 46,500,000; "
                     "also 72,700,000, 31,000,000, 19,000,000 and 12,000,000.",
                     [pct("55 per cent", 55)] + [count(s, float(s.replace(",", ""))) for s in
                      ("82,000,000", "46,900,000", "85,700,000", "46,500,000", "72,700,000", "31,000,000", "19,000,000", "12,000,000")])
    assert confirm(sole("percent_change", "rate", many, {"old": "level", "new": "level"}, direction=1), evaluate) == []


def test_a_sole_reading_takes_no_year_and_no_figure_of_the_stated_ones_words():
    claims = claims_in("A total of 1,875: 1840 ships and 35 boats.", [count("1,875", 1875), count("1840", 1840), count("35", 35)])
    assert confirm(sole("sum", "total", claims, {"parts": "level"}), evaluate) == []
    text = "Some 1,320 of 1,980 job openings, two in three job openings, went unfilled."
    part, whole, _, _ = claims_in(text, [count("1,320", 1320), count("1,980", 1980), count("two", 2), count("three job openings", 3)])
    share = replace(claims_in(text, [Fig("two in three", "ratio", 2 / 3)])[0], id="c9")
    inner = claims_in(text, [count("1,320", 1320), count("1,980", 1980), count("two", 2), count("three job openings", 3)])[2:]
    link = sole("share", "share", [share, *inner], {"part": "level", "whole": "level"})
    assert confirm(link, evaluate) == []  # 2 of 3: the stated figure's own words
    link = sole("share", "share", [share, part, whole], {"part": "level", "whole": "level"})
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


def test_a_sole_share_needs_a_figure_of_the_clause_a_semicolon_sets_it_in():
    claims = claims_in("Rates were 2.96 per cent in Germany; 37,496 came from Ireland and 1,110 from Japan.",
                       [pct("2.96 per cent", 2.96), count("37,496", 37496), count("1,110", 1110)])
    link = sole("share", "share", claims, {"part": "level", "whole": "level"}, clause=frozenset({claims[0].id}))
    assert confirm(link, evaluate) == []
    link.meta["clause"] = frozenset(c.id for c in claims)
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


def test_figures_of_different_years_are_a_series_not_parts_of_a_sole_total():
    claims = claims_in("Interest of $475,000,000 a year; $239,000,000 in 1930 and $236,000,000 in 1931.",
                       [money("$475,000,000", 475e6), money("$239,000,000", 239e6), money("$236,000,000", 236e6)])
    link = sole("sum", "total", claims, {"parts": "level"}, dated={claims[1].id: "1930", claims[2].id: "1931"})
    assert confirm(link, evaluate) == []
    link.meta["dated"] = {claims[1].id: "1930", claims[2].id: "1930"}
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


def test_a_sole_reading_takes_no_two_first_ends_of_changes_and_needs_a_figure_in_digits():
    corn, total, oats = claims_in("Corn went from 31 cents to 50.25 cents; oats from 19.25 cents to 43 cents.",
                                  [money("31 cents", 0.31), money("50.25 cents", 0.5025), money("19.25 cents", 0.1925)])
    claims = [total, corn, oats]
    link = sole("sum", "total", claims, {"parts": "level"}, starts=frozenset({corn.id, oats.id}))
    assert confirm(link, evaluate) == []
    link.meta["starts"] = frozenset({corn.id})
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]
    words = claims_in("Of one hundred and nineteen posts, sixty-five went to men and fifty-four to women.",
                      [count("one hundred and nineteen", 119), count("sixty-five", 65), count("fifty-four", 54)])
    assert confirm(sole("sum", "total", words, {"parts": "level"}), evaluate) == []


def years_reading(check_type: str, role: str, claims, free: dict[str, str], **meta) -> Link:
    link = sole(check_type, role, claims, free, **meta)
    link.meta["document_date"] = "2021-03-03"
    return link


def test_a_sole_span_meets_its_year_exactly_not_within_the_year_a_span_may_be_rounded_by():
    span, year = claims_in("Bought in 1908, so a hundred and thirteen years now.",
                           [Fig("1908", "date", "1908"), Fig("a hundred and thirteen years", "quantity", 113, "year")])[::-1]
    link = years_reading("anniversary", "nth", [span, year], {"event": "year"}, mode="elapsed")
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]
    off = claims_in("Bought in 1909, so a hundred and thirteen years now.",
                    [Fig("1909", "date", "1909"), Fig("a hundred and thirteen years", "quantity", 113, "year")])
    link = years_reading("anniversary", "nth", off[::-1], {"event": "year"}, mode="elapsed")
    assert confirm(link, evaluate) == []  # 2021 − 113 = 1908: a frame's words would allow 1909, a sole reading not
    link.meta["reading"] = None
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]


def test_a_sole_age_in_plain_years_is_ten_years_at_least():
    born, age = claims_in("Born in 1963, and I'm fifty-eight.", [Fig("1963", "date", "1963"), count("fifty-eight", 58)])
    assert [o.verdict for o in confirm(years_reading("age", "born", [born, age], {"age": "bare"}), evaluate)] == ["consistent"]
    born, age = claims_in("Born in 2013, and I'm eight.", [Fig("2013", "date", "2013"), count("eight", 8)])
    assert confirm(years_reading("age", "born", [born, age], {"age": "bare"}), evaluate) == []


def test_a_sole_reading_of_years_among_many_figures_is_chance():
    figures = [Fig("1963", "date", "1963")] + [count(w, v) for w, v in
               (("fifty-eight", 58), ("seventy", 70), ("forty", 40), ("sixty", 60), ("eighty", 80), ("thirty", 30))]
    claims = claims_in("Born in 1963; fifty-eight, seventy, forty, sixty, eighty and thirty.", figures)
    assert confirm(years_reading("age", "born", claims, {"age": "bare"}), evaluate) == []
    assert confirm(years_reading("age", "born", claims[:6], {"age": "bare"}), evaluate)


def test_a_sole_conversion_needs_no_digits_its_units_tie_the_figures():
    km, miles = claims_in("About a hundred and sixty kilometres a week, so call it a hundred miles.", [
        Fig("a hundred and sixty kilometres", "distance", 160, "kilometer"), Fig("a hundred miles", "distance", 100, "mile")])
    link = sole("conversion", "converted", [miles, km], {"stated": "distance"})
    assert [o.verdict for o in confirm(link, evaluate)] == ["consistent"]
    far = claims_in("About a hundred and ninety kilometres a week, so call it a hundred miles.", [
        Fig("a hundred and ninety kilometres", "distance", 190, "kilometer"), Fig("a hundred miles", "distance", 100, "mile")])
    assert confirm(sole("conversion", "converted", far[::-1], {"stated": "distance"}), evaluate) == []


def test_a_hedged_fraction_in_words_agrees_within_five_per_cent_a_hedged_figure_in_digits_within_four():
    third, forty = claims_in("It is roughly a third; about 40 per cent.", [
        Fig("roughly a third", "ratio", 1 / 3, qualifier="approximately"),
        Fig("about 40 per cent", "percent", 40, "percent", qualifier="approximately")])
    share = Outcome("consistent", Interval(0.3, 0.34, 0.318), Interval(0.27, 0.4, 1 / 3), None, "", "", (third,))
    assert agrees(share)  # 4.5% apart
    rate = Outcome("consistent", Interval(36, 40, 38.2), Interval(36, 44, 40), None, "", "", (forty,))
    assert not agrees(rate)  # 4.5% apart


def test_a_sole_reading_of_figures_all_in_words_takes_levels_of_a_hundred_or_more():
    large = claims_in("We had five hundred and twenty-three inspectors; three hundred and ten stayed, two hundred and "
                      "thirteen left.", [count("five hundred and twenty-three", 523), count("three hundred and ten", 310),
                                         count("two hundred and thirteen", 213)])
    assert [o.verdict for o in confirm(sole("sum", "total", large, {"parts": "level"}), evaluate)] == ["consistent"]
    small = claims_in("Of ninety-one posts, sixty-five went to men and twenty-six to women.",
                      [count("ninety-one", 91), count("sixty-five", 65), count("twenty-six", 26)])
    assert confirm(sole("sum", "total", small, {"parts": "level"}), evaluate) == []


def test_a_bare_number_of_a_measured_figures_value_restates_it_and_a_counted_one_does_not():
    text = "making $73,968,087.41 … Total 73,968,087.41 … 73,968,087.41 bonds"
    made, total, bonds = claims_in(text, [money("$73,968,087.41", 73968087.41), Fig("73,968,087.41", "count", 73968087.41),
                                          Fig("73,968,087.41 bonds", "count", 73968087.41)])
    assert restates(made, total) and restates(total, made) and not restates(made, bonds)
