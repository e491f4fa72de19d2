from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.config import Config, glob_regex, ignored_types, load_config, merge, select_files
from factcheck.errors import InputError


def write(path: Path, text: str = "", data: bytes | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_walks_up_from_a_file_to_the_nearest_config(tmp_path):
    config_file = write(tmp_path / "site" / ".factcheck.toml", """
rules = ["house-rules", "/opt/rules"]
facts = "facts.toml"
fail_on = "warning"
tolerance = 0
include = ["*.md"]
exclude = ["drafts"]
date = 2015-02-22
lock = "factcheck.lock"
format = "sarif"
approx_threshold = 0.05
""")
    article = write(tmp_path / "site" / "news" / "2015" / "story.md", "text")
    config = load_config(article)
    site = tmp_path / "site"
    assert config == Config(rules=(site / "house-rules", Path("/opt/rules")), facts=site / "facts.toml",
                            fail_on="warning", tolerance=0.0, include=("*.md",), exclude=("drafts",),
                            date="2015-02-22", lock=site / "factcheck.lock", format="sarif",
                            approx_threshold=0.05, source=config_file)


def test_a_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path / ".factcheck.toml", 'fail_on = "error"\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "x"\n[tool.black]\nline-length = 99\n')
    config = load_config(tmp_path / "pkg")
    assert config.source == tmp_path / ".factcheck.toml" and config.fail_on == "error"


def test_the_nearest_pyproject_table_wins_and_the_dedicated_file_beats_it_in_one_folder(tmp_path):
    write(tmp_path / ".factcheck.toml", 'fail_on = "error"\n')
    pyproject = write(tmp_path / "pkg" / "pyproject.toml", '[tool.factcheck]\nfail_on = "info"\ndate = "2014-12-31"\n')
    config = load_config(tmp_path / "pkg" / "docs")  # a path that does not exist yet starts from its parent
    assert (config.source, config.fail_on, config.date) == (pyproject, "info", "2014-12-31")
    dedicated = write(tmp_path / "pkg" / ".factcheck.toml", 'fail_on = "never"\n')
    assert load_config(tmp_path / "pkg").source == dedicated


def test_no_config_gives_the_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config == Config() and config.source is None and config.rules == ()


def test_an_unknown_key_is_named_with_its_file(tmp_path):
    pyproject = write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail-on = "error"\n')
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == f"{pyproject}: unknown key 'fail-on' in [tool.factcheck]"
    dedicated = write(tmp_path / ".factcheck.toml", 'colour = "red"\n')
    with pytest.raises(InputError, match=r"\.factcheck\.toml: unknown key 'colour'$"):
        load_config(tmp_path)
    assert dedicated.exists()


@pytest.mark.parametrize("line, message", [
    ('tolerance = "0.1"', "key 'tolerance' must be a number >= 0, got '0.1'"),
    ("tolerance = -1", "key 'tolerance' must be a number >= 0, got -1"),
    ("approx_threshold = true", "key 'approx_threshold' must be a number >= 0, got True"),
    ('rules = "rules"', "key 'rules' must be a list of paths, got 'rules'"),
    ("include = [1]", "key 'include' must be a list of strings, got [1]"),
    ('fail_on = "fatal"', "key 'fail_on' must be one of \"error\", \"warning\", \"info\", \"never\", got 'fatal'"),
    ('date = "22/02/2015"', "key 'date' must be a date \"YYYY-MM-DD\", got '22/02/2015'"),
    ('date = "2015-02-30"', "key 'date' must be a date \"YYYY-MM-DD\", got '2015-02-30'"),
    ("lock = 3", "key 'lock' must be a path string, got 3"),
    ('format = "xml"', "key 'format' must be one of \"text\", \"concise\", \"json\", \"jsonl\", \"sarif\", \"github\", \"markdown\", \"html\", got 'xml'"),
])
def test_a_wrong_type_names_key_and_file(tmp_path, line, message):
    config_file = write(tmp_path / ".factcheck.toml", line + "\n")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == f"{config_file}: {message}"


def test_malformed_toml_reports_file_and_line(tmp_path):
    config_file = write(tmp_path / ".factcheck.toml", 'fail_on = "error"\n\ntolerance = \n')
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{config_file}:3: ") and "(at line" not in message


def test_a_utf8_bom_is_accepted(tmp_path):
    """A BOM was a TOML syntax error at line 1."""
    write(tmp_path / ".factcheck.toml", data='\ufefffail_on = "warning"\n'.encode("utf-8"))
    assert load_config(tmp_path).fail_on == "warning"


@pytest.mark.parametrize("text", ["a = " + "[" * 5000 + "]" * 5000 + "\n", "tolerance = 1" + "0" * 5000 + "\n"])
def test_a_config_too_deep_or_with_a_huge_integer_is_one_error(tmp_path, text):
    config_file = write(tmp_path / ".factcheck.toml", text)
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(f"{config_file}: ") and "\n" not in str(caught.value)


def test_a_folder_that_cannot_be_looked_into_is_passed_over(tmp_path, monkeypatch):
    """An unreadable directory on the way up was a PermissionError."""
    write(tmp_path / ".factcheck.toml", 'fail_on = "info"\n')
    locked = tmp_path / "private"
    real_is_file = Path.is_file

    def is_file(path: Path) -> bool:
        if path.parent == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", is_file)
    assert load_config(locked / "story.md").fail_on == "info"


def test_a_table_instead_of_settings_is_an_error(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool]\nfactcheck = 1\n")
    with pytest.raises(InputError, match=r"\[tool\.factcheck\] must be a table"):
        load_config(tmp_path)


def test_command_line_values_that_are_set_win():
    config = Config(fail_on="error", tolerance=0.1, include=("*.md",), source=Path("/x/.factcheck.toml"))
    merged = merge(config, fail_on="never", tolerance=None, include=["*.txt"], format=None)
    assert merged == Config(fail_on="never", tolerance=0.1, include=("*.txt",), source=Path("/x/.factcheck.toml"))
    assert merge(config) == config


def test_select_files_walks_text_like_files_in_sorted_order(tmp_path):
    for name in ("b.md", "a.txt", "sub/c.html", "sub/d.srt", "sub/e.vtt", "f.htm", "g.markdown", "NOTES"):
        write(tmp_path / name, "text")
    write(tmp_path / "image.png", data=b"\x89PNG\r\n")
    write(tmp_path / "blob", data=b"ab\0cd")
    write(tmp_path / "latin", data="caf\xe9".encode("latin-1"))
    write(tmp_path / ".hidden.md", "text")
    write(tmp_path / ".git" / "HEAD.txt", "text")
    names = [p.relative_to(tmp_path).as_posix() for p in select_files([tmp_path]).files]
    assert names == ["NOTES", "a.txt", "b.md", "f.htm", "g.markdown", "sub/c.html", "sub/d.srt", "sub/e.vtt"]


def test_select_files_applies_exclude_then_include(tmp_path):
    for name in ("a.md", "drafts/b.md", "docs/deep/c.md", "docs/d.txt", "e.txt"):
        write(tmp_path / name, "text")

    def chosen(include=(), exclude=()):
        return [p.relative_to(tmp_path).as_posix() for p in select_files([tmp_path], include, exclude).files]

    assert chosen(exclude=["drafts"]) == ["a.md", "docs/d.txt", "docs/deep/c.md", "e.txt"]
    assert chosen(include=["*.md"], exclude=["drafts/"]) == ["a.md", "docs/deep/c.md"]
    assert chosen(include=["docs/**/*.md"]) == ["docs/deep/c.md"]
    assert chosen(include=["docs"]) == ["docs/d.txt", "docs/deep/c.md"]
    assert chosen(include=["[ae].*"]) == ["a.md", "e.txt"]


def test_select_files_keeps_named_files_and_rejects_missing_ones(tmp_path):
    named = write(tmp_path / "drafts" / "x.md", "text")
    assert select_files([named], exclude=["*.md"]).files == [named]
    assert select_files([tmp_path / "drafts", named]).files == [named]
    with pytest.raises(InputError, match="no such file or directory"):
        select_files([tmp_path / "absent.md"])


def test_a_folder_that_cannot_be_read_is_named_not_skipped(tmp_path, monkeypatch):
    """An unreadable subfolder was skipped in silence."""
    write(tmp_path / "a.md", "text")
    write(tmp_path / "private" / "b.md", "text")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == tmp_path / "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    selection = select_files([tmp_path])
    assert [p.name for p in selection.files] == ["a.md"]
    assert selection.unreadable == [((tmp_path / "private").as_posix(), "cannot read this folder: Permission denied")]


def test_glob_stars_stay_within_a_name_unless_doubled():
    assert glob_regex("docs/*.md").fullmatch("docs/a.md")
    assert not glob_regex("docs/*.md").fullmatch("docs/x/a.md")
    assert glob_regex("docs/**/*.md").fullmatch("docs/a.md")
    assert glob_regex("docs/**").fullmatch("docs/x/y/a.md")
    assert glob_regex("file?.[!a-c]xt").fullmatch("file1.txt")
    assert not glob_regex("file?.[!a-c]xt").fullmatch("file1.bxt")


def test_select_ignore_and_min_level_are_settings(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('select = ["Ratio", "money"]\nignore = ["lock"]\nmin_level = "warning"\n',
                                              encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.select, config.ignore, config.min_level) == (("money", "ratio"), ("lock",), "warning")


def test_an_unknown_check_type_in_select_is_an_error(tmp_path):
    config_file = tmp_path / ".factcheck.toml"
    config_file.write_text('select = ["multipler"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"key 'select' must be a list of check types or claim kinds \(ratio, "):
        load_config(tmp_path)


def test_per_file_ignores_silence_check_types_in_matching_files(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('[per_file_ignores]\n"interviews/*.txt" = ["Ratio", "sum"]\n"*.md" = ["lock"]\n',
                                              encoding="utf-8")
    config = load_config(tmp_path)
    assert ignored_types(config, str(tmp_path / "interviews" / "a.txt")) == {"ratio", "sum"}
    assert ignored_types(config, str(tmp_path / "notes" / "b.md")) == {"lock"}
    assert ignored_types(config, str(tmp_path / "c.txt")) == frozenset()
    assert ignored_types(config, "-") == frozenset()


def test_per_file_ignores_refuse_an_unknown_check_type(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('[per_file_ignores]\n"*.txt" = ["ratios"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"key 'per_file_ignores' must be a table of glob = \[check types\] \(ratio, "):
        load_config(tmp_path)
