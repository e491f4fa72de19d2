"""Which verdicts the checker keeps where several links speak of the same figures (`crowded`), and how it mends a sum."""

from __future__ import annotations

from claim_factory import Fig, claims_in
from factcheck.checker import check_all, crowded, relates, rescued, settled, sole_figures, sole_readings, two_ways, unclaimed
from factcheck.document import load_text
from factcheck.extract.rulebook import load_rulebook
from factcheck.pipeline import scan_document
from factcheck.relations.arithmetic.common import CheckOptions
from factcheck.relations.arithmetic.common import Outcome
from factcheck.relations.link import Link

BOOK = load_rulebook()


def outcome(verdict: str, *claims) -> Outcome:
    return Outcome(verdict, None, None, None, "", "", tuple(claims))


def test_a_loose_verdict_gives_way_to_a_firm_link_of_the_same_figures():
    rate, old, new, forecast = claims_in("Profit fell 21% to $212 million from $268 million; sales growth of 4%.", [
        Fig("21%", "percent", 21, "percent"), Fig("$212 million", "money", 212e6, "USD"),
        Fig("$268 million", "money", 268e6, "USD"), Fig("4%", "percent", 4, "percent")])
    firm = (Link("percent_change", "firm", rate, {"rate": (rate,), "new": (new,), "old": (old,)}), outcome("consistent", rate, old, new))
    loose = (Link("percent_change", "loose", forecast, {"rate": (forecast,)}, {"loose": True}), outcome("inconsistent", forecast, old, new))
    assert crowded(*loose, [firm, loose]) and not crowded(*firm, [firm, loose])


def test_of_two_loose_rates_for_the_same_ends_the_one_that_fits_stays():
    first, second, old, new = claims_in("It rose 3.7%, with a 10.6% jump in fuel; the index is 307.0 against 296.0.", [
        Fig("3.7%", "percent", 3.7, "percent"), Fig("10.6%", "percent", 10.6, "percent"),
        Fig("307.0", "count", 307.0), Fig("296.0", "count", 296.0)])
    fits = (Link("percent_change", "a", first, {"rate": (first,)}, {"loose": True}), outcome("consistent", first, old, new))
    off = (Link("percent_change", "b", second, {"rate": (second,)}, {"loose": True}), outcome("inconsistent", second, old, new))
    assert crowded(*off, [fits, off]) and not crowded(*fits, [fits, off])


def test_of_two_ages_of_one_birth_year_the_one_that_fits_stays():
    now, born, then = claims_in("I'm 58 now, says Okafor, who was born in 1965 and moved at the age of nine.", [
        Fig("58", "count", 58), Fig("1965", "date", "1965"), Fig("nine", "count", 9)])
    fits = (Link("age", "a", now, {"age": (now,), "born": (born,)}), outcome("consistent", now, born))
    off = (Link("age", "a", then, {"age": (then,), "born": (born,)}), outcome("inconsistent", then, born))
    assert crowded(*off, [fits, off]) and not crowded(*fits, [fits, off])
    assert not crowded(*off, [off])  # alone, a wrong age still alarms


def test_a_loose_rate_gives_way_to_a_multiple_that_relates_the_same_ends():
    rate, factor, new, old = claims_in("Sales fell 3.1%, and the loss nearly quadrupled to $48.2 million from $12.6 million.", [
        Fig("3.1%", "percent", 3.1, "percent"), Fig("quadrupled", "ratio", 4), Fig("$48.2 million", "money", 48.2e6, "USD"),
        Fig("$12.6 million", "money", 12.6e6, "USD")])
    multiple = (Link("multiplier", "firm", factor, {"factor": (factor,), "target": (new,), "base": (old,)}), outcome("consistent", factor, new, old))
    loose = (Link("percent_change", "loose", rate, {"rate": (rate,)}, {"loose": True}), outcome("inconsistent", rate, old, new))
    assert crowded(*loose, [multiple, loose])


def test_an_agreement_sharing_one_operand_with_a_firm_verdict_stays():
    new, delta, old, spent, gap = claims_in("Revenue was $152.8 million, up $9.2 million from $143.6 million; expenditures of $167.4 million left a deficiency of $14.6 million.", [
        Fig("$152.8 million", "money", 152.8e6, "USD"), Fig("$9.2 million", "money", 9.2e6, "USD"),
        Fig("$143.6 million", "money", 143.6e6, "USD"), Fig("$167.4 million", "money", 167.4e6, "USD"),
        Fig("$14.6 million", "money", 14.6e6, "USD")])
    firm = [(Link("difference", "firm", delta, {"delta": (delta,)}), outcome("consistent", delta, old, new))]
    chained = (Link("difference", "agree", gap, {"gap": (gap,)}), outcome("consistent", gap, spent, new))
    same = (Link("difference", "agree", delta, {"gap": (delta,)}), outcome("consistent", delta, new, spent))
    assert unclaimed([chained], firm) == [chained] and unclaimed([same], firm) == []


def test_a_figure_a_verdict_binds_as_a_rate_triggers_no_other_reading():
    new, old, gain, rate = claims_in("It was 86,786, against 55,572, a gain of 31,214, or at the rate of 36 per cent.", [
        Fig("86,786", "count", 86786), Fig("55,572", "count", 55572), Fig("31,214", "count", 31214),
        Fig("36 per cent", "percent", 36, "percent")])
    firm = [(Link("percent_change", "firm", old, {"new": (new,), "old": (old,), "rate": (rate,)}), outcome("inconsistent", new, old, rate))]
    share = (Link("share", "agree", rate, {"share": (rate,)}), outcome("consistent", gain, new, rate))
    level = (Link("share", "agree", new, {"part": (new,)}), outcome("consistent", new, gain))
    assert unclaimed([share], firm) == [] and unclaimed([level], firm) == [level]



def sole_link(check_type: str, trigger) -> Link:
    return Link(check_type, "t.sole", trigger, {}, {"reading": "sole"})


def test_a_sole_reading_read_two_ways_or_on_a_figure_of_another_verdict_gives_nothing():
    share, a, b, c = claims_in("About 19 percent; 2,410, then 1,962 and 2,870.", [
        Fig("19 percent", "percent", 19, "percent"), Fig("2,410", "count", 2410), Fig("1,962", "count", 1962), Fig("2,870", "count", 2870)])
    down = (sole_link("percent_change", share), outcome("consistent", share, a, b))
    up = (sole_link("percent_change", share), outcome("consistent", share, a, c))
    assert sole_readings([down, up], [], sole_figures([down, up])) == []
    assert sole_readings([down], [], sole_figures([down])) == [down]
    firm = (Link("share", "firm", share, {}), outcome("inconsistent", share, a, b))
    assert sole_readings([down], [firm], sole_figures([down])) == []


def test_an_alarm_yields_to_a_sole_reading_that_swaps_one_of_its_figures():
    share, total, males, females, before, gain = claims_in(
        "69.4 per cent of 1,100,735 were males: 764,163 males, 336,572 females; 1,026,499 a year before, up 74,236.", [
            Fig("69.4 per cent", "percent", 69.4, "percent"), Fig("1,100,735", "count", 1100735), Fig("764,163", "count", 764163),
            Fig("336,572", "count", 336572), Fig("1,026,499", "count", 1026499), Fig("74,236", "count", 74236)])
    alarm = (Link("share", "frame", share, {}), outcome("inconsistent", share, total, females))
    mend = (sole_link("share", share), outcome("consistent", share, total, males))
    assert rescued(*alarm, [mend], sole_figures([mend]))
    other = (sole_link("share", share), outcome("consistent", share, before, gain))
    assert not rescued(*alarm, [other], sole_figures([other]))  # other figures: another relation, not a mend
    two = [mend, (sole_link("share", share), outcome("consistent", share, before, males))]
    assert not rescued(*alarm, two, sole_figures(two))


def test_a_date_order_alone_relates_no_figures_and_leaves_its_date_to_a_sole_reading():
    born, age = claims_in("I was born in 1963 and I'm sixty-one.", [Fig("1963", "date", "1963"), Fig("sixty-one", "count", 61)])
    order = (Link("date_order", "past", born, {"date": (born,)}), outcome("consistent", born))
    assert not relates(order[1]) and settled([order]) == set()
    reading = (sole_link("age", born), outcome("consistent", born, age))
    assert sole_readings([reading], [order], sole_figures([reading])) == [reading]


def test_a_sole_reading_of_a_date_order_confirms_and_never_alarms():
    date = claims_in("The lamps would be replaced by June 2024.", [Fig("June 2024", "date", "2024-06")])[0]
    meta = {"reading": "sole", "mode": "deadline"}
    ahead = Link("date_order", "t.sole", date, {"date": (date,)}, meta | {"document_date": "2023-02-21"})
    behind = Link("date_order", "t.sole", date, {"date": (date,)}, meta | {"document_date": "2025-02-21"})
    assert [c.verdict for c in check_all([ahead], [], CheckOptions())] == ["consistent"]
    assert check_all([behind], [], CheckOptions()) == []
    behind.meta["reading"] = None
    assert [c.verdict for c in check_all([behind], [], CheckOptions())] == ["inconsistent"]


def test_a_sole_rate_whose_words_of_change_point_both_ways_is_read_neither_way():
    rate = claims_in("Profit dropped, a decline of 68%, as it set aside more.", [Fig("68%", "percent", 68, "percent")])[0]
    down = Link("percent_change", "t.sole", rate, {"rate": (rate,)}, {"reading": "sole", "direction": -1})
    up = Link("percent_change", "t.sole", rate, {"rate": (rate,)}, {"reading": "sole", "direction": 1})
    assert two_ways([down, up]) == {("percent_change", rate.id)}
    assert two_ways([down, down]) == set()


def test_a_conversions_alarm_is_never_mended_by_a_sole_reading():
    fast, wrong, other = claims_in("Cut from 130 km/h (101 mph) to 100 km/h (80 mph).", [
        Fig("130 km/h", "quantity", 130, "kilometer_per_hour"), Fig("101 mph", "quantity", 101, "mile_per_hour"),
        Fig("80 mph", "quantity", 80, "mile_per_hour")])
    alarm = (Link("conversion", "frame", fast, {}), outcome("inconsistent", fast, wrong))
    mend = (sole_link("conversion", fast), outcome("consistent", fast, other))
    assert not rescued(*alarm, [mend], sole_figures([mend]))


SUM_TEXT = ("Customs brought in $163,104,000.{gap}Internal revenue yielded $102,409,000, the lands $1,852,000, and "
            "other sources $24,310,000, making the total receipts {total}.")


def sums(text: str) -> list[tuple[str, int]]:
    report = scan_document(load_text("t.txt", text), BOOK)
    return [(c.verdict, len(c.claims)) for c in report.checks if c.type == "sum"]


def test_a_sum_whose_list_left_out_a_part_stated_just_before_is_mended():
    assert sums(SUM_TEXT.format(gap=" ", total="$291,675,000")) == [("consistent", 5)]
    assert sums(SUM_TEXT.format(gap=" ", total="$391,675,000")) == [("inconsistent", 4)]
    assert sums(SUM_TEXT.format(gap="\n\n", total="$291,675,000")) == [("inconsistent", 4)]  # another paragraph


BROKEN_DOWN = ("There are in the service 427 vessels, of which 123 have been constructed and {bought} purchased, carrying in all "
               "3,268 guns.")


def test_a_sum_alarm_gives_way_where_its_parts_add_up_to_a_figure_stated_before_them():
    assert "inconsistent" not in [v for v, _ in sums(BROKEN_DOWN.format(bought="304"))]  # the vessels broken down
    assert "inconsistent" in [v for v, _ in sums(BROKEN_DOWN.format(bought="504"))]  # they add up to neither


PLACED = ("Receipts are put at $44,477,000 and expenditures at $39,669,000. The public debt stood at $258,286,000. "
          "Defense is estimated at $11,025,000, or {share} of the total.")


def test_an_alarm_on_a_whole_taken_by_its_place_gives_way_where_a_figure_just_before_agrees_as_the_whole():
    def shares(share: str) -> list[str]:
        report = scan_document(load_text("t.txt", PLACED.format(share=share)), BOOK)
        return [c.verdict for c in report.checks if c.type == "share"]
    assert "inconsistent" not in shares("more than one-fourth")  # the expenditures were meant, not the debt
    assert "inconsistent" in shares("two-thirds")  # no figure stated before agrees: the alarm stands


def test_a_conversion_alarm_gives_way_where_the_figure_already_restates_one_in_the_unit_it_is_converted_to():
    def conversions(text: str) -> list[str]:
        return [c.verdict for c in scan_document(load_text("t.txt", text), BOOK).checks if c.type == "conversion"]
    assert conversions("The glacier retreated 312 metres, roughly 1,020 feet, or about 16 metres a year.") == ["consistent"]
    assert "inconsistent" in conversions("The glacier retreated 1,020 feet, or about 16 metres a year.")  # no way back
    assert "inconsistent" in conversions("The old tower is 442 metres tall. The new one rises 1,450 feet (460 metres).")

