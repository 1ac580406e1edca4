"""The fast paths of the matcher's analysis, pair features and search terms give exactly what
the straightforward per-token forms give.

Each ``_ref_*`` function below is the plain form a fast helper replaced; both run on the same
hand-written sentences (contractions, curly quotes, dotted acronyms, number words, phrases).
"""
from __future__ import annotations

import re

import pytest

from api.pipeline.match import analysis as an
from api.pipeline.match import candidates as cand
from api.pipeline.match import features as ft
from api.pipeline.match.lexicon import MAX_PHRASE, ORDINALS, PHRASES, SCALES, UNITS
from api.pipeline.text import TOKEN_RE, expand_contractions, plain

SENTENCES = [
    "The mayor said it's too early; we won't know until Friday, and they can't wait.",
    "\u201cWe\u2019re ready,\u201d the coach told reporters \u2014 \u2018it\u2019s our year.\u2019",
    "The U.S. and the U.N. sent envoys to Washington, D.C. on Tuesday.",
    "US diplomats asked us to join the talks with the UN.",
    "About forty thousand fans, or 40k, or 40,000, filled the stadium; one hundred and five left.",
    "She finished 9th in 2019, 1st in 2021 and 22nd last year; 2.5m tickets and $3bn in sales.",
    "One of them said one thousand two hundred; a dozen eggs cost two dozen dollars.",
    "He called the plan \"a complete waste of money\" on \"Morning Joe\" and \"common-sense\".",
    "The minister touched down in Oslo, held talks with the premier and kicked off the cease-fire.",
    "The firm's profit rose; O'Neill's shares fell. Let's see what's next (maybe more).",
    "ALL CAPS: THE COUNCIL VOTED 7-2. The United States and the United Kingdom agreed.",
    "Caf\u00e9 owners in Z\u00fcrich \u00abprotested\u00bb \u201eloudly\u201c; zero arrests, a first.",
    "",
    "   ",
    "x",
]


def _ref_tokens(text: str) -> list[tuple[str, bool]]:
    src = expand_contractions(plain(text))
    src = re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", "") + " ", src)
    out, prev_end = [], 0
    for m in TOKEN_RE.finditer(src):
        gap = src[prev_end:m.start()]
        out.append((m.group(0), not out or any(ch in '.!?:;"([{\n' for ch in gap)))
        prev_end = m.end()
    return out


def _ref_surface(tok: str) -> str:
    low = tok.lower()
    if low.endswith("'s"):
        low = low[:-2]
    return low.replace("'", "")


def _ref_canonical(seq: list[str]) -> list[tuple[str, int, int]]:
    out, i = [], 0
    while i < len(seq):
        for size in range(min(MAX_PHRASE, len(seq) - i), 1, -1):
            canon = PHRASES.get(tuple(seq[i:i + size]))
            if canon:
                out.append((canon, i, i + size))
                i += size
                break
        else:
            out.append((seq[i], i, i + 1))
            i += 1
    return out


def _ref_fold_numbers(words: list[str]) -> list[tuple[str, int, int]]:
    out, i, n = [], 0, len(words)
    while i < n:
        w = words[i]
        val = an._number_value(w)
        is_num_word = w in UNITS and (w != "one" or (i + 1 < n and words[i + 1] in SCALES))
        if val is None and w in ORDINALS:
            out.append((an._fmt(ORDINALS[w]), i, i + 1))
            i += 1
            continue
        if val is None and not is_num_word:
            out.append((w, i, i + 1))
            i += 1
            continue
        total, current, j = 0.0, (val if val is not None else float(UNITS[w])), i + 1
        while j < n:
            nxt = words[j]
            if nxt in SCALES:
                if SCALES[nxt] == 100:
                    current *= 100
                else:
                    total += current * SCALES[nxt]
                    current = 0.0
                j += 1
            elif val is None and nxt in UNITS and nxt != "dozen":
                current += UNITS[nxt]
                j += 1
            elif val is None and nxt == "and" and j + 1 < n and words[j + 1] in UNITS:
                j += 1
            else:
                break
        out.append((an._fmt(total + current), i, j))
        i = j
    return out


def _ref_longest_run(xs: tuple[str, ...], ys: tuple[str, ...]) -> int:
    best, prev = 0, [0] * (len(ys) + 1)
    for x in xs:
        cur = [0] * (len(ys) + 1)
        for j, y in enumerate(ys, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _words(text: str) -> list[str]:
    return [_ref_surface(t) for t, _ in _ref_tokens(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_and_surfaces_match_per_token_form(text):
    toks, initial = an._split_tokens(text)
    assert list(zip(toks, initial)) == _ref_tokens(text)
    assert an._surfaces(toks) == [_ref_surface(t) for t in toks]


@pytest.mark.parametrize("text", SENTENCES)
def test_number_folding_and_phrases_match_plain_loops(text):
    words = _words(text)
    folded = an._fold_numbers(words)
    assert folded == _ref_fold_numbers(words)
    items = [it for it, _, _ in folded]
    assert an._canonical(items) == _ref_canonical(items)


def test_acronym_pattern_matches_word_boundary_form():
    old = re.compile(r"\b((?:[A-Z]\.){2,})")
    for text in SENTENCES + ["aU.S. x", "\u00e9U.S. x", "_U.N. x", "9U.S.", "(U.S.)", "A..B.", "U.S"]:
        assert [m.span() for m in an._ACRONYM_DOTS.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_analysis_of_examples():
    a = an.analyse(SENTENCES[4])
    assert a.numbers == frozenset({"#40000", "#105"})
    b = an.analyse(SENTENCES[8])
    assert {"arriv", "meet", "begin", "ceasefir"} <= set(b.content)
    assert {"oslo"} <= b.entities
    c = an.analyse(SENTENCES[3])
    assert c.stems[0] == "usa" and "usa" in c.entities and "un" in c.entities
    d = an.analyse(SENTENCES[7])
    assert d.quotes == (("a", "complete", "waste", "of", "money"),)
    assert an.analyse("").words == () and an.analyse("x").content == ()


def test_pair_helpers_match_plain_forms():
    seqs = [an.analyse(t).stems for t in SENTENCES] + [(), ("a",), tuple("abcabcab"), tuple("aaaa")]
    for xs in seqs:
        for ys in seqs:
            assert ft._longest_run(xs, ys) == _ref_longest_run(xs, ys)
        for n in (1, 2, 3, 4):
            assert ft._ngrams(xs, n) == {xs[i:i + n] for i in range(len(xs) - n + 1)}


def test_align_finds_spelling_variants_only_within_prefix_groups():
    mx, my = ft._align({"organisation", "travelled", "budget"}, {"organization", "traveled", "plans"})
    assert mx == {"organisation", "travelled"} and my == {"organization", "traveled"}


def test_search_terms_sentence_starts():
    # "Paris" inside the sentence is a name; "Storms" after the full stop only sentence-initial
    assert cand.search_terms("Rain hit Paris. Storms hit Lyon.", 3) == ["paris", "lyon", "storms"]
