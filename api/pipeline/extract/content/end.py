"""Where content ends: the pieces after a frame, cut at the outlet's own words.

:func:`content_after` takes the content to the end of the sentence, or cuts it at a semicolon, at an
aside (", which …", or ", who …" after a name), at the outlet's circumstance after the last quotation
('“…” as he faces …', '“…” — a play on words'), at a clause of its own after ", but", at a coordinated cue (a further piece of
the same speaker: "… and noted that B") or at a participle phrase (", ending a century of …", or a
further frame: ", adding that …"). Also the end of a claim that is a sentence's subject ("X's
claim that A *was false*") and of a quoted complement ('called it "a disgrace" on Monday').
"""
from __future__ import annotations

from ..speakers.clause_words import (CLAUSE_VERBS_STOP, DASHES, FINITE, FRAME_PARTICIPLES, NOT_PARTICIPLES, NOUN_DETERMINERS,
                           PREPOSITIONS, frame_word, particle, to_infinitive)
from .start import clause_like, skip_frame, start_after_cue
from ..speakers.cues import SPEECH_VERBS, STANCE_VERBS
from ..sentences.spans import MARKS, span, substantive, word_count
from ..sentences.tokens import Tok

_MAIN_VERBS = frozenset("""is was are were has have had remains remained proved turned seems seemed appears
appeared""".split())


def main_verb_after(toks: list[Tok], p: int) -> int | None:
    """In "that A was false", where a subject's "that" clause (from ``p``) ends: at a second finite
    verb after the clause's own one ("that judges shouldn't try … *is* not shared")."""
    seen = False
    for c in range(p, len(toks)):
        t = toks[c]
        if t.kind == "q" or t.text in (";", ":"):
            return None
        if t.kind != "w" or not t.text.islower():
            continue
        if seen and t.low in _MAIN_VERBS and c > p + 2 and toks[c - 1].kind in ("w", "n") \
                and toks[c - 1].low not in ("and", "or", "but", "that", "which", "who") \
                and toks[c - 1].low not in CLAUSE_VERBS_STOP and not toks[c - 1].low.endswith("n't"):
            return c
        if t.low in CLAUSE_VERBS_STOP or t.low in FINITE or t.low.endswith(("ed", "n't")) \
                or t.low in SPEECH_VERBS:
            seen = True
    return None


def quoted_complement(toks: list[Tok], p: int, start: int, end: int):
    """'blasted Clinton as a “disgrace” Wednesday on …': the complement up to its last quotation
    when what follows is an adjunct (a preposition, a time word, a dash or a comma)."""
    n = len(toks)
    last = max(c for c in range(p, n) if toks[c].kind == "q")
    if last + 1 < n:
        t = toks[last + 1]
        if t.text in (",", ";") or t.text in DASHES or frame_word(t) \
                or t.kind == "w" and t.text.islower() and t.low in PREPOSITIONS:
            return [(*span(toks, p, last + 1, start, end), False)]
    return [(*span(toks, p, n, start, end), False)]


def content_after(toks: list[Tok], p: int, kind: str, start: int, end: int, depth: int = 0):
    """The content after a frame, to the end of the sentence — or to a participle phrase in the
    outlet's voice (", engaging in what analysts described as …"); a participle that frames more
    words of the same speaker (", adding that …", ", saying: “…”") gives a further piece."""
    n = len(toks)
    if p >= n:
        return []
    for c in range(p + 1, n - 1):
        for ends_here in _CONTENT_ENDS:
            out = ends_here(toks, p, c, start, end, depth)
            if out is not None:
                return out
    return [(*span(toks, p, n, start, end), False)]


def _semicolon(toks, p, c, start, end, depth):
    """"…; the center at the foundation …": the content ends at a semicolon."""
    if toks[c].text == ";" and substantive(toks, p, c):
        return [(*span(toks, p, c, start, end), False)]
    return None


# Words that open the outlet's circumstance after a closing quotation ('“…” as he faces a test',
# '“We'll see,” when asked whether …', '“Thank you Georgia” moments after polls closed').
_TIME_WORDS = frozenset("moments shortly hours days".split())
_TAIL_OPENERS = frozenset("as when before after while".split()) | _TIME_WORDS
_CLAUSE_SUBJECTS = frozenset("he she they it we i asked".split())  # "as *he* faces", "when *asked*"


def _opens_circumstance(toks, c: int) -> bool:
    """A dash, or an opener of the outlet's circumstance at ``c``: "as/when/while" + a pronoun or
    "asked", "before/after" + an "-ing" verb or a pronoun, "moments/shortly after"."""
    t, nxt = toks[c], toks[c + 1]
    if t.text in DASHES:
        return True
    if t.kind != "w" or not t.text.islower() or t.low not in _TAIL_OPENERS:
        return False
    if t.low in _TIME_WORDS:
        return nxt.low in ("after", "before")
    if t.low in ("before", "after"):
        return nxt.low in _CLAUSE_SUBJECTS or nxt.text.islower() and nxt.low.endswith("ing")
    return nxt.low in _CLAUSE_SUBJECTS


def _tail_after_quotation(toks, p, c, start, end, depth):
    """The last quotation of the content, then the outlet's circumstance (a dash, or "as he …",
    "when asked …", "before floating …") without a further speech cue: the content ends with the
    quotation."""
    if toks[c - 1].kind != "q" or c - 1 < p or c + 1 >= len(toks) or not substantive(toks, p, c):
        return None
    if not _opens_circumstance(toks, c) or any(x.kind == "q" or x.text.islower() and x.low in SPEECH_VERBS
                                               for x in toks[c + 2:]):  # ("when *asked* …" is no frame)
        return None
    return [(*span(toks, p, c, start, end), False)]


def _which_aside(toks, p, c, start, end, depth):
    """"…, which forced her to …": the outlet's aside ends the content; "…, and said he …" after
    it is the speaker again."""
    n = len(toks)
    if not (toks[c].text == "," and toks[c + 1].low == "which" and word_count(toks, p, c) >= 4):
        return None
    out = [(*span(toks, p, c, start, end), False)]
    c2 = next((c2 for c2 in range(c + 3, n - 1) if toks[c2 - 1].text == "," and coordinated_cue(toks, c2)
               is not None), None)
    if c2 is not None and depth < 3:
        v = coordinated_cue(toks, c2)
        q, kind2, _ = skip_frame(toks, v + 1, toks[v].low)
        if kind2 in ("that", "colon", "quote", "clause") and q < n and substantive(toks, q, n):
            out.extend(content_after(toks, q, kind2, start, end, depth + 1))
    return out


def _name_aside(toks, p, c, start, end, depth):
    """"… helped Hillary Clinton, who does not need to …": a relative clause after a name is the
    outlet's aside about that person (or place: ", where …") and ends the content."""
    if not (toks[c].text == "," and toks[c + 1].low in ("who", "whom", "whose", "where") and toks[c + 1].text.islower()
            and toks[c - 1].kind == "w" and toks[c - 1].text[0].isupper() and c - 1 > p
            and word_count(toks, p, c) >= 4 and not any(t.kind == "q" for t in toks[c:])):
        return None
    return [(*span(toks, p, c, start, end), False)]


def _but_clause(toks, p, c, start, end, depth):
    """"A, but B": B, a clause of its own without a speech verb, is the outlet's."""
    n = len(toks)
    if not (toks[c].text == "," and toks[c + 1].low in ("but", "yet") and c + 2 < n and word_count(toks, p, c) >= 3
            and subject_start(toks[c + 2]) and clause_like(toks, c + 2)
            and not any(t.text.islower() and (t.low in SPEECH_VERBS or t.low in STANCE_VERBS)
                        for t in toks[c + 2:])):
        return None
    out = [(*span(toks, p, c, start, end), False)]
    if word_count(toks, c + 2, n) >= 3:
        out.append((*span(toks, c + 2, n, start, end), True))
    return out


def _coordinated_speech(toks, p, c, start, end, depth):
    """"… and suggested that …", "… but noted that …": the same speaker again."""
    n = len(toks)
    v = coordinated_cue(toks, c)
    if v is None or not substantive(toks, p, c):
        return None
    cut = c - 1 if toks[c - 1].text == "," else c
    out = [(*span(toks, p, cut, start, end), False)]
    if depth < 3:
        w = v + 1 + (1 if particle(toks, v) else 0)  # "… and called *on* people to …"
        q, kind2, _ = (w, "clause", False) if to_infinitive(toks, w) else skip_frame(toks, w, toks[v].low)
        if kind2 not in ("that", "colon", "quote", "clause"):
            q, kind2 = start_after_cue(toks, v), "clause"  # "… but pledged to remain civil"
        if q < n and substantive(toks, q, n):
            out.extend(content_after(toks, q, kind2, start, end, depth + 1))
    return out


def _participle_phrase(toks, p, c, start, end, depth):
    """", engaging in …" (the outlet's) ends the content; ", adding that …" / ", saying: “…”" frames
    more words of the same speaker."""
    n = len(toks)
    comma = toks[c]
    if comma.text != "," and not (comma.kind == "q" and comma.text.rstrip(MARKS).endswith(",")):
        return None
    v = _participle_after_comma(toks, c)
    if v is None or not substantive(toks, p, c + (comma.kind == "q")):
        return None
    t = toks[v]
    out = [(*span(toks, p, c + (comma.kind == "q"), start, end), False)]
    if (t.low in FRAME_PARTICIPLES or t.low in STANCE_VERBS or t.low in SPEECH_VERBS) and depth < 3:
        q, kind2, _ = skip_frame(toks, v + 1, t.low)
        if kind2 == "none" and t.low not in FRAME_PARTICIPLES:
            kind2 = "clause"  # ", encouraging his supporters to …": the object is the content
        if kind2 in ("that", "colon", "quote", "clause") and substantive(toks, q, n):
            out.extend(content_after(toks, q, kind2, start, end, depth + 1))
    return out


def _participle_after_comma(toks, c: int) -> int | None:
    """Index of the "-ing" participle right after the comma at ``c`` (an "-ly" adverb may come
    first: ", implicitly putting …"), else None."""
    v = c + 1
    if toks[v].kind == "w" and toks[v].text.islower() and toks[v].low.endswith("ly") and v + 1 < len(toks):
        v += 1
    t = toks[v]
    if t.kind != "w" or not t.text.islower() or not t.low.endswith("ing") or t.low in NOT_PARTICIPLES:
        return None
    return v


# What may end the content at token ``c``, tried in order at each token.
_CONTENT_ENDS = (_semicolon, _tail_after_quotation, _which_aside, _name_aside, _but_clause, _coordinated_speech, _participle_phrase)


def subject_start(t: Tok) -> bool:
    """A word that can open a clause's subject ("but *the* council has …"), not a verb ("but offered …")."""
    if t.kind == "n":
        return True
    if t.kind != "w":
        return False
    if t.low in ("he", "she", "it", "they", "we", "i", "you", "there") or t.low in NOUN_DETERMINERS:
        return True
    return t.text[0].isupper() and t.low not in ("but", "and")


def coordinated_cue(toks: list[Tok], c: int) -> int | None:
    """Index of a speech verb coordinated at ``c`` ("and *warned*", "but also *noted*"), else None."""
    if toks[c].low not in ("and", "but") or not toks[c].text.islower():
        return None
    v = c + 1
    while v < len(toks) - 1 and toks[v].kind == "w" and toks[v].text.islower() \
            and (toks[v].low in ("also", "then", "later", "even", "has", "have", "had") or frame_word(toks[v])):
        v += 1  # "… and *has* expressed support for …"
    t = toks[v]
    if t.kind == "w" and t.text.islower() and (t.low in SPEECH_VERBS or t.low in STANCE_VERBS) \
            and not t.low.endswith("ing") \
            and (t.low.endswith(("ed", "s")) or t.low in _IRREGULAR_PAST):
        return v
    return None


_IRREGULAR_PAST = frozenset("said told wrote thought found showed spoke read".split())
