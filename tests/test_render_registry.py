"""Every registered format renders a report and a diff to text."""

from __future__ import annotations

import json

from render_fixtures import sample_diff, sample_report

from factcheck.render import DIFF_RENDERERS, FORMATS, RENDERERS


def test_formats_cover_every_output():
    assert FORMATS == ("text", "concise", "json", "jsonl", "sarif", "github", "markdown")
    assert set(DIFF_RENDERERS) == set(RENDERERS)


def test_each_renderer_returns_text():
    for name, render in RENDERERS.items():
        out = render(sample_report(), "1.2.3")
        assert isinstance(out, str) and out.endswith("\n"), name
    for name, render in DIFF_RENDERERS.items():
        assert isinstance(render(sample_diff(), "1.2.3"), str), name


def test_version_reaches_json_and_sarif():
    assert json.loads(RENDERERS["json"](sample_report(), "1.2.3"))["tool"]["version"] == "1.2.3"
    sarif = json.loads(DIFF_RENDERERS["sarif"](sample_diff(), "1.2.3"))
    assert sarif["runs"][0]["tool"]["driver"]["version"] == "1.2.3"
