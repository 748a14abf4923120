"""``newslint lsp`` end to end: a real LSP client (pytest-lsp) talks to the server over stdio."""
from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from newslint.service import Service

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
DRAFT = "Talks in Kiev 🇺🇦 resumed. He said the the talks were over.\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "lsp",
                                                              "--debounce", "0.05"]))
async def client(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("workspace")
    (root / "newslint.toml").write_text('ignore = ["NL401"]\n', encoding="utf-8")
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="workspace")]))
    lsp_client.root = root  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    await wait_for_diagnostics(client, uri)
    return uri


async def wait_for_diagnostics(client: LanguageClient, uri: str,
                               until: Callable[[Sequence[types.Diagnostic]], bool] = lambda _: True
                               ) -> Sequence[types.Diagnostic]:
    """The document's diagnostics once they satisfy ``until`` (the server publishes after a pause)."""
    for _ in range(100):
        if uri in client.diagnostics and until(client.diagnostics[uri]):
            return client.diagnostics[uri]
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 120)  # a ceiling, not a timing test
    raise AssertionError(f"no such diagnostics for {uri}: {client.diagnostics.get(uri)}")


@pytest.mark.asyncio
async def test_diagnostics_on_open_follow_the_workspace_config(client: LanguageClient) -> None:
    uri = await open_doc(client, client.root / "draft.md", DRAFT)  # type: ignore[attr-defined]
    diags = client.diagnostics[uri]
    assert [d.code for d in diags] == ["NL201"]  # NL401 is ignored by the workspace's newslint.toml
    kiev = diags[0]
    assert kiev.range == types.Range(types.Position(0, 9), types.Position(0, 13))
    assert kiev.severity == types.DiagnosticSeverity.Warning and kiev.source == "newslint"


@pytest.mark.asyncio
async def test_changes_are_linted_after_a_pause(client: LanguageClient) -> None:
    uri = await open_doc(client, client.root / "change.md", "All quiet.\n")  # type: ignore[attr-defined]
    assert list(client.diagnostics[uri]) == []
    for version, text in enumerate(["Talks in K", "Talks in Ki", "Talks in Kie", "🇺🇦 Talks in Kiev."], start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    diags = await wait_for_diagnostics(client, uri, until=lambda d: len(d) > 0)
    assert [d.code for d in diags] == ["NL201"]
    # positions are UTF-16 code units: the flag is two astral characters, four units
    assert diags[0].range.start == types.Position(0, 4 + len(" Talks in "))


@pytest.mark.asyncio
async def test_code_actions_fix_and_disable_for_the_line(client: LanguageClient) -> None:
    uri = await open_doc(client, client.root / "fix.md", DRAFT)  # type: ignore[attr-defined]
    diag = client.diagnostics[uri][0]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    titles = [a.title for a in actions]
    assert titles == ["Replace with 'Kyiv' (NL201)", "Disable NL201 for this line"]
    fix = actions[0].edit.changes[uri][0]
    assert (fix.new_text, fix.range) == ("Kyiv", diag.range)
    disable = actions[1].edit.changes[uri][0]
    assert disable.new_text == "<!-- newslint-disable-next-line NL201 -->\n"
    # applying the "disable" edit silences the finding: the comment works as the CLI reads it
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=disable.new_text + DRAFT)]))
    assert len(await wait_for_diagnostics(client, uri, until=lambda d: len(d) == 0)) == 0


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient) -> None:
    uri = await open_doc(client, client.root / "hover.md", DRAFT)  # type: ignore[attr-defined]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 10)))
    assert hover is not None and "NL201" in hover.contents.value and "place-name-style" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 1)))
    assert nothing is None


@pytest.mark.asyncio
async def test_the_language_server_gives_the_cli_findings_on_the_dev_corpus(client: LanguageClient) -> None:
    service = Service()
    for file in sorted(DEV.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        target = client.root / "dev" / file.name  # type: ignore[attr-defined]
        target.parent.mkdir(exist_ok=True)
        (target.parent / "newslint.toml").write_text("", encoding="utf-8")  # the defaults, not the workspace's ignore
        uri = await open_doc(client, target, text, language="plaintext")
        expected = service.lint(service.request(text, path=file.name))
        got = [(d.code, d.message) for d in client.diagnostics[uri]]
        assert got == [(f.rule, f.message) for f in expected], file.name
        await asyncio.sleep(0)
