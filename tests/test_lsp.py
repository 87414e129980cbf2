"""The language server in a real LSP session: a pygls client talks JSON-RPC to `tipcheck lsp`'s server over
pipes in this process (initialize, didOpen, didChange, didSave, publishDiagnostics, hover, codeAction)."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import sys
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.io_ import StdinAsyncReader, StdoutWriter, run_async
from pygls.lsp.client import LanguageClient

from cli_runner import run_cli
from conftest import SEED
from tipcheck import api
from tipcheck.cli.lsp import FIX_TITLE, INPUT_CODE, SOURCE, build_server, finding_span
from tipcheck.errors import TipcheckError
from tipcheck.findings import Finding, Severity
from tipcheck.fix import FIXABLE, fix_text

TIMEOUT = 60  # seconds for one answer: a check takes well under one; a slow shared machine gets room


@dataclass
class Session:
    client: LanguageClient
    published: dict[str, list[lsp.PublishDiagnosticsParams]] = field(default_factory=dict)
    arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def diagnostics(self, uri: str, count: int) -> list[lsp.Diagnostic]:
        """The diagnostics of the `count`-th publication for `uri`, once it has come."""
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: len(self.published.get(uri, [])) >= count),
                                   TIMEOUT)
        return list(self.published[uri][count - 1].diagnostics)


@contextlib.asynccontextmanager
async def session() -> AsyncIterator[Session]:
    """The server on a thread, reading and writing pipes; the client on this event loop, on the other ends."""
    to_server_r, to_server_w = os.pipe()
    to_client_r, to_client_w = os.pipe()
    server_in, server_out = os.fdopen(to_server_r, "rb"), os.fdopen(to_client_w, "wb")
    thread = threading.Thread(target=build_server().start_io, args=(server_in, server_out), daemon=True)
    thread.start()
    client = LanguageClient("tipcheck-test", "1")
    state = Session(client)

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        async with state.arrived:
            state.published.setdefault(params.uri, []).append(params)
            state.arrived.notify_all()

    to_server = os.fdopen(to_server_w, "wb")
    client.protocol.set_writer(StdoutWriter(to_server))
    stop = threading.Event()
    reading = asyncio.create_task(run_async(stop_event=stop, reader=StdinAsyncReader(os.fdopen(to_client_r, "rb")),
                                            protocol=client.protocol))
    try:
        result = await asyncio.wait_for(client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), process_id=os.getpid(), root_uri=None)), TIMEOUT)
        assert result.server_info is not None and result.server_info.name == "tipcheck"
        client.initialized(lsp.InitializedParams())
        yield state
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
    finally:
        stop.set()
        to_server.close()  # the server reads the end of its input and stops
        thread.join(TIMEOUT)
        with contextlib.suppress(OSError):
            server_out.close()  # and the client reads the end of its own, whatever the server closed
        await asyncio.wait_for(reading, TIMEOUT)
    assert not thread.is_alive()


def _open(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))


def _key(d: lsp.Diagnostic) -> tuple[int, int, str, lsp.DiagnosticSeverity | None]:
    return d.range.start.line, d.range.start.character, str(d.code), d.severity


LEVELS = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
          Severity.INFO: lsp.DiagnosticSeverity.Information}


def _expected(findings: tuple[Finding, ...]) -> list[tuple[int, int, str, lsp.DiagnosticSeverity | None]]:
    return sorted((f.line - 1, f.column - 1, f.rule, LEVELS[f.severity]) for f in findings)


def test_a_session_publishes_the_findings_and_follows_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    text = SEED.read_text(encoding="utf-8")
    uri = path.as_uri()
    fixed = fix_text(text, str(path)).text

    async def scenario() -> None:
        async with session() as s:
            _open(s.client, uri, text)
            opened = await s.diagnostics(uri, 1)
            assert sorted(map(_key, opened)) == _expected(api.check_text(text, str(path)).findings)
            assert {d.source for d in opened} == {SOURCE}
            # the draft changes: the repaired numbering leaves no numbering diagnostic
            s.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=fixed)]))
            changed = await s.diagnostics(uri, 2)
            assert sorted(map(_key, changed)) == _expected(api.check_text(fixed, str(path)).findings)
            assert not [d for d in changed if d.code in FIXABLE] and [d for d in opened if d.code in FIXABLE]
            s.client.text_document_did_save(lsp.DidSaveTextDocumentParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri)))
            assert sorted(map(_key, await s.diagnostics(uri, 3))) == sorted(map(_key, changed))

    asyncio.run(scenario())


def test_hover_shows_the_question_and_what_is_left_out(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    uri = (tmp_path / "draft.txt").as_uri()
    report = api.check_text(text, str(tmp_path / "draft.txt"))
    partial = next(q for q in report.questions if q.id == "prosecution.E")
    assert partial.line is not None

    async def scenario() -> tuple[lsp.Hover | None, lsp.Hover | None]:
        async with session() as s:
            _open(s.client, uri, text)
            await s.diagnostics(uri, 1)
            inside = await asyncio.wait_for(s.client.text_document_hover_async(lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                position=lsp.Position(line=partial.line, character=3))), TIMEOUT)  # the line after its start
            header = await asyncio.wait_for(s.client.text_document_hover_async(lsp.HoverParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=5, character=0))),
                TIMEOUT)
            return inside, header

    inside, header = asyncio.run(scenario())
    assert header is None  # the routing lines answer no question
    assert inside is not None and isinstance(inside.contents, lsp.MarkupContent)
    shown = inside.contents.value
    assert shown.startswith("**prosecution.E** (tip-2009): **partial**")
    assert "> Law Enforcement Statistics: Did the government prosecute any cases" in shown
    assert "Left out:" in shown and "E.2" in shown


def test_the_code_action_applies_fix_renumbering(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    uri = (tmp_path / "draft.txt").as_uri()

    async def scenario() -> tuple[list[lsp.Diagnostic], list[lsp.Command | lsp.CodeAction] | None]:
        async with session() as s:
            _open(s.client, uri, text)
            diagnostics = await s.diagnostics(uri, 1)
            fixable = [d for d in diagnostics if d.code in FIXABLE]
            actions = await asyncio.wait_for(s.client.text_document_code_action_async(lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri), range=fixable[0].range,
                context=lsp.CodeActionContext(diagnostics=fixable[:1]))), TIMEOUT)
            return fixable, actions

    fixable, actions = asyncio.run(scenario())
    assert actions is not None and len(actions) == 1
    (action,) = actions
    assert isinstance(action, lsp.CodeAction) and action.title == FIX_TITLE
    assert action.kind == lsp.CodeActionKind.QuickFix and list(action.diagnostics or ()) == fixable[:1]
    assert action.edit is not None and action.edit.changes is not None
    lines = text.split("\n")
    for edit in sorted(action.edit.changes[uri], key=lambda e: e.range.start.line, reverse=True):
        assert edit.range.start.line == edit.range.end.line and edit.range.start.character == 0
        line = lines[edit.range.start.line]
        lines[edit.range.start.line] = edit.new_text + line[edit.range.end.character:]
    assert "\n".join(lines) == fix_text(text, str(tmp_path / "draft.txt")).text


def test_a_draft_that_cannot_be_checked_yet_gets_one_diagnostic(tmp_path: Path) -> None:
    notes, empty = (tmp_path / "notes.txt").as_uri(), (tmp_path / "new.txt").as_uri()
    with pytest.raises(TipcheckError) as info:
        api.check_text("\n\n", str(tmp_path / "new.txt"))

    async def scenario() -> tuple[list[lsp.Diagnostic], list[lsp.Diagnostic]]:
        async with session() as s:
            _open(s.client, notes, "To do: write the TIP report reply.\n")
            _open(s.client, empty, "\n\n")
            return await s.diagnostics(notes, 1), await s.diagnostics(empty, 1)

    (not_a_reply,), (unreadable,) = asyncio.run(scenario())
    assert not_a_reply.code == "not-a-reply" and not_a_reply.severity == lsp.DiagnosticSeverity.Information
    assert unreadable.code == INPUT_CODE and unreadable.severity == lsp.DiagnosticSeverity.Information
    assert unreadable.message == str(info.value)


@pytest.mark.parametrize(("line", "column", "excerpt", "span"), [
    (1, 5, "¶stray", (0, 4, 10)),  # the quoted text where it stands
    (1, 5, "stray", (0, 4, 15)),  # else to the end of the line
    (1, 1, "not on this line", (0, 0, 15)),
    (9, 1, None, (1, 0, 4)),  # a line past the end: the last line
])
def test_a_diagnostic_covers_the_text_the_finding_quotes(line: int, column: int, excerpt: str | None,
                                                          span: tuple[int, int, int]) -> None:
    finding = Finding("stray-paragraph-mark", Severity.WARNING, "m", "p", line, column, excerpt=excerpt)
    got = finding_span(finding, ["the ¶stray mark", "last"])
    assert (got.line, got.start, got.end) == span


def test_the_command_serves_a_client_over_standard_input_and_output(tmp_path: Path) -> None:
    """`tipcheck lsp` as an editor starts it: a process whose stdin and stdout carry the session."""
    text = SEED.read_text(encoding="utf-8")
    uri = (tmp_path / "draft.txt").as_uri()

    async def scenario() -> list[lsp.Diagnostic]:
        client = LanguageClient("tipcheck-test", "1")
        published: asyncio.Queue[lsp.PublishDiagnosticsParams] = asyncio.Queue()

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            published.put_nowait(params)

        await client.start_io(sys.executable, "-m", "tipcheck", "lsp")
        await asyncio.wait_for(client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities())),
                               TIMEOUT)
        client.initialized(lsp.InitializedParams())
        _open(client, uri, text)
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
        await asyncio.wait_for(client.stop(), TIMEOUT)
        return list(params.diagnostics)

    diagnostics = asyncio.run(scenario())
    assert sorted(map(_key, diagnostics)) == _expected(api.check_text(text, str(tmp_path / "draft.txt")).findings)


def test_without_pygls_the_command_says_how_to_install_it(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a))
    run = run_cli(capsys, monkeypatch, "lsp")
    assert run.code == 2 and run.out == ""
    assert run.err == "tipcheck: error: the language server needs pygls: install the language server with " \
                      "'pip install tipcheck[lsp]'\n"
