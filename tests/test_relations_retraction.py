"""Figures a speaker takes back: the correction stands, the slip is no operand and leaves the window."""

from __future__ import annotations

import pytest

from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.extract.rulebook import load_rulebook
from factcheck.relations.matcher import find_links
from factcheck.relations.retraction import retracted

BOOK = load_rulebook()


def slips(text: str) -> list[str]:
    doc = load_text("t", text)
    claims, _ = extract(doc, BOOK)
    taken = retracted(doc, claims, BOOK)
    return [c.text for c in claims if c.id in taken]


@pytest.mark.parametrize("text, slip", [
    ("Today it's thirty-one thousand — sorry, twenty-eight thousand cases.", "thirty-one thousand"),
    ("This year, 340 — no, I'm sorry, 240 burglaries.", "340"),
    ("The plant made $5 million, I mean $6 million, of profit.", "$5 million"),
    ("We had 40, or rather 45, staff on the site.", "40"),
    ("Revenue was four hundred and twelve million dollars — sorry, four hundred and twenty-one million — in all.",
     "four hundred and twelve million dollars"),  # the correction names the currency no more
    ("That's a cut of more than half, sorry, of about forty percent.", "half"),  # one share, said either way
    ("Two point five goes to roads, one point one to staffing — sorry, one point one to parks.", "one point one"),
    ("Revenue came in at four hundred million, up nine percent year over year — sorry, up eleven percent.",
     "nine percent"),  # a change corrected with its direction word
])
def test_a_figure_corrected_in_passing_is_taken_back(text, slip):
    assert slips(text) == [slip]


@pytest.mark.parametrize("text", [
    "Sales rose 40%, rather than the 45% forecast.",  # a comparison, not a correction
    "It cost $5 million; sorry to say, $6 million more is needed next year.",  # too many words between
    "In 2019, sorry, 18% of them left.",  # a year and a share are not one figure said twice
    "It cost $5 million — sorry, 12 million of it was grants.",  # a bare number of another size
    "One point one went to staffing — sorry to say, two point five to parks.",  # words between, then another figure
    "It grew threefold, sorry, by about forty percent.",  # a multiple is no share
    "The bill passed with 60 votes yes, 38 no, of 100 senators.",  # a tally: 100 is no correction of 38
])
def test_other_figures_stay(text):
    assert slips(text) == []


@pytest.mark.parametrize("text, slip", [
    ("HOST: And the shop is, what, sixty years old now? GUEST: Sixty-five. We opened in 1955.", "sixty years old"),
    ("Q: So revenue was about two million? A: No, more like $2.6 million.", "two million"),
    ("Was it 40 per cent? Closer to 45 per cent, I think.", "40 per cent"),
])
def test_a_figure_asked_about_is_taken_back_when_the_answer_corrects_it(text, slip):
    assert slips(text) == [slip]


@pytest.mark.parametrize("text", [
    "HOST: Was it 40 per cent? GUEST: Well, we hired 45 people.",  # another kind of figure
    "HOST: Was it 40 per cent? GUEST: I think so. In 2019 it was 45 per cent.",  # the answer opens with no figure
    "It was 40 per cent. Closer to 45 per cent, I think.",  # no question
    "Of our 2,840 pupils, how many get free meals? It's 1,190.",  # the question's figure is no guess
    "MAYOR: And how many of the 14 pumps need replacing? FOSS: Nine, possibly.",  # it asks how many of it
    "BELLAMY: Of our 18,600 students, how many qualify? ORTEGA: 13,400, about half.",  # the whole, asked of first
    "So you're, what, seventy-four now? Seventy-five in May.",  # the answer says more than the figure
    "You were born in, what, nineteen forty-one? Forty-one, yes.",  # a year said short
])
def test_an_answer_that_does_not_correct_leaves_the_question_alone(text):
    assert slips(text) == []


def test_the_window_leaves_the_slip_out():
    doc = load_text("t", "Last year the shelter took in 412 dogs. This year, 350 — sorry, 380. So that's 62 fewer.")
    claims, _ = extract(doc, BOOK)
    links = [link for link in find_links(doc, claims, BOOK) if link.type == "difference"]
    assert [[c.text for c in link.role("reference")] for link in links if not link.open] == [["380"]]
    assert "350" not in {c.text for link in links for found in link.open.values() for c in found}  # nor may agreement take it


def test_no_fragment_no_retraction():
    doc = load_text("t", "We had 40, or rather 45, staff.")
    claims, _ = extract(doc, BOOK)
    book = load_rulebook()
    del book.fragments["retraction"]
    assert retracted(doc, claims, book) == {}


def test_no_fragment_no_answer():
    doc = load_text("t", "Was it 40 per cent? No, 45 per cent.")
    claims, _ = extract(doc, BOOK)
    book = load_rulebook()
    del book.fragments["answer"]
    assert retracted(doc, claims, book) == {}


@pytest.mark.parametrize("text, slip", [
    ("Was it in March 1941? March 1943, I think.", "March 1941"),
    ("HOST: Was it 40 per cent?\nGUEST: 45 per cent\n\nHOST: Next.", "40 per cent"),  # an answer that ends its line
])
def test_a_year_or_a_line_end_answer_corrects(text, slip):
    assert slips(text) == [slip]


@pytest.mark.parametrize("text", [
    "Was it in 1941? May 1941, I think.",  # the same year, said more closely
    "Was it in 1941? 1841, I think.",  # too far to be the year asked about
])
def test_a_year_is_corrected_only_by_another_year_close_to_it(text):
    assert slips(text) == []


@pytest.mark.parametrize("text, slip", [
    ("My grandpa's ninety-two; born in thirty-five, no, thirty-two, nineteen thirty-two.", "thirty-five"),
    ("HOST A: Born in nineteen twenty-three? HOST B: Twenty-one — nineteen twenty-one.", "nineteen twenty-three"),
])
def test_a_year_is_corrected_by_a_bare_number_naming_its_last_two_digits(text, slip):
    assert slips(text) == [slip]


@pytest.mark.parametrize("text", [
    "HOST A: Born in nineteen twenty-three? HOST B: Forty — and she still swims.",  # not a year close to it
    "In 1923, sorry, 21 of them left.",  # "21 of them" counts, it names no year: a slip only before a bare figure
])
def test_a_bare_number_far_from_the_year_corrects_nothing(text):
    assert slips(text) == []


@pytest.mark.parametrize("text, echoed", [
    ("ANNE: It is a twenty-five percent increase. BOB: Twenty-five? ANNE: Twenty-five, yes, and of that total, 120,000 "
     "goes to the branch.", ["Twenty-five", "Twenty-five"]),
    ("Q: And you hired 40 people? A: 40 — that's right.", ["40"]),
    ("HOST: Sixty years old now? GUEST: Sixty, yes.", ["Sixty"]),  # the answer confirms the asked figure, which stays
])
def test_a_figure_said_again_to_ask_or_confirm_it_is_left_out(text, echoed):
    assert slips(text) == echoed


@pytest.mark.parametrize("text", [
    "ANNE: We hired twenty-five people. BOB: Thirty? ANNE: No.",  # another figure asked
    "ANNE: It rose twenty-five percent. BOB: And the staff? ANNE: Twenty-five, and two part-time.",  # no confirmation
    "ANNE: It rose twenty-five percent. BOB: So twenty-five? ANNE: Yes.",  # not the question's only words
])
def test_a_figure_not_echoed_stays(text):
    assert slips(text) == []


def test_an_answer_that_bounds_the_asked_figure_corrects_it():
    assert slips("HOST: So that's, what, tenfold? GUEST: More than tenfold. Fifteen times.") == ["tenfold"]


@pytest.mark.parametrize("text, denied", [
    ("People keep saying the budget went up twelve percent. It didn't. It went up six.", ["twelve percent"]),
    ("They claim 40 jobs were lost. GUEST: No, that's not true.", ["40 jobs"]),
    ("Sales rose 12 percent. That's not true of every store, though.", []),
])
def test_a_figure_the_next_sentence_denies_is_left_out(text, denied):
    assert slips(text) == denied


def test_a_judgement_denies_no_figure():
    assert slips("Ten million children still lack health insurance. That is wrong.") == []
