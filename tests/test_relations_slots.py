"""The slot text frames read: every claim one typed token, whitespace collapsed, hedges inside the token."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.relations.slots import (SENTENCE_BREAK, SLOT_CLOSE, SLOT_OPEN, WindowMarks, Windows, claim_tags, tags,
                                     words_of)
from factcheck.extract.rulebook import load_rulebook
from claim_factory import Fig, claims_in, money


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def readable(text: str) -> str:
    return text.replace(SLOT_OPEN, "<").replace(SLOT_CLOSE, ">").replace(SENTENCE_BREAK, "|")


def windows(book, text: str, date: dt.date | None = dt.date(2020, 6, 1)):
    doc = load_text("t.txt", text, date=date)
    claims = extract(doc, book)[0]
    by_sentence: dict[int, list] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence_index, []).append(claim)
    return doc, claims, by_sentence


@pytest.mark.parametrize("figure, wanted, unwanted", [
    (money("$9 million", 9e6), {"money", "number", "level"}, {"range", "fraction"}),
    (Fig("a third", "ratio", 1 / 3), {"ratio", "number", "fraction"}, {"level"}),
    (Fig("58 times", "ratio", 58), {"ratio", "number"}, {"fraction", "level"}),
    (Fig("1.7 points", "percent", 1.7, "percentage_point"), {"percent", "points"}, {"level"}),
    (Fig("six-party", "count", 6), {"count", "attribute"}, {"level"}),
    (Fig("five leaders", "count", 5), {"count", "level"}, {"attribute", "duration", "bare"}),
    (Fig("Seventy-seven", "count", 77), {"count", "level", "bare"}, {"attribute"}),
    (Fig("58", "count", 58), {"count", "bare"}, set()),
    (Fig("Three-ten", "count", 310), {"count", "level"}, {"attribute"}),
    (Fig("three years", "quantity", 3, "year"), {"quantity", "number", "duration"}, {"level"}),
    (Fig("70th anniversary", "ordinal", 70), {"ordinal", "anniversary"}, {"level", "birthday"}),
    (Fig("90th birthday", "ordinal", 90), {"ordinal", "anniversary", "birthday"}, {"level"}),
    (Fig("40 years old", "quantity", 40, "year"), {"age", "duration"}, set()),
    (Fig("1993-97", "date", None, low="1993", high="1997"), {"date", "range", "year"}, {"number"}),
    (money("$10-20 million", 15e6, low=10e6, high=20e6), {"range"}, {"number", "level"}),
    (Fig("2013", "date", "2013"), {"date", "year"}, {"inferred", "number"}),
])
def test_tags_say_what_kind_of_figure_a_claim_is(figure, wanted, unwanted):
    (claim,) = claims_in(f"It was {figure.surface}.", [figure])
    found = set(tags(claim))
    assert wanted <= found and not unwanted & found


def test_a_month_placed_by_the_document_date_is_relative(book):
    _, claims, _ = windows(book, "A memorandum was signed in Washington in November.")
    (month,) = [c for c in claims if c.kind == "date"]
    assert {"year", "relative"} <= set(tags(month))


def test_a_date_set_as_the_latest_time_is_a_limit(book):
    _, claims, _ = windows(book, "The canal will be opened before January 1, 1915, and widened in 1920, as it has been since 1906.")
    limit, year, since = [c for c in claims if c.kind == "date"]
    assert {"year", "limit"} <= set(tags(limit)) and "limit" not in tags(year) and "limit" not in tags(since)
    assert "since" in tags(since) and "since" not in tags(year) and "since" not in tags(limit)


def test_a_count_of_periods_is_a_duration():
    (claim,) = claims_in("for the remaining three quarters", [Fig("three quarters", "count", 3)])
    assert "duration" in tags(claim, {"quarters": "quarter"}) and "duration" not in tags(claim)


def test_a_figure_not_stated_is_unstated_and_nothing_else():
    (claim,) = claims_in("a small percent", [Fig("small percent", "percent", None)])
    assert tags(claim) == ("percent", "unstated")


def test_the_sentence_window_holds_every_claim_as_a_token_and_hedges_as_words(book):
    doc, claims, by_sentence = windows(book, "Revenue  rose\nabout 12% to $4.2 billion.")
    window = Windows(doc, by_sentence, book).sentence(0)
    assert readable(window.text) == "Revenue rose about < percent number #0> to < money number level #1>."
    assert [c.text for c in window.claims] == ["12%", "$4.2 billion"]


@pytest.mark.parametrize("said, read", [
    ("There were 1,140 posts, er, of which 410 were new.", "There were < count number level #0>, of which < count number level bare #1> were new."),
    ("It went up by, um, 12% to $4 million.", "It went up by < percent number #0> to < money number level #1>."),
    ("It went up um, 12% to $4 million.", "It went up < percent number #0> to < money number level #1>."),
    # the comma before it goes too after a verb that holds back its object, or "I'm"
    ("So we added, uh, 160 people.", "So we added < count number level #0>."),
    ("So I'm, uh, 85 now.", "So I'm < count number level bare #0> now."),
    # a word said twice is read once
    ("Tax went from 1,800 to — to 2,700.", "Tax went from < count number level bare #0> to < count number level bare #1>."),
    ("So it's, it's a 50% jump.", "So it's a < percent number #0> jump."),
    ("Tax went from 1,800 to, uh, to 2,700.", "Tax went from < count number level bare #0> to < count number level bare #1>."),
    ("It rose 12% on on-time trains.", "It rose < percent number #0> on on-time trains."),  # no word said twice
    ("Land was disposed of, of which 410 acres were sold.", "Land was disposed of, of which < quantity number level #0> were sold."),
])
def test_a_hesitation_is_read_as_if_it_were_not_said(book, said, read):
    doc, _, by_sentence = windows(book, said)
    assert readable(Windows(doc, by_sentence, book).sentence(0).text) == read


def test_the_point_of_an_abbreviation_that_ends_a_figure_ends_nothing_before_a_word_in_lower_case(book):
    doc, _, by_sentence = windows(book, "Net earnings were $14,911,131, or 38 per cent. of the gross. It rose 4 per cent. Then it fell.")
    first = readable(Windows(doc, by_sentence, book).sentence(0).text)
    assert first.endswith("< percent number #1> of the gross.")
    doc, _, by_sentence = windows(book, "The receipts were $371,403,277.66. the expenditures were $267,932,179.97.")
    assert "#0>. the expenditures" in readable(Windows(doc, by_sentence, book).sentence(0).text)


def test_the_first_of_two_near_percentages_said_with_one_sign_is_no_level(book):
    doc, _, by_sentence = windows(book, "So a third more — thirty-two, thirty-three percent. We had 40, 48 percent of them.")
    first, second = (readable(Windows(doc, by_sentence, book).sentence(i).text) for i in (0, 1))
    assert "< count number bare unstated #1>, < percent number #2>" in first
    assert "< count number level bare #0>, < percent number #1>" in second  # too far apart to be one guess


def test_reserved_characters_of_the_text_never_look_like_a_slot(book):
    doc, _, by_sentence = windows(book, f"The {SLOT_OPEN} fund{SENTENCE_BREAK} held $5 million.")
    text = Windows(doc, by_sentence, book).sentence(0).text
    assert text.count(SLOT_OPEN) == 1 and SENTENCE_BREAK not in text


def test_a_pair_window_joins_two_sentences_of_one_paragraph(book):
    doc, _, by_sentence = windows(book, "Sales were $2 million. They doubled to $4 million.\n\nProfit was $1 million.")
    pair = Windows(doc, by_sentence, book).run(1, 2)
    assert readable(pair.text).count("|") == 1
    assert [c.text for c in pair.claims] == ["$2 million", "doubled", "$4 million"]
    assert pair.sentences == (0, 1)
    assert Windows(doc, by_sentence, book).run(2, 2) is None
    assert Windows(doc, by_sentence, book).run(0, 2) is None


def test_a_triple_window_joins_three_sentences_of_one_paragraph_each_with_a_figure(book):
    text = "There were 1.9 million. Today it is 1.4 million. That's a cut of a quarter.\n\nNow 12."
    doc, _, by_sentence = windows(book, text)
    triple = Windows(doc, by_sentence, book).run(2, 3)
    assert readable(triple.text).count("|") == 2 and triple.sentences == (0, 1, 2)
    assert Windows(doc, by_sentence, book).run(3, 3) is None  # another paragraph
    assert Windows(doc, by_sentence, book).run(1, 3) is None


def test_a_short_sentence_with_no_figure_between_two_with_figures_is_passed_over(book):
    text = "There were 1.9 million. Think about that. Today it is 1.4 million."
    doc, _, by_sentence = windows(book, text)
    pair = Windows(doc, by_sentence, book).run(2, 2)
    assert pair.sentences == (0, 2) and readable(pair.text).count("|") == 1
    longer = "There were 1.9 million. Then the whole department was reorganised by its new chief. Today it is 1.4 million."
    doc, _, by_sentence = windows(book, longer)
    assert Windows(doc, by_sentence, book).run(2, 2) is None  # a sentence of its own matter breaks the run


def test_a_figure_said_again_stays_in_the_window_but_is_not_counted(book):
    text = "The contract was for three point two million. Three point two. We were billed four point one. So nine hundred thousand over."
    doc, _, by_sentence = windows(book, text)
    triple = Windows(doc, by_sentence, book).run(3, 3)
    assert triple.sentences == (0, 1, 2, 3)
    other = "The contract was for three point two million. Four point one. We were billed four point one. So nine hundred thousand over."
    doc, _, by_sentence = windows(book, other)
    assert Windows(doc, by_sentence, book).run(3, 3).sentences == (1, 2, 3)  # a new figure counts


def test_the_words_of_slot_text_give_each_slot_its_claim_text_back(book):
    doc, _, by_sentence = windows(book, "The 200th anniversary of the first Presidency fell in 1989.")
    window = Windows(doc, by_sentence, book).sentence(0)
    assert words_of(window.text, window.claims) == "The 200th anniversary of the first Presidency fell in 1989."


def test_a_word_of_the_anniversary_table_is_an_anniversary(book):
    doc, _, by_sentence = windows(book, "The firm celebrates its centenary and the golden jubilee of its plant.")
    assert all("anniversary" in claim_tags(c, book) for c in by_sentence[0])
    assert "anniversary" not in tags(by_sentence[0][0])  # without the table, a word of it is a plain ordinal


def test_a_sentence_is_cut_once_and_numbered_in_each_window_it_stands_in(book):
    doc, _, by_sentence = windows(book, "Sales were $2 million. They rose to $4 million.")
    made = Windows(doc, by_sentence, book)
    alone, pair = made.sentence(1), made.run(1, 2)
    assert readable(alone.text) == "They rose to < money number level #0>."
    assert readable(pair.text).endswith("| They rose to < money number level #1>.")
    assert list(made.made) == [1, 0]
    assert pair.tagged == tuple(claim_tags(c, book) for c in pair.claims)
    assert pair.tags == frozenset(tag for found in pair.tagged for tag in found)


def test_a_clause_a_semicolon_sets_off_holds_its_own_figures_only(book):
    doc, _, by_sentence = windows(book, "Rates were 2.96 per cent in Germany; 37,496 came from Ireland and 1,110 from Japan.")
    window = Windows(doc, by_sentence, book).sentence(0)
    assert {c.text for c in window.claims if c.id in WindowMarks(window).clause_mates(0)} == {"2.96 per cent"}
    assert {c.text for c in window.claims if c.id in WindowMarks(window).clause_mates(1)} == {"37,496", "1,110"}


def test_without_a_semicolon_every_figure_of_the_window_is_a_clause_mate(book):
    doc, _, by_sentence = windows(book, "Of 1,284 species, 212 are new to science. That is about one in six.")
    pair = Windows(doc, by_sentence, book).run(1, 2)
    last = len(pair.claims) - 1
    assert WindowMarks(pair).clause_mates(last) == frozenset(c.id for c in pair.claims)


def test_a_figure_told_with_its_year_is_dated(book):
    doc, _, by_sentence = windows(book, "The payments were $239,000,000 in 1930 and $236,000,000 for 1931, and $475,000,000 now.")
    dated = WindowMarks(Windows(doc, by_sentence, book).sentence(0)).dated
    by_text = {c.text: dated.get(c.id) for claims in by_sentence.values() for c in claims}
    assert by_text["$239,000,000"] == "1930" and by_text["$236,000,000"] == "1931"
    assert by_text["$475,000,000"] is None


def test_the_figure_a_change_starts_from_is_noted(book):
    doc, _, by_sentence = windows(book, "Corn rose from 31 cents to 50 cents; oats from about 19 cents to 43 cents.")
    window = Windows(doc, by_sentence, book).sentence(0)
    assert {c.text for c in window.claims if c.id in WindowMarks(window).starts} == {"31 cents", "19 cents"}


@pytest.mark.parametrize("text, restated", [
    ("The bank gave out 1.1 million pounds of food (about 500,000 kilograms) last winter.", ["500,000 kilograms"]),
    ("The prize was £900 (about $1,150) this year.", ["$1,150"]),
    ("The prize was £900, and $1,150 the year before.", []),  # not in brackets: a level of its own
    ("The road is 12 miles (and 3 miles more of track).", []),  # one unit: another level
])
def test_a_figure_in_brackets_in_another_unit_restates_the_one_before_and_is_no_level(book, text, restated):
    doc, claims, by_sentence = windows(book, text)
    window = Windows(doc, by_sentence, book).sentence(0)
    found = [c.text for c, tagged in zip(window.claims, window.tagged) if "restated" in tagged]
    assert found == restated
    assert all("level" not in tagged for c, tagged in zip(window.claims, window.tagged) if c.text in restated)


def test_a_short_sentence_telling_only_how_long_something_took_is_passed_over(book):
    doc, claims, by_sentence = windows(book, "Tax went from 1,800 to 2,700. In one year! That's a 50% jump.")
    assert Windows(doc, by_sentence, book).run(2, 2).sentences == (0, 2)
    doc, claims, by_sentence = windows(book, "How long were you there? Thirty-one years. I started in 1977.")
    assert Windows(doc, by_sentence, book).run(2, 2).sentences == (1, 2)  # the answer to how long is no filler


def test_a_short_question_with_no_figure_stays_in_the_window_between_a_figure_and_its_answer(book):
    doc, _, by_sentence = windows(book, "A: The plan has 96 units. Of those, how many would be affordable? B: Twenty-four.")
    pair = Windows(doc, by_sentence, book).run(2, 2)
    assert pair.sentences == (0, 1, 2) and readable(pair.text).count("|") == 2 and "how many" in pair.text
    doc, _, by_sentence = windows(book, "A: The plan has 96 units. Of those, how many of the flats that the council will own "
                                        "would be affordable to rent? B: Twenty-four.")
    assert Windows(doc, by_sentence, book).run(2, 2) is None  # a long question is a turn of its own


def test_a_short_question_asking_only_when_is_passed_over(book):
    doc, claims, by_sentence = windows(book, "A: What is the fee now? B: $7,800. A: And ten years ago? B: About $4,100. A: So it doubled.")
    assert Windows(doc, by_sentence, book).run(4, 3).sentences == (1, 3, 4)
    doc, claims, by_sentence = windows(book, "A: What is the fee now? B: $7,800. A: And in 2002? B: About $4,100. A: So it doubled.")
    assert Windows(doc, by_sentence, book).run(4, 3).sentences == (2, 3, 4)  # a question that states a year is a turn
    doc, claims, by_sentence = windows(book, "B: $7,800. A: And how many staff did you have ten years ago, in all of the offices? "
                                             "B: About 4,100.")
    assert Windows(doc, by_sentence, book).run(2, 2).sentences == (1, 2)  # a long question is a turn of its own
    doc, claims, by_sentence = windows(book, "Tax went from 1,800 to 2,700. In just one year? That's a 50% jump.")
    assert Windows(doc, by_sentence, book).run(2, 2).sentences == (0, 2)


def test_a_count_of_a_noun_of_the_noun_tag_table_carries_its_tag(book):
    doc, _, by_sentence = windows(book, "Of 21,614 teachers, 8,412 males and 26 wins.")
    found = {c.text: claim_tags(c, book) for c in by_sentence[0]}
    assert "male" in found["8,412 males"] and "result" in found["26 wins"]
    assert not {"male", "female", "result"} & set(found["21,614 teachers"])


def test_a_span_counted_on_from_now_is_hence_and_one_counted_back_is_ago(book):
    _, _, by_sentence = windows(book, "It will open five years from now, and it closed ten years ago.")
    found = {c.text: claim_tags(c, book) for c in by_sentence[0]}
    assert "hence" in found["five years from now"] and "ago" not in found["five years from now"]
    assert "ago" in found["ten years ago"] and "hence" not in found["ten years ago"]
