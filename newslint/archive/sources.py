"""Where an archive's articles come from, cut into partitions that workers read themselves.

Why partitions are *descriptions*: the driver never loads the archive. It plans small,
stable partition specs (a byte range of a JSON Lines file, a row group of a Parquet file,
a list of file paths) that a worker opens on its own; a spec's ``id`` is the same on every
run, which is what makes a run resumable.
"""
from __future__ import annotations

import datetime as dt
import glob as globmod
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..records import NewslintError

#: Bytes of JSON Lines per partition (lines are never split: a partition owns the lines
#: that start in its range).
JSONL_CHUNK_BYTES = 4_000_000
FORMAT_SUFFIX = {"text": ".txt", "txt": ".txt", "plain": ".txt", "markdown": ".md", "md": ".md", "html": ".html"}
FILE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Article:
    """One article as the archive knows it; ``error`` set when it could not be read."""

    id: str
    text: str = ""
    date: dt.date | None = None
    section: str | None = None
    url: str | None = None
    format: str = "text"
    error: str | None = None

    @property
    def path(self) -> str:
        """A name whose extension tells the document reader the format."""
        suffix = FORMAT_SUFFIX.get(self.format, ".txt")
        return self.id if self.id.lower().endswith(FILE_SUFFIXES) else self.id + suffix


@dataclass(frozen=True)
class Partition:
    """A piece of the archive a worker reads on its own (picklable, small)."""

    id: str
    kind: str  # "jsonl", "parquet", "files"
    path: str = ""
    start: int = 0
    end: int = 0
    row_group: int = 0
    paths: tuple[str, ...] = field(default_factory=tuple)
    root: str = ""


def parse_date(value: Any) -> dt.date | None:
    """YYYY-MM-DD, an ISO timestamp, a date or datetime; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def article_from_record(record: Any, fallback_id: str) -> Article:
    """A JSON or Parquet record -> :class:`Article`; a bad record becomes an article with an error."""
    if not isinstance(record, dict):
        return Article(id=fallback_id, error="record is not an object")
    ident = record.get("id")
    ident = str(ident) if ident not in (None, "") else fallback_id
    text = record.get("text")
    fmt = str(record.get("format") or "text").lower()
    article = Article(id=ident, date=parse_date(record.get("date")), section=_opt(record.get("section")),
                      url=_opt(record.get("url")), format=fmt)
    if not isinstance(text, str):
        article.error = "no 'text' field" if text is None else "'text' is not a string"
    elif fmt not in FORMAT_SUFFIX:
        article.error = f"unknown format '{fmt}' (text, markdown or html)"
    else:
        article.text = text
    if record.get("date") not in (None, "") and article.date is None and article.error is None:
        article.error = f"unreadable date {record.get('date')!r} (YYYY-MM-DD)"
    return article


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


# -- planning (driver side) ----------------------------------------------------------------------


def plan(source: str, files_per_partition: int = 200, jsonl_chunk_bytes: int = JSONL_CHUNK_BYTES) -> list[Partition]:
    """Partitions for a folder, a glob, a JSON Lines file or a Parquet file or dataset folder."""
    if os.path.isdir(source):
        parquet = sorted(globmod.glob(os.path.join(source, "**", "*.parquet"), recursive=True))
        if parquet:
            return _plan_parquet(parquet)
        files = sorted(p for p in globmod.glob(os.path.join(source, "**", "*"), recursive=True)
                       if os.path.isfile(p) and p.lower().endswith(FILE_SUFFIXES))
        return _plan_files(files, os.path.abspath(source), files_per_partition)
    if any(c in source for c in "*?["):
        matched = sorted(p for p in globmod.glob(source, recursive=True) if os.path.isfile(p))
        if not matched:
            raise NewslintError(f"{source}: no files match")
        if all(p.endswith((".jsonl", ".ndjson")) for p in matched):
            return [part for p in matched for part in _plan_jsonl(p, jsonl_chunk_bytes)]
        if all(p.endswith(".parquet") for p in matched):
            return _plan_parquet(matched)
        return _plan_files(matched, os.path.commonpath([os.path.abspath(p) for p in matched]) if len(matched) > 1
                           else os.path.dirname(os.path.abspath(matched[0])), files_per_partition)
    if not os.path.exists(source):
        raise NewslintError(f"{source}: no such file or folder")
    if source.endswith(".parquet"):
        return _plan_parquet([source])
    if source.endswith((".jsonl", ".ndjson", ".json")):
        return _plan_jsonl(source, jsonl_chunk_bytes)
    raise NewslintError(f"{source}: not an archive (a folder, a glob, a .jsonl file or a .parquet dataset)")


def _plan_files(files: list[str], root: str, per: int) -> list[Partition]:
    if not files:
        raise NewslintError(f"{root}: no article files (.txt, .md, .html)")
    per = max(1, per)
    return [Partition(id=f"files:{os.path.relpath(chunk[0], root)}+{len(chunk)}", kind="files",
                      paths=tuple(os.path.abspath(p) for p in chunk), root=root)
            for chunk in (files[i:i + per] for i in range(0, len(files), per))]


def _plan_jsonl(path: str, chunk: int) -> list[Partition]:
    size = os.path.getsize(path)
    real = os.path.abspath(path)
    chunk = max(1, chunk)
    return [Partition(id=f"jsonl:{real}@{start}", kind="jsonl", path=real, start=start, end=min(size, start + chunk))
            for start in range(0, max(size, 1), chunk)]


def _plan_parquet(paths: list[str]) -> list[Partition]:
    import pyarrow.parquet as pq

    parts = []
    for path in paths:
        real = os.path.abspath(path)
        for rg in range(pq.ParquetFile(real).num_row_groups):
            parts.append(Partition(id=f"parquet:{real}#{rg}", kind="parquet", path=real, row_group=rg))
    return parts


# -- reading (worker side) -----------------------------------------------------------------------


def read(partition: Partition) -> Iterator[Article]:
    if partition.kind == "jsonl":
        yield from _read_jsonl(partition)
    elif partition.kind == "parquet":
        yield from _read_parquet(partition)
    elif partition.kind == "files":
        yield from _read_files(partition)
    else:
        raise ValueError(f"unknown partition kind {partition.kind}")


def _read_jsonl(part: Partition) -> Iterator[Article]:
    """The lines that *start* in [start, end): a line crossing ``end`` belongs here, the
    partial line at ``start`` to the partition before."""
    with open(part.path, "rb") as fh:
        pos = part.start
        if pos > 0:
            fh.seek(pos - 1)
            skipped = fh.readline()  # the rest of the line that started before us
            pos = pos - 1 + len(skipped)
        while pos < part.end:
            raw = fh.readline()
            if not raw:
                break
            line_start, pos = pos, pos + len(raw)
            if not raw.strip():
                continue
            fallback = f"{os.path.basename(part.path)}@{line_start}"
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Article(id=fallback, error="line is not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Article(id=fallback, error=f"line is not JSON: {exc.msg}")
                continue
            yield article_from_record(record, fallback)


def _read_parquet(part: Partition) -> Iterator[Article]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(part.path).read_row_group(part.row_group)
    for i, record in enumerate(table.to_pylist()):
        yield article_from_record(record, f"{os.path.basename(part.path)}#{part.row_group}:{i}")


def _read_files(part: Partition) -> Iterator[Article]:
    for path in part.paths:
        rel = os.path.relpath(path, part.root)
        section = rel.split(os.sep)[0] if os.sep in rel else None
        fmt = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}.get(
            os.path.splitext(path)[1].lower(), "text")
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield Article(id=rel, section=section, format=fmt, error="not UTF-8")
            continue
        except OSError as exc:
            yield Article(id=rel, section=section, format=fmt, error=exc.strerror or str(exc))
            continue
        yield Article(id=rel, text=text, section=section, format=fmt)
