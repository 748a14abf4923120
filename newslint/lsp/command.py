"""``newslint lsp``: argument parsing for the language server (no logic of its own)."""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..frontend_config import missing_extra


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint lsp",
        description="Run newslint as a language server over standard input and output (for VS Code, "
        "Neovim, Helix and other LSP clients). Settings come from the workspace's newslint.toml.")
    parser.add_argument("--debounce", type=float, default=0.3,
                        help="seconds to wait after a change before linting (default: 0.3)")
    args = parser.parse_args(list(argv))
    try:
        from .server import build_server
    except ImportError as exc:
        raise missing_extra("lsp", exc) from None
    build_server(debounce=args.debounce).start_io()
    return 0
