"""Evidence the matcher asks for beyond word overlap: length, time apart, and differing figures.

Word overlap alone joins too much on real coverage: a stock phrase ("Thank you.", "Meet the
Press."), a short line or a quoted fragment of two words recurs in unrelated stories years
apart, and two polls ("A leading B, 49 to 44" / "B edging A, 46 to 45") share every word but the
figures. These rules say when a pair needs more than its words (``Matcher.score`` applies them):

* ``stock_phrase``: at most ``STOCK_MAX_CONTENT`` content words, or a short line whose words
  are all capitalised (a title, a show name, a greeting): joins only when the same speaker said
  it close in time, or found whole in another report of the same story (speakers not clashing).
* ``short_question``: a short question joins only a mention with the same content words ("A
  circus?" is not "America is not a circus.").
* ``is_short``: fewer than ``SHORT_CONTENT`` content words: joins only with more evidence
  (the same speaker; close in time or the same story, with all its content words found).
* ``time_term``: reports of one claim are days apart: within ``near_days`` the logit gains a
  little, beyond it loses ``slope`` per e-fold of the gap (``slope * ln(days / near_days)``).
* ``different_figures``: the numbers differ with none shared and the named participants appear
  in another order: two measurements, not one claim reported differently.
* ``other_participants``: both name someone or somewhere and nobody named on one side is named
  on the other ("X and Y won in Tennessee" / "Z won in Oklahoma"): two events, not one claim.
* ``swapped_participants``: each side names, in the same slot (the same word before and after),
  a person or organisation the other does not ("Blinken will meet Netanyahu in" / "Blinken will
  meet Gallant in"): other participants, another claim, however close the words or vectors. A place ("in Jerusalem" / "in Tel Aviv"), a country,
  a party, a title or a date is no participant: a report with another place is the same claim
  told differently (a disagreement to show).
"""
from __future__ import annotations

import math
import re

from api.pipeline.speaker_identity import name_words
from api.pipeline.text import STOPWORDS

from .analysis import Analysis, analyse
from .features import aligned

SHORT_CONTENT = 5        # fewer content words than this: a short mention
STOCK_MAX_CONTENT = 1    # this many content words or fewer: a stock phrase ("Thank you.")
TITLE_MAX_CONTENT = 4    # a line of at most this many content words, all capitalised: a title
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def content_size(a: Analysis) -> int:
    """How many distinct content words the mention has."""
    return len(set(a.content))


def is_short(a: Analysis) -> bool:
    """Fewer than ``SHORT_CONTENT`` distinct content words."""
    return content_size(a) < SHORT_CONTENT


def _title_like(text: str) -> bool:
    """Every word that is not a stop word starts with a capital ("Meet the Press.",
    "State of the Union.", "Thank You")."""
    words = [w for w in _WORD.findall(text) if w.lower() not in STOPWORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def stock_phrase(text: str, a: Analysis) -> bool:
    """A greeting, title or one-word answer: too little said to be matched across articles."""
    n = content_size(a)
    return n <= STOCK_MAX_CONTENT or (n <= TITLE_MAX_CONTENT and _title_like(text))


def short_question(text: str, a: Analysis) -> bool:
    """A short question ("A circus?", "What are we suffering from?"): it asserts nothing, so it
    is the same claim as another mention only when it asks the same (the same content words)."""
    return is_short(a) and text.rstrip(" \"'\u201d\u2019)").endswith("?")


def time_term(days_apart: float | None, near_days: float, near_bonus: float, slope: float) -> float:
    """Logit units added for a pair published ``days_apart`` days apart: ``near_bonus`` within
    ``near_days``, then ``-slope`` per e-fold of the gap beyond; nothing when a date is unknown."""
    if days_apart is None:
        return 0.0
    if days_apart <= near_days:
        return near_bonus
    return -slope * math.log(days_apart / near_days)


def _entity_order(a: Analysis, shared: frozenset[str]) -> list[str]:
    """The shared named entities in the order they first appear in the mention."""
    seen: list[str] = []
    for w in a.content:
        if w in shared and w not in seen:
            seen.append(w)
    return seen


def different_figures(a: Analysis, b: Analysis) -> bool:
    """Both mentions give figures, none is shared, and the named participants they share come
    in another order ("A leading B, 49 to 44" / "B edging A, 46 to 45"): two measurements, not
    one claim reported with another number. (Figures alone differing is a ``number``
    disagreement to show, not a reason to part the reports.)"""
    if not a.numbers or not b.numbers or a.numbers & b.numbers:
        return False
    # a name may open one sentence (not marked there) and sit inside the other: either side's
    # marking counts, for the words both hold
    shared = (a.entities | b.entities) & frozenset(a.content) & frozenset(b.content)
    return len(shared) >= 2 and _entity_order(a, shared) != _entity_order(b, shared)


# Days and months are no participants: "reopens on Monday" / "reopens on Tuesday" is one claim.
_CALENDAR = frozenset(analyse(w).stems[0] for w in """Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November December""".split())


def other_participants(fa: Analysis, fb: Analysis) -> bool:
    """Whether both mentions name someone or somewhere and no name of either is found in the other."""
    ea, eb = fa.entities - _CALENDAR, fb.entities - _CALENDAR
    if not ea or not eb:
        return False
    return not (ea & set(fb.stems)) and not (eb & set(fa.stems))


# Words before a name that make it a place: "met Herzog in Tel Aviv", "fired from Gaza".
_LOCATIVE = frozenset("in at from near into outside inside across throughout toward towards".split())


def _after_locative(a: Analysis, k: int) -> bool:
    """Whether item ``k`` of ``a`` (a name) follows a locative preposition, over the rest of a
    multi-word name and "the" ("in the Gaza Strip", "in Tel Aviv")."""
    j = k - 1
    while j >= 0 and (a.stems[j] in a.entities or a.stems[j] == "the"):
        j -= 1
    return j >= 0 and a.stems[j] in _LOCATIVE


def participants_not_in(a: Analysis, b: Analysis, aligned: set[str]) -> set[str]:
    """The names of people or organisations in ``a`` with no counterpart in ``b`` (``aligned``:
    ``a``'s content stems paired with ``b``'s): named entities that ``speaker_identity`` reads
    as a name (not a country, party, title or office), that are no day or month, and that do
    not follow a locative preposition (a place)."""
    missing = a.entities - _CALENDAR - aligned - set(b.stems)
    if not missing:
        return set()
    out = set()
    for stem, surface in zip(a.content, a.content_words):
        if stem in missing and stem not in out:
            k = a.stems.index(stem)
            if not _after_locative(a, k) and name_words(surface.title()):
                out.add(stem)
    return out


def _context(a: Analysis, stem: str) -> tuple[str | None, str | None]:
    """The items just before and just after the run of names holding ``stem`` (None at an end)."""
    k = a.stems.index(stem)
    start, end = k, k + 1
    while start > 0 and a.stems[start - 1] in a.entities:
        start -= 1
    while end < len(a.stems) and a.stems[end] in a.entities:
        end += 1
    return (a.stems[start - 1] if start else None, a.stems[end] if end < len(a.stems) else None)


def swapped_participants(fa: Analysis, fb: Analysis) -> bool:
    """Each mention names, in the same place of the sentence (the same words just before and just
    after the names), a person or organisation the other does not, and no name of one side may be a
variant of one of the other's (see the module docstring)."""
    if not (fa.entities - fb.entities - _CALENDAR) or not (fb.entities - fa.entities - _CALENDAR):
        return False
    ma, mb = aligned(fa, fb)
    pa = participants_not_in(fa, fb, ma)
    if not pa:
        return False
    pb = participants_not_in(fb, fa, mb)
    if not pb or any(_variant(x, y) for x in pa for y in pb):
        return False
    return not {_context(fa, x) for x in pa}.isdisjoint(_context(fb, x) for x in pb)


def _variant(x: str, y: str) -> bool:
    """Two name stems that may be one name spelt or shortened differently ("Sundwell" /
    "Sundwall", "Timothy" / "Tim", "al-Qaeda" / "al-Qaida"): the same first three letters."""
    return x[:3] == y[:3]
