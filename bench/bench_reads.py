#!/usr/bin/env python3
"""Benchmark the read side: every list endpoint with each sort and the common filters, a first
page and a deep cursor page, and the detail endpoints, in process (Flask's test client on the
real app: routing, validation, queries, serialisation, the ETag), on stores built by
``bench/bench_ingest.py``.

    .venv/bin/python bench/bench_reads.py --database-url sqlite:////tmp/store10k.sqlite3 \\
        [--database-url sqlite:////tmp/store100k.sqlite3 ...] [--repeat 15] [--upgrade]

On a store migrated to 0007 (the store generation) the app's read cache answers every repeat of
a request from memory (``api/read_cache.py``): run with ``CLAIMTRACK_READ_CACHE_MB=0`` to
measure the reads themselves (a store not migrated that far is never cached).
Each request runs twice to warm up, then ``--repeat`` times; the line gives p50 and p95 in ms
(``--clock cpu``: of this process's CPU time rather than elapsed time, for SQLite on a machine
busy with other work).
Deep pages start from a cursor made for the row half-way down the listing (as a client that
had paged there would hold). ``--upgrade`` migrates each store to the latest revision first
(a store filled by an older checkout gets this checkout's indexes). With several stores, a
last table puts each request's p50 and p95 side by side with the ratio largest/smallest.

``--http SECONDS`` then serves the last store with ``claimtrack serve``'s gunicorn settings (2
workers) and a bare Flask endpoint the same way, and loads a few requests over keep-alive
connections (2 client processes x 8 threads, as ``wrk -t2 -c16``) for SECONDS each: requests/s
and the ratio to the bare endpoint (each request measured right after the bare endpoint), and
the servers' CPU milliseconds per answer (gunicorn's master and workers, from /proc) with the
ratio bare/this of those: on a machine busy with other work, requests/s follow the load of the
moment, the CPU an answer costs much less.
Client and servers share the machine's cores. The app is served with a read budget no run spends
(the limits are still counted, as in production; the default 6,000/minute per address would
answer a faster revision with 429s, which are reported on stderr, not counted). ``--http-compare DIR`` serves another source
tree (a revision from ``git archive REV | tar -x -C DIR``) beside this one and measures each
request on both in turn; ``--http-rounds N`` repeats everything N times and prints medians.
"""
from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from api import create_app, pagination  # noqa: E402
from api.migrate import upgrade  # noqa: E402

CLAIM_SORTS = ["-last_seen", "last_seen", "-first_seen", "first_seen", "-outlet_count", "-mention_count",
               "-disagreement_count", "id", "-id"]
KEYS = {"-last_seen": "last_seen", "last_seen": "last_seen", "-first_seen": "first_seen", "first_seen": "first_seen",
        "-outlet_count": "outlet_count", "-mention_count": "mention_count",
        "-disagreement_count": "disagreement_count", "id": None, "-id": None}
LIVE = "merged_into_id IS NULL AND mention_count > 0"
# wall: elapsed time; cpu: this process's CPU time (SQLite runs in the process, so on SQLite it
# is the request's whole cost, and a machine shared with other work inflates it far less)
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def middle_cursor(conn, sort: str, outlet: str | None = None) -> str:
    """A cursor continuing after the live claim half-way down the ``sort`` order (of the claims
    ``outlet`` reports, when given)."""
    key = KEYS[sort]
    where = LIVE + ("" if outlet is None else " AND id IN (SELECT co.claim_id FROM claimoutlet co JOIN outlet o "
                                                "ON o.id = co.outlet_id WHERE o.slug = :outlet)")
    n = conn.execute(text(f"SELECT count(*) FROM claim WHERE {where}"), {"outlet": outlet}).scalar()
    order = ", ".join(f"{c} {'DESC' if sort.startswith('-') else 'ASC'}" for c in ([key] if key else []) + ["id"])
    row = conn.execute(text(f"SELECT {key or 'NULL'}, id FROM claim WHERE {where} ORDER BY {order} "
                            f"LIMIT 1 OFFSET {n // 2}"), {"outlet": outlet}).one()
    value = row[0]
    if key in ("last_seen", "first_seen") and isinstance(value, str):  # SQLite hands back text
        from datetime import datetime, timezone
        value = datetime.fromisoformat(value)
        value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return pagination.encode(sort, value, row[1])


def requests_for(app) -> list[tuple[str, str]]:
    """(name, path) of every request measured, with ids and values taken from the store."""
    engine = app.extensions["claimtrack"]["engine"]
    with engine.connect() as conn:
        claim_id = conn.execute(text(f"SELECT id FROM claim WHERE {LIVE} ORDER BY mention_count DESC, id "
                                     "LIMIT 1")).scalar()
        article_id = conn.execute(text("SELECT max(id) FROM article")).scalar()
        outlets = [r[0] for r in conn.execute(text(
            "SELECT o.slug FROM outlet o JOIN claimoutlet co ON co.outlet_id = o.id GROUP BY o.slug "
            "ORDER BY count(*) DESC LIMIT 2"))]
        speaker = conn.execute(text("SELECT speaker FROM claim WHERE speaker IS NOT NULL LIMIT 1")).scalar() or "x"
        since = conn.execute(text(f"SELECT last_seen FROM claim WHERE {LIVE} ORDER BY last_seen DESC "
                                  "LIMIT 1 OFFSET 1000")).scalar()
        disagreement_id = conn.execute(text("SELECT min(id) FROM disagreement")).scalar()
        deep = {sort: middle_cursor(conn, sort) for sort in CLAIM_SORTS}
        outlet_deep = middle_cursor(conn, "-last_seen", outlets[0]) if outlets else None
    since = str(since)[:10]
    a, b = (outlets + ["none", "none"])[:2]
    out = []
    for sort in CLAIM_SORTS:
        out += [(f"claims sort={sort}", f"/v1/claims?limit=20&sort={sort}"),
                (f"claims sort={sort} deep", f"/v1/claims?limit=20&sort={sort}&cursor={deep[sort]}")]
    out += [("claims outlet=", f"/v1/claims?limit=20&outlet={a}"),
            ("claims outlet= deep", f"/v1/claims?limit=20&outlet={a}&cursor={outlet_deep}"),
            ("claims outlet= sort=-outlet_count", f"/v1/claims?limit=20&outlet={a}&sort=-outlet_count"),
            ("claims reported_by=a,b", f"/v1/claims?limit=20&reported_by={a},{b}"),
            ("claims speaker=", f"/v1/claims?limit=20&speaker={speaker.split()[-1]}"),
            ("claims kind=quotation", "/v1/claims?limit=20&kind=quotation"),
            ("claims contested=true", "/v1/claims?limit=20&contested=true"),
            ("claims contested=false", "/v1/claims?limit=20&contested=false"),
            ("claims since=", f"/v1/claims?limit=20&since={since}"),
            ("claims since= sort=-outlet_count", f"/v1/claims?limit=20&since={since}&sort=-outlet_count"),
            ("claims q=common word", "/v1/claims?limit=20&q=said"),
            ("claims q=two words", "/v1/claims?limit=20&q=minister%20said"),
            ("claims q=phrase", "/v1/claims?limit=20&q=%22the%20government%22"),
            ("claims q=OR", "/v1/claims?limit=20&q=election%20OR%20vote"),
            ("claims q=prefix*", "/v1/claims?limit=20&q=presiden*"),
            ("claims q= sort=relevance", "/v1/claims?limit=20&q=election%20vote&sort=relevance"),
            ("claim detail", f"/v1/claims/{claim_id}"),
            ("claim outlets", f"/v1/claims/{claim_id}/outlets"),
            ("claim disagreements", f"/v1/claims/{claim_id}/disagreements"),
            ("disagreements", "/v1/disagreements?limit=50"),
            ("disagreements kind=number", "/v1/disagreements?limit=50&kind=number"),
            ("disagreements outlet=", f"/v1/disagreements?limit=50&outlet={a}"),
            ("outlets", "/v1/outlets?limit=50"),
            ("outlet detail", f"/v1/outlets/{a}"),
            ("compare", f"/v1/outlets/compare?a={a}&b={b}&limit=20"),
            ("compare/claims only_a", f"/v1/outlets/compare/claims?a={a}&b={b}&part=only_a&limit=20"),
            ("articles", "/v1/articles?limit=20"),
            ("articles outlet=", f"/v1/articles?limit=20&outlet={a}"),
            ("article detail", f"/v1/articles/{article_id}")]
    if disagreement_id:
        out.append(("disagreement detail", f"/v1/disagreements/{disagreement_id}"))
    return out


def measure(client, path: str, repeat: int, clock=time.perf_counter) -> tuple[int, float, float]:
    """(status, p50 ms, p95 ms) of ``repeat`` GETs after two to warm up, timed by ``clock``."""
    status = client.get(path).status_code
    client.get(path)
    times = []
    for _ in range(repeat):
        t0 = clock()
        client.get(path)
        times.append((clock() - t0) * 1000)
    times.sort()
    return status, statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def run_store(url: str, args) -> dict[str, tuple[int, float, float]]:
    """Every request's figures on one store."""
    if args.upgrade:
        upgrade(url)
    app = create_app({"DATABASE_URL": url, "CURSOR_SECRET": "bench-reads", "LOG_LEVEL": "warning"})
    client = app.test_client()
    with app.extensions["claimtrack"]["engine"].connect() as conn:
        claims = conn.execute(text(f"SELECT count(*) FROM claim WHERE {LIVE}")).scalar()
    print(f"# {url} live_claims={claims} repeat={args.repeat} clock={args.clock}")
    results = {}
    for name, path in requests_for(app):
        if args.only and not any(part in name for part in args.only):
            continue
        status, p50, p95 = measure(client, path, args.repeat, CLOCKS[args.clock])
        results[name] = (status, p50, p95)
        note = "" if status == 200 else f" status={status}"
        print(f"{name:40s} p50_ms={p50:8.2f} p95_ms={p95:8.2f}{note}", flush=True)
    app.extensions["claimtrack"]["engine"].dispose()
    return results


def bare_app():
    """A bare Flask app with one JSON endpoint (the yardstick for requests/s)."""
    from flask import Flask
    app = Flask("bare")
    app.add_url_rule("/bare", "bare", lambda: {"status": "ok"})
    return app


READ_BUDGET = "100000000/minute"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(app_spec: str, url: str, port: int, root: Path = ROOT) -> subprocess.Popen:
    """gunicorn with ``claimtrack serve``'s settings (2 workers) serving ``app_spec`` from the
    source tree ``root`` on ``port``."""
    env = dict(os.environ, DATABASE_URL=url, CLAIMTRACK_BIND=f"127.0.0.1:{port}", CLAIMTRACK_WORKERS="2",
               CLAIMTRACK_CURSOR_SECRET="bench-reads", PYTHONPATH=f"{root}:{ROOT / 'bench'}",
               # (the read budget counted as ever, never spent: one client address sends thousands of
               # requests a second, which the default 6,000/minute would answer with 429s)
               CLAIMTRACK_RATE_LIMIT_READS=READ_BUDGET)
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:api.gunicorn_conf", app_spec],
                            env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                proc.port = port
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{app_spec} did not start")


def _client(port: int, path: str, seconds: float, threads: int, out) -> None:
    counts, others = [0] * threads, [0] * threads

    def loop(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            if resp.status == 200:
                counts[i] += 1
            else:
                others[i] += 1
        conn.close()

    workers = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    out.put((sum(counts), sum(others)))


def server_cpu_s(master: int) -> float:
    """CPU seconds (user and system) used so far by the gunicorn ``master`` and its workers
    (from /proc; 0 where there is none)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == master or int(fields[1]) == master:  # (fields[1]: the parent's pid)
            total += (int(fields[11]) + int(fields[12])) / tick  # (utime, stime)
    return total


def requests_per_s(port: int, path: str, seconds: float, master: int | None = None) -> tuple[float, float]:
    """Requests/s answered 200 with 2 client processes x 8 keep-alive connections (any other
    answer is reported on stderr: it is not counted), and the server's CPU milliseconds per
    answer (of the gunicorn ``master`` and its workers; nan without it)."""
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_client, args=(port, path, seconds, 8, queue)) for _ in range(2)]
    cpu_before = server_cpu_s(master) if master else 0.0
    for p in procs:
        p.start()
    answers = [queue.get() for _ in procs]
    cpu_used = server_cpu_s(master) - cpu_before if master else float("nan")
    for p in procs:
        p.join()
    others = sum(o for _, o in answers)
    if others:
        print(f"# {path}: {others} answers other than 200 (not counted)", file=sys.stderr, flush=True)
    answered = sum(n for n, _ in answers) + others
    return sum(n for n, _ in answers) / seconds, cpu_used * 1000 / answered if answered else float("nan")


def run_http(url: str, app, seconds: float, compare: Path | None = None, rounds: int = 1) -> None:
    """Requests/s over HTTP for a few reads, next to a bare Flask endpoint served the same way
    (and, with ``compare``, the same reads served from that source tree: another revision),
    each request measured right after the bare endpoint, ``rounds`` times; medians printed."""
    paths = dict(requests_for(app))
    chosen = [("claim detail", paths["claim detail"])] + [
        (f"claims sort={s}", paths[f"claims sort={s}"]) for s in ("-last_seen", "-outlet_count", "first_seen")] + [
        ("claims q=two words", paths["claims q=two words"]), ("disagreements", paths["disagreements"])]
    servers = {"bare": _serve("bench_reads:bare_app()", url, _free_port())}
    servers["this"] = _serve("api:create_app()", url, _free_port())
    if compare is not None:
        servers["compare"] = _serve("api:create_app()", url, _free_port(), root=compare)
    ports = {name: proc.port for name, proc in servers.items()}
    try:
        for name in servers:  # warm up
            requests_per_s(ports[name], "/bare" if name == "bare" else "/health", 1)
        print(f"# HTTP, 2 gunicorn workers, 2x8 keep-alive connections, {seconds:.0f} s each, {rounds} round(s)"
              + (f"; 'compare' serves {compare}" if compare else ""))
        results: dict[str, dict[str, list[float]]] = {}
        cpu: dict[str, dict[str, list[float]]] = {}
        for _ in range(rounds):
            for name, path in chosen:
                row, cpu_row = results.setdefault(name, {}), cpu.setdefault(name, {})
                for server in servers:
                    if server != "bare":
                        requests_per_s(ports[server], path, 0.5)
                    rate, cpu_ms = requests_per_s(ports[server], "/bare" if server == "bare" else path, seconds,
                                                  servers[server].pid)
                    row.setdefault(server, []).append(rate)
                    cpu_row.setdefault(server, []).append(cpu_ms)
        print("# req_s: medians; ratio_to_bare: median of each round's; cpu_ms: the server's CPU per answer "
              "(master and workers), cpu_ratio: bare's over it (the ratio the machine's load disturbs least)")
        for name, _ in chosen:
            row = {server: statistics.median(rates) for server, rates in results[name].items()}
            ratios = {server: statistics.median(r / b for r, b in zip(results[name][server], results[name]["bare"]))
                      for server in servers if server != "bare"}
            cpu_ms = {server: statistics.median(values) for server, values in cpu[name].items()}
            cpu_ratios = {server: statistics.median(b / c for c, b in zip(cpu[name][server], cpu[name]["bare"]))
                          for server in ratios}
            cells = " ".join(f"{server}: req_s={row[server]:6.0f} ratio_to_bare={ratios[server]:5.2f} "
                             f"cpu_ms={cpu_ms[server]:5.3f} cpu_ratio={cpu_ratios[server]:5.2f}" for server in ratios)
            print(f"{name:30s} bare req_s={row['bare']:6.0f} cpu_ms={cpu_ms['bare']:5.3f}  {cells}", flush=True)
    finally:
        for proc in servers.values():
            proc.terminate()
        for proc in servers.values():
            try:
                proc.wait(30)  # (gunicorn lets kept-alive connections finish first)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--database-url", action="append", required=True, help="a store (repeat: smallest first)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--upgrade", action="store_true", help="migrate each store to the latest revision first")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                    help="wall (default) or cpu: this process's CPU time (SQLite only: PostgreSQL works in its server)")
    ap.add_argument("--http", type=float, default=0, metavar="SECONDS",
                    help="also measure requests/s over HTTP on the last store, SECONDS per request")
    ap.add_argument("--http-compare", type=Path, default=None, metavar="DIR",
                    help="with --http: also serve the source tree DIR (another revision, e.g. from `git archive`) "
                         "the same way, each request measured on both side by side")
    ap.add_argument("--http-rounds", type=int, default=1, help="with --http: measure every request this many times")
    ap.add_argument("--only", action="append", default=[], metavar="TEXT",
                    help="in process: only the requests whose name contains TEXT (repeat for several)")
    ap.add_argument("--no-inprocess", action="store_true", help="only the HTTP measurement")
    args = ap.parse_args()
    runs = [] if args.no_inprocess else [run_store(url, args) for url in args.database_url]
    if args.http:
        app = create_app({"DATABASE_URL": args.database_url[-1], "CURSOR_SECRET": "bench-reads",
                          "LOG_LEVEL": "warning"})
        run_http(args.database_url[-1], app, args.http, args.http_compare, args.http_rounds)
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        print("# p50 and p95 ms: smallest store, largest store, ratio largest/smallest")
        for name in last:
            if name in first:
                cells = []
                for i in (1, 2):
                    a, b = first[name][i], last[name][i]
                    cells.append(f"{a:8.2f} {b:8.2f} {b / a if a else float('nan'):6.2f}")
                print(f"{name:40s} p50 {cells[0]}   p95 {cells[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
