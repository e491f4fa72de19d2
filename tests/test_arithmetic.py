import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claim_factory import Fig, claims_in
from factcheck.intervals import INF, Interval, IntervalError, judge, stated_interval
from factcheck.relations.arithmetic.common import CheckOptions
from factcheck.relations.arithmetic.ends import resolve_ends
from factcheck.relations.arithmetic.part_of_whole import evaluate as part_of_whole
from factcheck.relations.arithmetic.difference import evaluate as difference
from factcheck.relations.arithmetic.date_order import evaluate as date_order
from factcheck.relations.arithmetic.ranges import evaluate as ranges
from factcheck.relations.link import Link
from factcheck.relations.arithmetic.age import age_birth_year, evaluate as age_check
from factcheck.relations.arithmetic.anniversary import evaluate as anniversary, year_from_anniversary, year_from_running
from factcheck.relations.arithmetic.multiplier import base_from_multiplier
from factcheck.relations.arithmetic.part_of_whole import part_within_whole
from factcheck.relations.arithmetic.percent_change import evaluate as change_check
from factcheck.relations.arithmetic.percent_change import (
    evaluate as change, new_from_percent_change, old_from_percent_change, percent_change, points_change,
)
from factcheck.relations.arithmetic.ratio import evaluate as ratio, implied_subject, span_interval
from factcheck.relations.arithmetic.share import evaluate as share_check, part_from_share, share_of
from factcheck.relations.arithmetic.sums import evaluate as sum_check, sum_of

POSITIVE = st.floats(1e-3, 1e9, allow_nan=False, allow_infinity=False, allow_subnormal=False)
PERCENT = st.floats(-99, 1e4, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def operand(draw, values=POSITIVE):
    """An interval of positive figures and a true value inside it."""
    # adding 0.0 turns -0.0 into 0.0, so that sorting gives low <= high for st.floats
    low, value, high = sorted(x + 0.0 for x in draw(st.lists(values, min_size=3, max_size=3)))
    return Interval(low, high, value), draw(st.floats(low, high, allow_subnormal=False))


def holds(interval, x):
    assert interval.low <= interval.value <= interval.high
    slack = 1e-9 * max(1.0, abs(x))
    return interval.low - slack <= x <= interval.high + slack


def money(value, text, qualifier=None):
    return stated_interval(value, text, qualifier)


# --- every relation, on small exact cases ----------------------------------------------------

def test_exact_relations():
    e = Interval.exact
    assert implied_subject(e(112), e(58)) == e(6496)
    assert base_from_multiplier(e(1000), e(10)) == e(100)
    assert percent_change(e(80), e(100)) == e(25)
    assert new_from_percent_change(e(80), e(25)) == e(100)
    assert old_from_percent_change(e(100), e(25)) == e(80)
    assert points_change(e(12.5), e(15)) == e(2.5)
    assert share_of(e(10), e(40)) == e(25)
    assert part_from_share(e(40), e(25)) == e(10)
    assert sum_of([e(9), e(103)]) == e(112)
    assert sum_of([]) == e(0)
    assert e(11) - e(10) == e(1)
    assert e(3500).scale(0.621371) == e(3500 * 0.621371)


def test_percent_change_uses_the_old_figure_once():
    # (new - old) / old would let old take two values at once and widen the answer.
    change = percent_change(Interval(99, 101, 100), Interval.exact(110))
    assert change.low == pytest.approx(110 / 101 * 100 - 100)
    assert change.high == pytest.approx(110 / 99 * 100 - 100)


def test_percent_change_from_a_zero_figure_is_unbounded():
    change = percent_change(stated_interval(0, "0", None), stated_interval(5, "5", None))
    assert change.high == INF


def test_share_and_part_from_share_bounds():
    pct = share_of(Interval(9, 11, 10), Interval(40, 50, 45))
    assert (pct.low, pct.high, pct.value) == pytest.approx((18, 27.5, 100 * 10 / 45))
    part = part_from_share(Interval(40, 50, 45), Interval(20, 30, 25))
    assert (part.low, part.high, part.value) == pytest.approx((8, 15, 11.25))


@pytest.mark.parametrize(("part", "whole", "fits"), [
    ((9.5, 10.5, 10), (10.5, 11.5, 11), True),
    ((11.5, 12.5, 12), (10.5, 11.5, 11), False),      # only the rounding edges meet
    ((11, 11, 11), (11, 11, 11), True),               # the whole of it
    ((12, 12, 12), (11, 11, 11), False),
    ((0, 5, 5), (3, INF, 3), True),
])
def test_part_within_whole(part, whole, fits):
    ok, remainder = part_within_whole(Interval(*part), Interval(*whole))
    assert ok is fits
    assert remainder == Interval(*whole) - Interval(*part)


def test_converted_with_a_negative_factor_keeps_order():
    assert Interval(1, 2, 1.5).scale(-3) == Interval(-6, -3, -4.5)


# --- dates: anniversaries and ages ----------------------------------------------------------

@pytest.mark.parametrize(("held", "nth", "event"),
                         [(2015, 70, 1945), (2005, 60, 1945), (2015, 75, 1940)])
def test_year_from_anniversary(held, nth, event):
    assert year_from_anniversary(held, nth) == Interval.exact(event)


def test_year_from_anniversary_of_a_span():
    assert year_from_anniversary(Interval(2015, 2016, 2015), 70) == Interval(1945, 1946, 1945)


def test_a_running_year_began_n_or_n_minus_one_years_before():
    assert year_from_running(1896, 47) == Interval(1849, 1850, 1849.5)  # "now in the forty-seventh year" since 1850
    with pytest.raises(IntervalError, match="counted from 1"):
        year_from_running(1896, 0)


def test_year_from_anniversary_counts_from_one():
    with pytest.raises(IntervalError, match="counted from 1"):
        year_from_anniversary(2015, 0)


def test_same_event_from_two_anniversaries():
    may_2015, in_2005 = year_from_anniversary(2015, 70), year_from_anniversary(2005, 60)
    assert judge(may_2015, in_2005)[0] == "consistent"
    assert judge(year_from_anniversary(2015, 75), in_2005)[0] == "inconsistent"
    assert judge(may_2015, year_from_anniversary(2007, 60))[0] == "inconsistent"


@pytest.mark.parametrize("figure, verdicts", [(Fig("52", "count", 52), ["consistent"]),
                                              (Fig("52 years", "quantity", 52, "year"), ["consistent"]),
                                              (Fig("five restaurants", "count", 5), [])])
def test_an_age_is_a_bare_number_or_years_never_a_count_of_things(figure, verdicts):
    text = f"Born in 1963, she has {figure.surface}."
    born, age = claims_in(text, [Fig("1963", "date", "1963"), figure])
    link = Link("age", "t", age, {"age": (age,), "born": (born,)}, {"document_date": "2015-06-01"})
    assert [o.verdict for o in age_check(link, [], CheckOptions())] == verdicts


def test_age_birth_year():
    born = age_birth_year(52, 2015)
    assert (born.low, born.high) == (1962, 1963)
    assert judge(born, Interval.exact(1963))[0] == "consistent"
    assert judge(born, Interval.exact(1960))[0] == "inconsistent"
    assert age_birth_year(Interval(50, 52, 51), 2015) == Interval(1962, 1965, 1963.5)


@given(st.integers(1900, 2100), st.integers(0, 120), st.integers(1, 365), st.integers(1, 365))
def test_age_birth_year_holds_the_real_birth_year(birth_year, age, birthday, day_of_year):
    at_year = birth_year + age + (1 if day_of_year < birthday else 0)
    assert age_birth_year(age, at_year).contains(birth_year)


# --- properties: true operands give a true result ------------------------------------------

@given(operand(), operand())
def test_ratio_and_base_properties(base, factor):
    (b, x), (f, k) = base, factor
    assert holds(implied_subject(b, f), k * x)
    assert holds(base_from_multiplier(b, f), x / k)


@given(operand(), operand())
def test_percent_change_property(old, new):
    (o, x), (n, y) = old, new
    assert holds(percent_change(o, n), (y / x) * 100 - 100)


@given(operand(), operand(PERCENT))
def test_new_and_old_from_percent_change_properties(level, pct):
    (v, x), (p, c) = level, pct
    assert holds(new_from_percent_change(v, p), x * (1 + c / 100))
    assume(1 + c / 100 != 0)
    assert holds(old_from_percent_change(v, p), x / (1 + c / 100))


@given(operand(PERCENT), operand(PERCENT))
def test_points_change_property(old, new):
    (o, x), (n, y) = old, new
    assert holds(points_change(o, n), y - x)


@given(operand(), operand(), operand(PERCENT))
def test_share_properties(part, whole, pct):
    (p, x), (w, y), (s, c) = part, whole, pct
    assert holds(share_of(p, w), x / y * 100)
    assert holds(part_from_share(w, s), y * (c * 0.01))


@given(st.lists(operand(), max_size=6), operand())
def test_sum_difference_and_remainder_properties(parts, other):
    total = sum_of([interval for interval, _ in parts])
    assert holds(total, sum(x for _, x in parts))
    (a, x), (b, y) = other, (parts[0] if parts else other)
    assert holds(a - b, x - y)
    fits, remainder = part_within_whole(b, a)
    assert holds(remainder, x - y)
    if y < x:
        assert fits


@given(operand(), st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False))
def test_converted_property(value, factor):
    v, x = value
    assert holds(v.scale(factor), x * factor)


# --- worked examples from the seed interview --------------------------------------------

def current_trade():
    return sum_of([money(9e6, "$9 million"), money(103e6, "$103 million")])


def test_58_times_russian_trade():
    expected = implied_subject(current_trade(), stated_interval(58, "58 times", None))
    assert expected.value == pytest.approx(6.496e9)
    assert expected.low == pytest.approx(57.5 * 110.5e6)  # "$103 million" may be truncated: ±$1 million
    assert expected.high == pytest.approx(58.5 * 113.5e6)
    verdict, dev = judge(expected, money(6.54e9, "$6.54 billion"))
    assert verdict == "consistent" and dev == pytest.approx(0.00677, abs=1e-4)
    assert judge(expected, money(3e9, "$3 billion"))[0] == "inconsistent"


def test_tenfold_to_one_billion_both_directions():
    factor = stated_interval(10, "10-fold", None)
    target = money(1e9, "$1 billion")
    # forward: 10 x the current level against the stated target
    verdict, dev = judge(implied_subject(current_trade(), factor), target)
    assert verdict in ("consistent", "approximate")
    assert dev == pytest.approx(-0.107, abs=1e-3)
    # backward: the current level the target implies against the stated current level
    verdict, dev = judge(base_from_multiplier(target, factor), current_trade())
    assert verdict in ("consistent", "approximate")
    assert dev == pytest.approx(0.12)


def test_tenfold_to_five_billion_is_inconsistent():
    factor = stated_interval(10, "10-fold", None)
    target = money(5e9, "$5 billion")
    assert judge(base_from_multiplier(target, factor), current_trade())[0] == "inconsistent"
    assert judge(implied_subject(current_trade(), factor), target)[0] == "inconsistent"


def test_debt_write_off():
    whole = money(11e9, "$11 billion")
    fits, remainder = part_within_whole(money(10e9, "$10 billion"), whole)
    assert fits and remainder.value == pytest.approx(1e9)
    assert share_of(money(10e9, "$10 billion"), whole).value == pytest.approx(90.909, abs=1e-3)
    fits, remainder = part_within_whole(money(12e9, "$12 billion"), whole)
    assert not fits and remainder.value == pytest.approx(-1e9)


def test_a_bare_number_of_a_breakdown_is_read_in_the_measure_of_its_whole():
    text = "Of the 232,440 cubic yards planned, 168,000 had been dug."
    whole, part = claims_in(text, [Fig("232,440 cubic yards", "quantity", 232440, "cubic_yard"), Fig("168,000", "count", 168000)])
    (outcome,) = part_of_whole(Link("part_of_whole", "t", part, {"whole": (whole,), "part": (part,)}), [], CheckOptions())
    assert outcome.verdict == "consistent" and outcome.unit == "cubic_yard"
    named = claims_in("Of the 232,440 cubic yards, 168,000 trucks.", [Fig("232,440 cubic yards", "quantity", 232440, "cubic_yard"),
                                                                      Fig("168,000 trucks", "count", 168000)])
    assert part_of_whole(Link("part_of_whole", "t", named[1], {"whole": (named[0],), "part": (named[1],)}), [], CheckOptions()) == []

    homes = claims_in("nine homes, out of about 140", [Fig("nine homes", "count", 9), Fig("140", "count", 140)])
    roles = {"whole": (homes[1],), "part": (homes[0],)}
    assert part_of_whole(Link("part_of_whole", "t", homes[0], roles), [], CheckOptions()) == []
    (elided,) = part_of_whole(Link("part_of_whole", "t", homes[0], roles, {"mode": "elided"}), [], CheckOptions())
    assert elided.verdict == "consistent"

    sized = claims_in("eight of 8-inch and twelve of 7-inch calibre", [Fig("twelve", "count", 12), Fig("7-inch", "distance", 7, "inch")])
    assert part_of_whole(Link("part_of_whole", "t", sized[0], {"whole": (sized[1],), "part": (sized[0],)}), [], CheckOptions()) == []

    panel = claims_in("Each panel is four metres wide, so we own eleven of them.", [Fig("four metres", "distance", 4, "meter"),
                                                                                 Fig("eleven", "count", 11)])
    assert part_of_whole(Link("part_of_whole", "t", panel[1], {"whole": (panel[0],), "part": (panel[1],)}), [], CheckOptions()) == []
    road = claims_in("The county owns 312 miles of road, and about 410 of them are gravel.",
                     [Fig("312 miles", "distance", 312, "mile"), Fig("410", "count", 410)])
    (outcome,) = part_of_whole(Link("part_of_whole", "t", road[1], {"whole": (road[0],), "part": (road[1],)}), [], CheckOptions())
    assert outcome.verdict == "inconsistent"  # a stock of miles: "410 of them" is miles


def test_a_part_larger_than_its_whole_only_within_rounding_is_approximate():
    text = "Some 14,000 tonnes of grain arrived, and about 16,000 of them were wheat."
    whole, part = claims_in(text, [Fig("14,000 tonnes", "quantity", 14000, "metric_ton", qualifier="approximately"),
                                   Fig("16,000", "count", 16000, qualifier="approximately")])
    (outcome,) = part_of_whole(Link("part_of_whole", "t", part, {"whole": (whole,), "part": (part,)}), [], CheckOptions())
    assert outcome.verdict == "approximate" and "exceeds the whole as stated" in outcome.explanation


def test_a_bare_part_of_a_share_is_read_in_the_measure_of_its_whole():
    whole, part, pct = claims_in("We took in 52 tonnes of glass, and 39 of that was clear, so three-quarters.",
                                 [Fig("52 tonnes", "quantity", 52, "metric_ton"), Fig("39", "count", 39),
                                  Fig("three-quarters", "ratio", 0.75)])
    (outcome,) = share_check(Link("share", "t", pct, {"whole": (whole,), "part": (part,), "share": (pct,)}), [], CheckOptions())
    assert outcome.verdict == "consistent"


def test_a_share_of_a_whole_a_hundred_times_off_is_no_share_of_it():
    text = "It grew sixty times, to 2.4 million, and seventy percent of those, 1.2 million, are abroad."
    whole, pct, part = claims_in(text, [Fig("sixty", "count", 60), Fig("seventy percent", "percent", 70, "percent"),
                                        Fig("1.2 million", "count", 1.2e6)])
    roles = {"whole": (whole,), "part": (part,), "share": (pct,)}
    assert share_check(Link("share", "t", pct, roles), [], CheckOptions()) == []
    near = claims_in("Of 60 staff, seventy percent, or 12, are abroad.", [Fig("60", "count", 60), Fig("seventy percent", "percent", 70, "percent"),
                                                                         Fig("12", "count", 12)])
    roles = {"whole": (near[0],), "part": (near[2],), "share": (near[1],)}
    (outcome,) = share_check(Link("share", "t", near[1], roles), [], CheckOptions())
    assert outcome.verdict == "inconsistent"


def test_a_whole_said_again_in_the_next_sentence_is_no_part_of_itself():
    text = "We see a lot of them come in at ninety. Ninety pounds! That's nearly thirty percent over."
    whole, part, pct = claims_in(text, [Fig("ninety", "count", 90), Fig("Ninety", "count", 90),
                                        Fig("thirty percent", "percent", 30, "percent")])
    assert share_check(Link("share", "t", pct, {"whole": (whole,), "part": (part,), "share": (pct,)}), [], CheckOptions()) == []
    same = claims_in("Of the 90 members, 90 voted, or 30 percent.", [Fig("90", "count", 90), Fig("90", "count", 90),
                                                                     Fig("30 percent", "percent", 30, "percent")])
    (outcome,) = share_check(Link("share", "t", same[2], {"whole": (same[0],), "part": (same[1],), "share": (same[2],)}),
                             [], CheckOptions())
    assert outcome.verdict == "inconsistent"


def test_two_ends_that_say_one_amount_in_two_units_are_no_change():
    text = "It retreated 1.2 kilometres — three quarters of a mile — and lost about a third of its mass."
    km, mile, rate = claims_in(text, [Fig("1.2 kilometres", "distance", 1.2, "kilometer"), Fig("three quarters of a mile", "distance", 0.75, "mile"),
                                      Fig("a third", "ratio", 1 / 3)])
    said_twice = Link("percent_change", "t", rate, {"ends": (km, mile), "rate": (rate,)}, {"direction": -1})
    assert resolve_ends(said_twice, CheckOptions()).roles.keys() == {"ends", "rate"}
    apart = claims_in("It fell from 1.2 kilometres to half a mile, about a third.", [Fig("1.2 kilometres", "distance", 1.2, "kilometer"),
                                                                                   Fig("half a mile", "distance", 0.5, "mile"), Fig("a third", "ratio", 1 / 3)])
    placed = resolve_ends(Link("percent_change", "t", apart[2], {"ends": apart[:2], "rate": (apart[2],)}, {"direction": -1}), CheckOptions())
    assert [placed.one("old"), placed.one("new")] == apart[:2]


def test_a_part_a_hundred_times_its_whole_is_no_part_of_it():
    text = "It was up thirty-two percent. Grants were sixty-one million of that, and 33 of 32 seats."
    whole, part, many, seats = claims_in(text, [Fig("thirty-two", "count", 32), Fig("sixty-one million", "count", 61e6),
                                               Fig("33", "count", 33), Fig("32", "count", 32)])
    assert part_of_whole(Link("part_of_whole", "t", part, {"whole": (whole,), "part": (part,)}), [], CheckOptions()) == []
    (near,) = part_of_whole(Link("part_of_whole", "t", many, {"whole": (seats,), "part": (many,)}), [], CheckOptions())
    assert near.verdict == "inconsistent"
    few, munitions = claims_in("16 of 30,000 munitions", [Fig("16", "count", 16), Fig("30,000 munitions", "count", 30000)])
    (small,) = part_of_whole(Link("part_of_whole", "t", few, {"whole": (munitions,), "part": (few,)}), [], CheckOptions())
    assert small.verdict == "consistent"  # a small part of a large whole is a part all the same


def test_a_bare_end_of_a_change_takes_the_scale_word_of_the_other_end():
    text = "It will rise from 9 to 11 million, an increase of 22 per cent."
    old, new, rate = claims_in(text, [Fig("9", "count", 9), Fig("11 million", "count", 11e6), Fig("22 per cent", "percent", 22, "percent")])
    roles = {"old": (old,), "new": (new,), "rate": (rate,)}
    (outcome,) = change_check(Link("percent_change", "t", rate, roles), [], CheckOptions())
    assert outcome.verdict == "consistent" and outcome.expected.value == pytest.approx(200 / 9)
    big = claims_in("It rose from 9,000 to 11 million, up 22 per cent.", [Fig("9,000", "count", 9000), Fig("11 million", "count", 11e6),
                                                                          Fig("22 per cent", "percent", 22, "percent")])
    (unscaled,) = change_check(Link("percent_change", "t", big[2], {"old": (big[0],), "new": (big[1],), "rate": (big[2],)}), [], CheckOptions())
    assert unscaled.verdict == "inconsistent"  # a number with its own thousands is not "9 … million"


def test_a_ratio_n_to_one_holds_the_larger_figure_n_times_the_smaller():
    text = "9,120 teachers for 171,400 pupils, a ratio of 18.8 to one."
    small, big, factor = claims_in(text, [Fig("9,120 teachers", "count", 9120), Fig("171,400 pupils", "count", 171400), Fig("18.8", "count", 18.8)])
    roles = {"subject": (small,), "reference": (big,), "factor": (factor,)}
    (either,) = ratio(Link("ratio", "t", factor, roles, {"mode": "larger"}), [], CheckOptions())
    (as_written,) = ratio(Link("ratio", "t", factor, roles), [], CheckOptions())
    assert either.verdict == "consistent" and as_written.verdict == "inconsistent"


def test_bare_parts_of_a_sum_are_read_in_the_measure_of_its_total():
    text = "48,210 acres under wheat, 31,460 under barley and 22,905 under oats, making 102,575 acres; 112,575 acres"
    wheat, barley, oats, right, wrong = claims_in(text, [
        Fig("48,210 acres", "quantity", 48210, "acre"), Fig("31,460", "count", 31460), Fig("22,905", "count", 22905),
        Fig("102,575 acres", "quantity", 102575, "acre"), Fig("112,575 acres", "quantity", 112575, "acre")])
    verdicts = [sum_check(Link("sum", "t", total, {"parts": (wheat, barley, oats), "total": (total,)}), [], CheckOptions())[0].verdict
                for total in (right, wrong)]
    assert verdicts == ["consistent", "inconsistent"]


def test_a_fraction_of_what_it_was_scales_to_the_smaller_level_and_a_multiple_to_the_larger():
    text = "850 now; it was 2,500, so it's a third of what it was; 3,100 against 1,240, two and a half times."
    now, before, third, big, small, times = claims_in(text, [
        Fig("850", "count", 850), Fig("2,500", "count", 2500), Fig("a third", "ratio", 1 / 3),
        Fig("3,100", "count", 3100), Fig("1,240", "count", 1240), Fig("two and a half times", "ratio", 2.5)])
    for factor, first, second in ((third, before, now), (times, small, big)):
        roles = {"subject": (first,), "reference": (second,), "factor": (factor,)}
        (scaled,) = ratio(Link("ratio", "t", factor, roles, {"mode": "scaled"}), [], CheckOptions())
        (as_written,) = ratio(Link("ratio", "t", factor, roles), [], CheckOptions())
        assert scaled.verdict == "consistent" and as_written.verdict == "inconsistent"


def test_a_rate_per_so_many_is_a_factor_of_its_count_over_that_many():
    text = "6,912 deaths, a rate of 8.3 per 100,000 among 83.2 million."
    deaths, rate, per, people = claims_in(text, [Fig("6,912", "count", 6912), Fig("8.3", "count", 8.3), Fig("100,000", "count", 1e5),
                                                 Fig("83.2 million", "count", 83.2e6)])
    roles = {"subject": (deaths,), "factor": (rate,), "per": (per,), "reference": (people,)}
    (outcome,) = ratio(Link("ratio", "t", rate, roles), [], CheckOptions())
    assert outcome.verdict == "consistent" and outcome.expected.value == pytest.approx(8.3e-5 * 83.2e6)


def test_a_change_of_two_rates_in_per_cent_that_fits_only_as_points_is_read_as_points():
    text = "We cut by half a percent, from 5.25 to 4.75, and sales rose 10% from 5,000 to 5,500."
    rate, old, new = claims_in(text, [Fig("half a percent", "percent", 0.5, "percent"), Fig("5.25", "count", 5.25), Fig("4.75", "count", 4.75)])
    (outcome,) = change_check(Link("percent_change", "t", rate, {"rate": (rate,), "old": (old,), "new": (new,)}, {"direction": -1}), [], CheckOptions())
    assert outcome.verdict == "consistent" and outcome.unit == "percentage_point"
    counts = claims_in(text, [Fig("10%", "percent", 10, "percent"), Fig("5,000", "count", 5000), Fig("5,500", "count", 5500)])
    big = claims_in(text, [Fig("half a percent", "percent", 0.5, "percent"), Fig("5,000", "count", 5000), Fig("5,500", "count", 5500)])
    (relative,) = change_check(Link("percent_change", "t", counts[0], {"rate": (counts[0],), "old": (counts[1],), "new": (counts[2],)}), [], CheckOptions())
    (not_rates,) = change_check(Link("percent_change", "t", big[0], {"rate": (big[0],), "old": (big[1],), "new": (big[2],)}), [], CheckOptions())
    assert relative.verdict == "consistent" and not_rates.verdict == "inconsistent"


def test_parts_each_held_against_the_whole_are_not_summed():
    text = "Of the 3,400 screened, 2,100 were referred and 1,900 were recalled."
    whole, first, second = claims_in(text, [Fig("3,400", "count", 3400), Fig("2,100", "count", 2100), Fig("1,900", "count", 1900)])
    roles = {"whole": (whole,), "part": (first, second)}
    (summed,) = part_of_whole(Link("part_of_whole", "t", first, roles), [], CheckOptions())
    assert summed.verdict == "inconsistent"
    each = part_of_whole(Link("part_of_whole", "t", first, roles, {"mode": "each"}), [], CheckOptions())
    assert [(o.verdict, o.claims[0].text) for o in each] == [("consistent", "2,100"), ("consistent", "1,900")]


def rate_check(text: str, figures: list[Fig], per: str | None) -> list:
    amount, span, rate = claims_in(text, figures)
    if per:
        rate.extra["per"] = per
    link = Link("ratio", "t", rate, {"factor": (rate,), "subject": (amount,), "reference": (span,)})
    return [o.verdict for o in ratio(link, [], CheckOptions())]


def test_a_rate_over_its_span_gives_the_amount_in_the_rate_s_units():
    text = "It retreated 1.8 km over 30 years, an average of 60 metres a year."
    figures = [Fig("1.8 km", "distance", 1.8, "kilometer"), Fig("30 years", "quantity", 30, "year"),
               Fig("60 metres a year", "distance", 60, "meter")]
    assert rate_check(text, figures, "year") == ["consistent"]
    assert rate_check(text.replace("60 metres", "90 metres"), [*figures[:2], Fig("90 metres a year", "distance", 90, "meter")],
                      "year") == ["inconsistent"]
    assert rate_check(text, figures, "person") == []  # a span of years is no head count


def test_an_amount_each_times_the_count_gives_the_total():
    text = "The £1.8m covers 240 homes, or £7,500 per home."
    figures = [Fig("£1.8m", "money", 1.8e6, "GBP"), Fig("240 homes", "count", 240), Fig("£7,500", "money", 7500, "GBP")]
    assert rate_check(text, figures, None) == ["consistent"]
    wrong = [Fig("£1.8m", "money", 1.8e6, "GBP"), Fig("240 homes", "count", 240), Fig("£9,500", "money", 9500, "GBP")]
    assert rate_check(text.replace("7,500", "9,500"), wrong, None) == ["inconsistent"]


def test_a_rate_per_unit_of_length_spans_a_distance_and_a_plain_number_of_its_units():
    text = "It cost $1.9 billion over its 12.8 miles, or $148 million per mile."
    figures = [Fig("$1.9 billion", "money", 1.9e9), Fig("12.8 miles", "distance", 12.8, "mile"), Fig("$148 million", "money", 148e6)]
    assert rate_check(text, figures, "mile") == ["consistent"]
    plain = "It yielded 15.2 billion bushels on 82.7 million harvested acres, 183.8 bushels per acre."
    crop = [Fig("15.2 billion bushels", "quantity", 15.2e9, "bushel"), Fig("82.7 million", "count", 82.7e6),
            Fig("183.8 bushels", "quantity", 183.8, "bushel")]
    assert rate_check(plain, crop, "acre") == ["consistent"]


def test_an_average_named_by_its_period_is_a_rate_of_that_period():
    text = "The pumps delivered 4,380 million gallons over 365 days, a daily average of 12 million gallons."
    amount, span, rate = claims_in(text, [Fig("4,380 million gallons", "quantity", 4.38e9, "gallon"),
                                          Fig("365 days", "quantity", 365, "day"), Fig("12 million gallons", "quantity", 12e6, "gallon")])

    def verdicts(period: str | None) -> list:
        meta = {"each_period": period} if period else {}
        link = Link("ratio", "t", rate, {"factor": (rate,), "subject": (amount,), "reference": (span,)}, meta)
        return [o.verdict for o in ratio(link, [], CheckOptions())]

    assert verdicts("day") == ["consistent"]
    assert verdicts("week") == ["inconsistent"]  # 12 million a week over 365 days is 626 million
    assert verdicts(None) == []  # with no period, gallons are no multiple of days


def test_a_rate_per_thing_is_no_average_over_a_count_of_other_things():
    text = "The county spent $84.6 million on 305 officers, or $277,377 per household."
    figures = [Fig("$84.6 million", "money", 84.6e6), Fig("305 officers", "count", 305), Fig("$277,377", "money", 277377)]
    assert rate_check(text, figures, "household") == []
    assert rate_check(text, figures, "officer") == ["consistent"]
    assert rate_check(text, figures, "person") == ["consistent"]  # per head: any count of people


def test_a_bare_end_of_a_change_is_read_in_the_measure_of_the_other():
    text = "The area grew to 1.9 million square kilometres from 1.2 million, an increase of 60%."
    new, old, rate = claims_in(text, [Fig("1.9 million square kilometres", "quantity", 1.9e6, "kilometer ** 2"),
                                      Fig("1.2 million", "count", 1.2e6), Fig("60%", "percent", 60, "percent")])
    link = Link("percent_change", "t", rate, {"rate": (rate,), "old": (old,), "new": (new,)}, {"direction": 1})
    assert [o.verdict for o in change(link, [], CheckOptions())] == ["consistent"]


def test_parts_a_whole_includes_may_name_other_things_but_then_never_alarm():
    text = "There were 1,752 deaths, including 561 pedestrians; 14 routes, including 220 passengers."
    deaths, pedestrians, routes, passengers = claims_in(text, [
        Fig("1,752 deaths", "count", 1752), Fig("561 pedestrians", "count", 561),
        Fig("14 routes", "count", 14), Fig("220 passengers", "count", 220)])
    including = {"mode": "including"}
    (fits,) = part_of_whole(Link("part_of_whole", "t", pedestrians, {"whole": (deaths,), "part": (pedestrians,)}, including),
                            [], CheckOptions())
    assert fits.verdict == "consistent"
    assert part_of_whole(Link("part_of_whole", "t", passengers, {"whole": (routes,), "part": (passengers,)}, including),
                         [], CheckOptions()) == []
    assert part_of_whole(Link("part_of_whole", "t", pedestrians, {"whole": (deaths,), "part": (pedestrians,)}),
                         [], CheckOptions()) == []  # "X of the Y" needs one noun


@pytest.mark.parametrize("rate_text, value, qualifier, verdict", [
    ("9%", 9, None, "consistent"),  # the levels give −8.57%, which is 9% to the stated digit
    ("10%", 10, None, "approximate"),  # −8.57% does not round to 10%: a fit only within the levels' rounding
    ("about 9%", 9, "approximately", "approximate"),  # a hedged rate is left to the hedge's own allowance (honour_hedge)
])
def test_a_rate_the_levels_round_to_is_consistent(rate_text, value, qualifier, verdict):
    text = f"The budget is £3.2 billion, a cut of {rate_text} from £3.5 billion."
    new, rate, old = claims_in(text, [Fig("£3.2 billion", "money", 3.2e9, "GBP"), Fig(rate_text, "percent", value, "percent", qualifier=qualifier),
                                      Fig("£3.5 billion", "money", 3.5e9, "GBP")])
    roles = {"rate": (rate,), "old": (old,), "new": (new,)}
    (outcome,) = change_check(Link("percent_change", "t", rate, roles, {"direction": -1}), [], CheckOptions())
    assert outcome.verdict == verdict


def test_a_rate_is_no_part_of_a_figure_with_no_period():
    text = "47 bridges are deficient, including 9 that carry 20,000 vehicles a day."
    whole, part, rate = claims_in(text, [Fig("47 bridges", "count", 47), Fig("9", "count", 9), Fig("20,000 vehicles a day", "count", 20000)])
    rate.extra["per"] = "day"
    listed = Link("part_of_whole", "t", part, {"whole": (whole,), "part": (part, rate)}, {"mode": "including"})
    assert [o.claims for o in part_of_whole(listed, [], CheckOptions())] == [(part, whole)]
    summed = Link("part_of_whole", "t", part, {"whole": (whole,), "part": (part, rate)})
    assert part_of_whole(summed, [], CheckOptions()) == []


def average_check(text: str, figures: list[Fig], each: str) -> list:
    total, count, average = claims_in(text, figures)
    link = Link("ratio", "t", average, {"factor": (average,), "subject": (total,), "reference": (count,)}, {"each": each})
    return [o.verdict for o in ratio(link, [], CheckOptions())]


def test_an_average_a_thing_is_checked_only_over_a_count_of_that_thing():
    text = "Attendance was 412,600 for 23 matches, an average of 17,939 a match."
    figures = [Fig("412,600", "count", 412600), Fig("23 matches", "count", 23), Fig("17,939", "count", 17939)]
    assert average_check(text, figures, "match") == ["consistent"]
    assert average_check(text.replace("17,939", "21,939"), [*figures[:2], Fig("21,939", "count", 21939)], "match") == ["inconsistent"]
    assert average_check(text, figures, "resident") == []  # "per resident" is no average over matches
    home = "Attendance was 412,600 for 23 home matches, an average of 17,939 a match."
    assert average_check(home, [figures[0], Fig("23 home", "count", 23), figures[2]], "match") == ["consistent"]


def test_an_average_s_count_keeps_its_own_measure():
    text = "The league drew 6.1 million spectators across 306 matches, an average of 19,935 a match."
    figures = [Fig("6.1 million spectators", "count", 6.1e6), Fig("306", "count", 306), Fig("19,935", "count", 19935)]
    assert average_check(text, figures, "match") == ["consistent"]  # 306 is no "306 million"


def test_a_whole_number_of_years_an_average_is_taken_over_is_exact():
    text = "It asked for $4.8 billion over five years, which is $860 million a year."
    figures = [Fig("$4.8 billion", "money", 4.8e9, "USD"), Fig("five years", "quantity", 5, "year"),
               Fig("$860 million a year", "money", 860e6, "USD")]
    assert rate_check(text, figures, "year") == ["inconsistent"]  # not "within rounding" of 4.5 to 5.5 years
    (people, longer) = claims_in("for 1,200 people over 3.5 years", [Fig("1,200 people", "count", 1200),
                                                                     Fig("3.5 years", "quantity", 3.5, "year")])
    assert span_interval(people, CheckOptions()).width > 0 and span_interval(longer, CheckOptions()).width > 0


def test_a_text_that_names_nautical_miles_once_says_miles_after():
    text = "She steamed 14,700 nautical miles in 66 days, an average of 223 miles a day."
    figures = [Fig("14,700 nautical miles", "distance", 14700, "nautical_mile"), Fig("66 days", "quantity", 66, "day"),
               Fig("223 miles a day", "distance", 223, "mile")]
    assert rate_check(text, figures, "day") == ["consistent"]
    statute = [Fig("14,700 miles", "distance", 14700, "mile"), figures[1], Fig("263 kilometres a day", "distance", 263, "kilometer")]
    assert rate_check("She steamed 14,700 miles in 66 days, an average of 263 kilometres a day.", statute, "day") == ["inconsistent"]


def test_a_bare_count_far_larger_than_a_measured_whole_is_not_of_its_measure():
    text = "Earnings rose to $34.10. Auto workers accounted for 30,000 of the gain."
    whole, part = claims_in(text, [Fig("$34.10", "money", 34.10, "USD"), Fig("30,000", "count", 30000)])
    assert part_of_whole(Link("part_of_whole", "t", part, {"whole": (whole,), "part": (part,)}), [], CheckOptions()) == []


def test_parts_a_hundred_times_their_total_are_no_parts_of_it():
    text = "Earnings were $10.7 billion, and a final dividend of $1.45 brings the payout to $2.60."
    earnings, final, payout = claims_in(text, [Fig("$10.7 billion", "money", 10.7e9, "USD"), Fig("$1.45", "money", 1.45, "USD"),
                                               Fig("$2.60", "money", 2.6, "USD")])
    link = Link("sum", "t", payout, {"parts": (earnings, final), "total": (payout,)}, {"mode": "exact"})
    assert sum_check(link, [], CheckOptions()) == []
    near = claims_in("Parts of $1.45 and $2.10 make $4.60.", [Fig("$1.45", "money", 1.45, "USD"), Fig("$2.10", "money", 2.1, "USD"),
                                                              Fig("$4.60", "money", 4.6, "USD")])
    (outcome,) = sum_check(Link("sum", "t", near[2], {"parts": near[:2], "total": (near[2],)}, {"mode": "exact"}), [], CheckOptions())
    assert outcome.verdict == "inconsistent"


def test_a_number_in_words_names_nothing_counted():
    text = "It was £112 a month, and now they want a hundred and ninety. That's seventy per cent more."
    old, new, rate = claims_in(text, [Fig("£112", "money", 112, "GBP"), Fig("a hundred and ninety", "count", 190),
                                      Fig("seventy per cent", "percent", 70, "percent")])
    link = Link("percent_change", "t", rate, {"rate": (rate,), "old": (old,), "new": (new,)}, {"direction": 1})
    assert [o.verdict for o in change_check(link, [], CheckOptions())] == ["consistent"]  # 190 is read as £190



def test_a_numeral_with_a_fraction_states_no_scale():
    text = "It rose 5% to $5 million from $4 million 3/4."
    rate, new, old = claims_in(text, [Fig("5%", "percent", 5, "percent"), Fig("$5 million", "money", 5e6, "USD"),
                                      Fig("$4 million 3/4", "money", 4.75e6, "USD")])
    link = Link("percent_change", "t", rate, {"rate": (rate,), "old": (old,), "new": (new,)}, {"direction": 1})
    assert [o.verdict for o in change_check(link, [], CheckOptions())] == ["consistent"]  # no crash on "3/4"


@pytest.mark.parametrize("mode, today, verdict", [
    ("deadline", "2021-10-05", "inconsistent"), ("deadline", "2019-04-10", "consistent"),
    ("past", "2019-04-10", "consistent"), ("past", "2018-12-01", "inconsistent"),
])
def test_a_stretch_of_time_is_past_once_begun_and_ahead_until_it_ends(mode, today, verdict):
    (season,) = claims_in("It opens in the spring of 2019.", [Fig("the spring of 2019", "date", None, low="2019-03", high="2019-05")])
    link = Link("date_order", "t", season, {"date": (season,)}, {"mode": mode, "document_date": today})
    assert [o.verdict for o in date_order(link, [], CheckOptions())] == [verdict]


@pytest.mark.parametrize("today, verdicts", [("2021-10-05", ["consistent"]), ("2022-10-05", ["inconsistent"]), ("2026-10-05", [])])
def test_a_schedule_told_in_the_present_is_judged_only_near_the_document_date(today, verdicts):
    (opening,) = claims_in("The wing opens in January 2022.", [Fig("January 2022", "date", "2022-01")])
    link = Link("date_order", "t", opening, {"date": (opening,)}, {"mode": "scheduled", "document_date": today})
    assert [o.verdict for o in date_order(link, [], CheckOptions())] == verdicts


@pytest.mark.parametrize("text, figures, verdicts", [
    ("It ranged between 32 cents and 18 cents per hour.", [Fig("32 cents", "money", 0.32, "USD"), Fig("18 cents", "money", 0.18, "USD")],
     ["inconsistent"]),
    ("It varied from 12,000 acres to 8,400,000 acres.", [Fig("12,000 acres", "quantity", 12000, "acre"),
                                                         Fig("8,400,000 acres", "quantity", 8.4e6, "acre")], ["consistent"]),
    ("It varied from 12 acres to 3 hectares.", [Fig("12 acres", "quantity", 12, "acre"), Fig("3 hectares", "quantity", 3, "hectare")], []),
])
def test_two_figures_read_as_a_range_run_forwards_in_one_unit(text, figures, verdicts):
    first, last = claims_in(text, figures)
    link = Link("range", "t", first, {"low": (first,), "high": (last,)})
    assert [o.verdict for o in ranges(link, [], CheckOptions())] == verdicts


@pytest.mark.parametrize("text, figures, verdicts", [
    ("Begun in March, 1903, and completed in October, 1901.", [Fig("March, 1903", "date", "1903-03"), Fig("October, 1901", "date", "1901-10")],
     ["inconsistent"]),
    ("Begun in March, 1903, and completed in 1903.", [Fig("March, 1903", "date", "1903-03"), Fig("1903", "date", "1903")], ["consistent"]),
    ("We set off on May 9 and got back on April 2.", [Fig("May 9", "date", "--05-09"), Fig("April 2", "date", "--04-02")], []),
    ("We set off on April 9 and got back on May 2.", [Fig("April 9", "date", "--04-09"), Fig("May 2", "date", "--05-02")], ["consistent"]),
])
def test_two_dates_read_as_a_start_and_an_end_run_forwards_and_only_stated_years_raise_an_alarm(text, figures, verdicts):
    first, last = claims_in(text, figures)
    link = Link("range", "t", first, {"low": (first,), "high": (last,)})
    assert [o.verdict for o in ranges(link, [], CheckOptions())] == verdicts


@pytest.mark.parametrize("span, verdict", [("48 years", "consistent"), ("47 years", "consistent"), ("58 years", "inconsistent")])
def test_a_span_between_two_stated_years_meets_them_within_a_year(span, verdict):
    text = f"She was born in 1624 and died {span} later in 1672."
    born, years, died = claims_in(text, [Fig("1624", "date", "1624"), Fig(span, "quantity", int(span.split()[0]), "year"),
                                         Fig("1672", "date", "1672")])
    link = Link("anniversary", "t", years, {"nth": (years,), "event": (born,), "held": (died,)}, {"mode": "between"})
    assert [o.verdict for o in anniversary(link, [], CheckOptions())] == [verdict]


def test_words_of_change_that_give_no_sign_take_it_from_the_stated_ends():
    text = "Churn improved to 1.9 percent from 2.5 percent, an improvement of 0.6 points; costs improved by 4%."
    new, old, rate = claims_in(text, [Fig("1.9 percent", "percent", 1.9, "percent"), Fig("2.5 percent", "percent", 2.5, "percent"),
                                      Fig("0.6 points", "percent", 0.6, "percentage_point")])
    roles = {"rate": (rate,), "old": (old,), "new": (new,)}
    (outcome,) = change_check(Link("percent_change", "t", rate, roles, {"direction": 0}), [], CheckOptions())
    assert outcome.verdict == "consistent" and outcome.stated.value == pytest.approx(-0.6)
    (one_end,) = claims_in(text, [Fig("4%", "percent", 4, "percent")])
    assert change_check(Link("percent_change", "t", one_end, {"rate": (one_end,), "old": (old,)}, {"direction": 0}), [], CheckOptions()) == []


def test_a_gap_whose_words_give_no_sign_is_compared_by_its_size():
    text = "Wait times improved from 12 minutes to 9 minutes, an improvement of 3 minutes."
    subject, reference, gap = claims_in(text, [Fig("12 minutes", "quantity", 12, "minute"), Fig("9 minutes", "quantity", 9, "minute"),
                                               Fig("3 minutes", "quantity", 3, "minute")])
    roles = {"gap": (gap,), "subject": (reference,), "reference": (subject,)}
    (outcome,) = difference(Link("difference", "t", gap, roles, {"direction": 0}), [], CheckOptions())
    assert outcome.verdict == "consistent"
    (signed,) = difference(Link("difference", "t", gap, roles, {"direction": 1}), [], CheckOptions())
    assert signed.verdict == "inconsistent"


def test_a_part_that_says_the_total_again_is_no_part_of_a_breakdown():
    text = "We farm 640 acres — one square mile, basically — and 300 acres of it was in wheat."
    total, mile, wheat = claims_in(text, [Fig("640 acres", "quantity", 640, "acre"), Fig("one square mile", "quantity", 1, "mile**2"),
                                          Fig("300 acres", "quantity", 300, "acre")])
    assert sum_check(Link("sum", "t", total, {"total": (total,), "parts": (mile, wheat)}), [], CheckOptions()) == []
    text = "The two firms employ about 3,000: 2,650 in Leeds and 1,540 in Bradford."
    total, leeds, bradford = claims_in(text, [Fig("3,000", "count", 3000, qualifier="approximately"), Fig("2,650", "count", 2650),
                                              Fig("1,540", "count", 1540)])
    (outcome,) = sum_check(Link("sum", "t", total, {"total": (total,), "parts": (leeds, bradford)}), [], CheckOptions())
    assert outcome.verdict == "inconsistent"


def test_a_difference_and_a_change_compare_figures_in_one_unit():
    text = "The trip takes 2 hours, 30 minutes less than the 150 minutes it took; from 2 hours to 85 minutes, a cut of 35 minutes."
    now, gap, before, old, new, cut = claims_in(text, [
        Fig("2 hours", "quantity", 2, "hour"), Fig("30 minutes", "quantity", 30, "minute"),
        Fig("150 minutes", "quantity", 150, "minute"), Fig("2 hours", "quantity", 2, "hour"),
        Fig("85 minutes", "quantity", 85, "minute"), Fig("35 minutes", "quantity", 35, "minute")])
    told = Link("difference", "t", gap, {"subject": (now,), "gap": (gap,), "reference": (before,)}, {"direction": -1})
    assert [o.verdict for o in difference(told, [], CheckOptions())] == ["consistent"]
    change = Link("percent_change", "t", cut, {"old": (old,), "new": (new,), "delta": (cut,)}, {"direction": -1})
    assert [o.verdict for o in change_check(change, [], CheckOptions())] == ["consistent"]


def test_a_unit_named_once_stands_for_the_other_in_a_change():
    text = "Output was 3,878,581 tons, an increase of 189,710 gross tons over the 3,688,871 gross tons of 1890."
    new, delta, old = claims_in(text, [Fig("3,878,581 tons", "quantity", 3878581, "ton"),
                                       Fig("189,710 gross tons", "quantity", 189710, "long_ton"),
                                       Fig("3,688,871 gross tons", "quantity", 3688871, "long_ton")])
    change = Link("percent_change", "t", delta, {"old": (old,), "new": (new,), "delta": (delta,)}, {"direction": 1})
    assert [o.verdict for o in change_check(change, [], CheckOptions())] == ["consistent"]


def test_a_bare_number_between_figures_of_one_measure_is_read_in_that_measure():
    text = ("four hundred and fifty watts. Last gen was three-fifty, with 350 staff, not the 350, at ninety. "
            "So a hundred watts more.")
    new, old, staff, label, age, gap = claims_in(text, [
        Fig("four hundred and fifty watts", "quantity", 450, "watt"), Fig("three-fifty", "count", 350),
        Fig("350 staff", "count", 350), Fig("350", "count", 350), Fig("ninety", "count", 90),
        Fig("a hundred watts", "quantity", 100, "watt")])
    def gap_of(reference):
        return difference(Link("difference", "t", gap, {"gap": (gap,), "subject": (new,), "reference": (reference,)}),
                          [], CheckOptions())
    (bare,) = gap_of(old)
    assert bare.verdict == "consistent" and gap_of(staff) == gap_of(label) == gap_of(age) == []  # staff; a label; an age



def test_a_short_spoken_count_beside_figures_told_in_thousands_is_in_thousands_when_the_gap_is_small():
    text = ("two hundred and eleven thousand votes to one ninety-eight, or to 198, a lead of thirteen thousand; "
            "twelve thousand votes to nine hundred and fifty, a margin of eleven thousand")
    leader, spoken, digits, gap, winner, small, margin = claims_in(text, [
        Fig("two hundred and eleven thousand votes", "count", 211000), Fig("one ninety-eight", "count", 198),
        Fig("198", "count", 198), Fig("thirteen thousand", "count", 13000), Fig("twelve thousand votes", "count", 12000),
        Fig("nine hundred and fifty", "count", 950), Fig("eleven thousand", "count", 11000)])
    def lead(first, other, told):
        roles = {"gap": (told,), "subject": (first,), "reference": (other,)}
        return [o.verdict for o in difference(Link("difference", "t", told, roles), [], CheckOptions())]
    assert lead(leader, spoken, gap) == ["consistent"] and lead(leader, digits, gap) == ["inconsistent"]
    assert lead(winner, small, margin) == ["consistent"]  # a gap near the larger figure: 950 is 950


@pytest.mark.parametrize("text, figure, verdicts", [
    ("voters rejected the levy, 54 percent to 46 percent", "54 percent to 46 percent", []),
    ("Britain voted to leave by 52 percent to 48 percent", "52 percent to 48 percent", []),
    ("In favour are 59 percent to 41 percent of members polled", "59 percent to 41 percent", []),
    ("the vaccine cuts the risk by 70 percent to 20 percent, depending on age", "70 percent to 20 percent", ["inconsistent"]),
])
def test_two_percentages_that_make_a_whole_are_a_split_and_others_the_larger_first_a_backwards_range(text, figure, verdicts):
    low, high = (float(word) for word in figure.split()[::3])
    (claim,) = claims_in(text, [Fig(figure, "percent", (low + high) / 2, "percent", low=low, high=high)])
    assert [o.verdict for o in ranges(Link("range", "t", claim, {"range": (claim,)}), [], CheckOptions())] == verdicts


def test_two_percentages_after_a_verb_of_winning_are_a_split_and_elsewhere_a_range():
    text = "girls outperformed boys, 81 percent to 75 percent; a target range of 8 percent to 5 percent"
    split, backwards = claims_in(text, [Fig("81 percent to 75 percent", "percent", 78, "percent", low=81, high=75),
                                        Fig("8 percent to 5 percent", "percent", 6.5, "percent", low=8, high=5)])
    assert ranges(Link("range", "t", split, {"range": (split,)}), [], CheckOptions()) == []
    (outcome,) = ranges(Link("range", "t", backwards, {"range": (backwards,)}), [], CheckOptions())
    assert outcome.verdict == "inconsistent"
