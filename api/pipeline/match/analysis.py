"""Per-mention text analysis for the matcher, computed once per text and cached.

A mention's text becomes: its lower-case words, canonical stems of every word (paraphrase
groups and irregular verbs joined, numbers folded to one value token each), the content stems
(no stop words, no reporting verbs) and their surface words (what the embedding reads), the named
entities (capitalised tokens that do not start a sentence, and all-caps acronyms), the numbers as values ("40,000", "forty thousand" and "40k"
are all 40000) and the quoted fragments as word sequences (not quoted titles such as "Morning Joe").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from api.pipeline.text import STOPWORDS, TOKEN_RE, expand_contractions, plain, stem

from .lexicon import (IRREGULAR, NUMBER_WORDS, ORDINALS, PHRASE_STARTS, REPORTING, SCALES, SYNONYMS,
                      UNITS)

# two or more "X." at a word start ("U.S.", "U.N."); the same as r"\b((?:[A-Z]\.){2,})", but
# starting with a character class lets the regex engine skip ahead to capital letters quickly
_ACRONYM_DOTS = re.compile(r"([A-Z](?<!\w[A-Z])\.(?:[A-Z]\.)+)")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_DIGITS = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn|mln)$")
_SENTENCE_BREAK = frozenset('.!?:;"([{\n')
_QUOTE_RE = re.compile(r'"([^"\n]{3,}?)"')
# TOKEN_RE with a capturing group: split() gives [gap, token, gap, token, ..., gap] in one pass
_TOKEN_SPLIT = re.compile("(" + TOKEN_RE.pattern + ")")
_ANY_DIGIT = re.compile(r"[0-9]")
_DIGIT_CHARS = frozenset("0123456789")
_SKIP = STOPWORDS | REPORTING          # words that are never content words
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
    content_words: tuple[str, ...] = ()  # the lower-case surface of each ``content`` item ("touched down")


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


def _prepare(text: str) -> str:
    """``text`` made plain, contractions expanded and dotted acronyms ("U.S.") joined ("US ")."""
    src = expand_contractions(plain(text))
    if "." in src:  # every dotted acronym has a dot
        src = _ACRONYM_DOTS.sub(lambda m: m.group(1).replace(".", "") + " ", src)
    return src


def _split_tokens(text: str) -> tuple[list[str], list[bool]]:
    """The tokens of plain, contraction-expanded ``text`` (original case) and, per token,
    whether it starts a sentence: it is the first token, or the text between it and the
    previous token holds a sentence break (``.!?:;"([{`` or a new line)."""
    parts = _TOKEN_SPLIT.split(_prepare(text))
    toks = parts[1::2]
    # parts[0::2] are the gaps before each token (and the tail after the last one)
    initial = [g != " " and not _SENTENCE_BREAK.isdisjoint(g) for g in parts[0:-1:2]]
    if initial:
        initial[0] = True
    return toks, initial


def _surfaces(toks: list[str]) -> list[str]:
    """The lower-case surface words of tokens, possessive 's dropped and other apostrophes
    removed ("Israel's" -> "israel", "O'Neill" -> "oneill"). All tokens are lower-cased in one
    call (they are ASCII and hold no spaces); apostrophes are handled only when there are any."""
    if not toks:
        return []
    joined = " ".join(toks).lower()
    low = joined.split(" ")
    if "'" not in joined:
        return low
    return [(w[:-2] if w.endswith("'s") else w).replace("'", "") if "'" in w else w for w in low]


def _fold_numbers(words: list[str]) -> list[tuple[str, int, int]]:
    """Groups runs of number words/digits into one "#value" item: (item, start, end) indices."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        # every digit token's value starts with a digit: skip the regular expressions otherwise
        val = _number_value(w) if w[:1] in _DIGIT_CHARS else None
        if val is None:
            if w in ORDINALS:
                out.append((_fmt(ORDINALS[w]), i, i + 1))
                i += 1
                continue
            if w not in UNITS or (w == "one" and not (i + 1 < n and words[i + 1] in SCALES)):
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
    """Joins known phrases ("touched down" -> "arrive") into one item: (item, start, end).

    Only words that start a known phrase are tried (``PHRASE_STARTS``, longest phrase first)."""
    out, i, n = [], 0, len(seq)
    while i < n:
        w = seq[i]
        for phrase, canon in PHRASE_STARTS.get(w, ()):
            size = len(phrase)
            if i + size <= n and tuple(seq[i:i + size]) == phrase:
                out.append((canon, i, i + size))
                i += size
                break
        else:
            out.append((w, i, i + 1))
            i += 1
    return out


@lru_cache(maxsize=65536)
def _stem_word(w: str) -> str:
    """The canonical stem of one word or "#value" item (irregular form and paraphrase group
    joined first); cached, since the same words come back in every mention."""
    if w.startswith(NUM_PREFIX):
        return w
    w = IRREGULAR.get(w, w)
    w = SYNONYMS.get(w, w)
    return w if "_" in w else stem(w)


def _quote_spans(text: str, quotes: tuple[tuple[int, int], ...]) -> list[str]:
    if quotes:
        return [text[s:e] for s, e in quotes if 0 <= s < e <= len(text)]
    if '"' not in text and text.isascii():  # no straight quote and nothing plain() could make one
        return []
    return [m.group(1) for m in _QUOTE_RE.finditer(plain(text))]


@lru_cache(maxsize=8192)
def analyse(text: str, quotes: tuple[tuple[int, int], ...] = ()) -> Analysis:
    """Analyses one mention text; ``quotes`` are (start, end) offsets of quoted fragments in
    ``text`` (when empty, fragments between straight or curly double quote marks are used)."""
    toks, initial = _split_tokens(text)
    surf = _surfaces(toks)
    # the pronoun "us" is a stop word; the all-caps country "US" is not
    if "us" in surf:
        base = ["usa" if s == "us" and t.isupper() and len(t) >= 2 else s for s, t in zip(surf, toks)]
    else:
        base = surf
    items, bounds, folded = _items(text, base)
    stems = list(map(_stem_word, items))
    numbers = {st for st in stems if st.startswith(NUM_PREFIX)} if folded else ()
    content, entities, surfaces = _content_and_entities(toks, initial, items, bounds, stems, folded, base)
    return Analysis(tuple(surf), tuple(stems), tuple(content), frozenset(entities),
                    frozenset(numbers), " ".join(surf), tuple(_quoted_fragments(text, quotes)),
                    tuple(surfaces))


def _items(text: str, base: list[str]):
    """(items, bounds, folded): the words with numbers folded ("3 million" → one item) and
    phrases joined ("united states"); ``bounds`` gives each item's token range when items are
    not tokens (else None); ``folded`` says whether numbers were folded."""
    # fast paths: no digits and no number words means nothing to fold; no word that starts a
    # phrase means nothing to join (items then map one-to-one onto tokens)
    if _ANY_DIGIT.search(text) is None and NUMBER_WORDS.isdisjoint(base):
        folded = None
        items = base
    else:
        folded = _fold_numbers(base)
        items = [it for it, _, _ in folded]
    bounds = None
    if not PHRASE_STARTS.keys().isdisjoint(items):
        canonical = _canonical(items)
        items = [it for it, _, _ in canonical]
        bounds = [(i, j) for _, i, j in canonical]
    if folded is not None:
        bounds = ([(folded[i][1], folded[j - 1][2]) for i, j in bounds] if bounds is not None
                  else [(s, e) for _, s, e in folded])
    return items, bounds, folded is not None


def _content_and_entities(toks, initial, items, bounds, stems, folded: bool, base: list[str]):
    """The content stems (numbers and stop words left out), the named entities among them (a
    capitalised word or phrase ("United States") that does not start a sentence, or an acronym)
    and each content stem's lower-case surface words (``base`` holds one per token)."""
    content: list[str] = []
    entities: set[str] = set()
    surfaces: list[str] = []
    for k, item in enumerate(items):
        if item in _SKIP or (len(item) < 2 and not item.isdigit()):
            continue
        st = stems[k]
        if folded and st.startswith(NUM_PREFIX):
            continue
        content.append(st)
        s, e = (k, k + 1) if bounds is None else bounds[k]
        surfaces.append(base[s] if e - s == 1 else " ".join(base[s:e]))
        if e - s == 1:
            tok = toks[s]
            if (not initial[s] and tok[0].isupper()) or (tok.isupper() and len(tok) >= 2):
                entities.add(st)
        elif not initial[s] and all(toks[x][:1].isupper() for x in range(s, e)):
            entities.add(st)
    return content, entities, surfaces


def _quoted_fragments(text: str, quotes: tuple[tuple[int, int], ...]) -> list[tuple[str, ...]]:
    """The words of each quotation of what someone said: a title in quotation marks ("Morning
    Joe") names something, and one quoted word ("common-sense") is a scare quote."""
    frags = []
    for q in _quote_spans(text, quotes):
        qtoks = _TOKEN_SPLIT.split(_prepare(q))[1::2]
        qw = tuple(_surfaces(qtoks))
        content_toks = [t for t, w in zip(qtoks, qw) if w not in _SKIP]
        if len(content_toks) >= 2 and len(q.split()) >= 2 and not all(t[:1].isupper() for t in content_toks):
            frags.append(qw)
    return frags
