"""Lines and sentences that are not claims: page furniture, credits, headlines, fragments.

Dropping is conservative: a sentence is only dropped when it matches a furniture pattern, is a
short headline-like line (or repeats the article title) without an attribution, is a question
outside quotation marks, or is a fragment of three words or fewer.
"""
from __future__ import annotations

import re

from ...text import normalise

_FURNITURE_RE = re.compile(
    r"""^(?:read\ (?:more|the\ rest|the\ full|next|also)\b|click\ here|tap\ here|share\ (?:this|on)\b
        |subscribe\b|sign\ up\b|follow\ (?:us|@)|like\ us\ on|related(?:\ articles?|\ stories)?\s*:
        |advertisement$|most\ popular$|trending(?:\ now)?$|watch\s*:|listen\s*:|download\ the
        |copyright\b|\u00a9|all\ rights\ reserved|(?:photo|image|video|graphic)s?\s*(?:credit\s*)?(?:by|:)
        |by\ [A-Z][a-z]+(?:\ [A-Z]\.)?(?:\ [A-Z][a-z'\-]+)+(?:,|\ and|\s*$|\ \|)|more\ from\b|see\ also\b
        |recommended\ for\ you|you\ may\ also\ like|this\ story\ has\ been\ updated\ (?:to|with)
        |updated\s*:|posted\s*:|published\s*:|filed\ under|tags?\s*:)""",
    re.I | re.X,
)
_BYLINE_RE = re.compile(r"^By [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}(?:,| and|$)")
# A dateline: a place in capitals ("TEL AVIV", "WASHINGTON", "NEW YORK, N.Y."), optionally a date
# ("August 19", "Aug. 19", "19 August") and a news agency in brackets or slashes ("(AP)", "/TASS/",
# "(Reuters)"), then a dash or a full stop. DATELINE_RE matches one at the start of a sentence.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# (the region after a comma - "N.Y.", "Calif." - is not a month: "MOSCOW, March 3")
_PLACE = (r"[A-Z][A-Z'\-]+\.?(?:\s+[A-Z][A-Z'\-]+\.?){0,3}"
          rf"(?:,\s*(?!{_MONTH}\s+\d)[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_AGENCY = r"(?:\(\s*[A-Z][A-Za-z.\-]{1,15}(?:\s+[A-Z][A-Za-z.\-]{1,15}){0,2}\s*\)|/\s*[A-Z][A-Za-z.\-]{1,15}\s*/)"
_AGENCY_IN = re.compile(_AGENCY)
_DATE_IN = re.compile(_DATE)
DATELINE_RE = re.compile(
    rf"^\s*(?:{_PLACE}(?:\s*,\s*{_DATE})?\s*\.?\s*(?:{_AGENCY})?|{_AGENCY})\s*\.?\s*(?:[\u2014\u2013]|--?)?\s*")
_POST_RE = re.compile(r"\bThe post\b.*\bappeared first on\b", re.S)
_CREDIT_RE = re.compile(
    r"(?:\(|\b)(?:Getty Images|AP Photo|AFP(?: via Getty Images)?|Reuters/|EPA-EFE|Shutterstock|"
    r"Bloomberg via Getty|AP Images|Associated Press Photo)\b[^.]*\)?\.?$"
)
_NAV_RE = re.compile(r"(?:\s[|\u203a\u00bb>]\s.*){2,}")
_URL_RE = re.compile(r"^(?:https?://|www\.|@)\S+\.?$")
_FINAL_PUNCT = ".!?\"\u201d\u2019'):;"
# Cheap tests that rule the searching patterns out before they run: _NAV_RE needs one of its marks,
# _CREDIT_RE one of its agency names.
_CREDIT_HINT_RE = re.compile("Getty Images|AP Photo|AFP|Reuters/|EPA-EFE|Shutterstock|Bloomberg via Getty|"
                             "AP Images|Associated Press Photo")


def is_furniture(sentence: str) -> bool:
    """Bylines, credits, 'Read More', share/subscribe lines, navigation and the like."""
    s = sentence.strip()
    if "appeared first on" in s and _POST_RE.search(s) or _URL_RE.match(s):
        return True
    if ("|" in s or ">" in s or "\u203a" in s or "\u00bb" in s) and _NAV_RE.search(s):
        return True
    if _BYLINE_RE.match(s) or _FURNITURE_RE.match(s) or is_dateline(s):
        return True
    if not _CREDIT_HINT_RE.search(s):
        return False
    m = _CREDIT_RE.search(s) if len(s.split()) <= 25 else None
    return m is not None and len(m.group().split()) <= 6  # not "Reuters/Ipsos poll showed Clinton …"


def dateline_length(sentence: str) -> int:
    """Characters of a dateline that opens ``sentence`` ("WASHINGTON (AP) \u2014 ",
    "MOSCOW, March 3 (Reuters) - "), 0 when there is none: a place in capitals needs a date,
    an agency or a dash after it (a sentence may open with a word in capitals)."""
    m = DATELINE_RE.match(sentence)
    if not m or not m.group().strip():
        return 0
    head = m.group()
    if not (_AGENCY_IN.search(head) or _DATE_IN.search(head) or re.search("[\u2014\u2013]|--?\\s*$", head)):
        return 0
    return m.end()


def is_dateline(sentence: str) -> bool:
    """The whole sentence is a dateline ("TEL AVIV, August 19. /TASS/.", "WASHINGTON (AP) \u2014")."""
    s = sentence.strip()
    n = dateline_length(s)
    return n > 0 and not s[n:].strip(" .\u2014\u2013-")


def is_title_repeat(sentence: str, title: str | None) -> bool:
    """The sentence repeats the article title (after normalisation)."""
    if not title:
        return False
    a = normalise(sentence).rstrip(" .!?")
    b = normalise(title).rstrip(" .!?")
    return bool(a) and a == b


def is_headline_like(sentence: str, whole_paragraph: bool) -> bool:
    """A short title-case line without final punctuation (a headline or a section heading)."""
    s = sentence.strip()
    if not whole_paragraph or not s or s[-1] in _FINAL_PUNCT:
        return False
    words = s.split()
    if len(words) > 16:
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if not long_words:
        return True
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= 0.6


_SHORT_VERBS = frozenset("""is are was were has have had will would can could did does do be won lost
rose fell grew died rises falls wins loses""".split())


_ALNUM_WORD_RE = re.compile(r"[A-Za-z0-9]+")
# Matches (at the start) exactly when the text has four words or more: stops at the fourth word.
_FOUR_WORDS_RE = re.compile(r"[^A-Za-z0-9]*(?:[A-Za-z0-9]+[^A-Za-z0-9]+){3}[A-Za-z0-9]")


def is_fragment(sentence: str) -> bool:
    """Three words or fewer without a verb: 'ABSTRACT.', 'Getty/Instagram.', '@handle.'
    ('Turnout was low.' is kept)."""
    if _FOUR_WORDS_RE.match(sentence):
        return False
    words = _ALNUM_WORD_RE.findall(sentence)
    return not any(w.lower() in _SHORT_VERBS or (w.islower() and w.endswith("ed")) for w in words)


def is_question(sentence: str) -> bool:
    """Ends with a question mark (closing quotes or brackets aside)."""
    return sentence.rstrip("\"\u201d\u2019') ").endswith("?")
