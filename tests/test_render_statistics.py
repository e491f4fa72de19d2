"""--statistics: counts per check type and verdict."""

from __future__ import annotations

from render_fixtures import sample_report

from factcheck.render.statistics import render_statistics


def test_counts_per_type_and_verdict_then_the_total():
    assert render_statistics(sample_report()).splitlines() == [
        "     1  percent_change  ≈ approximate",
        "     1  range           ✓ consistent",
        "     1  ratio           ? unverifiable",
        "     1  sum             ✗ inconsistent",
        "     4  checks in 2 documents",
    ]
