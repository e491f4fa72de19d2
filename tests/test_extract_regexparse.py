"""regex's parser with plain int flags compiles to the same matches, and a parse is shared by the readers."""

from __future__ import annotations

import enum
import inspect
import json
import subprocess
import sys

import regex
from regex import _regex_core as core

from factcheck.extract.gates import required_all
from factcheck.extract.regexparse import parse, plain_flags, syntax
from factcheck.extract.starts import openings

PATTERNS = [
    (r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?:per\s*cent|percent|%)", regex.IGNORECASE),
    (r"\b(?:twenty|thirty)(?:-(?:one|two))?\s+(?P<unit>miles?|kilomet(?:er|re)s?)\b", regex.IGNORECASE),
    (r"(?i:İstanbul)|(?-i:May)\s+\d{4}|ſtraße", 0),
]
TEXTS = ["About 1,250 per cent, 30% and 7 percent.", "Twenty-one miles, THIRTY KILOMETRES.", "istanbul May 2020 straße"]


def spans() -> list[list[tuple[int, int]]]:
    return [[m.span() for m in regex.compile(p, f, cache_pattern=False).finditer(text)] for p, f in PATTERNS for text in TEXTS]


def test_the_parser_holds_plain_int_flags_and_compiles_to_the_same_matches():
    script = f"import json, regex; PATTERNS, TEXTS = {PATTERNS!r}, {TEXTS!r}\n{inspect.getsource(spans)}\nprint(json.dumps(spans()))"
    untouched = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    plain_flags()
    assert not any(isinstance(value, enum.IntFlag) for value in vars(core).values())
    assert all(type(key) is int for key in core.CASE_FLAGS_COMBINATIONS)
    assert [[list(span) for span in found] for found in spans()] == json.loads(untouched)


def test_a_parse_is_shared_and_the_readers_leave_it_as_they_found_it():
    pattern, flags = PATTERNS[1]
    parse.cache_clear()
    first = openings(pattern, flags)
    gate = required_all(pattern, flags, True)
    assert parse.cache_info().hits == 1  # the gate read the openings' parse
    parse.cache_clear()
    assert required_all(pattern, flags, True) == gate and openings(pattern, flags) == first
    assert parse(pattern, flags) is parse(pattern, regex.IGNORECASE)


def test_syntax_walks_past_escapes_and_character_classes():
    source = r"a\(b[(|\]]c[]x]d[^]y](e|f)"
    assert [char for _, char in syntax(source) if char in "()|[]"] == ["(", "|", ")"]
    assert all(source[at] == char for at, char in syntax(source))
