"""--select/--ignore by check type or claim kind, and --min-level."""

from __future__ import annotations

from render_fixtures import sample_report

from factcheck.report_filter import ReportFilter, filtered


def types(report) -> list[str]:
    return sorted(check.type for doc in report.documents for check in doc.checks)


def test_nothing_chosen_keeps_everything():
    report = sample_report()
    assert filtered(report, ReportFilter()) is report


def test_select_and_ignore_check_types():
    assert types(filtered(sample_report(), ReportFilter(select=frozenset({"sum", "range"})))) == ["range", "sum"]
    assert types(filtered(sample_report(), ReportFilter(ignore=frozenset({"sum"})))) == [
        "percent_change", "range", "ratio"]


def test_ignoring_a_claim_kind_drops_its_claims_and_the_checks_that_use_them():
    report = filtered(sample_report(), ReportFilter(ignore=frozenset({"money"})))
    assert not any(claim.kind == "money" for doc in report.documents for claim in doc.claims)
    assert types(report) == ["percent_change", "range"]


def test_ratio_names_the_check_type_not_the_claim_kind():
    report = filtered(sample_report(), ReportFilter(select=frozenset({"ratio"})))
    assert types(report) == ["ratio"]
    assert any(claim.kind == "money" for doc in report.documents for claim in doc.claims)


def test_min_level_drops_lower_findings_but_keeps_passing_checks():
    report = filtered(sample_report(), ReportFilter(min_level="warning"))
    assert types(report) == ["percent_change", "range", "sum"]
