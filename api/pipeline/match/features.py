"""Pair features for the claim matcher.

``pair_features(a, b)`` compares two analysed mentions (see ``analysis.analyse``) and returns a
dict of floats: aligned content words (exact canonical stems, then fuzzy spelling variants),
coverage of the shorter and the longer mention, word-sequence overlap (longest common
subsequence, longest common run, n-grams), character-level fuzzy ratios, length ratio, named
entities and numbers that have no counterpart on the other side, and quotation overlap.

``mt_features(a, b)`` (``MT_FEATURES``; candidates of ``scripts/train_matcher.py``, computed at
ingest only for a weight set that reads them) are measures of machine-translation evaluation (Madnani, Tetreault & Chodorow 2012): the
share of each side's distinct stem n-grams (1 to 4) found in the other (``p<n>_min`` for the side
with the lower share, ``p<n>_max`` the higher: BLEU's n-gram precisions taken both ways), a
METEOR-like score of the in-order exact stem alignment with its fragmentation (``meteor``,
``frag``), and the Dice overlap of the two normalised texts' character trigrams (``char3_dice``).
All features are symmetric in ``a`` and ``b``.
"""
from __future__ import annotations

import math
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from api.pipeline.text import STOPWORDS

from .analysis import Analysis

FUZZY_MIN_LEN = 5
FUZZY_RATIO = 85.0
CONTAIN_MIN_WORDS = 5
GAP_MAX_WORDS = 4


def _align(xs: set[str], ys: set[str]) -> tuple[set[str], set[str]]:
    """The members of ``xs`` and ``ys`` that have a counterpart on the other side.

    Words pair up exactly, or as spelling variants: same first four letters and one a prefix of
    the other or a close fuzzy ratio. Only words with the same first four letters are compared
    (the unmatched ``ys`` are grouped by them, in their order)."""
    mx, my = xs & ys, xs & ys
    rest_x = [x for x in xs - ys if len(x) >= FUZZY_MIN_LEN and not x.isdigit()]
    if not rest_x:
        return mx, my
    by_prefix: dict[str, list[str]] = {}
    for y in ys - xs:
        if len(y) >= FUZZY_MIN_LEN and not y.isdigit():
            by_prefix.setdefault(y[:4], []).append(y)
    for x in rest_x:
        for y in by_prefix.get(x[:4], ()):
            if x.startswith(y) or y.startswith(x) or fuzz.ratio(x, y) >= FUZZY_RATIO:
                mx.add(x)
                my.add(y)
    return mx, my


def aligned(a: Analysis, b: Analysis) -> tuple[set[str], set[str]]:
    """``_align`` of two analyses' content stems, computed once per pair of texts (the pair
    features, the residual cosine and the swapped-participants test all ask). The two sets are
    shared: read them, never change them."""
    return _aligned_contents(a.content, b.content)


@lru_cache(maxsize=4096)
def _aligned_contents(xs: tuple[str, ...], ys: tuple[str, ...]) -> tuple[set[str], set[str]]:
    return _align(set(xs), set(ys))


# _weight by word length (every length from 9 up weighs 1.0)
_WEIGHTS = tuple(min(n, 9) / 9.0 for n in range(10))


def _weight(w: str) -> float:
    """A rarity proxy for a content stem: longer words tend to be rarer and more telling."""
    n = len(w)
    return _WEIGHTS[n] if n < 9 else 1.0


def _longest_run(xs: tuple[str, ...], ys: tuple[str, ...]) -> int:
    """Length of the longest run of consecutive tokens shared by both sequences.

    Only positions where the tokens are equal are visited: ``run[j]`` is the length of the
    shared run ending at ``xs[i]`` and ``ys[j]``, kept for the previous ``xs`` token only."""
    where: dict[str, list[int]] = {}
    for j, y in enumerate(ys):
        where.setdefault(y, []).append(j)
    best = 0
    prev: dict[int, int] = {}
    for x in xs:
        js = where.get(x)
        if js is None:
            prev = {}
            continue
        cur = {j: prev.get(j - 1, 0) + 1 for j in js}
        top = max(cur.values())
        if top > best:
            best = top
        prev = cur
    return best


def _ngrams(seq: tuple[str, ...], n: int) -> set[tuple[str, ...]]:
    """The set of ``n``-token windows of ``seq`` (zipped shifted copies, no per-window slicing)."""
    return set(zip(*[seq[k:] for k in range(n)]))


def _dice(x: set, y: set) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def ngram_precisions(sa: tuple[str, ...], sb: tuple[str, ...]) -> dict[str, float]:
    """For n = 1 to 4, the share of each side's distinct stem n-grams found in the other: the
    lower share as ``p<n>_min``, the higher as ``p<n>_max``."""
    out = {}
    for n in (1, 2, 3, 4):
        ga, gb = (set(sa), set(sb)) if n == 1 else (_ngrams(sa, n), _ngrams(sb, n))
        shared = len(ga & gb)
        pa = shared / len(ga) if ga else 0.0
        pb = shared / len(gb) if gb else 0.0
        out[f"p{n}_min"], out[f"p{n}_max"] = (pa, pb) if pa <= pb else (pb, pa)
    return out


def meteor(sa: tuple[str, ...], sb: tuple[str, ...]) -> tuple[float, float]:
    """(score, fragmentation) of a METEOR-like alignment: each stem of ``sa`` is matched to the
    first unused equal stem of ``sb``; precision and recall give harmonic means weighted 9:1 each
    way (averaged, so the score is symmetric), discounted by METEOR's fragmentation penalty
    (0.5 * (chunks / matches) ** 3, a chunk being a run of matches adjacent on both sides)."""
    where: dict[str, list[int]] = {}
    for j, w in enumerate(sb):
        where.setdefault(w, []).append(j)
    used: set[int] = set()
    matches = chunks = 0
    last_i = last_j = -2
    for i, w in enumerate(sa):
        for j in where.get(w, ()):
            if j not in used:
                used.add(j)
                matches += 1
                if not (i == last_i + 1 and j == last_j + 1):
                    chunks += 1
                last_i, last_j = i, j
                break
    if not matches:
        return 0.0, 1.0
    p, r = matches / len(sa), matches / len(sb)
    f_mean = 0.5 * (10 * p * r / (r + 9 * p) + 10 * p * r / (p + 9 * r))
    frag = chunks / matches
    return f_mean * (1 - 0.5 * frag ** 3), frag


@lru_cache(maxsize=8192)
def _char_trigrams(norm: str) -> frozenset[str]:
    """The character trigrams of a normalised text (cached: a text is in many pairs)."""
    return frozenset(norm[i:i + 3] for i in range(len(norm) - 2))


def char_trigram_dice(norm_a: str, norm_b: str) -> float:
    """Dice overlap of the two texts' character trigram sets (0.0 when either has none)."""
    ga, gb = _char_trigrams(norm_a), _char_trigrams(norm_b)
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def quote_overlap(a: Analysis, b: Analysis) -> int:
    """Content-word count of the longest quoted fragment of one mention (>= 2 content words)
    that appears verbatim in the other mention; 0 when there is none."""
    best = 0
    for src, other in ((a, b), (b, a)):
        for frag in src.quotes:
            if _contains(other.words, frag):
                best = max(best, sum(1 for w in frag if w not in STOPWORDS))
    return best


def _unmatched_names(names: frozenset[str], other_stems: tuple[str, ...], matched: set[str]) -> set[str]:
    """The ``names`` that are neither among ``other_stems`` nor aligned (``matched``)."""
    if not names:
        return set()
    others = set(other_stems)
    return {e for e in names if e not in others and e not in matched}


def pair_features(a: Analysis, b: Analysis) -> dict[str, float]:
    """The feature dict of a pair of analysed mentions (see the module docstring)."""
    ca, cb = set(a.content), set(b.content)
    ma, mb = aligned(a, b)
    # named entities without a counterpart anywhere in the other mention
    # (the other side's stem set is only built when there are names to look up)
    ents_a = _unmatched_names(a.entities, b.stems, ma)
    ents_b = _unmatched_names(b.entities, a.stems, mb)
    # content words other than unmatched names that lack a counterpart on both sides: a
    # different word in the statement itself ("get done" / "get to yes"), not a differing detail
    core_a, core_b = ca - ents_a, cb - ents_b
    gap_a, gap_b = len(core_a - ma), len(core_b - mb)
    content_gap = 0.0
    short_core = core_a if len(ca) <= len(cb) else core_b
    if gap_a and gap_b and len(short_core) <= GAP_MAX_WORDS:
        # measured on the mention with fewer content words; only for short statements, where
        # the shared function words otherwise dominate the sequence and character features
        content_gap = (gap_a if short_core is core_a else gap_b) / len(short_core)
    if len(ca) > len(cb) or (len(ca) == len(cb) and a.norm > b.norm):
        ca, ma, cb, mb = cb, mb, ca, ma
    # now ca is the shorter side
    n_s, n_l = len(ca), len(cb)
    w_s = sum(map(_weight, ca)) or 1.0
    w_l = sum(map(_weight, cb)) or 1.0
    cov_s = len(ma) / n_s if n_s else 0.0
    cov_l = len(mb) / n_l if n_l else 0.0
    wcov_s = sum(map(_weight, ma)) / w_s
    wcov_l = sum(map(_weight, mb)) / w_l
    unm_s, unm_l = n_s - len(ma), n_l - len(mb)
    ent_total = len(a.entities | b.entities) or 1
    ent_miss_min = min(len(ents_a), len(ents_b))

    na, nb = a.numbers, b.numbers
    num_match = len(na & nb)
    num_un_a, num_un_b = len(na - nb), len(nb - na)

    # the shorter mention's content is (mostly) found, in order, in the longer one, and no
    # named entity clashes: "a short sentence contained in a long one" (a rule, not trained)
    lcs_c = LCSseq.similarity(a.content, b.content)
    containment = (cov_s if len(ma) >= CONTAIN_MIN_WORDS and lcs_c >= 0.8 * len(ma)
                   and ent_miss_min == 0 else 0.0)
    sa, sb = a.stems, b.stems
    ls, ll = min(len(sa), len(sb)) or 1, max(len(sa), len(sb)) or 1
    lcs = LCSseq.similarity(sa, sb)
    run = _longest_run(sa, sb)
    na_, nb_ = a.norm, b.norm
    return {
        "cov_short": cov_s,
        "cov_long": cov_l,
        "wcov_short": wcov_s,
        "wcov_long": wcov_l,
        "jaccard": len(ma) / (n_s + n_l - len(ma)) if (n_s + n_l - len(ma)) > 0 else 0.0,
        "unmatched_short": math.log1p(unm_s),
        "unmatched_long": math.log1p(unm_l),
        "lcs_short": lcs / ls,
        "lcs_long": lcs / ll,
        "lcs_content": lcs_c / (min(len(a.content), len(b.content)) or 1),
        "run_short": run / ls,
        "bigram_dice": _dice(_ngrams(sa, 2), _ngrams(sb, 2)),
        "trigram_dice": _dice(_ngrams(sa, 3), _ngrams(sb, 3)),
        "fuzz_ratio": fuzz.ratio(na_, nb_) / 100.0,
        "fuzz_token_set": fuzz.token_set_ratio(na_, nb_) / 100.0,
        "fuzz_token_sort": fuzz.token_sort_ratio(na_, nb_) / 100.0,
        "fuzz_partial": fuzz.partial_ratio(na_, nb_) / 100.0 if min(len(na_), len(nb_)) else 0.0,
        "len_ratio": ls / ll,
        "len_diff": math.log1p(ll - ls),
        "ent_miss_min": float(min(ent_miss_min, 3)),
        "ent_miss_any": float(min(len(ents_a) + len(ents_b), 6)) / 6.0,
        "ent_miss_frac": (len(ents_a) + len(ents_b)) / ent_total,
        "num_match": float(min(num_match, 3)),
        "num_conflict": 1.0 if num_un_a and num_un_b else 0.0,
        "num_extra": 1.0 if bool(num_un_a) != bool(num_un_b) else 0.0,
        "quote_overlap": float(min(quote_overlap(a, b), 6)),
        "containment": containment,
        "content_gap": content_gap,
    }


MT_FEATURES = tuple(f"p{n}_{side}" for n in (1, 2, 3, 4) for side in ("min", "max")) + (
    "meteor", "frag", "char3_dice")


def mt_features(a: Analysis, b: Analysis) -> dict[str, float]:
    """The machine-translation measures of a pair (see the module docstring), symmetric."""
    met, frag = meteor(*sorted((a.stems, b.stems)))  # (one order for both ways round: symmetric)
    return {**ngram_precisions(a.stems, b.stems), "meteor": met, "frag": frag,
            "char3_dice": char_trigram_dice(a.norm, b.norm)}
