"""Compiling frames: slots to token regexes, roles checked against the check type, one clear error each."""

from __future__ import annotations

import marshal

import pytest
import regex

from factcheck.errors import RuleError
from factcheck.extract.calls import CalledForms
from factcheck.extract.gates import admits_all
from factcheck.relations.frames import ROLES, compile_frame, expand_slots, gate_pattern, is_reading, read_pattern, slot_pattern, word_gate
from factcheck.relations.slots import SENTENCE_BREAK, SLOT_CLOSE, SLOT_OPEN
from factcheck.extract.rulebook import load_rulebook
from frame_windows import matched_windows

FRAGMENTS = {"gap": "(?:\\w+ )*?", "part": "{money:parts}", "break": SENTENCE_BREAK}


def expand(pattern: str, where: str) -> str:
    """A stand-in for the rule book's fragment expansion (one level is enough here)."""
    return regex.sub(r"\{(gap|part|break)\}", lambda m: FRAGMENTS[m.group(1)], pattern)


def frame(**spec):
    return compile_frame({"id": "t.frame", **spec}, expand, "t.toml:1: frame 't.frame'", "t.toml", 1, lambda: ([], []))


def token(tags: str, index: int) -> str:
    return f"{SLOT_OPEN} {tags} #{index}{SLOT_CLOSE}"


def test_a_slot_matches_a_token_with_any_of_its_tags_and_captures_the_index():
    pattern = regex.compile(slot_pattern("money|count", "part"))
    assert pattern.fullmatch(token("count number level", 7))["part"] == "7"
    assert pattern.fullmatch(token("money number level", 0))
    assert not pattern.fullmatch(token("percent number", 1))
    assert not regex.compile(slot_pattern("level", "_")).fullmatch(token("money number", 2))


def test_the_hedge_is_defined_once_and_may_stand_before_every_slot():
    source, _ = expand_slots("{money:a} to {money:b}", "about|more than|nearly")
    assert source.count("more than") == 1
    pattern = regex.compile(source)
    found = pattern.fullmatch(f"more than {token('money', 1)} to nearly {token('money', 2)}")
    assert found and (found["a"], found["b"]) == ("1", "2")
    assert pattern.fullmatch(f"{token('money', 1)} to {token('money', 2)}")
    assert not pattern.fullmatch(f"almost {token('money', 1)} to {token('money', 2)}")
    assert "hedge" not in expand_slots("{money:a} to {money:b}")[0]


def test_a_frames_own_groups_leave_out_the_hedge():
    compiled = frame(type="sum", pattern="(?P<word>total) {money:total}, of which {money:parts} and {money:parts}")
    assert compiled.groups == ("word",)


def test_a_frame_compiles_with_its_long_fragments_called_and_binds_as_if_they_were_inlined():
    words = "(?:" + "|".join(f"word{i:03d}" for i in range(90)) + ") "
    fragments = {**FRAGMENTS, "words": words}
    forms = CalledForms(fragments, {}, lambda pattern: regex.sub(r"\{(gap|part|break|words)\}", lambda m: fragments[m.group(1)], pattern))
    spec = {"id": "t.frame", "type": "sum", "pattern": "{words}{money:parts} and {words}{money:parts}, total {money:total}"}
    called = compile_frame(spec, lambda p, _: forms.expand(p), "t", "t.toml", 1, lambda: ([], []),
                           call=lambda written, _: forms.pattern(written))
    inlined = compile_frame(spec, lambda p, _: forms.expand(p), "t", "t.toml", 1, lambda: ([], []))
    assert called.compiled.pattern.count("word089") == 1 and inlined.compiled.pattern.count("word089") == 2
    assert called.groups == inlined.groups == () and called.roles == inlined.roles
    text = f"word001 {token('money', 0)} and word002 {token('money', 1)}, total {token('money', 2)}"
    bound = [{k: v for k, v in each.compiled.fullmatch(text).capturesdict().items() if not k.endswith("__")}
             for each in (called, inlined)]
    assert bound[0] == bound[1] == {"parts": ["0", "1"], "total": ["2"]}


def test_roles_come_in_order_of_first_use_with_their_tags_and_marks():
    _, slots = expand_slots("{money:parts} and {count:parts}, {money!:total} ({number:_}) {level+:rest}")
    assert slots.roles == ["parts", "total", "rest"]
    assert slots.tags == {"parts": {"money", "count"}, "total": {"money"}, "rest": {"level"}}
    assert slots.marks == {"total": "!", "rest": "+"}


def test_a_frame_needs_the_tags_of_its_trigger_and_of_the_roles_its_type_requires():
    compiled = frame(type="sum", trigger="total", pattern="{money|count:parts} and {money:parts} (?:{percent:_} )?{money:total}")
    assert set(compiled.needs) == {frozenset({"money", "count"}), frozenset({"money"})}


def test_a_compiled_frame_binds_a_list_role_to_every_slot_it_repeats():
    compiled = frame(type="sum", pattern="{part}(?:, {part})* in all {money:total}")
    text = f"{token('money level', 0)}, {token('money level', 1)} in all {token('money level', 2)}"
    match = compiled.compiled.search(text)
    assert match.captures("parts") == ["0", "1"] and match["total"] == "2"
    assert compiled.trigger == "parts" and compiled.roles == ("parts", "total")


def test_named_groups_that_are_no_role_are_settings_read_through_their_table():
    compiled = frame(type="difference", pattern="{money:subject} (?P<direction>more|less) {money:gap}",
                     lookup={"direction": "than"}, set={"mode": "absolute"})
    assert compiled.groups == ("direction",) and compiled.lookup == {"direction": "than"}
    assert compiled.settings == {"mode": "absolute"}


def test_a_frame_built_from_a_kept_reading_of_its_pattern_is_the_frame_read_anew():
    spec = {"id": "t.frame", "type": "sum", "trigger": "total", "pattern": "{part}(?:, {part})* in all {money!:total}"}
    reading = read_pattern(spec["pattern"], expand, "t")
    kept = marshal.loads(marshal.dumps(reading))  # as the store gives it back
    fields = ("compiled", "roles", "needs", "only", "every", "trigger", "groups", "gate", "least", "reading")
    anew, again = (compile_frame(spec, expand, "t", "t.toml", 1, lambda: ([], []), reading=each) for each in (None, kept))
    assert [getattr(anew, name) for name in fields if name != "compiled"] == [getattr(again, name) for name in fields
                                                                            if name != "compiled"]
    assert anew.compiled.pattern == again.compiled.pattern and again.reading is kept


@pytest.mark.parametrize("change", [
    {"pattern": "{money:parts} and {money:parts}, total {money:total}"},  # kept for another pattern
    {"breaks": "0"}, {"roles": None},  # not what read_pattern gives
    {"extra": 1},
])
def test_a_kept_reading_that_does_not_match_the_pattern_is_not_taken(change):
    pattern = "{part}(?:, {part})* in all {money:total}"
    reading = read_pattern(pattern, expand, "t")
    assert is_reading(reading, pattern) and not is_reading({**reading, **change}, pattern)
    assert not is_reading([reading], pattern) and not is_reading(None, pattern)


def test_a_frames_examples_are_read_when_first_asked_for():
    asked = []
    compiled = frame(type="range", pattern="{range:range}")
    lazy = compile_frame({"id": "t.frame", "type": "range", "pattern": "{range:range}"}, expand, "t", "t.toml", 1,
                         lambda: asked.append(1) or (["example"], ["counter"]))
    assert not asked and compiled.examples == compiled.counter_examples == []
    assert (lazy.examples, lazy.counter_examples, asked) == (["example"], ["counter"], [1])


def test_a_pair_frame_crosses_the_sentence_break():
    assert frame(type="range", scope="pair", pattern="{gap}{break} {range:range}").scope == "pair"


@pytest.mark.parametrize("spec, message", [
    ({"type": "sums", "pattern": "{money:parts}"}, "type must be one of"),
    ({"type": "sum", "pattern": ""}, "missing string 'pattern'"),
    ({"type": "sum", "pattern": "{money:parts} {money:whole}"}, "a sum frame has no role whole"),
    ({"type": "sum", "pattern": "{money:parts}"}, "a sum frame needs the role total"),
    ({"type": "range", "pattern": "{range:range}", "scope": "document"}, "scope must be one of"),
    ({"type": "range", "pattern": "{range:range}", "scope": "pair"}, "must cross 1 sentence break"),
    ({"type": "range", "pattern": "{range:range}", "trigger": "total"}, "trigger must be one of"),
    ({"type": "range", "pattern": "{range:range}", "set": {"colour": 1}}, "'set' may only hold"),
    ({"type": "range", "pattern": "{range:range}", "lookup": {"nope": "than"}}, "'lookup' maps"),
    ({"type": "range", "pattern": "{range:range} ("}, "bad pattern"),
    ({"type": "range", "pattern": "{range:range}", "colour": "red"}, "unknown key 'colour'"),
])
def test_a_malformed_frame_is_one_error_at_its_place(spec, message):
    with pytest.raises(RuleError) as caught:
        frame(**spec)
    assert str(caught.value).startswith("t.toml:1: frame 't.frame': ") and message in str(caught.value)


def test_every_check_type_has_roles_to_bind():
    assert all(required or optional for required, optional in ROLES.values())


def test_a_frames_word_gate_holds_the_words_every_match_needs_and_no_slot_tag():
    assert word_gate(gate_pattern("{level:whole}, of which {level:part}")) == (("\ue001, of which ",),)  # after a slot
    assert word_gate(gate_pattern("{level:a} (?:rose|fell) to {level:b}")) == (("\ue001 fell to ", "\ue001 rose to "),)  # not "level", a tag
    assert word_gate(gate_pattern("{level:a}(?:, )?{level:b}")) == (("\ue000",),)  # no word that every match holds, only a slot
    assert word_gate(gate_pattern("{level:a} to {level:b}")) == (("\ue001 to ",),)  # not "to \ue000": a hedge may stand before a slot


def test_the_word_gate_never_drops_a_match_of_any_shipped_frame_on_its_examples():
    book = load_rulebook()
    for frame, text, window in matched_windows(book):
        assert admits_all(frame.gate, window.text.casefold()), (frame.id, text)


def test_a_frame_may_leave_roles_free_with_the_tags_of_the_figures_that_fill_them():
    compiled = frame(type="percent_change", pattern="up {percent:rate}", free={"old": "level|percent", "new": "level"})
    assert compiled.free == {"old": frozenset({"level", "percent"}), "new": frozenset({"level"})}
    assert frozenset({"level"}) in compiled.needs  # a window without such a figure is not tried


@pytest.mark.parametrize("free, problem", [
    ({"old": 3}, "'free' maps roles to slot tags"),
    ({"rate": "percent"}, "both in the pattern and free"),
    ({"whole": "level"}, "has no role whole"),
])
def test_free_roles_are_checked(free, problem):
    with pytest.raises(RuleError, match=problem):
        frame(type="percent_change", pattern="up {percent:rate}", free=free)


def test_free_roles_count_towards_the_roles_a_check_type_needs():
    with pytest.raises(RuleError, match="needs the role total"):
        frame(type="sum", pattern="{money:parts} and more")
    assert frame(type="sum", pattern="in all {money:total}", free={"parts": "level"}).roles == ("total",)


def test_a_sole_reading_of_a_wider_scope_needs_no_sentence_break():
    spec = {"type": "share", "pattern": "{percent:share}", "trigger": "share", "scope": "triple",
            "set": {"reading": "sole"}, "free": {"part": "level", "whole": "level"}}
    assert frame(**spec).breaks == 0
    assert frame(**{**spec, "scope": "pair", "set": {}, "pattern": "{percent:share}{break}"}).breaks == 1
