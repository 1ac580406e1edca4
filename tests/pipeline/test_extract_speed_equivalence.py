"""The fast paths of the extractor give exactly what the straightforward forms give.

Each ``_ref_*`` function or pattern below is the plain form a fast helper replaced; both run on the
same hand-written sentences (curly, doubled and unbalanced quotes, initialisms, contractions,
mis-decoded UTF-8, dashes, numbers, bylines and credits) and on seeded random strings.
"""
from __future__ import annotations

import random
import re

import pytest

from api.pipeline.extract import boilerplate as bp
from api.pipeline.extract import quotes, scoring, sentences, spans, tokens
from api.pipeline.extract.cues import CUE_WORDS, is_cue
from api.pipeline.text import COMMON_HEDGES

SENTENCES = [
    "The mayor said it's too early; we won't know until Friday, and they can't wait.",
    "\u201cWe\u2019re ready,\u201d the coach told reporters \u2014 \u2018it\u2019s our year.\u2019",
    "The U.S. and the U.N. sent envoys to Washington, D.C. on Tuesday at 9:30 a.m. Officials agreed.",
    "Sen. Jane O'Brien (D-Mass.) said 40,000 jobs, or 3.5%, were lost -- and Mr. Smith's firm closed.",
    "\"He told me, 'I never said \"that\" at all,'\" Dr. Brown said. ''Doubled,'' she wrote!",
    "Fran\u00c3\u00a7ois Hollande\u2019s aide said: \u201cNo.\u201d Why now? \u201cWhy not?\u201d asked Clinton.",
    "He went home.Secretary Blinken then left for Cairo\u2026 Inc. Corp. vs. them. No. 5 was fine.",
    "I think we believe it. We feel that maybe, perhaps, it could probably seem likely.",
    "By John Smith and Jane Doe",
    "(Photo by Jane Doe/Getty Images)",
    "Home | World | Politics | Business",
    "The post Senate passes budget appeared first on Example News.",
    "Reuters/Ipsos poll showed Clinton ahead by 4 points among likely voters on Sunday.",
    "https://example.com/story.",
    "ABSTRACT.",
    "Turnout was low.",
    "Getty/Instagram.",
    "\u0130stanbul\u2019s mayor won\u2019t say; \u00abC\u2019est fini\u00bb, a dit le pr\u00e9sident.",
    "  \u00a0Spaces\u2009and\u202fodd\tspaces \u2026  ",
    "",
    "x",
]
_ALPHABET = list("aZbU.S-'\u2019 \t,;:!?)(\"\u201c\u201d\u201e\u00ab\u00bb0123%\u00e9\u00c3\u00a7\u0130\u2026") + [
    "'s", "n't", "\u2019re", "''", "Mr", "said"]


def _random_strings(n: int, seed: int, size: int = 16) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, size))) for _ in range(n)]


SAMPLES = SENTENCES + _random_strings(3000, 1)


# --- tokens: the plain-word shortcut and offsets taken with str.find --------------------------------

_RULES_RE = re.compile(tokens.TOKEN_RULES, re.X)


def _ref_plain(text: str, a: int, b: int) -> list[tuple]:
    out = []
    for m in _RULES_RE.finditer(text, a, b):
        s, c = m.group(), m.group()[0]
        kind = "w" if c.isalpha() else "n" if c.isdigit() else "s" if s in ("'s", "\u2019s") else "p"
        out.append((s, m.start(), m.end(), kind, s.lower()))
    return out


def test_tokens_match_the_token_rules():
    for text in SAMPLES:
        n = len(text)
        for a, b in {(0, n), (n // 3, n), (0, n // 2), (1, max(1, n - 1))}:
            got = [(t.text, t.start, t.end, t.kind, t.low) for t in tokens.tokenize(text, a, b)]
            assert got == _ref_plain(text, a, b), (text, a, b)


# --- sentences and quotation marks: patterns rewritten to open with a character class --------------

_REF_BOUNDARY_RE = re.compile(
    r"""(?P<end>[.!?]+|\u2026)(?P<close>[\"\u201d\u2019')\]]*)(?P<space>\s+)(?P<next>[\"\u201c\u2018'(\[]*[A-Z0-9])""")
_REF_GLUED_RE = re.compile(r"(?<=[a-z]{2})[.!?](?P<close>[\"\u201d\u2019]?)(?=[A-Z][a-z])")
_REF_MARK_RE = re.compile("''|[" + quotes.ALL_MARKS + "]")


@pytest.mark.parametrize("fast, ref", [(sentences._BOUNDARY_RE, _REF_BOUNDARY_RE),
                                       (sentences._GLUED_RE, _REF_GLUED_RE),
                                       (quotes._MARK_RE, _REF_MARK_RE)])
def test_rewritten_patterns_find_the_same_matches(fast, ref):
    for text in SAMPLES + ["home.Secretary", "He left.\u201dThen", "Wait... What? Yes\u2026 No!!  \"Go\""]:
        for a in (0, len(text) // 2):
            got = [(m.span(), m.groupdict()) for m in fast.finditer(text, a)]
            assert got == [(m.span(), m.groupdict()) for m in ref.finditer(text, a)], (text, a)


def test_word_before_a_period_is_searched_from_the_final_run():
    for before in SAMPLES + ["Lt.-Gen", "said Mr", "John F", "a.m", "x\nMr", "Sept"]:
        ref = sentences._WORD_BEFORE_RE.search(before)
        got = sentences._WORD_BEFORE_RE.search(before, len(before.rstrip(sentences._WORD_BEFORE_CHARS)))
        assert (got and (got.span(), got.group(1))) == (ref and (ref.span(), ref.group(1))), before


# --- boilerplate: substring tests before the searching patterns, four-word test, title bounds ------

def _ref_is_furniture(sentence: str) -> bool:
    s = sentence.strip()
    if bp._POST_RE.search(s) or bp._URL_RE.match(s) or bp._NAV_RE.search(s):
        return True
    if bp._BYLINE_RE.match(s) or bp._FURNITURE_RE.match(s):
        return True
    m = bp._CREDIT_RE.search(s) if len(s.split()) <= 25 else None
    return m is not None and len(m.group().split()) <= 6


def _ref_is_fragment(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z0-9]+", sentence)
    if len(words) > 3:
        return False
    return not any(w.lower() in bp._SHORT_VERBS or (w.islower() and w.endswith("ed")) for w in words)


def test_furniture_and_fragments_as_before():
    for s in SAMPLES + ["AFP via Getty Images.", "Bloomberg via Getty", "a | b | c", "one two three four"]:
        assert bp.is_furniture(s) == _ref_is_furniture(s), s
        assert bp.is_fragment(s) == _ref_is_fragment(s), s


def test_title_repeat_ignores_form_but_not_words():
    title = "Blinken warns Israel, Hamas of 'decisive moment' to reach agreement"
    for same in [title, title + ".", title.upper(), "  " + title + " ?!", title.replace("'", "\u2019"),
                 title.replace(" ", "\u00a0 ")]:
        assert bp.is_title_repeat(same, title), same
    assert bp.is_title_repeat("We will not go", "We won\u2019t go")
    assert not bp.is_title_repeat(title[:-1], title)
    assert not bp.is_title_repeat("Blinken warns Israel of a decisive moment", title)
    assert not bp.is_title_repeat(title, None) and not bp.is_title_repeat("", "")


# --- scoring and spans ---------------------------------------------------------------------------

def _ref_checkworthiness(sentence, *, has_speaker, is_quote, quote_spans=(), start=0):
    outside = sentence
    for a, b in quote_spans:
        outside = outside[:a - start] + " " * (b - a) + outside[b - start:]
    toks = scoring._WORD_RE.findall(sentence)
    lows = [t.lower() for t in toks]
    score = 0.35
    if any(t.isdigit() for t in toks) or not scoring._NUMBER_WORDS.isdisjoint(lows):
        score += 0.15
    entities = sum(1 for k, t in enumerate(toks) if k and t[0].isupper() and lows[k] not in scoring._FIRST_PERSON)
    score += min(0.15, 0.05 * entities)
    if has_speaker:
        score += 0.15
    if is_quote:
        score += 0.05
    out_lows = [t.lower() for t in scoring._WORD_RE.findall(outside)]
    if any(w in ("i", "we") and k + 1 < len(out_lows) and out_lows[k + 1] in scoring._OPINION_VERBS
           for k, w in enumerate(out_lows)):
        score -= 0.2
    elif not scoring._FIRST_PERSON.isdisjoint(out_lows):
        score -= 0.1
    score -= min(0.15, 0.05 * sum(1 for w in lows if w in COMMON_HEDGES))
    if len(sentence.split()) < 6:
        score -= 0.1
    if sentence.rstrip("\"\u201d\u2019') ").endswith("?"):
        score -= 0.2
    return round(min(1.0, max(0.0, score)), 2)


def test_checkworthiness_as_before():
    for s in SAMPLES:
        n = len(s)
        for qs in ([], [(100, 100 + n // 2)], [(100, 102), (100 + n // 2, 100 + n)]):
            for speaker in (False, True):
                kw = dict(has_speaker=speaker, is_quote=bool(qs), quote_spans=qs, start=100)
                assert scoring.checkworthiness(s, **kw) == _ref_checkworthiness(s, **kw), (s, qs)


def test_span_helpers_as_before():
    for s in SAMPLES:
        toks = tokens.tokenize(s, 0, len(s), [(2, 6)] if len(s) > 6 else [])
        for a in range(0, len(s), 3):
            assert spans.has_alnum(s, a, len(s)) == any(c.isalnum() for c in s[a:])
        for i in range(len(toks) + 1):
            ref = any(t.kind == "q" for t in toks[i:]) or spans.word_count(toks, i, len(toks)) >= 2
            assert spans.substantive(toks, i, len(toks)) == ref


def test_words_outside_cue_words_are_never_cues():
    """``find_attributions`` skips every token whose word is not in ``CUE_WORDS`` (or one of a few
    other watched words) without asking ``is_cue``."""
    extra = ("He made it clear. They called for calm and pointed out risks. She issued a statement. "
             "The campaign plans to employ staff. As he put it, Trump called it \"a disgrace\": done.")
    for s in SENTENCES + [extra]:
        toks = tokens.tokenize(s, 0, len(s))
        for k, t in enumerate(toks):
            if is_cue(toks, k):
                assert t.low in CUE_WORDS, (s, t)
