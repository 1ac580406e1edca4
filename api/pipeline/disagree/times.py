"""Time expressions and the ``time`` detector.

``parse_times`` finds weekdays ("on Sunday"), dates ("Aug. 19", "19 August", "August 19th"),
months, years ("in 2023"), relative days and periods ("yesterday", "last week", "later this
month") and clock times ("3 p.m.", "15:30", "noon"), each normalised to a (type, value) pair.
Two mentions disagree on time when expressions of the same type sit in aligned context and have
different values; an expression on one side only is more detail, not a disagreement, and so is
one of another type ("on Monday" / "this week", "at 3 p.m." / "in the afternoon"). Expressions
relative to the day of writing ("yesterday" / "today", "this week" / "next week") are not
compared: two articles written on different days can both be right. Mentions whose dates are
more than two weeks apart (or whose years differ, next to a date) report two occasions of a
recurring thing (two polls, two issues of a newsletter): nothing about time is reported.
The day of a statement ("said Monday"), of a count ("as of Monday") or of a process going on
("continued its churn toward the coast early Sunday", disagree-2.6) is a moment, not an event's
day, and is not disputed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import plain
from ..types import Disagreement
from . import lexicon as lx
from .numbers import identified

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment

_AMPM_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)
_24H_RE = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_REL_WORDS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
              "coming": 1}
_REL_UNITS = {"week", "weekend", "month", "year"}
_CLOCK_WORDS = {"noon": 720, "midday": 720, "midnight": 0}
_YEAR_PREV = frozenset({"in", "since", "by", "until", "till", "before", "after", "from", "of",
                        "early", "mid", "late", "during", "through", "to", "and", "spring",
                        "summer", "autumn", "fall", "winter", "year"})


@dataclass(frozen=True)
class TimeExpr:
    """A time expression over tokens i..j-1 with a comparable (type, value)."""

    i: int
    j: int
    type: str
    value: object


def _clock_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, minutes since midnight) of clock times written in figures."""
    src, out = plain(text), []
    for m in _AMPM_RE.finditer(src):
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if 1 <= h <= 12 and mi < 60:
            out.append((m.start(), m.end(), (h % 12 + (12 if m.group(3).lower() == "p" else 0)) * 60 + mi))
    for m in _24H_RE.finditer(src):
        if not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), int(m.group(1)) * 60 + int(m.group(2))))
    return out


def _day(tok) -> int | None:
    if tok is not None and tok.num is not None and not tok.percent and tok.num == int(tok.num) \
            and 1 <= tok.num <= 31:
        return int(tok.num)
    return None


def _is_year(toks, k: int, text: str) -> bool:
    """True when the number token at ``k`` is a year: four bare digits 1900-2100 after a word
    that introduces a year ("in 2003", "since 1999"), a month or a day, or with no word it
    counts after it; a possessive one ("1999's record") always is."""
    t = toks[k]
    if t.num is None or t.ordinal or t.percent or t.num != int(t.num) or not 1900 <= t.num <= 2100:
        return False
    raw = text[t.start:t.end]
    if raw[-2:] in ("'s", "\u2019s") and raw[:-2].isdigit():
        return True  # "1999's record", "2003's budget"
    if not raw.isdigit():
        return False
    prev = toks[k - 1] if k > 0 else None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (prev is not None and (prev.word in _YEAR_PREV or prev.month or prev.num is not None)) \
        or nxt is None or not nxt.content


def parse_times(toks, text: str) -> list[TimeExpr]:
    """Time expressions among a mention's tokens (see the module docstring)."""
    out = _clock_times(toks, text)
    used = {k for x in out for k in range(x.i, x.j)}
    k = 0
    while k < len(toks):
        x = None if k in used else (
            _month_expr(toks, k, used, out, text) if toks[k].month else _word_expr(toks, k, text))
        if x is not None:
            out.append(x)
        k = x.j if x is not None and x.j > k else k + 1
    return sorted(out, key=lambda x: x.i)


def _clock_times(toks, text: str) -> list[TimeExpr]:
    """Clock times written in figures ("3 p.m.", "15:30"), over the tokens they cover."""
    out = []
    for s, e, minutes in _clock_spans(text):
        idx = [k for k, t in enumerate(toks) if s <= t.start < e]
        if idx:
            out.append(TimeExpr(idx[0], idx[-1] + 1, "clock", minutes))
    return out


def _month_expr(toks, k: int, used: set[int], out: list[TimeExpr], text: str) -> TimeExpr:
    """The date or month a month name at ``k`` starts or ends: "Aug. 19", "19th of August",
    or the month alone."""
    m = lx.MONTHS.index(toks[k].word)
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    day_after = _day(nxt) if nxt is not None and k + 1 not in used else None
    if day_after and not _is_year(toks, k + 1, text):
        return TimeExpr(k, k + 2, "date", (m, day_after))
    back = k - 2 if k >= 2 and toks[k - 1].word == "of" else k - 1
    if back >= 0 and _day(toks[back]) and not any(x.i <= back < x.j for x in out):
        return TimeExpr(back, k + 1, "date", (m, _day(toks[back])))
    return TimeExpr(k, k + 1, "month", m)


def _word_expr(toks, k: int, text: str) -> TimeExpr | None:
    """A weekday, a day relative to the article ("yesterday"), a clock word ("noon"), a
    relative period ("last week") or a year starting at ``k``, else None."""
    t = toks[k]
    if t.word in lx.WEEKDAYS:
        return TimeExpr(k, k + 1, "weekday", t.word)
    if t.word in _DAY_WORDS:
        return TimeExpr(k, k + 1, "rel-day", _DAY_WORDS[t.word])
    if t.word in _CLOCK_WORDS:
        return TimeExpr(k, k + 1, "clock", _CLOCK_WORDS[t.word])
    if t.word in _REL_WORDS and k + 1 < len(toks) and toks[k + 1].word in _REL_UNITS:
        return TimeExpr(k, k + 2, "rel-" + toks[k + 1].word, _REL_WORDS[t.word])
    if t.num is not None and _is_year(toks, k, text):
        return TimeExpr(k, k + 1, "year", int(t.num))
    return None


def find_time(al: "Alignment", a, b) -> Disagreement | None:
    """Different days, dates, periods or clock times for the same event, or None."""
    ta, tb = al.a.times, al.b.times
    if not ta or not tb or _other_occasion(ta, tb) or not identified(al, a, b):
        return None
    if al.two_moments:
        return None  # two days' market reports: the day is the moment of each reading, not in dispute
    for x in ta:
        if x.type in _RELATIVE or not _disputable(al.a, x, tb):
            continue
        for y in tb:
            if y.type != x.type or not _disputable(al.b, y, ta):
                continue
            if x.type == "clock" and _clock_compatible(al, x, y):
                continue
            if al.tied(x.i, x.j, y.i, y.j):
                pa, pb = al.a.span(x.i, x.j), al.b.span(y.i, y.j)
                ca, cb = _with_prep(al.a, x.i, x.j), _with_prep(al.b, y.i, y.j)
                return Disagreement("time", pa, pb, f"A says '{ca}', B says '{cb}'")
    return None


def _disputable(side, x: TimeExpr, others) -> bool:
    """True when time ``x`` can be in dispute with the other side's times ``others``: the other
    side does not give the same value, and ``x`` is not the moment of a count."""
    if any(y.type == x.type and y.value == x.value for y in others):
        return False
    return not (_count_moment(side, x) or _statement_day(side, x) or _progress_moment(side, x))


# Verbs of saying: a day right beside one dates a statement ("officials said Monday", "Annan on
# Saturday called for"), and two reports often quote two statements made on different days.
STATEMENT_VERBS = frozenset("""said say says told announced announces confirmed confirms stated
suggested suggests called calls urged urges warned warns added reported reports declared insisted
argued claimed claims denied denies acknowledged admitted testified""".split())


def _statement_day(side, x: TimeExpr) -> bool:
    """True for a time that dates a statement: a verb of saying right before it (an "on" between
    them allowed) or right after it ("said Monday", "on Saturday called for")."""
    toks = side.toks
    k = x.i - 1
    if k >= 0 and toks[k].word == "on":
        k -= 1
    before = toks[k].word if k >= 0 else ""
    after = toks[x.j].word if x.j < len(toks) else ""
    return before in STATEMENT_VERBS or after in STATEMENT_VERBS


def _count_moment(side, x: TimeExpr) -> bool:
    """True for a time that dates a running count, "as of Monday": the moment of a reading
    ("As of Wednesday, 65 cases" / "As of Monday, 66 cases"), not the day of an event."""
    return x.i >= 2 and [t.word for t in side.toks[x.i - 2:x.i]] == ["as", "of"]


# Words of a process going on ("the storm continued its churn toward the coast early Sunday"):
# a day after one within ``PROGRESS_WINDOW`` tokens is a moment of the process, not the day of
# an event (disagree-2.6).
PROGRESS_WORDS = frozenset("""continued continues continuing kept keeps remained remains still""".split())
PROGRESS_WINDOW = 10


def _progress_moment(side, x: TimeExpr) -> bool:
    """True for a time that dates a reading of a process going on ("Claudette continued its
    churn toward the coast early Sunday" / "headed for the coast Saturday": two moments of a
    moving storm), not the day of an event ("the bridge collapsed Sunday")."""
    return any(t.word in PROGRESS_WORDS for t in side.toks[max(0, x.i - PROGRESS_WINDOW):x.i])


FAR_DAYS = 14
_MONTH_START = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _other_occasion(ta, tb) -> bool:
    """True when the two mentions date themselves weeks or years apart ("conducted Nov. 6" /
    "conducted July 8", "in 2015" / "in 2016" with dates): they report two occasions of a
    recurring thing (a poll, a daily newsletter), not one event with a disputed day."""
    da = [x.value for x in ta if x.type == "date"]
    db = [y.value for y in tb if y.type == "date"]
    if da and db and all(_days_apart(p, q) > FAR_DAYS for p in da for q in db):
        return True
    ya = {x.value for x in ta if x.type == "year"}
    yb = {y.value for y in tb if y.type == "year"}
    return bool(ya and yb and not ya & yb and (da or db))


def _days_apart(p: tuple[int, int], q: tuple[int, int]) -> int:
    """Days between two (month index, day) dates, the short way round the year."""
    d = abs((_MONTH_START[p[0]] + p[1]) - (_MONTH_START[q[0]] + q[1]))
    return min(d, 365 - d)


# Relative to the day each article was written, and two articles are often written days apart:
# "next week" and "this week", "yesterday" and "today" may name the same day.
_RELATIVE = frozenset({"rel-day"} | {"rel-" + u for u in _REL_UNITS})

_TIMEZONES = frozenset("""edt est et cdt cst ct mdt mst pdt pst pt gmt utc bst cet cest eet eest
aest aedt ist jst msk local time""".split())


def _clock_compatible(al: "Alignment", x: TimeExpr, y: TimeExpr) -> bool:
    """Clock times that may agree: either is approximate ('about 3 p.m.' / '3:22 p.m.') within
    half an hour, or either is given in a named time zone ('6 p.m. EDT' / '3 p.m. Arizona time')."""
    def approx(side, e):
        return e.i > 0 and side.toks[e.i - 1].hedge is not None

    def zoned(side, e):
        return any(t.word in _TIMEZONES for t in side.toks[e.j:e.j + 3])

    if (approx(al.a, x) or approx(al.b, y)) and abs(x.value - y.value) <= 30:
        return True
    return zoned(al.a, x) or zoned(al.b, y)


def _with_prep(side, i: int, j: int) -> str:
    """The expression with a directly preceding preposition, for explanations."""
    if i > 0 and side.toks[i - 1].word in ("on", "at", "in", "by", "since", "until", "from"):
        i -= 1
    return side.phrase(i, j)
