#!/usr/bin/env python3
"""How small can candidate retrieval be before matching loses matches? (MRPC train, 100k-claim store)

    .venv/bin/python bench/retrieval_recall.py --store STORE.sqlite3 [--pairs N]
        [--work /tmp/recall] [--seed 13] [--mrpc FILE] [--no-vectors]

STORE is a claim store that bench_ingest.py filled and left behind, e.g. after
``bench/bench_ingest.py --sizes 100000 --clients 1 --database-url sqlite:////tmp/store100k.sqlite3``
(delete its -wal and -shm files first if a run was interrupted).

Why: ingest time at a large store is mostly candidate retrieval (full-text postings, loading
candidate rows) and the matcher's pair scores. ``MATCH_TERM_BUDGET`` (postings read per mention),
``MATCH_CANDIDATES`` (candidates loaded), ``MATCH_SCORED`` (shortlist length) and the matcher's
``shortlist_min_ratio`` set that cost. Shrinking them is only safe if the stored mention that
states the same claim still reaches the matcher. This script measures exactly that.

What it does:

1. Copies ``--store`` (the main SQLite file only; the original is only read) to
   ``--work``/store.sqlite3 and ingests into the copy the *second* sentence of every MRPC train
   pair (each distinct sentence once) as client-given mentions, 40 per article, through
   ``api.services.articles.ingest`` with one UnitOfWork per article, as the API would. Each pair
   is mapped to the stored mention whose text equals its sentence 2.
2. For each pair (or ``--pairs N`` of them, sampled with ``--seed``), sentence 1 is a new
   mention (no speaker, not a quote) queried in one read-only transaction on the copy
   (rolled back at the end), mirroring ``matching.plan_mentions`` for a single mention:

   * ``matcher_same``: ``comps.matcher.score(s1, stored s2)`` - the matcher's verdict if
     retrieval were perfect. Gold labels are kept too.
   * retrieval: ``CandidateFinder(session, budget, None).find([search_terms(s1, 12)], 100).ranked``
     for each budget; the 1-based rank of s2's mention (or a miss) and the postings fetched.
   * shortlist: for each candidate limit k the top k are loaded (``finder.load``), ordered as
     ``plan_mentions`` orders its pool (weight, then newest first), and
     ``matching.shortlist(s1, candidates, keep, min_ratio)`` is run for each keep and min_ratio;
     s2's mention survives or not. ``e2e`` goes on to ``_decide``'s rule (best ``same_claim``
     score among the shortlist) and checks the mention joins s2's claim.

The store's fill (bench_ingest) splices the head of one real sentence onto the tail of another,
and its sentences come mostly from MRPC train itself: every pair's s1 and s2 have dozens of
"clones" in the store (fill mentions holding half of the sentence verbatim), which compete with
s2 for candidate and shortlist slots and, by inflating the words' document frequencies, make
fewer rare words fit the budget. A real store rarely holds such half-copies, so each figure is
also given for a *clone-free* emulation: the same ranked list with the pair's clones (fill
mentions sharing a run of ``CLONE_RUN`` words with s1 or s2) removed before the top k are taken.
(The word choice and weights still see the clones' document frequencies.)

The vector path (skipped with ``--no-vectors``): the copy is migrated and its mentions without a
vector are backfilled (``services.vectors.backfill``; a store filled before vectors were kept
has none), and the s2 ingest stores theirs. Then for each pair, at the current settings, s1's
nearest stored vectors are looked up in the window around s2's article as ingest would
(``CLAIMTRACK_VECTOR_*``), added to the current full-text candidates, shortlisted with the
vector lane (``matching._scored``) and decided (``matching._decide``, days apart unknown as in
the lexical e2e): ``e2e`` of the hybrid is the share of ``matcher_same`` pairs whose s1 then joins
s2's claim (store and clone-free views), beside the lexical figure at the current settings.

Reported per (budget, k, keep, min_ratio): recall of s2 among ``matcher_same`` pairs (the number
that matters: a match the matcher would accept, lost by retrieval), how many of the pairs the
current settings keep are lost / newly kept, recall among gold-positive pairs, e2e joins among
``matcher_same`` pairs, and the cost per query: postings fetched, candidates loaded, pairs the
matcher would score, and the mean ms of retrieval+load+shortlist (shortlist caches cleared before
each call, so candidates are processed cold; SQLite pages are warm after the first query) and
that plus the shortlist's matcher scores (``+score``, at the mean measured ms per score). Then
the Pareto-cheapest combinations that lose at most 0.5% (and none) of the matcher_same pairs the
current settings keep, and why the current settings lose the pairs they lose. The current
settings are marked ``*``. Only MRPC *train* is read; the full run takes about 2 minutes.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from api.config import load_settings  # noqa: E402
from api.db import UnitOfWork, make_engine  # noqa: E402
from api.migrate import upgrade  # noqa: E402
from api.pipeline.types import MentionText  # noqa: E402
from api.services.mentions import NewMention  # noqa: E402
from api.services import matching  # noqa: E402
from api.services.articles import ingest  # noqa: E402
from api.services.components import build_components  # noqa: E402
from api.services.retrieval import CandidateFinder  # noqa: E402
from api.services.vectors import VectorWindow, backfill  # noqa: E402

MRPC_TRAIN = ROOT.parent / "shared" / "eval" / "mrpc" / "msr_paraphrase_train.txt"
PER_ARTICLE = 40
FIND_LIMIT = 100
SEARCH_TERMS = 12  # as plan_mentions asks the matcher
BUDGETS = (1000, 600, 300, 200, 150, 100)
KS = (5, 8, 10, 12, 15, 20)
KEEPS = (6, 4, 3)
RATIO_STEPS = (0, 5, 10)  # added to the matcher's shortlist_min_ratio
CLONE_RUN = 6  # words in a run shared verbatim that make a fill mention a clone of a pair's sentence


def read_pairs(path: Path) -> list[tuple[int, str, str]]:
    """(gold label, sentence 1, sentence 2) of each MRPC pair."""
    if "test" in path.name:
        sys.exit("refusing to read the MRPC test split: decisions are made on train only")
    out = []
    with path.open(encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5:
                out.append((int(cols[0]), " ".join(cols[3].split()), " ".join(cols[4].split())))
    return out


def copy_store(src: Path, work: Path) -> Path:
    """A fresh copy of the store's main file under ``work`` (the original is only read)."""
    if not src.is_file():
        sys.exit(f"no store at {src}")
    wal = Path(str(src) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        print(f"warning: {wal} is not empty; only the main file is copied", file=sys.stderr)
    work.mkdir(parents=True, exist_ok=True)
    dst = work / "store.sqlite3"
    if dst.resolve() == src.resolve():
        sys.exit("--work must not hold the original store")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def ingest_second_sentences(engine, comps, settings, sentences: list[str]) -> dict[str, int]:
    """Store each sentence as a mention (articles of PER_ARTICLE); sentence -> its mention id."""
    ids: dict[str, int] = {}
    t0 = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
    for a, i in enumerate(range(0, len(sentences), PER_ARTICLE)):
        chunk = sentences[i:i + PER_ARTICLE]
        claims, pos = [], 0
        for s in chunk:
            claims.append({"start": pos, "end": pos + len(s), "text": s})
            pos += len(s) + 2
        data = {"outlet": {"name": "MRPC B", "domain": "mrpc-b.example"},
                "url": f"https://mrpc-b.example/recall/{a}", "title": f"MRPC B {a}: {chunk[0][:60]}",
                "published_at": t0 + timedelta(hours=a), "language": "en",
                "text": "\n\n".join(chunk), "claims": claims}
        with UnitOfWork(engine) as uow:
            detail, created = ingest(uow.session, comps, settings, data)
        if not created:
            raise RuntimeError(f"{data['url']} was stored already")
        by_start = {m.start: m for m in detail.mentions}
        for c in claims:
            m = by_start[c["start"]]
            assert m.text == c["text"]
            ids[c["text"]] = m.id
    return ids


def joined_existing(engine, mention_ids: list[int]) -> int:
    """How many of these mentions share their claim with a mention stored before them."""
    from sqlalchemy import text
    with engine.connect() as conn:
        lo = min(mention_ids)
        return conn.execute(text(
            "SELECT count(*) FROM mention m WHERE m.id >= :lo AND EXISTS "
            "(SELECT 1 FROM mention o WHERE o.claim_id = m.claim_id AND o.id < :lo)"), {"lo": lo}).scalar()


def clear_shortlist_caches() -> None:
    matching._fragments.cache_clear()


_WORDS = re.compile(r"\w+")


def _grams(text_: str) -> set[int]:
    w = _WORDS.findall(text_.lower())
    return {hash(tuple(w[i:i + CLONE_RUN])) for i in range(len(w) - CLONE_RUN + 1)}


def clone_index(engine, below: int) -> dict[int, list[int]]:
    """Word-run hash -> ids of the fill's mentions (ids below ``below``) holding that run."""
    from sqlalchemy import text
    idx: dict[int, list[int]] = defaultdict(list)
    with engine.connect() as conn:
        for mid, t in conn.execute(text("SELECT id, text FROM mention WHERE id < :b"), {"b": below}):
            for g in _grams(t):
                idx[g].append(mid)
    return idx


VIEWS = ("store", "clone-free")


def measure_hybrid(session, comps, settings, pairs, targets, target_of, current, clones_of, windows):
    """The vector path at the current settings, per pair and view: s2 among the nearest by vector
    (within the window around s2's article, as ingest reads it), and ``e2e`` of the hybrid: the
    current lexical candidates plus the vector neighbours, shortlisted with the vector lane
    (``matching._scored``) and decided by ``matching._decide``, as ``plan_mentions`` does for a
    single mention (days apart unknown, as in the lexical e2e above). Costs per query: window
    read + neighbours (ms, the window read once per s2 article and shared), pairs scored."""
    b, k, keep, r = current
    out = {v: {"near": [], "e2e": [], "scored": 0, "added": 0, "lane": 0} for v in VIEWS}
    ms_vec = 0.0
    for n, (label, s1, s2) in enumerate(pairs):
        view1 = MentionText(text=s1, speaker=None, is_quote=False, quotes=())
        tgt = targets[target_of[s2]]
        clones = clones_of[n]
        t0 = time.perf_counter()
        key = str(tgt.published)
        if key not in windows:
            windows[key] = VectorWindow.read(session.connection(), tgt.published, settings.vector_window_days,
                                             settings.vector_window_max)
        query = comps.embedder.embed([s1])
        near = windows[key].neighbours(query, settings.vector_candidates, settings.vector_min_cosine)[0]
        ms_vec += time.perf_counter() - t0
        finder = CandidateFinder(session, b, None)
        ranked = finder.find([comps.matcher.search_terms(s1, limit=SEARCH_TERMS)], FIND_LIMIT, None).ranked[0]
        for view in VIEWS:
            lst = ranked if view == "store" else [x for x in ranked if x[0] not in clones]
            nb = near if view == "store" else [x for x in near if x[0] not in clones]
            out[view]["near"].append(tgt.id in {mid for mid, _ in nb})
            top = lst[:k]
            stored = finder.load([mid for mid, _ in top] + [mid for mid, _ in nb])
            pool = sorted(((w, mid, stored[mid]) for mid, w in top if mid in stored), key=lambda p: (-p[0], -p[1]))
            candidates = [(m.claim_id, m) for _, _, m in pool]
            at = {m.id: i for i, (_, m) in enumerate(candidates)}
            lane = []
            for mid, _ in nb:
                if mid not in stored:
                    continue
                if mid not in at:
                    at[mid] = len(candidates)
                    candidates.append((stored[mid].claim_id, stored[mid]))
                    out[view]["added"] += 1
                lane.append(at[mid])
            scored = matching._scored(NewMention(view1), candidates, keep, r, None, lane, settings.vector_scored)
            out[view]["scored"] += len(scored)
            out[view]["lane"] += len(scored) - len(matching.shortlisted(NewMention(view1), candidates, keep, r))
            claim, _, _ = matching._decide(comps, view1, scored)
            out[view]["e2e"].append(claim == tgt.claim_id)
    out["ms_vec"] = 1000 * ms_vec / max(len(pairs), 1)
    out["windows"] = [len(w) for w in windows.values()]
    return out


def report_hybrid(hy, same, settings) -> None:
    """The vector path's figures beside the lexical ones at the current settings."""
    n, n_same = len(same), max(sum(same), 1)
    print(f"\nvector path (VECTOR_WINDOW_DAYS={settings.vector_window_days:g} "
          f"VECTOR_WINDOW_MAX={settings.vector_window_max} VECTOR_CANDIDATES={settings.vector_candidates} "
          f"VECTOR_MIN_COSINE={settings.vector_min_cosine:g} VECTOR_SCORED={settings.vector_scored}); "
          f"windows read: {len(hy['windows'])}, mean {statistics.mean(hy['windows'] or [0]):.0f} vectors; "
          f"window read + neighbours: {hy['ms_vec']:.2f} ms per query (the window read once per s2 article)")
    for view in VIEWS:
        h = hy[view]
        near = sum(1 for x, m in zip(h["near"], same) if x and m)
        e2e = sum(1 for x, m in zip(h["e2e"], same) if x and m)
        print(f"[{view}] hybrid at the current settings: s2 among the vector neighbours {pct(near, n_same)}% "
              f"of matcher_same; e2e (joined end to end) {pct(e2e, n_same)}% ({e2e}/{sum(same)}); "
              f"per query: {h['added'] / n:.2f} candidates added by vector, {h['scored'] / n:.2f} scored "
              f"({h['lane'] / n:.2f} by the vector lane)")


def measure(session, comps, pairs, target_of, ratios, clones_idx):
    """Per pair: matcher verdict, ranks, and per view and combination survival / e2e / costs."""
    matcher = comps.matcher
    combos = [(b, k, keep, r) for b in BUDGETS for k in KS for keep in KEEPS for r in ratios]
    surv = {v: {c: [] for c in combos} for v in VIEWS}
    e2e = {v: {c: [] for c in combos} for v in VIEWS}
    scored = {v: {c: 0 for c in combos} for v in VIEWS}
    loaded = {v: {(b, k): 0 for b in BUDGETS for k in KS} for v in VIEWS}
    ranks = {v: {b: [] for b in BUDGETS} for v in VIEWS}
    ms = {c: 0.0 for c in combos}
    postings = {b: 0 for b in BUDGETS}
    recent_path = {b: 0 for b in BUDGETS}
    clones_top = {b: 0 for b in BUDGETS}  # clones among the store's top max(KS)
    short = 0  # (view, budget) queries with fewer than max(KS) non-clones in the top FIND_LIMIT
    n_clones = 0
    n_scored = 0
    score_s = 0.0  # time in matcher.score for the e2e check (each pair scored once)
    same, gold = [], []
    targets = CandidateFinder(session).load(target_of[s2] for _, _, s2 in pairs)
    for n, (label, s1, s2) in enumerate(pairs):
        view1 = MentionText(text=s1, speaker=None, is_quote=False, quotes=())
        tgt = targets[target_of[s2]]
        same.append(matcher.score(view1, tgt.view).same_claim)
        gold.append(label == 1)
        clones = {mid for g in _grams(s1) | _grams(s2) for mid in clones_idx.get(g, ())}
        n_clones += len(clones)
        scores: dict[int, object] = {}  # mention id -> matcher score (for e2e; timed apart)
        t0 = time.perf_counter()
        terms = matcher.search_terms(s1, limit=SEARCH_TERMS)
        t_terms = time.perf_counter() - t0
        order = BUDGETS[n % len(BUDGETS):] + BUDGETS[:n % len(BUDGETS)]  # spread warm-cache effects
        for b in order:
            t0 = time.perf_counter()
            finder = CandidateFinder(session, b, None)
            ranked = finder.find([terms], FIND_LIMIT, None).ranked[0]
            t_find = t_terms + time.perf_counter() - t0
            postings[b] += sum(len(v) for v in finder._postings.values())
            recent_path[b] += any(recent for _, recent in finder._postings)
            clones_top[b] += sum(1 for mid, _ in ranked[:max(KS)] if mid in clones)
            for view in VIEWS:
                lst = ranked if view == "store" else [r for r in ranked if r[0] not in clones]
                short += view != "store" and len(ranked) == FIND_LIMIT and len(lst) < max(KS)
                ids = [mid for mid, _ in lst]
                ranks[view][b].append(ids.index(tgt.id) + 1 if tgt.id in ids else None)
                for k in KS:
                    top = lst[:k]
                    t0 = time.perf_counter()
                    stored = finder.load(mid for mid, _ in top)
                    # as plan_mentions builds its pool: best weight first, then newest
                    pool = sorted(((w, mid, stored[mid]) for mid, w in top if mid in stored),
                                  key=lambda p: (-p[0], -p[1]))
                    candidates = [(m.claim_id, m) for _, _, m in pool]
                    t_load = time.perf_counter() - t0
                    loaded[view][(b, k)] += len(candidates)
                    by_view = {id(m.view): m.id for _, m in candidates}
                    for keep in KEEPS:
                        for r in ratios:
                            c = (b, k, keep, r)
                            clear_shortlist_caches()
                            t0 = time.perf_counter()
                            sl = matching.shortlist(NewMention(view1), candidates, keep, r)
                            if view == "store":
                                ms[c] += t_find + t_load + time.perf_counter() - t0
                            scored[view][c] += len(sl)
                            mids = [by_view[id(v)] for _, v in sl]
                            surv[view][c].append(tgt.id in mids)
                            # _decide: the best same_claim score among the shortlist joins
                            best, best_claim = None, None
                            for (claim, v), mid in zip(sl, mids):
                                if mid not in scores:
                                    t0 = time.perf_counter()
                                    scores[mid] = matcher.score(view1, v)
                                    score_s += time.perf_counter() - t0
                                    n_scored += 1
                                res = scores[mid]
                                if res.same_claim and (best is None or res.score > best):
                                    best, best_claim = res.score, claim
                            e2e[view][c].append(best_claim == tgt.claim_id)
    return {"combos": combos, "surv": surv, "e2e": e2e, "scored": scored, "ms": ms, "loaded": loaded,
            "postings": postings, "recent": recent_path, "ranks": ranks, "same": same, "gold": gold,
            "n": len(pairs), "clones_top": clones_top, "short": short, "n_clones": n_clones,
            "score_ms": 1000 * score_s / max(n_scored, 1)}


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.2f}" if b else "   n/a"


def summarise(res, view, current) -> list[dict]:
    """One row per combination for one view."""
    n, same, gold = res["n"], res["same"], res["gold"]
    n_same, n_gold = max(sum(same), 1), max(sum(gold), 1)
    cur_same = [m and x for m, x in zip(same, res["surv"][view][current])]
    rows = []
    for c in res["combos"]:
        s, e = res["surv"][view][c], res["e2e"][view][c]
        b, k, _, _ = c
        rows.append({"c": c,
                     "recall_same": sum(1 for x, m in zip(s, same) if x and m) / n_same,
                     "lost": sum(1 for x, cs in zip(s, cur_same) if cs and not x),
                     "gained": sum(1 for x, m, cs in zip(s, same, cur_same) if m and x and not cs),
                     "recall_gold": sum(1 for x, g in zip(s, gold) if x and g) / n_gold,
                     "e2e_same": sum(1 for x, m in zip(e, same) if x and m) / n_same,
                     "postings": res["postings"][b] / n, "loaded": res["loaded"][view][(b, k)] / n,
                     "scored": res["scored"][view][c] / n, "ms": 1000 * res["ms"][c] / n,
                     "est": 1000 * res["ms"][c] / n + res["scored"]["store"][c] / n * res["score_ms"],
                     "kept_now": sum(cur_same)})
    return rows


def pareto(rows):
    """Rows no cheaper-or-equal row dominates on (scored, loaded, postings); ties: fewer ms."""
    key = lambda r: (round(r["scored"], 2), round(r["loaded"], 2), round(r["postings"], 1))  # noqa: E731
    out = []
    for r in sorted(rows, key=lambda r: (key(r), r["ms"])):
        if not any(all(a <= b for a, b in zip(key(o), key(r))) for o in out):
            out.append(r)
    return out


def report(res, current, ingest_info) -> None:
    n, same, gold = res["n"], res["same"], res["gold"]
    print(f"pairs={n} matcher_same={sum(same)} gold_positive={sum(gold)} "
          f"matcher_same&gold={sum(s and g for s, g in zip(same, gold))}")
    print(ingest_info)
    print(f"current: budget={current[0]} k={current[1]} keep={current[2]} min_ratio={current[3]:g} (marked *)")
    print(f"clones (fill mentions sharing a {CLONE_RUN}-word run with the pair's s1 or s2): "
          f"{res['n_clones'] / n:.1f} per pair; in the store's top {max(KS)}: "
          + ", ".join(f"b{b} {res['clones_top'][b] / n:.1f}" for b in BUDGETS)
          + f"; clone-free queries short of {max(KS)} candidates: {res['short']}")
    print(f"matcher.score: {res['score_ms']:.3f} ms per pair (+score = ms + scored x that)\n")

    print(f"retrieval: s2's rank in find(limit={FIND_LIMIT}); recall@k among matcher_same pairs "
          "(then among gold positives); clone-free ranks s2 among non-clones")
    ks = KS + (FIND_LIMIT,)
    print(f"{'view':>10} {'budget':>6} {'postings':>8} {'recent%':>7} | "
          + " ".join(f"{'@' + str(k):>6}" for k in ks) + " | " + " ".join(f"{'@' + str(k):>6}" for k in ks))
    for view in VIEWS:
        for b in BUDGETS:
            r = res["ranks"][view][b]
            rs = [x for x, s in zip(r, same) if s]
            rg = [x for x, g in zip(r, gold) if g]
            cell = lambda rr, k: pct(sum(1 for x in rr if x is not None and x <= k), len(rr))  # noqa: E731
            print(f"{view:>10} {b:>6} {res['postings'][b] / n:8.1f} {100 * res['recent'][b] / n:7.1f} | "
                  + " ".join(cell(rs, k) for k in ks) + " | " + " ".join(cell(rg, k) for k in ks))
    print()

    rows = {v: summarise(res, v, current) for v in VIEWS}
    head = (f"  {'budget':>6} {'k':>3} {'keep':>4} {'ratio':>5} | {'same%':>6} {'lost':>4} {'gain':>4} "
            f"{'gold%':>6} {'e2e%':>6} | {'postings':>8} {'loaded':>6} {'scored':>6} {'ms':>5} {'+score':>6} "
            f"|| {'same%':>6} {'lost':>4} {'gold%':>6} {'e2e%':>6} {'scored':>6}")

    def line(a, f) -> str:
        b, k, keep, r = a["c"]
        mark = "*" if a["c"] == current else " "
        return (f"{mark} {b:>6} {k:>3} {keep:>4} {r:>5g} | {100 * a['recall_same']:6.2f} {a['lost']:>4} "
                f"{a['gained']:>4} {100 * a['recall_gold']:6.2f} {100 * a['e2e_same']:6.2f} | "
                f"{a['postings']:8.1f} {a['loaded']:6.2f} {a['scored']:6.2f} {a['ms']:5.2f} {a['est']:6.2f} "
                f"|| {100 * f['recall_same']:6.2f} {f['lost']:>4} {100 * f['recall_gold']:6.2f} "
                f"{100 * f['e2e_same']:6.2f} {f['scored']:6.2f}")

    print("same% = s2 survives the shortlist, among matcher_same pairs; lost/gain = matcher_same pairs the "
          "current settings keep and this loses / keeps and current loses; gold% = same among gold "
          "positives; e2e% = _decide joins s2's claim, among matcher_same pairs; costs are means per query "
          "(ms: retrieval+load+shortlist; +score: with the shortlist's matcher scores). "
          "Left: the store as it is; right of ||: clone-free emulation.")
    print(head)
    for a, f in zip(rows["store"], rows["clone-free"]):
        print(line(a, f))
    by_c = {v: {r["c"]: r for r in rows[v]} for v in VIEWS}
    for view in VIEWS:
        kept = rows[view][0]["kept_now"]
        allowed = int(0.005 * kept)
        for label, limit in ((f"lost <= 0.5% ({allowed}) of the {kept}", allowed), (f"lost none of the {kept}", 0)):
            print(f"\n[{view}] {label} matcher_same pairs current keeps; Pareto-cheapest on (scored, loaded, postings):")
            print(head)
            for r in pareto([r for r in rows[view] if r["lost"] <= limit]):
                print(line(by_c["store"][r["c"]], by_c["clone-free"][r["c"]]))

    for view in VIEWS:
        surv = res["surv"][view][current]
        rk = res["ranks"][view][current[0]]
        lost = [i for i, (s, x) in enumerate(zip(same, surv)) if s and not x]
        miss = sum(1 for i in lost if rk[i] is None)
        beyond = sum(1 for i in lost if rk[i] is not None and rk[i] > current[1])
        print(f"[{view}] matcher_same pairs lost at the current settings: {len(lost)} of {sum(same)} "
              f"(s2 not in top {FIND_LIMIT}: {miss}; ranked beyond k={current[1]}: {beyond}; "
              f"cut by the shortlist: {len(lost) - miss - beyond})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="the 100k-claim SQLite store (only read)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/recall"), help="where the copy goes")
    ap.add_argument("--mrpc", type=Path, default=MRPC_TRAIN, help="MRPC train file")
    ap.add_argument("--pairs", type=int, default=0, help="query only N sampled pairs (0: all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-vectors", action="store_true",
                    help="ingest and measure without the vector path (VECTOR_RETRIEVAL off, as before it)")
    args = ap.parse_args()

    t_start = time.perf_counter()
    settings = load_settings().replace(embedding_model=None)
    if args.no_vectors:
        settings = settings.replace(vector_retrieval=False)
    comps = build_components(settings)
    min_ratio = float(getattr(comps.matcher, "shortlist_min_ratio", 0.0))
    ratios = tuple(min_ratio + d for d in RATIO_STEPS)
    current = (settings.match_term_budget, settings.match_candidates, settings.match_scored, min_ratio)
    for value, grid, name in ((current[0], BUDGETS, "MATCH_TERM_BUDGET"), (current[1], KS, "MATCH_CANDIDATES"),
                              (current[2], KEEPS, "MATCH_SCORED")):
        if value not in grid:
            sys.exit(f"{name}={value} is not in the measured grid {grid}")

    pairs = read_pairs(args.mrpc)
    seconds = list(dict.fromkeys(s2 for _, _, s2 in pairs))
    db = copy_store(args.store, args.work)
    upgrade(f"sqlite:///{db}")  # (a store filled before vectors were kept gets the table; backfilled below)
    engine = make_engine(f"sqlite:///{db}")
    if not args.no_vectors:
        t0 = time.perf_counter()
        n = backfill(engine, comps.embedder, batch=2000)
        print(f"backfilled {n} vectors in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    t0 = time.perf_counter()
    target_of = ingest_second_sentences(engine, comps, settings, seconds)
    joined = joined_existing(engine, list(target_of.values()))
    ingest_info = (f"ingested={len(seconds)} distinct s2 in {time.perf_counter() - t0:.0f}s "
                   f"(joined an existing claim: {joined})")
    print(ingest_info, file=sys.stderr)

    if args.pairs and args.pairs < len(pairs):
        pairs = random.Random(args.seed).sample(pairs, args.pairs)
    clones_idx = clone_index(engine, min(target_of.values()))
    t0 = time.perf_counter()
    with Session(engine) as session:
        try:
            res = measure(session, comps, pairs, target_of, ratios, clones_idx)
            hybrid = None
            if not args.no_vectors:
                targets = CandidateFinder(session).load(target_of[s2] for _, _, s2 in pairs)
                clones_of = [{mid for g in _grams(s1) | _grams(s2) for mid in clones_idx.get(g, ())}
                             for _, s1, s2 in pairs]
                hybrid = measure_hybrid(session, comps, settings, pairs, targets, target_of, current, clones_of, {})
        finally:
            session.rollback()
    engine.dispose()
    ingest_info += f" measured in {time.perf_counter() - t0:.0f}s"
    report(res, current, ingest_info)
    if hybrid is not None:
        report_hybrid(hybrid, res["same"], settings)
    print(f"\ntotal {time.perf_counter() - t_start:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
