"""The JSON report and diff follow the v1 contract, byte for byte deterministic."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
from render_fixtures import sample_diff, sample_report

from factcheck.render.json_report import diff_to_dict, render_diff_json, render_json, report_to_dict
from factcheck.schema import diff_schema, report_schema

CLAIM_FIELDS = ["id", "kind", "text", "start", "end", "line", "column", "sentence",
                "value", "unit", "low", "high", "qualifier", "rule"]
CHECK_FIELDS = ["id", "type", "verdict", "severity", "claims", "expected", "stated",
                "deviation", "explanation", "message"]


def loaded() -> dict:
    return json.loads(render_json(sample_report(), "9.9.9"))


def test_report_validates_against_schema():
    jsonschema.Draft202012Validator(report_schema()).validate(loaded())


def test_top_level_follows_contract():
    data = loaded()
    assert list(data)[:4] == ["schema", "tool", "documents", "summary"]
    assert data["schema"] == "factcheck-report/1"
    assert data["tool"] == {"name": "factcheck", "version": "9.9.9"}
    assert data["summary"] == {**sample_report().summary(), "lock_findings": 0}
    doc = data["documents"][0]
    assert list(doc)[:4] == ["path", "document_date", "claims", "checks"]
    assert (doc["path"], doc["document_date"], doc["date_source"]) == ("articles/trade.txt", "2015-02-22", "text")
    assert data["documents"][1]["warnings"] == ["no document date"]


def test_claims_and_checks_carry_contract_fields_in_order():
    doc = loaded()["documents"][0]
    for claim in doc["claims"]:
        assert list(claim)[:len(CLAIM_FIELDS)] == CLAIM_FIELDS
    for check in doc["checks"]:
        assert list(check)[:len(CHECK_FIELDS)] == CHECK_FIELDS
    first = doc["claims"][0]
    assert (first["text"], first["value"], first["unit"], first["rule"]) == (
        "$9 million", 9000000, "USD", "money.symbol-scale")


def test_claim_text_matches_offsets():
    from render_fixtures import TEXT
    for claim in loaded()["documents"][0]["claims"]:
        assert TEXT[claim["start"]:claim["end"]] == claim["text"]


def test_check_fields_and_location():
    report = sample_report()
    source = report.documents[0].checks[0]
    check = report_to_dict(report, "1")["documents"][0]["checks"][0]
    assert check["claims"] == ["c1", "c2", "c3"]
    assert check["expected"] == {"value": 6496000000, "low": 6440000000, "high": 6552000000, "unit": "USD"}
    assert check["stated"] is None and check["deviation"] is None
    assert check["location"]["line"] == source.line
    assert check["location"]["end_column"] == source.end_column


def test_severity_follows_verdict_within_contract_values():
    checks = {c["verdict"]: c["severity"] for c in loaded()["documents"][0]["checks"]}
    assert checks == {"unverifiable": "info", "consistent": "info", "inconsistent": "error",
                      "approximate": "warning"}


def test_infinite_and_nan_become_null():
    text = render_json(sample_report(), "1")
    assert "Infinity" not in text and "NaN" not in text
    doc = json.loads(text)["documents"][0]
    assert doc["checks"][2]["expected"]["high"] is None
    assert doc["claims"][6]["extra"]["score"] is None


def test_whole_floats_become_ints_others_stay():
    doc = loaded()["documents"][0]
    money = doc["claims"][4]
    assert money["value"] == 1000000000 and isinstance(money["value"], int)
    assert doc["checks"][3]["deviation"] == 0.12
    assert doc["claims"][5]["value"] == 12.5


def test_extra_detail_is_kept_with_sorted_keys():
    claims = loaded()["documents"][0]["claims"]
    assert claims[4]["extra"] == {"per": "year"}
    assert list(claims[6]["extra"]) == ["ambiguous", "score"]
    assert claims[4]["qualifier"] == "approximately"


def test_output_is_deterministic_and_unescaped():
    first = render_json(sample_report(), "1")
    assert first == render_json(sample_report(), "1")
    assert "×" in first and "\\u" not in first
    assert first.endswith("}\n")


def test_diff_follows_contract_and_schema():
    data = json.loads(render_diff_json(sample_diff()))
    jsonschema.Draft202012Validator(diff_schema()).validate(data)
    assert list(data) == ["schema", "old", "new", "changes", "summary"]
    assert data["schema"] == "factcheck-diff/1"
    assert [c["change"] for c in data["changes"]] == ["changed", "added", "removed"]
    assert data["changes"][0]["old"]["value"] == 250000000
    assert data["changes"][0]["new"]["value"] == 350000000
    assert data["changes"][1]["old"] is None and data["changes"][2]["new"] is None
    assert data["summary"] == {"changed": 1, "added": 1, "removed": 1, "unchanged": 5}
    assert diff_to_dict(sample_diff()) == data
    assert render_diff_json(sample_diff()) == render_diff_json(sample_diff())


def test_lock_findings_are_counted_apart_in_the_summary():
    report = sample_report()
    doc = report.documents[0]
    doc.checks.append(replace(doc.checks[0], id="k9", type="lock", verdict="inconsistent", message="figure changed"))
    summary = json.loads(render_json(report, "1"))["summary"]
    assert summary["lock_findings"] == 1 and summary["by_verdict"]["inconsistent"] == 2
