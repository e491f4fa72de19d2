"""Which claims a relation speaks of: every frame run over every sentence (and sentence pair).

A check exists only where a whole frame matches; its operands are the frame's slots. Where
two matches of one check type share their trigger claim, the one that binds more claims wins
(a list read whole beats its tail; a change with both ends beats one with one end), then the
earlier frame of the rule files, then the shorter match.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, NamedTuple

import regex

from factcheck.document import Document
from factcheck.extract import units
from factcheck.intervals import BOUNDS
from factcheck.model import Claim
from factcheck.relations.budgets import FrameBudgets
from factcheck.relations.frames import SCOPES, Frame
from factcheck.relations.identity import Sentences, content_words, fill_by_noun, fill_by_phrase, resolve_measure, tie_anniversaries
from factcheck.relations.link import Link
from factcheck.relations.reach import Reach
from factcheck.relations.retraction import retracted
from factcheck.relations.said_once import adopt_measures, lend_to_free, written_scale
from factcheck.relations.screen import FrameScreen
from factcheck.relations.slots import (MARKS, SENTENCE_BREAK, TIME_UNITS, TOKEN, Window, WindowMarks, Windows, date_value, tally_side,
                                       tags, words_of)
from factcheck.extract.rulebook import Rulebook
from factcheck.extract.starts import OTHER

MEASURE_ROLE = {"ratio": "reference", "multiplier": "base"}
WINDOW_ALPHABET = regex.compile(f"[\\x00-\\x7f{MARKS}]*")  # a window of these is its own finders' text
BEYOND_WINDOW_ALPHABET = regex.compile(f"[^\\x00-\\x7f{MARKS}]")


NEAR = 40  # characters from a trigger to a year that dates it
SPANS_TO_NOW = frozenset({"since", "from"})
MORE_AFTER = regex.compile(r"\s+(?:more|less|fewer|additional|extra|each|apiece|(?:for|to)\s+(?:every|each))\b",
                        regex.IGNORECASE)
# a figure told as a shortfall that ends its clause: "so forty fewer,", "$9 million less." ("300 fewer teachers, of
# whom …" counts them; "15,742,667.61 Less assessments …" subtracts)
# what is missing ("so forty fewer.") or what two figures differ by ("less by 6,874 than that of …"): no whole
FEWER_AFTER = regex.compile(r"\s+(?:(?:fewer|less)(?=\s*(?:[,.;:!?)—–]|$))|than\b)", regex.IGNORECASE)
MORE_BEFORE = regex.compile(r"\b(?:another|a further|further|an additional|additional|an extra|extra)\s+$", regex.IGNORECASE)
COMPARED_BEFORE = regex.compile(
    r"\b(?:from|against|than|versus|vs\.?|compared (?:with|to)|by|in excess of|short of|times|"
    r"as (?:much|many|large|great|high) as|(?:increase|decrease|rise|fall|"
    r"gain|loss|reduction|drop|decline|growth|excess|deficiency|surplus|deficit|difference|margin) of)"
    r"\s+(?:the\s+)?(?:(?:about|nearly|some|roughly|almost|around|approximately)\s+)?$", regex.IGNORECASE)
COMPARED_AFTER = regex.compile(r"\s+(?:in excess of|more than|less than|fewer than|higher than|lower than)\b",
                               regex.IGNORECASE)
SPAN_START = regex.compile(r"\b(?:since|from)\s+(?:(?:early|late|mid)[- ])?$", regex.IGNORECASE)
EARLIER_CUE = regex.compile(r"\b(?:ago|earlier|back then|back in|used to|at the time|previously|formerly)\b",
                           regex.IGNORECASE)
BESIDE = regex.compile(r" (?:(?:in|of|for|during|at|on|by) )?", regex.IGNORECASE)  # between a figure and its date
CHANGE_ENDS = {"percent_change": ("old", "new")}  # the earlier end, then the later (a multiple is read either way)
# a figure told of the time of speaking, in the present tense ("who is now fifty-eight"; not "was now")
PAST_AGE = regex.compile(r"\b(?:was|were)\b(?:,?\s+(?:uh|um|er|only|just|about|barely|nearly|almost|then|already|still),?)*"
                         r"\s+(?:aged\s+)?[^\s,.;]+(?:[\s-]+[^\s,.;]+)*?\s+years?\s+(?:old|of\s+age)$", regex.IGNORECASE)
SAID_NOW = regex.compile(r"\b(?:is|are|am|[\x27’](?:s|m|re))\s+now,?\s+(?:aged\s+)?$", regex.IGNORECASE)


def find_links(doc: Document, claims: list[Claim], book: Rulebook, warnings: list[str] | None = None) -> list[Link]:
    """Every relation instance the frames find, in text order of their triggers, among the figures no
    speaker took back (see `retraction`); matching that runs out of time (see `budgets`) leaves a line
    in `warnings`."""
    budgets = FrameBudgets(doc, [] if warnings is None else warnings)
    taken_back = retracted(doc, claims, book)
    claims = [c for c in claims if c.id not in taken_back]
    skips = dict(taken_back.values())
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence_index, []).append(claim)
    # the figures a free role may take (see `candidates`); only frames with free roles ask
    levels = frozenset(c.id for c in claims if not aside(doc, c)) if any(f.free for f in book.frames) else frozenset()
    levels_of = {index: [c for c in found if "attribute" not in tags(c)] for index, found in by_sentence.items()}
    rivals = {index: [c for c in found if not compared(doc, c)] for index, found in levels_of.items()}
    sentence_frames = FrameScreen([f for f in book.frames if f.scope == "sentence"])
    wider = [(SCOPES[scope], FrameScreen(frames)) for scope in SCOPES if SCOPES[scope] > 1
             if (frames := [f for f in book.frames if f.scope == scope])]
    found: list[tuple[int, Link]] = []
    windows = Windows(doc, by_sentence, book, skips)
    shortfalls = frozenset(c.id for c in claims if FEWER_AFTER.match(doc.scan_text, c.end))
    figures = SentenceFigures(levels_of, rivals, windows.restated(), shortfalls)
    for index in sorted(by_sentence):
        window = windows.sentence(index)
        budgets.open_window()
        found.extend(match_window(sentence_frames, window, book, figures, levels, budgets))
        for size, frames in wider:
            run = windows.run(index, size)
            if run is not None:
                budgets.open_window()
                found.extend(match_window(frames, run, book, figures, levels, budgets))
    bound = select([(order, link) for order, link in found if not link.open and not mixes_tally(link)], book)
    bound = sorted(bound, key=lambda x: (x.trigger.start, x.type))
    links = [adopt_measures(link, book) for link in bound + select_open([(order, link) for order, link in found if link.open])]
    date = doc.date.isoformat() if doc.date else None
    for link in links:
        link.meta["document_date"] = date
        link.meta["dated_apart"] = dated_apart(link, doc, by_sentence)
        if link.type == "sum" and not link.open:
            link.meta["nearby"] = nearby(link, by_sentence, doc)
        if link.meta.get("antecedent") == "place":
            link.meta["elsewhere"] = elsewhere(link, rivals)
        if link.type == "date_order":
            link.meta["years_before"] = years_told(c for back in (1, 2) for c in by_sentence.get(link.trigger.sentence_index - back, ()))
    resolve_identities(doc, claims, bound, book)
    return links


PLACED_BACK = 2  # how many sentences before a placed whole's check another figure may be the whole meant
WHOLES = frozenset({"whole", "total"})  # roles an anaphor fills ("Of these, …"): never with a figure told as compared
PARTS = ("part", "parts")  # the roles whose figures are of a whole's kind


class SentenceFigures(NamedTuple):
    """The levels of each sentence, which a lone figure is weighed against and a list must take: all its
    claims but the counts told as modifiers ("a three-way contest"); the rivals of a whole or total: the
    levels but those told as what something is compared with or differs by (see `compared`); and the
    figures a list need not take, as they restate another in brackets."""

    levels: dict[int, list[Claim]]
    rivals: dict[int, list[Claim]]
    restated: frozenset[str]  # figures in brackets that restate the one before in another unit (see `slots.restatement`)
    shortfalls: frozenset[str]  # figures told as what is missing ("forty fewer") or as a gap ("by 70 than"): no whole


def match_window(screen: FrameScreen, window: Window, book: Rulebook,
                 figures: SentenceFigures, levels: frozenset[str], budgets: FrameBudgets) -> Iterator[tuple[int, Link]]:
    folded = window.text.casefold()  # a superset of the case folding IGNORECASE matches with
    plain = WINDOW_ALPHABET.fullmatch(window.text) is not None
    found_in = folded if plain else finder_text(window.text)  # where the frames' starts are sure (None: not)
    opened: dict[str, list[int]] = {}  # frames of one opening share its positions
    reach = Reach(window, folded if plain else None)
    marks = WindowMarks(window)
    for frame in screen.passing(window.tags, folded, window.tagged):
        starts = None
        if frame.starts is not None and found_in is not None:
            if frame.starts.source not in opened:
                opened[frame.starts.source] = frame.starts.positions(found_in, 0)
            starts = opened[frame.starts.source]
        for match in budgets.matches(frame, window, starts, reach.last(frame)):
            if match.group().count(SENTENCE_BREAK) < frame.breaks:
                continue  # a wider frame speaks of every sentence of its window
            link = to_link(frame, match, window, book, figures, levels, marks)
            if link is not None:
                yield frame.order, link


def finder_text(text: str) -> str | None:
    """The window as the frames' finders read it (see `extract.starts`): lower-cased, each character beyond ASCII
    but the slot marks as OTHER; None where lower-casing changes its length (then no finder is sure)."""
    lowered = text.lower()
    return BEYOND_WINDOW_ALPHABET.sub(OTHER, lowered) if len(lowered) == len(text) else None


def to_link(frame: Frame, match: Any, window: Window, book: Rulebook, figures: SentenceFigures,
            levels: frozenset[str], marks: WindowMarks) -> Link | None:
    roles = {role: tuple(window.claims[int(i)] for i in match.captures(role)) for role in frame.roles}
    trigger = roles.get(frame.trigger)
    if not trigger or not all(alone(c, figures.rivals if role in WHOLES else figures.levels)
                              for role in frame.only for c in roles.get(role, ())):
        return None
    if any(c.sentence_index != trigger[0].sentence_index and c.id in marks.starts for role in WHOLES for c in roles.get(role, ())):
        return None  # "… up 18% from 264 a year ago. Of that, …": what a change starts from is not what "that" is
    if any(c.id in figures.shortfalls for role in WHOLES for c in roles.get(role, ())):
        return None  # "so forty fewer. About a hundred and sixty of them": what is missing holds no part
    bound = {c.id for claims in roles.values() for c in claims}
    if not all(covered(c, bound, figures) for role in frame.every for c in roles.get(role, ())):
        return None
    meta: dict[str, Any] = dict(frame.settings)
    meta["span"] = len(match.group())
    meta["loose"] = bool(frame.every)  # its words may be many: agreement elsewhere outweighs it
    for group in frame.groups:
        words, table = match.group(group), frame.lookup.get(group, group)
        if words is not None:
            words = words_of(words, window.claims)
            meta[group] = book.lookup(table, words) if table in book.tables else words.strip()
    link = Link(frame.type, frame.id, trigger[0], {r: c for r, c in roles.items() if c}, meta)
    if told_earlier(link) or told_later_first(link, window):
        return None
    if meta.get("reading") == "sole" and not read_alone(meta, trigger[0], marks, int(match.captures(frame.trigger)[0])):
        return None
    if frame.free:
        link.open = candidates(frame, window, bound, levels)
        if not all(link.open.values()):
            return None
        link.open = lend_to_free(link, book)
        if meta.get("fill") == "noun":
            return fill_by_noun(link)
        if meta.get("fill") == "phrase":
            return fill_by_phrase(link)
    return link


def read_alone(meta: dict[str, Any], trigger: Claim, marks: WindowMarks, index: int) -> bool:
    """Note for a sole reading (see `arithmetic/agreement.py`) its trigger's clause mates, the figures told
    with a year and those a change starts from; False for a bound trigger ("more than two-thirds"), which
    agrees with too much to read alone."""
    if trigger.qualifier in BOUNDS:
        return False
    meta["clause"] = marks.clause_mates(index)
    meta["dated"] = marks.dated
    meta["starts"] = marks.starts
    return True


TALLIED = ("parts", "subject", "reference")  # the operands a side of a tally may be one of only with its other side


def mixes_tally(link: Link) -> bool:
    """A sum or a gap that takes a side of a tally ("passed 61-39") with figures of another count: the two sides
    add up to the votes cast and differ by the margin, but no other figure adds to them."""
    operands = [c for role in TALLIED for c in link.role(role)]
    sides = [c for c in operands if c.kind == "count" and tally_side(c)]
    return bool(sides) and len(sides) != len(operands)


def candidates(frame: Frame, window: Window, bound: set[str], levels: frozenset[str]) -> dict[str, tuple[Claim, ...]]:
    """For each free role of the frame, the window's figures with one of its tags that the match did not
    bind, none of them a bound ("more than $40 million"), set aside (see `aside`) or, unless the role asks
    for one, a rate ("$150 per person"; a level per stretch of time, "$21,400 a year", is one)."""
    found = {}
    for role, wanted in frame.free.items():
        found[role] = tuple(c for c, tagged in zip(window.claims, window.tagged)
                            if c.id not in bound and c.id in levels and c.qualifier not in BOUNDS
                            and not wanted.isdisjoint(tagged) and ("rate" in wanted or "rate" not in tagged
                                                                    or c.extra.get("per") in TIME_UNITS))
    return found


def elsewhere(link: Link, rivals: dict[int, list[Claim]]) -> tuple[Claim, ...]:
    """For a frame that takes its whole by its place alone, the figures of the whole's kind and unit stated before
    it in the sentences up to PLACED_BACK before its trigger's, none told as what another is compared with (see
    `compared`): a whole the words may have meant instead (see `checker.meant_elsewhere`)."""
    placed = [c for role in WHOLES for c in link.role(role)]
    if not placed:
        return ()
    bound, index = link.claim_ids(), link.trigger.sentence_index
    return tuple(c for i in range(max(0, index - PLACED_BACK), index + 1) for c in rivals.get(i, ())
                 if c.id not in bound and c.kind == placed[0].kind and c.unit == placed[0].unit and c.start < placed[0].start)


def nearby(link: Link, by_sentence: dict[int, list[Claim]], doc: Document) -> tuple[Claim, ...]:
    """The levels of a sum's kind and unit that its list does not bind, stated before its total in its sentence
    or the one before, in its paragraph: a part its list may have left out (see `checker.completed`)."""
    parts, total = link.role("parts"), link.one("total") or link.trigger
    if not parts:
        return ()
    index = total.sentence_index
    paragraph, bound = doc.sentences[index].paragraph, link.claim_ids()
    return tuple(c for at in (index - 1, index) if at >= 0 and doc.sentences[at].paragraph == paragraph
                 for c in by_sentence.get(at, ())
                 if c.id not in bound and c.end <= total.start and c.kind == parts[0].kind and c.unit == parts[0].unit
                 and "level" in tags(c) and c.qualifier not in BOUNDS)


def told_earlier(link: Link) -> bool:
    """Whether the later end of a change, told in a later sentence, is told there as the earlier time:
    "Enrollment this fall is 612. Five years ago it was 408" names the start last."""
    ends = CHANGE_ENDS.get(link.type)
    first, later = (link.one(ends[0]), link.one(ends[1])) if ends else (None, None)
    if first is None or later is None or later.sentence_index <= first.sentence_index:
        return False
    return EARLIER_CUE.search(later.sentence, 0, max(later.sentence.find(later.text), 0)) is not None


def told_later_first(link: Link, window: Window) -> bool:
    """Whether the two ends of a change are each told beside a year, the later year first: "$5.1 billion this
    year, and last year $4.2 billion" names the start last, so a frame that reads its first figure as the
    start would turn the change around."""
    ends = CHANGE_ENDS.get(link.type)
    first, later = (link.one(ends[0]), link.one(ends[1])) if ends else (None, None)
    if first is None or later is None:
        return False
    years = [year_beside(claim, window) for claim in (first, later)]
    return None not in years and years[0] > years[1]


def year_beside(claim: Claim, window: Window) -> str | None:
    """The year of the date told right beside a figure in its window ("$4.2 billion last year", "in 2019 3,120
    tonnes"): only a preposition may stand between them, and the nearer of the two neighbours counts."""
    tokens = [(m.start(), m.end(), window.claims[int(m.group(1))]) for m in TOKEN.finditer(window.text)]
    at = next((i for i, token in enumerate(tokens) if token[2].id == claim.id), None)
    if at is None:
        return None
    beside = []
    for other in (at - 1, at + 1):
        if 0 <= other < len(tokens) and tokens[other][2].kind == "date":
            low, high = sorted((other, at))
            gap = window.text[tokens[low][1]:tokens[high][0]]
            year = date_value(tokens[other][2])[:4]
            if BESIDE.fullmatch(gap) and year.isdigit():
                beside.append((len(gap), year))
    return min(beside)[1] if beside else None


def dated_apart(link: Link, doc: Document, by_sentence: dict[int, list[Claim]]) -> bool:
    """Whether a stated year the link does not bind follows its trigger closely ("She was 79 when she
    emigrated in 1980", "its 50th anniversary in 2020"): then the document's date is not the time the
    trigger speaks of. A span that runs to now ("since 2004") leaves it so. A year that may fill a free
    role is no other date, nor is a bound date said again ("born in eighty-three — Nineteen eighty-three,
    yeah"). An age someone had then ("I was, uh, nine years old") is dated by a year before it, in its sentence
    or the one before ("We came in 1951."); "She was 61 years old" with no other year is her age at the document's date."""
    bound = link.claim_ids() | {c.id for found in link.open.values() for c in found}
    said = {date_value(c) for role in link.roles.values() for c in role if c.kind == "date"}
    trigger = link.trigger
    if SAID_NOW.search(doc.text, max(0, trigger.start - 12), trigger.start):
        return False  # "who was born in 1846 and is now fifty-eight, will retire on March 18, 1911"
    if link.type == "age" and (age := link.one("age")) is not None and PAST_AGE.search(doc.text, max(0, age.start - 40), age.end):
        return any(other_year(c, bound, said) and c.start < age.start  # "Nineteen fifty-one. I was, uh, nine years old."
                   for index in (age.sentence_index - 1, age.sentence_index) for c in by_sentence.get(index, ()))
    return any(other_year(c, bound, said) and 0 <= c.start - trigger.end <= NEAR and c.extra.get("bound") not in SPANS_TO_NOW
               and not SPAN_START.search(doc.text, max(0, c.start - 16), c.start)
               for c in by_sentence.get(trigger.sentence_index, ()))


def years_told(claims: Iterable[Claim]) -> tuple[int, ...]:
    """The years of the dates some sentences state (not those they count from the document date): a month told alone
    after them may be of such a year ("… in April 1945. Then, in July, …")."""
    return tuple(sorted({int(date_value(c)[:4]) for c in claims if c.kind == "date" and "year" in tags(c)
                         and "relative" not in tags(c)}))


def other_year(claim: Claim, bound: set[str], said: set[str]) -> bool:
    """Whether a claim is a year (not relative) that the link neither binds nor states again."""
    return (claim.kind == "date" and claim.id not in bound and "year" in tags(claim) and "relative" not in tags(claim)
            and date_value(claim) not in said)


def alone(claim: Claim, by_sentence: dict[int, list[Claim]]) -> bool:
    """Whether no other claim of the claim's sentence has its kind and unit, or a unit of the same measure
    ("640 acres, that's about 260 hectares" states one level twice). A bound after the claim ("… now, and
    most of the new people are under thirty") names a limit, not another level the words could mean."""
    return not any(c is not claim and c.kind == claim.kind and one_measure(c, claim)
                   and not (c.qualifier == "at_most" and c.start > claim.end)
                   for c in by_sentence.get(claim.sentence_index, ()))


def one_measure(other: Claim, claim: Claim) -> bool:
    """Whether `other` is in the claim's unit, or is the level the claim restates in another unit of its
    measure: "640 acres, that's about 260 hectares" restates the first, so the hectares are not alone, but
    "4.23 million square kilometres (1.63 million square miles)" leaves the kilometres the one level."""
    if other.unit == claim.unit:
        return True
    return (other.start < claim.start and other.unit is not None and claim.unit is not None
            and units.factor(other.unit, claim.unit) is not None)


def covered(claim: Claim, bound: set[str], figures: SentenceFigures) -> bool:
    """Whether every claim of the claim's sentence with its kind and unit (see `one_measure`) is among `bound`, but
    a figure that restates another in brackets ("1.1 million pounds (about 500,000 kilograms), twice the 550,000
    pounds"), and the claim is a stated level, not a bound ("under 15", "up to $100 billion" name a limit)."""
    if claim.qualifier in BOUNDS:
        return False
    return all(c.id in bound for c in figures.levels.get(claim.sentence_index, ())
               if c.kind == claim.kind and one_measure(c, claim) and c.id not in figures.restated)


def compared(doc: Document, claim: Claim) -> bool:
    """A figure told as what another is compared with or differs by: "down from 41,900", "against $4m",
    "an increase of 500", "3,642,170 acres in excess of". An anaphor's whole is never weighed against it."""
    return bool(COMPARED_AFTER.match(doc.scan_text, claim.end)
                or COMPARED_BEFORE.search(doc.scan_text, max(0, claim.start - 40), claim.start))


def aside(doc: Document, claim: Claim) -> bool:
    """A figure told as more of something, or as an amount each, rather than as a level: "3,900,000
    more", "a further two", "$1,000 each", "two dogs for every cat"."""
    return bool(MORE_AFTER.match(doc.scan_text, claim.end)
                or MORE_BEFORE.search(doc.scan_text, max(0, claim.start - 24), claim.start))


def select(found: list[tuple[int, Link]], book: Rulebook) -> list[Link]:
    """One link per check type and trigger claim: the one binding most claims, then one whose whole is of
    its parts' kind (see `doubtful_whole`), then the earliest frame, then the tightest match (operands
    closest together)."""
    best: dict[tuple[str, str], tuple[tuple[int, int, int, int], Link]] = {}
    for order, link in found:
        key = (link.type, link.trigger.id)
        rank = (-len(link.claim_ids()), int(doubtful_whole(link, book)), order, link.meta["span"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, link)
    kept, seen = [], set()
    for _, link in sorted(best.values(), key=lambda x: x[0]):
        signature = (link.type, link.claim_ids())
        if signature not in seen:
            seen.add(signature)
            kept.append(link)
    return without_doubtful_wholes(kept, book)


def doubtful_whole(link: Link, book: Rulebook) -> bool:
    """A whole of another kind than a part ("340 homes under a £61 million plan. Of these, 220 …": 220 is no
    sum of money). A bare count with a scale word ("30 million of that") may be of the whole's kind, said once."""
    wholes = [c for role in WHOLES for c in link.role(role)]
    parts = [c for role in PARTS for c in link.role(role)]
    return any(p.kind != w.kind and not (p.kind == "count" and written_scale(p, book))
               for p in parts for w in wholes)


def without_doubtful_wholes(links: list[Link], book: Rulebook) -> list[Link]:
    """Drop a link with a doubtful whole where another of its type reads the same parts against a whole of their kind."""
    def parts(link: Link) -> tuple[str, frozenset[str]]:
        return link.type, frozenset(c.id for role, claims in link.roles.items() if role not in WHOLES for c in claims)
    sure = {parts(link) for link in links if (link.role("whole") or link.role("total")) and not doubtful_whole(link, book)}
    return [link for link in links if not (doubtful_whole(link, book) and parts(link) in sure)]


def select_open(found: list[tuple[int, Link]]) -> list[Link]:
    """The links with free roles, earliest frame first: the checker keeps, per check type and trigger,
    the first that agreement fills (a sentence's frame before its pair's)."""
    return [link for _, link in sorted(found, key=lambda x: x[0])]


def resolve_identities(doc: Document, claims: list[Claim], links: list[Link], book: Rulebook) -> None:
    """Fill a role left unbound by a frame that asks for a declared measure; tie anniversaries of one event."""
    ctx = Sentences(doc, claims)
    for link in links:
        role = MEASURE_ROLE.get(link.type)
        if role is None:
            continue
        trigger = link.trigger
        sentence = doc.sentences[trigger.sentence_index]
        before = doc.scan_text[sentence.start:trigger.start]
        after = doc.scan_text[trigger.end:sentence.end]
        link.meta["description"] = sorted(content_words(before))  # what a reference fact must name
        scope = link.meta.get("resolve")
        if scope is None or link.role(role):
            continue
        order = ctx.paragraph_order(trigger.sentence_index) if scope == "paragraph" else ctx.document_order(trigger.sentence_index)
        like = link.one("subject") or link.one("target")
        found = resolve_measure(ctx, book.composites, link, before, after, order, like, same_period=link.type == "ratio")
        if found:
            link.roles[role] = found
    tie_anniversaries(links)
