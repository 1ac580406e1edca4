"""The ``wording`` detector: the same quotation from the same speaker rendered with other words.

Only quoted material is compared: each mention's quoted spans (the whole text for a quotation
mention without spans). Fragments are compared word by word on canonical words (contractions
expanded, spelling folded, numbers normalised, punctuation and case ignored). A pair of
fragments is the same quotation when they share a run of at least three words and 70% of the
shorter one's words. Words added or dropped at either end are a partial quotation, not a
disagreement; a substitution, insertion or deletion between shared runs is, when it changes
what is said (``_substantive``): not a cut marked with an ellipsis, not an editor's insertion in
square brackets, not function words only, not another form of the same words, not a name
spelled another way, not a word moved. A change another detector explains (a dropped hedge,
another number) is left to it: one difference, one disagreement.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..text import STOPWORDS
from ..types import Disagreement, MentionText
from . import lexicon as lx
from ..speaker_identity import abbreviation_of
from .attribution import compatible

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment, Side

MIN_RUN = 3
MIN_SHARED = 0.7  # share of the shorter fragment's words found in the other


def quoted_ranges(m: MentionText) -> list[tuple[int, int]]:
    """Character ranges of a mention's quoted material."""
    if m.quotes:
        return [(s, e) for s, e in m.quotes if e > s]
    return [(0, len(m.text))] if m.is_quote else []


def _token_range(side: "Side", s: int, e: int) -> tuple[int, int]:
    idx = [k for k, t in enumerate(side.toks) if t.start >= s and t.end <= e]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def _substantial(side: "Side", i1: int, i2: int) -> bool:
    return i2 - i1 >= 2 or any(t.content or t.num is not None for t in side.toks[i1:i2])


def _marked_cut(side: "Side", i1: int, i2: int) -> bool:
    """True when the stretch i1..i2 (or the gap at i1 when empty) is marked as a cut by an
    ellipsis ("...", ". . .", "…", ``_ellipsis_near``), or sits
    inside square brackets or parentheses (an editor's insertion: "[President Barack] Obama",
    "these (local) supervisors")."""
    lo = side.toks[i1 - 1].end if i1 > 0 else 0
    hi = side.toks[i2].start if i2 < len(side.toks) else len(side.text)
    gap = side.text[lo:hi]
    if _ELLIPSIS_RE.search(gap) or (i2 == i1 and _ellipsis_near(side, i1, i2)) \
            or any(o in gap and c in gap for o, c in _INSERTION_MARKS):
        return True
    if i2 <= i1:
        return False
    start, end = side.toks[i1].start, side.toks[i2 - 1].end
    return any(_inside(side.text, start, end, o, c) for o, c in _INSERTION_MARKS)


_INSERTION_MARKS = (("[", "]"), ("(", ")"))  # an editor's words inside a quotation
_ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|\u2026")  # "...", ". . .", "…"
# How many words the alignment may slide a cut by: "when they ... are conducting" / "when they
# are in their time of when they're conducting" is aligned "they are | (in ... they're) |
# conducting", with the ellipsis one word before the gap.
ELLIPSIS_REACH = 2


def _ellipsis_near(side: "Side", i1: int, i2: int) -> bool:
    """True when an ellipsis on the side that lacks words (the gap at i1 == i2) marks the
    omission within ``ELLIPSIS_REACH`` words of the gap (the same words on both sides next to an
    insertion can be aligned on either side of it). An ellipsis on the side that has the extra
    words ("unparalleled Linux expertise . . ." / "unparalleled expertise") marks another cut."""
    lo_k, hi_k = i1 - 1 - ELLIPSIS_REACH, i2 + ELLIPSIS_REACH
    lo = side.toks[lo_k].end if lo_k >= 0 else 0
    hi = side.toks[hi_k].start if hi_k < len(side.toks) else len(side.text)
    return bool(_ELLIPSIS_RE.search(side.text, lo, hi))


def _inside(text: str, start: int, end: int, opening: str, closing: str) -> bool:
    """True when text[start:end] is inside an opening/closing pair."""
    before, after = text[:start], text[end:]
    close, reopen = after.find(closing), after.find(opening)
    return before.rfind(opening) > before.rfind(closing) and close >= 0 and (reopen < 0 or close < reopen)


# Words whose presence or absence does not change what a quotation says.
FILLER = frozenset("""a an the this that these those of to and so but then just well oh now
really very like um uh""".split())


def _telling(side: "Side", i1: int, i2: int) -> set[str]:
    """Keys of the words in a stretch that carry meaning (all but ``FILLER``)."""
    return {t.key for t in side.toks[i1:i2] if t.word not in FILLER}


STOPWORDS_KEYS = frozenset(lx.key(w) for w in STOPWORDS)


def _negated(side: "Side", i1: int, i2: int) -> bool:
    return any(t.neg for t in side.toks[i1:i2])


def _respelled_name(sa: "Side", i1: int, i2: int, sb: "Side", j1: int, j2: int) -> bool:
    """True when both stretches are capitalised words spelled alike ("Qaddafi" / "Gadhafi")."""
    ta, tb = sa.toks[i1:i2], sb.toks[j1:j2]
    named = all(any(c.isupper() for c in side.text[t.start:t.end])  # "al-Qaddafi" too
                for side, toks in ((sa, ta), (sb, tb)) for t in toks)
    if not ta or not tb or not named:
        return False
    wa = "".join(t.word for t in ta if t.word not in ("al", "el"))
    wb = "".join(t.word for t in tb if t.word not in ("al", "el"))
    return SequenceMatcher(None, wa, wb).ratio() >= 0.6


def _substantive(sa: "Side", op: tuple, sb: "Side") -> bool:
    """True when a change between two renderings of one quotation changes what is said: not
    an ellipsis or bracketed insertion, not a compound written another way, not function
    words only ("chance we" / "chance that we"), not another form of the same words ("pew" /
    "pews", "said" / "saying"), not a name spelled another way."""
    _tag, i1, i2, j1, j2 = op
    if _marked_cut(sa, i1, i2) or _marked_cut(sb, j1, j2):
        return False
    if lx.same_form(sa.words[i1:i2], sb.words[j1:j2]):
        return False
    ka, kb = _telling(sa, i1, i2), _telling(sb, j1, j2)
    if ka == kb or not (ka - STOPWORDS_KEYS or kb - STOPWORDS_KEYS or _negated(sa, i1, i2) or _negated(sb, j1, j2)):
        return False  # the same words, or function words only ("rationale for gutting", "and" / "or")
    return not any(step(sa, i1, i2, sb, j1, j2) for step in NAME_FORMS.values())


def _stretch_text(side: "Side", i1: int, i2: int) -> str:
    return side.text[side.toks[i1].start:side.toks[i2 - 1].end] if i2 > i1 else ""


def _abbreviation(sa: "Side", i1: int, i2: int, sb: "Side", j1: int, j2: int) -> bool:
    """True when one stretch abbreviates the other and says nothing else ("the UK" / "the
    United Kingdom", "FBI" / "Federal Bureau of Investigation", "U.S." / "United States":
    ``speaker_identity.abbreviation_of``); "a UC" / "who teaches at the University of
    California" says more."""
    if not (_only_names(sa, i1, i2) and _only_names(sb, j1, j2)):
        return False
    ta, tb = _stretch_text(sa, i1, i2), _stretch_text(sb, j1, j2)
    return bool(ta and tb) and abbreviation_of(ta, tb)


# Small words that may stand in a name or its abbreviation ("the University of California at
# Los Angeles").
_NAME_GLUE = frozenset({"the", "a", "an", "of", "at", "and", "for", "on", "in"})


def _only_names(side: "Side", i1: int, i2: int) -> bool:
    """True when every word of the stretch is capitalised, a title, or a small joining word."""
    return all(t.cap or t.word in lx.TITLES or t.word in _NAME_GLUE for t in side.toks[i1:i2])


def _name_words(side: "Side", i1: int, i2: int) -> set[str] | None:
    """Keys of the capitalised name words of a stretch and of the name right after it ("George
    W." + "Bush") when every word of the stretch is a capitalised name word or a title; None
    otherwise."""
    toks = side.toks
    if any(not (t.cap or t.word in lx.TITLES) for t in toks[i1:i2]):
        return None
    after = [toks[i2]] if i2 < len(toks) and toks[i2].cap and toks[i2].word not in lx.TITLES else []
    return {t.key for t in list(toks[i1:i2]) + after if t.cap and t.word not in lx.TITLES}


def _shortened_name(sa: "Side", i1: int, i2: int, sb: "Side", j1: int, j2: int) -> bool:
    """True when a name is written shorter on one side ("George W. Bush" / "President Bush",
    "Joanie Harper" / "Harper"): every changed word is a capitalised name word or a title, the
    name right after the change is shared, and the name words of one side are all among the
    other's ("Defense Department officials" / "Pentagon officials" is no shortening)."""
    na, nb = _name_words(sa, i1, i2), _name_words(sb, j1, j2)
    return bool(na and nb) and (na <= nb or nb <= na)


# A change that only writes a name another way is form, not wording.
NAME_FORMS = {
    "respelled": _respelled_name,
    "abbreviation": _abbreviation,
    "shortened": _shortened_name,
}


def compare_fragments(sa: "Side", ra: tuple[int, int], sb: "Side", rb: tuple[int, int]):
    """Word-level comparison of two quoted fragments (token ranges). Returns (ops, changes)
    where ops are the diff opcodes in mention token indices and changes the internal ones, or
    None when the fragments are not the same quotation."""
    wa = [t.word for t in sa.toks[ra[0]:ra[1]]]
    wb = [t.word for t in sb.toks[rb[0]:rb[1]]]
    if not wa or not wb:
        return None
    sm = SequenceMatcher(None, wa, wb, autojunk=False)
    blocks = sm.get_matching_blocks()
    longest = max(bl.size for bl in blocks)
    matched = sum(bl.size for bl in blocks)
    if longest < min(MIN_RUN, len(wa), len(wb)) or matched < MIN_SHARED * min(len(wa), len(wb)):
        return None
    ops = [(tag, i1 + ra[0], i2 + ra[0], j1 + rb[0], j2 + rb[0])
           for tag, i1, i2, j1, j2 in sm.get_opcodes()]
    return ops, _internal_changes(sa, ra, sb, rb, ops)


def _internal_changes(sa: "Side", ra: tuple[int, int], sb: "Side", rb: tuple[int, int], ops: list) -> list:
    """The substantive changes between the shared runs that anchor the comparison: substantial
    runs, and any the two fragments both begin or both end with ("I have a problem" / "I got a
    problem"); a word moved is no change."""
    core = [k for k, op in enumerate(ops) if op[0] == "equal" and (
        _substantial(sa, op[1], op[2]) or (op[1], op[3]) == (ra[0], rb[0]) or (op[2], op[4]) == (ra[1], rb[1]))]
    if not core:
        return []
    return [op for op in ops[core[0] + 1:core[-1]] if op[0] != "equal" and _substantive(sa, op, sb)
            and not _moved(sa, op, sb, ops)]


def _moved(sa: "Side", op: tuple, sb: "Side", ops: list) -> bool:
    """True when a word or words one side adds here the other side has elsewhere, where the
    first side lacks them: a word moved, not changed ("Clearly it is a tragic day" / "It is
    clearly a tragic day")."""
    tag, i1, i2, j1, j2 = op
    if tag == "insert":
        words, other = _telling(sb, j1, j2), "delete"
    elif tag == "delete":
        words, other = _telling(sa, i1, i2), "insert"
    else:
        return False
    return bool(words) and any(
        o[0] == other and (_telling(sa, o[1], o[2]) if other == "delete" else _telling(sb, o[3], o[4])) == words
        for o in ops)


def _figures(sa: "Side", sb: "Side", op: tuple) -> bool:
    """True when a change holds a figure on either side: in two reports of different moments
    (``Alignment.two_moments``) that is the moment, not the quotation, changing."""
    _tag, i1, i2, j1, j2 = op
    return any(t.num is not None for t in sa.toks[i1:i2]) or any(t.num is not None for t in sb.toks[j1:j2])


def _explained(side: "Side", i1: int, i2: int, spans) -> bool:
    """True when the stretch overlaps a span another detector already reported."""
    if i2 <= i1:
        return False
    s, e = side.toks[i1].start, side.toks[i2 - 1].end
    return any(sp.start < e and s < sp.end for sp in spans)


def find_wording(al: "Alignment", a: MentionText, b: MentionText, explained=((), ())) -> Disagreement | None:
    """The same quotation worded differently by the two mentions, or None. ``explained`` holds
    the spans (on A, on B) of differences other detectors reported: a change there (a dropped
    hedge, another number) is not reported again as wording."""
    qa, qb = quoted_ranges(a), quoted_ranges(b)
    if not qa or not qb or not compatible(a.speaker, b.speaker):
        return None
    sa, sb = al.a, al.b
    for ca in qa:
        ra = _token_range(sa, *ca)
        for cb in qb:
            rb = _token_range(sb, *cb)
            got = compare_fragments(sa, ra, sb, rb)
            if not got:
                continue
            ops, changes = got
            changes = [op for op in changes if not _explained(sa, op[1], op[2], explained[0])
                       and not _explained(sb, op[3], op[4], explained[1])
                       and not (al.two_moments and _figures(sa, sb, op))]
            if not changes:
                continue
            tag, i1, i2, j1, j2 = changes[0]
            span_a = sa.span(i1, i2) if i2 > i1 else sa.span(i1 - 1, i1 + 1)
            span_b = sb.span(j1, j2) if j2 > j1 else sb.span(j1 - 1, j1 + 1)
            ctx_a, ctx_b = sa.phrase(i1 - 1, i2 + 1), sb.phrase(j1 - 1, j2 + 1)
            diff = [{"op": t, "a": sa.phrase(x1, x2), "b": sb.phrase(y1, y2)}
                    for t, x1, x2, y1, y2 in ops]
            more = f" (and {len(changes) - 1} more change(s))" if len(changes) > 1 else ""
            expl = f"Same quotation in other words: A quotes '{ctx_a}', B quotes '{ctx_b}'{more}"
            return Disagreement("wording", span_a, span_b, expl, diff)
    return None
