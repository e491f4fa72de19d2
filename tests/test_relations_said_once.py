"""A measure named once: a plain number among a relation's levels takes the measure (and scale) of the others."""

from __future__ import annotations

import pytest

from factcheck.checker import CheckOptions, check_all
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links

BOOK = load_rulebook()


def checks(text: str) -> list[tuple[str, str]]:
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return [(c.type, c.verdict) for c in check_all(find_links(doc, claims, BOOK, warnings), [], CheckOptions())]


def levels(text: str) -> dict[str, tuple[str, str | None, float]]:
    """Each bound level of the text's links: its kind, unit and value as the checks read them."""
    doc = load_text("t", text)
    claims, warnings = extract(doc, BOOK)
    return {c.text: (c.kind, c.unit, c.value) for link in find_links(doc, claims, BOOK, warnings)
            if not link.open for group in link.roles.values() for c in group}


@pytest.mark.parametrize("text, verdict", [
    ("Exports have tripled, from one hundred and twenty billion dollars to three hundred and sixty billion.", "consistent"),
    ("Exports have tripled, from one hundred and twenty billion dollars to two hundred and ten billion.", "inconsistent"),
])
def test_a_currency_said_once_serves_both_ends(text, verdict):
    assert ("multiplier", verdict) in checks(text)


def test_a_scale_left_out_is_the_one_of_the_other_end():
    found = levels("Turnover was 19.4 billion euros, up from 17.9, growth of 8 per cent.")
    assert found["17.9"] == ("money", "EUR", pytest.approx(17.9e9))
    assert ("percent_change", "consistent") in checks("Turnover was 19.4 billion euros, up from 17.9, growth of 8 per cent.")


def test_a_scale_abbreviation_of_the_rule_tables_is_left_out_too():
    assert levels("Donations rose to $240k from 180, a rise of a third.")["180"] == ("money", "USD", pytest.approx(180e3))


def test_a_bare_figure_beside_a_percentage_is_a_percentage():
    assert ("percent_change", "inconsistent") in checks(
        "The jobless rate has fallen from ten per cent to five point six — a drop of nearly six points.")


@pytest.mark.parametrize("text, figure", [
    ("Group revenue rose 7.2% to €18.4 billion (2022: €17.2 billion).", "2022"),  # a year, not an amount
    ("Average hourly earnings rose 4% to $34.10. Returning auto workers accounted for about 30,000 of the gain, "
     "while health care added 77,000.", "30,000"),  # no scale to share
])
def test_a_number_that_reads_as_its_own_keeps_its_kind(text, figure):
    assert levels(text)[figure][0] == "count"


def test_a_scale_said_once_with_plain_numbers_is_lent_to_the_others():
    found = levels("The road bond is sixty million total. Forty for resurfacing, twelve for the bridges, and eight for sidewalks.")
    assert found["Forty"] == ("count", None, pytest.approx(40e6)) and found["eight"] == ("count", None, pytest.approx(8e6))
    assert ("sum", "consistent") in checks("The road bond is sixty million total. Forty for resurfacing, twelve for the bridges, "
                                           "and eight for sidewalks.")


def test_a_scale_said_once_is_lent_to_a_plain_number_of_any_stated_order():
    found = levels("The roads line is eight hundred and sixty thousand in total: five-twenty for resurfacing, "
                   "two-ninety for the culvert, and fifty thousand for painting.")
    assert found["five-twenty"][2] == pytest.approx(520e3) and found["two-ninety"][2] == pytest.approx(290e3)


@pytest.mark.parametrize("text, verdict", [
    ("Q: Tuition in 2002? A: Four thousand one hundred dollars. Q: And today? A: Eight thousand three hundred. Q: So it's doubled.",
     "consistent"),
    ("Q: Tuition in 2002? A: Four thousand one hundred dollars. Q: And today? A: Six thousand one hundred. Q: So it's doubled.",
     None),  # agreement confirms, it never accuses
])
def test_a_plain_number_that_states_its_scale_takes_the_measure_agreement_weighs_it_in(text, verdict):
    found = [v for kind, v in checks(text) if kind == "multiplier"]
    assert found == ([verdict] if verdict else [])


def test_a_bare_number_is_lent_no_scale_for_agreement():
    found = checks("The company's net debt of $2.4 billion is 3.1 times its annual earnings of $780 million, above the 2.5 times "
                   "it promised.")
    assert {v for kind, v in found if kind in ("multiplier", "ratio")} == {"consistent"}



@pytest.mark.parametrize("text, verdict", [
    ("Prices ranged from 14 to 19 cents per pound.", "consistent"),
    ("Prices ranged from 19 to 14 cents per pound.", "inconsistent"),
    ("The water varies between 48 and 61 degrees Fahrenheit.", "consistent"),
])
def test_the_first_end_of_a_range_takes_the_measure_named_after_the_last(text, verdict):
    assert ("range", verdict) in checks(text)


def test_a_first_end_in_words_takes_nothing_when_its_scale_cannot_be_read():
    assert ("range", "inconsistent") not in checks("Prices ranged from fourteen to nineteen cents per pound.")


def test_a_plain_number_takes_the_unit_the_sentence_counts_before_it():
    text = "The number of acres planted is 12,480,000, against 11,870,000 the year preceding, an increase of 610,000 acres."
    assert levels(text)["12,480,000"][:2] == ("quantity", "acre")


def test_a_plain_number_keeps_its_kind_where_the_unit_is_only_a_modifier_before_it():
    text = "Her battery of four 12-inch guns is supplemented by eight of 8-inch and twelve of 7-inch calibre."
    assert ("part_of_whole", "inconsistent") not in checks(text)


@pytest.mark.parametrize("text, verdict", [
    ("We've tripled the bus lanes, from nine miles to twenty-seven.", "consistent"),
    ("We've tripled the bus lanes, from nine miles to thirty-seven.", "inconsistent"),
])
def test_the_second_end_of_a_change_takes_the_measure_the_first_names(text, verdict):
    assert ("multiplier", verdict) in checks(text)


@pytest.mark.parametrize("text, kind, verdict", [
    ("Home prices ranged from 750,000 to $1.2 million.", "range", "consistent"),  # the plain end is written in full
    ("The board cut the budget by 25 percent, from $1.2 million to 900,000.", "percent_change", "consistent"),
])
def test_a_plain_end_written_in_full_takes_the_measure_but_not_the_scale(text, kind, verdict):
    assert (kind, verdict) in checks(text)


@pytest.mark.parametrize("text, verdict", [
    ("And the overrun: the original figure was one point four million, it's now one point nine, so half a million over.",
     "consistent"),
    ("And the overrun: the original figure was one point four million, it's now two point nine, so half a million over.",
     "inconsistent"),
])
def test_the_ends_of_a_difference_share_the_scale_said_once(text, verdict):
    assert ("difference", verdict) in checks(text)


def test_the_gap_of_a_difference_lends_its_measure_to_no_end():
    text = "Ridership on the line averaged 48,000 a day in January, 20% below the 60,000 daily riders forecast in 2021."
    found = levels(text)
    assert found["48,000 a day"][0] == found["60,000"][0] == "count" and ("difference", "inconsistent") not in checks(text)


@pytest.mark.parametrize("text, verdict", [
    ("The fare doubled, from sixty cents to a hundred and twenty.", "consistent"),  # 120 cents
    ("The fare doubled, from sixty cents to a hundred and sixty.", "inconsistent"),
    ("The fees doubled — the trash fee went from sixty dollars to eighty-five.", "inconsistent"),
])
def test_the_second_end_takes_the_money_a_first_end_in_words_names(text, verdict):
    assert ("multiplier", verdict) in checks(text)


@pytest.mark.parametrize("text, figure, kind", [
    ("At the peak, 212,000 of the utility's 540,000 customers, nearly 40 percent, were without power. By Wednesday that "
     "number had fallen to 31,000, a drop of 85 percent.", "31,000", "count"),  # far above any share: its own figure
    ("The jobless rate has fallen from ten per cent to five point six — a drop of nearly six points.", "five point six",
     "percent"),
])
def test_a_bare_figure_is_a_percentage_only_where_it_can_be_one(text, figure, kind):
    assert levels(text)[figure][0] == kind


def test_a_change_from_a_percentage_to_a_count_far_above_it_is_no_alarm():
    found = checks("At the peak, 212,000 of the utility's 540,000 customers, nearly 40 percent, were without power. By "
                   "Wednesday that number had fallen to 31,000, a drop of 85 percent.")
    assert ("percent_change", "inconsistent") not in found and ("percent_change", "consistent") in found


def test_a_scale_said_once_is_lent_to_a_plain_figure_agreement_weighs():
    assert ("percent_change", "consistent") in checks(
        "We bought the house for, uh, two hundred and forty thousand. And the appraiser just came out, said three sixty. "
        "So that's — that's up fifty percent in, what, seven years.")


@pytest.mark.parametrize("text, found", [
    ("The paving budget this year is four point two million. We've committed three point one million of that already, "
     "so what's left is about one point one.", True),
    ("The paving budget this year is four point two million. We've committed three point one million of that already, "
     "so what's left is about two point one.", False),  # agreement confirms only what agrees
])
def test_a_plain_gap_takes_the_scale_of_the_figures_it_lies_between(text, found):
    assert (("difference", "consistent") in checks(text)) is found


def test_a_scale_said_once_is_lent_to_no_part_of_a_list():
    found = checks("When I took office there were approximately five hundred, costing nearly a hundred billion: thirteen for "
                   "energy, thirty-six for pollution control, sixty-six for social services, ninety for education.")
    assert not [kind for kind, _ in found if kind == "sum"]


def test_a_side_of_a_tally_takes_no_measure():
    text = ("The council voted 5-2 to adopt a $48.6 million budget, up 5.9 percent from $45.9 million. "
            "Public safety remains the largest line at $19.4 million, or 40 percent of the total.")
    assert ("share", "inconsistent") not in checks(text)


def test_an_exact_number_in_words_lends_no_scale():
    """"four thousand two hundred" goes on past its scale word: it is an exact number, not a scale said once."""
    text = ("DEAN: When this college was founded it had thirty-one students. Thirty-one! This morning we have four "
            "thousand two hundred of you — that's more than a hundred and thirty times as many.")
    assert ("multiplier", "inconsistent") not in checks(text)
    assert ("multiplier", "consistent") in checks(text)


@pytest.mark.parametrize("text, verdict", [
    ("Shipments came to three point one million units, down from three point four, a drop of three hundred thousand.",
     "consistent"),
    ("Shipments came to three point one million units, down from three point four, a drop of two hundred thousand.",
     "inconsistent"),
    ("Shipments came to 3.1 million units, down from 3.4, a drop of 300,000.", "consistent"),
])
def test_a_fraction_beside_a_scaled_count_of_a_noun_is_in_its_scale(text, verdict):
    assert ("difference", verdict) in checks(text)


def test_a_whole_number_beside_a_scaled_count_of_a_noun_keeps_its_size():
    assert levels("The plant made 4.2 million units, of which 3 went to the museum.")["3"][2] == 3


@pytest.mark.parametrize("text, verdict", [
    ("And the contract, forty-four million over two years, so twenty-two a year.", "consistent"),
    ("And the contract, forty-four million over two years, so thirty-two a year.", "inconsistent"),
])
def test_a_plain_rate_takes_the_scale_its_total_states(text, verdict):
    assert ("ratio", verdict) in checks(text)


@pytest.mark.parametrize("text, verdict", [
    ("GUEST: Two hundred and eight, yeah, versus eighty billion on the previous generation, so it's two point six "
     "times as many.", "consistent"),
    ("GUEST: Two hundred and eight, yeah, versus eighty billion on the previous generation, so it's three point six "
     "times as many.", "inconsistent"),
])
def test_a_multiple_s_two_levels_share_the_scale_said_once(text, verdict):
    assert ("ratio", verdict) in checks(text)


@pytest.mark.parametrize("rest, verdict", [("four hundred million", "consistent"), ("nine hundred million", "inconsistent")])
def test_a_sums_total_lends_its_scale_to_parts_told_without_one(rest, verdict):
    text = (f"CEO: Total backlog is three point six billion. Defense is, uh, about two point one, commercial aerospace "
            f"about one point one, and the rest, roughly {rest}, is space.")
    assert [v for t, v in checks(text) if t == "sum"] == [verdict]
