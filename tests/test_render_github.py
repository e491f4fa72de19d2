"""GitHub workflow commands: one per finding, escaped as the runner decodes them."""

from __future__ import annotations

import re
from dataclasses import replace

from render_fixtures import sample_diff, sample_document, sample_report

from factcheck.model import Report
from factcheck.render.github import escape_data, escape_property, render_diff_github, render_github

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    properties = dict(part.split("=", 1) for part in match.group(2).split(","))
    return match.group(1), properties, match.group(3)


def test_one_command_per_finding_with_level_from_severity():
    lines = render_github(sample_report()).splitlines()
    assert [parse(line)[0] for line in lines] == ["notice", "error", "warning"]


def test_command_properties_locate_the_check():
    check = sample_document().checks[2]
    level, properties, message = parse(render_github(sample_report()).splitlines()[1])
    assert properties == {"file": "articles/trade.txt", "line": str(check.line), "col": str(check.column),
                          "endLine": str(check.end_line), "endColumn": str(check.end_column),
                          "title": "factcheck sum%3A inconsistent"}
    assert message == "total does not add up%0A$9M + $103M = $112M, not $1B"


def test_escaping_of_data_and_properties():
    assert escape_data("100% sure\r\nyes: a, b") == "100%25 sure%0D%0Ayes: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_awkward_path_and_message_stay_one_well_formed_command():
    doc = sample_document(path="dir\\a,b:c.txt")
    doc = replace(doc, checks=[replace(doc.checks[2], message="off by 100%:\nbad", explanation="")])
    line = render_github(Report([doc]))
    assert line.count("\n") == 1
    level, properties, message = parse(line.rstrip("\n"))
    assert properties["file"] == "dir/a%2Cb%3Ac.txt"
    assert message == "off by 100%25:%0Abad"


def test_nothing_for_consistent_checks():
    doc = sample_document()
    consistent = replace(doc, checks=[c for c in doc.checks if c.verdict == "consistent"])
    assert render_github(Report([consistent])) == ""


def test_diff_one_error_per_change():
    lines = render_diff_github(sample_diff()).splitlines()
    parsed = [parse(line) for line in lines]
    assert [p[0] for p in parsed] == ["error"] * 3
    assert [p[1]["file"] for p in parsed] == ["new/a.txt", "new/a.txt", "old/a.txt"]
    assert parsed[0][1]["title"] == "factcheck%3A figure changed"
    assert parsed[0][2].startswith("$250 million (USD 250,000,000) → $350 million (USD 350,000,000)%0A")
    assert (parsed[0][1]["col"], parsed[0][1]["endColumn"]) == ("9", "21")
