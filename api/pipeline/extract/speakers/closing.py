"""A frame standing alone after the quotation it closes: '“… are missing.” Trump said.'

The writer ended the quotation with a full stop, so the frame ("Trump said.", "said the senator
on Monday.") is a sentence of its own; the quotation it follows, a sentence that is nothing but
the quotation, is the frame's speaker's.
"""
from __future__ import annotations

from ..lexicon import WEEKDAYS
from .adjuncts import NEGATED_AUX
from .cues import Attribution
from .names import parse_right
from ..sentences.tokens import Tok

# Words that may open what follows a closing frame's verb and speaker: where, when or to whom.
_FRAME_TAIL = frozenset("in on at during to after before while from via of later earlier".split()) | WEEKDAYS
_TELL = frozenset("told tells".split())
_NEGATIONS = frozenset({"not", "never", "n't", "n\u2019t"}) | NEGATED_AUX


def quotation_only(toks: list[Tok]) -> bool:
    """A sentence that is one or more quotations and punctuation, nothing else."""
    return any(t.kind == "q" for t in toks) and all(t.kind in ("q", "p") for t in toks)


def closing_frame(text: str, toks: list[Tok], att: Attribution | None) -> bool:
    """A sentence that is only a speech frame: a speaker and a speech verb (with the hearer after
    "told"), then at most where, when or to whom ('Trump said.', 'said Ms. Roe, in a statement.',
    "Trump told Britain's ITV in an interview."), no quotation, no content and no negation ("A
    spokesman did not respond to requests." closes nothing)."""
    if att is None or att.how != "verb" or att.stance or any(t.kind == "q" or t.low in _NEGATIONS for t in toks):
        return False
    start = min(att.cue, att.np.i)
    if start > 0:
        return False
    after = max(att.cue + 1, att.np.j)
    if toks[att.cue].low in _TELL and after == att.cue + 1:
        hearer = parse_right(text, toks, after)
        after = hearer.j if hearer is not None and hearer.kind != "pron" else after
        while after < len(toks) and after < (hearer.j if hearer else after) + 3 and toks[after].kind == "w" \
                and toks[after].text.islower() and toks[after].low not in _FRAME_TAIL | {"that"}:
            after += 1  # "told Britain's ITV *television station* in …"
    rest = toks[after:]
    return not rest or rest[0].text in (".", ",") or rest[0].low in _FRAME_TAIL
