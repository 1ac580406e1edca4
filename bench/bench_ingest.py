#!/usr/bin/env python3
"""Benchmark article ingest (extract, match, detect, store) against a growing claim store.

    .venv/bin/python bench/bench_ingest.py [--sizes 10000,100000,1000000] [--quick]
        [--database-url URL] [--pg-database claimtrack_bench] [--articles 40]
        [--polnear DIR] [--mrpc FILE] [--semantic MODEL_DIR] [--memory [--semantic-python PY]]
        [--clients 2]

Targets (from the issue): at least 50 articles/s at 100k claims on SQLite with the default
install; per-article time at 1M claims within 1.5x of the time at 10k; a serving worker with the
default install stays under 150 MB.

1. Fill: a fresh database (a SQLite file under /tmp by default; with ``--database-url
   postgresql://...`` the database ``--pg-database``, default ``claimtrack_bench``, is dropped and
   created on that server - never ``test``, which the test suite owns) is migrated and filled
   with N claims by batched SQLAlchemy core inserts (not the ingest path). Each claim has one
   mention in a synthetic article (8 mentions per article) of one of 400 synthetic outlets,
   published between 2014 and 2024; about a quarter are quotations with a speaker. The mention
   sentences are spliced from real news sentences (PolNeAR texts not used for measuring, and
   MRPC): the first part of one sentence with the rest of another, numbers swapped, all
   distinct. Claim counts, dates and claimoutlet rows are written consistent with the mentions.
   The full-text index fills itself (SQLite triggers; PostgreSQL generated column + GIN); each
   mention's vector (``mention_vector``) is stored as ingest stores it.
   PostgreSQL gets VACUUM ANALYZE after each fill (what autovacuum would do); SQLite is left as
   the default install leaves it (no ANALYZE).
2. Measure: ``--articles`` PolNeAR texts (held out of the fill) are ingested in-process through
   ``api.services.articles.ingest``, one UnitOfWork per article as the API does, with fresh URLs.
   Pipeline caches are cleared first, so every size sees the same (cold) texts. Afterwards the
   measured articles are deleted again (mentions, disagreements, claims they created; the claims
   they joined are refreshed), so sizes do not skew each other. Sizes grow the same database.
   ``search_ms`` is the time spent in candidate retrieval per article (full-text lookups and
   loading the candidates); ``shares`` splits the total between extraction, retrieval, vectors
   (embedding the article's mentions, reading the window's vectors, the nearest) and the
   matcher's pair scores (the rest is shortlisting, writes, detection and the response).
   With ``--clients N`` (default 2, as many as the server's default workers; 1 turns it off)
   the same articles are then ingested again by N processes side by side, forked after the
   pipeline is built as gunicorn forks its workers, each taking the next article from a shared
   queue: ``articles_per_s`` there is articles per wall-clock second (throughput), while the
   single-client line's is one client's rate (1 / mean time per article).
   The ``matcher=lexical-copies`` line measures the same articles ingested again as another
   outlet's copies an hour later (wire stories republished): every mention joins a stored
   claim, so detection and the joined claims' upkeep run for each (skip with ``--no-copies``).
3. ``--semantic MODEL_DIR`` repeats each measurement with the embedding matcher (needs
   sentence-transformers in the running interpreter, e.g. .venv-semantic/bin/python).
4. ``--memory`` starts ``claimtrack serve`` (1 worker, a small fresh SQLite db), posts 20
   articles and makes some reads, then prints the worker's peak RSS (VmHWM). With ``--semantic``
   and ``--semantic-python PY`` also for a server with the embedding model.

Output: one line per measurement, then a summary with the 1M/10k (largest/smallest) ratio.
"""
from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from api.db import UnitOfWork, is_sqlite, make_engine, normalise_url  # noqa: E402
from api.migrate import upgrade  # noqa: E402
from api.models import Article, Claim, ClaimOutlet, Disagreement, Mention, MentionVector, Outlet  # noqa: E402
from api.pipeline.embedding import StaticEmbedder  # noqa: E402
from api.services.search import count_terms  # noqa: E402
from api.services.vectors import vector_rows  # noqa: E402

WORK = Path("/tmp/bench_work")
BATCH = 5000
MENTIONS_PER_ARTICLE = 8
N_OUTLETS = 400
FILL_PROVENANCE = "bench-fill"
DATE0 = datetime(2014, 1, 1, tzinfo=timezone.utc)
DATE_SPAN_DAYS = 11 * 365

FIRST = ("John Mary James Linda Robert Susan Michael Karen David Nancy Paul Lisa Mark Sarah Kevin Laura "
         "Brian Amy Eric Anna Frank Julia Peter Rachel Scott Helen Ahmed Fatima Carlos Elena").split()
LAST = ("Smith Johnson Brown Garcia Miller Davis Wilson Moore Taylor Thomas Jackson White Harris Martin "
        "Thompson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell "
        "Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy").split()


# --------------------------------------------------------------------------- sentences

_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z])")
_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def polnear_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def split_measure_fill(files: list[Path], n_measure: int) -> tuple[list[Path], list[Path]]:
    """Every other file (spread over the outlets) is measured, up to ``n_measure``; the rest fills."""
    measure = files[::2][:n_measure]
    if len(measure) < n_measure:
        measure += [f for f in files[1::2]][: n_measure - len(measure)]
    chosen = set(measure)
    return measure, [f for f in files if f not in chosen]


def corpus_sentences(polnear: list[Path], mrpc: Path | None) -> list[str]:
    """Distinct news sentences of 6..60 words."""
    out: list[str] = []
    for p in polnear:
        for para in p.read_text(encoding="utf-8").splitlines():
            out.extend(_SENT_SPLIT.split(para.strip()))
    if mrpc and mrpc.is_file():
        with mrpc.open(encoding="utf-8-sig") as fh:
            next(fh, None)
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 5:
                    out.extend(cols[3:5])
    seen, sentences = set(), []
    for s in out:
        s = " ".join(s.split())
        n = len(s.split())
        if 6 <= n <= 60 and s not in seen:
            seen.add(s)
            sentences.append(s)
    return sentences


class SentenceFactory:
    """Distinct realistic sentences: the head of one real sentence spliced onto the tail of
    another, numbers swapped at random."""

    def __init__(self, sentences: list[str], seed: int = 7):
        self.rng = random.Random(seed)
        self.heads, self.tails = [], []
        for s in sentences:
            words = s.split()
            n = len(words)
            k = max(2, min(n - 2, int(n * self.rng.uniform(0.4, 0.6))))
            self.heads.append(" ".join(words[:k]))
            self.tails.append(" ".join(words[k:]))
        self.seen: set[int] = set()

    def _number(self, m: re.Match) -> str:
        if self.rng.random() < 0.5:
            return m.group(0)
        digits = re.sub(r"\D", "", m.group(0))
        n = self.rng.randint(1, 10 ** min(len(digits), 6) - 1) if digits else self.rng.randint(1, 99)
        if "." in m.group(0) and len(digits) > 1:
            return f"{n / 10:.1f}"
        return f"{n:,}" if n >= 10000 and "," in m.group(0) else str(n)

    def make(self) -> str:
        rng = self.rng
        while True:
            head = self.heads[rng.randrange(len(self.heads))]
            tail = self.tails[rng.randrange(len(self.tails))]
            s = _NUM.sub(self._number, f"{head} {tail}")
            if s[-1] not in ".!?\"”’":
                s += "."
            h = hash(s)
            if h not in self.seen:
                self.seen.add(h)
                return s


# --------------------------------------------------------------------------- database

def prepare_database(args) -> str:
    """A fresh, migrated database; returns its URL."""
    if args.database_url and not args.database_url.startswith("sqlite"):
        server = make_url(normalise_url(args.database_url))
        name = args.pg_database
        if name == "test":
            sys.exit(f"refusing to drop database {name!r}: choose another with --pg-database")
        admin = make_engine(server.render_as_string(hide_password=False))
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = server.set(database=name).render_as_string(hide_password=False)
    else:
        path = Path(make_url(args.database_url).database) if args.database_url else WORK / "bench_ingest.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    upgrade(url)
    return url


class Filler:
    """Bulk inserts of synthetic outlets, articles, claims, mentions and claimoutlet rows."""

    def __init__(self, engine, factory: SentenceFactory, seed: int = 11):
        self.engine = engine
        self.factory = factory
        self.rng = random.Random(seed)
        self.claims = 0
        self.outlets: list[int] = []
        self.sqlite = is_sqlite(engine)
        self.embedder = StaticEmbedder.load()

    def _next_id(self, conn, table) -> int:
        return (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1

    def _ensure_outlets(self) -> None:
        if self.outlets:
            return
        now = datetime.now(timezone.utc)
        with self.engine.begin() as conn:
            conn.execute(Outlet.__table__.insert(), [
                {"slug": f"bench-outlet-{i:03d}", "name": f"Bench Outlet {i:03d}",
                 "domain": f"outlet{i:03d}.bench.example", "created_at": now} for i in range(N_OUTLETS)])
            self.outlets = list(conn.execute(select(Outlet.__table__.c.id)
                                             .where(Outlet.__table__.c.slug.like("bench-outlet-%"))
                                             .order_by(Outlet.__table__.c.id)).scalars())

    def fill_to(self, target: int) -> float:
        """Insert claims until ``target`` exist; returns the seconds taken."""
        t0 = time.perf_counter()
        self._ensure_outlets()
        at, ct, mt, ot = (Article.__table__, Claim.__table__, Mention.__table__, ClaimOutlet.__table__)
        rng, make = self.rng, self.factory.make
        now = datetime.now(timezone.utc)
        while self.claims < target:
            n = min(BATCH, target - self.claims)
            with self.engine.begin() as conn:
                art_id, claim_id, mention_id = (self._next_id(conn, at), self._next_id(conn, ct),
                                                self._next_id(conn, mt))
                arts, claims, mentions, cos = [], [], [], []
                done = 0
                while done < n:
                    k = min(MENTIONS_PER_ARTICLE, n - done)
                    outlet = self.outlets[rng.randrange(len(self.outlets))]
                    published = DATE0 + timedelta(days=rng.randrange(DATE_SPAN_DAYS),
                                                  seconds=rng.randrange(86400))
                    parts, pos = [], 0
                    for _ in range(k):
                        s = make()
                        quote = rng.random() < 0.25
                        speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}" if quote else None
                        start, end = pos, pos + len(s)
                        parts.append(s)
                        pos = end + 1
                        kind = "quotation" if quote else "statement"
                        claims.append({"id": claim_id, "text": s, "kind": kind, "speaker": speaker,
                                       "mention_count": 1, "outlet_count": 1, "disagreement_count": 0,
                                       "first_seen": published, "last_seen": published,
                                       "first_outlet_id": outlet, "merged_into_id": None, "created_at": now})
                        mentions.append({"id": mention_id, "article_id": art_id, "claim_id": claim_id,
                                         "start": start, "end": end, "text": s, "is_quote": quote,
                                         "speaker": speaker, "speaker_role": None, "kind": kind,
                                         "checkworthiness": None, "quote_spans": [[start, end]] if quote else [],
                                         "provenance": FILL_PROVENANCE, "provenance_version": None,
                                         "match_score": None, "pinned": False, "created_at": now})
                        cos.append({"claim_id": claim_id, "outlet_id": outlet, "mention_count": 1,
                                    "first_seen": published})
                        claim_id += 1
                        mention_id += 1
                    body = " ".join(parts)
                    arts.append({"id": art_id, "outlet_id": outlet,
                                 "url": f"https://fill.bench.example/{outlet}/{art_id}",
                                 "title": " ".join(parts[0].split()[:8]), "published_at": published,
                                 "language": "en", "text": body,
                                 "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                                 "extractor": FILL_PROVENANCE, "extractor_version": "-",
                                 "attribution": True, "ingested_at": now})
                    art_id += 1
                    done += k
                conn.execute(at.insert(), arts)
                conn.execute(ct.insert(), claims)
                conn.execute(mt.insert(), mentions)
                conn.execute(ot.insert(), cos)
                count_terms(conn, (m["text"] for m in mentions))  # as ingest does, for candidate retrieval
                # each mention's vector, as ingest stores it (one embed per batch here)
                vecs = self.embedder.embed([m["text"] for m in mentions])
                published_of = {a["id"]: a["published_at"] for a in arts}
                conn.execute(MentionVector.__table__.insert(), [
                    row for m, v in zip(mentions, vecs)
                    for row in vector_rows([m["id"]], published_of[m["article_id"]], v[None, :])])
            self.claims += n
        if not self.sqlite:
            with self.engine.begin() as conn:
                for table in ("outlet", "article", "claim", "mention"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                      f"(SELECT max(id) FROM {table}))"))
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        return time.perf_counter() - t0


# --------------------------------------------------------------------------- measuring

OUTLET_DOMAINS = {"breitbart": "breitbart.com", "huff-post": "huffpost.com", "nyt": "nytimes.com",
                  "politico": "politico.com", "usa-today": "usatoday.com", "wash-post": "washingtonpost.com",
                  "west-journal": "westernjournalism.com"}


def article_payloads(files: list[Path], run: str) -> list[dict]:
    out = []
    for p in files:
        body = p.read_text(encoding="utf-8")
        prefix, _, rest = p.stem.partition("_")
        date = re.match(r"\d{4}-\d{2}-\d{2}", rest)
        published = (datetime.strptime(date.group(0), "%Y-%m-%d").replace(tzinfo=timezone.utc, hour=12)
                     if date else datetime(2016, 10, 1, tzinfo=timezone.utc))
        domain = OUTLET_DOMAINS.get(prefix.lower(), f"{prefix.lower()}.example")
        out.append({"outlet": {"name": prefix, "domain": domain},
                    "url": f"https://{domain}/bench/{run}/{p.stem}",
                    "title": body.strip().splitlines()[0][:900] or p.stem,
                    "published_at": published, "language": "en", "text": body})
    return out


def clear_caches(comps) -> None:
    """Empty the pipeline's memo caches so every measurement starts cold for its texts."""
    for name, mod in list(sys.modules.items()):
        if not name.startswith("api.") or mod is None:
            continue
        for obj in list(vars(mod).values()):
            try:
                clearable = callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == name
            except RuntimeError:  # Flask's request/g proxies outside a request
                continue
            if clearable:
                if name.endswith(".model") and getattr(obj, "__name__", "") == "load_params":
                    continue
                obj.cache_clear()
    emb = getattr(comps.matcher, "_embedder", None)
    if emb is not None and hasattr(emb, "_cache"):
        emb._cache.clear()


class StageTimer:
    """Times the stages of ingest by wrapping them: ``search`` (candidate retrieval: the
    full-text lookups and loading the candidates), ``score`` (the matcher's pair scores) and
    ``extract`` (the extractor, wrapped per Components with ``watch``), and ``vectors`` (embedding
    the article's mentions, reading the window's stored vectors and finding the nearest)."""

    def __init__(self):
        from api.pipeline.embedding import StaticEmbedder
        from api.pipeline.match import Matcher
        from api.services.retrieval import CandidateFinder
        from api.services.vectors import VectorWindow
        self.seconds: dict[str, float] = {"search": 0.0, "score": 0.0, "extract": 0.0, "vectors": 0.0}
        for name in ("find", "load"):
            setattr(CandidateFinder, name, self._timed("search", getattr(CandidateFinder, name)))
        Matcher.score = self._timed("score", Matcher.score)
        StaticEmbedder.embed = self._timed("vectors", StaticEmbedder.embed)
        VectorWindow.read = classmethod(self._timed("vectors", VectorWindow.read.__func__))
        VectorWindow.neighbours = self._timed("vectors", VectorWindow.neighbours)

    def watch(self, comps) -> None:
        """Time this Components' extractor too."""
        if not getattr(comps.extract, "_bench_timed", False):
            comps.extract = self._timed("extract", comps.extract)
            comps.extract._bench_timed = True

    def _timed(self, stage: str, original):
        @functools.wraps(original)
        def timed(*a, **kw):
            t0 = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                self.seconds[stage] += time.perf_counter() - t0
        return timed

    def take(self) -> dict[str, float]:
        out = dict(self.seconds)
        self.seconds = dict.fromkeys(self.seconds, 0.0)
        return out


def remove_articles(engine, article_ids: list[int]) -> None:
    """Delete measured articles and what they added; claims they joined get their fields back."""
    from api.services.claim_stats import refresh_claims
    if not article_ids:
        return
    with UnitOfWork(engine) as uow:
        s = uow.session
        rows = s.execute(select(Mention.id, Mention.claim_id).where(Mention.article_id.in_(article_ids))).all()
        mids = [r[0] for r in rows]
        cids = {r[1] for r in rows}
        for i in range(0, len(mids), 500):
            chunk = mids[i:i + 500]
            cids |= set(s.execute(select(Disagreement.claim_id).where(
                Disagreement.mention_a_id.in_(chunk) | Disagreement.mention_b_id.in_(chunk))).scalars())
            s.execute(delete(Disagreement).where(Disagreement.mention_a_id.in_(chunk) |
                                                 Disagreement.mention_b_id.in_(chunk)))
            s.execute(delete(MentionVector).where(MentionVector.mention_id.in_(chunk)))
            s.execute(delete(Mention).where(Mention.id.in_(chunk)))
        s.execute(delete(Article).where(Article.id.in_(article_ids)))
        refresh_claims(s, cids)


def pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def measure(engine, comps, settings, payloads: list[dict], timer: StageTimer) -> dict:
    from api.services.articles import ingest
    clear_caches(comps)
    timer.watch(comps)
    gc.collect()
    timer.take()
    times, search, ids, mentions, new_claims = [], [], [], 0, 0
    stages = {"search": 0.0, "score": 0.0, "extract": 0.0, "vectors": 0.0}
    with engine.connect() as conn:
        claims_before = conn.execute(select(func.count()).select_from(Claim.__table__)).scalar()
    for data in payloads:
        t0 = time.perf_counter()
        with UnitOfWork(engine) as uow:
            detail, created = ingest(uow.session, comps, settings, dict(data))
        times.append(time.perf_counter() - t0)
        took = timer.take()
        search.append(took["search"])
        for k, v in took.items():
            stages[k] += v
        if not created:
            raise RuntimeError(f"article {data['url']} was already stored")
        ids.append(detail.id)
        mentions += len(detail.mentions)
    with engine.connect() as conn:
        new_claims = conn.execute(select(func.count()).select_from(Claim.__table__)).scalar() - claims_before
        disagreements = conn.execute(select(func.count()).select_from(Disagreement.__table__)).scalar()
    remove_articles(engine, ids)
    return {"articles": len(times), "median_ms": statistics.median(times) * 1000,
            "p95_ms": pct(times, 0.95) * 1000, "articles_per_s": len(times) / sum(times),
            "search_ms": statistics.median(search) * 1000, "search_share": sum(search) / sum(times),
            "shares": {k: v / sum(times) for k, v in stages.items()},
            "mentions": mentions, "joined": mentions - new_claims, "disagreements": disagreements}


def copies_of(payloads: list[dict]) -> list[dict]:
    """The same articles as another outlet's copies an hour later (as wire stories are
    republished): every mention states a claim stored already."""
    return [dict(p, url=p["url"] + "-copy", published_at=p["published_at"] + timedelta(hours=1),
                 outlet={"name": "Copy of " + p["outlet"]["name"], "domain": "copy." + p["outlet"]["domain"]})
            for p in payloads]


def measure_copies(engine, comps, settings, payloads: list[dict], timer: StageTimer) -> dict:
    """Per-article ingest of copies: ``payloads`` are ingested first (not measured), then
    ``copies_of`` them are measured as ``measure`` measures; both are removed afterwards."""
    from api.services.articles import ingest
    originals = []
    for data in payloads:
        with UnitOfWork(engine) as uow:
            originals.append(ingest(uow.session, comps, settings, dict(data))[0].id)
    try:
        return measure(engine, comps, settings, copies_of(payloads), timer)
    finally:
        remove_articles(engine, originals)


def _client_share(url: str, comps, settings, payloads: list[dict], queue, conn) -> None:
    """One client process: ingest the articles whose index it takes from ``queue`` (as workers
    take requests) until it is empty, send back (ids, times, mentions)."""
    import queue as queue_mod
    from api.services.articles import ingest
    engine = make_engine(url)
    ids, times, mentions = [], [], 0
    try:
        while True:
            try:
                data = payloads[queue.get_nowait()]
            except queue_mod.Empty:
                break
            t0 = time.perf_counter()
            with UnitOfWork(engine) as uow:
                detail, _ = ingest(uow.session, comps, settings, dict(data))
            times.append(time.perf_counter() - t0)
            ids.append(detail.id)
            mentions += len(detail.mentions)
        conn.send((ids, times, mentions, None))
    except Exception as exc:  # reported by the parent
        conn.send((ids, times, mentions, repr(exc)))
    finally:
        engine.dispose()
        conn.close()


def measure_clients(engine, comps, settings, payloads: list[dict], clients: int) -> dict:
    """Throughput with ``clients`` processes ingesting side by side (forked after the pipeline is
    built, as gunicorn forks its workers): articles per wall-clock second."""
    import multiprocessing as mp
    clear_caches(comps)
    gc.collect()
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    with engine.connect() as conn:
        claims_before = conn.execute(select(func.count()).select_from(Claim.__table__)).scalar()
    engine.dispose()
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    for i in range(len(payloads)):
        queue.put(i)
    time.sleep(0.2)  # let the feeder thread fill the queue
    procs, pipes = [], []
    t0 = time.perf_counter()
    for i in range(clients):
        parent, child = ctx.Pipe(duplex=False)
        p = ctx.Process(target=_client_share, args=(url, comps, settings, payloads, queue, child))
        p.start()
        procs.append(p)
        pipes.append(parent)
    ids, times, mentions, errors = [], [], 0, []
    for parent in pipes:
        got_ids, got_times, got_mentions, err = parent.recv()
        ids += got_ids
        times += got_times
        mentions += got_mentions
        if err:
            errors.append(err)
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    if errors:
        raise RuntimeError(f"client failed: {errors}")
    with engine.connect() as conn:
        new_claims = conn.execute(select(func.count()).select_from(Claim.__table__)).scalar() - claims_before
    remove_articles(engine, ids)
    return {"articles": len(times), "median_ms": statistics.median(times) * 1000, "p95_ms": pct(times, 0.95) * 1000,
            "articles_per_s": len(times) / wall, "mentions": mentions, "joined": mentions - new_claims}


def fmt_clients(backend: str, matcher: str, size: int, clients: int, r: dict) -> str:
    return (f"{backend} matcher={matcher} claims={size} clients={clients} articles={r['articles']} "
            f"median_ms={r['median_ms']:.1f} p95_ms={r['p95_ms']:.1f} articles_per_s={r['articles_per_s']:.1f} "
            f"mentions={r['mentions']} joined_existing={r['joined']}")


def fmt(backend: str, matcher: str, size: int, r: dict, fill_s: float | None) -> str:
    return (f"{backend} matcher={matcher} claims={size} articles={r['articles']} median_ms={r['median_ms']:.1f} "
            f"p95_ms={r['p95_ms']:.1f} articles_per_s={r['articles_per_s']:.1f} "
            f"search_median_ms={r['search_ms']:.1f} "
            f"shares: extract={r['shares']['extract']:.0%} search={r['search_share']:.0%} score={r['shares']['score']:.0%} "
            f"vectors={r['shares']['vectors']:.0%} "
            f"mentions={r['mentions']} joined_existing={r['joined']} disagreements={r['disagreements']}"
            + (f" fill_s={fill_s:.1f}" if fill_s is not None else ""))


# --------------------------------------------------------------------------- serving memory

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _proc_status(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, val = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(val.split()[0])
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, val = line.partition(":")
            if key in ("Pss", "Private_Clean", "Private_Dirty"):
                out[key] = int(val.split()[0])
    except OSError:
        pass
    return out


def _children(pid: int) -> list[int]:
    kids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


def _http(method: str, url: str, body: dict | None = None, key: str | None = None) -> tuple[int, dict | None]:
    data = json.dumps(body, default=str).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, None


def serve_memory(label: str, command: list[str], extra_env: dict, payloads: list[dict]) -> str:
    tmp = Path(tempfile.mkdtemp(prefix="mem_", dir=WORK))
    db_url = f"sqlite:///{tmp / 'serve.sqlite3'}"
    upgrade(db_url)
    port = _free_port()
    env = {**os.environ, "CLAIMTRACK_BIND": f"127.0.0.1:{port}", "CLAIMTRACK_WORKERS": "1",
           "DATABASE_URL": db_url, "CLAIMTRACK_INSTANCE_DIR": str(tmp), "CLAIMTRACK_API_KEYS": "benchkey",
           "CLAIMTRACK_LOG_LEVEL": "warning", **extra_env}
    if "CLAIMTRACK_EMBEDDING_MODEL" not in extra_env:
        env.pop("CLAIMTRACK_EMBEDDING_MODEL", None)
    log = (tmp / "server.log").open("w")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 180
        while True:
            if proc.poll() is not None:
                log.flush()
                tail = " | ".join((tmp / "server.log").read_text().strip().splitlines()[-3:])
                return f"memory {label}: server exited with {proc.returncode}: {tail}"
            try:
                if _http("GET", base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                return f"memory {label}: no /health after 180 s"
            time.sleep(0.3)
        t0 = time.perf_counter()
        statuses, ids = [], []
        for data in payloads:
            status, body = _http("POST", base + "/v1/articles", {**data, "published_at": data["published_at"].isoformat()},
                                 key="benchkey")
            statuses.append(status)
            if body:
                ids.append(body["id"])
        post_s = time.perf_counter() - t0
        reads = ["/v1/claims?limit=100", "/v1/claims?limit=100&sort=-mention_count", "/v1/claims?q=clinton",
                 "/v1/articles?limit=100", "/v1/disagreements?limit=100", "/v1/outlets"]
        reads += [f"/v1/articles/{i}" for i in ids]
        read_status = [_http("GET", base + r)[0] for r in reads]
        workers = _children(proc.pid)
        if not workers:
            return f"memory {label}: no worker process found under {proc.pid}"
        w = _proc_status(workers[0])
        m = _proc_status(proc.pid)
        return (f"memory {label}: worker_peak_rss_mb={w['VmHWM'] / 1024:.1f} worker_rss_mb={w['VmRSS'] / 1024:.1f} "
                f"worker_pss_mb={w.get('Pss', 0) / 1024:.1f} "
                f"worker_private_mb={(w.get('Private_Clean', 0) + w.get('Private_Dirty', 0)) / 1024:.1f} "
                f"master_peak_rss_mb={m['VmHWM'] / 1024:.1f} posts={len(payloads)} "
                f"post_status={sorted(set(statuses))} post_s={post_s:.1f} reads={len(reads)} "
                f"read_status={sorted(set(read_status))}")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


def site_packages(python: str) -> list[str]:
    """The site-packages folders of another interpreter (e.g. the semantic venv's)."""
    out = subprocess.run([python, "-c", "import site, json; print(json.dumps(site.getsitepackages()))"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def has_app_deps(python: str) -> bool:
    """Whether ``python`` can run the web app itself (the semantic venv may hold only torch/ST)."""
    return subprocess.run([python, "-c", "import flask, flask_smorest, sqlmodel, gunicorn, marshmallow"],
                          capture_output=True, cwd=ROOT).returncode == 0


# --------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="claim-store sizes, ascending")
    ap.add_argument("--quick", action="store_true", help="sizes 2000,20000 and 20 articles (a smoke run)")
    ap.add_argument("--database-url", default=None,
                    help="sqlite:///FILE (recreated) or a PostgreSQL server URL (see --pg-database)")
    ap.add_argument("--pg-database", default="claimtrack_bench",
                    help="PostgreSQL database to DROP and create for the run (never 'test')")
    ap.add_argument("--articles", type=int, default=40, help="PolNeAR articles ingested per size")
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "eval" / "polnear-dev" / "text"))
    ap.add_argument("--mrpc", default=str(ROOT.parent / "shared" / "eval" / "mrpc" / "msr_paraphrase_train.txt"))
    ap.add_argument("--semantic", default=None, metavar="MODEL_DIR", help="also measure the embedding matcher")
    ap.add_argument("--detect-off", action="store_true",
                    help="also measure with disagreement detection switched off (matcher=lexical-nodetect)")
    ap.add_argument("--semantic-python", default=None, metavar="PY",
                    help="interpreter with sentence-transformers for the --memory semantic server")
    ap.add_argument("--no-copies", action="store_true",
                    help="skip measuring copies (the measured articles again, from another outlet an hour later)")
    ap.add_argument("--memory", action="store_true", help="peak RSS of a serving worker")
    ap.add_argument("--no-ingest", action="store_true", help="skip the fill/measure part (e.g. with --memory)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--clients", type=int, default=2,
                    help="also measure throughput with this many client processes side by side "
                         "(the default server runs 2 workers; 1 turns it off)")
    args = ap.parse_args()
    if args.quick:
        args.sizes = "2000,20000"
        args.articles = min(args.articles, 20)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())

    WORK.mkdir(parents=True, exist_ok=True)
    files = polnear_files(Path(args.polnear))
    if not files:
        sys.exit(f"no PolNeAR texts at {args.polnear}")
    measure_files, fill_files = split_measure_fill(files, args.articles)
    run = datetime.now().strftime("%Y%m%d%H%M%S") + f"-{os.getpid()}"
    payloads = article_payloads(measure_files, run)

    results: dict[tuple[str, int], dict] = {}
    if not args.no_ingest:
        from api.config import load_settings
        from api.runtime import tune_gc
        from api.services.components import build_components

        settings = load_settings().replace(embedding_model=None)
        url = prepare_database(args)
        engine = make_engine(url)
        backend = "sqlite" if is_sqlite(engine) else "postgresql"
        t0 = time.perf_counter()
        factory = SentenceFactory(corpus_sentences(fill_files, Path(args.mrpc)), seed=args.seed)
        print(f"# {backend} db={make_url(normalise_url(url)).render_as_string()} source_sentences={len(factory.heads)} "
              f"measured_articles={len(payloads)} (held out of the fill) corpus_s={time.perf_counter() - t0:.1f}",
              flush=True)
        filler = Filler(engine, factory, seed=args.seed + 4)
        comps = {"lexical": build_components(settings)}
        if args.detect_off:
            comps["lexical-nodetect"] = build_components(settings.replace(detect_disagreements=False))
        if args.semantic:
            if importlib.util.find_spec("sentence_transformers") is None and args.semantic_python:
                # The semantic venv may hold only torch/sentence-transformers (same versions of the
                # packages both venvs share): borrow them, after this interpreter's own packages.
                sys.path.extend(p for p in site_packages(args.semantic_python) if p not in sys.path)
                importlib.invalidate_caches()
                print(f"# semantic: sentence-transformers borrowed from {args.semantic_python}", flush=True)
            if importlib.util.find_spec("sentence_transformers") is None:
                print("# semantic run skipped: sentence_transformers is not importable in "
                      f"{sys.executable} (run this script with the semantic venv's python)", flush=True)
            else:
                comps["semantic"] = build_components(settings.replace(embedding_model=args.semantic))
        timer = StageTimer()
        # Warm-up (imports, regexes, connection pool) with texts that are not measured.
        warm = article_payloads(fill_files[:2], run + "-warm")
        for name, c in comps.items():
            measure(engine, c, settings, [dict(p, url=p["url"] + "-" + name) for p in warm], timer)
        tune_gc(settings.gc_threshold)  # (as gunicorn's master does for its workers)
        for size in sizes:
            fill_s = filler.fill_to(size)
            first = True
            for name, c in comps.items():
                tagged = [dict(p, url=f"{p['url']}-{size}-{name}") for p in payloads]
                r = measure(engine, c, settings.replace(embedding_model=args.semantic if name == "semantic" else None),
                            tagged, timer)
                results[(name, size)] = r
                print(fmt(backend, name, size, r, fill_s if first else None), flush=True)
                first = False
                if name == "lexical" and not args.no_copies:
                    tagged = [dict(p, url=f"{p['url']}-{size}-{name}-orig") for p in payloads]
                    rcopy = measure_copies(engine, c, settings, tagged, timer)
                    print(fmt(backend, name + "-copies", size, rcopy, None), flush=True)
                if args.clients > 1 and name == "lexical":
                    tagged = [dict(p, url=f"{p['url']}-{size}-{name}-clients") for p in payloads]
                    rc = measure_clients(engine, c, settings, tagged, args.clients)
                    results[(name + "-clients", size)] = rc
                    print(fmt_clients(backend, name, size, args.clients, rc), flush=True)
        if len(sizes) > 1:
            lo, hi = sizes[0], sizes[-1]
            for name in comps:
                a, b = results[(name, lo)], results[(name, hi)]
                print(f"summary {backend} matcher={name} median_ratio_{hi}/{lo}={b['median_ms'] / a['median_ms']:.2f} "
                      f"p95_ratio={b['p95_ms'] / a['p95_ms']:.2f} "
                      f"search_ratio={b['search_ms'] / max(a['search_ms'], 1e-9):.2f} "
                      f"(target <= 1.5 for 1M/10k)", flush=True)
            for name in comps:
                for size in sizes:
                    if size == 100000 and backend == "sqlite":
                        r = results[(name, size)]
                        ok = "meets" if r["articles_per_s"] >= 50 else "misses"
                        print(f"summary sqlite matcher={name} claims=100000 articles_per_s={r['articles_per_s']:.1f} "
                              f"{ok} the >= 50 target (one client)", flush=True)
                        rc = results.get((name + "-clients", size))
                        if rc:
                            ok = "meets" if rc["articles_per_s"] >= 50 else "misses"
                            print(f"summary sqlite matcher={name} claims=100000 clients={args.clients} "
                                  f"articles_per_s={rc['articles_per_s']:.1f} {ok} the >= 50 target", flush=True)
        engine.dispose()

    if args.memory:
        mem_payloads = article_payloads(files[:20], run + "-mem")
        print(serve_memory("default", [str(ROOT / ".venv" / "bin" / "claimtrack"), "serve"], {}, mem_payloads),
              flush=True)
        if args.semantic:
            if not args.semantic_python:
                print("memory semantic: skipped (give --semantic-python PY, an interpreter with sentence-transformers)")
            else:
                env = {"CLAIMTRACK_EMBEDDING_MODEL": args.semantic}
                if has_app_deps(args.semantic_python):
                    command, how = [args.semantic_python, "-m", "api.cli", "serve"], args.semantic_python
                else:  # run the default install with the semantic venv's packages on PYTHONPATH
                    command = [str(ROOT / ".venv" / "bin" / "claimtrack"), "serve"]
                    env["PYTHONPATH"] = os.pathsep.join(site_packages(args.semantic_python))
                    how = f".venv + PYTHONPATH={env['PYTHONPATH']}"
                print(f"# memory semantic server: {how}", flush=True)
                print(serve_memory("semantic", command, env, mem_payloads), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
