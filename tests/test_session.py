"""A whole scan over generated documents in every input format and many scripts: no exception,
every claim exactly where it says it is, a report its own schema accepts, the same bytes twice.

FACTCHECK_HYPOTHESIS=thorough runs 2000 examples per property instead of 40.
"""

from __future__ import annotations

import gc
import json
import os
import re
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.session
from factcheck.checker import CheckOptions
from factcheck.config import Config
from factcheck.document import decode
from factcheck.render import RENDERERS
from factcheck.render.text import render_text
from factcheck.extract.rulebook import load_rulebook
from factcheck.schema import report_schema
from factcheck.session import Settings, scan

EXAMPLES = 2000 if os.environ.get("FACTCHECK_HYPOTHESIS") == "thorough" else 40
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LINE_BREAK = re.compile(r"\r\n?|\n")
VALIDATOR = jsonschema.Draft202012Validator(report_schema())

FIGURES = ["$9 million", "58 times", "12%", "3,500 kilometres", "40,000 tons", "10-fold", "1e309 dollars",
           "5 × 10^400 tons", "１，０００", "٣٠٠", "४२", "1\u2009000 km", "2015", "Feb. 22, 2015", "the 70th",
           "twenty-five", "$10 billion of Pyongyang's $11 billion", "rose 12% to $5 million from $4 million",
           "9" * 120, "1&#44;000", "12&#37;", "-5", "½", "3/4"]
WORDS = ["Trade", "with", "China", "was", "the", "of", "and", "Park:", "Q:", "KH:", "محمد:", "记者：", "שלום",
         "مرحبا", "中国", "e\u0301", "n\u0303o", "\u200d", "\U0001f600", "I\u0307", "ß", "ﬁ", "İ"]
CONTROL = ["\x00", "\x07", "\x1b[31m", "\x1b]0;t\x07", "\r", "\x7f", "\x85", "\u202e", "\u2066", "\ufeff", "\ud7ff",
           "\t", "\x0c", "\u2028"]
MARKUP = {
    ".txt": ["\n", "\n\n", ". ", "| ", " | ", "\t"],
    ".md": ["\n", "\n\n", "# ", "- ", "```\n", "`", "[x](http://a.b/1)", "<!-- factcheck: ignore -->", "**",
            "---\ndate: 2015-02-22\n---\n", "&amp;", "    "],
    ".html": ["<p>", "</p>", "<br>", "<td>", "</td>", "<script>1</script>", "&nbsp;", "&#8217;", "&#" + "9" * 50 + ";",
              "<!--", "-->", "<b>", "</b>"],
    ".srt": ["\n", "\n\n", "1\n", "00:00:01,000 --> 00:00:02,000\n", "<i>", "</i>", "99999999999999:00:01,000 --> 0:0:2,0\n"],
    ".vtt": ["WEBVTT\n\n", "\n", "\n\n", "00:01.000 --> 00:02.000\n", "<v Park>", "00:0x.000 --> 00:03.000\n",
             "NOTE x\n\n"],
}


@st.composite
def documents(draw) -> tuple[str, bytes]:
    """A file name and its bytes: figures, words of many scripts, controls and markup of its format."""
    suffix = draw(st.sampled_from(sorted(MARKUP)))
    piece = st.one_of(st.sampled_from(FIGURES), st.sampled_from(WORDS), st.sampled_from(CONTROL),
                      st.sampled_from(MARKUP[suffix]), st.text(max_size=6))
    parts = draw(st.lists(st.tuples(piece, st.sampled_from([" ", "", "\n", ", "])), max_size=40))
    text = "".join(p + sep for p, sep in parts)
    if draw(st.integers(0, 9)) == 0:  # a very long line without an end, or a table of them
        text += draw(st.sampled_from(["Row 12 sales $5 million up 8% from 1600 units ", "x" * 97 + " "])) * 40
    if suffix == ".srt" and draw(st.booleans()):
        text = f"1\n00:00:01,000 --> 00:00:02,000\n{text}\n"
    if suffix == ".vtt" and draw(st.booleans()):
        text = f"WEBVTT\n\n00:01.000 --> 00:02.000\n{text}\n"
    data = text.encode("utf-8") + draw(st.sampled_from([b"", b"", b" caf\xe9 \x81\xff"]))  # some not UTF-8
    return f"doc{suffix}", data


@pytest.fixture(scope="module", autouse=True)
def one_rulebook():
    book = load_rulebook()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(factcheck.session, "rulebook", lambda config: book)
        yield


SETTINGS = Settings(config=Config(), date=None, fail_on="error", options=CheckOptions(), lock=Path("factcheck.lock"))


FOLDER = tempfile.TemporaryDirectory(prefix="factcheck-properties-")  # one place: reports name the same path


def scanned(name: str, data: bytes):
    path = Path(FOLDER.name, name)
    path.write_bytes(data)
    return scan([str(path)], SETTINGS)


def rendered(report) -> dict[str, str]:
    from rich.console import Console

    console = Console(record=True, width=100, file=open(os.devnull, "w"))
    render_text(report, console)
    return {"text": console.export_text(), **{name: render(report, "0") for name, render in RENDERERS.items()}}


@PROPERTY
@given(documents())
def test_a_scan_never_fails_on_its_own_and_every_claim_is_where_it_says(document):
    name, data = document
    report = scanned(name, data)
    assert not [e for e in report.errors if e.message.startswith("internal error")], report.errors
    text, _ = decode(data)
    line_starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
    for doc in report.documents:
        for claim in doc.claims:
            assert 0 <= claim.start < claim.end <= len(text)
            assert claim.text == text[claim.start:claim.end]
            line = max(n for n, at in enumerate(line_starts) if at <= claim.start)
            assert (claim.line, claim.column) == (line + 1, claim.start - line_starts[line] + 1)
        for check in doc.checks:
            assert 1 <= check.line and 1 <= check.column


@PROPERTY
@given(documents())
def test_every_report_is_valid_and_the_same_bytes_twice(document):
    name, data = document
    first, second = rendered(scanned(name, data)), rendered(scanned(name, data))
    assert first == second
    VALIDATOR.validate(json.loads(first["json"]))
    assert "\x1b" not in first["text"] and "\u202e" not in first["text"]


def test_the_rules_are_frozen_while_a_scan_runs_and_handed_back_after_it():
    counts: list[int] = []
    report = scan([str(Path(FOLDER.name, "absent.txt"))], SETTINGS,
                  progress=lambda outcomes: (counts.append(gc.get_freeze_count()) or outcome for outcome in outcomes))
    assert report.errors and counts and counts[0] > 0
    assert gc.get_freeze_count() == 0
