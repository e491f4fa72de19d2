"""Gates: literal strings one of which every match of a pattern holds, so a stretch without any
of them need not be searched. A gate may let through a stretch without a match, never the reverse."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.gates import (BOUND, EXACT_LIMIT, MAX_REQUIREMENTS, admits, admits_all, admits_bounded, gate_text,
                                     required_all, required_literals)
from factcheck.extract.rulebook import load_rulebook


@pytest.mark.parametrize("pattern, expected", [
    (r"\d+ to \d+", (" to ",)),
    (r"\d+(?:\s+times|-?fold)", ("fold", "times")),
    (r"(?:US)?\$\d+", ("$",)),
    (r"(?:about )?\d+ (?:per ?cent|%)", (" %", " per cent", " percent")),
    (r"(?:abc)?\d", None),
    (r"[a-z]+\d", None),
    (r"(?<=\$)\d+", None),
    (r"(?:ab|\d)x", ("x",)),
    (r"(?:ab|\d)", None),
    (r"(?:é|e)\d", None),
    (r"\bit[’']s \d", ("it's ", "it’s ")),
    (r"the \w+ (?:gap|margin)", (" gap", " margin")),  # "the" is in nearly every stretch
    ("\ue002 \\w+ (?:gap|lead)", (" gap", " lead")),  # and a slot mark or sentence break in every window of frames
    ("\ue002 (?:(?:but|now) )?(?:of|out of) the \\w", ("\ue002 but of the ", "\ue002 but out of the ", "\ue002 now of the ",
                                                      "\ue002 now out of the ", "\ue002 of the ", "\ue002 out of the ")),
])
def test_what_every_match_must_hold(pattern, expected):
    assert required_literals(pattern, regex.IGNORECASE) == expected


def test_a_run_stops_at_exact_limit_strings():
    literals = required_literals(r"(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)(?:m|n)x", regex.IGNORECASE)
    assert len(literals) == EXACT_LIMIT == 64 and {len(s) for s in literals} == {6}  # "mx", "nx" start a new run


def test_a_pattern_regex_cannot_parse_has_no_gate():
    assert required_literals("(", 0) is None


def test_a_stretch_is_admitted_when_it_holds_a_literal_or_is_not_ascii():
    assert admits((" to ",), "5 to 10")
    assert not admits((" to ",), "5 or 10")
    assert admits((" to ",), None)  # not ASCII: case folding there is Unicode's, so no gate
    assert admits(None, "anything")


def test_a_gate_holds_every_requirement_worth_a_test_most_selective_first():
    assert required_all(r"\bhalf \d+ (?:times|fold)", regex.IGNORECASE) == (("half ",), (" fold", " times"))
    assert required_all(r"the \d+ (?:gap|margin) of", regex.IGNORECASE) == ((" gap of", " margin of"),)  # not "the "
    assert required_literals(r"\bhalf \d+ (?:times|fold)", regex.IGNORECASE) == ("half ",)
    assert len(required_all(" ".join(f"w{i}x{i}" + r"\d" for i in range(9)), 0)) == MAX_REQUIREMENTS
    assert required_all("(", 0) is None


def test_a_stretch_is_admitted_when_it_holds_a_literal_of_each_requirement():
    gate = ((" to ", " through "), ("from ",))
    assert admits_all(gate, "from 5 to 10")
    assert not admits_all(gate, "5 to 10") and not admits_all(gate, "from 5 or 10")
    assert admits_all(gate, None) and admits_all(None, "anything")


PIECES = ["a", "b", "ab", "to", " ", r"\d", "[a-c]", "[ab]", "(?:a|bc)", "(?:to|fro)", "x?", "(?:ab)?", "(?:ab)+",
          "(?:b|)", "(?=a)", "(?<!b)", r"\b", "(?i:B)", "(?-i:A)", "(?>a|to)", "(?:[ab]|x)?", "[’']", "—", "k", "s", "i"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6), st.text(alphabet="abcABtofrx 1", max_size=20))
def test_no_gate_turns_away_a_stretch_that_holds_a_match(pieces, text):
    """Neither the gate of one requirement nor the gate of every requirement."""
    pattern = "".join(pieces)
    literals, gate = required_literals(pattern, regex.IGNORECASE), required_all(pattern, regex.IGNORECASE)
    if regex.search(pattern, text, regex.IGNORECASE):
        folded = text.lower() if text.isascii() else None
        assert admits(literals, folded) and admits_all(gate, folded), (pattern, text, literals, gate)


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
       st.text(alphabet="abcABtofrxksi 1’'—é\u212a\u017f\u0130_", max_size=20))
def test_no_bounded_gate_turns_away_a_stretch_that_holds_a_match(pieces, text):
    pattern = "".join(pieces)
    gate = required_all(pattern, regex.IGNORECASE, bounds=True)
    if regex.search(pattern, text, regex.IGNORECASE):
        assert admits_bounded(gate, gate_text(text)), (pattern, text, gate)


def test_every_shipped_rule_admits_its_own_examples():
    book = load_rulebook()
    for rule in book.rules:
        gate = required_all(rule.compiled.pattern, rule.compiled.flags)
        bounded = required_all(rule.compiled.pattern, rule.compiled.flags, bounds=True)
        for example in rule.examples:
            for text in example.texts:
                plain = text.replace("«", "").replace("»", "")
                if rule.compiled.search(plain):
                    assert admits_bounded(bounded, gate_text(plain)), (rule.id, plain, bounded)
                    if plain.isascii():
                        assert admits_all(gate, plain.lower()), (rule.id, plain, gate)


def test_a_bounded_gate_keeps_the_word_boundaries_of_its_strings():
    gate = required_all(r"\d+\s*(?:miles?|mi)\b", regex.IGNORECASE, bounds=True)
    assert gate == ((f"mi{BOUND}", f"mile{BOUND}", f"miles{BOUND}"),)
    assert admits_bounded(gate, gate_text("3 mi.")) and admits_bounded(gate, gate_text("ran 3 miles"))
    assert not admits_bounded(gate, gate_text("3 million"))
    assert required_all(r"\d+\s*(?:miles?|mi)\b", regex.IGNORECASE) == (("mi",),)  # unbounded: frames' gates


def test_a_boundary_at_the_edge_of_a_stretch_is_taken_to_hold():
    gate = required_all(r"\bto\b", regex.IGNORECASE, bounds=True)
    assert admits_bounded(gate, "to 5") and admits_bounded(gate, "5 to") and not admits_bounded(gate, "total")


def test_gates_read_text_beyond_ascii_as_other_but_the_letters_regex_folds_to_ascii():
    assert gate_text("It’s 5 KM — é") == "it\x80s 5 km \x80 \x80"
    assert gate_text("\u212a\u017f\u0130") == "ksi"  # the Kelvin sign, the long s, the dotted capital I
    gate = required_all(r"it[’']s \d+ km\b", regex.IGNORECASE, bounds=True)
    assert admits_bounded(gate, gate_text("it’s 5 km")) and admits_bounded(gate, gate_text("it's 5 \u212am"))
    assert not admits_bounded(gate, gate_text("it’s 5 kmx"))
    assert admits_bounded(gate, gate_text("it’s 5 kmé"))  # "é" is a word character: a match is not ruled out here
