"""The language server: diagnostics as copy is typed, quick fixes, and rule documentation on hover.

Why it is thin: linting and fixing go through :class:`~newslint.service.Service`, the same
engine as the CLI and the HTTP service, so an editor shows exactly the findings CI reports.
The server only translates (findings -> diagnostics, fixes -> text edits) and debounces.
Settings come from the ``newslint.toml`` found from each document's folder upward.
"""
from __future__ import annotations

import asyncio
import os
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..docs import explain_text
from ..frontend_config import server_config
from ..records import Finding, NewslintError
from ..service import Service

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SOURCE = "newslint"


class NewslintLanguageServer(LanguageServer):
    """Keeps one warm :class:`Service` per config folder and one pending lint per document."""

    def __init__(self, debounce: float = 0.3) -> None:
        super().__init__("newslint", __version__)
        self.debounce = debounce
        self.services: dict[str, Service] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.findings: dict[str, list[Finding]] = {}

    def service_for(self, path: str | None) -> Service:
        folder = os.path.dirname(path) if path else (self.workspace.root_path or os.getcwd())
        if folder not in self.services:
            self.services[folder] = Service(server_config(None, folder))
        return self.services[folder]

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        try:
            service = self.service_for(path)
            findings = service.lint(service.request(document.source, path=path or uri))
        except NewslintError as exc:  # a broken newslint.toml: say so once, show nothing stale
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"newslint: {exc}"))
            findings = []
        self.findings[uri] = findings
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=[diagnostic(document, f) for f in findings]))

    def schedule(self, uri: str) -> None:
        """Lint after ``debounce`` seconds of quiet: typing does not queue a lint per key."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            self.lint(uri)

        self.pending[uri] = asyncio.ensure_future(later())


def span(document: Any, finding: Finding) -> types.Range:
    return types.Range(start=document.client_position_at_offset(finding.offset),
                       end=document.client_position_at_offset(finding.offset + finding.length))


def diagnostic(document: Any, finding: Finding) -> types.Diagnostic:
    return types.Diagnostic(
        range=span(document, finding),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE,
        data={"name": finding.name, "category": finding.category, "offset": finding.offset,
              "length": finding.length},
    )


def _finding_at(server: NewslintLanguageServer, uri: str, diag: types.Diagnostic) -> Finding | None:
    data = diag.data if isinstance(diag.data, dict) else {}
    for finding in server.findings.get(uri, []):
        if finding.rule == diag.code and finding.offset == data.get("offset") and finding.length == data.get("length"):
            return finding
    return None


def code_actions(server: NewslintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = server.workspace.get_text_document(uri)
    actions: list[types.CodeAction] = []
    for diag in params.context.diagnostics:
        if diag.source != SOURCE:
            continue
        finding = _finding_at(server, uri, diag)
        if finding is not None and finding.fix is not None and finding.fix.safe:
            fix = finding.fix
            edit = types.TextEdit(range=types.Range(start=document.client_position_at_offset(fix.offset),
                                                    end=document.client_position_at_offset(fix.offset + fix.length)),
                                  new_text=fix.replacement)
            title = f"Replace with '{fix.replacement}'" if fix.replacement else "Delete"
            actions.append(types.CodeAction(title=f"{title} ({finding.rule})", kind=types.CodeActionKind.QuickFix,
                                            diagnostics=[diag], is_preferred=True,
                                            edit=types.WorkspaceEdit(changes={uri: [edit]})))
        line = diag.range.start.line
        text = document.lines[line] if line < len(document.lines) else ""
        indent = text[:len(text) - len(text.lstrip(" \t"))]
        comment = f"{indent}<!-- newslint-disable-next-line {diag.code} -->\n"
        actions.append(types.CodeAction(
            title=f"Disable {diag.code} for this line", kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                range=types.Range(start=types.Position(line, 0), end=types.Position(line, 0)), new_text=comment)]})))
    return actions


def hover(server: NewslintLanguageServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    document = server.workspace.get_text_document(uri)
    offset = document.offset_at_position(params.position)
    for finding in server.findings.get(uri, []):
        if finding.offset <= offset <= finding.offset + finding.length:
            rule = next((r for s in server.services.values() for r in s.rules if r.code == finding.rule), None)
            text = f"**{finding.rule} {finding.name}** ({finding.category})\n\n{finding.message}"
            if rule is not None:
                text += "\n\n---\n\n" + explain_text(rule)
            return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                               range=span(document, finding))
    return None


def build_server(debounce: float = 0.3) -> NewslintLanguageServer:
    server = NewslintLanguageServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.findings.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: NewslintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: NewslintLanguageServer, params: types.HoverParams) -> types.Hover | None:
        return hover(ls, params)

    return server
