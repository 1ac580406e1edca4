"""Is this quotation a title? The one home of the question, in its two readings.

Quotation marks hold words said, but also the name of a show, a book or a slogan ('told NBC's
"Today" show', 'on "Meet the Press"'). The rules ask it in two ways, for two purposes:

- :func:`is_title` is the strict reading, for a quotation that would otherwise be kept as words
  said (a programme's title in the outlet's narration, a title left alone in a piece of a cut
  sentence): a short run of capitalised words where the small connectors of a title may stay
  lower case ("Meet the Press"), never a chant or a question ("Feel the Bern!").
- :func:`is_capitalised` is the loose reading, for a quotation *beside* a frame, where a title and
  a name (or a slogan in capitals) are alike in saying nothing: every word capitalised, no
  connector allowed, any length unless ``max_words`` says otherwise; a quotation without words
  ("2016") counts as ``wordless`` says. :func:`title_closing_insert` is its use on a token whose
  marks hold the comma that closes an insert.

A quotation piece that is only a programme's title with the outlet's words around it is no
mention (:func:`is_programme_piece`, the one filter ``extract`` applies): the words around a title
are read over the word lists below, all kept here.
"""
from __future__ import annotations

import re

from .tokens import Tok

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# The words of a title that may stay in lower case ("Meet *the* Press").
_TITLE_CONNECTORS = frozenset("the of and a an in on for to with at".split())
# The nouns that name a programme ("NBC's "Today" *show*", "the CNN *program* "…""), shared by the
# two word lists of the outlet's narration around a title that follow.
_PROGRAMME_NOUNS = frozenset("show program programme broadcast".split())
# The last word before a programme's title: such a noun, the network's, or "on" ('on "Face the Nation."').
_BEFORE_PROGRAMME = _PROGRAMME_NOUNS | frozenset("on network channel".split())
# The words around a programme's title in the outlet's narration: where and when, nothing stated
# (with the capitalised names and days, which any title tail may hold).
_AROUND_PROGRAMME = _PROGRAMME_NOUNS | frozenset("""interview appearance episode segment
on in at during to with of the a an s""".split())
_MARKS = "\"\u201c\u201d\u2018\u2019' ,."  # quotation marks and the punctuation held inside them


def unmarked(quoted: str) -> str:
    """A quotation without its marks and the commas, periods and spaces at either end."""
    return quoted.strip(_MARKS)


def is_title(quoted: str) -> bool:
    """Quoted words that name a show, a book or a slogan rather than say something: at most six
    words, the first and every one but a short connector capitalised ("Today", "Meet the Press",
    "Fox News Sunday")."""
    words = _WORD.findall(quoted)
    if quoted.rstrip(" ,.\"'\u201d\u2019").endswith(("!", "?")):
        return False  # a chant or a question: "Feel the Bern!"
    return 0 < len(words) <= 6 and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in _TITLE_CONNECTORS for w in words)


def is_capitalised(quoted: str, *, max_words: int | None = None, wordless: bool = True) -> bool:
    """A quotation that is a title or a name ("“Morning Talk,”", "Saturday Night Live"): every
    word (of those starting with a letter, marks stripped) capitalised, and at most ``max_words``
    of them when given; a quotation without such words counts as ``wordless``."""
    words = [w for w in unmarked(quoted).split() if w[:1].isalpha()]
    if not words:
        return wordless
    return (max_words is None or len(words) <= max_words) and all(w[0].isupper() for w in words)


def title_closing_insert(t: Tok) -> bool:
    """A quoted title whose marks hold the comma that closes an insert: “Morning Joe,” (every word
    capitalised, at most six; words said are not a title)."""
    if t.kind != "q" or not t.text.rstrip("\"\u201d\u2019' ").endswith(","):
        return False
    return is_capitalised(t.text, max_words=6, wordless=False)


def is_programme_piece(piece: str, quoted: list[str], before: str, *, several: bool) -> bool:
    """A quotation piece of a sentence that is only a programme's title with the outlet's words
    around it, not words said: a title tail (:func:`is_title_tail`) when the sentence was cut in
    ``several`` pieces, or a title right after the words naming a programme
    (:func:`is_programme_title`; ``before``: the sentence's text before the piece)."""
    return several and is_title_tail(piece, quoted) or is_programme_title(piece, before)


def is_title_tail(piece: str, quoted: list[str]) -> bool:
    """A piece of a cut sentence whose only quotations are titles and whose other words say only
    where and when (capitalised names, days, "on", "show", …): the outlet's narration of where
    words were said ('"…," X told NBC's *"Today" show on Thursday.*'), not a quotation."""
    if not quoted or not all(is_title(q) for q in quoted):
        return False
    rest = piece
    for q in quoted:
        rest = rest.replace(q, " ", 1)
    words = _WORD.findall(rest)
    return 0 < len(words) <= 12 and all(w[0].isupper() or w.lower() in _AROUND_PROGRAMME for w in words)


def is_programme_title(piece: str, before: str) -> bool:
    """A piece that is only a quoted title right after the words that name a programme ('said on
    the Fox News program *"Fox and Friends."*'): the name of the show, not words said."""
    words = _WORD.findall(before)
    return bool(words) and words[-1].lower() in _BEFORE_PROGRAMME and is_title(piece) \
        and not _WORD.findall(before[len(before.rstrip(" \"\u201c\u2018'")):])
