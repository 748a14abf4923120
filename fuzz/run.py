"""Fuzz the Markdown reader and the config / rule-pack loader with hypothesis.

    python fuzz/run.py markdown --examples 20000
    python fuzz/run.py config --examples 20000
    python fuzz/run.py patterns --examples 5000
    python fuzz/run.py paths --examples 2000     # walking trees of links, FIFOs and loops
    python fuzz/run.py outputs --examples 2000   # --output to devices, FIFOs, links, inputs
    python fuzz/run.py cache --examples 500      # crafted disk cache entries of every kind
    python fuzz/run.py all --examples 5000 --seed 1

The only acceptable outcomes are a document (Markdown) or a Config / compiled
Linter or a NewslintError with a message (config): any other exception is a crash.
Hypothesis shrinks a crash to a minimal input and prints it; add that input to
tests/test_robustness.py as a regression test before fixing the bug.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cache_targets import TARGETS as CACHE_TARGETS  # noqa: E402
from fs_targets import TARGETS as FS_TARGETS  # noqa: E402
from regex_patterns import check_pattern, pack_patterns  # noqa: E402
from strategies import config_files, markdown_texts  # noqa: E402


def check_markdown(text: str) -> None:
    """The reader must map every prose character back into the text, in order."""
    from newslint.document import make_document

    for path in ("a.md", "a.html", "a.txt"):
        doc = make_document(text, path)
        last = -1
        for offset in range(len(doc.prose)):
            orig = doc.to_original(offset)
            assert last < orig < len(text), (path, offset, orig)
            last = orig
        for number in range(1, len(doc.line_starts) + 1):
            doc.line_text(number)


def check_config(files: dict[str, str]) -> None:
    """Reading a config (and the packs it names) gives a Config and a Linter, or a NewslintError."""
    from newslint.config import read_config
    from newslint.engine import Linter
    from newslint.packs import load_pack
    from newslint.records import NewslintError

    load_pack.cache_clear()
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_text(content, encoding="utf-8", errors="surrogatepass")
        for name in files:
            if not name.endswith(".toml"):
                continue
            try:
                config = read_config(Path(folder) / name)
                if config is not None:
                    Linter(config)
            except NewslintError as exc:
                assert str(exc).strip(), "an error needs a message"


TARGETS = {"markdown": (check_markdown, markdown_texts), "config": (check_config, config_files),
           "patterns": (check_pattern, pack_patterns), **FS_TARGETS, **CACHE_TARGETS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=[*TARGETS, "all"])
    parser.add_argument("--examples", type=int, default=2000, help="inputs to try per target")
    parser.add_argument("--seed", type=int, default=None, help="fixed seed to repeat a run")
    args = parser.parse_args()
    names = list(TARGETS) if args.target == "all" else [args.target]
    for name in names:
        check, strategy = TARGETS[name]
        test = settings(max_examples=args.examples, deadline=None, database=None,
                        suppress_health_check=list(HealthCheck))(given(strategy())(check))
        if args.seed is not None:
            test = seed(args.seed)(test)
        print(f"fuzzing {name}: {args.examples} inputs", flush=True)
        test()
        print(f"fuzzing {name}: no crash", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
