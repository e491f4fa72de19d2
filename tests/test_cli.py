"""The command line end to end: scan, diff, lock, rules, schema; formats, exit codes, config,
suppressions and baselines, with errors as one line on stderr."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import factcheck.parallel
import factcheck.pipeline
import factcheck.extract.rulebook
import factcheck.session
from factcheck.cli import app
from factcheck.extract.rulebook import Rulebook, load_rulebook
from factcheck.schema import diff_schema, report_schema

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "herald-interview-russia-north-korea-2015.txt"
SARIF_SCHEMA = HERE / "sarif-schema-2.1.0.json"
DEBT = "$10 billion of Pyongyang"
DEBT_EDIT = "$12 billion of Pyongyang"


LOADED: dict[tuple[Path, ...], Rulebook] = {}


def shared_load(user_dirs: list[Path] | None = None) -> Rulebook:
    key = tuple(user_dirs or ())
    if key not in LOADED:
        LOADED[key] = load_rulebook(list(key))
    return LOADED[key]


@pytest.fixture(autouse=True)
def load_the_rules_once(monkeypatch):
    """Every command loads the rule files afresh; here the commands share one load per set of directories."""
    monkeypatch.setattr(factcheck.session, "load_rulebook", shared_load)
    monkeypatch.setattr(factcheck.extract.rulebook, "load_rulebook", shared_load)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input, prog_name="factcheck")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def copy(tmp_path, seed_text):
    """Write the seed (edited by replacing pairs) to a file in tmp_path."""

    def write(name: str = "seed.txt", *edits: tuple[str, str], prefix: str = "") -> Path:
        text = seed_text
        for old, new in edits:
            assert old in text
            text = text.replace(old, new)
        path = tmp_path / name
        path.write_text(prefix + text, encoding="utf-8")
        return path

    return write


def report_of(result) -> dict:
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema())
    return report


def verdicts(report: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for doc in report["documents"]:
        for check in doc["checks"]:
            found.setdefault(check["type"], []).append(check["verdict"])
    return found


def one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("factcheck: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    return result.stderr


# --- scan ------------------------------------------------------------------------------------

def test_scan_the_seed_as_json(seed_text):
    result = run("scan", SEED, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = report_of(result)
    (doc,) = report["documents"]
    assert doc["path"] == str(SEED) and doc["document_date"] == "2015-02-22"
    for claim in doc["claims"]:
        assert seed_text[claim["start"]:claim["end"]] == claim["text"]
    assert {"$9 million", "$103 million", "58 times", "40,000 tons"} <= {c["text"] for c in doc["claims"]}
    assert verdicts(report)["part_of_whole"] == ["consistent"]
    assert report["summary"]["claims"] == len(doc["claims"])


def test_scan_the_seed_as_text():
    result = run("scan", SEED, "-v")
    assert result.exit_code == 0, result.stderr
    for words in ("$103 million", "58 times", "part_of_whole", "2015-02-22"):
        assert words in result.stdout
    assert "\x1b[" not in result.stdout  # no colour codes when not in a terminal


def test_scan_reads_standard_input():
    result = run("scan", "-", "--format", "json", "--date", "2015-02-22",
                 input="Russia waived $10 billion of Pyongyang's $11 billion debt last year.")
    assert result.exit_code == 0, result.stderr
    (doc,) = report_of(result)["documents"]
    assert doc["path"] == "-"
    assert [(c["text"], c["value"]) for c in doc["claims"]] == [
        ("$10 billion", 10_000_000_000), ("$11 billion", 11_000_000_000), ("last year", "2014")]


def test_a_directory_is_walked_for_text_files_skipping_hidden_ones(tmp_path):
    (tmp_path / "b.md").write_text("# Notes\n\nIt cost **$5 million** in 2013.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("It cost $7 million.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("It cost $9 million.\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    result = run("scan", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    documents = report_of(result)["documents"]
    assert [Path(d["path"]).name for d in documents] == ["a.txt", "b.md"]
    assert [[c["text"] for c in d["claims"] if c["kind"] == "money"] for d in documents] == [["$7 million"], ["$5 million"]]


def test_an_inconsistent_edit_exits_1(copy):
    result = run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "--format", "json")
    assert result.exit_code == 1
    assert verdicts(report_of(result))["part_of_whole"] == ["inconsistent"]


def test_fail_on_never_exits_0_and_fail_on_warning_catches_the_approximate_check(copy):
    assert run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "--fail-on", "never", "-q").exit_code == 0
    result = run("scan", SEED, "--fail-on", "warning", "--format", "json")
    assert result.exit_code == 1
    assert "approximate" in verdicts(report_of(result))["multiplier"]
    assert run("scan", SEED, "--fail-on", "error", "-q").exit_code == 0


def test_a_missing_file_is_one_line_on_stderr_and_nothing_on_stdout(tmp_path):
    message = one_line_error(run("scan", tmp_path / "absent.txt", "--format", "json"))
    assert "absent.txt" in message


@pytest.mark.parametrize("date", ["2015-13-01", "yesterday", "22/02/2015"])
def test_a_bad_date_exits_2(date):
    assert date in one_line_error(run("scan", SEED, "--date", date))


def test_a_malformed_rules_directory_exits_2_naming_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text('family = "x"\n\n[[rules]]\nid = "x.y"\nkind = "count"\npattern = "(oops"\n',
                                    encoding="utf-8")
    message = one_line_error(run("scan", SEED, "--rules", rules))
    assert f"{rules / 'bad.toml'}:4:" in message


def test_a_user_rules_directory_adds_claims(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "zork.toml").write_text(
        "family = 'zork'\nkind = 'money'\n[[rules]]\nid = 'zork.amount'\npattern = '(?P<amount>{digits})\\s+zorkmids'\n"
        "set = { unit = 'ZMD' }\n", encoding="utf-8")
    result = run("scan", "-", "--rules", rules, "--format", "json", input="It cost 40 zorkmids.")
    (doc,) = report_of(result)["documents"]
    assert [(c["rule"], c["unit"]) for c in doc["claims"]] == [("zork.amount", "ZMD")]


def test_sarif_output_validates_against_the_official_schema(copy):
    result = run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert any(r["level"] == "error" for r in log["runs"][0]["results"])


def test_github_output_is_workflow_commands(copy):
    result = run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any(line.startswith("::error file=") and "part_of_whole" in line for line in lines)


def test_markdown_output_names_the_finding(copy):
    result = run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "--format", "markdown")
    assert result.exit_code == 1
    assert result.stdout.startswith("## factcheck report")
    assert "1 inconsistent" in result.stdout and "part of whole" in result.stdout and "\\$12 billion" in result.stdout


# --- configuration, suppression, baseline ----------------------------------------------------------

def test_a_config_file_sets_fail_on(tmp_path, copy):
    (tmp_path / ".factcheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    edited = copy("edited.txt", (DEBT, DEBT_EDIT))
    result = run("scan", edited, "--format", "json")
    assert result.exit_code == 0
    assert verdicts(report_of(result))["part_of_whole"] == ["inconsistent"]
    assert run("scan", edited, "--fail-on", "error", "-q").exit_code == 1  # the command line wins


def test_a_config_file_sets_the_format(tmp_path, copy):
    (tmp_path / ".factcheck.toml").write_text('format = "json"\n', encoding="utf-8")
    report_of(run("scan", copy()))


def test_an_unknown_config_key_exits_2_naming_it(tmp_path, copy):
    (tmp_path / ".factcheck.toml").write_text('fail_on = "never"\nfial_on = "error"\n', encoding="utf-8")
    assert "fial_on" in one_line_error(run("scan", copy()))


def test_an_inline_comment_suppresses_a_check_in_the_next_paragraph(copy):
    marked = copy("marked.md", (DEBT, DEBT_EDIT), ("To jump-start", "<!-- factcheck: ignore part_of_whole -->\nTo jump-start"))
    result = run("scan", marked, "--format", "json")
    assert "part_of_whole" not in verdicts(report_of(result))
    assert result.exit_code == 0
    plain = copy("plain.md", (DEBT, DEBT_EDIT))
    assert verdicts(report_of(run("scan", plain, "--format", "json")))["part_of_whole"] == ["inconsistent"]


def test_a_baseline_silences_the_findings_it_records(tmp_path, copy):
    edited = copy("edited.txt", (DEBT, DEBT_EDIT))
    baseline = tmp_path / "baseline.json"
    written = run("scan", edited, "--write-baseline", baseline)
    assert written.exit_code == 0 and written.stdout == ""
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    result = run("scan", edited, "--baseline", baseline, "--format", "json")
    assert result.exit_code == 0
    checks = [c for d in report_of(result)["documents"] for c in d["checks"]]
    assert all(c["verdict"] == "consistent" for c in checks)


# --- rules and schema --------------------------------------------------------------------------------

def test_rules_list_names_every_rule_and_frame():
    result = run("rules", "list")
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert {"money.sign-amount", "ratio.times", "date.year-range", "part.of-the"} <= set(ids)
    assert len(ids) == len(set(ids))


def test_rules_test_passes_the_builtin_rules():
    result = run("rules", "test")
    assert result.exit_code == 0, result.stdout[-2000:]
    last = result.stdout.splitlines()[-1]
    passed = int(last.split()[0])
    assert last == f"{passed} passed, 0 failed" and passed > 100


def test_rules_test_fails_on_a_user_rule_whose_example_fails(tmp_path):
    (tmp_path / "user.toml").write_text(
        "family = 'zork'\nkind = 'money'\n[[rules]]\nid = 'zork.amount'\npattern = '(?P<amount>{digits})\\s+zorkmids'\n"
        "set = { unit = 'ZMD' }\nexamples = [{ texts = ['«40 zorkmids»'], value = 41 }]\n", encoding="utf-8")
    result = run("rules", "test", tmp_path)
    assert result.exit_code == 1
    (failure,) = [line for line in result.stdout.splitlines() if "zork.amount" in line]
    assert failure.startswith(f"{tmp_path / 'user.toml'}:") and "value is 40, expected 41" in failure
    assert re.fullmatch(r"\d+ passed, [1-9]\d* failed", result.stdout.splitlines()[-1])


def test_schema_prints_the_report_schema():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == report_schema()
    assert json.loads(run("schema", "--diff").stdout) == diff_schema()


# --- diff -------------------------------------------------------------------------------------------

@pytest.fixture
def pair(copy):
    return copy("old.txt"), copy("new.txt", (DEBT, DEBT_EDIT))


def test_diff_names_exactly_the_changed_figure(pair):
    result = run("diff", *pair, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, diff_schema())
    (change,) = report["changes"]
    assert (change["change"], change["old"]["text"], change["new"]["text"]) == ("changed", "$10 billion", "$12 billion")


def test_diff_of_identical_files_exits_0(copy):
    result = run("diff", copy("old.txt"), copy("same.txt"), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["changes"] == []


def test_diff_text_markdown_sarif_and_github(pair):
    text = run("diff", *pair)
    assert text.exit_code == 1 and "$12 billion" in text.stdout and "1 changed" in text.stdout
    markdown = run("diff", *pair, "--format", "markdown").stdout
    assert markdown.startswith("## ") and "| change |" in markdown and "$12 billion" in markdown
    sarif = json.loads(run("diff", *pair, "--format", "sarif").stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    assert len(sarif["runs"][0]["results"]) == 1
    github = run("diff", *pair, "--format", "github").stdout.splitlines()
    assert len(github) == 1 and github[0].startswith("::error file=") and "new.txt" in github[0]


def test_diff_fail_on_never_exits_0(pair):
    assert run("diff", *pair, "--fail-on", "never").exit_code == 0


def test_diff_needs_two_files(pair):
    one_line_error(run("diff", pair[0]))


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=repo,
                   check=True, capture_output=True)


def test_diff_against_a_git_revision(tmp_path, copy):
    path = copy("article.txt")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "article.txt")
    git(tmp_path, "commit", "-q", "-m", "first")
    copy("article.txt", (DEBT, DEBT_EDIT))
    result = run("diff", "--rev", "HEAD", path, "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["old"] == f"HEAD:{path}"
    assert [(c["old"]["text"], c["new"]["text"]) for c in report["changes"]] == [("$10 billion", "$12 billion")]
    one_line_error(run("diff", "--rev", "no-such-revision", path))


def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        (folder / "sub").mkdir(parents=True)
    (old / "a.txt").write_text("It cost $5 million.\n", encoding="utf-8")
    (new / "a.txt").write_text("It cost $7 million.\n", encoding="utf-8")
    (old / "sub" / "gone.md").write_text("Sales were 40,000 tons.\n", encoding="utf-8")
    (new / "sub" / "fresh.txt").write_text("It rose 10% in 2014.\n", encoding="utf-8")
    return old, new


def test_diff_takes_two_directories_pairing_files_by_relative_path(tmp_path):
    """A directory gave 'cannot read: Is a directory'."""
    old, new = two_folders(tmp_path)
    result = run("diff", old, new, "-f", "concise")
    assert result.exit_code == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"{new.as_posix()}/a.txt:1:9: error [figure-changed] '$5 million' → '$7 million'",
        f"{new.as_posix()}/sub/fresh.txt:1:9: error [figure-added] nothing → '10%'",
        f"{new.as_posix()}/sub/fresh.txt:1:16: error [figure-added] nothing → '2014'",
        f"{old.as_posix()}/sub/gone.md:1:12: error [figure-removed] '40,000 tons' → nothing",
    ]
    reports = json.loads(run("diff", old, new, "-f", "json").stdout)
    for report in reports:
        jsonschema.validate(report, diff_schema())
    assert [r["new"] for r in reports] == [f"{new.as_posix()}/{rel}" for rel in ("a.txt", "sub/fresh.txt", "sub/gone.md")]
    sarif = json.loads(run("diff", old, new, "-f", "sarif").stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    assert len(sarif["runs"][0]["results"]) == 4
    assert "one of each" in one_line_error(run("diff", old, new / "a.txt"))
    same = run("diff", old, old)
    assert (same.exit_code, same.stdout) == (0, "No figure changed in 2 files.\n")


def test_diff_of_a_directory_against_a_git_revision(tmp_path):
    old, _ = two_folders(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "old")
    git(tmp_path, "commit", "-q", "-m", "first")
    (old / "a.txt").write_text("It cost $6 million.\n", encoding="utf-8")
    result = run("diff", "--rev", "HEAD", old, "-f", "concise")
    assert result.exit_code == 1, result.stderr
    assert result.stdout == f"{old.as_posix()}/a.txt:1:9: error [figure-changed] '$5 million' → '$6 million'\n"


# --- lock -------------------------------------------------------------------------------------------

def test_lock_then_scan_locked(tmp_path, monkeypatch, copy, seed_text):
    monkeypatch.chdir(tmp_path)
    copy("article.txt")
    written = run("lock", "article.txt")
    assert written.exit_code == 0, written.stderr
    lock = json.loads((tmp_path / "factcheck.lock").read_text(encoding="utf-8"))
    assert list(lock["documents"]) == ["article.txt"] and lock["documents"]["article.txt"]
    assert "exists" in one_line_error(run("lock", "article.txt"))
    assert run("lock", "article.txt", "--update").exit_code == 0

    assert run("scan", "--locked", "article.txt", "-q").exit_code == 0

    copy("article.txt", ("$250 million", "$350 million"))
    result = run("scan", "--locked", "article.txt", "--format", "json")
    assert result.exit_code == 1
    (finding,) = [c for d in report_of(result)["documents"] for c in d["checks"] if c["type"] == "lock"]
    assert "$350 million" in finding["explanation"] and finding["verdict"] == "inconsistent"

    copy("article.txt", ("Moscow agreed to fund a $25 billion project last year that would modernize",
                         "Moscow promised to finance a $25 billion project last year meant to modernize"))
    assert run("scan", "--locked", "article.txt", "-q").exit_code == 0


def test_the_lock_is_keyed_relative_to_its_own_folder_so_a_subfolder_scan_matches(tmp_path, monkeypatch, copy):
    """From a subfolder, every figure was reported as added (42 false errors)."""
    (tmp_path / "interviews").mkdir()
    copy("interviews/seed.txt")
    monkeypatch.chdir(tmp_path)
    assert run("lock", "interviews/seed.txt").exit_code == 0
    assert list(json.loads((tmp_path / "factcheck.lock").read_text())["documents"]) == ["interviews/seed.txt"]
    monkeypatch.chdir(tmp_path / "interviews")
    result = run("scan", "--locked", "--lock", "../factcheck.lock", "seed.txt", "-f", "concise")
    assert "[lock]" not in result.stdout and result.exit_code == 0


def test_an_unlocked_document_is_one_finding_that_suggests_lock_update(tmp_path, monkeypatch, copy):
    monkeypatch.chdir(tmp_path)
    copy("old.txt")
    copy("new.txt")
    assert run("lock", "old.txt").exit_code == 0
    result = run("scan", "--locked", "new.txt", "-f", "concise")
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "[lock]" in line] == [
        "new.txt:1:1: error [lock] not in the lock: run 'factcheck lock --update new.txt' to lock its 42 figures"]
    text = run("scan", "--locked", "new.txt").stdout
    assert "1 lock finding (run 'factcheck lock --update' to accept the figures as they are now)" in " ".join(text.split())


# --- reliability: one document never sinks the others --------------------------------------------

def five_documents(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(1, 5):
        (folder / f"d{n}.txt").write_text(f"It cost ${n} million in 2013.\n", encoding="utf-8")
    (folder / "d5.srt").write_text("This is not a subtitle file at all.\n", encoding="utf-8")
    return folder


def test_a_document_that_cannot_be_read_is_an_error_entry_and_the_others_are_reported(tmp_path):
    """One failing document in a folder of five gave no JSON at all."""
    folder = five_documents(tmp_path)
    result = run("scan", folder, "--format", "json")
    assert result.exit_code == 2
    report = report_of(result)
    assert [Path(d["path"]).name for d in report["documents"]] == ["d1.txt", "d2.txt", "d3.txt", "d4.txt"]
    assert report["errors"] == [{"path": f"{folder.as_posix()}/d5.srt",
                                 "message": "not a valid SRT file: no subtitle block can be read at line 1"}]
    assert result.stderr == (f"factcheck: {folder.as_posix()}/d5.srt: not a valid SRT file: "
                             "no subtitle block can be read at line 1\n")


def test_an_internal_error_in_one_document_is_that_documents_error(tmp_path, monkeypatch):
    folder = five_documents(tmp_path)
    (folder / "d5.srt").unlink()
    real = factcheck.session.scan_document

    def broken(doc, *args, **kwargs):
        if doc.path.endswith("d3.txt"):
            raise TypeError("unsupported operand type(s) for -: 'NoneType' and 'int'")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(factcheck.session, "scan_document", broken)
    result = run("scan", folder)
    assert result.exit_code == 2
    assert "3 documents" in result.stdout
    assert "d1.txt" in run("scan", folder, "-v").stdout
    assert result.stderr == (f"factcheck: {folder.as_posix()}/d3.txt: internal error: TypeError: unsupported operand "
                             "type(s) for -: 'NoneType' and 'int' (set FACTCHECK_DEBUG=1 for the traceback)\n")
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    debug = run("scan", folder)
    assert debug.exit_code == 2 and "Traceback (most recent call last)" in debug.stderr and "3 documents" in debug.stdout


def test_document_errors_are_tool_notifications_in_sarif(tmp_path):
    result = run("scan", five_documents(tmp_path), "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("docs/d5.srt")


def test_an_unreadable_subfolder_is_named_and_the_exit_is_2(tmp_path, monkeypatch):
    """It was skipped in silence, with exit 0."""
    folder = five_documents(tmp_path)
    (folder / "d5.srt").unlink()
    (folder / "private").mkdir()
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: (_ for _ in ()).throw(PermissionError(13, "Permission denied", str(path)))
                        if Path(path).name == "private" else real_scandir(path))
    result = run("scan", folder, "--format", "json")
    assert result.exit_code == 2
    report = report_of(result)
    assert len(report["documents"]) == 4
    assert report["errors"] == [{"path": f"{folder.as_posix()}/private", "message": "cannot read this folder: Permission denied"}]
    assert result.stderr == f"factcheck: {folder.as_posix()}/private: cannot read this folder: Permission denied\n"


def test_lock_keeps_the_entries_of_a_document_it_cannot_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = five_documents(tmp_path)
    (folder / "d5.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nIt cost $5 million.\n", encoding="utf-8")
    assert run("lock", "docs").exit_code == 0
    (folder / "d5.srt").write_text("This is not a subtitle file at all.\n", encoding="utf-8")
    result = run("lock", "--update", "docs")
    assert result.exit_code == 2 and "d5.srt: not a valid SRT file" in result.stderr
    assert len(json.loads((tmp_path / "factcheck.lock").read_text())["documents"]) == 5


# --- usage errors, input that must not steer the tool ---------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["scan", "--bogus", "x"], "factcheck scan: No such option: --bogus (Possible options: --jobs, --verbose) (try 'factcheck scan --help')"),
    (["scan", "--selct", "x"], "factcheck scan: No such option: --selct (Possible options: --help, --lock, --select)"
                               " (try 'factcheck scan --help')"),
    (["scan", "--format", "xml", "x"], "factcheck scan: Invalid value for '--format' / '-f': 'xml' is not one of"
                                       " 'text', 'concise', 'json', 'jsonl', 'sarif', 'github', 'markdown', 'html'. (try 'factcheck scan --help')"),
    (["nope"], "factcheck: No such command 'nope'. (try 'factcheck --help')"),
    ([], "factcheck: Missing command. (try 'factcheck --help')"),
    (["rules"], "factcheck rules: Missing command. (try 'factcheck rules --help')"),
])
def test_a_usage_error_is_one_line_and_exit_2(args, message):
    """typer printed a 5-6 line box."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_diff_refuses_an_option_or_an_empty_string_as_the_revision(tmp_path, copy):
    """--rev=--output=FILE was passed to git show as an option and wrote FILE; --rev '' compared with the index."""
    path = copy("article.txt")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "article.txt")
    git(tmp_path, "commit", "-q", "-m", "first")
    written = tmp_path / "written-by-git"
    assert "is an option, not a revision" in one_line_error(run("diff", f"--rev=--output={written}", path))
    assert not written.exists()
    assert "the revision is empty" in one_line_error(run("diff", "--rev", "", path))
    assert "holds characters no revision name has" in one_line_error(run("diff", "--rev", "HEAD\n--output=x", path))


def test_escape_sequences_in_a_document_never_reach_the_terminal(tmp_path):
    doc = tmp_path / "esc\x1b]0;title\x07name.txt"
    doc.write_text("Sales rose \x1b[31m12%\x1b[0m to $5 million.\x1b]0;pwned\x07 \u202e7 people.\n", encoding="utf-8")
    result = run("scan", doc)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "12%" in result.stdout and "escname.txt" in result.stdout
    assert "0m" not in [c["text"] for d in report_of(run("scan", doc, "--format", "json"))["documents"]
                        for c in d["claims"]]  # "\x1b[0m" is no figure of 0 metres
    message = one_line_error(run("scan", tmp_path / "absent\x1b[2J\nforged.txt"))
    assert "\x1b" not in message and "absent" in message


def test_rules_list_shows_no_control_characters(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "zork.toml").write_text(
        "family = 'zork'\nkind = 'count'\n[[rules]]\nid = 'zork.x'\npattern = 'zork'\n"
        "name = \"Zork\\u001b[31m red\\nforged\\tcolumn\"\n", encoding="utf-8")
    result = run("rules", "list", "--rules", rules)
    assert result.exit_code == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("zork.x")]
    assert line.split("\t")[-1] == "Zork red forged column" and "\x1b" not in result.stdout


def test_file_names_and_claim_texts_stay_escaped_in_github_commands_and_sarif(tmp_path):
    doc = tmp_path / "a,b::c%0A\nd.txt"
    doc.write_text("Russia waived $12 billion of Pyongyang’s $11 billion debt from the Soviet era.\n", encoding="utf-8")
    github = run("scan", doc, "--format", "github")
    assert github.exit_code == 1
    (command,) = github.stdout.splitlines()
    assert command.startswith("::error file=") and "a%2Cb%3A%3Ac%250A%0Ad.txt" in command
    sarif = json.loads(run("scan", doc, "--format", "sarif").stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("a,b::c%0A\nd.txt")  # JSON escapes it; the SARIF viewer shows the real name


# --- limits of the files it reads and writes -----------------------------------------------------

@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_input_is_one_documents_error():
    result = run("scan", "/dev/zero", "--format", "json")
    assert result.exit_code == 2
    assert report_of(result)["errors"] == [{"path": "/dev/zero", "message":
                                            "more than 64 MiB (67108864 bytes), the limit for a document; not read"}]


def test_a_document_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.pipeline, "MAX_DOCUMENT_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("It cost $5. " * 20, encoding="utf-8")
    result = run("scan", big)
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: {big}: more than 0 MiB (100 bytes), the limit for a document; not read\n"


def test_a_full_disk_on_standard_output_is_one_line():
    """Writing to a full disk through stdout was 'internal error: OSError'."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", "schema"],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == "factcheck: cannot write the output: No space left on device\n"


def leaving(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", f"from factcheck.cli import leave\n{code}"], capture_output=True,
                          text=True, timeout=60)


def test_leaving_runs_exit_handlers_and_flushes_and_keeps_the_status():
    done = leaving("import atexit, sys\natexit.register(lambda: print('saved'))\nsys.stdout.write('report')\nleave(3)")
    assert (done.returncode, done.stdout) == (3, "reportsaved\n")
    done = leaving("leave('cannot go on')")
    assert (done.returncode, done.stderr) == (1, "cannot go on\n")
    assert leaving("leave(None)").returncode == 0


def test_leaving_waits_for_a_thread_that_is_not_a_daemon():
    done = leaving("import threading, time\n"
                   "threading.Thread(target=lambda: (time.sleep(0.3), print('thread done', flush=True))).start()\n"
                   "leave(4)")
    assert (done.returncode, done.stdout) == (4, "thread done\n")


SLOW_LOCK_CLI = """
import time
import factcheck.cli, factcheck.lock, factcheck.session
from factcheck.extract.rulebook import build, builtin_rules_dir, parse_toml
paths = [builtin_rules_dir() / name for name in ("common.toml", "percent.toml")]
light = build([(str(p), parse_toml(p, p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8")) for p in paths])
factcheck.session.rulebook = lambda config: light  # the percent rules are enough: the test is about the lock file
read_lock = factcheck.lock.read_lock
def slow_read_lock(path):  # every writer reads the lock on disk, then takes its time to write its own
    found = read_lock(path)
    time.sleep(0.3)
    return found
factcheck.lock.read_lock = factcheck.cli.read_lock = slow_read_lock
factcheck.cli.main()
"""


def test_concurrent_lock_updates_of_different_folders_lose_nothing(tmp_path):
    """In 3 of 6 trials the final lock lacked some folders: the last writer won."""
    folders = ("north", "south", "east")
    for name in folders:
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_text(f"The {name} grew 5%.\n", encoding="utf-8")
    (tmp_path / "factcheck.lock").write_text('{"schema": "factcheck-lock/1", "documents": {}}\n', encoding="utf-8")
    writers = [subprocess.Popen([sys.executable, "-c", SLOW_LOCK_CLI, "lock", "--update", name], cwd=tmp_path,
                                stderr=subprocess.PIPE) for name in folders]
    assert [w.wait() for w in writers] == [0] * len(folders)
    lock = json.loads((tmp_path / "factcheck.lock").read_text(encoding="utf-8"))
    assert sorted(lock["documents"]) == sorted(f"{name}/story.txt" for name in folders)
    assert all(entries for entries in lock["documents"].values())
    assert sorted(os.listdir(tmp_path)) == sorted([*folders, "factcheck.lock"])


STALLED_WRITE = """
import os, sys, time
import factcheck.atomic as atomic
def stalled(fd):  # the temp file is written; the writer is stopped before it is renamed
    print("writing", flush=True)
    time.sleep(60)
atomic.os.fsync = stalled
atomic.write_atomic(atomic.Path(sys.argv[1]), "new content, never seen\\n" * 1000)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_a_writer_terminated_mid_write_removes_its_temp_file(tmp_path):
    """The console script turns SIGTERM into an exception (cli.stop), so cleanup runs."""
    path = tmp_path / "factcheck.lock"
    path.write_text("old content\n")
    terminable = "import signal, factcheck.cli\nsignal.signal(signal.SIGTERM, factcheck.cli.stop)\n" + STALLED_WRITE
    writer = subprocess.Popen([sys.executable, "-c", terminable, str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, cwd=HERE.parent)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGTERM)
    assert writer.wait() == 128 + signal.SIGTERM
    assert path.read_text() == "old content\n"
    assert os.listdir(tmp_path) == ["factcheck.lock"]


# --- the everyday view and linter conventions -------------------------------------------------------

def test_the_first_lines_of_a_scan_of_the_edited_seed_show_the_error_with_its_arithmetic(copy):
    result = CliRunner().invoke(app, ["scan", str(copy("edited.txt", (DEBT, DEBT_EDIT)))], env={"COLUMNS": "250"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✗ ") and lines[0].endswith(":56:44 [part_of_whole] part of whole: the part is larger than the whole")
    assert lines[1] == "    $12 billion of $11 billion: the part exceeds the whole"
    assert lines[-1].startswith("1 document · 42 claims · 16 checks: ✗ 1 inconsistent, ≈ 1 approximate")
    assert "Claims" not in result.stdout and "document date" not in result.stdout
    assert not any(line != line.rstrip() for line in lines)


def test_concise_gives_exactly_one_line_per_finding(copy):
    path = copy("edited.txt", (DEBT, DEBT_EDIT))
    findings = [c for d in report_of(run("scan", path, "-f", "json"))["documents"] for c in d["checks"]
                if c["verdict"] != "consistent"]
    lines = run("scan", path, "--format", "concise").stdout.splitlines()
    assert len(lines) == len(findings) == 4
    assert f"{path}:56:44: error [part_of_whole] part of whole: the part is larger than the whole" in lines
    assert all(re.fullmatch(r"\S+:\d+:\d+: (error|warning|info) \[\w+\] .+", line) for line in lines)


def test_show_claims_and_text_add_the_table_and_the_sentences():
    shown = run("scan", SEED, "--show", "claims").stdout
    assert "Claims" in shown and "document date: 2015-02-22" in shown
    assert "Claims" not in run("scan", SEED, "--show", "text").stdout
    assert "unknown part 'table'" in one_line_error(run("scan", SEED, "--show", "table"))


@pytest.mark.parametrize(("env", "args", "coloured"), [
    ({}, [], False),
    ({"FORCE_COLOR": "1"}, [], True),
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),
    ({"NO_COLOR": "1"}, ["--color", "always"], True),
    ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
])
def test_colour_follows_no_color_force_color_and_the_option(copy, env, args, coloured):
    result = CliRunner().invoke(app, ["scan", str(copy("edited.txt", (DEBT, DEBT_EDIT))), *args], env=env)
    assert ("\x1b[" in result.stdout) == coloured


def test_width_follows_columns_in_a_pipe(copy):
    path = copy("edited.txt", (DEBT, DEBT_EDIT))
    narrow = CliRunner().invoke(app, ["scan", str(path)], env={"COLUMNS": "60"}).stdout
    assert max(map(len, narrow.splitlines())) <= 60
    assert max(map(len, run("scan", path).stdout.splitlines())) > 60


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and re.fullmatch(r"factcheck \d+\.\d+\.\d+\n", result.stdout)


def test_select_ignore_and_min_level(copy):
    path = copy("edited.txt", (DEBT, DEBT_EDIT))
    assert run("scan", path, "-f", "concise", "--select", "part_of_whole").stdout.count("\n") == 1
    ignored = run("scan", path, "-f", "concise", "--ignore", "part_of_whole,ratio")
    assert ignored.exit_code == 0 and "[part_of_whole]" not in ignored.stdout and "[ratio]" not in ignored.stdout
    assert run("scan", path, "-f", "concise", "--min-level", "warning").stdout.count("\n") == 2
    assert run("scan", path, "-f", "concise", "-q").stdout.count("\n") == 2
    message = one_line_error(run("scan", path, "--ignore", "multipler"))
    assert "--ignore: unknown check type or claim kind 'multipler'" in message


def test_statistics_count_checks_per_type_and_verdict(copy):
    result = run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "--statistics")
    assert result.exit_code == 1
    assert "     1  part_of_whole  ✗ inconsistent" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "    16  checks in 1 document"


def test_output_file_is_written_whole_and_stdout_stays_empty(tmp_path, copy):
    target = tmp_path / "report.json"
    result = run("scan", copy("edited.txt", (DEBT, DEBT_EDIT)), "-f", "json", "--output-file", target)
    assert result.exit_code == 1 and result.stdout == ""
    jsonschema.validate(json.loads(target.read_text(encoding="utf-8")), report_schema())
    one_line_error(run("scan", SEED, "-o", tmp_path / "missing" / "out.txt"))


def test_help_reads_like_prose():
    for command in (["--help"], ["scan", "--help"], ["diff", "--help"], ["lock", "--help"], ["rules", "test", "--help"]):
        text = run(*command).stdout
        assert "<" not in text and "{" not in text and "[x>=0]" not in text, command


def test_shell_completion_script():
    """The script `factcheck --install-completion` installs; the environment variable names the shell."""
    result = CliRunner().invoke(app, [], prog_name="factcheck", env={"_FACTCHECK_COMPLETE": "source_bash"})
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert "complete" in result.stdout and "_FACTCHECK_COMPLETE=complete_bash" in result.stdout


def test_a_bad_date_says_why_and_what_is_expected():
    message = one_line_error(run("scan", SEED, "--date", "2015-13-45"))
    assert message == ("factcheck: --date '2015-13-45' is not a date (month must be in 1..12); "
                       "expected YYYY-MM-DD, such as 2015-02-22\n")


def test_missing_facts_file_is_one_clear_line(tmp_path):
    message = one_line_error(run("scan", SEED, "--facts", tmp_path / "missing.toml"))
    assert message == f"factcheck: --facts {tmp_path / 'missing.toml'}: no such file (a TOML or CSV file of reference facts)\n"


def test_a_scan_that_matches_no_document_is_an_error(tmp_path):
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4\0")
    (tmp_path / ".factcheck.toml").write_text('include = ["transcripts/**/*.txt"]\n', encoding="utf-8")
    message = one_line_error(run("scan", folder))
    assert "no document to scan" in message and "transcripts" in message


def test_an_undated_document_with_relative_dates_warns_and_hints_date(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text("Last year sales rose to $5 million. In November the plant opened.\n", encoding="utf-8")
    lines = run("scan", path, "-f", "concise").stdout.splitlines()
    assert lines == [f"{path}:1:1: warning [document] no document date: 2 relative or year-less dates (first "
                     "'Last year' at line 1) cannot be resolved and no check uses them; pass --date YYYY-MM-DD "
                     "(or set date in the config)"]
    assert run("scan", path, "-f", "concise", "--date", "2015-02-22").stdout == ""


def test_a_misspelt_check_type_in_a_suppression_is_that_documents_error(copy):
    path = copy("edited.txt", (DEBT, DEBT_EDIT), prefix="<!-- factcheck: ignore multipler -->\n")
    result = run("scan", path, "-f", "concise")
    assert result.exit_code == 2
    assert result.stderr == (f"factcheck: {path}: line 1: <!-- factcheck: ignore -->: unknown check type 'multipler'; "
                             "expected one of ratio, multiplier, percent_change, part_of_whole, share, sum, difference, "
                             "conversion, anniversary, age, range, date_order, fact, lock\n")


def test_an_off_region_and_per_file_ignores_silence_findings(tmp_path, copy):
    edited = copy("edited.txt", (DEBT, "<!-- factcheck: off -->" + DEBT_EDIT), (" debt from the Soviet era", " debt<!-- factcheck: on --> from the Soviet era"))
    assert "[part_of_whole]" not in run("scan", edited, "-f", "concise").stdout
    (tmp_path / ".factcheck.toml").write_text('[per_file_ignores]\n"plain*.txt" = ["part_of_whole"]\n', encoding="utf-8")
    plain = copy("plain.txt", (DEBT, DEBT_EDIT))
    result = run("scan", plain, "-f", "concise")
    assert result.exit_code == 0 and "[part_of_whole]" not in result.stdout and "[multiplier]" in result.stdout


def test_html_report_of_a_file_and_of_a_folder(tmp_path, copy):
    (tmp_path / "docs").mkdir()
    edited = copy("docs/edited.txt", (DEBT, DEBT_EDIT))
    copy("docs/plain.txt")
    page = tmp_path / "report.html"
    result = run("scan", edited, "-f", "html", "-o", page)
    assert result.exit_code == 1 and result.stdout == ""
    text = page.read_text(encoding="utf-8")
    assert 'class="check verdict-inconsistent"' in text and "$12 billion of $11 billion" in text
    assert text.count("<mark ") == 42
    folder = run("scan", tmp_path / "docs", "-f", "html").stdout
    assert '<nav id="index">' in folder and folder.count('<section class="document"') == 2
    assert "is a report of a scan" in one_line_error(run("diff", edited, edited, "-f", "html"))


# --- jobs and streaming ------------------------------------------------------------------------

@pytest.fixture
def folder(copy):
    for name, edits in (("a.txt", ()), ("b.txt", ((DEBT, DEBT_EDIT),)), ("c.txt", ()), ("d.txt", ((DEBT, DEBT_EDIT),))):
        path = copy(name, *edits)
    (path.parent / "e.txt").write_bytes(b"\xff\xfe broken \x00 bytes")
    return path.parent


@pytest.mark.parametrize("output", ["json", "sarif", "text"])
def test_two_jobs_give_the_same_bytes_as_one(folder, output):
    one = run("scan", folder, "--format", output, "--jobs", "1")
    two = run("scan", folder, "--format", output, "--jobs", "2")
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)


def test_spawned_workers_give_the_same_report(folder, monkeypatch):
    one = run("scan", folder, "--format", "json", "--jobs", "1")
    monkeypatch.setattr(factcheck.parallel, "start_method", lambda: "spawn")
    two = run("scan", folder, "--format", "json", "--jobs", "2")
    assert (two.exit_code, two.stdout) == (one.exit_code, one.stdout)


def test_jsonl_is_one_line_per_document_as_in_the_json_report(folder):
    whole = report_of(run("scan", folder, "--format", "json"))
    streamed = run("scan", folder, "--format", "jsonl", "--jobs", "2")
    assert streamed.exit_code == 1  # the inconsistent edit, as with json
    lines = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert lines == whole["documents"] and len(lines) == 5


def test_jobs_must_be_positive(folder):
    assert run("scan", folder, "--jobs", "0").exit_code == 2
