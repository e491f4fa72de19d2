"""`factcheck lsp`: a Language Server on stdio (pygls, the optional extra `factcheck[lsp]`).

The rules are compiled once when the server starts and stay in memory; every open or change of
a `.txt`, `.md`, `.srt` or `.vtt` document scans its current text (not the file on disk) and
publishes one diagnostic per finding, with the check's explanation and figures. Hover on a
figure shows its normalized value. Code actions: "suppress this check" (an ignore comment above
the line) and, for a figure that differs from the lock, "update the lock" (the current figures of
this document into the lock file).
"""

from __future__ import annotations

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.config import ignored_types
from factcheck.errors import FactcheckError
from factcheck.extract.extractor import extract
from factcheck.lock import compare, read_lock, update_lock
from factcheck.model import Check, Claim, DocumentReport
from factcheck.pipeline import read_document, scan_document
from factcheck.render.common import format_claim_value, format_deviation, format_quantity
from factcheck.session import Settings, facts, kept, lock_checks, rulebook

SUFFIXES = (".txt", ".md", ".markdown", ".srt", ".vtt")
UPDATE_LOCK = "factcheck.updateLock"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


class FactcheckServer(LanguageServer):
    """The server, with the rulebook and the facts of the settings it started with."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("factcheck", __version__)
        self.settings = settings
        self.book = rulebook(settings.config)
        self.known = facts(settings.config)
        self.reports: dict[str, DocumentReport] = {}


def scan_text(server: FactcheckServer, path: str, source: str) -> DocumentReport:
    """The findings of a document's current text, silenced as a scan silences them, with the
    lock's findings when the lock file exists."""
    doc, _ = read_document(path, source.encode("utf-8"), server.settings.date)
    report = scan_document(doc, server.book, server.known, server.settings.options)
    checks = report.checks
    if server.settings.lock.exists():
        checks = checks + lock_checks(compare(read_lock(server.settings.lock), path, report.claims), len(checks), doc)
    report.checks = kept(doc, checks, None, ignored_types(server.settings.config, path))
    return report


def utf16_position(lines: list[str], line: int, column: int) -> types.Position:
    """An LSP position (0-based line, UTF-16 units) from a 1-based line and code-point column."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return types.Position(line=max(line - 1, 0), character=len(text[:column - 1].encode("utf-16-le")) // 2)


def code_point_column(lines: list[str], position: types.Position) -> int:
    """The 1-based code-point column of an LSP position."""
    text = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(text):
        if units >= position.character:
            return index + 1
        units += len(char.encode("utf-16-le")) // 2
    return len(text) + 1


def diagnostic(lines: list[str], check: Check) -> types.Diagnostic:
    """A finding, with its explanation and figures under its message."""
    details = [check.explanation] if check.explanation else []
    if check.expected is not None or check.stated is not None:
        deviation = format_deviation(check.deviation)
        details.append(f"expected {format_quantity(check.expected)} · stated {format_quantity(check.stated)}"
                       + (f" · deviation {deviation}" if deviation else ""))
    return types.Diagnostic(
        range=types.Range(start=utf16_position(lines, check.line, check.column),
                          end=utf16_position(lines, check.end_line, check.end_column)),
        message="\n".join([check.message, *details]), severity=SEVERITY[check.severity], source="factcheck",
        code=check.type)


def problem(message: str) -> types.Diagnostic:
    """A document that cannot be scanned (an unknown check type in a comment): one error at its top."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(range=types.Range(start=start, end=start), message=message,
                            severity=types.DiagnosticSeverity.Error, source="factcheck")


def publish(server: FactcheckServer, uri: str) -> None:
    document = server.workspace.get_text_document(uri)
    path = to_fs_path(uri) or uri
    if not path.lower().endswith(SUFFIXES):
        return
    lines = document.source.split("\n")
    try:
        report = scan_text(server, path, document.source)
    except FactcheckError as exc:
        server.reports.pop(uri, None)
        found = [problem(str(exc))]
    else:
        server.reports[uri] = report
        found = [diagnostic(lines, check) for check in report.checks if check.severity != "none"]
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=found))


def claim_at(report: DocumentReport, line: int, column: int) -> Claim | None:
    for claim in report.claims:
        end_line = claim.line + claim.text.count("\n")
        end_column = claim.column + len(claim.text) if end_line == claim.line else len(claim.text) - claim.text.rfind("\n")
        if (claim.line, claim.column) <= (line, column) < (end_line, end_column):
            return claim
    return None


def hover(server: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
    report = server.reports.get(params.text_document.uri)
    if report is None:
        return None
    lines = server.workspace.get_text_document(params.text_document.uri).source.split("\n")
    claim = claim_at(report, params.position.line + 1, code_point_column(lines, params.position))
    if claim is None:
        return None
    qualifier = f" ({claim.qualifier.replace('_', ' ')})" if claim.qualifier else ""
    text = f"**{claim.kind}** {format_claim_value(claim)}{qualifier}\n\nrule `{claim.rule}`"
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def code_actions(params: types.CodeActionParams) -> list[types.CodeAction]:
    """Suppress a check by a comment on the line above it; accept a lock finding into the lock."""
    actions = []
    uri = params.text_document.uri
    for found in params.context.diagnostics:
        if found.source != "factcheck" or not found.code:
            continue
        if found.code == "lock":
            actions.append(types.CodeAction(
                title="Update factcheck.lock with this document's figures", kind=types.CodeActionKind.QuickFix,
                diagnostics=[found], command=types.Command(title="Update the lock", command=UPDATE_LOCK, arguments=[uri])))
            continue
        line_start = types.Position(line=found.range.start.line, character=0)
        edit = types.TextEdit(range=types.Range(start=line_start, end=line_start),
                              new_text=f"<!-- factcheck: ignore {found.code} -->\n")
        actions.append(types.CodeAction(
            title=f"Suppress this {found.code} check", kind=types.CodeActionKind.QuickFix, diagnostics=[found],
            edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def update_the_lock(server: FactcheckServer, uri: str) -> None:
    """The current figures of the document into the lock file, then its diagnostics again."""
    path = to_fs_path(uri) or uri
    source = server.workspace.get_text_document(uri).source
    doc, _ = read_document(path, source.encode("utf-8"), server.settings.date)
    update_lock(server.settings.lock, {path: extract(doc, server.book)[0]}, update=server.settings.lock.exists())
    publish(server, uri)


def make_server(settings: Settings) -> FactcheckServer:
    server = FactcheckServer(settings)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.reports.pop(params.text_document.uri, None)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
        return hover(ls, params)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def on_code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(params)

    @server.command(UPDATE_LOCK)
    def on_update_lock(ls: FactcheckServer, uri: str) -> None:
        update_the_lock(ls, uri)

    return server


def serve(settings: Settings) -> None:
    """Answer the client on stdin/stdout until it exits."""
    make_server(settings).start_io()
