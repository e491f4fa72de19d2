"""An undated document whose dates need a date gets a warning with the --date hint."""

from __future__ import annotations

from dataclasses import replace

from render_fixtures import claim, sample_document

from factcheck.hints import undated_warning


def test_unresolved_relative_dates_without_a_document_date_warn_with_the_hint():
    doc = replace(sample_document(), document_date=None, date_source=None)
    doc.claims.append(claim("c9", "date", "Sales", None, extra={"relative": True, "unresolved": "no document date"}))
    warning = undated_warning(doc)
    assert warning == ("no document date: 1 relative or year-less date (first 'Sales' at line 3) cannot be "
                       "resolved and no check uses them; pass --date YYYY-MM-DD (or set date in the config)")


def test_no_warning_with_a_date_or_without_such_dates():
    doc = sample_document()
    doc.claims.append(claim("c9", "date", "Sales", None, extra={"relative": True, "unresolved": "no document date"}))
    assert undated_warning(doc) is None
    assert undated_warning(replace(sample_document(), document_date=None)) is None
