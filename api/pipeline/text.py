"""Text normalisation shared by the pipeline stages.

Quote marks, dashes and apostrophes are made plain, contractions expanded, words tokenised
with their character offsets, and function words told apart from content words. Everything is
pure Python and cheap enough to run for every mention at ingest.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_TRANSLATE = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})

QUOTE_CHARS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'

_CONTRACTIONS = {
    "won't": "will not", "can't": "cannot", "shan't": "shall not", "ain't": "is not",
    "n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "'m": " am",
}
_CONTRACTION_RE = re.compile(r"\b(won't|can't|shan't|ain't)|(n't|'re|'ve|'ll|'d|'m)\b", re.I)
# "it's", "that's", "he's" ... : 's after a pronoun is "is"; after a noun it is a possessive.
_IS_RE = re.compile(r"\b(it|that|there|here|what|who|he|she|this|where|how)'s\b", re.I)
_LET_US_RE = re.compile(r"\b(let)'s\b", re.I)

TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*(?:'[A-Za-z]+)?")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
let me more most my myself no nor not of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves s t re ve ll d m us said says say saying told tell
""".split())

# Hedges: qualifiers that weaken or bound a statement, the one list of the pipeline. The common
# ones also lower a sentence's checkworthiness (extract.scoring); the disagreement detectors
# (disagree.lexicon) use them all, the soft ones (too often mere tense or reporting style: "said
# the deal would be done") only when the other side has a hedge too.
COMMON_HEDGES = frozenset("""maybe perhaps might may could seem seems appear appears probably possibly
likely reportedly allegedly""".split())
SOFT_HEDGES = frozenset("""would appear appears appeared seem seems seemed believed expected suggests
suggested suggest estimated indicated indicates indicate""".split())
HEDGES = COMMON_HEDGES | SOFT_HEDGES | frozenset("""apparently seemingly purportedly supposedly presumably
arguably potentially nearly almost roughly approximately""".split())
NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot",
                       "without"})

_stemmer = snowballstemmer.stemmer("english")


def plain(text: str) -> str:
    """Curly quotes, dashes and odd spaces made plain ASCII; lengths are preserved."""
    if text.isascii():  # every character plain() replaces is non-ASCII
        return text
    return text.translate(_TRANSLATE)


def expand_contractions(text: str) -> str:
    """'It's time' → 'It is time', "won't" → 'will not' (the input should be plain())."""
    if "'" not in text:  # every contraction has an apostrophe
        return text
    if "'s" in text or "'S" in text:  # "it's", "let's"
        text = _IS_RE.sub(lambda m: m.group(1) + " is", text)
        text = _LET_US_RE.sub(lambda m: m.group(1) + " us", text)

    def repl(m: re.Match) -> str:
        word = (m.group(1) or m.group(2)).lower()
        return _CONTRACTIONS.get(word, word)

    return _CONTRACTION_RE.sub(repl, text)


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Lower-case, plain quotes, contractions expanded, whitespace collapsed (cached: the same
    candidate texts come back again and again during matching)."""
    return re.sub(r"\s+", " ", expand_contractions(plain(text))).strip().lower()


def words(text: str) -> list[str]:
    """Lower-case word tokens of normalise(text) (possessive 's dropped)."""
    out = []
    for tok in TOKEN_RE.findall(normalise(text)):
        if tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok.replace("'", ""))
    return out


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` with their (start, end) offsets in the original string."""
    src = plain(text)
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(src)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of a lower-case word."""
    return _stemmer.stemWord(word)


def content_words(text: str) -> list[str]:
    """Words of ``text`` that are not function words, lower-case."""
    return [w for w in words(text) if w not in STOPWORDS]

