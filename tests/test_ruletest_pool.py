"""Preparing the rule book's patterns over workers: disjoint parts that cover the book, each prepared whole."""

from __future__ import annotations

import pytest

from factcheck.extract import patterncache
from factcheck.extract.rulebook import load_rulebook
from factcheck.ruletest import cases, run_examples
from factcheck.ruletest_pool import pattern_of, prepare_part, prepared, run_examples_over, split, units
from factcheck import ruletest_pool


@pytest.fixture()
def cold(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterncache, "_disabled", False)
    return tmp_path


def test_the_parts_cover_every_rule_and_frame_once_in_order_and_about_equally(cold):
    book = load_rulebook()
    parts = split([len(pattern_of(book, unit)[0]) for unit in units(book)], 6)
    assert parts[0][0] == 0 and parts[-1][1] == len(units(book)) and len(parts) <= 6
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    sizes = [sum(len(pattern_of(book, unit)[0]) for unit in units(book)[start:end]) for start, end in parts]
    largest = max(len(pattern_of(book, unit)[0]) for unit in units(book))
    assert max(sizes) <= sum(sizes) / 6 + largest


def test_a_part_is_compiled_and_read_into_the_store(cold, monkeypatch):
    book = load_rulebook()
    monkeypatch.setattr(ruletest_pool, "_book", book)
    start = next(i for i, unit in enumerate(units(book)) if unit[0] == "frame")
    prepare_part(f"{start}:{start + 2}")
    for unit in units(book)[start:start + 2]:
        frame = book.frames[unit[1]]
        assert frame.compiled.real is not None and not frame.later.makers
    book.store.save()
    again = load_rulebook()
    assert all(pattern_of(again, unit) in again.store.entries for unit in units(again)[start:start + 2])


def test_one_job_or_a_warm_store_needs_no_workers(cold, monkeypatch):
    book = load_rulebook()
    assert prepared(book, 1, []) is book
    monkeypatch.setattr(ruletest_pool, "ordered_map", lambda *args, **kwargs: pytest.fail("started workers"))
    monkeypatch.setattr(book.store, "entries", {pattern_of(book, unit): None for unit in units(book)})
    assert prepared(book, 2, []) is book


def test_without_worker_processes_the_book_is_prepared_as_it_goes(cold, monkeypatch):
    def no_processes(*args, **kwargs):
        raise PermissionError("no semaphores here")
        yield

    monkeypatch.setattr(ruletest_pool, "ordered_map", no_processes)
    book = load_rulebook()
    assert prepared(book, 2, []) is book


def test_the_examples_run_over_workers_give_what_one_process_gives_in_its_order(tmp_path):
    (tmp_path / "user.toml").write_text(
        "family = 'zork'\nkind = 'money'\n[[rules]]\nid = 'zork.amount'\npattern = '(?P<amount>{digits})\\s+zorkmids'\n"
        "set = { unit = 'ZMD' }\nexamples = [{ texts = ['«40 zorkmids»', '«7 zorkmids»'], value = 41 }]\n", encoding="utf-8")
    book = load_rulebook([tmp_path])
    alone = run_examples(book)
    assert run_examples_over(book, 2, [tmp_path]) == alone
    assert [f.text for f in alone[1]] == ["«40 zorkmids»", "«7 zorkmids»"] and alone[0] > 100


def test_a_run_of_examples_whose_worker_died_runs_here(monkeypatch):
    def dying(function, items, jobs, lost, *args, **kwargs):
        yield from (lost(item) for item in items)

    monkeypatch.setattr(ruletest_pool, "ordered_map", dying)
    book = load_rulebook()
    count, failures = run_examples_over(book, 2, [])
    assert (count, failures) == (len(cases(book)), [])
