"""The ``wording`` detector: the same quotation from the same speaker rendered with other words.

Only quoted material is compared: each mention's quoted spans (the whole text for a quotation
mention without spans). Fragments are compared word by word on canonical words (contractions
expanded, spelling folded, numbers normalised, punctuation and case ignored). A pair of
fragments is the same quotation when they share a run of at least three words covering half of
the shorter one. Words added or dropped at either end are a partial quotation, not a
disagreement; a substitution, insertion or deletion between shared runs is, unless the quoting
side marks the cut with an ellipsis or square brackets.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..types import Disagreement, MentionText
from .attribution import compatible
from .lexicon import same_form

if TYPE_CHECKING:  # pragma: no cover
    from .align import Alignment, Side

MIN_RUN = 3


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
    """True when the stretch i1..i2 (or the gap at i1 when empty) is an ellipsis or brackets."""
    lo = side.toks[i1 - 1].end if i1 > 0 else 0
    hi = side.toks[i2].start if i2 < len(side.toks) else len(side.text)
    gap = side.text[lo:hi]
    return "..." in gap or "\u2026" in gap or ("[" in gap and "]" in gap)


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
    if longest < min(MIN_RUN, len(wa), len(wb)) or matched < 0.5 * min(len(wa), len(wb)):
        return None
    ops = [(tag, i1 + ra[0], i2 + ra[0], j1 + rb[0], j2 + rb[0])
           for tag, i1, i2, j1, j2 in sm.get_opcodes()]
    core = [k for k, op in enumerate(ops) if op[0] == "equal" and _substantial(sa, op[1], op[2])]
    changes = []
    if core:
        for op in ops[core[0] + 1:core[-1]]:
            tag, i1, i2, j1, j2 = op
            if tag == "equal" or _marked_cut(sa, i1, i2) or _marked_cut(sb, j1, j2) \
                    or same_form(wa[i1 - ra[0]:i2 - ra[0]], wb[j1 - rb[0]:j2 - rb[0]]):
                continue
            changes.append(op)
    return ops, changes


def find_wording(al: "Alignment", a: MentionText, b: MentionText) -> Disagreement | None:
    """The same quotation worded differently by the two mentions, or None."""
    qa, qb = quoted_ranges(a), quoted_ranges(b)
    if not qa or not qb or not compatible(a.speaker, b.speaker):
        return None
    sa, sb = al.a, al.b
    for ca in qa:
        ra = _token_range(sa, *ca)
        for cb in qb:
            rb = _token_range(sb, *cb)
            got = compare_fragments(sa, ra, sb, rb)
            if not got or not got[1]:
                continue
            ops, changes = got
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
