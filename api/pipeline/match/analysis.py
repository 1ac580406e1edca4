"""Per-mention text analysis for the matcher, computed once per text and cached.

A mention's text becomes: its lower-case words, canonical stems of every word (paraphrase
groups and irregular verbs joined, numbers folded to one value token each), the content stems
(no stop words, no reporting verbs), the named entities (capitalised tokens that do not start a
sentence, and all-caps acronyms), the numbers as values ("40,000", "forty thousand" and "40k"
are all 40000) and the quoted fragments as word sequences (not quoted titles such as "Morning Joe").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from api.pipeline.text import STOPWORDS, TOKEN_RE, expand_contractions, plain, stem

from .lexicon import IRREGULAR, MAX_PHRASE, ORDINALS, PHRASES, REPORTING, SCALES, SYNONYMS, UNITS

_ACRONYM_DOTS = re.compile(r"\b((?:[A-Z]\.){2,})")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_DIGITS = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn|mln)$")
_SENTENCE_BREAK = set('.!?:;"([{\n')
_QUOTE_RE = re.compile(r'"([^"\n]{3,}?)"')
NUM_PREFIX = "#"


@dataclass(frozen=True)
class Analysis:
    """What the matcher knows about one mention's text (see the module docstring)."""

    words: tuple[str, ...]          # lower-case surface words, possessive 's dropped
    stems: tuple[str, ...]          # canonical stem per token, numbers as "#<value>"
    content: tuple[str, ...]        # canonical stems of content words, in order (no numbers)
    entities: frozenset[str]        # canonical stems of named-entity tokens
    numbers: frozenset[str]         # "#<value>" tokens
    norm: str                       # normalised text (for character-level fuzzy ratios)
    quotes: tuple[tuple[str, ...], ...]  # quoted fragments (surface words), >= 2 content words, not a title


def _number_value(text: str) -> float | None:
    """The value of a digit token ("40,000", "2.5", "9th"), else None."""
    m = _ORDINAL_DIGITS.match(text)
    if m:
        return float(m.group(1))
    m = _SCALED.match(text)
    if m:
        return float(m.group(1)) * SCALES[m.group(2)]
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    return None


def _fmt(value: float) -> str:
    return NUM_PREFIX + (str(int(value)) if value == int(value) else f"{value:g}")


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(surface token, starts-a-sentence) pairs of plain, contraction-expanded text."""
    src = expand_contractions(plain(text))
    src = _ACRONYM_DOTS.sub(lambda m: m.group(1).replace(".", "") + " ", src)
    out = []
    prev_end = 0
    for m in TOKEN_RE.finditer(src):
        gap = src[prev_end:m.start()]
        initial = not out or any(ch in _SENTENCE_BREAK for ch in gap)
        out.append((m.group(0), initial))
        prev_end = m.end()
    return out


def _surface(tok: str) -> str:
    low = tok.lower()
    if low.endswith("'s"):
        low = low[:-2]
    return low.replace("'", "")


def _fold_numbers(words: list[str]) -> list[tuple[str, int, int]]:
    """Groups runs of number words/digits into one "#value" item: (item, start, end) indices."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        val = _number_value(w)
        is_num_word = w in UNITS and (w != "one" or (i + 1 < n and words[i + 1] in SCALES))
        if val is None and w in ORDINALS:
            out.append((_fmt(ORDINALS[w]), i, i + 1))
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
                scale = SCALES[nxt]
                if scale == 100:
                    current *= 100
                else:
                    total += current * scale
                    current = 0.0
                j += 1
            elif val is None and nxt in UNITS and nxt != "dozen":
                current += UNITS[nxt]
                j += 1
            elif val is None and nxt == "and" and j + 1 < n and words[j + 1] in UNITS:
                j += 1
            else:
                break
        out.append((_fmt(total + current), i, j))
        i = j
    return out


def _canonical(seq: list[str]) -> list[tuple[str, int, int]]:
    """Joins known phrases ("touched down" -> "arrive") into one item: (item, start, end)."""
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


def _stem_word(w: str) -> str:
    if w.startswith(NUM_PREFIX):
        return w
    w = IRREGULAR.get(w, w)
    w = SYNONYMS.get(w, w)
    return w if "_" in w else stem(w)


def _quote_spans(text: str, quotes: tuple[tuple[int, int], ...]) -> list[str]:
    if quotes:
        return [text[s:e] for s, e in quotes if 0 <= s < e <= len(text)]
    return [m.group(1) for m in _QUOTE_RE.finditer(plain(text))]


@lru_cache(maxsize=8192)
def analyse(text: str, quotes: tuple[tuple[int, int], ...] = ()) -> Analysis:
    """Analyses one mention text; ``quotes`` are (start, end) offsets of quoted fragments in
    ``text`` (when empty, fragments between straight or curly double quote marks are used)."""
    toks = _tokens(text)
    surf = [_surface(t) for t, _ in toks]
    country = [t.isupper() and len(t) >= 2 for t, _ in toks]
    # the pronoun "us" is a stop word; the all-caps country "US" is not
    base = ["usa" if s == "us" and c else s for s, c in zip(surf, country)]
    stems: list[str] = []
    content: list[str] = []
    entities: set[str] = set()
    numbers: set[str] = set()
    folded = _fold_numbers(base)
    for item, i, j in _canonical([it for it, _, _ in folded]):
        st = _stem_word(item)
        stems.append(st)
        if st.startswith(NUM_PREFIX):
            numbers.add(st)
            continue
        if item in STOPWORDS or item in REPORTING or (len(item) < 2 and not item.isdigit()):
            continue
        content.append(st)
        s, e = folded[i][1], folded[j - 1][2]
        # a capitalised word (or phrase: "United States") that does not start a sentence, or an acronym
        if (all(toks[k][0][:1].isupper() for k in range(s, e)) and not toks[s][1]) or (e - s == 1 and country[s]):
            entities.add(st)
    norm = " ".join(surf)
    frags = []
    for q in _quote_spans(text, quotes):
        qtoks = _tokens(q)
        qw = tuple(_surface(t) for t, _ in qtoks)
        content_toks = [t for (t, _), w in zip(qtoks, qw) if w not in STOPWORDS and w not in REPORTING]
        # a title in quotation marks ("Morning Joe") names something, and one quoted word
        # ("common-sense") is a scare quote: neither is a quotation of what someone said
        if len(q.split()) >= 2 and len(content_toks) >= 2 and not all(t[:1].isupper() for t in content_toks):
            frags.append(qw)
    return Analysis(tuple(surf), tuple(stems), tuple(content), frozenset(entities),
                    frozenset(numbers), norm, tuple(frags))
