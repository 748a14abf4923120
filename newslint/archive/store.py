"""The archive database (DuckDB): findings, articles, spellings, and the cross-article usage table.

Why one transaction per partition: a partition's rows and its entry in ``partitions`` are
written together, so a run that is stopped or loses a worker has each partition either
wholly in the database or not at all; a rerun skips what is there (resume) and nothing is
counted twice.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from ..union_find import UnionFind


class NameMatcher(Protocol):
    """What cross-article pairing needs from the names rules (NL103's transliteration)."""

    def keys(self, name: str) -> set[str]: ...

    def same(self, a: str, b: str) -> bool: ...


def _groups(counts: dict[str, int], names: NameMatcher) -> list[set[str]]:
    """Names that are spellings of one name: candidates meet under a shared key, then
    each pair is confirmed; confirmed pairs are joined into groups."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        for key in names.keys(name):
            buckets[key].append(name)
    same = UnionFind(counts)
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if same.find(a) != same.find(b) and names.same(a, b):
                    same.union(a, b)
    return [set(g) for g in same.groups() if len(g) > 1]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("partition", pa.string()), ("id", pa.string()), ("date", pa.date32()),
                           ("month", pa.string()), ("section", pa.string()), ("url", pa.string()),
                           ("chars", pa.int64()), ("findings", pa.int64()), ("error", pa.string())]),
    "findings": pa.schema([("partition", pa.string()), ("article_id", pa.string()), ("date", pa.date32()),
                           ("month", pa.string()), ("section", pa.string()), ("rule", pa.string()),
                           ("name", pa.string()), ("category", pa.string()), ("severity", pa.string()),
                           ("match", pa.string()), ("line", pa.int64()), ("column", pa.int64()),
                           ("offset", pa.int64()), ("length", pa.int64()), ("message", pa.string())]),
    "spellings": pa.schema([("partition", pa.string()), ("article_id", pa.string()), ("month", pa.string()),
                            ("category", pa.string()), ("label", pa.string()), ("form", pa.string()),
                            ("uses", pa.int64())]),
    "names": pa.schema([("partition", pa.string()), ("article_id", pa.string()), ("month", pa.string()),
                        ("name", pa.string())]),
}
RESULT_KEYS = {"articles": "articles", "findings": "findings", "spellings": "usage", "names": "names"}


def _ddl(name: str, schema: pa.Schema) -> str:
    types = {pa.string(): "VARCHAR", pa.date32(): "DATE", pa.int64(): "BIGINT"}
    cols = ", ".join(f'"{f.name}" {types[f.type]}' for f in schema)
    return f"CREATE TABLE IF NOT EXISTS {name} ({cols})"


class Store:
    """One DuckDB file; only the driver writes it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.con = duckdb.connect(path)
        for name, schema in SCHEMAS.items():
            self.con.execute(_ddl(name, schema))
        self.con.execute("CREATE TABLE IF NOT EXISTS partitions (id VARCHAR PRIMARY KEY, articles BIGINT, "
                         "seconds DOUBLE, worker BIGINT, written TIMESTAMP DEFAULT current_timestamp)")
        self.con.execute("CREATE TABLE IF NOT EXISTS runs (started TIMESTAMP DEFAULT current_timestamp, "
                         "source VARCHAR, partitions BIGINT, skipped BIGINT)")

    def close(self) -> None:
        self.con.close()

    def done(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM partitions").fetchall()}

    def start_run(self, source: str, partitions: int, skipped: int) -> None:
        self.con.execute("INSERT INTO runs (source, partitions, skipped) VALUES (?, ?, ?)",
                         [source, partitions, skipped])

    def write(self, result: dict[str, Any]) -> bool:
        """Write one partition's rows in one transaction; False if it was already written
        (a task retried after its result arrived)."""
        pid = result["partition"]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if self.con.execute("SELECT 1 FROM partitions WHERE id = ?", [pid]).fetchone():
                self.con.execute("ROLLBACK")
                return False
            for table, key in RESULT_KEYS.items():
                columns = dict(result[key])
                rows = len(next(iter(columns.values()))) if columns else 0
                if not rows:
                    continue
                arrow = pa.table({"partition": [pid] * rows, **columns}, schema=SCHEMAS[table])
                self.con.register("incoming", arrow)
                self.con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
                self.con.unregister("incoming")
            self.con.execute("INSERT INTO partitions (id, articles, seconds, worker) VALUES (?, ?, ?, ?)",
                             [pid, len(result["articles"]["id"]), result.get("seconds", 0.0), result.get("worker")])
            self.con.execute("COMMIT")
            return True
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- the cross-article view ---------------------------------------------------------------

    def build_usage(self, names: NameMatcher | None, listed: Iterable[str] = (), min_articles: int = 2) -> int:
        """(Re)build ``name_pairs`` and ``usage``; returns the number of name pairs found.

        ``usage``: for every listed name and place group and every unlisted pair of names
        spelled two ways across articles, how many articles used each form, by month.
        """
        listed = set(listed)
        rows = self.con.execute(
            "SELECT name, count(DISTINCT article_id) AS n FROM names GROUP BY name HAVING n >= ?",
            [min_articles]).fetchall()
        counts = {name: int(n) for name, n in rows if name not in listed}
        pairs: list[tuple[str, str, int]] = []
        if names is not None:
            for group in _groups(counts, names):
                spellings = sorted(group, key=lambda f: (-counts[f], f))
                pairs.extend((spellings[0], form, counts[form]) for form in spellings)
        self.con.execute("CREATE OR REPLACE TABLE name_pairs (label VARCHAR, form VARCHAR, articles BIGINT)")
        if pairs:
            self.con.executemany("INSERT INTO name_pairs VALUES (?, ?, ?)", pairs)
        self.con.execute("""
            CREATE OR REPLACE TABLE usage AS
            SELECT 'listed' AS source, category, label, form, month, count(DISTINCT article_id) AS articles
              FROM spellings GROUP BY ALL
            UNION ALL
            SELECT 'pair' AS source, 'names' AS category, p.label, n.name AS form, n.month,
                   count(DISTINCT n.article_id) AS articles
              FROM names n JOIN name_pairs p ON p.form = n.name GROUP BY ALL
        """)
        return len({p[0] for p in pairs})

    def export_parquet(self, folder: str) -> list[str]:
        os.makedirs(folder, exist_ok=True)
        written = []
        for table in ("articles", "findings", "usage", "name_pairs", "partitions"):
            exists = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                      [table]).fetchone()
            if exists and exists[0]:
                target = os.path.join(folder, f"{table}.parquet")
                self.con.execute(f"COPY {table} TO '{target.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)")
                written.append(target)
        return written
