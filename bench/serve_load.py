"""Load test of ``newslint serve`` on loopback: latency percentiles and lost requests.

    python bench/serve_load.py                        # 2,000 requests, 16 concurrent clients
    python bench/serve_load.py --requests 500 --clients 4 --words 1000

Starts ``newslint serve`` in its own process on a free loopback port, waits for
``/healthz``, warms it with one request, then sends ``--requests`` lint requests of one
generated ``--words``-word article from ``--clients`` threads (each with its own
keep-alive connection) and reports median, 95th and 99th percentile latency, throughput
and how many requests failed or were lost. The run is bounded in count and time and
sends traffic to 127.0.0.1 only. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import article  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"newslint serve exited with status {proc.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("newslint serve did not come up")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=600, help="stop the whole run after this many seconds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port), "--log-level", "warning"],
                            cwd=os.getcwd())
    try:
        wait_until_up(url, proc)
        text = article(7, args.words)
        body = {"text": text}
        expected = len(httpx.post(url + "/api/v1/lint", json=body, timeout=60).json()["findings"])
        latencies: list[float] = []
        failures: list[str] = []
        lock = threading.Lock()
        counter = iter(range(args.requests))
        stop_at = time.monotonic() + args.timeout

        def client() -> None:
            with httpx.Client(timeout=60) as http:
                while time.monotonic() < stop_at:
                    with lock:
                        if next(counter, None) is None:
                            return
                    start = time.perf_counter()
                    try:
                        res = http.post(url + "/api/v1/lint", json=body)
                        ok = res.status_code == 200 and len(res.json()["findings"]) == expected
                        outcome = "" if ok else f"status {res.status_code}"
                    except httpx.HTTPError as exc:
                        outcome = type(exc).__name__
                    elapsed = time.perf_counter() - start
                    with lock:
                        (failures.append(outcome) if outcome else latencies.append(elapsed))

        wall = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - wall
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    done = len(latencies) + len(failures)
    figures = {
        "requests": args.requests, "clients": args.clients, "words": args.words, "answered": done,
        "ok": len(latencies), "failed": len(failures), "lost": args.requests - done,
        "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
        "requests_per_second": round(done / wall, 1) if wall else None, "wall_seconds": round(wall, 2),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['ok']}/{args.requests} ok, {figures['failed']} failed, {figures['lost']} lost; "
              f"{args.clients} clients, {args.words}-word article; median {figures['median_ms']} ms, "
              f"p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms; {figures['requests_per_second']} req/s")
    return 0 if not failures and done == args.requests else 1


if __name__ == "__main__":
    raise SystemExit(main())
