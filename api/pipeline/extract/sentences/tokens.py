"""Word tokens of a sentence with their offsets, quoted material folded into one token.

Attribution rules look at the words *around* quotations, never inside them, so every
quotation span inside a sentence becomes a single ``q`` token.
"""
from __future__ import annotations

import re

# The token rules, in order of preference.
TOKEN_RULES = r"""(?:[A-Za-z]\.){2,}                                   # initialisms: U.S., D.C.
      | [^\W\d_]+(?:(?:-|['\u2019](?=[A-Z])                  # words (any letters), hyphenated, O'Brien,
          |[\u0080-\u009f\u00a1-\u00aa\u00ac\u00ae-\u00ba\u00bc-\u00bf\u0300-\u036f]+)  # mis-decoded UTF-8 ("FranÃ§ois"),
                                                                 # combining marks
         [^\W\d_]+)*
        (?:['\u2019](?:t|re|ve|ll|d|m)\b)?                   # contractions stay inside
      | ['\u2019]s\b                                         # possessive 's
      | \d+(?:[,.:]\d+)*%?                                   # 3.5%, 40,000, 9:30 (not a final comma)
      | -{2,}                                                # a dash typed as --
      | \S"""
# A shortcut tried first: a run of ASCII letters followed by a space or by punctuation that neither
# the initialism rule nor the word rule reads on, which is what the word rule makes of it anyway
# (most tokens). tests/pipeline/test_fixed_output.py checks the two agree.
_PLAIN_WORD = r"""[A-Za-z]+(?=[ ,;:!?)"\u201d])"""
_TOKEN_RE = re.compile(_PLAIN_WORD + "\n      | " + TOKEN_RULES, re.X)


class Tok:
    """A token: its text, offsets in the article, kind ('w' word, 'n' number, 'p' punct,
    's' possessive, 'q' quotation) and lower-case text."""

    __slots__ = ("text", "start", "end", "kind", "low")

    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        self.text, self.start, self.end, self.kind, self.low = text, start, end, kind, text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end}, {self.kind!r})"


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int]] = ()) -> list[Tok]:
    """Tokens of ``text[start:end]``; each (a, b) in ``quotes`` becomes one 'q' token."""
    out: list[Tok] = []
    pos = start
    for qa, qb in sorted(quotes):
        qa, qb = max(qa, start), min(qb, end)
        if qb <= qa or qa < pos:
            continue
        out.extend(_plain(text, pos, qa))
        out.append(Tok(text[qa:qb], qa, qb, "q"))
        pos = qb
    out.extend(_plain(text, pos, end))
    return out


_POSSESSIVES = ("'s", "\u2019s")
_new = object.__new__


def _plain(text: str, a: int, b: int) -> list[Tok]:
    """Tokens of ``text[a:b]`` (no quotations folded).

    The hottest loop of extraction (every token of every article passes here), so each
    :class:`Tok` is filled in place rather than through ``Tok(...)`` (same attributes, no
    ``__init__`` call), and offsets come from ``str.find``: the tokens cover every character that
    is not a space (``\\S`` is the last alternative) and each starts with one, so only spaces lie
    between two tokens and a token starts at the first occurrence of its text after the previous one.
    """
    toks = []
    append = toks.append
    find = text.find
    end = a
    for s in _TOKEN_RE.findall(text, a, b):
        start = find(s, end)
        end = start + len(s)
        c = s[0]
        t = _new(Tok)
        t.text, t.low, t.start, t.end = s, s.lower(), start, end
        t.kind = "w" if c.isalpha() else "n" if c.isdigit() else "s" if s in _POSSESSIVES else "p"
        append(t)
    return toks
