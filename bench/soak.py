"""Soak: writers, readers and curators against a server this script starts on a fresh store,
with ``kill -9`` of a gunicorn worker every K seconds, then the store's integrity checks.

    python bench/soak.py --seconds 45                        # the short form CI runs (SQLite)
    python bench/soak.py --minutes 10 --writers 4 --readers 2 --curators 2 --kill-every 20
    python bench/soak.py --minutes 10 --database-url postgresql://postgres@127.0.0.1:5432/soak

Loopback only (the server binds 127.0.0.1 on a free port). ``--database-url`` is emptied
first (``claimtrack db downgrade base``): give it a database of its own. The articles are
built here from a few template sentences (several outlets report the same statements, some
with other numbers or hedges), re-posted now and then (the same URL and text: stored once).

Exits 1 on a violation: a 5xx other than 503 with ``Retry-After``, an error answer that is not
problem+json, or a failed integrity check (orphan rows, a URL stored twice or with another
text, a mention whose text is not its slice of the article, counts that differ from their
recomputation, a mention inside a merged claim, a live disagreement outside its mentions'
claim, a full-text index or ``term_stat`` out of step with the mentions).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPEAKERS = ["Maria Lopez", "John Carter", "Amina Diallo", "Peter Novak", "Grace Kim", "Omar Haddad"]
ROLES = ["the finance minister", "the mayor", "a union leader", "the health secretary"]
STATEMENTS = [
    "the new bridge will open to traffic in {n} weeks",
    "the city has hired {n} more nurses this year",
    "fuel prices rose by {n} percent since January",
    "the council approved {n} new housing projects",
    "unemployment fell to {n} percent in the last quarter",
    "the rail strike will cost the region {n} million dollars",
    "{n} schools will be rebuilt before the winter",
    "the port handled {n} thousand containers in March",
]
HEDGES = ["", "probably ", "perhaps "]
FILLER = ["Officials met again on Tuesday to review the plans.",
          "The announcement followed weeks of debate in the regional assembly.",
          "Residents have raised concerns about the timetable.",
          "Critics said the figures should be checked independently."]


def make_article(rng: random.Random, outlet: int, serial: int) -> dict:
    """An article of 3-6 sentences: quoted and reported statements by named speakers."""
    lines = []
    for _ in range(rng.randint(2, 4)):
        statement = rng.choice(STATEMENTS).format(n=rng.choice([3, 5, 12, 40, 75]))
        speaker = rng.choice(SPEAKERS)
        if rng.random() < 0.5:
            lines.append(f"\u201c{statement[0].upper()}{statement[1:]},\u201d {speaker} said on Monday.")
        else:
            lines.append(f"{speaker}, {rng.choice(ROLES)}, said that {rng.choice(HEDGES)}{statement}.")
    lines.insert(rng.randint(0, len(lines)), rng.choice(FILLER))
    domain = f"outlet{outlet}.example"
    return {"outlet": {"name": f"Outlet {outlet}", "domain": domain}, "url": f"https://{domain}/news/{serial}",
            "title": f"Report {serial}", "published_at": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "language": "en", "text": "\n".join(lines)}


class Soak:
    """The shared state of one run: the server, the outcomes, and what writers stored."""

    def __init__(self, base: str, key: str, deadline: float, seed: int):
        self.base, self.key, self.deadline = base, key, deadline
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.violations: list[str] = []
        self.posted: dict[str, str] = {}  # url → text
        self.stored_urls: set[str] = set()  # urls answered 200/201
        self.mentions: list[tuple[int, int]] = []  # (mention id, claim id) as answered at ingest
        self.claims: list[int] = []
        self.seed = seed
        self.kills = 0

    def call(self, method: str, path: str, body: dict | None = None, kind: str = "read") -> tuple[int, dict | None]:
        """One request; records its outcome and any violation. Status 0: the connection failed."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.key)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    status, headers, raw = resp.status, resp.headers, resp.read()
            except urllib.error.HTTPError as err:
                status, headers, raw = err.code, err.headers, err.read()
        except (OSError, http.client.HTTPException):  # a worker killed mid-request: nothing is promised
            with self.lock:
                self.statuses[f"{kind} dropped"] += 1
            return 0, None
        with self.lock:
            self.statuses[f"{kind} {status}"] += 1
            if status >= 400 and headers.get_content_type() != "application/problem+json":
                self.violations.append(f"{method} {path}: {status} is not problem+json")
            if status >= 500 and not (status == 503 and headers.get("Retry-After")):
                self.violations.append(f"{method} {path}: {status} {raw[:300]!r}")
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, None

    def guarded(self, role, index: int) -> None:
        """Run one client; a crash of the script's own is a violation too, never a silent stop."""
        try:
            role(index)
        except Exception as err:  # noqa: BLE001
            with self.lock:
                self.violations.append(f"{role.__name__} {index} stopped: {err!r}")

    def writer(self, index: int) -> None:
        """Post new articles, copies under other outlets and re-posts of stored URLs."""
        rng = random.Random(self.seed * 1000 + index)
        serial = 0
        while time.monotonic() < self.deadline:
            roll = rng.random()
            if roll < 0.15 and self.posted:
                with self.lock:
                    url = rng.choice(list(self.posted))
                    text = self.posted[url]
                domain = url.split("/")[2]
                body = {"outlet": {"name": domain, "domain": domain}, "url": url, "title": "Re-post",
                        "published_at": "2024-05-05", "language": "en", "text": text}
            else:
                serial += 1
                body = make_article(rng, rng.randint(1, 12), serial * 100 + index)
                if roll < 0.3 and self.posted:  # a copy of another article under this outlet
                    with self.lock:
                        body["text"] = self.posted[rng.choice(list(self.posted))]
                with self.lock:
                    self.posted[body["url"]] = body["text"]
            status, answer = self.call("POST", "/v1/articles", body, kind="write")
            if status in (200, 201) and answer:
                with self.lock:
                    self.stored_urls.add(body["url"])
                    for m in answer.get("mentions", []):
                        self.mentions.append((m["id"], m["claim_id"]))
                        self.claims.append(m["claim_id"])

    def reader(self, index: int) -> None:
        """Lists, details, search, disagreements and similarity."""
        rng = random.Random(self.seed * 2000 + index)
        while time.monotonic() < self.deadline:
            with self.lock:
                claim = rng.choice(self.claims) if self.claims else 1
            path = rng.choice(["/v1/claims?limit=20", f"/v1/claims/{claim}", "/v1/articles?limit=10",
                               "/v1/disagreements?limit=10", "/v1/claims?q=percent", "/v1/outlets", "/health"])
            if rng.random() < 0.15:
                self.call("POST", "/v1/similarity", {"a": rng.choice(STATEMENTS).format(n=5),
                                                      "b": rng.choice(STATEMENTS).format(n=12)})
            else:
                self.call("GET", path)

    def curator(self, index: int) -> None:
        """Merge claims, move mentions (to another claim or a new one) and dismiss disagreements."""
        rng = random.Random(self.seed * 3000 + index)
        while time.monotonic() < self.deadline:
            time.sleep(rng.uniform(0.05, 0.3))
            with self.lock:
                if len(self.claims) < 4:
                    continue
                a, b = rng.sample(self.claims, 2)
                mention, _ = rng.choice(self.mentions)
            roll = rng.random()
            if roll < 0.4 and a != b:
                self.call("POST", f"/v1/claims/{a}/merge", {"from_claim_id": b, "note": "soak"}, kind="curate")
            elif roll < 0.7:
                self.call("POST", f"/v1/mentions/{mention}/move",
                          {"claim_id": a if rng.random() < 0.5 else None, "note": "soak"}, kind="curate")
            else:
                status, page = self.call("GET", "/v1/disagreements?limit=20")
                items = (page or {}).get("items") or []
                if status == 200 and items:
                    self.call("POST", f"/v1/disagreements/{rng.choice(items)['id']}/dismiss",
                              {"reason": "soak"}, kind="curate")


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's children."""
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def killer(soak: Soak, master: int, every: float) -> None:
    """``kill -9`` of a random worker every ``every`` seconds."""
    rng = random.Random(soak.seed)
    while time.monotonic() + every < soak.deadline:
        time.sleep(every)
        pids = worker_pids(master)
        if pids:
            try:
                os.kill(rng.choice(pids), signal.SIGKILL)
                soak.kills += 1
            except ProcessLookupError:
                pass


def integrity_violations(database_url: str, soak: Soak) -> list[str]:
    """The store's integrity checks (see the module docstring); an empty list when all hold."""
    from sqlalchemy import text

    from api.db import make_engine
    from api.services.search import index_terms

    engine = make_engine(database_url)
    problems: list[str] = []
    orphan_queries = {
        "mention without article": "SELECT m.id FROM mention m LEFT JOIN article a ON a.id = m.article_id "
                                   "WHERE a.id IS NULL",
        "mention without claim": "SELECT m.id FROM mention m LEFT JOIN claim c ON c.id = m.claim_id WHERE c.id IS NULL",
        "article without outlet": "SELECT a.id FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id "
                                  "WHERE o.id IS NULL",
        "claimoutlet without claim": "SELECT co.claim_id FROM claimoutlet co LEFT JOIN claim c ON c.id = co.claim_id "
                                     "WHERE c.id IS NULL",
        "disagreement without mention": "SELECT d.id FROM disagreement d LEFT JOIN mention a ON a.id = d.mention_a_id "
                                        "LEFT JOIN mention b ON b.id = d.mention_b_id "
                                        "WHERE a.id IS NULL OR b.id IS NULL",
        "disagreement without claim": "SELECT d.id FROM disagreement d LEFT JOIN claim c ON c.id = d.claim_id "
                                      "WHERE c.id IS NULL",
        "mention inside a merged claim": "SELECT m.id FROM mention m JOIN claim c ON c.id = m.claim_id "
                                         "WHERE c.merged_into_id IS NOT NULL",
        "live claim without mentions": "SELECT c.id FROM claim c LEFT JOIN mention m ON m.claim_id = c.id "
                                       "WHERE c.merged_into_id IS NULL AND m.id IS NULL",
        "URL stored twice": "SELECT url FROM article GROUP BY url HAVING COUNT(*) > 1",
    }
    with engine.connect() as conn:
        for what, sql in orphan_queries.items():
            rows = conn.execute(text(sql)).fetchall()
            if rows:
                problems.append(f"{what}: {len(rows)} (e.g. {rows[0][0]})")
        articles = {r.id: (r.url, r.text, r.outlet_id) for r in conn.execute(text("SELECT id, url, text, outlet_id FROM article"))}
        by_url = {url: body for url, body, _ in articles.values()}
        for url in soak.stored_urls:
            if by_url.get(url) != soak.posted[url]:
                problems.append(f"{url} answered stored but is {'missing' if url not in by_url else 'another text'}")
        for url, body in by_url.items():
            if url in soak.posted and soak.posted[url] != body:
                problems.append(f"{url} stored with a text never posted for it")
        mentions = conn.execute(text('SELECT id, article_id, claim_id, start, "end", text FROM mention')).fetchall()
        per_claim, per_claim_outlet = Counter(), Counter()
        terms: Counter = Counter()
        for m in mentions:
            if articles[m.article_id][1][m.start:m.end] != m.text:
                problems.append(f"mention {m.id}: its text is not article {m.article_id}'s slice")
            per_claim[m.claim_id] += 1
            per_claim_outlet[(m.claim_id, articles[m.article_id][2])] += 1
            terms.update(index_terms(m.text))
        live_disputes = Counter(r[0] for r in conn.execute(text(
            "SELECT claim_id FROM disagreement WHERE dismissed_at IS NULL")))
        for c in conn.execute(text("SELECT id, mention_count, outlet_count, disagreement_count FROM claim")):
            outlets = sum(1 for (cid, _) in per_claim_outlet if cid == c.id)
            if (c.mention_count, c.outlet_count, c.disagreement_count) != (per_claim[c.id], outlets,
                                                                             live_disputes[c.id]):
                problems.append(f"claim {c.id}: counts {c.mention_count}/{c.outlet_count}/{c.disagreement_count} "
                                f"!= recomputed {per_claim[c.id]}/{outlets}/{live_disputes[c.id]}")
        stored_rows = {(r[0], r[1]): r[2] for r in conn.execute(text(
            "SELECT claim_id, outlet_id, mention_count FROM claimoutlet"))}
        if stored_rows != dict(per_claim_outlet):
            problems.append(f"claimoutlet rows differ from their recomputation "
                            f"({len(set(stored_rows.items()) ^ set(per_claim_outlet.items()))} rows)")
        for d in conn.execute(text("SELECT d.id, d.claim_id, a.claim_id, b.claim_id FROM disagreement d "
                                   "JOIN mention a ON a.id = d.mention_a_id JOIN mention b ON b.id = d.mention_b_id "
                                   "WHERE d.dismissed_at IS NULL")):
            if not d[1] == d[2] == d[3]:
                problems.append(f"live disagreement {d[0]} of claim {d[1]} joins mentions of claims {d[2]}, {d[3]}")
        term_stat = {r[0]: r[1] for r in conn.execute(text("SELECT term, df FROM term_stat WHERE df > 0"))}
        if term_stat != dict(terms):
            differ = sorted(set(term_stat.items()) ^ set(terms.items()))
            problems.append(f"term_stat differs from the mentions' terms in {len(differ)} rows (e.g. {differ[:3]})")
        if conn.dialect.name == "sqlite":
            try:
                conn.execute(text("INSERT INTO mention_fts(mention_fts, rank) VALUES ('integrity-check', 1)"))
            except Exception as err:  # noqa: BLE001 - SQLite reports a mismatch as an error
                problems.append(f"the FTS5 index differs from the mentions: {err}")
            indexed = conn.execute(text("SELECT COUNT(*) FROM mention_fts")).scalar()
        else:
            stale = conn.execute(text("SELECT COUNT(*) FROM mention "
                                      "WHERE search_vector IS DISTINCT FROM to_tsvector('english', text)")).scalar()
            if stale:
                problems.append(f"{stale} mentions' search_vector differs from their text")
            indexed = len(mentions)
        if indexed != len(mentions):
            problems.append(f"the full-text index holds {indexed} rows for {len(mentions)} mentions")
        conn.rollback()
    engine.dispose()
    return problems


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str, workers: int, threads: int, workdir: Path) -> tuple[subprocess.Popen, str, str]:
    """Migrate a fresh store and start ``claimtrack serve`` on a free loopback port."""
    key = "soak-" + secrets.token_hex(12)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "CLAIMTRACK_API_KEYS": key,
           "CLAIMTRACK_INSTANCE_DIR": str(workdir), "CLAIMTRACK_THREADS": str(threads)}
    for budget in ("WRITES", "READS"):
        env.setdefault(f"CLAIMTRACK_RATE_LIMIT_{budget}", "1000000/minute")
    cli = [sys.executable, "-m", "api.cli"]
    if not database_url.startswith("sqlite"):
        subprocess.run(cli + ["db", "downgrade", "base"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(cli + ["db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    log = open(workdir / "server.log", "wb")
    proc = subprocess.Popen(cli + ["serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)], env=env,
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=5):
                return proc, base, key
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start; see {workdir / 'server.log'}")
            time.sleep(0.2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=0)
    ap.add_argument("--seconds", type=float, default=45, help="run length when --minutes is not given")
    ap.add_argument("--writers", type=int, default=3)
    ap.add_argument("--readers", type=int, default=2)
    ap.add_argument("--curators", type=int, default=1)
    ap.add_argument("--kill-every", type=float, default=10, help="seconds between worker kills (0: none)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--database-url", default=None, help="a database of its own (emptied); default a fresh SQLite file")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    length = args.minutes * 60 or args.seconds
    workdir = Path(tempfile.mkdtemp(prefix="claimtrack-soak-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'soak.sqlite3'}"
    proc, base, key = start_server(database_url, args.workers, args.threads, workdir)
    began = time.monotonic()
    soak = Soak(base, key, began + length, args.seed)
    roles = [soak.writer] * args.writers + [soak.reader] * args.readers + [soak.curator] * args.curators
    threads = [threading.Thread(target=soak.guarded, args=(role, i)) for i, role in enumerate(roles)]
    if args.kill_every:
        threads.append(threading.Thread(target=killer, args=(soak, proc.pid, args.kill_every)))
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(60)
    took = time.monotonic() - began
    problems = soak.violations + integrity_violations(database_url, soak)
    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(soak.statuses.items()))
    backend = database_url.split(":", 1)[0]
    print(f"soak {backend}: {took:.0f} s, {args.writers} writers, {args.readers} readers, {args.curators} curators, "
          f"{soak.kills} workers killed; {len(soak.posted)} URLs posted, {len(soak.stored_urls)} answered stored")
    print(f"  answers: {statuses}")
    for problem in problems[:30]:
        print("  VIOLATION", problem)
    print(f"soak {backend}: {len(problems)} violations")
    if not problems:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"  (store and server log kept in {workdir})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
