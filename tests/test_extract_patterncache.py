"""The store of compiled patterns: rebuilt patterns match as compiled ones, a damaged store is
ignored and rewritten, and the cache directory and `--no-cache` are obeyed."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from factcheck.extract import patterncache, saferegex
from factcheck.extract.patterncache import Deferred, Store, cache_dir, open_store, store_key
from factcheck.pipeline import read_document, scan_document
from factcheck.extract.rulebook import load_rulebook
from factcheck.extract.ruletrust import compile_pattern

PATTERN = r"(?P<amount>\d+(?:,\d{3})*)\s*(?P<unit>zorkmids?|zorks?)"
TEXT = "It cost 1,200 zorkmids and 3 zorks."


@pytest.fixture()
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterncache, "_disabled", False)
    return tmp_path


def saved_store(key: str = "k") -> Store:
    store = open_store(key)
    store.compile(PATTERN, regex.IGNORECASE).search(TEXT)  # a run that used the pattern
    store.save()
    return store


def test_a_pattern_is_compiled_on_first_use_only(folder, monkeypatch):
    store = open_store("k")
    compiles = []
    monkeypatch.setattr(patterncache, "compile_recording", lambda *key: compiles.append(key) or (regex.compile(*key), None))
    pattern = store.compile(PATTERN, regex.IGNORECASE)
    store.save()
    assert compiles == [] and not list(folder.iterdir())  # never used: never compiled, nothing to keep
    assert pattern.search(TEXT).group("unit") == "zorkmids"
    assert compiles == [(PATTERN, regex.IGNORECASE)]


def test_a_stored_pattern_is_rebuilt_on_first_use_and_matches_as_compiled(folder):
    saved_store()
    again = open_store("k")
    pattern = again.compile(PATTERN, regex.IGNORECASE)
    assert isinstance(pattern, Deferred) and pattern.real is None
    assert pattern.pattern == PATTERN and list(pattern.groupindex) == ["amount", "unit"]
    assert pattern.real is None  # the group names come from the store, without rebuilding
    expected = regex.compile(PATTERN, regex.IGNORECASE)
    assert [m.groupdict() for m in pattern.finditer(TEXT)] == [m.groupdict() for m in expected.finditer(TEXT)]
    assert pattern.real is not None and pattern.flags == expected.flags


def test_a_pattern_kept_fast_is_saved_and_rebuilt_without_a_parse(folder, monkeypatch):
    store = open_store("k")
    store.keep_fast(r"(?=\d)|(?<= )\$")
    store.save()
    again = open_store("k")
    monkeypatch.setattr(patterncache, "compile_recording_re", lambda pattern: pytest.fail("parsed again"))
    assert [m.start() for m in again.compile_fast(r"(?=\d)|(?<= )\$").finditer("a $5")] == [2, 3]


def test_nothing_new_is_not_written_again(folder):
    saved_store()
    path = next(folder.glob("patterns-*.bin"))
    before = path.stat().st_mtime_ns
    again = open_store("k")
    again.compile(PATTERN, regex.IGNORECASE).finditer(TEXT)
    again.save()
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", [
    lambda data: data[:-5],  # torn
    lambda data: data[:60] + bytes([data[60] ^ 1]) + data[61:],  # a bit flipped in the payload
    lambda data: b"garbage",
    lambda data: b"",
])
def test_a_damaged_store_is_ignored_and_rewritten(folder, damage):
    saved_store()
    path = next(folder.glob("patterns-*.bin"))
    good = path.read_bytes()
    path.write_bytes(damage(good))
    again = open_store("k")
    assert again.entries == {}
    assert [m.group() for m in again.compile(PATTERN, regex.IGNORECASE).finditer(TEXT)] == ["1,200 zorkmids", "3 zorks"]
    again.save()
    assert path.read_bytes() == good


def test_damaged_compile_arguments_are_compiled_afresh_and_rewritten(folder):
    saved_store()
    path = next(folder.glob("patterns-*.bin"))
    good = path.read_bytes()
    path.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))  # the head is whole: only the last entry is hurt
    again = open_store("k")
    assert list(again.entries) == [(PATTERN, int(regex.IGNORECASE))]
    assert [m.group() for m in again.compile(PATTERN, regex.IGNORECASE).finditer(TEXT)] == ["1,200 zorkmids", "3 zorks"]
    again.save()
    assert path.read_bytes() == good


def test_an_unusable_folder_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(patterncache, "_disabled", False)
    store = open_store("k")
    assert store.compile(PATTERN, 0).search(TEXT)
    store.save()  # no error


def test_other_rule_sets_keep_only_a_few_stores(folder):
    for key in map(str, range(patterncache.KEEP_FILES + 3)):
        saved_store(key)
    assert len(list(folder.glob("patterns-*.bin"))) == patterncache.KEEP_FILES + 1


def test_the_key_follows_the_rule_texts():
    assert store_key(["a", "b"]) == store_key(["a", "b"]) != store_key(["a", "c"])


def test_the_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache_dir() == tmp_path / "xdg" / "factcheck"


def test_no_cache_reads_and_writes_nothing(folder, monkeypatch):
    monkeypatch.setattr(patterncache, "_disabled", True)
    store = open_store("k")
    store.compile(PATTERN, 0)
    store.save()
    assert store.path is None and not list(folder.iterdir())


def test_a_user_pattern_the_store_holds_needs_no_trial_compile_again(folder, monkeypatch):
    user = r"\d+ (?:glorp|blorb)s?"
    first = open_store("users")
    compile_pattern(user, 0, True, "here", store=first)
    first.save()

    def no_child(*args):
        raise AssertionError("trial-compiled again")

    monkeypatch.setattr(saferegex, "_trial_compile", no_child)
    monkeypatch.setattr(saferegex, "_known", {})
    assert compile_pattern(user, 0, True, "here", store=open_store("users")).search("3 glorps")


def test_the_rulebook_reads_the_same_from_a_cold_and_a_warm_store(folder):
    data = Path(__file__).resolve().parents[1].joinpath("seeds/herald-interview-russia-north-korea-2015.txt").read_bytes()
    reports = []
    for _ in range(2):
        doc, _ = read_document("seed.txt", data, None)
        reports.append(scan_document(doc, load_rulebook()))
    assert list(folder.glob("patterns-*.bin"))
    assert reports[0] == reports[1] and reports[0].claims


def test_the_command_line_writes_no_cache_with_no_cache(tmp_path):
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path), "PATH": ""}
    run = subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", "rules", "list", "--no-cache"], capture_output=True,
                         env=env, text=True)
    assert run.returncode == 0 and run.stdout and not list(tmp_path.iterdir())


ANCHOR = r"\b(?:million|billion|per ?cent|[0-9]+(?:[.,][0-9]+)*)\b"


def test_an_anchor_for_re_is_rebuilt_from_the_store_as_re_compiles_it(folder, monkeypatch):
    first = open_store("k")
    assert first.compile_fast(ANCHOR) == re.compile(ANCHOR)
    first.save()

    def no_compile(pattern):
        raise AssertionError("compiled again")

    monkeypatch.setattr(patterncache, "compile_recording_re", no_compile)
    rebuilt = open_store("k").compile_fast(ANCHOR)
    assert rebuilt == re.compile(ANCHOR)  # re's patterns are equal when their source, flags and code are
    assert [m.span() for m in rebuilt.finditer("5.5 million, 3 per cent")] == [(0, 3), (4, 11), (13, 14), (15, 23)]


def test_a_bad_anchor_is_an_error_of_re_and_not_kept(folder):
    store = open_store("k")
    with pytest.raises(re.error):
        store.compile_fast(r"(?P<x>a)(?P<x>b)")
    assert store.fast == {}


def test_plain_data_is_kept_as_it_was_given_and_other_data_not_at_all(folder):
    store = open_store("k")
    data = [{"family": "money", "rules": [{"id": "a", "case_sensitive": True, "priority": 2, "ratio": 0.5}]}]
    store.keep("files", data)
    store.keep("dates", [dt.date(2015, 2, 22)])
    store.save()
    again = open_store("k")
    assert again.kept("files") == data and again.kept("files")[0]["rules"][0]["case_sensitive"] is True
    assert again.kept("dates") is None


def test_derived_data_is_found_once_and_kept_and_without_a_store_file_not_at_all(folder):
    calls = []

    def find(pattern):
        calls.append(pattern)
        return [["level", 2]]

    store = open_store("k")
    assert store.derive("least", "{p}", find) == [["level", 2]] and store.derive("least", "{p}", find) == [["level", 2]]
    store.save()
    assert open_store("k").derive("least", "{p}", find) == [["level", 2]] and calls == ["{p}"]
    assert Store(None, {}).derive("least", "{p}", find) is None and calls == ["{p}"]


def test_a_cold_start_compiles_and_reads_only_what_the_document_reaches(folder, monkeypatch):
    compiled = []
    real = patterncache.compile_recording
    monkeypatch.setattr(patterncache, "compile_recording", lambda *key: compiled.append(key) or real(*key))
    book = load_rulebook()
    assert compiled == []
    assert not any(owner.later.values for owner in [*book.rules, *book.frames] if owner.later is not None)
    doc, _ = read_document("short.txt", b"Sales rose 5 percent to $42 million in 2019.", dt.date(2020, 1, 1))
    assert scan_document(doc, book).claims
    patterns = len(book.rules) + len(book.frames)
    assert 0 < len(compiled) < patterns / 4
    assert sum(bool(owner.later.values) for owner in [*book.rules, *book.frames] if owner.later is not None) < patterns / 2


def test_a_new_store_borrows_what_an_edit_left_unchanged_from_the_newest_of_its_family(folder, monkeypatch):
    first = saved_store("fam-one")
    first.derive("reading", "pattern one", lambda p: "first", source="{same}")
    first.derive("reading", "pattern two", lambda p: "second", source="{edited}")
    first.gate(PATTERN, regex.IGNORECASE)
    first.save()
    monkeypatch.setattr(patterncache, "compile_recording", lambda *key: pytest.fail("compiled afresh"))
    monkeypatch.setattr(patterncache, "required_all", lambda *args: pytest.fail("gate read afresh"))
    second = open_store("fam-two")
    assert second.compile(PATTERN, regex.IGNORECASE).search(TEXT)["unit"] == "zorkmids"
    assert second.gate(PATTERN, regex.IGNORECASE) == first.gate(PATTERN, regex.IGNORECASE)
    assert second.derive("reading", "pattern one", lambda p: "again", source="{same}") == "first"
    assert second.derive("reading", "pattern two, edited", lambda p: "anew", source="{edited}") == "anew"
    second.save()
    assert (PATTERN, regex.IGNORECASE) in open_store("fam-two").entries  # kept in its own file: used
    assert open_store("kin-three").donor == ({}, {}, {}, {})  # another family: nothing to borrow


def test_a_save_waits_for_another_process_saving_and_keeps_what_it_wrote(folder):
    import threading

    store = open_store("k")
    store.keep("mine", 1)
    other = open_store("k")
    other.keep("theirs", 2)
    with patterncache.saving(store.path):
        waiting = threading.Thread(target=store.save)
        waiting.start()
        waiting.join(0.3)
        assert waiting.is_alive()  # it waits for the lock
        patterncache.write_whole(other.path, other.contents())  # the other process's save, under the lock
    waiting.join(5)
    assert not waiting.is_alive()
    again = open_store("k")
    assert again.kept("mine") == 1 and again.kept("theirs") == 2
