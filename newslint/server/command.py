"""``newslint serve``: argument parsing for the HTTP service (no logic of its own)."""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..frontend_config import missing_extra, server_config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint serve",
        description="Serve newslint over HTTP: a JSON API (/api/v1/lint, /api/v1/fix, /api/v1/rules), "
        "a LanguageTool-compatible /v2/check, and a page for editors at /.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--config", metavar="FILE", help="newslint.toml to use (default: found from here upward)")
    parser.add_argument("--max-body-bytes", type=int, default=2_000_000, help="largest request body (413 above)")
    parser.add_argument("--max-text-chars", type=int, default=500_000, help="longest text (413 above)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds a request may take (503 after)")
    parser.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    try:
        from ..service import Service
        from .app import Limits, serve
    except ImportError as exc:
        raise missing_extra("server", exc) from None
    service = Service(server_config(args.config))
    limits = Limits(max_body_bytes=args.max_body_bytes, max_text_chars=args.max_text_chars,
                    timeout_seconds=args.timeout)
    serve(args.host, args.port, service, limits, log_level=args.log_level)
    return 0
