"""Sums through a whole scan: figures told to the cent are judged at face value; a table's total is in the
measure its parts name."""

import datetime as dt

import pytest

from factcheck.document import load_text
from factcheck.extract.rulebook import load_rulebook
from factcheck.pipeline import scan_document


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def verdicts(book, text: str, kind: str) -> list[str]:
    doc = load_text("t.txt", text, date=dt.date(1890, 12, 5))
    return [c.verdict for c in scan_document(doc, book).checks if c.type == kind]


SURPLUS = ("For the year 1892 the total estimated receipts are $373,000,000 and the estimated expenditures "
           "$357,852,209.42, leaving an estimated surplus of {}.")


@pytest.mark.parametrize("surplus, verdict", [
    ("$15,147,790.58", "consistent"),
    ("$15,247,790.58", "inconsistent"),  # one digit off: the cents show it was worked at face value
    ("$15,200,000", "consistent"),  # a round surplus keeps the round figure's rounding
])
def test_a_gap_told_to_the_cent_is_judged_at_face_value(book, surplus, verdict):
    assert verdicts(book, SURPLUS.format(surplus), "difference") == [verdict]


def test_an_operand_of_whole_dollars_that_is_not_round_may_have_lost_its_cents(book):
    text = ("The postal receipts amounted to $237,879,823,60, while the payments amounted to $237,660,705.48, "
            "which left a surplus of receipts over disbursements of $219,118.12.")
    assert "inconsistent" not in verdicts(book, text, "difference")


def test_a_parts_sum_to_the_cent_one_digit_off_is_inconsistent(book):
    text = ("The expenditures are $33,213,152.73, including $3,799,102.18 for interest and $3,540,000 for Mexico, "
            "leaving the sum of $25,874,050.35 for the ordinary expenditures.")
    assert verdicts(book, text, "difference") == ["inconsistent"]


def test_a_tables_total_is_in_the_measure_its_parts_name(book):
    text = "The exports were as follows: Merchandise $750,542,257 Specie 49,417,479 Total 799,959,736"
    assert verdicts(book, text, "sum") == ["consistent"]


@pytest.mark.parametrize("text", [
    "The receipts were in round numbers about $373,000,000 and the expenditures $357,852,209.42, leaving a surplus "
    "of $15,247,790.58.",
    "Revenue was $5.26 billion; we spent $3 billion, leaving $2.27 billion.",
])
def test_a_hedged_operand_or_a_figure_with_a_scale_word_is_no_face_value(book, text):
    assert "inconsistent" not in verdicts(book, text, "difference")


TABLE = ("The expenditures were-- For civil expenses $18,042,386.42 For foreign intercourse 307,583.19 "
         "For pensions 61,345,193.95 Total ordinary expenditures {}")


@pytest.mark.parametrize("total, verdict", [
    ("79,695,163.56", "consistent"),
    ("78,695,163.56", "inconsistent"),
])
def test_a_small_bare_item_of_a_table_is_in_the_measure_the_table_names_once(book, total, verdict):
    assert verdicts(book, TABLE.format(total), "sum") == [verdict]


def test_a_year_beside_a_figure_of_billions_is_no_item_of_it(book):
    text = "Group revenue for 2023 was €4,812 million (2022: €4,455 million), an increase of 8.0%."
    assert verdicts(book, text, "sum") == []


def test_a_list_stops_where_a_new_partition_opens(book):
    text = ("Arrests during the year were 27,416. Of this number 19,842 were males and 7,574 females, and of the "
            "whole 11,209, or a little over two-fifths, were for intoxication.")
    assert verdicts(book, text, "sum") == ["consistent"]  # not 19,842 + 7,574 + 11,209 against 27,416
