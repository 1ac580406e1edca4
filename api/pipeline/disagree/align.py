"""Tokenisation with offsets and token alignment shared by the disagreement detectors.

A mention's text becomes a list of ``Tok``: plain quotes, contractions expanded ("it's" -> "it",
"is", both pointing at the original characters), possessive 's dropped, spelling variants folded,
dotted abbreviations joined ("U.S." -> "us", "p.m." -> "pm"), number phrases merged into one token
("forty thousand" and "40,000" -> "#40000"), and qualifiers of a number merged into one hedge token
by class ("more than" and "over" before a number -> "~over"). Each token keeps (start, end)
offsets into the original text, so detectors can name exactly the differing words.

``Alignment`` runs ``difflib.SequenceMatcher`` over the token keys of two mentions and answers
which tokens correspond and whether two differing stretches sit in the same aligned context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

from .. import gazetteer
from ..text import NEGATIONS, STOPWORDS, expand_contractions, plain, word_spans
from ..types import Span
from . import lexicon as lx
from .numbers import parse_numbers, two_moments
from .places import parse_places
from .times import parse_times

_SYMBOL_RE = re.compile("[" + re.escape("".join(lx.SYMBOL_WORDS)) + "]")
_SYMBOL_WORD = lx.SYMBOL_WORDS
# Markup tags left in a text (<tweet tweet-id="..." tweet-date="...">) are not words.
_MARKUP_RE = re.compile(r"</?[A-Za-z][^<>]{0,300}>?")
_CURRENCY = frozenset({"dollar", "pound", "euro"})
_IS_PRONOUN = frozenset({"it", "that", "there", "here", "what", "who", "he", "she", "this",
                         "where", "how", "let"})


@dataclass(frozen=True)
class Tok:
    """One comparable word of a mention, with its offsets into the original text."""

    word: str              # canonical lower-case form (spelling folded; "#40000" for numbers)
    key: str               # alignment key (word lemmatised and stemmed)
    start: int
    end: int
    cap: bool = False      # written with a capital letter
    num: float | None = None
    ordinal: bool = False
    percent: bool = False
    hedge: str | None = None   # hedge word or number-hedge class
    neg: bool = False      # a negation word
    month: bool = False
    content: bool = False  # not a function word, number, hedge or negation


def _raw_tokens(text: str) -> list[tuple[str, int, int]]:
    """Word and symbol tokens with offsets; markup tags skipped, dotted single letters ("U.S.")
    joined, words joined by a hyphen made one word ("cease-fire" -> "ceasefire", as the closed
    compound is written)."""
    text = _MARKUP_RE.sub(lambda m: " " * len(m.group(0)), lx.fold_diacritics(text))
    toks = sorted(word_spans(text) + [(m.group(0), m.start(), m.end())
                                      for m in _SYMBOL_RE.finditer(text)], key=lambda t: t[1])
    out: list[tuple[str, int, int]] = []
    for raw, s, e in toks:
        if (out and raw.isalpha() and text[s - 1:s] == "-" and out[-1][2] == s - 1
                and out[-1][0].isalpha() and not parse_numbers([out[-1][0].lower(), raw.lower()])):
            prev = out.pop()
            out.append((prev[0] + raw, prev[1], e))
        elif (out and len(raw) == 1 and raw.isalpha() and text[s - 1:s] == "."
                and out[-1][2] == s - 1 and out[-1][0].replace(".", "").isalpha()
                and len(out[-1][0].replace(".", "")) <= 3 and all(
                    len(p) == 1 for p in out[-1][0].split("."))):
            prev = out.pop()
            out.append((prev[0] + "." + raw, prev[1], e))
        else:
            out.append((raw, s, e))
    return out


def _words(text: str) -> list[tuple[str, int, int, bool]]:
    """(lower-case word, start, end, capitalised) after contraction expansion."""
    out = []
    raws = _raw_tokens(text)
    for k, (raw, s, e) in enumerate(raws):
        cap = raw[:1].isupper()
        low = raw.lower().replace(".", "") if "." in raw and not raw[0].isdigit() else raw.lower()
        if low in _SYMBOL_WORD:
            out.append((_SYMBOL_WORD[low], s, e, False))
            continue
        nxt = raws[k + 1][0] if k + 1 < len(raws) else ""
        dotted = text[e:e + 1] == "."
        for p in _expanded(low):
            p = p.replace("'", "")
            if cap:
                p = _abbreviation(p, dotted, nxt)
            if p:
                out.append((p, s, e, cap))
    return out


def _expanded(low: str) -> list[str]:
    """The words a lower-case token stands for: a possessive 's dropped, contractions and bare
    negative contractions expanded ("cannot" -> "can not"), spoken forms written out ("gonna"
    -> "going to", ``lexicon.SPOKEN_FORMS``)."""
    if "'" not in low:
        parts = [low]
    elif low.endswith("'s") and low[:-2] not in _IS_PRONOUN:
        parts = [low[:-2]]
    else:
        parts = expand_contractions(low).split()
    if parts == ["cannot"]:
        return ["can", "not"]
    if len(parts) == 1 and parts[0] in lx.BARE_NEGATIVE_CONTRACTIONS:
        return lx.BARE_NEGATIVE_CONTRACTIONS[parts[0]]
    if len(parts) == 1 and parts[0] in lx.SPOKEN_FORMS:
        return lx.SPOKEN_FORMS[parts[0]]
    return parts


def _abbreviation(p: str, dotted: bool, nxt: str) -> str:
    """A capitalised month or weekday abbreviation written out ("Aug. 19" -> "august", "Mon." ->
    "monday"); any other word unchanged."""
    if p in lx.MONTH_ABBR and (dotted or nxt[:1].isdigit()):
        return lx.MONTH_ABBR[p]
    if p in lx.WEEKDAY_ABBR and dotted:
        return lx.WEEKDAY_ABBR[p]
    return p


def _is_month(words: list, k: int) -> bool:
    """A capitalised month name ("May" at the very start is the modal verb unless a day follows)."""
    w, s, _, cap = words[k]
    if w not in lx.MONTHS or not cap:
        return False
    nxt = words[k + 1][0] if k + 1 < len(words) else ""
    return w != "may" or s > 0 or nxt[:1].isdigit()


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Tok, ...]:
    """The comparable tokens of ``text`` (see the module docstring)."""
    text = plain(text)
    ws = _per_cent_joined(_words(text))
    lows = [w[0] for w in ws]
    numbers = {i: (j, v, o) for i, j, v, o in parse_numbers(lows)}
    toks: list[Tok] = []
    i = 0
    while i < len(ws):
        if i in numbers:
            i = _append_number(toks, ws, lows, i, numbers[i])
            toks[-1] = _with_separator(_with_fraction(toks[-1], text), text)
            while i < len(ws) and ws[i][1] < toks[-1].end:
                i += 1  # the words of a written fraction ("2 1/2") are part of the number
        else:
            toks.append(_word_tok(toks, ws, i))
            i += 1
    return tuple(toks)


VULGAR_FRACTIONS = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3,
                    "\u215b": 0.125}
_VULGAR_AFTER_RE = re.compile(" ?([" + "".join(VULGAR_FRACTIONS) + "])")
_SLASH_FRACTION_RE = re.compile(r" ([1-7])/([2348])\b")  # "2 1/2", "3 3/4": a whole number and a fraction of it


def _fraction_after(text: str, end: int) -> tuple[float, int] | None:
    """The fraction written right after a whole number ending at ``end`` ("½", " 1/2"), as its value
    and where it ends; None when there is none (or "3/2", no proper fraction)."""
    m = _VULGAR_AFTER_RE.match(text, end)
    if m is not None:
        return VULGAR_FRACTIONS[m.group(1)], m.end()
    m = _SLASH_FRACTION_RE.match(text, end)
    if m is not None and int(m.group(1)) < int(m.group(2)):
        return int(m.group(1)) / int(m.group(2)), m.end()
    return None


def _with_fraction(tok: Tok, text: str) -> Tok:
    """A whole number followed by a fraction ("2 ½", "3½", "2 1/2") is one number, 2.5 and 3.5."""
    if tok.num is None or tok.ordinal or tok.percent or tok.num != int(tok.num):
        return tok
    found = _fraction_after(text, tok.end)
    if found is None:
        return tok
    v = tok.num + found[0]
    word = "#" + repr(v)
    return Tok(word, word, tok.start, found[1], tok.cap, v, hedge=tok.hedge)


_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _with_separator(tok: Tok, text: str) -> Tok:
    """A figure written with dots between groups of three digits and joined by a hyphen to the
    word it qualifies ("the 4.600-strong force", a European thousands separator) is 4,600, not
    4.6; a decimal standing alone ("1.325") keeps its value."""
    if tok.num is None or tok.percent or tok.ordinal:
        return tok
    if not (_DOT_THOUSANDS_RE.fullmatch(text, tok.start, tok.end) and text[tok.end:tok.end + 1] == "-"
            and text[tok.end + 1:tok.end + 2].isalpha()):
        return tok
    v = float(text[tok.start:tok.end].replace(".", ""))
    word = "#" + str(int(v))
    return Tok(word, word, tok.start, tok.end, tok.cap, v, hedge=tok.hedge)


def _per_cent_joined(ws: list) -> list:
    """The words with "per cent" made one word, "percent"."""
    merged = []
    for w in ws:
        if w[0] == "cent" and merged and merged[-1][0] == "per":
            merged[-1] = ("percent", merged[-1][1], w[2], False)
        else:
            merged.append(w)
    return merged


def _append_number(toks: list[Tok], ws: list, lows: list[str], i: int, number: tuple[int, float, bool]) -> int:
    """Append the one token of the number phrase at word ``i`` (a currency word just before it
    and "percent" just after it belong to it, a qualifier before it becomes a hedge token);
    returns the index of the next word."""
    j, v, o = number
    s, cap = ws[i][1], ws[i][3]
    pct = j < len(ws) and ws[j][0] == "percent"
    end = ws[j][2] if pct else ws[j - 1][2]
    word = "#" + (str(int(v)) if v == int(v) else repr(v)) + ("%" if pct else "th" if o else "")
    hi = i
    if toks and toks[-1].word in _CURRENCY and toks[-1].end == s:
        s = toks.pop().start  # "$5" is one token, as "5 dollars" is the number + unit
        hi -= 1
    _attach_number_hedge(toks, lows, hi)
    toks.append(Tok(word, word, s, end, cap, v, o, pct))
    return j + 1 if pct else j


def _word_tok(toks: list[Tok], ws: list, i: int) -> Tok:
    """The token of word ``i``: canonical form, key, and its hedge, negation, month and content
    flags (``toks``, the tokens so far, tell an adjective hedge after a number or determiner)."""
    w, s, e, cap = ws[i]
    word = lx.canon(w)
    month = _is_month(ws, i)
    hedge = word if word in lx.HEDGE_WORDS and not month and not (
        word in lx.ADJECTIVE_HEDGES and toks and (toks[-1].num is not None or toks[-1].word in lx.DETERMINERS)) else None
    neg = word in NEGATIONS and not (i + 1 < len(ws) and ws[i + 1][0] in lx.NOT_NEGATION_AFTER)
    content = not (hedge or neg or word in STOPWORDS or word in lx.AUX)
    return Tok(word, lx.key(word), s, e, cap, hedge=hedge, neg=neg, month=month, content=content)


def _attach_number_hedge(toks: list[Tok], lows: list[str], i: int) -> None:
    """Replace the words just before word ``i`` (a number) by one hedge-class token when they
    qualify it ("more than", "about")."""
    for phrase, cls in lx.NUMBER_HEDGE_PHRASES:
        n = len(phrase)
        if n <= len(toks) and i >= n and tuple(lows[i - n:i]) == phrase \
                and all(t.num is None for t in toks[-n:]):
            start, end = toks[-n].start, toks[-1].end
            del toks[-n:]
            toks.append(Tok("~" + cls, "~" + cls, start, end, hedge=cls))
            return


class Side:
    """One mention prepared for comparison: tokens, keys, and (parsed when first asked for:
    most pairs of reports are the same words, which ``detect`` sees from the words alone) time
    expressions and places."""

    __slots__ = ("text", "toks", "keys", "words", "_times", "_time_idx", "_places")

    def __init__(self, text: str):
        self.text = text
        self.toks = tokenize(text)
        self.keys = [t.key for t in self.toks]
        self.words = [t.word for t in self.toks]
        self._times = self._time_idx = self._places = None

    @property
    def times(self):
        """The time expressions (``times.parse_times``)."""
        if self._times is None:
            self._times = parse_times(self.toks, self.text)
        return self._times

    @property
    def time_idx(self) -> set[int]:
        """Indexes of the tokens inside a time expression."""
        if self._time_idx is None:
            self._time_idx = {k for x in self.times for k in range(x.i, x.j)}
        return self._time_idx

    @property
    def places(self):
        """The place mentions (``places.parse_places``)."""
        if self._places is None:
            self._places = parse_places(self.toks, self.text)
        return self._places

    def span(self, i: int, j: int) -> Span:
        """Span of tokens i..j-1 (an empty span at the token position when i == j)."""
        if not self.toks:
            return Span(0, 0, "")
        if i >= j:
            pos = self.toks[i].start if i < len(self.toks) else self.toks[-1].end
            return Span(pos, pos, "")
        s, e = self.toks[i].start, self.toks[min(j, len(self.toks)) - 1].end
        return Span(s, e, self.text[s:e])

    def phrase(self, i: int, j: int) -> str:
        """Original text of tokens i..j-1, clamped to the mention."""
        i, j = max(0, i), min(len(self.toks), j)
        return self.span(i, j).text if i < j else ""

    def find(self, i: int, j: int, pred) -> int | None:
        """Index of the first token in i..j-1 satisfying ``pred``, or None."""
        for k in range(max(0, i), min(j, len(self.toks))):
            if pred(self.toks[k]):
                return k
        return None


def _sentence_initial(side: Side, k: int) -> bool:
    """True when token k opens a sentence (the text's first token, or one after . ! ? or a colon)."""
    before = side.text[:side.toks[k].start].rstrip(" \t\n\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:"


@lru_cache(maxsize=4096)
def side(text: str) -> Side:
    """The prepared ``Side`` for a text (cached: a mention is compared with many others)."""
    return Side(text)


class Alignment:
    """Token alignment of two mentions (``a`` and ``b`` are ``Side`` objects)."""

    def __init__(self, a: Side, b: Side):
        self.a, self.b = a, b
        sm = SequenceMatcher(None, a.keys, b.keys, autojunk=False)
        # a compound written open on one side and closed on the other is an op of its own,
        # "form", that no detector reads
        self.ops = [("form", i1, i2, j1, j2) if tag == "replace" and lx.same_form(a.words[i1:i2], b.words[j1:j2])
                    else (tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in sm.get_opcodes()]
        self.amap = [-1] * len(a.toks)
        self.bmap = [-1] * len(b.toks)
        for tag, i1, i2, j1, j2 in self.ops:
            if tag == "equal":
                for k in range(i2 - i1):
                    self.amap[i1 + k] = j1 + k
                    self.bmap[j1 + k] = i1 + k

    @cached_property
    def shares_a_name(self) -> bool:
        """True when a capitalised content word (not a month or weekday) is aligned between the
        two texts: a name both reports give to what they are about ("Gaza", "Blinken", "the
        Senate"). A word that opens a sentence on both sides is capitalised anyway ("Turnout
        was ..."); it counts only as a country, state or demonym ("Israel says ...") or as the
        first word of a longer name ("Joe Biden said ..."). (Worked out once per pair: the
        ``number`` and ``time`` detectors both ask.)"""
        for i, j in enumerate(self.amap):
            if j < 0:
                continue
            t, u = self.a.toks[i], self.b.toks[j]
            if not (t.cap and u.cap and t.content and not t.month and t.word not in lx.WEEKDAYS):
                continue
            if not (_sentence_initial(self.a, i) and _sentence_initial(self.b, j)):
                return True
            nxt = self.amap[i + 1] if i + 1 < len(self.amap) else -1
            if nxt == j + 1 and self.a.toks[i + 1].cap and self.a.toks[i + 1].content:
                return True
            if gazetteer.region_code(self.a.text[t.start:t.end]):
                return True
        return False

    @cached_property
    def two_moments(self) -> bool:
        """True when the two texts report different moments of the same figures, every one
        differing ("up 3.4 points, or 0.4%, at 967" / "down 0.04 points, or 0%, at 971.5"):
        ``numbers.two_moments``, worked out once per pair (``number`` and ``negation`` ask)."""
        return two_moments(self)

    def equal_blocks(self, content_only: bool = True):
        """Equal opcodes (i1, i2, j1, j2) in order, with the end of the previous equal block on
        each side: yields (i1, i2, j1, j2, prev_i2, prev_j2)."""
        pa = pb = 0
        for tag, i1, i2, j1, j2 in self.ops:
            if tag != "equal":
                continue
            if not content_only or any(t.content for t in self.a.toks[i1:i2]):
                yield i1, i2, j1, j2, pa, pb
            pa, pb = i2, j2

    def tied(self, ai: int, aj: int, bi: int, bj: int, window: int = 5) -> bool:
        """True when a[ai:aj] and b[bi:bj] sit in the same aligned context: going back (or
        forward) from each range, within ``window`` tokens, the two sides reach the same aligned
        content word, with nothing in between aligned across the ranges."""
        return self._tied_dir(ai, aj, bi, bj, window, -1) or self._tied_dir(ai, aj, bi, bj, window, 1)

    def _tied_dir(self, ai: int, aj: int, bi: int, bj: int, window: int, step: int) -> bool:
        if step < 0:
            ks = range(ai - 1, max(-1, ai - 1 - window), -1)
        else:
            ks = range(aj, min(len(self.amap), aj + window))
        for p in ks:
            q = self.amap[p]
            if q < 0:
                continue
            if step < 0:
                if q >= bi or bi - q > window:
                    return False
                between = range(q + 1, bi)
            else:
                if q < bj or q - bj >= window:
                    return False
                between = range(bj, q)
            lo, hi = (p + 1, ai) if step < 0 else (aj, p)
            if any(self.bmap[k] >= 0 and not lo <= self.bmap[k] < hi for k in between):
                return False
            if self.a.toks[p].content:
                return True
        return False
