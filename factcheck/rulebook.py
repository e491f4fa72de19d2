"""Load rule files (TOML data, never code) into one compiled rulebook.

A rule file declares a family, shared `fragments`, lookup `tables` and prefilter `anchors`
(all global across files), and `rules`, each with a regex pattern whose named groups the
normalizer interprets, plus examples and counter-examples. `{name}` in a pattern, fragment
or anchor expands to a fragment, or to a table's keys as an alternation (longest first).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from factcheck.errors import RuleError
from factcheck.model import KINDS
from factcheck.relations.frames import ENGINE_FRAGMENTS, Frame, compile_frame

REF = regex.compile(r"(?<!\\[pPN])\{([A-Za-z_][A-Za-z0-9_]*)\}")  # \p{Lu} is a property, not a fragment
FILE_KEYS = {"family", "kind", "priority", "description", "lookup", "fragments", "tables", "anchors", "rules",
             "frames", "composites"}
FRAME_EXAMPLE_KEYS = {"texts", "verdict", "date", "note"}
RULE_KEYS = {
    "id", "name", "description", "pattern", "kind", "anchors", "priority",
    "case_sensitive", "set", "lookup", "examples", "counter_examples",
}
EXAMPLE_KEYS = {"texts", "value", "unit", "low", "high", "qualifier", "kind", "per", "date", "note"}
SET_KEYS = {"value", "unit", "qualifier", "per", "factor", "kind", "ambiguous", "shift", "period", "relative", "direction"}
DIRECTIONS = ("past", "future")
DEFAULT_ANCHORS = ("digit", "number_word")
USER_MATCH_TIMEOUT = 1.0  # seconds a user rule may spend on one stretch of a sentence
MAX_EXPANSION_DEPTH = 20


@dataclass(frozen=True, slots=True)
class Example:
    """Texts (with «» around the expected span, else the whole text) and the value they yield."""

    texts: tuple[str, ...]
    expected: dict[str, Any]
    date: str | None
    line: int


@dataclass(slots=True)
class Rule:
    id: str
    family: str
    kind: str
    name: str
    description: str
    pattern: str
    compiled: Any
    anchors: tuple[str, ...]
    priority: int
    constants: dict[str, Any]
    lookup: dict[str, tuple[str, ...]]
    examples: list[Example]
    counter_examples: list[Example]
    source: str
    line: int
    order: int = 0
    timeout: float | None = None  # user rules run with a match timeout; the shipped ones are trusted


@dataclass(frozen=True, slots=True)
class Composite:
    """A measure stated as the sum of parts: trade = exports + imports."""

    name: str
    words: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class Rulebook:
    """All rules, fragments, tables and anchors of the built-in and user rule files."""

    rules: list[Rule] = field(default_factory=list)
    fragments: dict[str, str] = field(default_factory=dict)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    anchors: dict[str, str] = field(default_factory=dict)
    anchor_regexes: dict[str, Anchor] = field(default_factory=dict)
    anchor_sources: dict[str, str] = field(default_factory=dict)
    qualifier_regex: Any = None
    frames: list[Frame] = field(default_factory=list)
    composites: dict[str, Composite] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def lookup(self, table: str, key: str) -> Any:
        """Case-insensitive table lookup with whitespace and hyphens folded."""
        return self.tables.get(table, {}).get(fold(key))

    def lookup_in(self, tables: tuple[str, ...], key: str) -> Any:
        """The first of several tables that holds the key."""
        for table in tables:
            found = self.lookup(table, key)
            if found is not None:
                return found
        return None


FOLD_SPLIT = regex.compile(r"[\s\-\u2010-\u2015]+")


def fold(key: str) -> str:
    """The normal form of a table key: lower case, runs of spaces and hyphens as one space, no final dot."""
    return " ".join(FOLD_SPLIT.split(key.strip().lower().rstrip(".")))


def builtin_rules_dir() -> Path:
    """The shipped rules: inside the installed package, or beside it in a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"{package}: the built-in rule files are missing; reinstall factcheck")


def load_rulebook(user_dirs: list[Path] | None = None) -> Rulebook:
    """The built-in rules, then each user directory; a user rule with a built-in id replaces it."""
    raw: list[tuple[str, dict[str, Any], str]] = []
    for directory in [builtin_rules_dir(), *(user_dirs or [])]:
        for path in rule_files(directory):
            text = read_rule_file(path)
            raw.append((str(path), parse_toml(path, text), text))
    book = build(raw)
    shipped = str(builtin_rules_dir())
    for rule in book.rules:
        if not rule.source.startswith(shipped):
            rule.timeout = USER_MATCH_TIMEOUT
    return book


def rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise RuleError(f"{directory}: not a directory of rule files")
    return sorted(directory.glob("*.toml"))


def read_rule_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}:1: cannot read rule file: {exc}") from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = regex.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = found.group(1) if found else str(text.rstrip().count("\n") + 1 if "end of document" in str(exc) else 1)
        message = regex.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        raise RuleError(f"{path}:{line}: invalid TOML: {message}") from None


def build(files: list[tuple[str, dict[str, Any], str]]) -> Rulebook:
    book = Rulebook()
    pending: dict[str, tuple[dict[str, Any], str, str, dict[str, Any]]] = {}
    pending_frames: dict[str, tuple[dict[str, Any], str, str]] = {}
    for source, data, text in files:
        check_keys(source, text, data, FILE_KEYS, "rule file")
        check_shapes(source, text, data)
        book.fragments.update(string_map(source, text, data, "fragments"))
        anchors = string_map(source, text, data, "anchors")
        book.anchors.update(anchors)
        book.anchor_sources.update({name: f"{source}:{line_of(text, name)}" for name in anchors})
        for name, table in table_map(source, text, data).items():
            book.tables.setdefault(name, {}).update({fold(k): v for k, v in table.items()})
        for rule in data.get("rules", []):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise RuleError(f"{source}:{line_of(text, '[[rules]]')}: every rule needs a string 'id'")
            pending[rule["id"]] = (rule, source, text, data)
        for frame in data.get("frames", []):
            if not isinstance(frame, dict) or not isinstance(frame.get("id"), str):
                raise RuleError(f"{source}:{line_of(text, '[[frames]]')}: every frame needs a string 'id'")
            pending_frames[frame["id"]] = (frame, source, text)
        book.composites.update(composites(source, text, data))
        book.sources.append(source)
    for order, (rule, source, text, data) in enumerate(pending.values()):
        compiled = compile_rule(book, rule, source, text, data)
        compiled.order = order
        book.rules.append(compiled)
    book.anchor_regexes = compile_anchors(book)
    if book.tables.get("qualifier"):
        book.qualifier_regex = regex.compile(r"(?<![\w-])(?P<q>" + table_alternation(book.tables["qualifier"]) + r")\s+$",
                                             regex.IGNORECASE)
    for name, fragment in ENGINE_FRAGMENTS.items():
        book.fragments.setdefault(name, fragment)
    book.frames = [load_frame(book, *item) for item in pending_frames.values()]
    for order, frame in enumerate(book.frames):
        frame.order = order
    return book


FILE_SHAPES = {"family": str, "kind": str, "priority": int, "description": str, "lookup": dict, "fragments": dict,
               "tables": dict, "anchors": dict, "rules": list, "frames": list, "composites": dict}
RULE_SHAPES = {"id": str, "name": str, "description": str, "pattern": str, "kind": str, "anchors": list, "priority": int,
               "case_sensitive": bool, "set": dict, "lookup": dict, "examples": list, "counter_examples": list}


def check_shapes(source: str, text: str, data: dict[str, Any]) -> None:
    """Every top-level key of a rule file, and the family, of the type the format says."""
    if not isinstance(data.get("family"), str):
        raise RuleError(f"{source}:1: missing string key 'family'")
    for key, shape in FILE_SHAPES.items():
        if key in data and not isinstance(data[key], shape):
            raise RuleError(f"{source}:{line_of(text, key)}: '{key}' must be {SHAPE_WORDS[shape]}")


def check_rule_shapes(where: str, rule: dict[str, Any]) -> None:
    for key, shape in RULE_SHAPES.items():
        if key in rule and (not isinstance(rule[key], shape) or (shape is int and isinstance(rule[key], bool))):
            raise RuleError(f"{where}: '{key}' must be {SHAPE_WORDS[shape]}")
    for key, value in rule.get("set", {}).items():
        if key in ("value", "factor", "shift") and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise RuleError(f"{where}: set.{key} must be a number")


SHAPE_WORDS = {str: "a string", int: "a whole number", dict: "a table", list: "a list", bool: "true or false"}


def check_keys(source: str, text: str, data: dict[str, Any], allowed: set[str], what: str) -> None:
    for key in data:
        if key not in allowed:
            raise RuleError(f"{source}:{line_of(text, key)}: unknown key '{key}' in {what}")


def string_map(source: str, text: str, data: dict[str, Any], key: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise RuleError(f"{source}:{line_of(text, f'[{key}]')}: [{key}] must map names to regex strings")
    return value


def table_map(source: str, text: str, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    tables = data.get("tables", {})
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise RuleError(f"{source}:{line_of(text, '[tables')}: [tables.NAME] must be tables of key = value")
    return tables


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of needle in a rule file (1 when absent)."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def expand(book: Rulebook, pattern: str, where: str, depth: int = 0) -> str:
    """Replace every {name} by its fragment or table alternation, recursively."""
    if depth > MAX_EXPANSION_DEPTH:
        raise RuleError(f"{where}: fragments refer to each other in a cycle")

    def replace(match: regex.Match[str]) -> str:
        name = match.group(1)
        if name in book.fragments:
            return "(?:" + expand(book, book.fragments[name], where, depth + 1) + ")"
        if name in book.tables:
            return "(?:" + table_alternation(book.tables[name]) + ")"
        raise RuleError(f"{where}: unknown fragment or table '{{{name}}}'")

    return REF.sub(replace, pattern)


SEPARATOR = r"[\s\-]+"  # a space in a table key matches spaces or hyphens


def table_alternation(table: dict[str, Any]) -> str:
    """The keys as one regex that prefers the longest key, factored as a trie.

    "million|millions|mn" becomes "m(?:illion(?:s)?|n)": regex engines try an alternation
    branch by branch at every position, so shared prefixes make long tables much faster.
    """
    trie: dict[str, Any] = {}
    for key in table:
        node = trie
        for token in key_tokens(key):
            node = node.setdefault(token, {})
        node[""] = {}
    return trie_pattern(trie)


def key_tokens(key: str) -> list[str]:
    return [SEPARATOR if ch == " " else regex.escape(ch) for ch in key]


def trie_pattern(node: dict[str, Any]) -> str:
    branches = [token + trie_pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def compile_rule(book: Rulebook, rule: dict[str, Any], source: str, text: str, data: dict[str, Any]) -> Rule:
    rid = rule["id"]
    line = line_of(text, f'"{rid}"')
    where = f"{source}:{line}: rule '{rid}'"
    check_keys(source, text, rule, RULE_KEYS, f"rule '{rid}'")
    check_rule_shapes(where, rule)
    if not isinstance(rule.get("pattern"), str):
        raise RuleError(f"{where}: missing string 'pattern'")
    kind = rule.get("kind", data.get("kind"))
    if kind not in KINDS:
        raise RuleError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    constants = rule.get("set", {})
    if not isinstance(constants, dict) or set(constants) - SET_KEYS:
        raise RuleError(f"{where}: 'set' may only hold {', '.join(sorted(SET_KEYS))}")
    if constants.get("direction", "past") not in DIRECTIONS:
        raise RuleError(f"{where}: 'direction' must be one of {', '.join(DIRECTIONS)}")
    anchors = tuple(rule.get("anchors", DEFAULT_ANCHORS))
    for anchor in anchors:
        if anchor not in book.anchors:
            raise RuleError(f"{where}: unknown anchor '{anchor}'")
    flags = 0 if rule.get("case_sensitive") else regex.IGNORECASE
    try:
        compiled = regex.compile(expand(book, rule["pattern"], where), flags)
    except regex.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from None
    return Rule(
        id=rid, family=data["family"], kind=kind, name=str(rule.get("name", rid)),
        description=str(rule.get("description", "")), pattern=rule["pattern"], compiled=compiled,
        anchors=anchors, priority=int(rule.get("priority", data.get("priority", 0))),
        constants=constants, lookup=lookups({**data.get("lookup", {}), **rule.get("lookup", {})}, where, book), examples=examples(rule, "examples", where, text),
        counter_examples=examples(rule, "counter_examples", where, text), source=source, line=line,
    )


def lookups(mapping: Any, where: str, book: Rulebook) -> dict[str, tuple[str, ...]]:
    """Which tables each group is looked up in (the table of the group's own name by default)."""
    if not isinstance(mapping, dict):
        raise RuleError(f"{where}: 'lookup' maps group names to a table name or a list of them")
    found = {}
    for group, tables in mapping.items():
        names = (tables,) if isinstance(tables, str) else tuple(tables) if isinstance(tables, list) else ()
        if not names or not all(isinstance(n, str) for n in names):
            raise RuleError(f"{where}: 'lookup' maps group names to a table name or a list of them")
        for name in names:
            if name not in book.tables:
                raise RuleError(f"{where}: 'lookup' names unknown table '{name}'")
        found[group] = names
    return found


def examples(rule: dict[str, Any], key: str, where: str, text: str, allowed: set[str] = EXAMPLE_KEYS) -> list[Example]:
    found = []
    for group in rule.get(key, []):
        if not isinstance(group, dict) or set(group) - allowed:
            raise RuleError(f"{where}: each of '{key}' takes only {', '.join(sorted(allowed))}")
        texts = group.get("texts")
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            raise RuleError(f"{where}: each of '{key}' needs a non-empty list 'texts'")
        expected = {k: v for k, v in group.items() if k not in ("texts", "date", "note")}
        found.append(Example(tuple(texts), expected, group.get("date"), line_of(text, texts[0])))
    return found


def composites(source: str, text: str, data: dict[str, Any]) -> dict[str, Composite]:
    found = {}
    for name, spec in data.get("composites", {}).items():
        words, parts = spec.get("words", []) if isinstance(spec, dict) else None, spec.get("parts", []) if isinstance(spec, dict) else None
        if not isinstance(words, list) or not isinstance(parts, list) or not all(isinstance(p, list) for p in parts):
            raise RuleError(f"{source}:{line_of(text, f'[composites.{name}]')}: a composite needs 'words' and 'parts' lists")
        found[name] = Composite(name, tuple(fold(w) for w in words), tuple(tuple(fold(w) for w in p) for p in parts))
    return found


def load_frame(book: Rulebook, spec: dict[str, Any], source: str, text: str) -> Frame:
    fid = spec["id"]
    line = line_of(text, f'"{fid}"')
    where = f"{source}:{line}: frame '{fid}'"
    found = (examples(spec, "examples", where, text, FRAME_EXAMPLE_KEYS),
             examples(spec, "counter_examples", where, text, FRAME_EXAMPLE_KEYS))
    return compile_frame(spec, lambda pattern, at: expand(book, pattern, at), where, source, line, found)


def compile_anchors(book: Rulebook) -> dict[str, Anchor]:
    """Each anchor that some rule uses, compiled on its own for the prefilter.

    An anchor that the standard `re` engine accepts runs there, on the lower-cased text:
    for these short alternations of words it is several times faster than `regex`.
    """
    used = sorted({a for rule in book.rules for a in rule.anchors})
    compiled = {}
    for name in used:
        where = f"{book.anchor_sources.get(name, '?')}: anchor '{name}'"
        source = expand(book, book.anchors[name], where)
        try:
            compiled[name] = Anchor(regex.compile(source, regex.IGNORECASE), fast_pattern(source))
        except regex.error as exc:
            raise RuleError(f"{where}: bad pattern: {exc}") from None
    return compiled


def fast_pattern(source: str) -> re.Pattern[str] | None:
    """The anchor for `re` on lower-cased text, or None when `re` cannot take it."""
    try:
        return re.compile(source.replace(r"[\p{L}]", r"[^\W\d_]").replace(r"\p{L}", r"[^\W\d_]").lower())
    except (re.error, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class Anchor:
    """A prefilter pattern: `fast` (re, lower-cased text) where possible, else `full` (regex)."""

    full: Any
    fast: re.Pattern[str] | None

    def finditer(self, text: str, lowered: str | None) -> Any:
        if self.fast is not None and lowered is not None:
            return self.fast.finditer(lowered)
        return self.full.finditer(text)
