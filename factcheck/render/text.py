"""Rich terminal output: sentences with their figures highlighted, a claims table, the checks.

All user text goes through `rich.text.Text`, never through markup, so brackets in a
document cannot turn into styles, and through `terminal.visible` first, so escape sequences and
control characters in a document, a file name or a rule cannot steer the terminal.
"""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.model import VERDICTS, Change, Check, Claim, DiffReport, DocumentReport, Report
from factcheck.render.common import (
    CHANGE_SYMBOL,
    SYMBOL,
    change_place,
    format_claim_value,
    format_deviation,
    format_quantity,
)
from factcheck.terminal import visible

KIND_STYLE = {
    "money": "bold green",
    "percent": "bold cyan",
    "distance": "bold blue",
    "quantity": "bold blue",
    "ratio": "bold magenta",
    "count": "bold yellow",
    "ordinal": "bold yellow",
    "date": "bold bright_cyan",
}
VERDICT_STYLE = {"consistent": "green", "approximate": "yellow", "inconsistent": "bold red",
                 "unverifiable": "blue"}
CHANGE_STYLE = {"changed": "yellow", "added": "green", "removed": "red"}
LOUD = ("warning", "error")
INDENT = 4


def render_text(report: Report, console: Console, *, quiet: bool = False) -> None:
    """Print the report; `quiet` keeps only warning/error checks and the summary line."""
    for doc in map(safe_document, report.documents):
        if quiet:
            for check in doc.checks:
                if check.severity in LOUD:
                    print_check(console, check, path=doc.path)
        else:
            print_document(console, doc)
    console.print(summary_line(report))


def print_document(console: Console, doc: DocumentReport) -> None:
    console.rule(Text(doc.path, style="bold"))
    console.print(document_header(doc))
    for warning in doc.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    if doc.claims:
        console.print()
        for sentence in highlighted_sentences(doc.claims):
            console.print(indented(sentence))
        console.print()
        console.print(claims_table(doc.claims))
    if doc.checks:
        console.print(Text("Checks", style="bold underline"))
        for check in doc.checks:
            print_check(console, check)
    console.print()


def document_header(doc: DocumentReport) -> Text:
    counts = Report([doc]).summary()
    date = doc.document_date or "unknown"
    header = Text("document date: ").append(date, style="bold")
    if doc.date_source:
        header.append(f" (from {doc.date_source})", style="dim")
    header.append(f" · {counts['claims']} claims · {counts['checks']} checks")
    verdicts = [(v, n) for v, n in counts["by_verdict"].items() if n]
    if verdicts:
        header.append(" (")
        for i, (verdict, n) in enumerate(verdicts):
            header.append(", " if i else "").append(f"{SYMBOL[verdict]} {n}", style=VERDICT_STYLE[verdict])
        header.append(")")
    return header


def highlighted_sentences(claims: list[Claim]) -> list[Text]:
    """Each sentence that holds claims, in text order, with every claim styled by kind."""
    groups: dict[int, list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        groups.setdefault(claim.sentence_index, []).append(claim)
    result = []
    for index in sorted(groups):
        members = groups[index]
        text = Text(members[0].sentence)
        for claim, at in zip(members, claim_positions(members[0].sentence, members)):
            if at is not None:
                text.stylize(KIND_STYLE.get(claim.kind, "bold"), at, at + len(claim.text))
        result.append(text)
    return result


def claim_positions(sentence: str, claims: list[Claim]) -> list[int | None]:
    """Where each claim's text sits in its sentence.

    The claims keep their document offsets relative to each other, so the first place
    where all of them fit is the answer; failing that (a sentence stored reflowed), each
    claim is searched for after the previous one.
    """
    first = claims[0]
    at = sentence.find(first.text)
    while at != -1:
        positions = [at + c.start - first.start for c in claims]
        if all(sentence[p:p + len(c.text)] == c.text for p, c in zip(positions, claims)):
            return list(positions)
        at = sentence.find(first.text, at + 1)
    found: list[int | None] = []
    cursor = 0
    for claim in claims:
        at = sentence.find(claim.text, cursor)
        found.append(at if at != -1 else None)
        cursor = at + len(claim.text) if at != -1 else cursor
    return found


def claims_table(claims: list[Claim]) -> Table:
    table = Table(title="Claims", title_justify="left", show_lines=False)
    for header in ("id", "kind", "text", "value", "unit", "qualifier", "line:col"):
        table.add_column(header, overflow="fold")
    for claim in claims:
        table.add_row(
            Text(claim.id),
            Text(claim.kind, style=KIND_STYLE.get(claim.kind, "")),
            Text(claim.text),
            Text(format_claim_value(claim)),
            Text(claim.unit or ""),
            Text(claim.qualifier or ""),
            Text(f"{claim.line}:{claim.column}"),
        )
    return table


def print_check(console: Console, check: Check, *, path: str | None = None) -> None:
    """One line for the verdict and message, then the arithmetic, the figures and the sentence."""
    where = f"{path}:{check.line}:{check.column}" if path else f"{check.line}:{check.column}"
    head = Text(SYMBOL[check.verdict], style=VERDICT_STYLE[check.verdict])
    head.append(f" {where} ").append(f"[{check.type}] ", style="dim").append(check.message)
    console.print(head)
    if check.explanation:
        console.print(indented(Text(check.explanation)))
    figures = Text(f"expected {format_quantity(check.expected)} · stated {format_quantity(check.stated)}",
                   style="dim")
    deviation = format_deviation(check.deviation)
    if deviation:
        figures.append(" · deviation ").append(deviation, style=VERDICT_STYLE[check.verdict])
    console.print(indented(figures))
    if check.sentence:
        console.print(indented(Text(f"“{check.sentence}”", style="italic dim")))


def indented(text: Text) -> Padding:
    """Detail lines sit under their heading, wrapped lines included."""
    return Padding(text, (0, 0, 0, INDENT), expand=False)


def summary_line(report: Report) -> Text:
    counts = report.summary()
    line = Text(f"{counts['documents']} document(s) · {counts['claims']} claims · {counts['checks']} checks: ",
                style="bold")
    for i, verdict in enumerate(VERDICTS):
        n = counts["by_verdict"][verdict]
        line.append(", " if i else "").append(f"{SYMBOL[verdict]} {n} {verdict}",
                                              style=VERDICT_STYLE[verdict] if n else "dim")
    return line


def render_diff_text(diff: DiffReport, console: Console) -> None:
    """A table of the figures that changed between two versions, then the counts."""
    diff = safe_diff(diff)
    console.rule(Text(f"{diff.old_path} → {diff.new_path}", style="bold"))
    if diff.changes:
        table = Table(show_lines=False)
        for header in ("change", "where", "old", "new", "sentence"):
            table.add_column(header, overflow="fold")
        for change in diff.changes:
            table.add_row(*change_row(diff, change))
        console.print(table)
    else:
        console.print(Text("No figure changed.", style="green"))
    counts = diff.summary()
    console.print(Text(", ".join(f"{counts[k]} {k}" for k in ("changed", "added", "removed", "unchanged")),
                       style="bold"))


def change_row(diff: DiffReport, change: Change) -> list[Text]:
    path, shown = change_place(diff, change)
    return [
        Text(f"{CHANGE_SYMBOL[change.change]} {change.change}", style=CHANGE_STYLE[change.change]),
        Text(f"{path}:{shown.line}:{shown.column}"),
        claim_cell(change.old),
        claim_cell(change.new),
        Text(shown.sentence, style="dim"),
    ]


def claim_cell(claim: Claim | None) -> Text:
    if claim is None:
        return Text("—", style="dim")
    return Text(claim.text, style=KIND_STYLE.get(claim.kind, "bold")).append(
        f" ({format_claim_value(claim)})", style="")


def safe_claim(claim: Claim | None) -> Claim | None:
    if claim is None:
        return None
    return replace(claim, text=visible(claim.text), sentence=visible(claim.sentence))


def safe_check(check: Check) -> Check:
    return replace(check, message=visible(check.message), explanation=visible(check.explanation),
                   sentence=visible(check.sentence))


def safe_document(doc: DocumentReport) -> DocumentReport:
    """The document's report with all of its text fit for a terminal."""
    return DocumentReport(path=visible(doc.path), document_date=doc.document_date,
                          claims=[safe_claim(c) for c in doc.claims], checks=[safe_check(c) for c in doc.checks],
                          warnings=[visible(w) for w in doc.warnings], date_source=doc.date_source)


def safe_diff(diff: DiffReport) -> DiffReport:
    changes = [replace(c, old=safe_claim(c.old), new=safe_claim(c.new)) for c in diff.changes]
    return DiffReport(visible(diff.old_path), visible(diff.new_path), changes, diff.unchanged)
