"""One operand finder per relation type: given the claim that triggered a relation, the other claims it speaks of.

Each finder returns the links it can justify; none when the evidence is too weak.
"""

from __future__ import annotations

from typing import Any, Callable

import regex

from factcheck import units
from factcheck.linker import (
    ANAPHORS, Context, Link, clause_after, comparable, content_words, names_in, numeric,
)
from factcheck.model import Claim
from factcheck.rulebook import Relation, fold

Found = dict[str, Any]
Finder = Callable[[Context, Relation, Claim, Found], list[Link]]
OVERLAP_FOR_SAME_EVENT = 0.5
OPENER = regex.compile(r"^\W*(?:that|this|it|which|these|those|the\s+figure|the\s+total|of\s+(?:that|those|them|these|this|it))\b",
                       regex.IGNORECASE)
OF_ANAPHOR = regex.compile(r"^\s+(?:of|out\s+of)\s+(?:that|those|them|these|this|it)\b", regex.IGNORECASE)
SECOND_FIGURE = regex.compile(r"(?:\s+[^\s.;,]+){0,3}?\s*(?:,|\(|—|–)\s*(?:or\s+)?(?:about\s+|some\s+|roughly\s+|nearly\s+|almost\s+"
                              r"|around\s+|approximately\s+|just\s+)?", regex.IGNORECASE)
FOUNDING = regex.compile(r"\b(?:founded|established|created|formed|opened|built|launched|set\s+up|started|began|born|"
                         r"signed|inaugurated|incorporated|founding|opening|creation|birth)\b", regex.IGNORECASE)
BY_AMOUNT = regex.compile(r"\bby\s+$", regex.IGNORECASE)  # "fell by a third": a change, not a multiplier
CLAUSE_BREAK = regex.compile(r"[;—–]|,\s+(?:so|and|but|while|whereas|although|though|because|which|when)\b",
                            regex.IGNORECASE)
PAST_AGE = regex.compile(r"\b(?:was|turned|had\s+been)\s+$", regex.IGNORECASE)
FROM_END = regex.compile(r"\bfrom\s+$", regex.IGNORECASE)
LESS_WORDS = frozenset({"less", "fewer", "lower", "smaller", "below", "under", "behind", "shorter"})


def same_thing(a: Claim, b: Claim) -> bool:
    """Counts name what they count ("five leaders"); two counts must count the same thing."""
    nouns = [c.text.split()[-1].lower().rstrip("s") if " " in c.text or "-" in c.text else None for c in (a, b)]
    return a.kind != "count" or None in nouns or nouns[0] == nouns[1]


def alike(a: Claim, b: Claim) -> bool:
    """Comparable, or two lengths or quantities whose units pint converts."""
    if comparable(a, b):
        return True
    return (a is not b and numeric(a) and numeric(b) and a.kind == b.kind and a.kind in ("distance", "quantity")
            and bool(a.unit) and bool(b.unit) and units.factor(a.unit, b.unit) is not None)


def antecedent(ctx: Context, claim: Claim, like: Callable[[Claim], bool]) -> Claim | None:
    """For a sentence that opens with 'That is ...' / 'Of those, ...': the figure of the previous sentence it refers to."""
    if not OPENER.search(ctx.before(claim)):
        return None
    previous = claim.sentence_index - 1
    if previous < 0 or ctx.doc.sentences[previous].paragraph != ctx.doc.sentences[claim.sentence_index].paragraph:
        return None
    found = [c for c in ctx.in_sentence(previous) if like(c)]
    return found[-1] if found else None


def level_claim(c: Claim) -> bool:
    return numeric(c) and c.kind not in ("ratio",)


def link_ratio(ctx: Context, relation: Relation, factor: Claim, found: Found) -> list[Link]:
    """A was N times that of B: A before the multiplier, B after it, or each found as a measure nearby."""
    before, after = ctx.before(factor), ctx.after(factor)
    reference_text = clause_after(after[found["after"].end():] if "after" in found else after)
    same = [c for c in ctx.in_sentence(factor.sentence_index) if level_claim(c)]
    reach = factor.end + (len(after) - len(after.lstrip())) + found["after"].end() + len(reference_text) + 2
    subject = next((c for c in reversed(same) if c.end <= factor.start), None)
    if subject is not None and CLAUSE_BREAK.search(ctx.doc.scan_text, subject.end, factor.start):
        subject = None  # "France added 3.2 GW, so the German build-out was 4.6 times ...": another clause's figure
    reference = next((c for c in same if factor.end <= c.start <= reach and (subject is None or alike(c, subject))), None)
    measure = ctx.measure_in(before)
    own, other = names_in(before), names_in(reference_text)
    sentences = ctx.neighbours(factor.sentence_index)
    refs = (reference,) if reference else ctx.find_measure(measure, other - own, sentences, subject)
    if not refs and subject is not None:
        near = [c for i in sentences[1:3] for c in ctx.in_sentence(i) if alike(c, subject)]
        refs = (near[0],) if len(near) == 1 else None
    if not refs:
        return []
    if subject is None:
        subject = antecedent(ctx, factor, lambda c: alike(c, refs[0]))
    if subject is None:
        found_subject = ctx.find_measure(measure, own - other, sentences[1:], refs[0])
        subject = found_subject[0] if found_subject and len(found_subject) == 1 else None
    if subject is not None and not alike(subject, refs[0]):
        subject = None
    description = content_words(before) | ({measure.name} if measure else set())
    return [Link("ratio", relation.id, factor, {"factor": (factor,), "reference": refs,
                                                "subject": (subject,) if subject else ()},
                 {"description": sorted(description)})]


def link_multiplier(ctx: Context, relation: Relation, factor: Claim, found: Found) -> list[Link]:
    """grew N-fold to X (from Y): the earlier level is X / N; find it stated, as the same measure elsewhere, or nearby."""
    target = after_word(ctx, factor, ("to", "reach", "reaching", "at"), level_claim)
    if target is None or BY_AMOUNT.search(ctx.before(factor)):
        return []
    base = after_word(ctx, factor, ("from", "of"), lambda c: comparable(c, target), skip=target)
    before = ctx.before(factor)
    measure = ctx.measure_in(before)
    bases: tuple[Claim, ...] | None = (base,) if base else None
    if bases is None and measure is not None:
        order = sorted(range(len(ctx.doc.sentences)), key=lambda i: abs(i - factor.sentence_index))
        parties = names_in(ctx.sentence_text(factor.sentence_index))
        bases = ctx.find_measure(measure, set(), [i for i in order if i != factor.sentence_index and
                                                  (not parties or parties & names_in(ctx.sentence_text(i)))], target)
    if bases is None:
        bases = nearby_level(ctx, factor, target)
    description = content_words(before) | ({measure.name} if measure else set())
    return [Link("multiplier", relation.id, factor, {"factor": (factor,), "target": (target,), "base": bases or ()},
                 {"description": sorted(description)})]


def after_word(ctx: Context, trigger: Claim, words: tuple[str, ...], like: Callable[[Claim], bool],
               skip: Claim | None = None) -> Claim | None:
    """The first figure after the trigger in its sentence with one of `words` among the few words before it."""
    for claim in ctx.in_sentence(trigger.sentence_index):
        if claim.start <= trigger.start or claim is skip or not like(claim):
            continue
        gap = fold(ctx.doc.scan_text[trigger.end:claim.start]).split()
        if any(w in words for w in gap[-4:]):
            return claim
    return None


def nearby_level(ctx: Context, factor: Claim, target: Claim) -> tuple[Claim, ...] | None:
    """With no measure word: the one comparable figure of the neighbouring sentences of the paragraph."""
    near = [c for i in ctx.neighbours(factor.sentence_index, reach=1)[1:] for c in ctx.in_sentence(i)
            if comparable(c, target) and same_thing(c, target)]
    return (near[0],) if len(near) == 1 else None


def change_value(claim: Claim) -> bool:
    return (claim.kind == "percent" and claim.unit in ("percent", "percentage_point")) or claim.rule == "ratio.fraction"


def link_percent_change(ctx: Context, relation: Relation, pct: Claim, found: Found) -> list[Link]:
    """rose P% to X from Y; X, up P% from Y: the new and old levels around the change."""
    if not change_value(pct):
        return []
    direction = ctx.book.lookup("direction", found["before"].group("direction")) or 1
    points = pct.unit == "percentage_point"
    like = (lambda c: c.kind == "percent" and c.unit == "percent") if points else (
        lambda c: level_claim(c) and c.kind != "percent")
    old = after_word(ctx, pct, ("from", "since"), like)
    new = after_word(ctx, pct, ("to", "at", "reach", "reaching"),
                     lambda c: like(c) and (old is None or comparable(c, old)), skip=old)
    if new is None:
        new = level_before(ctx, pct, old, like) or antecedent(ctx, pct, lambda c: like(c) and (old is None or comparable(c, old)))
    if (new is None and old is None) or (new is not None and old is not None and not comparable(new, old)):
        return []
    return [Link("percent_change", relation.id, pct, {"change": (pct,), "new": (new,) if new else (),
                                                      "old": (old,) if old else ()},
                 {"direction": direction, "points": points})]


def link_percent_than(ctx: Context, relation: Relation, pct: Claim, found: Found) -> list[Link]:
    """X, P% higher than Y: Y follows 'than', X is the figure just before (or the one 'That was' refers to)."""
    if not change_value(pct) or pct.unit == "percentage_point":
        return []
    direction = ctx.book.lookup("than_direction", found["after"].group("direction")) or 1
    old = after_word(ctx, pct, ("than", "on", "from", "the"), lambda c: level_claim(c) and c.kind != "percent")
    if old is None:
        return []
    new = level_before(ctx, pct, old, lambda c: comparable(c, old)) or antecedent(ctx, pct, lambda c: comparable(c, old))
    if new is None:
        return []
    return [Link("percent_change", relation.id, pct, {"change": (pct,), "new": (new,), "old": (old,)},
                 {"direction": direction, "points": False})]


def level_before(ctx: Context, pct: Claim, old: Claim | None, like: Callable[[Claim], bool]) -> Claim | None:
    """'X, up P% from Y': the figure just before the change, within a few words."""
    earlier = [c for c in ctx.in_sentence(pct.sentence_index) if c.end <= pct.start and like(c)
               and (old is None or comparable(c, old))]
    if not earlier:
        return None
    gap = ctx.doc.scan_text[earlier[-1].end:pct.start]
    return earlier[-1] if len(gap.split()) <= 5 else None


def link_part_of_whole(ctx: Context, relation: Relation, part: Claim, found: Found) -> list[Link]:
    """X of Y: the part cannot exceed the whole; 'X of Y, or P%' also states the share."""
    whole: Claim = found["next"]
    if not comparable(part, whole) or not same_thing(part, whole):
        return []
    links = [Link("part_of_whole", relation.id, part, {"part": (part,), "whole": (whole,)})]
    share = second_figure(ctx, whole, lambda c: c.kind == "percent" and c.unit == "percent")
    if share is not None:
        links.append(Link("share", relation.id, share, {"share": (share,), "whole": (whole,), "part": (part,)}))
    return links


def second_figure(ctx: Context, first: Claim, like: Callable[[Claim], bool]) -> Claim | None:
    """The figure that restates `first` a few words later: 'X, or Y', 'X (Y)', 'X, some Y'."""
    following = ctx.next_claim(first)
    if following is None or not like(following):
        return None
    return following if SECOND_FIGURE.fullmatch(ctx.doc.scan_text, first.end, following.start) else None


def link_part_of_anaphor(ctx: Context, relation: Relation, part: Claim, found: Found) -> list[Link]:
    """'Of those, 85 ...' / '450 million of that': the whole is the figure of the previous sentence."""
    whole = previous_figure(ctx, part, lambda c: comparable(c, part) and same_thing(c, part))
    if whole is None:
        return []
    parts = [c for c in ctx.in_sentence(part.sentence_index) if c is part or (comparable(c, part) and same_thing(c, part))]
    if len(parts) >= 2:
        return [Link("sum", relation.id, whole, {"total": (whole,), "parts": tuple(parts)})]
    return [Link("part_of_whole", relation.id, part, {"part": (part,), "whole": (whole,)})]


def previous_figure(ctx: Context, claim: Claim, like: Callable[[Claim], bool]) -> Claim | None:
    previous = claim.sentence_index - 1
    if previous < 0 or ctx.doc.sentences[previous].paragraph != ctx.doc.sentences[claim.sentence_index].paragraph:
        return None
    found = [c for c in ctx.in_sentence(previous) if like(c)]
    return found[-1] if found else None


def link_share(ctx: Context, relation: Relation, pct: Claim, found: Found) -> list[Link]:
    """P% of the Y, or X: the stated part X follows Y after 'or', a comma or a bracket."""
    if not change_value(pct) or pct.unit == "percentage_point":
        return []
    whole: Claim | None = found.get("next")
    if whole is None or not level_claim(whole) or whole.kind == "percent":
        whole = None
        if OF_ANAPHOR.match(ctx.after(pct)):
            whole = previous_figure(ctx, pct, lambda c: level_claim(c) and c.kind not in ("percent", "date"))
    if whole is None:
        return []
    part = second_figure(ctx, whole if whole.sentence_index == pct.sentence_index else pct,
                         lambda c: c.kind == whole.kind and c.unit == whole.unit)
    return [Link("share", relation.id, pct, {"share": (pct,), "whole": (whole,), "part": (part,) if part else ()})]


def link_sum(ctx: Context, relation: Relation, total: Claim, found: Found) -> list[Link]:
    """Listed parts and a stated total: the comparable figures of the sentence, or of the one before or after."""
    def parts_in(index: int) -> list[Claim]:
        return [c for c in ctx.in_sentence(index) if comparable(c, total) and same_thing(c, total)]

    parts = parts_in(total.sentence_index)
    for index in ctx.neighbours(total.sentence_index, reach=1)[1:]:
        if len(parts) < 2:
            parts = parts_in(index)
    if len(parts) < 2:
        return []
    return [Link("sum", relation.id, total, {"total": (total,), "parts": tuple(parts)})]


def link_difference(ctx: Context, relation: Relation, gap: Claim, found: Found) -> list[Link]:
    """X, D more than Y: X is the figure just before the gap in the sentence; points compare percentages."""
    reference: Claim = found["next"]
    points = gap.unit == "percentage_point"
    like = (lambda c: c.kind == "percent" and c.unit == "percent") if points else (lambda c: comparable(c, gap))
    if not like(reference):
        return []
    earlier = [c for c in ctx.in_sentence(gap.sentence_index) if c.end <= gap.start and like(c) and c is not gap]
    direction = -1 if fold(found["between"].group("direction")).split()[0] in LESS_WORDS else 1
    return [Link("difference", relation.id, gap, {"gap": (gap,), "reference": (reference,),
                                                  "subject": (earlier[-1],) if earlier else ()},
                 {"direction": direction})]


def link_conversion(ctx: Context, relation: Relation, first: Claim, found: Found) -> list[Link]:
    second: Claim = found["next"]
    if first.kind not in ("distance", "quantity") or second.kind not in ("distance", "quantity"):
        return []
    if not (numeric(first) and numeric(second)) or first.unit == second.unit or not first.unit or not second.unit:
        return []
    return [Link("conversion", relation.id, first, {"stated": (first,), "converted": (second,)})]


def link_anniversary(ctx: Context, relation: Relation, nth: Claim, found: Found) -> list[Link]:
    """The Nth anniversary of E: the year it is held, and E's own year where the text states it."""
    after = found.get("after")
    rest = ctx.after(nth)[after.end():] if after is not None else ""
    event_text = clause_after(rest) if after is not None and after.group("connector") else ""
    event_end = nth.end + len(ctx.after(nth)) - len(rest) + len(event_text)
    dates = [c for c in ctx.in_sentence(nth.sentence_index) if year_of(c)]
    inside = [c for c in dates if nth.end <= c.start < event_end]
    outside = [c for c in dates if c not in inside]
    held = min(outside, key=lambda c: abs(c.start - nth.start)) if outside else None
    stated = inside[-1] if inside else founding_year(ctx, nth, held)
    event = content_words(event_text) - {w for w in content_words(event_text) if w.isdigit()}
    return [Link("anniversary", relation.id, nth, {"ordinal": (nth,), "held": (held,) if held else (),
                                                   "event_year": (stated,) if stated else ()},
                 {"event": sorted(event), "event_text": event_text.strip()})]


def year_of(claim: Claim) -> bool:
    return claim.kind == "date" and isinstance(claim.value, str) and claim.value[:4].isdigit()


def founding_year(ctx: Context, nth: Claim, held: Claim | None) -> Claim | None:
    """A year the paragraph gives for the founding or start of what the anniversary marks."""
    for index in ctx.neighbours(nth.sentence_index, reach=1):
        for claim in ctx.in_sentence(index):
            if year_of(claim) and claim is not held and not claim.extra.get("relative"):
                words = ctx.before(claim)[-40:]
                if FOUNDING.search(words) and (index != nth.sentence_index or claim.start > nth.end):
                    return claim
    return None


def cluster_anniversaries(links: list[Link]) -> None:
    """Give each anniversary the first earlier anniversary of the same event ('the event' refers back)."""
    seen: list[Link] = []
    for link in (x for x in links if x.type == "anniversary"):
        event = set(link.meta["event"])
        if event and event <= ANAPHORS and seen:
            link.meta["event"] = seen[-1].meta["event"]
            link.meta["first"] = seen[-1].meta.get("first", seen[-1])
        else:
            same = next((s for s in seen if same_event(event, set(s.meta["event"]))), None)
            if same is not None:
                link.meta["first"] = same.meta.get("first", same)
        if "first" in link.meta:
            link.meta["first"].meta["followed"] = True
        seen.append(link)


def same_event(a: set[str], b: set[str]) -> bool:
    if not a or not b or a <= ANAPHORS or b <= ANAPHORS:
        return False
    return len(a & b) / min(len(a), len(b)) >= OVERLAP_FOR_SAME_EVENT


def link_age(ctx: Context, relation: Relation, age: Claim, found: Found) -> list[Link]:
    """aged N / N years old / Name, N, — and 'born in B' nearby."""
    if not numeric(age) or not 0 < float(age.value) < 130:
        return []
    for index in ctx.neighbours(age.sentence_index):
        for claim in ctx.in_sentence(index):
            if year_of(claim) and regex.search(r"\bborn\b(?:\s+\S+){0,4}\s+(?:in|on)?\s*$", ctx.before(claim)[-40:], regex.IGNORECASE):
                # "was 33 when ... last summer" is an age at the sentence's date; "aged 62" is an age now
                dates = [c for c in ctx.in_sentence(age.sentence_index) if year_of(c) and c is not claim
                         and PAST_AGE.search(ctx.before(age))]
                return [Link("age", relation.id, age, {"age": (age,), "born": (claim,), "at": tuple(dates[:1])})]
    return []


def link_range(ctx: Context, relation: Relation, claim: Claim, found: Found) -> list[Link]:
    """Dates and written ranges run forwards; "fell from $1,178 to $45" is a change, not a range."""
    if claim.extra.get("relative"):
        return []
    if claim.kind != "date" and (FROM_END.search(ctx.before(claim)) or " to " in claim.text):
        return []
    return [Link("range", relation.id, claim, {"range": (claim,)})]


def link_date_order(ctx: Context, relation: Relation, claim: Claim, found: Found) -> list[Link]:
    if not year_of(claim) or claim.extra.get("relative"):
        return []
    return [Link("date_order", relation.id, claim, {"date": (claim,)}, {"deadline": relation.id.endswith("deadline")})]


FINDERS: dict[str, Finder] = {
    "ratio": link_ratio,
    "multiplier": link_multiplier,
    "percent_change": link_percent_change,
    "percent_than": link_percent_than,
    "part_of_whole": link_part_of_whole,
    "part_of_anaphor": link_part_of_anaphor,
    "share": link_share,
    "sum": link_sum,
    "difference": link_difference,
    "conversion": link_conversion,
    "anniversary": link_anniversary,
    "age": link_age,
    "range": link_range,
    "date_order": link_date_order,
}
