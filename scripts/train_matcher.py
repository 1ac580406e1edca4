#!/usr/bin/env python3
"""Train the claim matcher's logistic weights on the MRPC train split; write params.json.

    python scripts/train_matcher.py [TRAIN_FILE] [--embedding-model DIR] [--out PATH]

TRAIN_FILE defaults to ../shared/eval/mrpc/msr_paraphrase_train.txt (relative to the project
root). Only the train file is read: the regularisation strength, the feature set and the
threshold are all chosen by 5-fold stratified cross-validation on it. The MRPC test split is
for reporting only and is never opened here.

MRPC pairs are all about one story, so on their own they never show the model what the
full-text candidate query mostly hands it in a real store: a sentence from another story that
shares a word or two. ``--retrieval-negatives N`` (default 2000) adds N such pairs, built from
the train file alone: two sentences of different MRPC pairs that share at least two content
stems (and are not near-duplicates), labelled "different claim". Feature and C selection and the
threshold use MRPC and these pairs together; the CV figures are printed for MRPC alone too.

The ``default`` weight set is chosen among the lexical features (``match/features.py``) and
those of the shipped static embedding (``match/vectors.py``: sentence cosine, residual cosine);
``--no-vectors`` leaves the embedding out (for comparison), ``--exclude FEATURE`` one feature.
``--trees`` adds a tree ensemble to the weight set (tried for matcher 1.5 and not shipped: +0.004
CV AUC, and it moved the hand-set terms' balance on basil-dev and the ingest tests): gradient-boosted regression trees (scikit-learn's HistGradientBoostingClassifier,
seeded, ``TREE_PARAMS``) over all candidate features except the number ones (differing numbers
must stay a bounded penalty, which only the logistic part can promise) and the residual cosine
(too slow at ingest); the logistic logit plus ``BLEND`` times the trees' log-odds less their
base value is the blend, and the threshold is chosen on its out-of-fold scores. Needs numpy and scikit-learn (the
``train`` extra); inference needs neither. With ``--embedding-model`` (a local
sentence-transformers directory; run in the semantic venv) the ``semantic`` weight set (the
default's candidate features + the all-MiniLM-L6-v2 cosine, ``minilm_cosine``) is trained too;
without it an existing ``semantic`` entry of the output file is kept. Every step is seeded: two
runs on the same file write the same weights.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
# one BLAS thread: the many small fits of the selection ran ~40x slower on a busy 2-core machine with
# a thread per core (set before numpy loads its BLAS)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from api.pipeline.match import MATCHER_NAME, MATCHER_VERSION  # noqa: E402
from api.pipeline.match.analysis import analyse  # noqa: E402
from api.pipeline.match.features import mt_features, pair_features  # noqa: E402
from api.pipeline.match.model import PARAMS_PATH  # noqa: E402
from api.pipeline.match.vectors import MentionVectors  # noqa: E402

DEFAULT_TRAIN = os.path.join(ROOT, "..", "shared", "eval", "mrpc", "msr_paraphrase_train.txt")
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
SEED = 13
BETA = 0.7          # F-beta < 1 for the threshold: a false merge costs more than a missed one
# ... among the thresholds whose out-of-fold precision (MRPC + retrieval negatives) is at least this
# (--min-precision; 0: no floor, as for the shipped weights). The matcher 1.5 candidates used matcher
# 1.4's 0.8316: the blend's F0.7 threshold alone bought recall with precision (0.822 at 0.552).
MIN_PRECISION = 0.0
# the machine-translation measures (features.mt_features) among the candidates (--mt); matcher 1.4's
# weights were chosen without them
MT = False
# Differing numbers must not split a claim in this product (they are a disagreement to show):
# the number-conflict weight is bounded, in logit units per standard deviation.
MAX_NUMBER_PENALTY = 0.35
# The tree ensemble blended with the logistic model (chosen by 5-fold CV on MRPC train + the
# retrieval negatives: depth 4 and 100 trees beat depth 3 or 5 and 150 trees; sign constraints
# cost 0.04 AUC). Leaf values include the learning rate: the model's log-odds are the base value
# plus one leaf per tree.
TREE_PARAMS = {"max_depth": 4, "max_iter": 100, "learning_rate": 0.08, "l2_regularization": 1.0,
               "random_state": 0, "early_stopping": False}
BLEND = 0.5         # weight of the trees' correction (log-odds less base) added to the logistic logit
# features the trees never read: the hand-set rules' inputs, the number features (their penalty is
# bounded in the logistic part) and the residual cosine (it costs ms per article at ingest)
TREE_EXCLUDED = {"containment", "content_gap", "num_conflict", "num_extra", "num_match",
                 "residual_cosine"}


def load_pairs(path: str) -> list[tuple[int, str, str]]:
    """(label, sentence1, sentence2) rows of an MRPC-format file."""
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                rows.append((int(parts[0]), parts[3], parts[4]))
    return rows


def retrieval_negatives(rows, n: int, seed: int = SEED) -> list[tuple[int, str, str]]:
    """``n`` pairs of sentences from different MRPC pairs sharing at least two content stems
    (token-set ratio below 80, so no near-duplicates), labelled 0 (see the module docstring)."""
    import random
    from collections import defaultdict

    from rapidfuzz import fuzz

    from api.pipeline.text import normalise
    rng = random.Random(seed)
    sents = [(i, t) for i, (_, a, b) in enumerate(rows) for t in (a, b)]
    content = [set(analyse(t).content) for _, t in sents]
    postings = defaultdict(list)
    for k, stems in enumerate(content):
        for st in stems:
            postings[st].append(k)
    out, seen, tries = [], set(), 0
    while len(out) < n and tries < n * 50:
        tries += 1
        k = rng.randrange(len(sents))
        stems = sorted(content[k])
        if len(stems) < 2:
            continue
        a, b = rng.sample(stems, 2)
        shared = set(postings[a]) & set(postings[b])
        others = [j for j in shared if sents[j][0] != sents[k][0]]
        if not others:
            continue
        j = rng.choice(others)
        key = (min(j, k), max(j, k))
        if key in seen or fuzz.token_set_ratio(normalise(sents[k][1]), normalise(sents[j][1])) >= 80:
            continue
        seen.add(key)
        out.append((0, sents[k][1], sents[j][1]))
    return out


def feature_matrix(rows, embedder=None, vectors: bool = True) -> tuple[list[str], np.ndarray]:
    """Feature names and the feature matrix of the pairs: the lexical features, the static
    embedding's (unless ``vectors`` is False) and ``minilm_cosine`` with an ``embedder``."""
    dicts = [{**pair_features(analyse(a), analyse(b)), **(mt_features(analyse(a), analyse(b)) if MT else {})}
             for _, a, b in rows]
    if vectors:
        mv = MentionVectors()
        texts = sorted({t for _, a, b in rows for t in (a, b)})
        mv.prepare(texts, [analyse(t) for t in texts])
        for d, (_, a, b) in zip(dicts, rows):
            d.update(mv.features(a, b, analyse(a), analyse(b)))
    if embedder is not None:
        texts = sorted({t for _, a, b in rows for t in (a, b)})
        vecs = dict(zip(texts, embedder.embed(texts)))
        for d, (_, a, b) in zip(dicts, rows):
            d["minilm_cosine"] = float(np.dot(vecs[a], vecs[b]))
    names = [n for n in dicts[0] if n not in NOT_TRAINED]
    return names, np.array([[d[n] for n in names] for d in dicts], dtype=float)


def without(names: list[str], X: np.ndarray, excluded: list[str]) -> tuple[list[str], np.ndarray]:
    """The feature names and matrix with the ``excluded`` features' columns left out."""
    unknown = set(excluded) - set(names)
    if unknown:
        raise SystemExit(f"--exclude: no such candidate feature: {', '.join(sorted(unknown))}")
    keep = [i for i, n in enumerate(names) if n not in excluded]
    return [names[i] for i in keep], X[:, keep]


# Optional sign constraints (--constrain): more overlap never lowers the score, a mismatch never
# raises it. MRPC labels a pair "not equivalent" when one sentence adds information, which the
# unconstrained fit learns through sign flips of collinear features (LCS of the shorter vs the
# longer side). Constraining costs ~0.035 CV AUC on MRPC (0.829 -> 0.794), so the default is
# unconstrained and the product's "short sentence contained in a long one is the same claim"
# rule is applied at inference instead (the ``containment`` feature, see the Matcher).
CONSTRAIN = False
# Features computed for the hand-set inference rules, never trained on MRPC.
NOT_TRAINED = {"containment", "content_gap"}
POSITIVE = {"cov_short", "cov_long", "wcov_short", "wcov_long", "jaccard", "lcs_short",
            "lcs_long", "lcs_content", "run_short", "bigram_dice", "trigram_dice", "fuzz_ratio",
            "fuzz_token_set", "fuzz_token_sort", "fuzz_partial", "num_match", "quote_overlap",
            "cosine", "residual_cosine", "minilm_cosine"}
NEGATIVE = {"unmatched_short", "unmatched_long", "ent_miss_min", "ent_miss_any",
            "ent_miss_frac", "num_conflict", "num_extra"}


def fit(X, y, C, names):
    """Standardise and fit an L2 logistic regression with the sign constraints above
    (L-BFGS-B; the objective is scikit-learn's: C * sum(log-loss) + |w|^2 / 2).
    Returns (mean, scale, coef, intercept)."""
    mu, sd = X.mean(0), X.std(0)
    sd[sd == 0] = 1.0
    Z = (X - mu) / sd
    lr = LogisticRegression(C=C, max_iter=5000).fit(Z, y)
    x0 = np.append(lr.coef_[0], lr.intercept_[0])
    if not CONSTRAIN:
        return mu, sd, lr.coef_[0].copy(), float(lr.intercept_[0])
    bounds = [(0.0, None) if n in POSITIVE else (None, 0.0) if n in NEGATIVE else (None, None)
              for n in names] + [(None, None)]
    x0 = np.array([min(max(v, lo if lo is not None else v), hi if hi is not None else v)
                   for v, (lo, hi) in zip(x0, bounds)])
    t = 2.0 * y - 1.0

    def objective(w):
        m = t * (Z @ w[:-1] + w[-1])
        loss = np.logaddexp(0.0, -m)
        g = -t * np.exp(-np.logaddexp(0.0, m))
        grad = C * np.append(Z.T @ g, g.sum())
        grad[:-1] += w[:-1]
        return C * loss.sum() + 0.5 * w[:-1] @ w[:-1], grad

    res = minimize(objective, x0, jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 5000})
    return mu, sd, res.x[:-1].copy(), float(res.x[-1])


def bound(names, coef):
    """Clips the number-conflict weight (see MAX_NUMBER_PENALTY)."""
    coef = coef.copy()
    for i, n in enumerate(names):
        if n == "num_conflict":
            coef[i] = max(coef[i], -MAX_NUMBER_PENALTY)
    return coef


def predict(model, X):
    """Probabilities of a fitted (mean, scale, coef, intercept) model."""
    mu, sd, coef, b = model
    return 1 / (1 + np.exp(-(((X - mu) / sd) @ coef + b)))


def oof(X, y, C, names):
    """Out-of-fold probabilities of 5-fold stratified CV."""
    p = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y):
        mu, sd, coef, b = fit(X[tr], y[tr], C, names)
        p[te] = predict((mu, sd, bound(names, coef), b), X[te])
    return p


def select(names, X, y):
    """C by CV AUC on all features, then greedy backward elimination while CV AUC holds."""
    best_c = max(C_GRID, key=lambda c: roc_auc_score(y, oof(X, y, c, names)))
    keep = list(range(len(names)))
    base = roc_auc_score(y, oof(X, y, best_c, names))
    improved = True
    while improved and len(keep) > 3:
        improved = False
        trials = []
        for i in keep:
            sub = [j for j in keep if j != i]
            trials.append((roc_auc_score(y, oof(X[:, sub], y, best_c, [names[j] for j in sub])), i))
        auc, drop = max(trials)
        if auc >= base - 0.0005:
            keep.remove(drop)
            base = max(base, auc)
            improved = True
            print(f"  drop {names[drop]:<16} cv auc {auc:.4f}", flush=True)
    return best_c, keep, base


def fit_trees(X, y):
    """A seeded gradient-boosted tree ensemble (``TREE_PARAMS``) fitted to ``X``, ``y``."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    return HistGradientBoostingClassifier(**TREE_PARAMS).fit(X, y)


def correction(model, X):
    """The fitted ensemble's log-odds less its base value (the sum of its leaves)."""
    return model.decision_function(X) - float(np.ravel(model._baseline_prediction)[0])


def trees_oof(X, y):
    """Out-of-fold corrections of the tree ensemble (the same 5 folds as ``oof``)."""
    z = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y):
        z[te] = correction(fit_trees(X[tr], y[tr]), X[te])
    return z


def _tree_json(nodes, i: int = 0):
    """One fitted tree (scikit-learn's predictor node array) as nested lists from node ``i``:
    a leaf is its value, a split ``[feature, threshold, left, right]``."""
    node = nodes[i]
    if node["is_leaf"]:
        return round(float(node["value"]), 8)
    return [int(node["feature_idx"]), float(node["num_threshold"]),
            _tree_json(nodes, int(node["left"])), _tree_json(nodes, int(node["right"]))]


def export_trees(model, names, X) -> dict:
    """The fitted ensemble as a ``params.json`` entry; checks that evaluating the exported trees
    in pure Python (``model.TreeEnsemble``) gives scikit-learn's log-odds on ``X``."""
    from api.pipeline.match.model import TreeEnsemble
    entry = {"features": list(names), "base": float(np.ravel(model._baseline_prediction)[0]),
             "trees": [_tree_json(pred[0].nodes) for pred in model._predictors],
             "blend": BLEND, "params": {k: v for k, v in TREE_PARAMS.items()}}
    ours = TreeEnsemble.from_dict(entry)
    theirs = model.decision_function(X)
    worst = max(abs(ours.logit(dict(zip(names, row))) - t) for row, t in zip(X.tolist(), theirs))
    if worst > 1e-5:
        raise SystemExit(f"exported trees differ from scikit-learn's by {worst}")
    return entry


def _logit(p):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def choose_threshold(p, y):
    """The threshold maximising F-beta (beta < 1) on out-of-fold probabilities, among those with
    a precision of at least ``MIN_PRECISION`` (when any has)."""
    best, best_t = -1.0, 0.5
    for t in np.unique(np.round(p, 3)):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        fp = float(np.sum(pred & (y == 0)))
        fn = float(np.sum(~pred & (y == 1)))
        if tp == 0:
            continue
        prec, rec = tp / (tp + fp), tp / (tp + fn)
        f = (1 + BETA ** 2) * prec * rec / (BETA ** 2 * prec + rec)
        if prec < MIN_PRECISION:
            f -= 1.0  # below the precision floor: only when no threshold reaches it
        if f > best:
            best, best_t = f, float(t)
    return best_t


def stats(p, y, t):
    """AUC, accuracy, precision, recall and F1 of probabilities ``p`` at threshold ``t``."""
    pred = p >= t
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    return {"auc": round(float(roc_auc_score(y, p)), 4),
            "accuracy": round(float(np.mean(pred == (y == 1))), 4),
            "precision": round(tp / max(tp + fp, 1), 4), "recall": round(tp / max(tp + fn, 1), 4),
            "f1": round(2 * tp / max(2 * tp + fp + fn, 1), 4)}


def shortlist_floor(rows, p, t, margin: int = 5) -> int:
    """The token-set ratio below which the service need not score a candidate: the lowest ratio
    among the train pairs this model accepts, rounded down to a multiple of 5, less ``margin``.
    (The shortlist compares this cheap C-speed ratio first; see ``services/matching.py``.)"""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process
    accepted = [fuzz.token_set_ratio(a, b, processor=default_process) for (_, a, b), q in zip(rows, p) if q >= t]
    if not accepted:
        return 0
    return max(0, int(min(accepted) // 5 * 5) - margin)


def _cv_stats(p, y, t, n_mrpc):
    """``stats`` of out-of-fold probabilities, with the MRPC pairs' alone when there are others."""
    cv = stats(p, y, t)
    if n_mrpc is not None and n_mrpc < len(y):
        cv["mrpc_only"] = stats(p[:n_mrpc], y[:n_mrpc], t)
    return cv


def train_set(names, X, y, label, n_mrpc=None, rows=None, trees=True):
    """Selects C and features, adds the tree ensemble (``trees``), picks the threshold, fits on
    all pairs; the params entry. The first ``n_mrpc`` rows are the MRPC pairs (their CV figures
    are reported apart)."""
    print(f"[{label}] {len(names)} candidate features, {len(y)} pairs", flush=True)
    C, keep, _ = select(names, X, y)
    kn = [names[i] for i in keep]
    p = oof(X[:, keep], y, C, kn)
    cv_linear = _cv_stats(p, y, choose_threshold(p, y), n_mrpc)
    print(f"[{label}] C={C} features={kn}\n[{label}] logistic alone cv={cv_linear}", flush=True)
    tn = [n for n in names if n not in TREE_EXCLUDED]
    ti = [names.index(n) for n in tn]
    if trees:
        p = 1 / (1 + np.exp(-(_logit(p) + BLEND * trees_oof(X[:, ti], y))))
    t = choose_threshold(p, y)
    cv = _cv_stats(p, y, t, n_mrpc)
    mu, sd, coef, b = fit(X[:, keep], y, C, kn)
    coef = bound(kn, coef)
    tree_entry = None
    full = predict((mu, sd, coef, b), X[:, keep])
    if trees:
        model = fit_trees(X[:, ti], y)
        tree_entry = export_trees(model, tn, X[:, ti])
        full = 1 / (1 + np.exp(-(_logit(full) + BLEND * correction(model, X[:, ti]))))
        print(f"[{label}] trees: {len(tree_entry['trees'])} over {len(tn)} features", flush=True)
    print(f"[{label}] threshold={t:.3f} cv={cv}", flush=True)
    floor = 0
    if rows is not None:
        n = n_mrpc if n_mrpc is not None else len(rows)
        floor = shortlist_floor(rows[:n], full[:n], t)
        print(f"[{label}] shortlist_min_ratio={floor}", flush=True)
    r = lambda v: [round(float(x), 6) for x in v]  # noqa: E731
    entry = {"features": kn, "mean": r(mu), "scale": r(sd), "coef": r(coef),
             "intercept": round(b, 6), "threshold": round(t, 4), "C": C, "shortlist_min_ratio": floor,
             "cv": {**cv, "folds": 5, "seed": SEED,
                    "threshold_rule": f"max F{BETA} on out-of-fold"
                    + (f", precision >= {MIN_PRECISION}" if MIN_PRECISION else ""),
                    **({"logistic_alone": cv_linear} if trees else {})}}
    if tree_entry is not None:
        entry["trees"] = tree_entry
    return entry


def main() -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train_file", nargs="?", default=DEFAULT_TRAIN)
    ap.add_argument("--embedding-model", default=None, help="local sentence-transformers dir")
    ap.add_argument("--out", default=PARAMS_PATH)
    ap.add_argument("--constrain", action="store_true", help="sign-constrained weights")
    ap.add_argument("--no-vectors", action="store_true", help="leave the static embedding's features out")
    ap.add_argument("--exclude", action="append", default=[], metavar="FEATURE",
                    help="leave this candidate feature out (repeatable), e.g. residual_cosine")
    ap.add_argument("--min-precision", type=float, default=0.0,
                    help="the threshold's out-of-fold precision floor (the 1.5 candidates: 0.8316)")
    ap.add_argument("--mt", action="store_true",
                    help="the machine-translation measures among the candidate features (not shipped: README)")
    ap.add_argument("--trees", action="store_true",
                    help="blend a tree ensemble with the logistic weights (not shipped: see README, matcher 1.5)")
    ap.add_argument("--retrieval-negatives", type=int, default=2000,
                    help="cross-story pairs sharing two content words, labelled different (0: none)")
    args = ap.parse_args()
    global CONSTRAIN, MT, MIN_PRECISION
    CONSTRAIN, MT, MIN_PRECISION = args.constrain, args.mt, args.min_precision
    if "test" in os.path.basename(args.train_file):
        ap.error("refusing to train on a test split")
    mrpc_rows = load_pairs(args.train_file)
    negatives = retrieval_negatives(mrpc_rows, args.retrieval_negatives) if args.retrieval_negatives else []
    rows = mrpc_rows + negatives
    y = np.array([r[0] for r in rows])
    with open(args.train_file, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    old = {}
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            old = json.load(f)
    names, X = without(*feature_matrix(rows, vectors=not args.no_vectors), args.exclude)
    params = {
        "name": MATCHER_NAME, "version": MATCHER_VERSION,
        "default": train_set(names, X, y, "default", len(mrpc_rows), rows, trees=args.trees),
        "adjustments": old.get("adjustments", {
            "speaker_match": 0.5, "speaker_mismatch": -2.5, "quote_margin": 0.4,
            "quote_margin_speaker": 0.6, "quote_per_word": 0.25,
            "containment_min": 0.7, "containment_margin": 0.1, "containment_slope": 2.0,
            "content_gap_max": 0.25, "content_gap_margin": 0.3,
            "note": "hand-set, not trained: MRPC has no speakers; logit units"}),
        "training": {"file": os.path.basename(args.train_file), "sha256": digest,
                     "pairs": len(mrpc_rows), "positives": int(y.sum()),
                     "retrieval_negatives": len(negatives),
                     "trained_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d"),
                     "sklearn": sklearn.__version__, "numpy": np.__version__,
                     "max_number_penalty": MAX_NUMBER_PENALTY},
    }
    if args.embedding_model:
        from api.pipeline.match.semantic import Embedder
        emb = Embedder(args.embedding_model)
        names_s, X_s = without(*feature_matrix(rows, emb, vectors=not args.no_vectors), args.exclude)
        params["semantic"] = train_set(names_s, X_s, y, "semantic", len(mrpc_rows), rows)
        params["semantic"]["model"] = os.path.basename(os.path.normpath(args.embedding_model))
    elif "semantic" in old:
        params["semantic"] = old["semantic"]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(params, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
