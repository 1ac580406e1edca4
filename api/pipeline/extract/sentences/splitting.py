"""Paragraph and sentence splitting tuned for news text.

A line break always ends a sentence (news bodies put one paragraph per line, headlines and
captions on lines of their own, often without final punctuation). Inside a line a sentence
ends at ``.``, ``!`` or ``?`` (plus any closing quote marks or brackets that follow) when the
next word can start a sentence — unless the period belongs to an abbreviation (``Mr.``,
``Sept.``, ``Lt.-Gen.``), an initial (``John F. Kennedy``) or an initialism (``U.S.``) that
is followed by an ordinary capitalised word. A period glued to the next paragraph
(``home.Secretary``) is a boundary too. Offsets always point into the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import TITLE_ABBREVIATIONS  # (never end a sentence before a capitalised word or a number)

MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Ambiguous abbreviations: they end a sentence only when a sentence-opening word follows.
AMBIGUOUS_ABBREVIATIONS = frozenset("inc corp co ltd jr sr bros no nos vs v al approx dept est fig".split())

# Words that usually open a sentence; after an initialism ("U.S.") or an ambiguous
# abbreviation ("Inc.") only these make the period a sentence end.
SENTENCE_OPENERS = frozenset("""
the a an he she it they we i you this that these those there his her its their our my
but and or so yet if when while after before as in on at for from with by to of since
although though because however meanwhile still also then now many some most several
one two three no not what who why how where which
""".split())

_BOUNDARY_RE = re.compile(  # (written to open with a character class, so the search can skip ahead)
    r"""(?P<end>[.!?\u2026](?:(?<=[.!?])[.!?]*)?)  # sentence-final punctuation: [.!?]+ or \u2026
        (?P<close>[\"\u201d\u2019')\]]*)       # closing quotes / brackets after it
        (?P<space>\s+)
        (?P<next>[\"\u201c\u2018'(\[]*[A-Z0-9])  # what the next sentence starts with
    """,
    re.X,
)
# "home.Secretary": a lower-case word glued to a capitalised one by a period.
# (the look-behind comes after the mark so that the search can skip to the next mark at once)
_GLUED_RE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])(?P<close>[\"\u201d\u2019]?)(?=[A-Z][a-z])")
_TAIL_VERBS = ("said|says|asked|asks|added|adds|told|tells|wrote|writes|tweeted|replied|responded|"
               "continued|explained|noted|declared|insisted|warned|argued|recalled|joked|quipped")
# '"Why now?" Clinton asked.' / '"Why now?" asked Clinton.' : a short attribution after the quotation.
_ATTRIBUTION_TAIL_RE = re.compile(
    rf"(?:(?:[A-Z][\w.'\u2019-]*|the|a|an|of|[a-z]+man|[a-z]+woman)\s+){{1,5}}(?:{_TAIL_VERBS})\b[^.!?]{{0,60}}[.!?]"
    rf"|(?:{_TAIL_VERBS})\s+[A-Z]", )
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+(?:\.[A-Za-z]+)*)\.?$")
# A match of _WORD_BEFORE_RE lies in the run of these characters that ends the string, so the
# search starts there rather than trying every position of the 40 characters before the period.
_WORD_BEFORE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.\n"
_INITIALISM_RE = re.compile(r"(?:^|[\s(\"\u201c-])((?:[A-Za-z]\.){2,})$")
_NEXT_WORD_RE = re.compile(r"[\"\u201c\u2018'(\[]*([A-Za-z]+|\d)")


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into the article text and the index of its paragraph."""

    start: int
    end: int
    para: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace stripped."""
    spans = (strip_span(text, *m.span()) for m in re.finditer(r"[^\n\r\u2028\u2029]+", text))
    return [(a, b) for a, b in spans if a < b]


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``a:b`` of ``text`` without surrounding whitespace."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _is_boundary(text: str, m: re.Match, para_start: int, para_end: int) -> bool:
    """Decide whether the punctuation matched by ``_BOUNDARY_RE`` really ends a sentence."""
    if m.group("close") and m.group("end") != "." and _ATTRIBUTION_TAIL_RE.match(text, m.start("next"), para_end):
        return False  # '"Why now?" Clinton asked.' : the attribution belongs to the quotation
        # (after '."' a capitalised "X said" opens a new sentence: a quotation ending in a period
        # that carries on into its attribution takes a comma instead)
    if m.group("end") != ".":
        return True
    if m.group("close"):
        return True  # `... home."` : a closing mark after the period ends the sentence
    before = text[max(para_start, m.start("end") - 40):m.start("end")]
    nxt = _NEXT_WORD_RE.match(text, m.start("next"))
    next_word = nxt.group(1) if nxt else ""
    opener = next_word.lower() in SENTENCE_OPENERS
    ini = _INITIALISM_RE.search(before + ".")
    if ini:  # U.S. / D.C. / a.m.
        return opener
    wm = _WORD_BEFORE_RE.search(before, len(before.rstrip(_WORD_BEFORE_CHARS)))
    if not wm:
        return True
    word = wm.group(1)
    low = word.lower().rsplit(".", 1)[-1]
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if low in TITLE_ABBREVIATIONS or low in MONTH_ABBREVIATIONS:
        return False
    if low in AMBIGUOUS_ABBREVIATIONS:
        if low in ("no", "nos") and next_word.isdigit():
            return False
        return opener
    return True


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph), whitespace stripped."""
    cuts = []
    for m in _BOUNDARY_RE.finditer(text, start, end):
        if _is_boundary(text, m, start, end):
            cuts.append((m.end("close"), m.start("next")))
    for m in _GLUED_RE.finditer(text, start, end):
        cut = m.end()
        cuts.append((cut, cut))
    cuts.sort()
    spans, a = [], start
    for stop, nxt in cuts:
        if stop > a:
            spans.append((a, stop))
        a = max(a, nxt)
    if a < end:
        spans.append((a, end))
    stripped = (strip_span(text, a, b) for a, b in spans)
    return [(a, b) for a, b in stripped if a < b]


def split_sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """All sentences of ``text`` in order, each tagged with its paragraph index.

    ``paras`` are the paragraph spans when the caller already has them (see :func:`paragraphs`).
    """
    out = []
    for p, (a, b) in enumerate(paragraphs(text) if paras is None else paras):
        out.extend(Sentence(s, e, p) for s, e in split_paragraph(text, a, b))
    return out
