"""Rule-file values are checked where they are loaded: one `file:line:` error for each kind of bad
value, so no report ever carries a value its schema refuses and no scan fails on a table entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import RuleError
from factcheck.extract.rulebook import build, builtin_rules_dir, load_rulebook, parse_toml, rule_files
from factcheck.extract.ruledata import check_set, check_tables, id_offset

FAMILY = 'family = "test"\n'


def user_dir(tmp_path: Path, body: str) -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(exist_ok=True)
    (directory / "user.toml").write_text(FAMILY + body, encoding="utf-8")
    return directory


def build_with(directory: Path):
    """common.toml and the user directory, as load_rulebook builds them."""
    paths = [builtin_rules_dir() / "common.toml", *rule_files(directory)]
    return build([(str(p), parse_toml(p, p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8")) for p in paths])


def rule(*lines: str, rid: str = '"test.x"', pattern: str = "zork") -> str:
    return "\n".join(["[[rules]]", f"id = {rid}", f"pattern = '{pattern}'", 'kind = "count"', *lines]) + "\n"


BAD = {
    "a string in the scale table": ("\n[tables.scale]\nzillion = \"lots\"\n", 4, "[tables.scale] 'zillion' must be a number"),
    "a string in number_word": ("[tables.number_word]\nzork = \"five\"\n", 3, "[tables.number_word] 'zork' must be a number"),
    "an infinite scale": ("[tables.scale]\nzillion = inf\n", 3, "must be a finite number"),
    "a month out of range": ("[tables.month]\nsmarch = 13\n", 3, "must be a whole number from 1 to 12"),
    "a bogus qualifier": ("[tables.qualifier]\nkinda = \"bogus\"\n", 3, "must be one of approximately, at_least, at_most"),
    "a unit pint does not know": ("[tables.length_unit]\nzorks = \"zorkmeter\"\n", 3, "names no unit pint knows"),
    "a list in a currency table": ("[tables.currency_name]\nzorkmid = [\"ZMD\"]\n", 3, "must be a unit name"),
    "a bogus set kind": (rule('set = { kind = "bogus" }'), 3, "set.kind must be one of money"),
    "a list as the set unit": (rule('set = { unit = ["USD"] }'), 3, "set.unit must be a unit name"),
    "a NaN set value": (rule("set = { value = nan }"), 3, "set.value must be a finite number"),
    "an empty rule id": (rule(rid='""'), 3, "a rule id must be a non-empty string of printable characters"),
    "a rule id with a newline": (rule(rid='"test.x\\nforged line"'), 2, "printable characters"),
    "a rule id with NUL": (rule(rid='"test\\u0000x"'), 2, "printable characters"),
    "a rule id with RLO": (rule(rid='"test.\\u202ex"'), 2, "printable characters"),
    "a malformed example date": (rule("examples = [{ texts = ['a zork'], date = '2015-13-45' }]"), 3,
                                 "an example's date must be \"YYYY-MM-DD\", not '2015-13-45'"),
    "an example date that is not a string": (rule("examples = [{ texts = ['a zork'], date = 5 }]"), 3,
                                             "an example's date must be"),
    "a lookup table of words for a multiplier": (
        "[tables.zorkfold]\nzork = \"x\"\n" + rule('lookup = { multiplier = "zorkfold" }', pattern="(?P<multiplier>zork)"),
        5, "group 'multiplier' is looked up in table 'zorkfold', whose 'zork' must be a number"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_value_is_one_rule_error_at_its_file_and_line(tmp_path, case):
    body, line, message = BAD[case]
    directory = user_dir(tmp_path, body)
    with pytest.raises(RuleError) as caught:
        build_with(directory)
    text = str(caught.value)
    assert text.startswith(f"{directory / 'user.toml'}:{line}: "), text
    assert message in text and "\n" not in text


def test_a_bad_table_value_stops_the_load_not_the_scan(tmp_path):
    """The issue's case: a string in the scale table gave a TypeError while scanning."""
    with pytest.raises(RuleError, match=r"user\.toml:3: \[tables\.scale\] 'zillion'"):
        load_rulebook([user_dir(tmp_path, "[tables.scale]\nzillion = \"lots\"\n")])


def test_good_user_values_load(tmp_path):
    body = ("[tables.length_unit]\nzorks = \"furlong\"\n[tables.currency_name]\nzorkmid = { unit = \"ZMD\", ambiguous = \"x\" }\n"
            + rule('set = { unit = "percentage_point", qualifier = "at_least", value = 2, kind = "percent" }'))
    assert any(r.id == "test.x" for r in build_with(user_dir(tmp_path, body)).rules)


def test_the_shipped_tables_and_constants_pass_the_full_checks():
    for path in builtin_rules_dir().glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        check_tables(str(path), text, parse_toml(path, text).get("tables", {}), pint=True)
    for each in load_rulebook().rules:
        check_set(f"{each.source}:{each.line}", each.constants, pint=True)


def test_a_frame_id_is_found_at_its_own_id_line_not_where_another_frame_names_it():
    text = '[[frames]]\nid = "a"\nrescue = ["b"]\n\n[[frames]]\nid = "b"\n'
    assert id_offset(text, "b") == text.index('id = "b"') + len("id = ")
    assert id_offset(text, "a") == text.index('"a"')


def test_a_frame_id_written_another_way_is_still_found_by_its_quoted_text():
    text = "[[frames]]\nrescue = ['x']\n  id='zz'\n\"zz\"\n"
    assert id_offset(text, "zz") == text.index('"zz"')
    assert id_offset(text, "absent") == 0
