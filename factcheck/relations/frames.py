"""Relation frames: patterns over a sentence whose claims are typed slots, compiled from rule files.

A frame names the check it feeds (`type`), the roles its slots fill and the words that must
stand between them. `{money:part}` is a slot of kind money bound to the role `part`;
`{money|count:part}` takes either kind; `{number:_}` matches a figure without binding it;
`{level!:whole}` binds only a claim that is the one of its kind and unit in its sentence (the
evidence an anaphor such as "Of these" needs); `{level+:old}` only where the frame binds every
claim of that kind and unit in the sentence (the evidence that lets a frame's words between its
slots be many: no other figure of the kind is there to be the one meant). A slot takes a hedge word of table `qualifier`
before it ("a total of about $10 million").
Slot words are kinds and the tags of `slots.tags` (number, level, range, points, year, rate,
anniversary ...). Fragments may hold slots: they are expanded first.
A role used more than once is a list. A frame may leave roles `free` (role → slot tags, as
`free = { old = "level|percent" }`): the words place the other roles, and the checker fills a free
role with the figures of the window that make the arithmetic agree, only where exactly one choice
does (see `relations/arithmetic/agreement.py`). Such a frame confirms; it never raises an alarm.
A literal space in a pattern is one space of the slot text (whitespace there is collapsed). Other `{name}` references expand to the rule files'
fragments and tables, as in extraction rules; `{break}` (the sentence break of a pair window),
`{free}` (a character of the words, never of a slot) and `{slot}` (any slot) are the engine's. Other named groups are read into the link's
settings, through the table of the same name (or the one `lookup` names) when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import regex

from factcheck.errors import RuleError
from factcheck.extract.calls import SUFFIX
from factcheck.extract.gates import Gate, required_all
from factcheck.extract.later import ExamplesLater, Later
from factcheck.extract.ruletrust import group_names
from factcheck.extract.starts import Finder
from factcheck.relations.slotcount import Least, as_least, marked
from factcheck.relations.slots import SENTENCE_BREAK, SLOT_CLOSE, SLOT_OPEN

SLOT = regex.compile(r"\{(?P<tags>[a-z]+(?:\|[a-z]+)*)(?P<mark>[!+]?):(?P<role>[a-z_]+)\}")
ENGINE_FRAGMENTS = {
    "break": SENTENCE_BREAK,  # between the two sentences of a pair window
    "free": f"[^{SLOT_OPEN}{SLOT_CLOSE}{SENTENCE_BREAK}]",  # a character of the words, never of a slot
    "slot": f"{SLOT_OPEN}[^{SLOT_CLOSE}]*{SLOT_CLOSE}",  # any slot, bound to no role
}
SCOPES = {"sentence": 1, "pair": 2, "triple": 3}  # how many sentences a window of the scope holds
HEDGE = "{qualifier}"  # the rule files' table of hedge words: a slot may take one before it
ROLES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # check type: (roles a frame must bind, roles it may bind)
    "ratio": (frozenset({"factor"}), frozenset({"subject", "reference", "ends", "per"})),
    "multiplier": (frozenset({"factor"}), frozenset({"target", "base", "ends"})),
    "percent_change": (frozenset(), frozenset({"rate", "delta", "old", "new", "ends"})),
    "part_of_whole": (frozenset({"part", "whole"}), frozenset()),
    "share": (frozenset({"share"}), frozenset({"whole", "part", "ends"})),
    "sum": (frozenset({"parts", "total"}), frozenset()),
    "difference": (frozenset({"gap"}), frozenset({"subject", "reference", "ends", "carried"})),
    "conversion": (frozenset({"stated", "converted"}), frozenset()),
    "anniversary": (frozenset({"nth"}), frozenset({"held", "event"})),
    "age": (frozenset({"age", "born"}), frozenset({"at"})),
    "range": (frozenset(), frozenset({"range", "low", "high", "member"})),
    "date_order": (frozenset({"date"}), frozenset({"named"})),
}
SETTINGS = {"mode", "direction", "resolve", "fill", "reading", "antecedent"}
FRAME_KEYS = {"id", "type", "name", "description", "pattern", "scope", "trigger", "set", "lookup", "free", "examples",
              "counter_examples"}
FREE_TAGS = regex.compile(r"[a-z]+(?:\|[a-z]+)*")


@dataclass(slots=True)
class Frame(ExamplesLater):
    """One compiled frame; `trigger` is the role whose claim locates the check in the text."""

    id: str
    type: str
    name: str
    description: str
    pattern: str
    compiled: Any
    scope: str
    roles: tuple[str, ...]
    needs: tuple[frozenset[str], ...]
    only: frozenset[str]
    every: frozenset[str]
    trigger: str
    settings: dict[str, Any]
    groups: tuple[str, ...]
    lookup: dict[str, str]
    source: str
    line: int
    order: int = 0  # position among all frames: the earlier wins a tie
    bounded: bool = False  # a user's frame: matched under a time budget per document
    free: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> tags of the figures that may fill it
    later: Later | None = None  # its `gate`, `least` and `starts`, read from the pattern when a scan first asks, and
    # its `examples` (only `rules test` and `explain` read them)
    reading: dict[str, Any] = field(default_factory=dict)  # its pattern expanded (see `read_pattern`), for the store

    @property
    def gate(self) -> Gate | None:
        """Sets of words, one of each of which every match holds (see `word_gate`); None: not known."""
        return self.later["gate"] if self.later is not None else None

    @property
    def least(self) -> Least:
        """How many claims of which tags every match binds (see `slotcount`)."""
        return self.later["least"] if self.later is not None else ()

    @property
    def starts(self) -> Finder | None:
        """Where in a lower-cased window a match may start (see `extract.starts`); None: anywhere."""
        return self.later["starts"] if self.later is not None else None

    @property
    def breaks(self) -> int:
        """How many sentence breaks every match crosses: one less than its scope's sentences; none for a sole
        reading, whose words are its trigger alone and whose scope is where its free roles may be."""
        return 0 if self.settings.get("reading") == "sole" else SCOPES[self.scope] - 1


def slot_pattern(tags: str, role: str, hedged: bool = False) -> str:
    """The regex of one slot token: any of the tags, and the claim index as group `role`; where `hedged`,
    a hedge ("about", "more than": the group HEDGE_GROUP that `expand_slots` defines) may stand before it."""
    wanted = "|".join(tags.split("|"))
    index = r"\d+" if role == "_" else rf"(?P<{role}>\d+)"
    before = f"(?:(?&{HEDGE_GROUP}) )?" if hedged else ""
    return rf"{before}{SLOT_OPEN} (?:[a-z]+ )*?(?:{wanted})(?: [a-z]+)* #{index}{SLOT_CLOSE}"


HEDGE_GROUP = "hedge__"  # the group of the hedge words, defined once per frame pattern and called before each slot


@dataclass(slots=True)
class Slots:
    """What the slots of a pattern say: the roles in order of first use, the tags each role's
    slots ask for, and the marks of the roles that carry one: `!` (the only claim of its kind and
    unit in its sentence) or `+` (the frame binds every claim of its kind and unit in its sentence)."""

    roles: list[str] = field(default_factory=list)
    tags: dict[str, set[str]] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)


def expand_slots(pattern: str, hedge: str = "") -> tuple[str, Slots]:
    """The pattern with its slots as token regexes, and what its slots say. The `hedge` regex is defined
    once, as group HEDGE_GROUP, which each slot calls: inlined before each slot, the hedge table made
    two thirds of the frames' patterns, and `regex` parses every copy (a call backtracks like a copy)."""
    found = Slots()

    def replace(match: regex.Match[str]) -> str:
        role = match.group("role")
        if role != "_":
            if role not in found.roles:
                found.roles.append(role)
            found.tags.setdefault(role, set()).update(match.group("tags").split("|"))
            if match.group("mark"):
                found.marks[role] = match.group("mark")
        return slot_pattern(match.group("tags"), role, bool(hedge))

    expanded, slots = SLOT.subn(replace, pattern)
    return expanded + (f"(?(DEFINE)(?P<{HEDGE_GROUP}>{hedge}))" if hedge and slots else ""), found


def compile_frame(spec: dict[str, Any], expand: Callable[[str, str], str], where: str,
                  source: str, line: int, examples: Callable[[], tuple[list[Any], list[Any]]],
                  compile_regex: Callable[[str, str], Any] | None = None, bounded: bool = False,
                  gate_literals: Callable[[str], Gate | None] | None = None,
                  slot_counts: Callable[[str], Any] | None = None,
                  start_finder: Callable[[str], Finder | None] | None = None,
                  names: Callable[[str], list[str]] = group_names,
                  call: Callable[[str, str], str] | None = None, reading: dict[str, Any] | None = None) -> Frame:
    """A frame from its rule-file table; `expand` resolves fragment and table references, and
    `compile_regex` (for a user's frame: under a time budget) compiles the result. `examples` gives its
    examples and counter-examples when first asked for. `gate_literals`
    finds the words of its gate (see `word_gate`; the rule book's store keeps them on disk, as
    finding them costs a parse): without it, the frame has no word gate. `slot_counts` finds, the
    same way, how many claims its matches bind (`slotcount.least_slots` of the pattern with its
    slots marked): without it, none are asked for. `start_finder` finds, the same way, where in a window
    a match may start (see `extract.starts`): without it, a frame is tried at every position. `names` reads
    a built-in frame's group names from its regex (a user's are its compiled pattern's). `call`, given the pattern
    as written and expanded, gives it with its long fragments called, not inlined (see `extract.calls`): the regex
    compiled; the gates are read from the inlined one. `reading` is what `read_pattern` gave for this pattern
    before (the rule book's store keeps it): the pattern is not expanded again."""
    for key in spec:
        if key not in FRAME_KEYS:
            raise RuleError(f"{where}: unknown key '{key}' in a frame")
    check_type, pattern = spec.get("type"), spec.get("pattern")
    if check_type not in ROLES:
        raise RuleError(f"{where}: type must be one of {', '.join(ROLES)}, not {check_type!r}")
    if not isinstance(pattern, str) or not pattern.strip():
        raise RuleError(f"{where}: missing string 'pattern'")
    scope = spec.get("scope", "sentence")
    if scope not in SCOPES:
        raise RuleError(f"{where}: scope must be one of {', '.join(SCOPES)}")
    reading = reading if reading is not None else read_pattern(pattern, expand, where, call)
    source_regex, roles, marks = reading["regex"], reading["roles"], reading["marks"]
    free = free_roles(spec.get("free", {}), where, roles)
    check_roles(where, check_type, roles + list(free))
    trigger = spec.get("trigger", roles[0] if roles else None)
    if trigger not in roles:
        raise RuleError(f"{where}: trigger must be one of the frame's roles ({', '.join(roles)})")
    settings = spec.get("set", {})
    if not isinstance(settings, dict) or set(settings) - SETTINGS:
        raise RuleError(f"{where}: 'set' may only hold {', '.join(sorted(SETTINGS))}")
    if compile_regex is not None:
        compiled = compile_regex(source_regex, where)
    else:
        try:
            compiled = regex.compile(source_regex, regex.IGNORECASE)
        except regex.error as exc:
            raise RuleError(f"{where}: bad pattern: {exc}") from None
    if reading["breaks"] < SCOPES[scope] - 1 and settings.get("reading") != "sole":
        raise RuleError(f"{where}: a {scope} frame must cross {SCOPES[scope] - 1} sentence break(s) ({{break}})")
    counted = reading["bare"] if slot_counts and reading["marked"] else None
    groups = tuple(g for g in (compiled.groupindex if bounded else names(source_regex))
                   if g not in roles and not g.endswith(SUFFIX))  # not the hedge nor a called fragment
    lookup = spec.get("lookup", {})
    if not isinstance(lookup, dict) or not all(isinstance(v, str) for v in lookup.values()) or set(lookup) - set(groups):
        raise RuleError(f"{where}: 'lookup' maps the frame's named groups to table names")
    tags = {role: set(found) for role, found in reading["tags"].items()}
    return Frame(id=spec["id"], type=check_type, name=str(spec.get("name", spec["id"])),
                 description=str(spec.get("description", "")), pattern=pattern, compiled=compiled, scope=scope,
                 roles=tuple(roles), needs=needs(Slots(roles, tags, marks), check_type, trigger, free),
                 only=frozenset(r for r, m in marks.items() if m == "!"),
                 every=frozenset(r for r, m in marks.items() if m == "+"), trigger=trigger, settings=dict(settings), groups=groups, lookup=dict(lookup),
                 source=source, line=line, bounded=bounded, free=free, reading=reading,
                 later=Later(gate=lambda: word_gate(reading["bare"], gate_literals) if gate_literals else None,
                             least=lambda: as_least(slot_counts(counted)) if slot_counts and counted else (),
                             starts=lambda: start_finder(source_regex) if start_finder else None,
                             examples=examples))


READING_SHAPE = {"pattern": str, "regex": str, "roles": list, "tags": dict, "marks": dict, "breaks": int, "bare": str,
                 "marked": bool}  # what `read_pattern` gives


def read_pattern(pattern: str, expand: Callable[[str, str], str], where: str,
                 call: Callable[[str, str], str] | None = None) -> dict[str, Any]:
    """What a frame's pattern holds once its fragments and slots are expanded, as plain data (the rule book's
    store keeps it: expanding every frame cost a warm start 20 ms): the regex to compile (`call` as for
    `compile_frame`), its slots' roles, tags and marks, the sentence breaks it crosses, and the pattern its
    word gate is read from (`bare`), which is its slot counts' too where `marked`."""
    expanded = expand(pattern, where)
    source_regex, slots = expand_slots(call(pattern, expanded) if call else expanded, expand(HEDGE, where))
    counted = marked(expanded, SLOT)
    return {"pattern": pattern, "regex": source_regex, "roles": slots.roles,
            "tags": {role: sorted(found) for role, found in slots.tags.items()}, "marks": slots.marks,
            "breaks": expanded.count(SENTENCE_BREAK), "bare": counted or gate_pattern(expanded),
            "marked": counted is not None}


def is_reading(found: Any, pattern: Any) -> bool:
    """Whether a reading kept in the store is what `read_pattern` gives for this pattern (else it is read again)."""
    return (isinstance(found, dict) and found.keys() == READING_SHAPE.keys() and found["pattern"] == pattern
            and all(type(found[key]) is shape for key, shape in READING_SHAPE.items()))


def free_roles(spec: Any, where: str, bound: list[str]) -> dict[str, frozenset[str]]:
    """The roles a frame leaves to agreement, each with the slot tags of the figures that may fill it."""
    if not isinstance(spec, dict) or not all(isinstance(v, str) and FREE_TAGS.fullmatch(v) for v in spec.values()):
        raise RuleError(f"{where}: 'free' maps roles to slot tags, as {{ old = \"level|percent\" }}")
    taken = set(spec) & set(bound)
    if taken:
        raise RuleError(f"{where}: role {', '.join(sorted(taken))} is both in the pattern and free")
    return {role: frozenset(tags.split("|")) for role, tags in spec.items()}


def word_gate(bare: str, literals: Callable[[str], Gate | None] | None = None) -> Gate | None:
    """Sets of words, one of each of which every match of the frame holds, found by `literals` (default: parsing) in
    its `gate_pattern` (a slot's tags are the other gate, `needs`): a window without one of each set is not matched."""
    return literals(bare) if literals else required_all(bare, regex.IGNORECASE)


def gate_pattern(expanded: str) -> str:
    """The pattern with each slot as a bare token after any words, its hedge's: the slot counts' pattern where
    there is one (`marked`), so that one parse serves both."""
    return marked(expanded, SLOT) or SLOT.sub(lambda _: f"(?:[^{SLOT_OPEN}]* )?{SLOT_OPEN}[^{SLOT_CLOSE}]*{SLOT_CLOSE}",
                                              expanded)


def needs(slots: Slots, check_type: str, trigger: str, free: dict[str, frozenset[str]]) -> tuple[frozenset[str], ...]:
    """For the trigger, every role the check type requires and every free role: the tags of which a
    window must hold one for the frame to match there (a cheap gate before the regex)."""
    required = {trigger} | (ROLES[check_type][0] & set(slots.roles))
    return tuple(frozenset(slots.tags[role]) for role in sorted(required)) + tuple(free.values())


def check_roles(where: str, check_type: str, roles: list[str]) -> None:
    required, optional = ROLES[check_type]
    unknown = set(roles) - required - optional
    if unknown:
        raise RuleError(f"{where}: a {check_type} frame has no role {', '.join(sorted(unknown))} "
                        f"(roles: {', '.join(sorted(required | optional))})")
    missing = required - set(roles)
    if missing:
        raise RuleError(f"{where}: a {check_type} frame needs the role {', '.join(sorted(missing))}")
