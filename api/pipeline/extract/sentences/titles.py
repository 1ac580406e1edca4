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
"""
from __future__ import annotations

import re

from .tokens import Tok

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_TITLE_CONNECTORS = frozenset("the of and a an in on for to with at".split())
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
