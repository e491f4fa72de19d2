"""The benchmark scoring functions, on hand-made cases (nothing here is timed)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


conf = load("conformance")
thru = load("throughput")
real = load("real_checks")
checker = load("checker")
E, F = conf.Expected, conf.Found


def case(expected, source="Specs/x.json#0", text="x" * 60):
    return conf.Case("t-1", source, text, None, tuple(expected))


def test_tally_rates():
    t = conf.Tally(expected=4, found=3, relaxed=4, claims=5, true_claims=3, valued=2, value_ok=1)
    assert t.recall == 0.75 and t.relaxed_recall == 1.0 and t.precision == 0.6
    assert t.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert t.value_accuracy == 0.5


def test_tally_edges():
    assert conf.Tally().recall is None and conf.Tally().f1 is None
    assert conf.Tally(expected=2).f1 == 0.0  # nothing found, nothing claimed
    assert conf.Tally(expected=2, found=2, scores_precision=False).f1 is None


def test_match_case_exact_relaxed_and_false_positives():
    a, b = E("$3", 0, 2, "money"), E("$ 5 m", 10, 15, "money")
    found = [F("$3", 0, 2, "money"), F("$ 5", 10, 13, "money"), F("9 euros", 20, 27, "money"),
             F("5 %", 30, 33, "percent")]
    result = conf.match_case(case([a, b]), found, ("money",))
    assert [e for e, _ in result.hits] == [a]
    assert result.misses == [b] and result.relaxed == [a, b]
    assert [f.text for f in result.false_positives] == ["$ 5", "9 euros"]
    t = conf.tally_case(result, ("money",), recall_only=False)["money"]
    assert (t.expected, t.found, t.relaxed, t.claims, t.true_claims) == (2, 1, 2, 3, 1)


def test_tally_case_splits_kinds():
    miles, kilos = E("3 miles", 0, 7, "distance"), E("4 kg", 10, 14, "quantity")
    found = [F("3 miles", 0, 7, "quantity"), F("4 kg", 10, 14, "quantity")]
    result = conf.match_case(case([miles, kilos]), found, ("distance", "quantity"))
    tallies = conf.tally_case(result, ("distance", "quantity"), recall_only=False)
    assert tallies["distance"].found == 1 and tallies["distance"].claims == 0
    assert tallies["quantity"].claims == 2 and tallies["quantity"].true_claims == 2


def test_number_found_exact_or_inside_a_larger_claim():
    twenty, five = E("20", 1, 3, "count", 20), E("5", 10, 11, "count", 5)
    seven, lost = E("7", 20, 21, "count", 7), E("12", 30, 32, "count", 12)
    found = [F("20", 1, 3, "count", 20), F("$5 m", 9, 13, "money", 5e6), F("7", 20, 21, "ordinal"),
             F("1", 30, 31, "count", 1)]
    result = conf.match_number_case(case([twenty, five, seven, lost]), found)
    assert result.misses == [lost] and result.contained == [five, seven]
    t = conf.tally_case(result, ("count",), recall_only=True)["count"]
    assert (t.found, t.contained, t.expected, t.relaxed) == (3, 2, 4, 4)
    assert t.precision is None and t.value_ok == 1


def test_value_agrees_on_money_units_and_subunits():
    usd = E("$ 5", 0, 3, "money", 5, "USD")
    assert conf.value_agrees(usd, F("$ 5", 0, 3, "money", 5.0, "USD"))
    assert not conf.value_agrees(usd, F("$ 5", 0, 3, "money", 5, "CAD"))
    assert not conf.value_agrees(usd, F("$ 5", 0, 3, "money", 5.01, "USD"))
    cents = E("50 cents", 0, 8, "money", 50, None, "currency", "Cent")
    assert conf.value_agrees(cents, F("50 cents", 0, 8, "money", 0.5, "USD"))
    assert conf.value_agrees(E("rmb", 0, 3, "money"), F("rmb", 0, 3, "money")) is None


def test_value_agrees_maps_upstream_unit_names():
    area = E("3 m2", 0, 4, "quantity", 3, "Square meter", "Area")
    assert conf.value_agrees(area, F("3 m2", 0, 4, "quantity", 3, "meter ** 2"))
    assert conf.value_agrees(area, F("3 m2", 0, 4, "quantity", 3, "m ** 2"))
    assert not conf.value_agrees(area, F("3 m2", 0, 4, "quantity", 3, "meter"))
    warm = E("85°", 0, 3, "quantity", 85, "Degree", "temperature")
    assert conf.value_agrees(warm, F("85°", 0, 3, "quantity", 85, "degree_Fahrenheit"))
    hot = E("40 c", 0, 4, "quantity", 40, "Celsius", "temperature")
    assert not conf.value_agrees(hot, F("40 c", 0, 4, "quantity", 40, "degree_Fahrenheit"))


def test_date_values_and_scope():
    day = E("may 4", 0, 5, "date", "2016-05-04")
    assert conf.value_agrees(day, F("may 4", 0, 5, "date", "2016-05-04"))
    assert not conf.value_agrees(day, F("may 4", 0, 5, "date", "2016-05"))
    week = F("next week", 20, 29, "date", None, None, "2016-11-14", "2016-11-20")
    assert not conf.in_scope(case([day], "Specs/DateTime/English/DateParser.json#3"), week)
    assert conf.in_scope(case([day], "Specs/DateTime/English/DatePeriodParser.json#3"), week)
    assert conf.in_scope(case([day], "Specs/DateTime/English/DateTimeModel.json#3"), week)


def test_case_from_and_status():
    data = {"id": "date-1", "source": "s", "text": "on 15", "reference_datetime": "2016-11-07T00:00:00",
            "expected": [{"text": "15", "start": 3, "end": 5, "kind": "date", "value": None}]}
    parsed = conf.case_from(data)
    assert parsed.date == dt.date(2016, 11, 7) and parsed.expected[0].end == 5
    money = conf.FileResult("money", {"all": conf.Tally(expected=10, found=8, claims=8, true_claims=8)})
    assert money.status() == "PASS"  # F1 0.889
    money.tallies["all"].claims = 12
    assert money.status() == "BELOW"  # F1 0.727
    assert conf.FileResult("age", {"all": conf.Tally()}).status() is None


def test_missing_corpus_is_a_one_line_error(tmp_path):
    with pytest.raises(conf.CorpusError, match="not found"):
        conf.load_cases(tmp_path / "money.jsonl")
    with pytest.raises(thru.CorpusError, match="no \\*.txt"):
        thru.load_texts(tmp_path, None)


def test_digits_pass_counts_runs():
    assert thru.digits_pass(["a 12 b 3", "2015-05-04"]) == 5


scale = load("scale")


def test_scale_tiles_whole_files_in_order_until_the_size_is_reached():
    sources = [("a.txt", b"x" * 400_000), ("b.txt", b"y" * 300_000)]
    tiled = scale.tile(sources, 1.0)
    assert [name for name, _ in tiled] == ["000000-a.txt", "000001-b.txt", "000002-a.txt"]
    assert sum(len(data) for _, data in tiled) == 1_100_000
    assert len(scale.tile(sources, 1e-6)) == 1
    with pytest.raises(ValueError):
        scale.tile([], 1.0)


def test_scale_ratios_and_rss_units():
    runs = [scale.Run(3, 1.0, 10.0, 5.0, 120.0, 3, 0.5), scale.Run(30, 10.0, 90.0, 60.0, 150.0, 30, 0.7)]
    assert scale.linearity(runs) == [1.0, pytest.approx(1.2)]
    assert scale.rss_ratio(runs) == pytest.approx(1.25)
    assert scale.rss_megabytes(150_000, "linux") == 150.0 and scale.rss_megabytes(150_000_000, "darwin") == 150.0
    rows = scale.report(runs)
    assert len(rows) == 4 and rows[-1].endswith("1.25x") and "1.20" in rows[2]


prose = load("prose")


def span(text, start, kind="count", value=None, **more):
    fields = {"kind": kind, "value": value, **more}
    return prose.Span(text, start, start + len(text), tuple((n, fields.get(n)) for n in prose.COMPARED))


def test_prose_locate_takes_repeated_figures_in_order():
    spans = prose.locate("5 cats, 5 dogs", [{"text": "5", "kind": "count", "value": 5}] * 2, "p")
    assert [(s.start, s.end) for s in spans] == [(0, 1), (8, 9)]
    with pytest.raises(prose.DataError, match="does not occur"):
        prose.locate("no figure", [{"text": "7"}], "p")


def test_prose_scores_recall_values_precision_and_names():
    expected = [span("$5", 0, "money", 5, unit="USD"), span("3", 10, "count", 3)]
    avoided = [span("737", 20)]
    found = [span("$5", 0, "money", 5, unit="EUR"), span("737", 20, "count", 737), span("9", 30, "count", 9)]
    out = prose.Outcome()
    prose.score_passage(expected, avoided, found, "p1", out)
    money, count = out.tallies["money"], out.tallies["count"]
    assert (money.expected, money.found, money.relaxed, money.value_found, money.value_ok, money.claims,
            money.true_claims) == (1, 1, 1, 0, 0, 1, 1)
    assert (count.expected, count.found, count.relaxed, count.value_found, count.claims, count.true_claims) == (1, 0, 0, 0, 2, 0)
    assert len(out.misses) == len(out.wrong) == len(out.named) == len(out.unexpected) == 1
    assert prose.Tally(expected=4, found=2, relaxed=4, value_found=3, value_ok=1, claims=4, true_claims=3).rates() == (
        0.5, 1.0, 0.75, 0.5, 0.75, 6 / 7)


def test_prose_value_recall_takes_an_overlapping_claim_with_the_right_value():
    expected = [span("3,400 workers", 0, "count", 3400)]
    out = prose.Outcome()
    prose.score_passage(expected, [], [span("3,400", 0, "count", 3400)], "p1", out)
    tally = out.tallies["count"]
    assert (tally.found, tally.value_found) == (0, 1)


def test_prose_units_compare_through_pint():
    assert prose.same_unit("square_kilometer", "kilometer ** 2") and prose.same_unit("kilometer_per_hour", "kilometer / hour")
    assert not prose.same_unit("mile", "kilometer") and not prose.same_unit("year", None)


def test_prose_range_accepts_a_midpoint_value():
    expected = span("$10-20", 0, "money", None, unit="USD", low=10, high=20)
    assert prose.agrees(expected, span("$10-20", 0, "money", 15, unit="USD", low=10, high=20))
    assert not prose.agrees(expected, span("$10-20", 0, "money", 15, unit="USD", low=10, high=25))


# --- real_checks: dates of the corpus files and the reading of reviews ---------------------------

@pytest.mark.parametrize("name, date", [
    ("2009-12-16-statement.txt", dt.date(2009, 12, 16)), ("1790a-george-washington.txt", dt.date(1790, 1, 8)),
    ("1848-james-k-polk.txt", dt.date(1848, 12, 5)), ("1934-franklin-d-roosevelt.txt", dt.date(1934, 1, 31)),
    ("README.md", None),
])
def test_real_checks_dates_each_corpus_file(name, date):
    assert real.document_date(name) == date


def test_real_checks_match_an_alarm_to_the_review_that_names_its_figures():
    reviews = {("f.txt", "L1", "sum"): [("false alarm", real.figures_in("$5 + $7 = $12; stated $13")),
                                        ("real error", real.figures_in("$1,200 + $300 = $1,500; stated $1,600"))]}
    alarm = lambda words: real.Alarm("f.txt", 1, "sum", "inconsistent", "s", words)  # noqa: E731
    found = real.classify([alarm("$1,200 + $300 = $1.5K; stated $1,600"), alarm("2 + 2 = 4; stated 9")], reviews)
    assert [len(found[k]) for k in ("real error", "false alarm", "unread")] == [1, 0, 1]
    assert real.known_real_errors(reviews) == 1


# --- checker: relations found by the figures their checks use ------------------------------------

def test_checker_counts_a_check_on_two_of_a_relations_figures_and_catches_a_breaking_edit():
    from factcheck.extract.rulebook import load_rulebook

    book = load_rulebook()
    text = "The city spent $4 million on roads and $6 million on schools, a total of $10 million."
    relation = {"type": "sum", "verdict": "consistent", "figures": ["$4 million", "$10 million"],
                "breaking_edit": ["$10 million", "$14 million"]}
    tally = checker.score_relations([{"id": "p", "date": "2024-01-01", "text": text, "relation": [relation]}], book, False)
    assert (tally.relations, tally.found, tally.right, tally.false_alarms) == (1, 1, 1, 0)
    assert (tally.edits, tally.edits_caught) == (1, 1)
    report = checker.scan(book, {"id": "p", "text": text})
    assert not checker.covers(report.checks[0], report, checker.spans_of(text, ["roads", "schools"]))


def test_checker_finds_a_figure_where_it_stands_alone_not_inside_a_longer_number():
    text = "She won 15,702 votes to 13,258. Quaile, 58, was born in 1963."
    assert checker.spans_of(text, ["58", "1963"]) == [(text.index(", 58") + 2, text.index(", 58") + 4), (text.index("1963"), text.index("1963") + 4)]
    assert checker.spans_of("It rose 5,580 feet.", ["58"]) == [(10, 12)]  # no figure alone: its first occurrence


def test_checker_counts_an_inconsistent_check_on_no_relation_as_a_false_alarm():
    from factcheck.extract.rulebook import load_rulebook

    text = "The city spent $4 million on roads and $6 million on schools, a total of $14 million."
    tally = checker.score_relations([{"id": "p", "text": text}], load_rulebook(), False)
    assert (tally.relations, tally.alarms, tally.false_alarms) == (0, 1, 1)


def test_an_edit_moves_the_spans_after_it_and_stretches_the_one_it_touches():
    spans = [(0, 5), (10, 14), (20, 25)]
    assert checker.moved(spans, 10, 4, 6) == [(0, 5), (10, 16), (22, 27)]
    assert checker.moved(spans, 11, 2, 1) == [(0, 5), (10, 13), (19, 24)]


blind = load("blind/check")


def test_blind_check_names_each_problem_of_a_passage():
    passage = {"id": "xb001", "date": "2024-01-02", "genre": "news", "text": "Sales rose from 40 to 50, up 25%.",
               "relation": [{"type": "percent_change", "verdict": "consistent", "figures": ["40", "50", "25%"]},
                            {"type": "sum", "verdict": "inconsistent", "figures": ["60"], "breaking_edit": ["40", "41"]}]}
    assert blind.passage_problems(passage, "xb") == [
        "xb001: consistent relation needs breaking_edit [old in text, new]",
        "xb001: figure '60' not in text",
        "xb001: inconsistent relation takes no breaking_edit",
    ]
    assert blind.passage_problems({**passage, "id": "xc001", "relation": []}, "xb") == ["xc001: bad id"]
