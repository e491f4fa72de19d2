"""SARIF output validates against the official 2.1.0 schema and suits GitHub code scanning."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from render_fixtures import sample_diff, sample_document, sample_report

from factcheck.model import Report
from factcheck.render.sarif import render_diff_sarif, render_sarif

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator(SCHEMA).validate(log)


@pytest.fixture
def log() -> dict:
    return json.loads(render_sarif(sample_report(), "0.1.0"))


def test_validates_against_official_schema(log):
    validate(log)
    assert log["version"] == "2.1.0"


def test_run_has_tool_invocation_and_code_point_columns(log):
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "factcheck"
    assert run["tool"]["driver"]["version"] == "0.1.0"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["columnKind"] == "unicodeCodePoints"


def test_one_rule_per_reported_check_type(log):
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["factcheck/percent_change", "factcheck/ratio", "factcheck/sum"]
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert rules[0]["name"] == "PercentChangeCheck"


def test_results_are_findings_only_with_levels_from_severity(log):
    run = log["runs"][0]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("factcheck/ratio", "note"), ("factcheck/sum", "error"), ("factcheck/percent_change", "warning")]
    for result in results:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert results[1]["message"]["text"] == "total does not add up — $9M + $103M = $112M, not $1B"


def test_locations_are_relative_uris_with_the_check_region(log):
    check = sample_document().checks[2]
    location = log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "articles/trade.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": check.line, "startColumn": check.column,
                                  "endLine": check.end_line, "endColumn": check.end_column}


def test_backslashes_in_paths_become_forward_slashes():
    report = Report([sample_document(path="docs\\sub\\a.txt")])
    log = json.loads(render_sarif(report, "1"))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/sub/a.txt"


def test_related_locations_point_at_the_claims(log):
    related = log["runs"][0]["results"][0]["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2, 3]
    region = related[0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 11, 21)
    assert related[2]["message"]["text"] == "c3: 58 times (58×)"


def fingerprint_list(report: Report) -> list[str]:
    results = json.loads(render_sarif(report, "1"))["runs"][0]["results"]
    return [r["partialFingerprints"]["factcheck/v1"] for r in results]


def test_fingerprints_ignore_line_moves_and_differ_between_findings():
    doc = sample_document()
    moved = replace(doc, checks=[replace(c, line=c.line + 5, end_line=c.end_line + 5, start=c.start + 40)
                                 for c in doc.checks])
    before = fingerprint_list(Report([doc]))
    assert before == fingerprint_list(Report([moved]))
    assert len(set(before)) == len(before)
    reworded = replace(doc, checks=[replace(c, sentence=c.sentence + " Indeed.") for c in doc.checks])
    assert fingerprint_list(Report([reworded])) != before


def test_repeated_findings_get_distinct_fingerprints():
    doc = sample_document()
    twice = replace(doc, checks=[doc.checks[2], replace(doc.checks[2], id="k9", line=3)])
    prints = fingerprint_list(Report([twice]))
    assert len(set(prints)) == 2 and prints[1].startswith(prints[0])


def test_no_findings_still_validates():
    doc = sample_document()
    quiet = replace(doc, checks=[c for c in doc.checks if c.verdict == "consistent"])
    log = json.loads(render_sarif(Report([quiet]), "1"))
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_deterministic():
    assert render_sarif(sample_report(), "1") == render_sarif(sample_report(), "1")


def test_diff_results_one_per_change():
    log = json.loads(render_diff_sarif(sample_diff(), "0.1.0"))
    validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "factcheck/figure-changed", "factcheck/figure-added", "factcheck/figure-removed"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "factcheck/figure-changed", "factcheck/figure-added", "factcheck/figure-removed"]
    assert {r["level"] for r in results} == {"error"}
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["new/a.txt", "new/a.txt", "old/a.txt"]
    assert "$250 million" in results[0]["message"]["text"] and "USD 350,000,000" in results[0]["message"]["text"]
    assert len({r["partialFingerprints"]["factcheck/v1"] for r in results}) == 3


def test_schema_check_catches_a_broken_log(log):
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_every_check_type_has_its_own_description_and_help():
    from factcheck.vocabulary import CHECK_TYPES
    from factcheck.render.sarif import check_rule

    rules = [check_rule(check_type) for check_type in CHECK_TYPES]
    descriptions = [rule["fullDescription"]["text"] for rule in rules]
    assert len(set(descriptions)) == len(descriptions)
    for rule, check_type in zip(rules, CHECK_TYPES):
        assert rule["help"]["text"].startswith(rule["fullDescription"]["text"])
        assert f"factcheck {'lock --update' if check_type == 'lock' else 'explain ' + check_type}" in rule["help"]["text"]


def test_the_lock_rule_defaults_to_the_level_of_its_results():
    doc = sample_document()
    lock = replace(doc.checks[0], id="k9", type="lock", verdict="inconsistent", message="figure changed: $9 → $8")
    log = json.loads(render_sarif(Report([replace(doc, checks=[lock])]), "1"))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    (result,) = log["runs"][0]["results"]
    assert rule["shortDescription"]["text"] == "A figure that differs from the lock"
    assert rule["defaultConfiguration"]["level"] == result["level"] == "error"
    validate(log)


def test_help_uri_points_at_the_check_types_section_when_the_package_names_its_docs(monkeypatch):
    import factcheck.render.sarif as sarif

    monkeypatch.setattr(sarif, "docs_url", lambda: "https://example.org/factcheck")
    assert sarif.check_rule("percent_change")["helpUri"] == "https://example.org/factcheck#check-types"
    monkeypatch.setattr(sarif, "docs_url", lambda: None)
    assert "helpUri" not in sarif.check_rule("percent_change")
