"""Rich terminal output, findings first: errors, warnings and info with their arithmetic, then on
request the sentences with their figures highlighted and a claims table, then a summary line.

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

from factcheck.model import Check, Claim, DiffReport, DocumentReport, Report
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
INDENT = 4
SEVERITY_ORDER = ("error", "warning", "info")
SUMMARY_ORDER = ("inconsistent", "approximate", "unverifiable", "consistent")
SHOW_CHOICES = ("claims", "text", "passed")
LOCK_TYPE = "lock"
UNBROKEN_COLUMNS = {"id", "kind", "unit", "qualifier", "line:col"}


def render_text(report: Report, console: Console, *, show: frozenset[str] = frozenset()) -> None:
    """Findings first: errors, then warnings (document warnings among them), then info, each with
    its arithmetic and sentence; then what `show` asks for (SHOW_CHOICES); then the summary line."""
    documents = [safe_document(doc) for doc in report.documents]
    for severity in SEVERITY_ORDER:
        for doc in documents:
            for check in sorted_checks(doc, severity):
                print_check(console, check, path=doc.path)
            if severity == "warning":
                for warning in doc.warnings:
                    console.print(Text("! ", style="yellow").append(f"{doc.path}: warning: {warning}"))
    if "passed" in show:
        for doc in documents:
            for check in sorted_checks(doc, "none"):
                print_check(console, check, path=doc.path)
    if show & {"claims", "text"}:
        for doc in documents:
            print_document(console, doc, show)
    console.print(summary_line(report))


def sorted_checks(doc: DocumentReport, severity: str) -> list[Check]:
    """The document's checks of one severity, in text order."""
    return sorted((c for c in doc.checks if c.severity == severity), key=lambda c: (c.start, c.end, c.id))


def print_document(console: Console, doc: DocumentReport, show: frozenset[str]) -> None:
    console.rule(Text(doc.path, style="bold"))
    console.print(document_header(doc))
    if doc.claims and "text" in show:
        console.print()
        for sentence in highlighted_sentences(doc.claims):
            console.print(indented(sentence))
    if doc.claims and "claims" in show:
        console.print()
        console.print(claims_table(doc.claims))
    console.print()


def document_header(doc: DocumentReport) -> Text:
    date = doc.document_date or "unknown"
    header = Text("document date: ").append(date, style="bold")
    if doc.date_source:
        header.append(f" (from {doc.date_source})", style="dim")
    return header.append(f" · {plural(len(doc.claims), 'claim')} · {plural(len(doc.checks), 'check')}")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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
        table.add_column(header, overflow="fold", no_wrap=header in UNBROKEN_COLUMNS)
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


def print_check(console: Console, check: Check, *, path: str) -> None:
    """One line for the verdict, place and message, then the arithmetic, the figures and the sentence."""
    head = Text(f"{path}:{check.line}:{check.column} ").append(f"[{check.type}] ", style="dim").append(check.message)
    console.print(hanging(Text(SYMBOL[check.verdict], style=VERDICT_STYLE[check.verdict]), head))
    if check.explanation:
        console.print(indented(Text(check.explanation)))
    if check.expected is not None or check.stated is not None:
        console.print(indented(figures_line(check)))
    if check.sentence:
        console.print(indented(Text(f"“{check.sentence}”", style="italic dim")))
    console.print()


def figures_line(check: Check) -> Text:
    """What the other figures imply, what is stated, and how far apart they are."""
    figures = Text(f"expected {format_quantity(check.expected)} · stated {format_quantity(check.stated)}",
                   style="dim")
    deviation = format_deviation(check.deviation)
    if deviation:
        figures.append(" · deviation ").append(deviation, style=VERDICT_STYLE[check.verdict])
    return figures


def hanging(mark: Text, text: Text) -> Table:
    """`mark`, a space, then `text`, whose wrapped lines line up under its first."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(mark, text)
    return grid


def indented(text: Text) -> Padding:
    """Detail lines sit under their heading, wrapped lines included."""
    return Padding(text, (0, 0, 0, INDENT), expand=False)


def summary_line(report: Report) -> Text:
    """Counts of documents, claims and checks by verdict, worst first; lock findings on their own,
    with the command that accepts them."""
    checks = [check for doc in report.documents for check in doc.checks]
    locks = sum(check.type == LOCK_TYPE for check in checks)
    line = Text(f"{plural(len(report.documents), 'document')} · "
                f"{plural(sum(len(d.claims) for d in report.documents), 'claim')} · "
                f"{plural(len(checks) - locks, 'check')}: ", style="bold")
    for i, verdict in enumerate(SUMMARY_ORDER):
        n = sum(check.verdict == verdict and check.type != LOCK_TYPE for check in checks)
        line.append(", " if i else "").append(f"{SYMBOL[verdict]} {n} {verdict}",
                                              style=VERDICT_STYLE[verdict] if n else "dim")
    if locks:
        line.append(f" · {plural(locks, 'lock finding')}", style="bold red")
        line.append(" (run 'factcheck lock --update' to accept the figures as they are now)", style="dim")
    return line


def render_diff_text(diff: DiffReport, console: Console) -> None:
    """One entry per figure that changed between two versions (where, old → new, the sentence),
    then the counts. No table: a long path or sentence never squeezes the figures."""
    diff = safe_diff(diff)
    console.print(Text(f"{diff.old_path} → {diff.new_path}", style="bold"))
    if not diff.changes:
        console.print(Text("No figure changed.", style="green"))
    for change in diff.changes:
        path, shown = change_place(diff, change)
        head = Text(f"{CHANGE_SYMBOL[change.change]} ", style=CHANGE_STYLE[change.change])
        head.append(f"{path}:{shown.line}:{shown.column} ").append(f"{change.change}: ", style=CHANGE_STYLE[change.change])
        console.print(head.append(claim_cell(change.old)).append(" → ").append(claim_cell(change.new)))
        console.print(indented(Text(f"“{shown.sentence}”", style="italic dim")))
    counts = diff.summary()
    console.print(Text(", ".join(f"{counts[k]} {k}" for k in ("changed", "added", "removed", "unchanged")),
                       style="bold"))


def claim_cell(claim: Claim | None) -> Text:
    if claim is None:
        return Text("nothing", style="dim")
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
