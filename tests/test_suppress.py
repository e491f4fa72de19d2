from __future__ import annotations

import json

import pytest

from factcheck.errors import InputError
from factcheck.suppress import (Baseline, Suppression, fingerprint, in_baseline, is_suppressed, read_baseline,
                                suppressions, write_baseline)

TEXT = """Trade was $9 million before.

<!-- factcheck: ignore -->
China's was 58 times that,
or $6.5 billion.

Later the debt was $11 billion.
<!-- factcheck: ignore Ratio, sum -->
Russia wrote off $10 billion, 90 percent.

Nothing is silenced here: $1 billion.
"""


def at(fragment: str) -> int:
    return TEXT.index(fragment)


def test_ignore_covers_the_next_paragraph_only():
    found = suppressions(TEXT)
    for fragment in ("58 times", "$6.5 billion"):
        assert is_suppressed(found, "multiplier", at(fragment))
    for fragment in ("$9 million", "$11 billion", "$1 billion"):
        assert not is_suppressed(found, "multiplier", at(fragment))


def test_typed_ignore_covers_only_its_types_case_insensitively():
    found = suppressions(TEXT)
    assert found[1].types == frozenset({"ratio", "sum"})
    assert is_suppressed(found, "ratio", at("$10 billion"))
    assert is_suppressed(found, "SUM", at("90 percent"))
    assert not is_suppressed(found, "part_of_whole", at("$10 billion"))
    assert not is_suppressed(found, "ratio", at("$1 billion"))


def test_the_paragraph_may_start_after_blank_lines_or_on_the_comment_line():
    text = "<!-- factcheck: ignore -->\n\n\nFirst $1.\nStill $2.\n\nFree $3."
    found = suppressions(text)
    assert found == [Suppression(0, text.index("\n\nFree"), None)]
    assert is_suppressed(found, "sum", text.index("$2"))
    assert not is_suppressed(found, "sum", text.index("$3"))
    inline = "Before $0.\n<!-- factcheck: ignore --> Here $1.\n\nAfter $2."
    found = suppressions(inline)
    assert is_suppressed(found, "sum", inline.index("$1"))
    assert not is_suppressed(found, "sum", inline.index("$0"))
    assert not is_suppressed(found, "sum", inline.index("$2"))


def test_ignore_file_covers_the_whole_document():
    text = "First $1.\n\nSecond $2.\n<!--factcheck: ignore-file lock-->\n"
    found = suppressions(text)
    assert found == [Suppression(0, len(text), frozenset({"lock"}))]
    assert is_suppressed(found, "lock", 0)
    assert not is_suppressed(found, "sum", 0)


def test_other_comments_suppress_nothing():
    text = "<!-- a note -->\n<!-- factcheck: ignoring -->\n<!-- factcheck ignore -->\nIt cost $5.\n"
    assert suppressions(text) == []


def test_fingerprint_identifies_what_a_finding_says_not_where_it_is():
    base = fingerprint("ratio", ["58 times", "$9 million"], "China's was 58 times   that.\n")
    assert len(base) == 16 and int(base, 16) >= 0
    assert fingerprint("ratio", ["$9 million", "58 times"], "China's was 58 times that.") == base
    assert fingerprint("sum", ["58 times", "$9 million"], "China's was 58 times that.") != base
    assert fingerprint("ratio", ["59 times", "$9 million"], "China's was 58 times that.") != base
    assert fingerprint("ratio", ["58 times", "$9 million"], "China's was 59 times that.") != base


def test_baseline_round_trip_sorted_and_unique(tmp_path):
    path = tmp_path / "baseline.json"
    findings = [("b.txt", "sum", "00ff"), ("a.txt", "ratio", "11aa"), ("b.txt", "sum", "00ff")]
    write_baseline(path, findings, ["a.txt", "b.txt"])
    data = json.loads(path.read_text())
    assert data["findings"] == [{"path": "a.txt", "type": "ratio", "fingerprint": "11aa"},
                                {"path": "b.txt", "type": "sum", "fingerprint": "00ff"}]
    assert path.read_text().endswith("}\n")
    baseline = read_baseline(path)
    assert in_baseline(baseline, ("a.txt", "ratio", "11aa"))
    assert not in_baseline(baseline, ("a.txt", "sum", "11aa"))
    assert not in_baseline(baseline, ("c.txt", "ratio", "11aa"))
    assert in_baseline(Baseline(frozenset()), ("a.txt", "ratio", "11aa")) is False


def test_writing_a_baseline_replaces_the_scanned_documents_and_keeps_the_others(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(path, [("a.txt", "sum", "0a"), ("b.txt", "sum", "0b")], ["a.txt", "b.txt"])
    write_baseline(path, [("b.txt", "ratio", "1b")], ["b.txt", "c.txt"])
    assert sorted(read_baseline(path).entries) == [("a.txt", "sum", "0a"), ("b.txt", "ratio", "1b")]


@pytest.mark.parametrize("content, why", [
    ("[]", 'expected an object with "schema": "factcheck-baseline/1"'),
    ('{"schema": "factcheck-baseline/1"}', '"findings" must be a list'),
    ('{"schema": "factcheck-baseline/1", "findings": [{"path": "a", "type": "sum"}]}',
     "finding 1 needs string path, type and fingerprint"),
    ("{", "invalid JSON at line 1"),
    ('{"schema": "factcheck-baseline/1", "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
])
def test_a_bad_baseline_is_one_clear_error(tmp_path, content, why):
    path = tmp_path / "baseline.json"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        read_baseline(path)
    assert str(caught.value) == f"{path}: not a factcheck baseline file: {why}"


def test_off_and_on_silence_a_region_across_paragraphs():
    text = "Free $0.\n<!-- factcheck: off -->\nA $1.\n\nB $2.\n<!-- factcheck: on -->\nFree $3.\n"
    found = suppressions(text)
    assert is_suppressed(found, "sum", text.index("$1")) and is_suppressed(found, "ratio", text.index("$2"))
    assert not is_suppressed(found, "sum", text.index("$0")) and not is_suppressed(found, "sum", text.index("$3"))


def test_a_typed_region_and_one_never_switched_on_again():
    text = "<!-- factcheck: off ratio -->\nA $1.\n<!-- factcheck: on ratio -->\nB $2.\n<!-- factcheck: off -->\nC $3."
    found = suppressions(text)
    assert is_suppressed(found, "ratio", text.index("$1")) and not is_suppressed(found, "sum", text.index("$1"))
    assert not is_suppressed(found, "ratio", text.index("$2"))
    assert is_suppressed(found, "sum", text.index("$3"))


@pytest.mark.parametrize("comment", ["ignore multipler", "ignore-file ratios", "off sums"])
def test_an_unknown_check_type_is_an_error_naming_the_line(comment):
    with pytest.raises(InputError, match=rf"^line 2: <!-- factcheck: {comment.split()[0]} -->: unknown check type"):
        suppressions(f"First $1.\n<!-- factcheck: {comment} -->\nSecond $2.")
