"""Pair the figures of two versions of a document by what they say and by the sentence
around them, never by offsets or line numbers: a moved paragraph or a reworded sentence
pairs each figure with its old self.

Matching runs in three greedy rounds, each over the figures still unpaired:
1. same figure (kind, normalized value, unit, range ends) in a similar sentence: unchanged;
2. same kind in a similar sentence: changed (old, new);
3. same figure anywhere: unchanged (moved and reworded beyond recognition).
Whatever is left is removed (old) or added (new). The lock matches through the same code.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Hashable, Sequence

from factcheck.model import Change, Claim, DiffReport, Value

PLACEHOLDER = "{#}"
NEAR = 3  # words each side of a figure that place it within its sentence
SIMILAR = 0.5  # sentence-word Jaccard (or share of near words) from which two spots correspond
WORD = re.compile(r"[^\W\d_]+")
SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Figure:
    """What matching needs of one figure, whether it comes from a Claim or a lock entry."""

    kind: str
    identity: tuple[Hashable, ...]
    words: frozenset[str]  # the sentence's words; numerals and the figure itself left out
    left: tuple[str, ...]  # nearest words before the figure, nearest first
    right: tuple[str, ...]  # nearest words after it
    slot: int  # how many words precede the figure in its sentence


@dataclass(slots=True)
class Matching:
    """Index pairs into the old and new figure lists, and the unpaired indices, each sorted."""

    same: list[tuple[int, int]]
    changed: list[tuple[int, int]]
    removed: list[int]
    added: list[int]


def diff_claims(old: list[Claim], new: list[Claim], old_path: str, new_path: str) -> DiffReport:
    """The figures that changed, appeared or vanished between two versions of a document."""
    matching = match(figures(old), figures(new))
    changes = [Change("changed", old[i], new[j]) for i, j in matching.changed]
    changes += [Change("added", None, new[j]) for j in matching.added]
    changes += [Change("removed", old[i], None) for i in matching.removed]
    changes.sort(key=change_order)
    return DiffReport(old_path=old_path, new_path=new_path, changes=changes, unchanged=len(matching.same))


def change_order(change: Change) -> tuple[int, int, int]:
    """Changes in the order of the new text; removed figures after them, in the old text's order."""
    if change.new is not None:
        return (0, change.new.start, change.old.start if change.old else -1)
    assert change.old is not None  # a change has at least one side
    return (1, change.old.start, 0)


def match(old: Sequence[Figure], new: Sequence[Figure]) -> Matching:
    """Pair old with new figures in the three rounds the module docstring describes."""
    free_old, free_new = set(range(len(old))), set(range(len(new)))
    same = pair(old, new, free_old, free_new, lambda f: f.identity, SIMILAR)
    changed = pair(old, new, free_old, free_new, lambda f: f.kind, SIMILAR)
    same += pair(old, new, free_old, free_new, lambda f: f.identity, 0.0)
    return Matching(sorted(same), sorted(changed), sorted(free_old), sorted(free_new))


def pair(old: Sequence[Figure], new: Sequence[Figure], free_old: set[int], free_new: set[int],
         group: Callable[[Figure], Hashable], threshold: float) -> list[tuple[int, int]]:
    """Greedily pair free figures of the same group, most similar first; consumes the free sets."""
    new_by_group: dict[Hashable, list[int]] = defaultdict(list)
    for j in sorted(free_new):
        new_by_group[group(new[j])].append(j)
    candidates = []
    for i in sorted(free_old):
        for j in new_by_group.get(group(old[i]), ()):
            sentence, near = similarity(old[i], new[j])
            if max(sentence, near) >= threshold:
                candidates.append((-(sentence + near), abs(old[i].slot - new[j].slot), i, j))
    candidates.sort()
    pairs = []
    for *_, i, j in candidates:
        if i in free_old and j in free_new:
            free_old.remove(i)
            free_new.remove(j)
            pairs.append((i, j))
    return pairs


def similarity(a: Figure, b: Figure) -> tuple[float, float]:
    """Jaccard of the sentences' words, and the share of near words equal position by position."""
    common = len(a.words & b.words)
    union = len(a.words) + len(b.words) - common
    sentence = common / union if union else 1.0
    equal = sum(x == y for x, y in zip(a.left, b.left)) + sum(x == y for x, y in zip(a.right, b.right))
    return sentence, equal / (2 * NEAR)


def figures(claims: Sequence[Claim]) -> list[Figure]:
    """The figure of each claim, in the same order."""
    return [claim_figure(c, context) for c, context in zip(claims, contexts(claims))]


def claim_figure(claim: Claim, context: str) -> Figure:
    return make_figure(claim.kind, claim.value, claim.unit, claim.low, claim.high, context)


def make_figure(kind: str, value: Value, unit: str | None, low: Value, high: Value, context: str) -> Figure:
    """A figure from its fields and its context (the sentence with the figure as PLACEHOLDER)."""
    before, found, after = context.partition(PLACEHOLDER)
    if not found:
        before, after = context, ""
    left = [w.lower() for w in WORD.findall(before)]
    right = [w.lower() for w in WORD.findall(after)]
    return Figure(
        kind=kind,
        identity=(kind, norm(value), unit, norm(low), norm(high)),
        words=frozenset(left + right),
        left=tuple(reversed(left[-NEAR:])) if found else (),
        right=tuple(right[:NEAR]),
        slot=len(left) if found else 0,
    )


def norm(value: Value) -> Value:
    """A value in a form where 250000000, 250000000.0 and 2.5e8 compare equal."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return float(f"{number:.12g}") if math.isfinite(number) else number
    return value


def contexts(claims: Sequence[Claim]) -> list[str]:
    """Each claim's sentence with whitespace collapsed and the claim's own text as PLACEHOLDER.

    A text that occurs more than once in a sentence is told apart by how many claims with the
    same text precede it in that sentence.
    """
    order = sorted(range(len(claims)), key=lambda k: (claims[k].sentence_index, claims[k].start, claims[k].end))
    seen: Counter[tuple[int, str]] = Counter()
    result = [""] * len(claims)
    for k in order:
        claim = claims[k]
        occurrence = seen[(claim.sentence_index, claim.text)]
        seen[(claim.sentence_index, claim.text)] += 1
        result[k] = context(claim.sentence, claim.text, occurrence)
    return result


def context(sentence: str, text: str, occurrence: int) -> str:
    """`sentence` with the `occurrence`-th standalone appearance of `text` as PLACEHOLDER."""
    sentence, text = collapse(sentence), collapse(text)
    spans = [m.span() for m in standalone(text).finditer(sentence)] if text else []
    if not spans:
        return sentence
    start, end = spans[min(occurrence, len(spans) - 1)]
    return sentence[:start] + PLACEHOLDER + sentence[end:]


def standalone(text: str) -> re.Pattern[str]:
    """`text` not glued to a longer word or number ("5" must not match inside "250" or "2.5")."""
    head = r"(?<!\w)(?<!\d[.,])" if text[0].isalnum() else ""
    tail = r"(?!\w)(?![.,]\d)" if text[-1].isalnum() else ""
    return re.compile(head + re.escape(text) + tail)


def collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip()
