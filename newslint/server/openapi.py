"""The OpenAPI description of ``newslint serve`` (served at ``/openapi.json``)."""
from __future__ import annotations

from typing import Any

from .. import __version__

_FINDING = {
    "type": "object",
    "description": "A finding, as in the JSON report (Contract 1): positions in code points of the text sent.",
    "required": ["path", "line", "column", "end_line", "end_column", "offset", "length", "rule", "name",
                 "category", "severity", "message", "match", "replacements", "fix"],
    "properties": {
        "path": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
        "end_line": {"type": "integer"}, "end_column": {"type": "integer"},
        "offset": {"type": "integer"}, "length": {"type": "integer"},
        "rule": {"type": "string", "pattern": "^NL[0-9]{3}$"}, "name": {"type": "string"},
        "category": {"type": "string"}, "severity": {"type": "string", "enum": ["info", "warning", "error"]},
        "message": {"type": "string"}, "match": {"type": "string"},
        "replacements": {"type": "array", "items": {"type": "string"}},
        "fix": {"oneOf": [{"type": "null"}, {"type": "object", "properties": {
            "replacement": {"type": "string"}, "offset": {"type": "integer"},
            "length": {"type": "integer"}, "safe": {"type": "boolean"}}}]},
    },
}
_SELECTORS = {"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}],
              "description": "rule codes, prefixes (NL4), names or categories; unknown ones are refused (422)"}
_REQUEST = {
    "type": "object", "required": ["text"], "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "the copy: plain text, Markdown or HTML"},
        "path": {"type": "string", "description": "a name for the text; its extension chooses the format "
                                                  "(.md, .html). Never read from disk."},
        "date": {"type": "string", "format": "date", "description": "article date for date-aware rules"},
        "style": {"type": "string", "description": "house-style preset (GET /api/v1/styles)"},
        "select": _SELECTORS, "ignore": _SELECTORS, "extend_select": _SELECTORS,
        "unsafe_rules": {"type": "array", "items": {"type": "string"},
                         "description": "(fix only) rules whose unsafe fixes may be applied too"},
    },
}
_ERROR = {"type": "object", "properties": {"error": {"type": "object", "properties": {
    "status": {"type": "integer"}, "message": {"type": "string"}, "field": {"type": "string"}}}}}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    "413": _json(_ERROR, "body or text over the server's limit"),
    "415": _json(_ERROR, "not JSON"),
    "422": _json(_ERROR, "malformed JSON, a wrong field, an unknown rule selector or style"),
    "503": _json(_ERROR, "the request took longer than the server's time limit"),
}


def _text_post(summary: str, description: str, properties: dict[str, Any]) -> dict[str, Any]:
    """A POST path that takes a text (the lint request) and answers with an object."""
    return {"post": {
        "summary": summary,
        "requestBody": {"required": True, "content": {"application/json": {"schema": _REQUEST}}},
        "responses": {"200": _json({"type": "object", "properties": properties}, description), **_ERRORS}}}


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "newslint", "version": __version__,
                 "description": "Lint news copy: names, places, entities, grammar, spelling, punctuation, dates, "
                                "style and web furniture."},
        "paths": {
            "/api/v1/lint": _text_post("Lint a text", "the findings", {
                "version": {"type": "string"}, "path": {"type": "string"},
                "findings": {"type": "array", "items": _FINDING}, "summary": {"type": "object"}}),
            "/api/v1/fix": _text_post("Apply safe fixes to a text", "the fixed text", {
                "text": {"type": "string"}, "changed": {"type": "boolean"},
                "applied": {"type": "array", "items": _FINDING}, "remaining": {"type": "array", "items": _FINDING}}),
            "/api/v1/rules": {"get": {"summary": "Every rule", "responses": {"200": {"description": "rules"}}}},
            "/api/v1/styles": {"get": {"summary": "House-style presets",
                                       "responses": {"200": {"description": "styles"}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}},
            "/v2/check": {"post": {
                "summary": "LanguageTool-compatible check (form fields text or data, language, enabledRules, "
                           "disabledRules, enabledCategories, disabledCategories, enabledOnly)",
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                    "type": "object", "properties": {k: {"type": "string"} for k in (
                        "text", "data", "language", "enabledRules", "disabledRules", "enabledCategories",
                        "disabledCategories", "enabledOnly")}}}}},
                "responses": {"200": {"description": "LanguageTool's response shape"}, **_ERRORS}}},
            "/v2/languages": {"get": {"summary": "Languages (LanguageTool-compatible)",
                                      "responses": {"200": {"description": "languages"}}}},
        },
    }
