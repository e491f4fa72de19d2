"""Load rule files (TOML data, never code) into one compiled rulebook.

A rule file declares a family, shared `fragments`, lookup `tables` and prefilter `anchors`
(all global across files), and `rules`, each with a regex pattern whose named groups the
normalizer interprets, plus examples and counter-examples. `{name}` in a pattern, fragment
or anchor expands to a fragment, or to a table's keys as an alternation (longest first).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import regex

from factcheck.errors import InputError, RuleError
from factcheck.extract.anchorstarts import READING as ANCHOR_READING, AnchorStarts, read_passes
from factcheck.extract.calls import CalledForms
from factcheck.extract.firstchars import gated
from factcheck.extract.gates import Gate
from factcheck.extract.later import ExamplesLater, Later
from factcheck.model import KINDS
from factcheck.extract.patterncache import Store, open_store, store_key
from factcheck.relations.frames import ENGINE_FRAGMENTS, Frame, compile_frame, is_reading
from factcheck.relations.slotcount import least_slots
from factcheck.relations.slots import MARKS
from factcheck.reading import MAX_DATA_BYTES, read_text
from factcheck.extract.ruledata import (
    check_example_date, check_lookups, check_rule_id, check_set, check_tables, check_unique, header_line, id_offset,
    is_builtin, line_at, rule_line,
)
from factcheck.extract.starts import READING, Finder, opening_finder
from factcheck.extract.ruletrust import REF, compile_pattern, is_users, kept_group_names
from factcheck.extract.saferegex import warm

FILE_KEYS = {"family", "kind", "priority", "description", "lookup", "fragments", "tables", "anchors", "rules",
             "frames", "composites"}
FRAME_EXAMPLE_KEYS = {"texts", "verdict", "date", "note"}
RULE_KEYS = {
    "id", "name", "description", "pattern", "kind", "anchors", "priority",
    "case_sensitive", "set", "lookup", "examples", "counter_examples",
}
EXAMPLE_KEYS = {"texts", "value", "unit", "low", "high", "qualifier", "kind", "per", "date", "note"}
SET_KEYS = {"value", "unit", "unit2", "unit3", "qualifier", "per", "factor", "kind", "ambiguous", "shift", "period", "relative", "direction"}
DIRECTIONS = ("past", "future")
DEFAULT_ANCHORS = ("digit", "number_word")
MAX_EXPANSION_DEPTH = 20

ESCAPE_OR_TEXT = re.compile(r"\\.|[^\\]+", re.DOTALL)  # an escape, or a run of anything else

@dataclass(frozen=True, slots=True)
class Example:
    """Texts (with «» around the expected span, else the whole text) and the value they yield."""

    texts: tuple[str, ...]
    expected: dict[str, Any]
    date: str | None
    line: int


@dataclass(slots=True)
class Rule(ExamplesLater):
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
    source: str
    line: int
    order: int = 0
    bounded: bool = False  # a user's pattern: compiled and matched under a time budget (see ruletrust)
    later: Later | None = None  # its `gate` and `starts`, read from the pattern when a scan first asks, and its
    # `examples` (only `rules test` reads them)

    @property
    def gate(self) -> Gate | None:
        """Every match holds one string of each of these (see gates); None: not known."""
        return self.later["gate"] if self.later is not None else None

    @property
    def starts(self) -> Finder | None:
        """Where in a stretch as `gates.gate_text` reads it a match may start (see starts); None: not known."""
        return self.later["starts"] if self.later is not None else None


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
    anchor_starts: AnchorStarts | None = None  # where the anchors that run as `re` may match (see anchorstarts)
    anchor_sources: dict[str, str] = field(default_factory=dict)
    qualifier_regex: Any = None
    context_regex: Any = None  # the words of table currency_country, for factcheck.extract.context
    name_currencies: dict[str, set[str]] = field(default_factory=dict)  # factcheck.extract.context, filled on first use
    frames: list[Frame] = field(default_factory=list)
    composites: dict[str, Composite] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    user_names: set[str] = field(default_factory=set)  # fragments, tables and anchors a user file defined
    store: Store = field(default_factory=lambda: Store(None, {}))  # compiled patterns, kept on disk
    expansions: dict[str, str] = field(default_factory=dict)  # {name} -> its regex, once all files are read
    called: CalledForms | None = None  # the rule patterns as compiled, long fragments called (see calls)

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
    package = Path(__file__).resolve().parents[1]  # factcheck/, above this subpackage
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"{package}: the built-in rule files are missing; reinstall factcheck")


def load_rulebook(user_dirs: list[Path] | None = None) -> Rulebook:
    """The built-in rules, then each user directory; a user rule with a built-in id replaces it."""
    with uncollected():
        texts = [(str(path), read_rule_file(path))
                 for directory in [builtin_rules_dir(), *(user_dirs or [])] for path in rule_files(directory)]
        store = open_store(store_key([part for source_and_text in texts for part in source_and_text]))
        book = build(parsed_files(texts, store), store)
    store.save()
    return book


@contextlib.contextmanager
def uncollected() -> Iterator[None]:
    """No garbage collection meanwhile: loading makes objects that live as long as the rule book, and a full
    collection in it (walking all the store holds) cost a warm start 10 to 20 ms, for nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parsed_files(texts: list[tuple[str, str]], store: Store) -> list[tuple[str, dict[str, Any], str]]:
    """Each rule file's source, TOML data and text. The store of these very texts keeps the data
    (tomllib gives the same for the same text), so a warm start parses nothing."""
    data = store.kept(PARSED)
    if not (isinstance(data, list) and len(data) == len(texts) and all(isinstance(d, dict) for d in data)):
        data = [parse_toml(Path(source), text) for source, text in texts]
        store.keep(PARSED, data)
    return [(source, parsed, text) for (source, text), parsed in zip(texts, data)]


PARSED = "rule files"  # the name of the parsed rule files in the store


def rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise RuleError(f"{directory}: not a directory of rule files")
    return sorted(directory.glob("*.toml"))


def read_rule_file(path: Path) -> str:
    try:
        return read_text(path, MAX_DATA_BYTES, "rule file")
    except InputError as exc:
        raise RuleError(f"{path}:1: cannot read rule file: {str(exc).removeprefix(f'{path}: ')}") from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = regex.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = found.group(1) if found else str(text.rstrip().count("\n") + 1 if "end of document" in str(exc) else 1)
        message = regex.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        raise RuleError(f"{path}:{line}: invalid TOML: {message}") from None
    except RecursionError:
        raise RuleError(f"{path}:1: invalid TOML: nested too deeply") from None
    except ValueError as exc:  # tomllib's own for an integer past Python's limit of 4,300 digits
        raise RuleError(f"{path}:1: invalid TOML: {exc}") from None


def build(files: list[tuple[str, dict[str, Any], str]], store: Store | None = None) -> Rulebook:
    book = Rulebook(store=store or Store(None, {}))
    book.expansions.update(kept_expansions(book.store))
    pending: dict[str, tuple[dict[str, Any], str, str, dict[str, Any]]] = {}
    pending_frames: dict[str, tuple[dict[str, Any], str, str]] = {}
    places: dict[str, tuple[str, int, bool, str]] = {}  # every rule and frame id: one name, one meaning
    for source, data, text in files:
        builtin = from_builtin(source)
        check_keys(source, text, data, FILE_KEYS, "rule file")
        check_shapes(source, text, data)
        if not builtin:
            book.user_names.update(*(data.get(key, {}) for key in ("fragments", "tables", "anchors")))
        book.fragments.update(string_map(source, text, data, "fragments"))
        anchors = string_map(source, text, data, "anchors")
        book.anchors.update(anchors)
        book.anchor_sources.update({name: f"{source}:{line_of(text, name)}" for name in anchors})
        tables = table_map(source, text, data)
        check_tables(source, text, tables, pint=not builtin)
        for name, table in tables.items():
            book.tables.setdefault(name, {}).update({fold(k): v for k, v in table.items()})
        for index, rule in enumerate(data.get("rules", [])):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise RuleError(f"{source}:{line_of(text, '[[rules]]')}: every rule needs a string 'id'")
            line = rule_line(text, rule["id"], index)
            check_rule_id(f"{source}:{line}", rule["id"])
            check_unique(places, rule["id"], source, line, builtin)
            pending[rule["id"]] = (rule, source, text, data)
        for index, frame in enumerate(data.get("frames", [])):
            if not isinstance(frame, dict) or not isinstance(frame.get("id"), str):
                raise RuleError(f"{source}:{line_of(text, '[[frames]]')}: every frame needs a string 'id'")
            check_unique(places, frame["id"], source, header_line(text, "[[frames]]", index), builtin, "frame")
            pending_frames[frame["id"]] = (frame, source, text)
        book.composites.update(composites(source, text, data))
        book.sources.append(source)
    book.called = CalledForms(book.fragments, book.tables, lambda pattern: expand(book, pattern, "fragment"))
    warm(user_patterns(book, list(pending.values())), compile=book.store.compile)  # in one child process
    checked = book.store.kept(CHECKED) is True
    for order, (rule, source, text, data) in enumerate(pending.values()):
        compiled = compile_rule(book, rule, source, text, data, checked)
        compiled.order = order
        book.rules.append(compiled)
    book.anchor_regexes = compile_anchors(book)
    book.anchor_starts = anchor_starts(book)
    if book.tables.get("qualifier"):
        book.qualifier_regex = book.store.compile(r"(?<![\w-])(?P<q>" + table_alternation(book.tables["qualifier"])
                                                  + r")\s+$", regex.IGNORECASE)
    if book.tables.get("currency_country") and book.tables.get("currency_in_country"):
        book.context_regex = book.store.compile(r"(?<![\w-])(?P<word>" + table_alternation(book.tables["currency_country"])
                                                + r")(?![\w-])", regex.IGNORECASE)
    for name, fragment in ENGINE_FRAGMENTS.items():
        book.fragments.setdefault(name, fragment)
    book.frames = load_frames(book, list(pending_frames.values()), checked)
    for order, frame in enumerate(book.frames):
        frame.order = order
    book.store.keep(EXPANSIONS, book.expansions)
    book.store.keep(CHECKED, True)
    return book


EXPANSIONS = "expansions"  # the regex of each {name}, as the rule files of the store define it
CHECKED = "checked"  # kept once the store's rule files were loaded whole: every check of them passed


def read_examples(found: Callable[[], tuple[list[Example], list[Example]]],
                  checked: bool) -> Callable[[], tuple[list[Example], list[Example]]]:
    """The examples and counter-examples of a rule or frame: read when first asked for where the store says its
    files were `checked` before (reading them cost a warm start 10 ms), else now, so that a bad one is reported now."""
    if checked:
        return found
    now = found()
    return lambda: now


def kept_expansions(store: Store) -> dict[str, str]:
    """The expansions a store of these very rule files kept: building the tables' tries and the
    fragments again would give the same."""
    kept = store.kept(EXPANSIONS)
    return kept if isinstance(kept, dict) else {}


@functools.lru_cache(maxsize=256)
def from_builtin(source: str) -> bool:
    """Whether a rule file is one of the shipped ones (asked for every rule: resolving paths is slow)."""
    return is_builtin(source, builtin_rules_dir())


def user_patterns(book: Rulebook, pending: list[tuple[dict[str, Any], str, str, dict[str, Any]]]) -> list[tuple[str, int]]:
    """The expanded patterns of the rules a user supplied, to trial-compile them in one go."""
    found = []
    for rule, source, _, _ in pending:
        if isinstance(rule.get("pattern"), str) and is_users(book, from_builtin(source), rule["pattern"]):
            try:
                expanded = expand(book, rule["pattern"], source)
                found.append((compiled_form(book, rule["pattern"], expanded), rule_flags(rule)))
            except RuleError:
                continue  # compile_rule reports it with the rule's line
    return [item for item in found if not book.store.has(*item)]


def compiled_form(book: Rulebook, written: str, expanded: str) -> str:
    """A rule's or frame's pattern as compiled: `expanded` with long fragments called (see calls), kept in the
    store by the pattern as written (finding it at every start cost a warm scan of the seed tens of ms)."""
    if book.called is None:
        return expanded
    kept = book.store.derive(CALLED, expanded, lambda _: book.called.pattern(written), source=written)
    return kept if isinstance(kept, str) else book.called.pattern(written)


CALLED = "called-form"


def rule_flags(rule: dict[str, Any]) -> int:
    return 0 if rule.get("case_sensitive") else regex.IGNORECASE


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


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line of the first occurrence of needle in a rule file after `start`, else from its
    beginning (1 when absent)."""
    at = text.find(needle, start)
    if at < 0 and start:
        at = text.find(needle)
    return line_at(text, at) if at >= 0 else 1


def expand(book: Rulebook, pattern: str, where: str, depth: int = 0) -> str:
    """Replace every {name} by its fragment or table alternation, recursively."""
    if depth > MAX_EXPANSION_DEPTH:
        raise RuleError(f"{where}: fragments refer to each other in a cycle")

    def replace(match: regex.Match[str]) -> str:
        name = match.group(1)
        if name not in book.expansions:
            if name in book.fragments:
                book.expansions[name] = "(?:" + expand(book, book.fragments[name], where, depth + 1) + ")"
            elif name in book.tables:
                book.expansions[name] = "(?:" + table_alternation(book.tables[name]) + ")"
            else:
                raise RuleError(f"{where}: unknown fragment or table '{{{name}}}'")
        return book.expansions[name]

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
    return [SEPARATOR if ch == " " else ESCAPED.get(ch) or ESCAPED.setdefault(ch, regex.escape(ch)) for ch in key]


ESCAPED: dict[str, str] = {}  # regex.escape of each character met in a table key


def trie_pattern(node: dict[str, Any]) -> str:
    branches = [token + trie_pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def compile_rule(book: Rulebook, rule: dict[str, Any], source: str, text: str, data: dict[str, Any],
                 checked: bool = False) -> Rule:
    """A rule of a rule file; its examples are read when first asked for where the files were `checked`."""
    rid = rule["id"]
    at = max(text.find(f'"{rid}"'), 0)
    line = line_at(text, at)
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
    builtin = from_builtin(source)
    check_set(where, constants, pint=not builtin)
    if constants.get("direction", "past") not in DIRECTIONS:
        raise RuleError(f"{where}: 'direction' must be one of {', '.join(DIRECTIONS)}")
    anchors = tuple(rule.get("anchors", DEFAULT_ANCHORS))
    for anchor in anchors:
        if anchor not in book.anchors:
            raise RuleError(f"{where}: unknown anchor '{anchor}'")
    bounded = is_users(book, builtin, rule["pattern"])
    expanded = expand(book, rule["pattern"], where)
    flags = rule_flags(rule)
    compiled = compile_pattern(compiled_form(book, rule["pattern"], expanded), flags, bounded, where, store=book.store)
    tables = lookups({**data.get("lookup", {}), **rule.get("lookup", {})}, where, book)
    groups = list(compiled.groupindex) if bounded else kept_group_names(book.store, expanded, f"rule\0{flags}\0{rule['pattern']}")
    check_lookups(where, groups, tables, book.tables, pint=not builtin)
    return Rule(
        id=rid, family=data["family"], kind=kind, name=str(rule.get("name", rid)),
        description=str(rule.get("description", "")), pattern=rule["pattern"], compiled=compiled,
        anchors=anchors, priority=int(rule.get("priority", data.get("priority", 0))),
        constants=constants, lookup=tables, source=source, line=line, bounded=bounded,
        later=Later(examples=read_examples(lambda: (examples(rule, "examples", where, text, start=at),
                                                    examples(rule, "counter_examples", where, text, start=at)), checked),
                    gate=lambda: None if bounded else book.store.gate(expanded, flags, bounds=True),
                    starts=lambda: None if bounded else start_finder(book.store, expanded, flags, rule["pattern"])),
    )


def start_finder(store: Store, expanded: str, flags: int, written: str, extra: str = "") -> Finder | None:
    """The finder of the positions where a match of a rule (or a frame, on text that holds the `extra` slot
    marks) may start (see `starts`), on text with OTHER for each character beyond ASCII (`gates.gate_text`,
    `matcher.finder_text`), kept in the store by the pattern as written; None where they are not known or there
    is no store. The store keeps "" for none known (it keeps no None)."""
    source = store.derive(READING, expanded, lambda pattern: opening_finder(pattern, flags, extra, True) or "",
                          source=f"{flags}\0{extra}\0{written}")
    if not source:
        return None
    store.keep_fast(source)
    return Finder(source, store.compile_fast)


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


def examples(rule: dict[str, Any], key: str, where: str, text: str, allowed: set[str] = EXAMPLE_KEYS,
             start: int = 0) -> list[Example]:
    """The example groups of a rule or frame whose id stands at offset `start` of its file."""
    found = []
    for group in rule.get(key, []):
        if not isinstance(group, dict) or set(group) - allowed:
            raise RuleError(f"{where}: each of '{key}' takes only {', '.join(sorted(allowed))}")
        texts = group.get("texts")
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            raise RuleError(f"{where}: each of '{key}' needs a non-empty list 'texts'")
        expected = {k: v for k, v in group.items() if k not in ("texts", "date", "note")}
        check_example_date(where, group.get("date"))
        found.append(Example(tuple(texts), expected, group.get("date"), line_of(text, texts[0], start)))
    return found


def composites(source: str, text: str, data: dict[str, Any]) -> dict[str, Composite]:
    found = {}
    for name, spec in data.get("composites", {}).items():
        words, parts = spec.get("words", []) if isinstance(spec, dict) else None, spec.get("parts", []) if isinstance(spec, dict) else None
        if not isinstance(words, list) or not isinstance(parts, list) or not all(isinstance(p, list) for p in parts):
            raise RuleError(f"{source}:{line_of(text, f'[composites.{name}]')}: a composite needs 'words' and 'parts' lists")
        found[name] = Composite(name, tuple(fold(w) for w in words), tuple(tuple(fold(w) for w in p) for p in parts))
    return found


def load_frame(book: Rulebook, spec: dict[str, Any], source: str, text: str, reading: Any = None,
               checked: bool = False) -> Frame:
    """A frame of a rule file. With a `reading` of its pattern that the store of these very rule files kept (see
    `frames.read_pattern`), the pattern is not expanded again; its examples are read when first asked for where
    the files were `checked`."""
    fid = spec["id"]
    at = id_offset(text, fid)
    line = line_at(text, at)
    where = f"{source}:{line}: frame '{fid}'"
    found = read_examples(lambda: (examples(spec, "examples", where, text, FRAME_EXAMPLE_KEYS, at),
                                   examples(spec, "counter_examples", where, text, FRAME_EXAMPLE_KEYS, at)), checked)
    users = isinstance(spec.get("pattern"), str) and is_users(book, from_builtin(source), spec["pattern"])
    return compile_frame(spec, lambda pattern, at: expand(book, pattern, at), where, source, line, found,
                         lambda expanded, at: compile_pattern(expanded, regex.IGNORECASE, users, at, store=book.store),
                         bounded=users, gate_literals=None if users else lambda bare: book.store.gate(bare, regex.IGNORECASE),
                         slot_counts=None if users else lambda marked: book.store.derive("least", marked, least_slots,
                                                                                          spec["pattern"]),
                         start_finder=None if users else lambda regex_source: start_finder(
                             book.store, regex_source, regex.IGNORECASE, spec["pattern"], MARKS),
                         names=lambda regex_source: kept_group_names(book.store, regex_source, f"frame\0{spec['pattern']}"),
                         call=lambda written, expanded: compiled_form(book, written, expanded),
                         reading=reading if is_reading(reading, spec.get("pattern")) else None)


def load_frames(book: Rulebook, pending: list[tuple[dict[str, Any], str, str]], checked: bool = False) -> list[Frame]:
    """The frames, each from the reading of its pattern the store keeps (`FRAME_READINGS`, by frame id), where
    it keeps one; the readings are kept again where any was made anew."""
    kept = book.store.kept(FRAME_READINGS)
    readings = kept if isinstance(kept, dict) else {}
    frames = [load_frame(book, spec, source, text, readings.get(spec["id"]), checked) for spec, source, text in pending]
    if any(readings.get(frame.id) is not frame.reading for frame in frames):
        book.store.keep(FRAME_READINGS, {frame.id: frame.reading for frame in frames})
    return frames


FRAME_READINGS = "frame readings"  # the name of the frames' readings (see `frames.read_pattern`) in the store


def compile_anchors(book: Rulebook) -> dict[str, Anchor]:
    """Each anchor that some rule uses, compiled on its own for the prefilter.

    An anchor that the standard `re` engine accepts runs there, on the lower-cased text:
    for these short alternations of words it is several times faster than `regex`.
    """
    used = sorted({a for rule in book.rules for a in rule.anchors})
    expanded = {name: expand(book, book.anchors[name], f"{book.anchor_sources.get(name, '?')}: anchor '{name}'")
                for name in used}
    users = {name for name in used if name in book.user_names or is_users(book, True, book.anchors[name])}
    warm([(expanded[name], regex.IGNORECASE) for name in sorted(users)
          if not book.store.has(expanded[name], regex.IGNORECASE)], compile=book.store.compile)
    compiled = {}
    for name in used:
        where = f"{book.anchor_sources.get(name, '?')}: anchor '{name}'"
        full = compile_pattern(expanded[name], regex.IGNORECASE, name in users, where, store=book.store)
        compiled[name] = Anchor(full, None if name in users else fast_pattern(expanded[name], book.store), name in users)
    return compiled


def fast_pattern(source: str, store: Store | None = None) -> re.Pattern[str] | None:
    """The anchor for `re` on lower-cased text, or None when `re` cannot take it; behind a look-ahead for
    its first characters (see `firstchars`) where the store keeps them."""
    store = store or Store(None, {})
    lowered = lowered_source(source)
    try:
        return store.compile_fast(store.derive("first-characters", lowered, gated) or lowered)
    except (re.error, OverflowError):
        return None


def lowered_source(source: str) -> str:
    """An anchor's pattern for `re` on lower-cased text (matching the same spans as `fast_pattern`'s): its
    letters in lower case, but not the letters of its escapes (`\\W`, `\\S`, `\\D` keep their meaning)."""
    source = source.replace(r"[\p{L}]", r"[^\W\d_]").replace(r"\p{L}", r"[^\W\d_]")
    return ESCAPE_OR_TEXT.sub(lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), source)


def anchor_starts(book: Rulebook) -> AnchorStarts | None:
    """The passes that find where the built-in anchors that run as `re` may match (see `anchorstarts`), kept
    in the store by the anchors as written; None without a store or where none is read."""
    names = [name for name, anchor in book.anchor_regexes.items() if anchor.fast is not None and not anchor.bounded]
    written = "\0".join(f"{name}\0{book.anchors[name]}" for name in names)
    passes = book.store.derive(ANCHOR_READING, written, lambda _: anchor_reading(book, names) or "", source=written)
    if not passes:
        return None
    for source, *_ in passes:
        book.store.keep_fast(source)
    return AnchorStarts(passes, book.store.compile_fast)


def anchor_reading(book: Rulebook, names: list[str]) -> list[list[Any]]:
    """The passes of the named anchors, read from their patterns for `re` on lower-cased text."""
    return read_passes({name: lowered_source(expand(book, book.anchors[name], f"anchor '{name}'")) for name in names})


@dataclass(frozen=True, slots=True)
class Anchor:
    """A prefilter pattern: `fast` (re, lower-cased text) where possible, else `full` (regex)."""

    full: Any
    fast: re.Pattern[str] | None
    bounded: bool = False  # a user's anchor: matched under a time budget

    def finditer(self, text: str, lowered: str | None) -> Any:
        if self.fast is not None and lowered is not None:
            return self.fast.finditer(lowered)
        return self.full.finditer(text)
