"""An ambiguous currency name settled by a context word of its sentence or a neighbouring one."""

from __future__ import annotations

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook

BOOK = load_rulebook()


def money(text: str) -> list:
    claims, _ = extract(load_text("t.txt", text), BOOK)
    return [c for c in claims if c.kind == "money"]


def test_a_country_in_the_sentence_before_settles_the_currency():
    [claim] = money("Saudi Arabia's fund committed the money. Visitors pay 250 riyals for a pass.")
    assert claim.unit == "SAR"
    assert claim.extra["currency_context"] == "'saudi arabia' in the sentence before"
    assert "ambiguous" not in claim.extra


def test_a_country_in_the_sentence_after_settles_the_currency():
    [claim] = money("Visitors pay 250 riyals for a pass. The park is Qatar's largest.")
    assert (claim.unit, claim.extra["currency_context"]) == ("QAR", "'qatar' in the sentence after")


def test_the_claims_own_sentence_comes_first_and_its_nearest_word_wins():
    [claim] = money("The Omani visitors paid. In Qatar a pass costs 250 riyals, more than in Saudi Arabia.")
    assert (claim.unit, claim.extra["currency_context"]) == ("QAR", "'qatar' in the sentence")


def test_a_symbol_and_pounds_are_settled_too():
    [rupees] = money("In Pakistan, a kilo of flour costs Rs 500.")
    assert rupees.unit == "PKR"
    [pounds] = money("He paid 40 pounds. The sterling price was fixed.")
    assert (pounds.unit, pounds.extra["currency_context"]) == ("GBP", "'sterling' in the sentence after")


def test_a_neighbour_naming_two_countries_of_the_currency_settles_nothing():
    [claim] = money("Saudi Arabia and Qatar signed the deal. Visitors pay 250 riyals.")
    assert claim.unit is None
    assert "riyal" in claim.extra["ambiguous"]


def test_context_does_not_cross_a_paragraph_or_reach_two_sentences_away():
    [claim] = money("Saudi Arabia's fund committed the money.\n\nVisitors pay 250 riyals.")
    assert claim.unit is None
    [claim] = money("Saudi Arabia's fund committed the money. It was a lot. Visitors pay 250 riyals.")
    assert claim.unit is None


def test_each_claim_text_is_its_slice_of_the_document():
    text = "Saudi Arabia's fund committed SAR 15 billion. Visitors pay 250 riyals."
    claims, _ = extract(load_text("t.txt", text), BOOK)
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_a_figure_stated_in_one_currency_of_the_name_settles_it():
    [chf, francs] = money("The Geneva watchmaker priced it at CHF 300. Sales rose to 1.2 million francs.")
    assert (francs.unit, francs.extra["currency_context"]) == ("CHF", "'CHF 300' in the sentence before")


def test_figures_in_two_currencies_of_the_name_settle_nothing():
    claims = money("The fund committed SAR 15 billion and a partner QAR 2 billion. Visitors will pay 250 riyals.")
    assert claims[-1].unit is None and "ambiguous" in claims[-1].extra
