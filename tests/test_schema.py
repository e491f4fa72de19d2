"""The report and diff schemas accept what the renderer writes and reject broken reports."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from render_fixtures import sample_diff, sample_report

from factcheck.render.json_report import diff_to_dict, report_to_dict
from factcheck.schema import diff_schema, report_schema

Validator = jsonschema.Draft202012Validator


def test_schemas_are_valid_draft_2020_12():
    for schema in (report_schema(), diff_schema()):
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Validator.check_schema(schema)


def good_report() -> dict:
    return report_to_dict(sample_report(), "0.1.0")


def drop(field):
    def mutate(container):
        del container[field]
    return mutate


def set_to(field, value):
    def mutate(container):
        container[field] = value
    return mutate


def first_claim(data):
    return data["documents"][0]["claims"][0]


def first_check(data):
    return data["documents"][0]["checks"][0]


def whole(data):
    return data


def by_verdict(data):
    return data["summary"]["by_verdict"]


def first_document(data):
    return data["documents"][0]

BROKEN = [
    (whole, set_to("schema", "factcheck-report/2")),
    (whole, drop("summary")),
    (by_verdict, drop("approximate")),
    (first_document, drop("document_date")),
    (first_claim, drop("rule")),
    (first_claim, set_to("kind", "temperature")),
    (first_claim, set_to("line", 0)),
    (first_claim, set_to("start", "3")),
    (first_claim, set_to("value", [1])),
    (first_claim, set_to("qualifier", "roughly")),
    (first_check, drop("explanation")),
    (first_check, set_to("verdict", "wrong")),
    (first_check, set_to("severity", "none")),
    (first_check, set_to("severity", "error")),  # an unverifiable check is not an error
    (first_check, set_to("deviation", "12%")),
    (first_check, set_to("expected", {"value": 1})),
    (first_check, set_to("claims", "c1")),
]


@pytest.mark.parametrize(("where", "mutate"), BROKEN)
def test_broken_report_is_rejected(where, mutate):
    data = good_report()
    mutate(where(data))
    with pytest.raises(jsonschema.ValidationError):
        Validator(report_schema()).validate(data)


def test_added_fields_are_allowed():
    data = good_report()
    data["generated_by"] = "ci"
    first_claim(data)["confidence"] = 0.9
    first_check(data)["hint"] = "see source"
    Validator(report_schema()).validate(data)


def test_diff_sides_must_match_change():
    good = diff_to_dict(sample_diff())
    Validator(diff_schema()).validate(good)
    for index, side, value in [(1, "old", copy.deepcopy(good["changes"][0]["old"])),
                               (2, "new", copy.deepcopy(good["changes"][0]["new"])),
                               (0, "new", None)]:
        broken = copy.deepcopy(good)
        broken["changes"][index][side] = value
        with pytest.raises(jsonschema.ValidationError):
            Validator(diff_schema()).validate(broken)


def test_diff_rejects_unknown_change_and_missing_summary():
    for mutate in (lambda d: d["changes"][0].update(change="moved"), lambda d: d["summary"].pop("unchanged")):
        broken = diff_to_dict(sample_diff())
        mutate(broken)
        with pytest.raises(jsonschema.ValidationError):
            Validator(diff_schema()).validate(broken)


def test_document_errors_are_an_added_field_that_older_reports_may_lack():
    data = good_report()
    assert data["errors"] == []
    data["errors"] = [{"path": "docs/broken.srt", "message": "not a valid SRT file: no subtitle block can be read at line 1"}]
    Validator(report_schema()).validate(data)
    del data["errors"]
    Validator(report_schema()).validate(data)  # the schema only added a field: old reports stay valid
    for bad in ([{"path": "x"}], [{"path": 1, "message": "m"}], {"path": "x", "message": "m"}):
        with pytest.raises(jsonschema.ValidationError):
            Validator(report_schema()).validate({**data, "errors": bad})
