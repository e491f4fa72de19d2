"""One operand finder per relation type: given the claim that triggered a relation, the other claims it speaks of.

Each finder returns a Link, or None when the evidence is too weak to name the operands.
"""

from __future__ import annotations

from typing import Any, Callable

from factcheck.linker import (
    ANAPHORS, Context, Link, clause_after, comparable, content_words, names_in, numeric,
)
from factcheck.model import Claim
from factcheck.rulebook import Relation, fold

Found = dict[str, Any]
OVERLAP_FOR_SAME_EVENT = 0.5


def no_link(ctx: Context, relation: Relation, claim: Claim, found: Found) -> Link | None:
    return None


def link_ratio(ctx: Context, relation: Relation, factor: Claim, found: Found) -> Link | None:
    """A was N times that of B: A before the multiplier, B after it, or each found as a measure nearby."""
    before, after = ctx.before(factor), ctx.after(factor)
    reference_text = clause_after(after[found["after"].end():] if "after" in found else after)
    same = [c for c in ctx.in_sentence(factor.sentence_index) if numeric(c) and c.kind != "ratio"]
    subject = next((c for c in reversed(same) if c.end <= factor.start), None)
    reference = next((c for c in same if c.start >= factor.end
                      and c.start <= factor.end + len(after) - len(after.lstrip()) + 4 + len(reference_text)), None)
    measure = ctx.measure_in(before)
    own, other = names_in(before), names_in(reference_text)
    sentences = ctx.neighbours(factor.sentence_index)
    refs = (reference,) if reference else ctx.find_measure(measure, other - own, sentences, subject)
    if not refs:
        return None
    if subject is None:
        found_subject = ctx.find_measure(measure, own - other, sentences[1:], refs[0])
        subject = found_subject[0] if found_subject and len(found_subject) == 1 else None
    description = content_words(before) | {measure.name} if measure else content_words(before)
    return Link("ratio", relation.id, factor, {"factor": (factor,), "reference": refs,
                                               "subject": (subject,) if subject else ()},
                {"description": sorted(description)})


def link_multiplier(ctx: Context, relation: Relation, factor: Claim, found: Found) -> Link | None:
    """grew N-fold to X: the earlier level is X / N; find it stated ('from Y') or as the same measure elsewhere."""
    target: Claim = found["next"]
    if not numeric(target) or target.kind == "ratio":
        return None
    base = from_claim(ctx, target)
    before = ctx.before(factor)
    measure = ctx.measure_in(before)
    if base is None and measure is not None:
        order = sorted(range(len(ctx.doc.sentences)), key=lambda i: abs(i - factor.sentence_index))
        parties = names_in(ctx.sentence_text(factor.sentence_index))
        found_base = ctx.find_measure(measure, set(), [i for i in order if i != factor.sentence_index and
                                                        (not parties or parties & names_in(ctx.sentence_text(i)))], target)
        base = found_base if found_base else None
    elif base is None:
        base = previous_level(ctx, factor, target)
    description = content_words(before) | ({measure.name} if measure else set())
    return Link("multiplier", relation.id, factor, {"factor": (factor,), "target": (target,),
                                                    "base": tuple(base) if base else ()},
                {"description": sorted(description)})


def from_claim(ctx: Context, target: Claim) -> tuple[Claim, ...] | None:
    """The figure right after 'from' later in the sentence, comparable with the target."""
    for claim in ctx.in_sentence(target.sentence_index):
        if claim.start > target.end and comparable(claim, target):
            gap = ctx.doc.scan_text[target.end:claim.start]
            if fold(gap).endswith("from") or fold(gap).endswith("from a"):
                return (claim,)
    return None


def previous_level(ctx: Context, factor: Claim, target: Claim) -> tuple[Claim, ...] | None:
    """With no measure word: the one comparable figure of the previous sentence of the paragraph."""
    index = factor.sentence_index - 1
    if index < 0 or ctx.doc.sentences[index].paragraph != ctx.doc.sentences[factor.sentence_index].paragraph:
        return None
    same = [c for c in ctx.in_sentence(index) if comparable(c, target)]
    return (same[0],) if len(same) == 1 else None


def link_percent_change(ctx: Context, relation: Relation, pct: Claim, found: Found) -> Link | None:
    """rose P% to X from Y; X, up P% from Y: the new and old levels around the change."""
    direction = ctx.book.lookup("direction", found["before"].group("direction")) or 1
    points = pct.unit == "percentage_point"
    like = (lambda c: c.kind == "percent" and c.unit == "percent") if points else None
    new = after_word(ctx, pct, "to", like)
    old = after_word(ctx, pct, "from", like)
    if new is None and not points:
        new = level_before(ctx, pct, old)
    if new is None and old is None:
        return None
    if new is not None and old is not None and not comparable(new, old):
        return None
    return Link("percent_change", relation.id, pct, {"change": (pct,), "new": (new,) if new else (),
                                                     "old": (old,) if old else ()},
                {"direction": direction, "points": points})


def after_word(ctx: Context, trigger: Claim, word: str, like: Callable[[Claim], bool] | None) -> Claim | None:
    """The first figure in the trigger's sentence, after it, that follows `word`."""
    for claim in ctx.in_sentence(trigger.sentence_index):
        if claim.start <= trigger.start or not numeric(claim) or claim.kind == "ratio":
            continue
        if like is not None and not like(claim):
            continue
        if like is None and claim.kind == "percent":
            continue
        gap_words = fold(ctx.doc.scan_text[max(trigger.end, claim.start - 25):claim.start]).split()
        if gap_words and gap_words[-1] in (word, "a", "an", "about") and word in gap_words[-2:]:
            return claim
    return None


def level_before(ctx: Context, pct: Claim, old: Claim | None) -> Claim | None:
    """'X, up P% from Y': the figure just before the change, within a few words."""
    earlier = [c for c in ctx.in_sentence(pct.sentence_index) if c.end <= pct.start and numeric(c)
               and c.kind not in ("percent", "ratio") and (old is None or comparable(c, old))]
    if not earlier:
        return None
    gap = ctx.doc.scan_text[earlier[-1].end:pct.start]
    return earlier[-1] if len(gap.split()) <= 3 else None


def link_part_of_whole(ctx: Context, relation: Relation, part: Claim, found: Found) -> Link | None:
    whole: Claim = found["next"]
    if not comparable(part, whole) or not same_thing(part, whole):
        return None
    return Link("part_of_whole", relation.id, part, {"part": (part,), "whole": (whole,)})


def same_thing(a: Claim, b: Claim) -> bool:
    """Counts name what they count ("five leaders"); a part and its whole must count the same thing."""
    nouns = [c.text.split()[-1].lower().rstrip("s") if " " in c.text or "-" in c.text else None for c in (a, b)]
    return a.kind != "count" or None in nouns or nouns[0] == nouns[1]


def link_share(ctx: Context, relation: Relation, pct: Claim, found: Found) -> Link | None:
    """P% of the Y, or X: the stated part X follows Y after 'or' or in brackets."""
    whole: Claim = found["next"]
    if not numeric(whole) or whole.kind in ("percent", "ratio"):
        return None
    part = ctx.next_claim(whole)
    if part is not None:
        gap = ctx.doc.scan_text[whole.end:part.start]
        part = part if fold(gap).strip(" ,(") in ("or", "", "or about", "or some") and part.kind == whole.kind else None
    return Link("share", relation.id, pct, {"share": (pct,), "whole": (whole,), "part": (part,) if part else ()})


def link_sum(ctx: Context, relation: Relation, total: Claim, found: Found) -> Link | None:
    """Listed parts and a stated total: the comparable figures of the sentence (or the one before)."""
    parts = [c for c in ctx.in_sentence(total.sentence_index) if comparable(c, total) and c.end <= total.start]
    if len(parts) < 2:
        previous = total.sentence_index - 1
        if previous >= 0 and ctx.doc.sentences[previous].paragraph == ctx.doc.sentences[total.sentence_index].paragraph:
            parts = [c for c in ctx.in_sentence(previous) if comparable(c, total)]
    if len(parts) < 2:
        return None
    return Link("sum", relation.id, total, {"total": (total,), "parts": tuple(parts)})


def link_difference(ctx: Context, relation: Relation, gap: Claim, found: Found) -> Link | None:
    """X, D more than Y: X is the comparable figure just before the gap in the sentence."""
    reference: Claim = found["next"]
    if not comparable(gap, reference):
        return None
    earlier = [c for c in ctx.in_sentence(gap.sentence_index) if c.end <= gap.start and comparable(c, gap)]
    direction = -1 if fold(found["between"].group("direction")) in ("less", "fewer", "lower", "smaller", "below", "under") else 1
    return Link("difference", relation.id, gap, {"gap": (gap,), "reference": (reference,),
                                                 "subject": (earlier[-1],) if earlier else ()},
                {"direction": direction})


def link_conversion(ctx: Context, relation: Relation, first: Claim, found: Found) -> Link | None:
    second: Claim = found["next"]
    if first.kind not in ("distance", "quantity") or second.kind not in ("distance", "quantity"):
        return None
    if not (numeric(first) and numeric(second)) or first.unit == second.unit or not first.unit or not second.unit:
        return None
    return Link("conversion", relation.id, first, {"stated": (first,), "converted": (second,)})


def link_anniversary(ctx: Context, relation: Relation, nth: Claim, found: Found) -> Link | None:
    """The Nth anniversary of E at a date: the year it is held comes from the nearest date of the sentence."""
    event_text = clause_after(ctx.after(nth)[found["after"].end():])
    event = content_words(event_text) - year_words(event_text)
    dates = [c for c in ctx.in_sentence(nth.sentence_index) if c.kind == "date" and isinstance(c.value, str)
             and c.value[:4].isdigit()]
    held = min(dates, key=lambda c: abs(c.start - nth.start)) if dates else None
    return Link("anniversary", relation.id, nth, {"ordinal": (nth,), "held": (held,) if held else ()},
                {"event": sorted(event), "event_text": event_text.strip()})


def year_words(text: str) -> set[str]:
    return {w for w in content_words(text) if w.isdigit()}


def cluster_anniversaries(links: list[Link]) -> None:
    """Give each anniversary the first earlier anniversary of the same event ('the event' refers back)."""
    seen: list[Link] = []
    for link in (x for x in links if x.type == "anniversary"):
        event = set(link.meta["event"])
        if event <= ANAPHORS and seen:
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


def link_age(ctx: Context, relation: Relation, age: Claim, found: Found) -> Link | None:
    """aged N / N years old, and 'born in B' in the same paragraph."""
    if not numeric(age):
        return None
    for index in ctx.neighbours(age.sentence_index):
        for claim in ctx.in_sentence(index):
            if claim.kind == "date" and isinstance(claim.value, str) and fold(ctx.before(claim)).endswith(("born in", "born on", "born")):
                dates = [c for c in ctx.in_sentence(age.sentence_index) if c.kind == "date" and c is not claim
                         and isinstance(c.value, str)]
                return Link("age", relation.id, age, {"age": (age,), "born": (claim,), "at": tuple(dates[:1])})
    return None


def link_range(ctx: Context, relation: Relation, claim: Claim, found: Found) -> Link | None:
    if claim.extra.get("relative"):
        return None
    return Link("range", relation.id, claim, {"range": (claim,)})


def link_date_order(ctx: Context, relation: Relation, claim: Claim, found: Found) -> Link | None:
    if not isinstance(claim.value, str) or not claim.value[:4].isdigit() or claim.extra.get("relative"):
        return None
    deadline = relation.id.endswith("deadline")
    return Link("date_order", relation.id, claim, {"date": (claim,)}, {"deadline": deadline})


FINDERS: dict[str, Callable[[Context, Relation, Claim, Found], Link | None]] = {
    "ratio": link_ratio,
    "multiplier": link_multiplier,
    "percent_change": link_percent_change,
    "part_of_whole": link_part_of_whole,
    "share": link_share,
    "sum": link_sum,
    "difference": link_difference,
    "conversion": link_conversion,
    "anniversary": link_anniversary,
    "age": link_age,
    "range": link_range,
    "date_order": link_date_order,
}
