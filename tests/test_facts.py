"""Reference facts: loading TOML and CSV, one clear error per bad file, matching a figure's
description, and the seed's trade ratio checked against a facts file end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.document import load_text
from factcheck.errors import InputError
from factcheck.facts import Fact, identity_words, load_facts, matching_fact
from factcheck.pipeline import scan_document
from factcheck.extract.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"
SEED_FACTS = ROOT / "seeds" / "facts-china-north-korea-trade.toml"

TOML = """
[[fact]]
name = "China-North Korea trade, 2013"
value = 6540000000
unit = "USD"
period = "2013"
identity = "China North Korea trade"
source = "KOTRA"

[[fact]]
name = "Population"
value = "25,000,000"
identity = "North Korea population"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def fact(identity: str, value: float = 1.0, unit: str | None = None, period: str | None = None) -> Fact:
    words = identity_words(identity) | (identity_words(period) if period else frozenset())
    return Fact(identity, value, unit, period, words, None)


# --- loading ---------------------------------------------------------------------------------

def test_toml_facts_load_with_every_field(tmp_path):
    trade, population = load_facts(write(tmp_path, "facts.toml", TOML))
    assert trade == Fact("China-North Korea trade, 2013", 6.54e9, "USD", "2013",
                         frozenset({"china", "north", "korea", "trade", "2013"}), "KOTRA")
    assert (population.value, population.unit, population.period, population.source) == (25e6, None, None, None)
    assert population.identity == {"north", "korea", "population"}


def test_csv_facts_load_with_their_header(tmp_path):
    text = "name,value,unit,period,identity,source\nTrade,\"6,540,000,000\",USD,2013,China North Korea trade,KOTRA\n" \
           "Debt,11e9,USD,,North Korea debt,\n"
    trade, debt = load_facts(write(tmp_path, "facts.csv", text))
    assert (trade.name, trade.value, trade.unit, trade.period, trade.source) == ("Trade", 6.54e9, "USD", "2013", "KOTRA")
    assert trade.identity == {"china", "north", "korea", "trade", "2013"}
    assert (debt.value, debt.period, debt.source) == (11e9, None, None)


def test_a_csv_with_a_byte_order_mark_loads(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_bytes("\ufeffname,value,identity\nDebt,5,debt\n".encode("utf-8"))
    assert [f.value for f in load_facts(path)] == [5.0]


def test_a_name_serves_as_identity_when_there_is_none(tmp_path):
    (only,) = load_facts(write(tmp_path, "facts.toml", '[[fact]]\nname = "Russia debt"\nvalue = 1\n'))
    assert only.identity == {"russia", "debt"}


def test_an_empty_facts_file_has_no_facts(tmp_path):
    assert load_facts(write(tmp_path, "facts.toml", "")) == []


BAD = [
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = "lots"\n', r"facts\.toml:1: value must be a number, not 'lots'"),
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = 1\n[[fact]]\nname = "y"\nvalue = 2\ncolour = "red"\n',
     r"facts\.toml:4: a fact has only the fields"),
    ("facts.toml", '[[fact]]\nvalue = 1\nunit = "USD"\n', r"facts\.toml:1: a fact needs an identity"),
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = \n', r"facts\.toml: invalid TOML"),
    ("facts.toml", 'name = "x"\n', r"facts\.toml: a facts file holds only \[\[fact\]\] tables"),
    ("facts.toml", 'fact = "x"\n', r"facts\.toml: a facts file holds only \[\[fact\]\] tables"),
    ("facts.csv", "name,value,identity\nx,lots,y\n", r"facts\.csv:2: value must be a number"),
    ("facts.csv", "name,value,identity\nx,1,y\n,2, \n", r"facts\.csv:3: a fact needs an identity"),
    ("facts.csv", "name,value,colour\nx,1,red\n", r"facts\.csv:2: a fact has only the fields"),
    ("facts.csv", "name,identity\nx,y\n", r"facts\.csv:1: a facts CSV needs a header row"),
    ("facts.csv", "", r"facts\.csv:1: a facts CSV needs a header row"),
    # values that would silently void a check: NaN, infinities, past a float's range
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = nan\n', r"facts\.toml:1: value must be a finite number of at most 1e308, not nan"),
    ("facts.toml", '\n[[fact]]\nname = "x"\nvalue = -inf\n', r"facts\.toml:2: value must be a finite number"),
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = "1e309"\n', r"facts\.toml:1: value must be a finite number"),
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = 1' + "0" * 400 + '\n',
     r"facts\.toml:1: value must be a finite number of at most 1e308, not an integer of more than 38 digits"),
    ("facts.toml", '[[fact]]\nname = "x"\nvalue = 1' + "0" * 5000 + '\n', r"facts\.toml: invalid TOML: Exceeds the limit"),
    ("facts.csv", "name,value,identity\nx,NaN,y\n", r"facts\.csv:2: value must be a finite number"),
    ("facts.csv", "name,value,identity\nx,inf,y\n", r"facts\.csv:2: value must be a finite number"),
    ("facts.csv", "name,value,identity\nx,1e309,y\n", r"facts\.csv:2: value must be a finite number"),
    ("facts.csv", "name,value,identity\nx,1,y\nx,2," + "y" * 140_000 + "\n",
     r"facts\.csv:3: not a CSV row: field larger than field limit \(131072\)"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[m.split(": ", 1)[-1][:40] for _, _, m in BAD])
def test_a_bad_facts_file_is_one_input_error(tmp_path, name, text, message):
    with pytest.raises(InputError, match=message) as caught:
        load_facts(write(tmp_path, name, text))
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(tmp_path))


def test_a_missing_facts_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="absent.toml: cannot read: No such file"):
        load_facts(tmp_path / "absent.toml")


# --- matching ----------------------------------------------------------------------------------

def test_identity_words_fold_case_split_hyphens_and_drop_small_words():
    assert identity_words("Trade between China and North-Korea, 2013") == {"trade", "china", "north", "korea", "2013"}
    assert identity_words("the US$ figure of 58") == {"us", "figure"}


def test_a_fact_matches_when_its_identity_and_period_describe_the_figure():
    trade = fact("China North Korea trade", 6.54e9, "USD", "2013")
    description = {"2013", "between", "china", "korea", "level", "north", "trade"}
    assert matching_fact([trade], description, "USD") is trade


@pytest.mark.parametrize(
    "description",
    [
        {"between", "china", "korea", "level", "north", "trade"},  # no period
        {"2014", "china", "korea", "north", "trade"},  # another period
        {"2013", "china", "korea", "trade"},  # a word of the identity missing
    ],
)
def test_a_fact_does_not_match_a_figure_it_does_not_describe(description):
    assert matching_fact([fact("China North Korea trade", unit="USD", period="2013")], description, "USD") is None


def test_units_must_agree_when_both_are_known():
    priced, loose = fact("coal exports", unit="USD"), fact("coal exports")
    assert matching_fact([priced], {"coal", "exports"}, "EUR") is None
    assert matching_fact([priced], {"coal", "exports"}, None) is priced
    assert matching_fact([loose], {"coal", "exports"}, "EUR") is loose


def test_the_most_specific_fact_wins_whatever_the_order():
    general, specific = fact("trade"), fact("China North Korea trade", period="2013")
    description = {"china", "north", "korea", "trade", "2013"}
    assert matching_fact([general, specific], description, None) is specific
    assert matching_fact([specific, general], description, None) is specific
    assert matching_fact([general, specific], {"trade", "russia"}, None) is general


def test_a_possessive_in_the_description_still_names_the_country():
    """"China's trade with North Korea in 2013" describes China–North Korea trade."""
    trade = fact("China North Korea trade", 6.54e9, "USD", "2013")
    assert matching_fact([trade], {"2013", "china's", "korea", "north", "trade"}, "USD") is trade


# --- end to end on the seed ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def ratio_check(book, facts):
    text = SEED.read_text(encoding="utf-8")
    (check,) = [c for c in scan_document(load_text(str(SEED), text), book, facts).checks if c.type == "ratio"]
    return check


def test_without_facts_the_trade_ratio_is_unverifiable(book):
    assert ratio_check(book, []).verdict == "unverifiable"


def test_the_seed_facts_make_the_trade_ratio_consistent(book):
    check = ratio_check(book, load_facts(SEED_FACTS))
    assert check.verdict == "consistent"
    assert check.stated.value == 6.54e9 and "reference fact" in check.explanation


def test_a_fact_far_from_the_implied_value_makes_it_inconsistent(book, tmp_path):
    text = SEED_FACTS.read_text(encoding="utf-8").replace("6540000000", "3e9")
    check = ratio_check(book, load_facts(write(tmp_path, "facts.toml", text)))
    assert check.verdict == "inconsistent" and check.stated.value == 3e9


def test_a_fact_for_another_year_is_not_used(book, tmp_path):
    text = SEED_FACTS.read_text(encoding="utf-8").replace('period = "2013"', 'period = "2014"')
    assert ratio_check(book, load_facts(write(tmp_path, "facts.toml", text))).verdict == "unverifiable"
