"""Archive mode end to end on a LocalCluster over loopback: counts equal the CLI's, a killed
worker loses nothing, a stopped run resumes, the usage table sees a planted spelling switch,
and the report renders in headless Chromium with the database's numbers."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from newslint.archive.run import run_archive
from newslint.archive.sample import article, write_jsonl
from newslint.archive.sources import plan

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _counts(db: str) -> tuple[Counter, Counter, int]:
    con = duckdb.connect(db, read_only=True)
    try:
        per_article = Counter(dict(con.execute("SELECT id, findings FROM articles").fetchall()))
        per_rule = Counter(dict(con.execute("SELECT rule, count(*) FROM findings GROUP BY rule").fetchall()))
        rows = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()
    return per_article, per_rule, rows


async def _crash() -> None:
    """Run on a worker: the process dies at once (a hard crash, not a clean shutdown)."""
    os._exit(1)


def _worker_profiles() -> bool:
    """Run on a worker: whether its statistical profiler is on."""
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def _write_files(folder: Path, count: int) -> None:
    for i in range(count):
        a = article(i, seed=3, words=150)
        sub = folder / a["section"]
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{a['id']}.txt").write_text(f"date {a['date']}\n{a['text']}", encoding="utf-8")


def test_folder_archive_equals_the_cli_even_when_a_worker_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    _write_files(folder, 24)
    killed: list[str] = []

    def kill_one_worker(client, written: int) -> None:
        if written == 2 and not killed:
            address = sorted(client.scheduler_info()["workers"])[0]
            killed.append(address)
            client.run(_crash, workers=[address], wait=False)

    db = str(tmp_path / "a.duckdb")
    summary = run_archive(str(folder), db, workers=2, files_per_partition=4, progress=False,
                          on_written=kill_one_worker)
    assert killed and summary.partitions == 6 and summary.written == 6
    per_article, per_rule, rows = _counts(db)
    assert rows == 24  # no article lost or counted twice

    cli = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", str(folder)],
                         capture_output=True, text=True, check=False)
    report = json.loads(cli.stdout)
    cli_article = Counter({os.path.relpath(f["path"], folder): 0 for f in report["files"]})
    for f in report["findings"]:
        cli_article[os.path.relpath(f["path"], folder)] += 1
    cli_rule = Counter(f["rule"] for f in report["findings"])
    assert per_article == cli_article
    assert per_rule == cli_rule
    con = duckdb.connect(db, read_only=True)
    sections = {r[0] for r in con.execute("SELECT DISTINCT section FROM articles").fetchall()}
    con.close()
    assert sections <= {"world", "europe", "business", "politics"} and len(sections) > 1


def test_a_stopped_run_resumes_and_ends_with_the_same_database(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    write_jsonl(str(source), 30, seed=5, words=100)
    parts = plan(str(source), jsonl_chunk_bytes=2000)
    assert len(parts) >= 6

    profiling: list[bool] = []

    def stop_after_three(client, written: int) -> None:
        if written == 1:
            profiling.extend(client.run(_worker_profiles).values())
        if written == 3:
            raise KeyboardInterrupt

    db = str(tmp_path / "r.duckdb")
    first = run_archive(str(source), db, workers=2, jsonl_chunk_bytes=2000, progress=False,
                        on_written=stop_after_three)
    assert first.interrupted and first.written == 3
    # the workers' statistical profiler (an hour of sampled code paths, memory that climbs
    # on a long run) is off in the cluster archive mode starts
    assert profiling == [False, False]
    second = run_archive(str(source), db, workers=2, jsonl_chunk_bytes=2000, progress=False)
    assert second.skipped == 3 and second.written == len(parts) - 3 and not second.interrupted
    fresh = str(tmp_path / "fresh.duckdb")
    run_archive(str(source), fresh, workers=1, jsonl_chunk_bytes=2000, progress=False)
    assert _counts(db) == _counts(fresh)
    assert _counts(db)[2] == 30


def _group_ends(group: int, within: float) -> bool:
    """Whether every process of a process group is gone (an exited child is reaped by init
    a moment after its parent exits, so allow a little time)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def test_ctrl_c_to_the_process_group_stops_cleanly_and_the_run_resumes(tmp_path: Path) -> None:
    """A real Ctrl-C: SIGINT to the whole process group, as a terminal sends it, while
    partitions are being written. One message, no traceback from any worker, no process
    left behind, exit 130; the same command then finishes the run."""
    source = tmp_path / "a.jsonl"
    write_jsonl(str(source), 120, seed=9, words=120)
    command = [sys.executable, "-m", "newslint", "archive", str(source), "--db", str(tmp_path / "c.duckdb"),
               "--workers", "2", "--partition-bytes", "4000", "--progress-every", "0"]
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as err:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True)
        started = time.monotonic()
        while "archive: 2/" not in errors.read_text() and proc.poll() is None and time.monotonic() - started < 300:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=120)
    stderr = errors.read_text()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert "stopped:" in out and "run the same command again to resume" in stderr
    assert _group_ends(proc.pid, within=20.0), "a worker or nanny of the stopped run is still alive"
    stopped_at = _counts(str(tmp_path / "c.duckdb"))[2]
    assert 0 < stopped_at < 120

    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "already there" in again.stdout
    fresh = str(tmp_path / "fresh.duckdb")
    run_archive(str(source), fresh, workers=1, jsonl_chunk_bytes=4000, progress=False)
    assert _counts(str(tmp_path / "c.duckdb")) == _counts(fresh)


def test_unreadable_records_are_recorded_not_fatal(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    good = [article(i, seed=2, words=80) for i in range(4)]
    lines = [json.dumps(good[0]), "{not json", json.dumps({"id": "no-text", "date": "2020-01-01"}),
             json.dumps(good[1]), json.dumps({"id": "bad-date", "date": "yesterday", "text": "Hello."}),
             json.dumps(good[2])]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "b.duckdb")
    summary = run_archive(str(source), db, workers=1, progress=False)
    assert summary.articles == 6 and summary.unreadable == 3
    con = duckdb.connect(db, read_only=True)
    errors = dict(con.execute("SELECT id, error FROM articles WHERE error IS NOT NULL").fetchall())
    con.close()
    assert errors["no-text"] == "no 'text' field"
    assert "unreadable date" in errors["bad-date"]
    assert any("not JSON" in e for e in errors.values())


def test_parquet_source_on_an_existing_scheduler(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from dask.distributed import LocalCluster

    records = [article(i, seed=9, words=100) for i in range(20)]
    pq.write_table(pa.Table.from_pylist(records), str(tmp_path / "a.parquet"), row_group_size=8)
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_archive(str(tmp_path / "a.parquet"), str(tmp_path / "p.duckdb"),
                              scheduler=cluster.scheduler_address, progress=False)
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        run_archive(str(jsonl), str(tmp_path / "j.duckdb"), scheduler=cluster.scheduler_address, progress=False)
    assert summary.partitions == 3  # 20 rows in row groups of 8
    assert _counts(str(tmp_path / "p.duckdb")) == _counts(str(tmp_path / "j.duckdb"))


def test_cli_usage_table_and_report(tmp_path: Path) -> None:
    """The README's commands: a sample archive with the Kiev -> Kyiv switch planted in
    August 2019 and a name spelled two ways across articles."""
    run = lambda *args: subprocess.run([sys.executable, "-m", "newslint", "archive", *args], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, check=False)
    made = run("sample", "s.jsonl", "--articles", "160")
    assert made.returncode == 0, made.stderr
    done = run("s.jsonl", "--workers", "2", "--partition-bytes", "60000", "--parquet", "export")
    assert done.returncode == 0, done.stderr
    assert "160 articles" in done.stdout and "partitions written" in done.stdout
    assert "archive: " in done.stderr  # plain progress lines when not on a terminal
    assert (tmp_path / "export" / "usage.parquet").is_file()

    con = duckdb.connect(str(tmp_path / "newslint-archive.duckdb"), read_only=True)
    by_period = dict(con.execute("""
        SELECT month >= '2019-08' AS after, sum(articles) FILTER (WHERE form = 'Kyiv')
        FROM usage WHERE label = 'Kyiv' GROUP BY ALL""").fetchall())
    assert not by_period.get(False) and by_period[True] > 0  # Kyiv only after the switch
    kiev_after = con.execute("SELECT sum(articles) FROM usage WHERE label = 'Kyiv' AND form = 'Kiev' "
                             "AND month >= '2019-09'").fetchone()[0]
    assert 0 < kiev_after < by_period[True]  # the old spelling lingers in a minority
    pairs = {r[0] for r in con.execute("SELECT form FROM name_pairs WHERE label = 'Stoltenberg'").fetchall()}
    assert pairs == {"Stoltenberg", "Stoltenburg"}
    totals = con.execute("SELECT count(*), coalesce(sum(findings), 0), count(error) FROM articles").fetchone()
    by_category = dict(con.execute("SELECT category, count(*) FROM findings GROUP BY ALL").fetchall())
    con.close()

    made = run("report", "newslint-archive.duckdb", "-o", "report.html")
    assert made.returncode == 0, made.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and not re.search(r'(?:src|href)="(?:https?:)?//', page)  # self-contained
    m = re.search(r'data-articles="(\d+)" data-findings="(\d+)" data-unreadable="(\d+)"', page)
    assert m and tuple(map(int, m.groups())) == (totals[0], totals[1], totals[2])
    table = re.search(r'<table id="by-category">.*?</table>', page, re.S).group(0)
    assert dict((c, int(n)) for c, n in re.findall(r"<tr><td>(\w+)</td><td>(\d+)</td></tr>", table)) == by_category
    assert 'data-label="Kyiv"' in page and "Stoltenburg" in page

    if CHROMIUM is None and not os.environ.get("CI"):
        pytest.skip("no Chromium to render the report")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        tab = browser.new_page(viewport={"width": 1100, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto((tmp_path / "report.html").as_uri())
        assert tab.locator("section.group svg").count() >= 2
        assert tab.locator("#totals").get_attribute("data-articles") == str(totals[0])
        box = tab.locator("section.group svg").first.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100  # the chart is drawn, not collapsed
        out = Path(__file__).resolve().parent.parent / "build"
        out.mkdir(exist_ok=True)
        tab.screenshot(path=str(out / "archive-report.png"), full_page=True)
        browser.close()
        assert errors == []
