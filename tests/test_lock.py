from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.align import PLACEHOLDER, diff_claims
from factcheck.errors import InputError
from factcheck.lock import (SCHEMA, Lock, build_lock, compare, dump_lock, lock_entries, read_lock, snippet,
                            update_lock)

from claim_factory import Fig, claims_in, document, money, sample

PATH = "articles/trade.txt"


def edited(paragraphs, index, old_surface, new_fig):
    result = list(paragraphs)
    text, figs = result[index]
    result[index] = (text.replace(old_surface, new_fig.surface, 1),
                     [new_fig if f.surface == old_surface else f for f in figs])
    return result


def locked(paragraphs) -> Lock:
    return build_lock({PATH: document(paragraphs)})


def test_entries_hold_the_figure_and_its_context_but_no_position():
    entries = lock_entries(PATH, document(sample()))
    assert len(entries) == 10
    first = next(e for e in entries if e["text"] == "$250 million")
    assert first == {
        "key": first["key"], "kind": "money", "text": "$250 million", "value": 250_000_000, "unit": "USD",
        "low": None, "high": None, "qualifier": None,
        "context": f"Russia also invested {PLACEHOLDER} in the railway project last year.",
    }
    assert len(first["key"]) == 16
    assert [e["key"] for e in entries] == sorted(e["key"] for e in entries)


def test_keys_survive_moving_paragraphs_and_editing_a_neighbouring_figure():
    old = sample()
    keys = {e["key"] for e in lock_entries(PATH, document(old))}
    assert {e["key"] for e in lock_entries(PATH, document([old[1], old[2], old[0]]))} == keys
    neighbour_edited = edited(old, 1, "$10 billion", money("$9 billion", 9e9))
    assert {e["key"] for e in lock_entries(PATH, document(neighbour_edited))} == keys


def test_keys_depend_on_the_path_and_tell_identical_contexts_apart():
    text = "Yes, 5 ships.\n\nYes, 5 ships.\n"
    claims = claims_in(text, [Fig("5", "count", 5), Fig("5", "count", 5)])
    keys = [e["key"] for e in lock_entries(PATH, claims)]
    assert len(set(keys)) == 2
    assert not set(keys) & {e["key"] for e in lock_entries("other.txt", claims)}


def test_lock_file_bytes_are_stable_through_a_round_trip(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "factcheck.lock"
    documents = {PATH: document(sample()),
                 "a/euro.md": claims_in("Costs rose to €40 million.", [money("€40 million", 4e7, unit="EUR")])}
    update_lock(path, documents, update=True)
    first = path.read_bytes()
    assert first.endswith(b"}\n") and "€40 million".encode() in first
    data = json.loads(first)
    assert data["schema"] == SCHEMA and list(data["documents"]) == ["a/euro.md", PATH]
    assert dump_lock(read_lock(path)).encode() == first
    update_lock(path, dict(reversed(documents.items())), update=True)
    assert path.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["factcheck.lock"]


@pytest.mark.parametrize("content, why", [
    ("{not json", "invalid JSON at line 1"),
    ('{"schema": "factcheck-report/1", "documents": {}}', 'expected an object with "schema": "factcheck-lock/1"'),
    ('{"schema": "factcheck-lock/1", "documents": []}', '"documents" must be an object'),
    ('{"schema": "factcheck-lock/1", "documents": {"a.txt": [{"key": "k"}]}}', "entry 1 of 'a.txt': missing kind"),
    ('{"schema": "factcheck-lock/1", "documents": {"a.txt": [{"key": "k", "kind": "money", "text": "$1", '
     '"value": true, "unit": null, "low": null, "high": null, "qualifier": null, "context": "x"}]}}',
     "entry 1 of 'a.txt': value must be a number"),
    ('{"schema": "factcheck-lock/1", "documents": {"a.txt": [{"key": "k", "kind": "mass", "text": "$1", '
     '"value": 1, "unit": null, "low": null, "high": null, "qualifier": null, "context": "x"}]}}',
     "entry 1 of 'a.txt': unknown kind 'mass'"),
    ('{"schema": "factcheck-lock/1", "documents": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
])
def test_a_bad_lock_file_is_one_clear_error(tmp_path, content, why):
    path = tmp_path / "factcheck.lock"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        read_lock(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not a factcheck lock file: {why}")
    assert "\n" not in message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_character_device_as_the_lock_is_read_up_to_the_limit():
    """It was read until memory ran out."""
    with pytest.raises(InputError, match=r"^/dev/zero: more than 64 MiB .* the limit for a lock file; not read$"):
        read_lock(Path("/dev/zero"))


def test_an_update_keeps_the_other_documents_and_a_new_lock_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "factcheck.lock"
    update_lock(path, {"a.md": claims_in("It cost $5.", [money("$5", 5)])}, update=False)
    update_lock(path, {"b.md": claims_in("It cost $7.", [money("$7", 7)])}, update=True)
    assert sorted(read_lock(path).documents) == ["a.md", "b.md"]
    with pytest.raises(InputError, match=r"factcheck\.lock exists; run 'factcheck lock --update'"):
        update_lock(path, {"c.md": []}, update=False)
    assert sorted(read_lock(path).documents) == ["a.md", "b.md"]


def test_a_missing_lock_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"absent.lock: no lock file; run .factcheck lock PATH\.\.\.. to write it$"):
        read_lock(tmp_path / "absent.lock")


def test_the_locked_text_compares_clean_even_moved_and_reworded():
    old = sample()
    lock = locked(old)
    assert compare(lock, PATH, document(old)) == []
    reworded = [old[2], ("Last year Russia put $250 million into the railway project, officials said. "
                         "In 2014 trade between the two countries reached $112 million.",
                         [money("$250 million", 250e6), Fig("2014", "date", "2014"),
                          money("$112 million", 112e6)]), old[1]]
    assert compare(lock, PATH, document(reworded)) == []


def test_an_edited_figure_is_one_changed_finding():
    old = sample()
    new_claims = document(edited(old, 0, "$250 million", money("$350 million", 350e6)))
    findings = compare(locked(old), PATH, new_claims)
    assert [(f.kind, f.entry["text"], f.claim.text) for f in findings] == [("changed", "$250 million", "$350 million")]
    assert findings[0].claim is new_claims[0]
    assert findings[0].message == 'figure changed: $250 million → $350 million ("Russia also invested $350 million in the railway project …")'


def test_added_and_removed_figures_are_named():
    old = sample()
    new = [(old[0][0].replace(" in 2014", ""), old[0][1][:2]), old[1],
           (old[2][0] + " It employs 400 people.", old[2][1] + [Fig("400", "count", 400)])]
    findings = compare(locked(old), PATH, document(new))
    assert [(f.kind, f.message) for f in findings] == [
        ("added", 'figure added: 400 ("It employs 400 people.")'),
        ("removed", 'figure removed: 2014 ("… reached $112 million in 2014.")'),
    ]
    assert findings[1].claim is None and findings[1].entry["value"] == "2014"


def test_an_unlocked_document_is_one_finding_not_one_per_figure():
    claims = document(sample())
    assert [f.kind for f in compare(locked(sample()), "elsewhere.txt", claims)] == ["unlocked"]


def test_lock_and_diff_name_the_same_changes():
    old = sample()
    new = edited(edited(old, 1, "$10 billion", money("$12 billion", 12e9)), 2, "10-fold", Fig("12-fold", "ratio", 12))
    new = [new[2], new[1], (new[0][0] + " Trade fell 3 percent.", new[0][1] + [Fig("3 percent", "percent", 3, "percent")])]
    report = diff_claims(document(old), document(new), "old", "new")
    from_diff = [(c.change, c.old.text if c.old else None, c.new.text if c.new else None) for c in report.changes]
    findings = compare(locked(old), PATH, document(new))
    from_lock = [(f.kind, f.entry["text"] if f.entry else None, f.claim.text if f.claim else None) for f in findings]
    assert from_lock == from_diff == [
        ("changed", "10-fold", "12-fold"),
        ("changed", "$10 billion", "$12 billion"),
        ("added", None, "3 percent"),
    ]


def test_snippet_keeps_a_few_words_each_side():
    context = f"One two three four five {PLACEHOLDER} six seven eight nine ten."
    assert snippet(context, "$5") == "… two three four five $5 six seven eight nine …"
    assert snippet(f"It cost {PLACEHOLDER}.", "$5") == "It cost $5."
    assert snippet(f"({PLACEHOLDER}) was the price", "$5") == "($5) was the price"


def test_keys_are_relative_to_the_lock_files_folder(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    path = tmp_path / "factcheck.lock"
    update_lock(path, {"a.md": claims_in("It cost $5.", [money("$5", 5)])}, update=False)
    lock = read_lock(path)
    assert list(lock.documents) == ["sub/a.md"]
    assert lock.holds("a.md") and lock.entries("a.md") == lock.documents["sub/a.md"]
    monkeypatch.chdir(tmp_path)
    assert lock.holds("sub/a.md") and not lock.holds("a.md")


def test_a_document_the_lock_does_not_hold_is_one_finding():
    lock = Lock({"a.md": []})
    (finding,) = compare(lock, "b.md", claims_in("It cost $5.", [money("$5", 5)]))
    assert finding.kind == "unlocked" and "factcheck lock --update b.md" in finding.message
    assert compare(lock, "c.md", []) == []
