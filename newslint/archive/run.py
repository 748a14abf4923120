"""Run an archive through Dask: plan partitions, skip the ones already written, lint the rest.

Why the driver writes: workers only read and lint (one engine per worker process); each
finished partition comes back as columns and is written by the driver in one DuckDB
transaction. A worker that dies has its tasks retried by Dask; a retried partition that
was already written is skipped; Ctrl-C stops with every written partition kept.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from .sources import Partition, plan
from .store import Store
from .work import Settings, engine, lint_partition


@dataclass
class RunSummary:
    partitions: int = 0
    skipped: int = 0
    written: int = 0
    articles: int = 0
    unreadable: int = 0
    findings: int = 0
    name_pairs: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    workers: int = 0
    parquet: list[str] = field(default_factory=list)


class Progress:
    """A rich progress bar on a terminal; plain lines (at most every few seconds) elsewhere."""

    def __init__(self, total: int, stream: TextIO | None = None, every: float = 5.0) -> None:
        self.total, self.stream, self.every = total, stream or sys.stderr, every
        self.done = self.articles = 0
        self.started = self.last = time.monotonic()
        self.bar: Any = None
        if self.stream.isatty() and total:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(TextColumn("archive"), BarColumn(), MofNCompleteColumn(),
                                    TextColumn("partitions · {task.fields[articles]} articles · {task.fields[rate]}/s"),
                                    TimeRemainingColumn(), transient=False)
            self.task = self.bar.add_task("lint", total=total, articles=0, rate="-")
            self.bar.start()

    def advance(self, articles: int) -> None:
        self.done += 1
        self.articles += articles
        now = time.monotonic()
        rate = self.articles / max(now - self.started, 1e-9)
        if self.bar is not None:
            self.bar.update(self.task, advance=1, articles=self.articles, rate=f"{rate:,.0f}")
        elif now - self.last >= self.every or self.done == self.total:
            self.last = now
            left = (self.total - self.done) * (now - self.started) / self.done
            print(f"archive: {self.done}/{self.total} partitions, {self.articles:,} articles, "
                  f"{rate:,.0f} articles/s, ETA {int(left // 60)}:{int(left % 60):02d}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _client(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    n = workers or os.cpu_count() or 1
    # Ctrl-C goes to the whole process group. Worker processes inherit "ignore SIGINT" (an
    # ignored signal survives exec), so only this driver stops: it cancels the work and
    # closes the cluster, and the terminal gets one message instead of a traceback per worker.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
    try:
        # The workers' statistical profiler keeps a tree of every code path it samples for the
        # last hour (``distributed.worker.profile``): on a long lint run it is what makes a
        # worker's memory climb partition after partition, and no one reads it here.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return Client(cluster), cluster


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def run_archive(
    source: str,
    db: str,
    *,
    settings: Settings | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    files_per_partition: int = 200,
    jsonl_chunk_bytes: int | None = None,
    parquet: str | None = None,
    progress: bool = True,
    progress_every: float = 5.0,
    on_written: Callable[[Any, int], None] | None = None,
) -> RunSummary:
    """Lint ``source`` into ``db``; ``on_written(client, n)`` is called after each partition
    is written (tests use it to kill a worker or interrupt mid-run)."""
    from dask.distributed import as_completed

    settings = settings or Settings()
    kwargs: dict[str, Any] = {"files_per_partition": files_per_partition}
    if jsonl_chunk_bytes:
        kwargs["jsonl_chunk_bytes"] = jsonl_chunk_bytes
    partitions: list[Partition] = plan(source, **kwargs)
    store = Store(db)
    summary = RunSummary(partitions=len(partitions))
    started = time.monotonic()
    try:
        done = store.done()
        todo = [p for p in partitions if p.id not in done]
        summary.skipped = len(partitions) - len(todo)
        store.start_run(source, len(partitions), summary.skipped)
        bar = Progress(len(todo), every=progress_every if progress else float("inf")) if todo else None
        if todo:
            client, cluster = _client(scheduler, workers)
            try:
                summary.workers = len(client.scheduler_info().get("workers", {}))
                pending = {client.submit(lint_partition, p, settings, key=f"newslint-{i}-{p.id}", retries=3,
                                         pure=False) for i, p in enumerate(todo)}
                try:
                    for future in as_completed(list(pending)):
                        result = future.result()
                        # Drop the last reference once written, so the worker frees the result
                        # (a list of every future would keep every partition's findings alive).
                        pending.discard(future)
                        future.release()
                        if store.write(result):
                            summary.written += 1
                        if bar:
                            bar.advance(len(result["articles"]["id"]))
                        if on_written:
                            on_written(client, summary.written)
                except KeyboardInterrupt:
                    summary.interrupted = True
                    client.cancel(list(pending))
            finally:
                if bar:
                    bar.close()
                client.close()
                if cluster is not None:
                    cluster.close()
        if not summary.interrupted:
            eng = engine(settings)
            listed = {v for _, _, variants in eng.groups for v in variants}
            summary.name_pairs = store.build_usage(_name_matcher(eng), listed)
            if parquet:
                summary.parquet = store.export_parquet(parquet)
        row = store.con.execute("SELECT count(*), count(error), coalesce(sum(findings), 0) FROM articles").fetchone()
        summary.articles, summary.unreadable, summary.findings = (int(x) for x in row)  # type: ignore[union-attr]
    finally:
        store.close()
    summary.seconds = time.monotonic() - started
    return summary


class _VariantRule:
    """Cross-article pairing by the unlisted-name-variant rule's own tests (NL103): the same
    transliteration key, a listed spelling pattern (-berg/-burg), or one vowel apart."""

    def __init__(self, kind: Any) -> None:
        self.kind = kind
        self.translit = kind.translit

    def keys(self, name: str) -> set[str]:
        keys = {self.translit.key(name), *self.translit.pattern_keys(name)}
        folded = name.lower()
        # one vowel apart (Stoltenberg / Stoltenburg): meet with the vowels blanked
        keys.add("#" + "".join("*" if c in "aeiouy" else c for c in folded))
        return keys

    def same(self, a: str, b: str) -> bool:
        relation = self.translit.relation(a, b, self.kind.min_length, self.kind.edit_min_length)
        return relation in ("spelling", "vowel") or self.translit.pattern(a, b) is not None


def _name_matcher(eng: Any) -> _VariantRule | None:
    """The unlisted-name-variant rule (NL103) of the packs, if they have one."""
    from ..packs import compile_rule

    for rule in eng.linter.all_rules:
        if rule.kind == "mixed-spelling-unlisted":
            return _VariantRule(eng.linter.kinds.get(rule.code) or compile_rule(rule))
    return None
