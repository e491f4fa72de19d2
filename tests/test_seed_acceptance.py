"""Acceptance on the seed interview: every claim and check of shared/spec/seed-expectations.md,
and the edited copies an editor might make, each caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.align import diff_claims
from factcheck.document import load_text
from factcheck.extract.extractor import extract
from factcheck.facts import load_facts
from factcheck.lock import build_lock, compare
from factcheck.pipeline import scan_document
from factcheck.extract.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"
FACTS = ROOT / "seeds" / "facts-china-north-korea-trade.toml"

# surface text, kind, value (or (low, high) for ranges), how many times it occurs at least
CLAIMS = [
    ("Feb 22, 2015", "date", "2015-02-22", 2),
    ("last week", "date", "2015-W07", 1),
    ("this May", "date", "2015-05", 2),
    ("70th anniversary", "ordinal", 70, 3),
    ("60th anniversary", "ordinal", 60, 1),
    ("2005", "date", "2005", 1),
    ("five leaders", "count", 5, 1),
    ("six-party", "count", 6, 2),
    ("October", "date", "2015-10", 1),
    ("1950-53", "date", ("1950", "1953"), 1),
    ("four summits", "count", 4, 1),
    ("second", "ordinal", 2, 1),
    ("2002", "date", "2002", 1),
    ("2003", "date", "2003", 1),
    ("2013", "date", "2013", 1),
    ("2011", "date", "2011", 1),
    ("1990", "date", "1990", 1),
    ("2020", "date", "2020", 1),
    ("58 times", "ratio", 58, 1),
    ("$9 million", "money", 9_000_000, 1),
    ("$103 million", "money", 103_000_000, 1),
    ("$25 billion", "money", 25_000_000_000, 1),
    ("last year", "date", "2014", 1),
    ("3,500 kilometers", "distance", 3500, 1),
    ("$10 billion", "money", 10_000_000_000, 1),
    ("$11 billion", "money", 11_000_000_000, 1),
    ("10-fold", "ratio", 10, 1),
    ("$1 billion a year", "money", 1_000_000_000, 1),
    ("$250 million", "money", 250_000_000, 1),
    ("November 2013", "date", "2013-11", 1),
    ("first", "ordinal", 1, 1),
    ("40,000 tons", "quantity", 40000, 1),
    ("three", "count", 3, 1),
    ("1993-97", "date", ("1993", "1997"), 1),
]


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def scan(book, text: str, facts=None):
    return scan_document(load_text(str(SEED), text), book, facts or [])


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(book, seed_text):
    return scan(book, seed_text)


def test_document_date_comes_from_the_published_line(report):
    assert report.document_date == "2015-02-22"
    assert report.date_source == "published-line"


@pytest.mark.parametrize("surface, kind, value, times", CLAIMS, ids=[c[0] for c in CLAIMS])
def test_every_expected_claim_is_found(report, surface, kind, value, times):
    found = [c for c in report.claims if c.text == surface and c.kind == kind]
    assert len(found) >= times, [(c.text, c.kind) for c in report.claims if surface in c.text]
    for claim in found:
        if isinstance(value, tuple):
            assert (claim.low, claim.high) == value
        else:
            assert claim.value == value


def test_units_rates_and_ambiguity(report):
    by_text = {c.text: c for c in report.claims}
    assert by_text["$9 million"].unit == "USD"
    assert by_text["3,500 kilometers"].unit == "kilometer"
    assert by_text["$1 billion a year"].extra["per"] == "year"
    assert "ambiguous" in by_text["40,000 tons"].extra


def test_may_24_measures_is_not_a_full_date(report):
    assert not any(c.kind == "date" and c.value == "2015-05-24" for c in report.claims)


def test_every_claim_text_is_its_span(report, seed_text):
    assert all(seed_text[c.start:c.end] == c.text for c in report.claims)


def checks_of(report, check_type):
    return [c for c in report.checks if c.type == check_type]


def test_trade_ratio_is_unverifiable_with_the_implied_value(report):
    (check,) = checks_of(report, "ratio")
    assert check.verdict == "unverifiable"
    assert 6.3e9 < check.expected.low < check.expected.value < check.expected.high < 6.7e9
    assert round(check.expected.value / 1e9, 2) == 6.5


@pytest.mark.parametrize("value, verdict", [(6.54e9, "consistent"), (3e9, "inconsistent")])
def test_trade_ratio_against_reference_facts(book, seed_text, tmp_path, value, verdict):
    facts_file = tmp_path / "facts.toml"
    facts_file.write_text(FACTS.read_text(encoding="utf-8").replace("6540000000", str(int(value))), encoding="utf-8")
    (check,) = checks_of(scan(book, seed_text, load_facts(facts_file)), "ratio")
    assert check.verdict == verdict


def test_tenfold_target_is_close_with_its_deviation(report):
    (check,) = checks_of(report, "multiplier")
    assert check.verdict in ("consistent", "approximate")
    assert check.deviation == pytest.approx(0.12, abs=0.005)


def test_debt_write_off_fits(report):
    debt = [c for c in checks_of(report, "part_of_whole") if "$11 billion" in c.explanation]
    assert [c.verdict for c in debt] == ["consistent"]


def test_anniversaries_agree(report):
    anniversaries = checks_of(report, "anniversary")
    assert any(c.verdict == "consistent" and "60th" in c.message for c in anniversaries)
    assert all(c.verdict in ("consistent", "unverifiable") for c in anniversaries)


def test_ranges_run_forwards(report):
    ranges = [c for c in checks_of(report, "range") if "1950" in c.explanation or "1993" in c.explanation]
    assert len(ranges) == 2 and all(c.verdict == "consistent" for c in ranges)


def test_original_has_no_inconsistency(report):
    assert not [c for c in report.checks if c.verdict == "inconsistent"]


EDITS = [
    ("$10 billion of Pyongyang", "$12 billion of Pyongyang", "part_of_whole", "$12 billion"),
    ("10-fold to $1 billion", "10-fold to $5 billion", "multiplier", "10-fold"),
    ("70th anniversary of the defeat", "75th anniversary of the defeat", "anniversary", "75th anniversary"),
    ("back in 2005", "back in 2007", "anniversary", "60th anniversary"),
    ("from 1993-97", "from 1997-1993", "range", "1997-1993"),
]


@pytest.mark.parametrize("old, new, check_type, trigger", EDITS, ids=[e[1] for e in EDITS])
def test_each_edit_turns_its_check_red(book, seed_text, old, new, check_type, trigger):
    assert seed_text.count(old) == 1
    edited = scan(book, seed_text.replace(old, new))
    red = [c for c in edited.checks if c.verdict == "inconsistent"]
    assert red and all(c.type == check_type for c in red)
    texts = {claim.text for c in red for claim in edited.claims if claim.id in c.claims}
    assert trigger in texts


ALL_EDITS = [(old, new) for old, new, _, _ in EDITS] + [("$250 million", "$350 million")]


def claims_of(book, text: str):
    return extract(load_text(str(SEED), text), book)[0]


@pytest.mark.parametrize("old, new", ALL_EDITS, ids=[e[1] for e in ALL_EDITS])
def test_diff_names_exactly_the_edited_figure(book, seed_text, old, new):
    diff = diff_claims(claims_of(book, seed_text), claims_of(book, seed_text.replace(old, new)), "old", "new")
    assert [c.change for c in diff.changes] == ["changed"]
    (change,) = diff.changes
    before, after = next((a, b) for a, b in zip(old.split(), new.split()) if a != b)
    assert before in change.old.text and after in change.new.text


@pytest.mark.parametrize("old, new", ALL_EDITS, ids=[e[1] for e in ALL_EDITS])
def test_lock_catches_every_edit_even_one_no_check_sees(book, seed_text, old, new):
    lock = build_lock({"seed": claims_of(book, seed_text)})
    findings = compare(lock, "seed", claims_of(book, seed_text.replace(old, new)))
    assert [f.kind for f in findings] == ["changed"]


def test_lock_passes_the_original_and_a_reworded_copy(book, seed_text):
    lock = build_lock({"seed": claims_of(book, seed_text)})
    reworded = seed_text.replace("Russia also invested $250 million to develop",
                                 "In addition, Moscow put $250 million into developing")
    reworded = reworded.replace("To jump-start these schemes, Russia waived", "To get these schemes going, Moscow forgave")
    assert compare(lock, "seed", claims_of(book, seed_text)) == []
    assert compare(lock, "seed", claims_of(book, reworded)) == []
    assert diff_claims(claims_of(book, seed_text), claims_of(book, reworded), "a", "b").changes == []
