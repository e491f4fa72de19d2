"""Loading rule files: built-in rules, fragment and table expansion, user rule directories,
and one clear 'file:line:' error for every kind of malformed file."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import factcheck.extract.extractor
import factcheck.extract.patterncache
import factcheck.extract.rulebook
import factcheck.extract.saferegex
import factcheck.relations.frames
from factcheck.document import load_text
from factcheck.errors import RuleError
from factcheck.extract.extractor import extract
from factcheck.extract.ruledata import line_at
from factcheck.model import KINDS
from factcheck.extract.rulebook import (
    FRAME_READINGS, Rulebook, build, builtin_rules_dir, expand, fold, load_rulebook, parse_toml, rule_files,
    table_alternation,
)

FAMILY = 'family = "test"\n'


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def user_dir(tmp_path: Path, body: str, name: str = "user.toml") -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(body, encoding="utf-8")
    return directory


def common_and(directory: Path) -> Rulebook:
    """The shared vocabulary (common.toml, no rules) and a user directory, built as load_rulebook builds them:
    as fast as one rule file, for the cases that need no built-in rule."""
    paths = [builtin_rules_dir() / "common.toml", *rule_files(directory)]
    return build([(str(p), parse_toml(p, p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8")) for p in paths])


def rule(rid: str, pattern: str, *lines: str) -> str:
    """A [[rules]] table; the pattern is a TOML literal string (no escapes)."""
    return "\n".join(["[[rules]]", f'id = "{rid}"', f"pattern = '{pattern}'", *lines]) + "\n"


def claims(text: str, rules: Rulebook):
    return extract(load_text("t.txt", text), rules)[0]


# --- the built-in rules ------------------------------------------------------------------

def test_builtin_rules_load_with_unique_ids_and_known_kinds(book):
    ids = [r.id for r in book.rules]
    assert len(ids) == len(set(ids)) > 20
    assert {r.kind for r in book.rules} <= set(KINDS)
    assert {r.family for r in book.rules} >= {"money", "percent", "date", "count", "ordinal", "ratio"}
    assert book.frames and len({f.id for f in book.frames}) == len(book.frames)
    assert sorted(str(p) for p in builtin_rules_dir().glob("*.toml")) == sorted(book.sources)


def test_every_builtin_rule_has_an_example_and_is_compiled(book):
    for each in book.rules:
        assert each.examples, each.id
        assert hasattr(each.compiled, "finditer"), each.id
        assert each.line >= 1 and Path(each.source).is_file()


def test_loading_is_deterministic():
    first, second = load_rulebook(), load_rulebook()
    assert [(r.id, r.order, r.compiled.pattern) for r in first.rules] == [(r.id, r.order, r.compiled.pattern) for r in second.rules]


def test_a_warm_start_parses_no_rule_file_and_loads_the_same_book(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(factcheck.extract.patterncache, "_disabled", False)
    cold = load_rulebook()

    def no_parse(path, text):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(factcheck.extract.rulebook, "parse_toml", no_parse)
    warm = load_rulebook()
    described = [[(r.id, r.line, r.pattern, r.constants, r.lookup, r.examples, r.counter_examples, r.gate) for r in b.rules]
                 + [(f.id, f.examples, f.counter_examples, f.gate, f.least) for f in b.frames]
                 + [b.tables, b.fragments, b.anchors, b.anchor_sources, b.composites] for b in (cold, warm)]
    assert described[0] == described[1]
    assert {name: a.fast for name, a in cold.anchor_regexes.items()} == {name: a.fast for name, a in warm.anchor_regexes.items()}
    assert [(p.source, p.open, p.closed, p.words) for p in cold.anchor_starts.passes] == [
        (p.source, p.open, p.closed, p.words) for p in warm.anchor_starts.passes]


def test_a_warm_start_expands_no_frame_and_reads_examples_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(factcheck.extract.patterncache, "_disabled", False)
    cold = load_rulebook()

    def no_reading(*args, **kwargs):
        raise AssertionError("a frame expanded again")

    def no_examples(*args, **kwargs):
        raise AssertionError("examples read while loading")

    monkeypatch.setattr(factcheck.relations.frames, "read_pattern", no_reading)
    monkeypatch.setattr(factcheck.extract.rulebook, "examples", no_examples)
    warm = load_rulebook()
    monkeypatch.undo()
    assert [(f.id, f.roles, f.needs, f.compiled.pattern, f.examples, f.counter_examples) for f in warm.frames] == [
        (f.id, f.roles, f.needs, f.compiled.pattern, f.examples, f.counter_examples) for f in cold.frames]
    assert [(r.id, r.examples, r.counter_examples) for r in warm.rules] == [
        (r.id, r.examples, r.counter_examples) for r in cold.rules]


def test_a_bad_example_is_reported_when_the_rule_files_are_new_to_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(factcheck.extract.patterncache, "_disabled", False)
    body = FAMILY + rule("test.x", "x", 'kind = "count"', "examples = [{ texts = ['x'], valu = 1 }]")
    for _ in range(2):
        with pytest.raises(RuleError, match="each of 'examples' takes only"):
            load_rulebook([user_dir(tmp_path, body)])


def test_a_kept_frame_reading_that_does_not_match_its_frame_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(factcheck.extract.patterncache, "_disabled", False)
    cold = load_rulebook()
    first, second = cold.frames[0], cold.frames[1]
    readings = {**cold.store.kept(FRAME_READINGS), first.id: second.reading}  # another frame's
    cold.store.keep(FRAME_READINGS, readings)
    cold.store.save()
    warm = load_rulebook()
    assert warm.frames[0].reading == first.reading and warm.frames[0].compiled.pattern == first.compiled.pattern
    assert warm.store.kept(FRAME_READINGS)[first.id] == first.reading


def test_an_anchor_opening_with_a_boundary_waits_for_its_first_characters_where_the_store_keeps_them(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(factcheck.extract.patterncache, "_disabled", False)
    month = load_rulebook().anchor_regexes["month"].fast
    monkeypatch.setattr(factcheck.extract.patterncache, "_disabled", True)
    plain = load_rulebook().anchor_regexes["month"].fast
    assert month.pattern == f"(?=[{month.pattern[4:month.pattern.index('])')]}])(?:{plain.pattern})"
    text = "on 5 june 2020, in mid-may and in sept. 3 - not in a junction"
    assert [m.span() for m in month.finditer(text)] == [m.span() for m in plain.finditer(text)] != []


def test_a_rule_file_line_is_counted_as_its_line_breaks():
    text = "a\nbb\n\nccc"
    assert [line_at(text, at) for at in range(len(text) + 1)] == [text.count("\n", 0, at) + 1 for at in range(len(text) + 1)]


def test_fold_normalizes_case_spaces_hyphens_and_a_final_dot():
    assert fold("  More-Than ") == "more than"
    assert fold("Sept.") == "sept"
    assert fold("in\u2013excess  of") == "in excess of"


def test_lookup_is_folded(book):
    assert book.lookup("scale", "Million") == 1_000_000
    assert book.lookup("qualifier", "More  than") == "at_least"
    assert book.lookup("scale", "nonsense") is None
    assert book.lookup("no-such-table", "million") is None
    assert book.lookup_in(("no-such-table", "scale"), "bn") == 1_000_000_000


# --- expansion -----------------------------------------------------------------------------

def test_a_fragment_reference_expands_recursively():
    book = Rulebook(fragments={"inner": "x+", "outer": "<{inner}>"})
    assert expand(book, "a{outer}b", "here") == "a(?:<(?:x+)>)b"


def test_a_table_reference_expands_to_its_keys():
    book = Rulebook(tables={"unit": {"km": 1, "mile": 2}})
    pattern = regex.compile(expand(book, r"\d+ {unit}", "here"))
    assert pattern.fullmatch("5 km") and pattern.fullmatch("5 mile")
    assert not pattern.fullmatch("5 metre")


def test_unicode_properties_and_repetition_counts_are_left_alone():
    book = Rulebook(fragments={"Lu": "never"})
    assert expand(book, r"\p{Lu}\P{Lu}\N{EN DASH}\d{4}", "here") == r"\p{Lu}\P{Lu}\N{EN DASH}\d{4}"


def test_an_unknown_reference_names_itself():
    with pytest.raises(RuleError, match=r"^here: unknown fragment or table '\{nope\}'"):
        expand(Rulebook(), "{nope}", "here")


def test_a_table_alternation_prefers_the_longest_key():
    alternation = regex.compile(table_alternation({"m": 1, "mn": 1, "million": 1, "millions": 1}))
    assert alternation.match("millions").group() == "millions"
    assert alternation.match("million").group() == "million"
    assert alternation.match("mn").group() == "mn"
    assert alternation.match("mx").group() == "m"


def test_a_space_in_a_key_matches_spaces_or_hyphens():
    alternation = regex.compile(table_alternation({"more than": 1}))
    for text in ("more than", "more-than", "more   than"):
        assert alternation.fullmatch(text), text
    assert not alternation.fullmatch("morethan")


def test_table_keys_are_literal_not_regex():
    alternation = regex.compile(table_alternation({"a.b": 1, "c+": 1}))
    assert alternation.fullmatch("a.b") and alternation.fullmatch("c+")
    assert not alternation.fullmatch("axb") and not alternation.fullmatch("cc")


# --- user rule directories -----------------------------------------------------------------

ZORKMID = FAMILY + rule("test.zorkmid", r"(?P<amount>{digits})\s+zorkmids?\b", 'kind = "money"',
                        'set = { unit = "ZMD" }', "examples = [{ texts = ['5 zorkmids'], value = 5 }]")


def test_a_user_rule_changes_what_is_found(book, tmp_path):
    text = "It cost 40 zorkmids."
    assert [c.rule for c in claims(text, book)] != ["test.zorkmid"]
    with_user = load_rulebook([user_dir(tmp_path, ZORKMID)])
    found = claims(text, with_user)
    assert [(c.kind, c.text, c.value, c.unit, c.rule) for c in found] == [("money", "40 zorkmids", 40, "ZMD", "test.zorkmid")]
    assert len(with_user.rules) == len(book.rules) + 1


def test_a_user_rule_may_use_builtin_fragments_tables_and_anchors(tmp_path):
    body = FAMILY + rule("test.words", r"(?P<amount>{word_number})\s+zorkmids", 'kind = "money"',
                         'set = { unit = "ZMD" }', 'anchors = ["number_word"]')
    found = claims("It cost twenty-five zorkmids.", common_and(user_dir(tmp_path, body)))
    assert [(c.value, c.rule) for c in found] == [(25, "test.words")]


def test_a_user_rule_with_a_builtin_id_replaces_it(book, tmp_path):
    original = next(r for r in book.rules if r.id == "ratio.times")
    body = 'family = "ratio"\nkind = "ratio"\n' + rule("ratio.times", r"(?P<amount>{digits})\s+timez\b")
    replaced = load_rulebook([user_dir(tmp_path, body)])
    assert len(replaced.rules) == len(book.rules)
    new = next(r for r in replaced.rules if r.id == "ratio.times")
    assert new.source.endswith("user.toml") and new.order == original.order
    assert "ratio.times" not in {c.rule for c in claims("It was 58 times larger.", replaced)}
    assert [(c.value, c.rule) for c in claims("It was 58 timez larger.", replaced)] == [(58, "ratio.times")]


def test_user_tables_extend_builtin_tables(tmp_path):
    body = FAMILY + "[tables.scale]\ngazillion = 1e15\n"
    found = claims("It cost $3 gazillion.", load_rulebook([user_dir(tmp_path, body)]))
    assert [(c.kind, c.value) for c in found] == [("money", 3e15)]


def test_a_rule_id_repeated_in_user_files_is_an_error_naming_both_places(tmp_path):
    first = FAMILY + rule("test.same", r"zork", 'kind = "count"', "set = { value = 1 }")
    second = FAMILY + "\n" + rule("test.same", r"zork", 'kind = "count"', "set = { value = 2 }")
    user_dir(tmp_path, first, "a.toml")
    directory = user_dir(tmp_path, second, "b.toml")
    with pytest.raises(RuleError) as caught:
        common_and(directory)
    assert str(caught.value) == f"{directory / 'b.toml'}:4: rule id 'test.same' is already used at {directory / 'a.toml'}:3"


def test_a_rule_id_repeated_in_one_user_file_is_an_error(tmp_path):
    body = FAMILY + rule("test.same", r"zork", 'kind = "count"') + rule("test.same", r"zorp", 'kind = "count"')
    with pytest.raises(RuleError, match=r"rule id 'test\.same' is already used at .*user\.toml:3$"):
        common_and(user_dir(tmp_path, body))


def sum_frame(frame_id: str) -> str:
    """A user frame of a sum, under `frame_id`."""
    return f"""
[[frames]]
id = "{frame_id}"
type = "sum"
pattern = '{{money:parts}} and {{money:parts}}, a total of {{money:total}}'
"""


def test_a_frame_id_repeated_in_one_user_file_is_an_error_naming_both_places(tmp_path):
    directory = user_dir(tmp_path, FAMILY + sum_frame("test.twice") + sum_frame("test.twice"))
    with pytest.raises(RuleError, match=r"user\.toml:8: frame id 'test\.twice' is already used at .*user\.toml:3$"):
        common_and(directory)


def test_a_frame_may_not_take_the_id_of_a_rule(tmp_path):
    body = FAMILY + rule("test.same", r"(?P<amount>\d+) zorks") + sum_frame("test.same")
    with pytest.raises(RuleError, match=r"user\.toml:\d+: frame id 'test\.same' is already used at .*user\.toml:\d+$"):
        common_and(user_dir(tmp_path, body))


def test_a_missing_rule_directory_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError, match="not a directory"):
        load_rulebook([tmp_path / "absent"])


# --- malformed rule files: one line, starting with file:line ---------------------------------

MALFORMED = {
    "invalid TOML": (FAMILY + "\nfoo = = 1\nbar = 2\n", 3, "invalid TOML"),
    "invalid TOML at the end": (FAMILY + "\n[[rules]]\nid = \"test.x\"\npattern = 'x\n", 5, "invalid TOML"),
    "unknown file key": (FAMILY + "\nfamly = 'x'\n", 3, "unknown key 'famly'"),
    "unknown rule key": (FAMILY + rule("test.x", "x", 'kind = "count"', "patern = 'y'"), 6, "unknown key 'patern'"),
    "missing family": ("kind = 'count'\n", 1, "missing string key 'family'"),
    "missing id": (FAMILY + "\n[[rules]]\npattern = 'x'\n", 3, "needs a string 'id'"),
    "missing pattern": (FAMILY + "\n[[rules]]\nid = \"test.x\"\nkind = \"count\"\n", 4, "missing string 'pattern'"),
    "bad regex": (FAMILY + "\n" + rule("test.x", "(?P<amount>\\d+", 'kind = "count"'), 4, "bad pattern"),
    "unknown fragment": (FAMILY + "\n" + rule("test.x", "{nope}", 'kind = "count"'), 4, "unknown fragment or table '{nope}'"),
    "unknown anchor": (FAMILY + "\n" + rule("test.x", "x", 'kind = "count"', 'anchors = ["nope"]'), 4, "unknown anchor 'nope'"),
    "fragment cycle": (FAMILY + "[fragments]\na = '{b}'\nb = '{a}'\n" + rule("test.x", "{a}", 'kind = "count"'), 6, "cycle"),
    "bad kind": (FAMILY + "\n" + rule("test.x", "x", 'kind = "weight"'), 4, "kind must be one of"),
    "bad lookup table": (FAMILY + "\n" + rule("test.x", "x", 'kind = "count"', 'lookup = { amount = "nope" }'), 4,
                         "unknown table 'nope'"),
    "bad set key": (FAMILY + "\n" + rule("test.x", "x", 'kind = "count"', "set = { colour = 1 }"), 4, "'set' may only hold"),
    "bad direction": (FAMILY + "\n" + rule("test.x", "x", 'kind = "date"', "set = { direction = 'sideways' }"), 4,
                      "'direction' must be one of past, future"),
    "bad example key": (FAMILY + "\n" + rule("test.x", "x", 'kind = "count"', "examples = [{ texts = ['x'], valu = 1 }]"),
                        4, "each of 'examples' takes only"),
    "empty example": (FAMILY + "\n" + rule("test.x", "x", 'kind = "count"', "examples = [{ texts = [] }]"), 4,
                      "non-empty list 'texts'"),
    "fragment not a string": (FAMILY + "\n[fragments]\na = 5\n", 3, "[fragments] must map names to regex strings"),
    "bad frame pattern": (FAMILY + '\n[[frames]]\nid = "test.r"\ntype = "ratio"\npattern = "{ratio:factor} ("\n', 4,
                          "bad pattern"),
    "frame without type": (FAMILY + '\n[[frames]]\nid = "test.r"\npattern = "{ratio:factor}"\n', 4, "type must be one of"),
    "frame with an unknown role": (FAMILY + '\n[[frames]]\nid = "test.r"\ntype = "sum"\npattern = "{money:parts} {money:whole}"\n',
                                   4, "a sum frame has no role whole"),
    "frame missing a role": (FAMILY + '\n[[frames]]\nid = "test.r"\ntype = "sum"\npattern = "{money:parts}"\n', 4,
                             "a sum frame needs the role total"),
    "pair frame without a break": (FAMILY + '\n[[frames]]\nid = "test.r"\ntype = "range"\nscope = "pair"\n'
                                   'pattern = "{range:range}"\n', 4, "must cross 1 sentence break"),
    "frame with a bad setting": (FAMILY + '\n[[frames]]\nid = "test.r"\ntype = "range"\npattern = "{range:range}"\n'
                                 'set = { colour = 1 }\n', 4, "'set' may only hold"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_file_is_one_error_at_its_file_and_line(tmp_path, case):
    body, line, message = MALFORMED[case]
    directory = user_dir(tmp_path, body)
    with pytest.raises(RuleError) as caught:
        common_and(directory)
    text = str(caught.value)
    assert text.startswith(f"{directory / 'user.toml'}:{line}: "), text
    assert message in text and "\n" not in text


def test_load_rulebook_reports_a_malformed_user_file_the_same_way(tmp_path):
    body, line, message = MALFORMED["bad regex"]
    directory = user_dir(tmp_path, body)
    with pytest.raises(RuleError, match=rf"^{regex.escape(str(directory / 'user.toml'))}:{line}: .*{message}"):
        load_rulebook([directory])


WRONG_TYPES = {
    "rules not a list": FAMILY + "rules = 5\n",
    "frames not a list": FAMILY + "frames = 5\n",
    "composites not a table": FAMILY + "composites = 5\n",
    "file lookup not a table": FAMILY + "lookup = 5\n" + rule("test.x", "x", 'kind = "count"'),
    "priority not a number": FAMILY + rule("test.x", "x", 'kind = "count"', 'priority = "high"'),
    "examples not a list": FAMILY + rule("test.x", "x", 'kind = "count"', "examples = 5"),
    "set value not a number": FAMILY + rule("test.x", "x", 'kind = "count"', 'set = { value = "oops" }'),
    "bad anchor regex": FAMILY + "[anchors]\nw = '('\n" + rule("test.x", "x", 'kind = "count"', 'anchors = ["w"]'),
    "unknown fragment in an anchor": FAMILY + "[anchors]\nw = '{nope}'\n" + rule("test.x", "x", 'kind = "count"',
                                                                                'anchors = ["w"]'),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_a_value_of_the_wrong_type_is_a_rule_error_at_its_file(tmp_path, case):
    directory = user_dir(tmp_path, WRONG_TYPES[case])
    with pytest.raises(RuleError) as caught:
        common_and(directory)
    assert regex.match(rf"{regex.escape(str(directory / 'user.toml'))}:\d+: ", str(caught.value)), str(caught.value)


# --- rule files are data --------------------------------------------------------------------

def test_python_code_in_a_pattern_is_only_a_regex(tmp_path):
    marker = tmp_path / "pwned"
    code = f"__import__(\"os\").system(\"touch {marker}\")"
    body = FAMILY + rule("test.code", code, 'kind = "count"', 'set = { value = 1 }', 'description = "{{ os.system }}"')
    book = common_and(user_dir(tmp_path, body))
    compiled = next(r for r in book.rules if r.id == "test.code").compiled
    assert compiled.pattern == code
    claims(f"1 {code} and 2 {code}.", book)
    assert not marker.exists()


SLOW = "(?:a|aa)+b"  # backtracks exponentially on a run of a's without a b


def test_a_pathological_user_pattern_times_out_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.extract.saferegex, "MATCH_SECONDS", 0.05)
    body = FAMILY + rule("test.slow", SLOW, 'kind = "count"', "set = { value = 1 }")
    book = load_rulebook([user_dir(tmp_path, body)])
    text = "In 2015 there were 12 " + "a" * 90 + " and then 5 more on line one.\nSecond line, 7 " + "a" * 90 + "!"
    found, warnings = extract(load_text("t.txt", text), book)
    assert [w for w in warnings if "test.slow" in w] == [
        "rule test.slow timed out: it used its 0.1 s for this document at line 1 and is switched off for the rest of it"]
    assert {c.text for c in found} >= {"2015", "5"}


def test_the_match_budget_is_per_document_not_per_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.extract.saferegex, "MATCH_SECONDS", 0.2)
    monkeypatch.setattr(factcheck.extract.saferegex, "MATCH_SECONDS_PER_MB", 0.0)
    book = common_and(user_dir(tmp_path, FAMILY + rule("test.slow", SLOW, 'kind = "count"', "set = { value = 1 }")))
    text = "".join(f"Line {n} has " + "a" * 60 + ".\n\n" for n in range(50))
    _, warnings = extract(load_text("t.txt", text), book)
    assert len([w for w in warnings if "test.slow timed out" in w]) == 1


def test_each_document_gets_its_own_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.extract.saferegex, "MATCH_SECONDS", 0.05)
    book = common_and(user_dir(tmp_path, FAMILY + rule("test.slow", SLOW, 'kind = "count"', "set = { value = 1 }")))
    doc = load_text("t.txt", "It has 5 " + "a" * 90 + ".")
    assert extract(doc, book)[1] == extract(doc, book)[1] != []


def test_a_user_anchor_that_times_out_switches_its_rules_off(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.extract.saferegex, "MATCH_SECONDS", 0.05)
    body = FAMILY + f"[anchors]\nslow = 'zork|{SLOW}'\n" + rule("test.x", "zork", 'kind = "count"',
                                                                  "set = { value = 1 }", 'anchors = ["slow"]')
    book = common_and(user_dir(tmp_path, body))
    assert [c.text for c in claims("A zork.", book)] == ["zork"]
    found, warnings = extract(load_text("t.txt", "A zork and " + "a" * 90 + "."), book)
    assert found == []
    assert warnings == ["anchor 'slow' timed out: it used its 0.1 s for this document at line 1"
                        " and is switched off for the rest of it"]


def test_a_user_fragment_makes_the_builtin_rules_that_use_it_the_users(tmp_path):
    shipped = [builtin_rules_dir() / name for name in ("common.toml", "percent.toml")]
    user = rule_files(user_dir(tmp_path, FAMILY + "[fragments]\ndigits = '\\d+'\n"))

    def bounded(paths: list[Path]) -> set[str]:
        book = build([(str(p), parse_toml(p, p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8")) for p in paths])
        return {r.id for r in book.rules if r.bounded}

    assert bounded(shipped) == set()
    assert "percent.number" in bounded(shipped + user)


TOO_COSTLY = r"(?:takes longer than 0\.5 s|needs too much memory) to compile"  # whichever limit it meets first


def test_a_user_pattern_that_compiles_too_slowly_is_a_rule_error(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.extract.saferegex, "COMPILE_SECONDS", 0.5)
    nested = "(?:(?:(?:(?:a{50}){50}){50}){50})"
    directory = user_dir(tmp_path, FAMILY + "\n" + rule("test.nested", nested, 'kind = "count"'))
    with pytest.raises(RuleError) as caught:
        common_and(directory)
    assert regex.fullmatch(rf"{regex.escape(str(directory / 'user.toml'))}:4: rule 'test.nested': bad pattern: {TOO_COSTLY}",
                           str(caught.value)), str(caught.value)


def test_a_user_anchor_that_compiles_too_slowly_is_a_rule_error(tmp_path, monkeypatch):
    monkeypatch.setattr(factcheck.extract.saferegex, "COMPILE_SECONDS", 0.5)
    body = FAMILY + "[anchors]\nw = '(?:(?:(?:(?:a{50}){50}){50}){50})'\n" + rule(
        "test.x", "x", 'kind = "count"', 'anchors = ["w"]')
    with pytest.raises(RuleError, match=rf"user\.toml:3: anchor 'w': bad pattern: {TOO_COSTLY}$"):
        common_and(user_dir(tmp_path, body))


def test_an_anchor_for_lower_cased_text_keeps_the_letters_of_its_escapes():
    lowered = factcheck.extract.rulebook.lowered_source(r"\bTons?\W+\p{L}+\S")
    assert lowered == r"\btons?\W+[^\W\d_]+\S"
    assert regex.fullmatch(lowered, "tons, ab.") and not regex.fullmatch(lowered, "tons ab ")
