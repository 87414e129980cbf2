"""`tipcheck lsp`: a language server that shows tipcheck's findings in the editor while the draft is written.

Needs pygls (the optional extra `tipcheck[lsp]`). The server checks the open document's text on open, change
and save with `tipcheck.api`, exactly as `tipcheck check` would, and publishes each finding as a diagnostic
(code: the rule id, source: tipcheck). Hovering over a paragraph shows the question it answers, its status and
what it leaves out; a code action applies `tipcheck fix`'s safe renumbering to the document.

What a report says is turned into LSP values by the pure functions at the top (tested on their own); the
server below only wires them to pygls.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipcheck import __version__, api
from tipcheck.errors import TipcheckError
from tipcheck.findings import Finding, Severity
from tipcheck.fix import FIXABLE, fix_text
from tipcheck.frozen import frozen
from tipcheck.results import CableReport, QuestionResult
from tipcheck.settings import Settings
from tipcheck.status import QuestionStatus, SubQuestionStatus

if TYPE_CHECKING:
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    from tipcheck.questionnaire.model import Question

HINT = "install the language server with 'pip install tipcheck[lsp]'"
SOURCE = "tipcheck"
FIX_TITLE = "Repair paragraph numbering (tipcheck fix)"
INPUT_CODE = "unreadable"  # the code of the one diagnostic shown for a draft that cannot be checked yet


@frozen
class Span:
    """A range in the document in code points: 0-based line and columns, as tipcheck counts them."""

    line: int
    start: int
    end: int


def finding_span(finding: Finding, lines: list[str]) -> Span:
    """Where a finding is in the document: from its column to the end of the text it quotes, when the line
    holds that text there, else to the end of the line."""
    line = min(max(finding.line - 1, 0), max(len(lines) - 1, 0))
    text = lines[line] if lines else ""
    start = min(max(finding.column - 1, 0), len(text))
    excerpt = (finding.excerpt or "").lstrip("…")
    if excerpt and text.startswith(excerpt, start):
        return Span(line, start, start + len(excerpt))
    return Span(line, start, max(len(text), start))


def question_at(report: CableReport, line: int) -> QuestionResult | None:
    """The question whose answer the 1-based `line` is in: the last answer that starts at or before it (an
    answer runs until the next one starts)."""
    starts = sorted((q.line, i) for i, q in enumerate(report.questions) if q.line is not None)
    found = None
    for start, index in starts:
        if start > line:
            break
        found = report.questions[index]
    return found


def hover_text(report: CableReport, line: int) -> str | None:
    """Markdown for a hover on the 1-based `line`: the question its paragraph answers, with the question's
    wording, the status, and what the answer leaves out."""
    from tipcheck.questionnaire import model as qmod

    question = question_at(report, line)
    if question is None:
        return None
    asked = qmod.load(report.questionnaire).question(question.id)
    out = [f"**{question.id}** ({report.questionnaire}): **{question.status}**"]
    if asked is not None:
        out.append("> " + " ".join(asked.text.split()))
    left_out = _left_out(report, question, asked)
    if left_out:
        out.append("Left out:\n" + "\n".join(f"- {item}" for item in left_out))
    elif question.status is QuestionStatus.ANSWERED:
        out.append("Nothing left out.")
    return "\n\n".join(out)


def _left_out(report: CableReport, question: QuestionResult, asked: Question | None) -> list[str]:
    """What the answer leaves out: as the partial-answer finding words it, else the sub-questions missing."""
    worded = [str(item) for f in report.findings if f.question == question.id
              for item in f.data.get("missing_items", ())]
    if worded:
        return worded
    return [f"{s.id}: {_subquestion_text(asked, s.id)}" for s in question.subquestions
            if s.status is SubQuestionStatus.MISSING]


def _subquestion_text(question: Question | None, sid: str) -> str:
    sub = next((s for s in question.subquestions if s.id == sid), None) if question is not None else None
    return " ".join(sub.text.split()) if sub is not None else sid


@frozen
class LineEdit:
    """Replace the whole of 0-based `line` (its text, not its line ending) with `text`."""

    line: int
    old: str
    text: str


def fix_edits(text: str, path: str, settings: Settings) -> list[LineEdit]:
    """`tipcheck fix`'s repairs of the document, one whole-line edit per changed line."""
    result = fix_text(text, path, settings)
    return [LineEdit(c.line - 1, c.before, c.after) for c in result.changes]


def check(text: str, path: str, settings: Settings) -> tuple[CableReport | None, str | None]:
    """The report on the document's text, or the one-line reason it cannot be checked (yet)."""
    try:
        return api.check_text(text, path, settings), None
    except TipcheckError as exc:
        return None, str(exc)


def settings_for(path: str) -> Settings:
    """The settings `tipcheck check` would use for the file: its configuration file, found from its folder."""
    from tipcheck.cli import config

    try:
        found = config.discover(Path(path).parent) if path else None
        return config.resolve({}, str(found) if found else None, use_config=found is not None).settings
    except TipcheckError:
        return Settings()  # a broken configuration is `tipcheck check`'s to report; the editor still gets findings


# ---- the server: pygls wiring ------------------------------------------------------------------------------


def _severity(severity: Severity) -> lsp.DiagnosticSeverity:
    from lsprotocol import types as lsp

    return {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
            Severity.INFO: lsp.DiagnosticSeverity.Information}[severity]


def build_server() -> LanguageServer:
    """The language server, its handlers registered (started by `serve`, or by a test on its own streams)."""
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    server = LanguageServer(SOURCE, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
    reports: dict[str, CableReport] = {}  # the last report on each open document, for hover and code actions

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        path = document.path or uri
        report, problem = check(document.source, path, settings_for(path))
        lines = document.source.splitlines()
        diagnostics = []
        if report is None:
            reports.pop(uri, None)
            span = Span(0, 0, len(lines[0]) if lines else 0)
            diagnostics.append(_diagnostic(document, span, lsp.DiagnosticSeverity.Information, INPUT_CODE,
                                           str(problem)))
        else:
            reports[uri] = report
            for finding in report.findings:
                diagnostics.append(_diagnostic(document, finding_span(finding, lines), _severity(finding.severity),
                                               finding.rule, finding.message))
        server.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        reports.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(params: lsp.HoverParams) -> lsp.Hover | None:
        report = reports.get(params.text_document.uri)
        if report is None:
            return None
        document = server.workspace.get_text_document(params.text_document.uri)
        line = document.position_from_client_units(params.position).line + 1
        text = hover_text(report, line)
        if text is None:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]))
    def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        fixable = [d for d in params.context.diagnostics if d.source == SOURCE and d.code in FIXABLE]
        wanted = params.context.only or []
        if not fixable and lsp.CodeActionKind.SourceFixAll not in wanted:
            return None
        document = server.workspace.get_text_document(params.text_document.uri)
        path = document.path or params.text_document.uri
        edits = list(_text_edits(document, fix_edits(document.source, path, settings_for(path))))
        if not edits:
            return None
        kind = lsp.CodeActionKind.SourceFixAll if not fixable else lsp.CodeActionKind.QuickFix
        return [lsp.CodeAction(title=FIX_TITLE, kind=kind, diagnostics=fixable or None, is_preferred=True,
                               edit=lsp.WorkspaceEdit(changes={params.text_document.uri: edits}))]

    return server


def _diagnostic(document: Any, span: Span, severity: lsp.DiagnosticSeverity, code: str,
                message: str) -> lsp.Diagnostic:
    from lsprotocol import types as lsp

    return lsp.Diagnostic(range=_client_range(document, span), severity=severity, code=code, source=SOURCE,
                          message=message)


def _client_range(document: Any, span: Span) -> lsp.Range:
    """The span in the client's units (UTF-16 unless the client chose otherwise)."""
    from lsprotocol import types as lsp

    in_code_points = lsp.Range(start=lsp.Position(line=span.line, character=span.start),
                               end=lsp.Position(line=span.line, character=span.end))
    client_range: lsp.Range = document.range_to_client_units(in_code_points)
    return client_range


def _text_edits(document: Any, edits: list[LineEdit]) -> Iterator[lsp.TextEdit]:
    from lsprotocol import types as lsp

    for edit in edits:
        yield lsp.TextEdit(range=_client_range(document, Span(edit.line, 0, len(edit.old))), new_text=edit.text)


def serve() -> None:
    """Run the server on standard input and output until the editor ends the session."""
    logging.getLogger("pygls").setLevel(logging.WARNING)
    build_server().start_io()
