"""``newslint serve``: the HTTP service a CMS calls, a page for editors, and a LanguageTool endpoint.

Why one ASGI app: packs, patterns and a trained pipeline load once per process and every
route answers from that warm :class:`~newslint.service.Service`. Every request is bounded:
body size (413), text length (413), fields (422 with what is wrong) and time (503), and
no request can name a file, a pack or a config for the server to read.
"""
from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..presets import all_presets
from ..records import Finding
from ..service import RequestError, Service
from . import languagetool
from .openapi import openapi_document


@dataclass(frozen=True)
class Limits:
    """What one request may ask of the server."""

    max_body_bytes: int = 2_000_000
    max_text_chars: int = 500_000
    timeout_seconds: float = 20.0


class HTTPError(Exception):
    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


def _error(status: int, message: str, field: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"status": status, "message": message}}
    if field:
        body["error"]["field"] = field
    return JSONResponse(body, status_code=status)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise HTTPError(400, "Content-Length is not a number")
        if int(declared) > limit:
            raise HTTPError(413, f"request body of {declared} bytes is over the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPError(413, f"request body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def finding_json(finding: Finding) -> dict[str, Any]:
    return finding.to_dict()


def summary(findings: list[Finding]) -> dict[str, Any]:
    by_category: dict[str, int] = {}
    for f in findings:
        by_category[f.category] = by_category.get(f.category, 0) + 1
    return {"findings": len(findings), "by_category": dict(sorted(by_category.items()))}


def create_app(service: Service | None = None, limits: Limits | None = None) -> Starlette:
    """The ASGI application; tests and ``newslint serve`` both build it here."""
    service = service or Service()
    limits = limits or Limits()
    rules_by_code = {rule.code: rule for rule in service.rules}

    async def bounded(fn: Callable[[], Any]) -> Any:
        try:
            return await asyncio.wait_for(run_in_threadpool(fn), limits.timeout_seconds)
        except asyncio.TimeoutError:
            raise HTTPError(503, f"the request took longer than {limits.timeout_seconds:g} s and was abandoned; "
                                 "send a shorter text") from None

    def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except HTTPError as exc:
                return _error(exc.status, exc.message, exc.field)
            except RequestError as exc:
                return _error(422, exc.message, exc.field)

        endpoint.__name__ = handler.__name__
        endpoint.__doc__ = handler.__doc__
        return endpoint

    async def json_body(request: Request) -> dict[str, Any]:
        raw = await read_body(request, limits.max_body_bytes)
        ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if ctype not in ("application/json", "text/json", ""):
            raise HTTPError(415, f"send JSON (Content-Type: application/json), not {ctype}")
        try:
            body = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise HTTPError(422, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        if not isinstance(body, dict):
            raise HTTPError(422, "the request body must be a JSON object")
        unknown = set(body) - {"text", "path", "date", "style", "select", "ignore", "extend_select", "unsafe_rules"}
        if unknown:
            raise HTTPError(422, f"unknown field '{sorted(unknown)[0]}'", sorted(unknown)[0])
        return body

    def lint_request(body: dict[str, Any]) -> Any:
        text = body.get("text")
        if isinstance(text, str) and len(text) > limits.max_text_chars:
            raise HTTPError(413, f"text of {len(text)} characters is over the limit of {limits.max_text_chars}", "text")
        return service.request(text, path=body.get("path"), date=body.get("date"), style=body.get("style"),
                               select=body.get("select"), ignore=body.get("ignore"),
                               extend=body.get("extend_select"))

    async def lint(request: Request) -> Response:
        """POST /api/v1/lint: the findings of one text, as in the JSON report."""
        req = lint_request(await json_body(request))
        findings = await bounded(lambda: service.lint(req))
        return JSONResponse({"version": __version__, "path": req.path, "findings": [finding_json(f) for f in findings],
                             "summary": summary(findings)})

    async def fix(request: Request) -> Response:
        """POST /api/v1/fix: the text with every safe fix applied, and what was applied."""
        body = await json_body(request)
        req = lint_request(body)
        unsafe = body.get("unsafe_rules") or []
        if not isinstance(unsafe, list) or not all(isinstance(u, str) for u in unsafe):
            raise HTTPError(422, "'unsafe_rules' must be a list of rule codes", "unsafe_rules")
        service.check_selectors(unsafe, "unsafe_rules")
        result = await bounded(lambda: service.fix(req, unsafe))
        return JSONResponse({"version": __version__, "text": result.text, "changed": result.text != req.text,
                             "applied": [finding_json(f) for f in result.applied],
                             "remaining": [finding_json(f) for f in result.remaining]})

    async def rules(request: Request) -> Response:
        """GET /api/v1/rules: every rule the server knows, and whether it runs by default."""
        selected = {r.code for r in service.selected_rules()}
        return JSONResponse({"rules": [
            {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "summary": r.summary or r.message, "enabled": r.code in selected, "pack": r.pack}
            for r in service.rules]})

    async def styles(request: Request) -> Response:
        """GET /api/v1/styles: the house-style presets a request may pick."""
        return JSONResponse({"styles": sorted(all_presets()), "default": service.config.style})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "rules": len(service.selected_rules())})

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document())

    async def lt_languages(request: Request) -> Response:
        return JSONResponse(languagetool.LANGUAGES)

    async def lt_check(request: Request) -> Response:
        """POST (or GET) /v2/check, as a LanguageTool server answers it."""
        if request.method == "POST":
            raw = await read_body(request, limits.max_body_bytes)
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype != "application/x-www-form-urlencoded":
                raise HTTPError(415, "send the fields form-encoded (application/x-www-form-urlencoded)")
            try:
                fields = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
            except UnicodeDecodeError:
                raise HTTPError(400, "the request body is not UTF-8") from None
        else:
            fields = dict(request.query_params)
        language = languagetool.language_entry(fields.get("language", ""))
        annotated = None
        if "text" in fields:
            text = fields["text"]
        elif "data" in fields:
            annotated = languagetool.parse_data(fields["data"])
            text = annotated.plain
        else:
            raise HTTPError(400, "missing 'text' or 'data' parameter", "text")
        if len(text) > limits.max_text_chars:
            raise HTTPError(413, f"text of {len(text)} characters is over the limit of {limits.max_text_chars}", "text")
        select, extend, ignore = languagetool.selectors(fields)
        req = service.request(text, select=list(select) if select is not None else None, ignore=list(ignore),
                              extend=list(extend))
        findings = await bounded(lambda: service.lint(req))
        return JSONResponse(languagetool.response(findings, text, language, rules_by_code, annotated))

    async def page(request: Request) -> Response:
        return HTMLResponse(static_text("index.html"))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_TYPES:
            return _error(404, f"no such file: {name}")
        return Response(static_text(name), media_type=STATIC_TYPES[name])

    routes = [
        Route("/", guarded(page), methods=["GET"]),
        Route("/static/{name}", guarded(asset), methods=["GET"]),
        Route("/healthz", guarded(healthz), methods=["GET"]),
        Route("/openapi.json", guarded(openapi), methods=["GET"]),
        Route("/api/v1/lint", guarded(lint), methods=["POST"]),
        Route("/api/v1/fix", guarded(fix), methods=["POST"]),
        Route("/api/v1/rules", guarded(rules), methods=["GET"]),
        Route("/api/v1/styles", guarded(styles), methods=["GET"]),
        Route("/v2/check", guarded(lt_check), methods=["GET", "POST"]),
        Route("/v2/languages", guarded(lt_languages), methods=["GET"]),
    ]
    return Starlette(routes=routes)


STATIC_TYPES = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
                "app.css": "text/css; charset=utf-8"}


def static_text(name: str) -> str:
    """A file of the editors' page, shipped inside the package (no CDN: the page works offline)."""
    return files("newslint.server").joinpath("static", name).read_text(encoding="utf-8")


def serve(host: str, port: int, service: Service, limits: Limits, log_level: str = "info") -> None:
    """Run the service under uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(service, limits), host=host, port=port, log_level=log_level,
                timeout_keep_alive=5, limit_concurrency=int(os.environ.get("NEWSLINT_MAX_CONNECTIONS", "200")))
