"""Where the content after a cue starts: the rest of the frame is skipped.

After a speech verb come words that still belong to the frame: an indirect object ("told
*reporters*"), adverbs and time words, prepositional phrases ("said *in a statement on Tuesday*"),
"that", a colon, an appositive after an inverted subject ("said Maria Lopez, *the finance
minister*,") or a second, participle frame (", adding that …"). :func:`skip_frame` walks past them
and says how the content was reached.
"""
from __future__ import annotations

from ..speakers.clause_words import (CLAUSE_STARTS, CLAUSE_VERBS, CLAUSE_VERBS_STOP, DASHES, FINITE, FRAME_PARTICIPLES,
                           PREPOSITIONS, frame_word, particle, to_infinitive)
from ..speakers.cues import SPEECH_VERBS, STANCE_VERBS, forms_of
from ..sentences.tokens import Tok

# Verbs whose object comes before what was said: "told reporters that …", "issued a statement: …".
_OBJECT_VERBS = forms_of("tell inform assure remind warn brief urge ask advise notify issue release "
                         "put publish post").union({"informed"})


def participle_frame(toks: list[Tok], p: int, limit: int) -> int | None:
    """Index of the first comma in ``toks[p:limit]`` that opens a participle frame (", saying …",
    ", promising to …"), or None (a quotation or a semicolon ends the search)."""
    for c in range(p, min(limit, len(toks) - 1)):
        t = toks[c]
        if t.kind == "q" and c > p or t.text == ";":
            return None
        if t.text == "," and frame_participle(toks[c + 1]):
            return c
    return None


def frame_participle(t: Tok) -> bool:
    """A participle that opens a further frame: "saying", "adding", "urging" …"""
    return t.kind == "w" and t.text.islower() and t.low.endswith("ing") and (
        t.low in FRAME_PARTICIPLES or t.low in SPEECH_VERBS or t.low in STANCE_VERBS)


def participle_content(toks: list[Tok], v: int) -> tuple[int, str]:
    """Where the words framed by the participle at ``v`` start, and how they were reached."""
    if to_infinitive(toks, v + 1):
        return v + 1, "clause"  # ", promising to lift …"
    if v + 1 < len(toks) and toks[v + 1].low in ("of", "about", "on", "with", "at", "to", "out", "off"):
        return v + 1, "none"  # ", speaking of the deal": a topic, ", calling out X": a target, not what was said
    q, kind, _ = skip_frame(toks, v + 1, toks[v].low)
    if kind == "clause" and toks[v].low not in CLAUSE_VERBS:
        kind = "none"
    if kind == "none" and toks[v].low not in FRAME_PARTICIPLES:
        return start_after_cue(toks, v), "clause"  # ", promising to lift …", ", urging voters to …"
    return q, kind


def start_after_cue(toks: list[Tok], v: int) -> int:
    """Where the words framed by the cue at ``v`` start: past a particle, adverbs and "that"."""
    n = len(toks)
    q = v + 1 + (1 if particle(toks, v) else 0)
    while q < n and frame_word(toks[q]) and toks[q].kind != "n":
        q += 1
    if q < n and (toks[q].low == "that" or toks[q].text == ":"):
        q += 1
    return q


def skip_appositive(toks: list[Tok], p: int) -> int:
    """'said Maria Lopez*, the finance minister,*' → past the appositive."""
    n = len(toks)
    if p < n and toks[p].text == "," and p + 1 < n and toks[p + 1].kind == "w" \
            and toks[p + 1].low in ("the", "a", "an", "who", "whose"):
        for c in range(p + 1, min(n, p + 20)):
            if toks[c].text == "," or toks[c].kind == "q":
                return c
        return n
    return p


def _that_ahead(toks: list[Tok], i: int, limit: int = 12) -> int | None:
    """Index of a "that" or ":" a few frame-like words ahead (a prepositional phrase, an object,
    a participle: "in a statement that", "to reporters on Tuesday that", ", adding that")."""
    n = len(toks)
    for c in range(i, min(n, i + limit)):
        t = toks[c]
        if t.kind == "q" or t.text in (".", "!", "?", ";") or t.text in DASHES:
            return None
        if t.low == "that" or t.text == ":":
            return c
        if t.kind == "w" and (t.low in CLAUSE_VERBS_STOP or t.low in ("he", "she", "it", "they", "we", "i",
                                                                        "there", "which", "who")):
            return None
    return None


def skip_frame(toks: list[Tok], p: int, cue: str) -> tuple[int, str, bool]:
    """Skip what follows the speech verb and belongs to the frame (object, adverbs, time,
    prepositional phrases, "that"). Returns where the content starts and how it was reached:
    'that', 'colon', 'quote', 'clause' (a bare clause), 'comma' (a comma, then not a quotation)
    or 'end' (nothing but frame to the end of the sentence), and whether a comma was crossed on
    the way (", adding that …": a second frame after the first one ended)."""
    obj = cue in _OBJECT_VERBS
    steps = 0
    crossed = False
    while p < len(toks) and steps < 30:
        steps += 1
        t = toks[p]
        mark = _content_mark(toks, p)
        if mark is not None:
            return mark[0], mark[1], crossed
        if t.text == ",":
            got = _at_comma(toks, p)
            if isinstance(got, int):
                p, crossed = got, True
                continue
            return got[0], got[1], crossed or got[2]
        if t.kind == "w" and t.text.islower() and t.low in PREPOSITIONS:
            nxt = _past_preposition(toks, p)
            if nxt is None:
                return p, "clause", crossed
            p = nxt
            continue
        if frame_word(t) or t.kind == "w" and t.low in FRAME_PARTICIPLES:
            p += 1
            continue
        if obj:
            obj = False
            q = skip_object(toks, p)
            if q > p:
                p = q
                continue
        return p, "clause" if t.kind in ("w", "n") and clause_like(toks, p) else "none", crossed
    return p, "end", crossed


def _content_mark(toks: list[Tok], p: int) -> tuple[int, str] | None:
    """Where the content starts when token ``p`` marks it: a quotation, "that", a colon, or the
    sentence's end ('end')."""
    t = toks[p]
    if t.kind == "q":
        return p, "quote"
    if t.kind == "w" and t.low == "that":
        return p + 1, "that"
    if t.text == ":":
        return p + 1, "colon"
    if t.text in (".", "!", "?") and all(x.kind == "p" for x in toks[p:]):
        return len(toks), "end"
    return None


def _at_comma(toks: list[Tok], p: int) -> int | tuple[int, str, bool]:
    """At a comma in the frame: the index to go on from (a "that" clause ahead), or the result
    (start, how, crossed): a quotation right after it, a second frame (", adding that …",
    ', and "B."'), or 'comma'."""
    n = len(toks)
    if p + 1 < n and toks[p + 1].kind == "q":
        return p + 1, "quote", True
    if p + 2 < n and frame_participle(toks[p + 1]):
        # '"…," X said, adding later, "…"' / ", citing the release of …": a second frame
        q, kind2 = participle_content(toks, p + 1)
        if kind2 in ("that", "colon", "quote", "clause"):
            return q, kind2, True
    if p + 2 < n and toks[p + 1].low in ("and", "but") and toks[p + 2].kind == "q":
        return p + 2, "quote", True  # "\"A,\" X wrote, and \"B.\""
    c = _that_ahead(toks, p + 1)
    return c if c is not None else (p, "comma", False)


def _past_preposition(toks: list[Tok], p: int) -> int | None:
    """Where the frame goes on after the preposition at ``p`` ("said in an email to X, …", "said
    on Tuesday the …"), or None when a clause starts there."""
    c = _that_ahead(toks, p + 1)
    if c is not None:
        return c
    c = _pp_end(toks, p + 1)
    if c is not None:  # "wrote in an email to X, and “…”" / "said at a rally."
        return c
    return p + 2 if p + 1 < len(toks) and frame_word(toks[p + 1]) else None


def _pp_end(toks: list[Tok], i: int, limit: int = 12) -> int | None:
    """End of a prepositional phrase starting at ``i`` when a comma, a quotation or the sentence
    end follows it with no verb inside ("in an email to the network's Rich Eisen,")."""
    n = len(toks)
    for c in range(i, min(n, i + limit)):
        t = toks[c]
        if t.kind == "q" or t.text in (",", ";", ":") or t.text in DASHES:
            return c if c > i else None
        if t.text in (".", "!", "?"):
            return c if all(x.kind == "p" for x in toks[c:]) else None
        if t.kind == "w" and (t.low in CLAUSE_VERBS_STOP or t.low == "that" or t.low in CLAUSE_STARTS
                              and t.low not in ("the", "a", "an", "his", "her", "its", "their", "our",
                                                "my", "your", "this", "these", "those", "some", "one", "two",
                                                "three", "each", "every", "all", "both")
                              or t.text.islower() and t.low.endswith("ed")):
            return None
    return None


def clause_like(toks: list[Tok], p: int) -> bool:
    """Whether a bare complement reads as a clause ("said *rents would fall*", "said *he* hopes")
    rather than a noun object ("claimed *responsibility for the blast*")."""
    t = toks[p]
    if t.low in ("he", "she", "it", "they", "we", "i", "you", "there") or t.kind == "w" and t.text[0].isupper() \
            or t.kind == "n":
        return True
    for x in toks[p:p + 15]:
        if x.kind == "q":
            return True  # a partial quotation: 'described the plan as “a disaster”'
        if x.text in (",", ";", ":"):
            break
        if x.kind == "w" and x.text.islower() and (x.low in CLAUSE_VERBS_STOP or x.low.endswith(("ed", "n't"))
                                                   or x.low in FINITE):
            return True
    return False


def skip_object(toks: list[Tok], p: int) -> int:
    """Past the indirect object of "told"/"issued": 'the media', 'CNN's Jake Tapper', 'reporters'."""
    n = len(toks)
    q = p
    while q < n and q - p < 6:
        t = toks[q]
        if t.kind not in ("w", "s"):
            break
        if t.low == "that" or t.low in PREPOSITIONS and t.text.islower() or t.low in CLAUSE_VERBS_STOP:
            break
        if t.low in ("he", "she", "it", "they", "we", "i", "there") or q > p and t.low in ("the", "a", "an"):
            break  # "warned *it* was time …": a subject, not an object
        if t.low.endswith("ly") and t.text.islower() and len(t.low) > 4:
            break
        q += 1
    return q
