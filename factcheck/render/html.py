"""`--format html`: one self-contained page (no script, no network) to look at rather than read.

Each document's text with every figure highlighted by kind (its value on hover), every check
drawn inline after its last figure as a badge that opens (a click) onto its arithmetic, and a
side panel listing the findings by severity, each a link to its badge. Several documents get an
index at the top. Where a document's text is not at hand (standard input), its sentences that
hold figures stand in for it.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from factcheck.model import Check, Claim, DocumentReport, Report
from factcheck.render.common import SYMBOL, format_claim_value, format_deviation, format_quantity
from factcheck.terminal import visible

SEVERITIES = (("error", "Errors"), ("warning", "Warnings"), ("info", "Info"))
KIND_COLOURS = {"money": "#c8f0c8", "percent": "#c8ecf5", "distance": "#d6dcff", "quantity": "#d6dcff",
                "ratio": "#f3d3f3", "count": "#fbefb6", "ordinal": "#fbefb6", "date": "#d4f2ee"}
VERDICT_COLOURS = {"inconsistent": "#b00020", "approximate": "#a15c00", "unverifiable": "#1a5fb4",
                   "consistent": "#26734d"}
STYLE = """
body{margin:0;font:15px/1.6 system-ui,sans-serif;color:#1d1d1f;display:flex;min-height:100vh}
aside{width:22rem;flex:none;border-right:1px solid #ddd;padding:1rem;background:#fafafa;position:sticky;top:0;
height:100vh;overflow:auto;box-sizing:border-box}
main{flex:1;padding:1rem 2rem;max-width:60rem}
aside ol{padding-left:1.2rem}aside li{margin:.3rem 0}aside a{color:inherit}
.text{white-space:pre-wrap;font-family:Georgia,serif;font-size:16px}
mark{border-radius:3px;padding:0 2px}
details.check{display:inline-block;position:relative;margin:0 .2rem;font:13px/1.4 system-ui,sans-serif;
white-space:normal}
details.check summary{display:inline;cursor:pointer;list-style:none;padding:0 .35rem;border-radius:9px;color:#fff}
details.check summary::-webkit-details-marker{display:none}
details.check[open]>div{position:absolute;z-index:1;left:0;top:1.6em;width:34rem;border-left:4px solid;
padding:.5rem .8rem;background:#f6f6f6;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.meta,.summary{color:#555}.sentence{font-style:italic;color:#555}
"""


def render_html(report: Report, texts: dict[str, str]) -> str:
    """The page for the report; `texts` maps a document's path to its decoded text."""
    documents = [(f"d{n}", doc) for n, doc in enumerate(report.documents, start=1)]
    body = [side_panel(documents), "<main>", header(report, documents)]
    body += [document_section(anchor, doc, texts.get(doc.path)) for anchor, doc in documents]
    body.append("</main>")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width\"><title>factcheck report</title>"
            f"<style>{STYLE}{colour_rules()}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def colour_rules() -> str:
    kinds = "".join(f"mark.kind-{kind}{{background:{colour}}}" for kind, colour in KIND_COLOURS.items())
    verdicts = "".join(f".verdict-{verdict} summary{{background:{colour}}}.verdict-{verdict}>div{{border-color:{colour}}}"
                       f".finding-{verdict}{{color:{colour}}}" for verdict, colour in VERDICT_COLOURS.items())
    return kinds + verdicts


def text_of(value: str) -> str:
    return escape(visible(value))


def header(report: Report, documents: list[tuple[str, DocumentReport]]) -> str:
    counts = report.summary()["by_verdict"]
    line = " · ".join(f"{SYMBOL[v]} {counts[v]} {v}" for v in ("inconsistent", "approximate", "unverifiable", "consistent"))
    parts = ["<header><h1>factcheck report</h1>",
             f"<p class=\"summary\">{len(documents)} document{'s' if len(documents) != 1 else ''} · {line}</p>"]
    if len(documents) > 1:
        parts.append("<nav id=\"index\"><h2>Documents</h2><ul>")
        parts += [f"<li><a href=\"#{anchor}\">{text_of(doc.path)}</a> — {finding_count(doc)}</li>"
                  for anchor, doc in documents]
        parts.append("</ul></nav>")
    return "".join(parts) + "</header>"


def finding_count(doc: DocumentReport) -> str:
    found = sum(check.severity != "none" for check in doc.checks)
    return f"{found} finding{'' if found == 1 else 's'}, {len(doc.claims)} figures"


def side_panel(documents: list[tuple[str, DocumentReport]]) -> str:
    """The findings by severity, each a link to its badge in the text."""
    parts = ["<aside id=\"findings\"><h2>Findings</h2>"]
    for severity, title in SEVERITIES:
        found = [(anchor, doc, check) for anchor, doc in documents for check in doc.checks if check.severity == severity]
        if not found:
            continue
        parts.append(f"<h3>{title} ({len(found)})</h3><ol>")
        parts += [f"<li><a class=\"finding-{check.verdict}\" href=\"#{anchor}-{check.id}\">{SYMBOL[check.verdict]} "
                  f"{text_of(doc.path)}:{check.line}:{check.column} [{check.type}]</a> {text_of(check.message)}</li>"
                  for anchor, doc, check in found]
        parts.append("</ol>")
    if len(parts) == 1:
        parts.append("<p>No findings.</p>")
    return "".join(parts) + "</aside>"


def document_section(anchor: str, doc: DocumentReport, text: str | None) -> str:
    date = doc.document_date or "unknown (pass --date)"
    parts = [f"<section class=\"document\" id=\"{anchor}\"><h2>{text_of(doc.path)}</h2>",
             f"<p class=\"meta\">document date: {text_of(date)} · {finding_count(doc)}</p>"]
    parts += [f"<p class=\"meta\">warning: {text_of(warning)}</p>" for warning in doc.warnings]
    if text is not None and all(text[c.start:c.end] == c.text for c in doc.claims):
        parts.append(f"<div class=\"text\">{annotated(text, doc.claims, doc.checks, anchor)}</div>")
    else:
        parts += [f"<p class=\"text\">{body}</p>" for body in sentence_views(doc, anchor)]
    return "".join(parts) + "</section>"


def sentence_views(doc: DocumentReport, anchor: str) -> list[str]:
    """Each sentence that holds figures, annotated with its figures and the checks that end in it,
    for a document whose text is not at hand; checks with no figure follow on their own."""
    groups: dict[int, list[Claim]] = {}
    for claim in doc.claims:
        groups.setdefault(claim.sentence_index, []).append(claim)
    views = []
    for claims in (groups[index] for index in sorted(groups)):
        sentence = claims[0].sentence
        base = claims[0].start - sentence.find(claims[0].text)
        placed = [replace(c, start=c.start - base, end=c.end - base) for c in claims
                  if sentence[c.start - base:c.end - base] == c.text]
        ids = {claim.id for claim in claims}
        checks = [replace(check, end=check.end - base) for check in doc.checks if check.claims[-1:] and check.claims[-1] in ids]
        views.append(annotated(sentence, placed, checks, anchor))
    loose = [badge(check, anchor) for check in doc.checks if not check.claims]
    return views + (["".join(loose)] if loose else [])


def annotated(text: str, claims: list[Claim], checks: list[Check], anchor: str) -> str:
    """The text, escaped, with a mark around each figure and each check's badge after its last figure."""
    marks = outermost(claims)
    events: list[tuple[int, int, str]] = []
    for claim in marks:
        events.append((claim.start, 2, mark_open(claim)))
        events.append((claim.end, 0, "</mark>"))
    for check in checks:
        events.append((outside(check.end, marks), 1, badge(check, anchor)))
    pieces, cursor = [], 0
    for at, _, tag in sorted(events, key=lambda e: (e[0], e[1])):
        at = min(max(at, cursor), len(text))
        pieces.append(text_of(text[cursor:at]) + tag)
        cursor = at
    pieces.append(text_of(text[cursor:]))
    return "".join(pieces)


def outermost(claims: list[Claim]) -> list[Claim]:
    """The claims to mark: none inside another one's span."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if not kept or claim.start >= kept[-1].end:
            kept.append(claim)
    return kept


def outside(offset: int, marks: list[Claim]) -> int:
    """`offset`, or the end of the mark it falls inside."""
    for claim in marks:
        if claim.start < offset < claim.end:
            return claim.end
    return offset


def mark_open(claim: Claim) -> str:
    title = f"{claim.kind}: {format_claim_value(claim)}"
    return f"<mark class=\"kind-{claim.kind}\" title=\"{text_of(title)}\">"


def badge(check: Check, anchor: str) -> str:
    """A check that opens onto its message, arithmetic, figures and deviation."""
    figures = f"expected {format_quantity(check.expected)} · stated {format_quantity(check.stated)}"
    deviation = format_deviation(check.deviation)
    if deviation:
        figures += f" · deviation {deviation}"
    return (f"<details class=\"check verdict-{check.verdict}\" id=\"{anchor}-{check.id}\">"
            f"<summary title=\"{text_of(check.explanation)}\">{SYMBOL[check.verdict]} {check.type}</summary>"
            f"<div><strong>{text_of(check.message)}</strong><br>{text_of(check.explanation)}<br>"
            f"{text_of(figures)}</div></details>")
