"""Content spans: the part of a sentence that is *what was said*, without the attribution frame.

An attributed mention covers the claim's content; the speaker and the speech cue are metadata
(``speaker``, ``speaker_role``, ``is_quote``), not part of the mention text:

- ``"…," he said.`` / ``"…" X added.`` / ``X said: "…"`` → the quoted material, marks and a
  trailing comma left out (a final ``.``/``?``/``!`` inside the marks is kept);
- ``X said (that) CLAUSE`` / ``X told reporters CLAUSE`` / ``according to X, CLAUSE`` /
  ``WALLACE: …`` → CLAUSE, to the end of the sentence;
- ``CLAUSE, X said.`` / ``CLAUSE, according to X.`` / ``"…" ― X`` → CLAUSE, up to the frame;
- ``"A," X said, "B."`` → two pieces, A and B; ``"A," X said, adding that B`` → A and B;
- ``Y did Z, and X said that CLAUSE`` / ``X spoke in Ohio, saying that CLAUSE`` → CLAUSE for X, and
  the leading clause (``Y did Z``) as a separate piece in the outlet's own voice;
- ``X said A, and Y warned that B`` → A (X's) and B (Y's);
- content after a frame stops at a semicolon, at a coordinated speech verb (``… and noted that
  B`` → B is a further piece of the same speaker) and at a participle phrase in the outlet's
  voice (``…, ending a century of production``); ``described X as "…" on Monday`` → up to the
  quotation;
- ``X urged Y to …`` → ``Y to …``; ``As X noted, CLAUSE`` / ``In X's view, CLAUSE`` → CLAUSE;
  ``… X's claim that CLAUSE`` → CLAUSE for X (the rest in the outlet's voice); ``…, with X
  saying that CLAUSE`` → CLAUSE for X; ``…, when X stated that CLAUSE`` → CLAUSE for X;
- a noun object ends before an aside (``…, who …``, ``as``/``when`` + a clause of the outlet's,
  a venue phrase); ``A, but B`` ends A when B is a clause of its own (B is the outlet's);
- sentences of a block quotation, sentences without attribution: the whole sentence (a
  sentence that is nothing but one quotation loses its marks).

When the frame cannot be told apart from the content (a speech cue inside a relative clause,
a verb whose object is not a clause: ``claimed responsibility for …``) the whole sentence is
kept, as before.
"""
from __future__ import annotations

from dataclasses import dataclass

from .boilerplate import is_fragment
from .lexicon import MONTHS, VENUE_NOUNS, WEEKDAYS
from .speakers import (_QUOTE_ONLY, PHRASAL_VERBS, SPEECH_VERBS, STANCE_VERBS, Attribution, _opening_phrase,
                       forms_of, light_frame)
from .tokens import Tok

# Punctuation stripped from the edges of a piece (a hyphen only when it stands alone).
_EDGE = ",;:\u2014\u2013\u2015"
_MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_DASHES = ("-", "\u2014", "\u2013", "\u2015", "--")

# Verbs whose object comes before what was said: "told reporters that …", "issued a statement: …".
_OBJECT_VERBS = forms_of("tell inform assure remind warn brief urge ask advise notify issue release "
                         "put publish post").union({"informed"})
# Speech verbs that take a bare clause ("said the plan failed"); other cues ("praised", "claimed
# responsibility", "called for") only frame content introduced by "that", a colon or a quotation.
_CLAUSE_VERBS = forms_of("""say tell add write claim argue insist warn note explain declare believe think
hope fear suggest contend assert maintain predict acknowledge admit concede agree recall report estimate
indicate reveal confirm complain boast promise tweet respond reply reiterate stress emphasize emphasise
allege charge conclude find show joke quip testify reason posit opine affirm proclaim observe remark
mention counter retort caution lament worry""")
# Participles that carry on a frame: "said in a statement, adding that …".
_FRAME_PARTICIPLES = frozenset("""saying adding stating writing noting explaining arguing claiming
insisting warning telling declaring asserting suggesting""".split())
_PREPOSITIONS = frozenset("""in on at during to with from before after via through over amid outside
inside following for about by under""".split())
_FRAME_WORDS = frozenset("""today yesterday tonight tomorrow recently earlier later afterwards afterward
again also then now repeatedly publicly privately last this next week month year morning afternoon
evening night weekend once previously initially further separately subsequently simply flatly
""".split()) | WEEKDAYS
# Words that open a clause (so a bare complement can start with them): "said *the* plan failed".
_CLAUSE_STARTS = frozenset("""he she it they we i you there this these those the a an his her its their
our my your some many most all no none any every each one two three both neither either nothing
nobody everyone everybody someone people what whether if how why when where who""".split())
# Words that stop a look-ahead for "that": a finite verb means a clause has already started.
_CLAUSE_VERBS_STOP = frozenset("""is are was were has have had will would can could should may might must
do does did be been being""".split())
_SUBORDINATORS = frozenset("""and but so yet while as because after before when though although since
whereas once""".split())


@dataclass(frozen=True)
class Piece:
    """A stretch of a sentence that becomes one mention. ``own``: the outlet's own words (a
    leading clause before an attribution), so the sentence's speaker does not apply to it.
    ``who``: (speaker, role) when a later frame of the sentence gives this piece its own speaker."""

    start: int
    end: int
    own: bool = False
    who: tuple[str, str | None] | None = None


def pieces(text: str, start: int, end: int, att: Attribution | None, toks: list[Tok],
           quote_spans: list[tuple[int, int]], block: bool = False, others=()) -> list[Piece]:
    """The mention spans of the sentence ``text[start:end]`` (see the module docstring).
    ``others``: (Attribution, speaker, role) of frames after the governing one."""
    whole = [Piece(*_whole(text, start, end, quote_spans))] if _has_alnum(text, start, end) else []
    if block or att is None or not toks:
        return [p for p in whole if p.end > p.start]
    found = _split(text, start, end, att, toks)
    if found is None:
        if not others or not whole:
            return whole
        found = [(whole[0].start, whole[0].end, False)]  # a later frame may still split it
    found = [(a, b, own, None) for a, b, own in found]
    for other, name, role in others:
        if other.cue < att.cue:
            found = _first_frame(toks, start, end, found, other, (name, role))
        else:
            found = _second_frame(text, start, end, toks, found, other, (name, role))
    out = []
    for a, b, own, who in found:
        a, b = _clean(text, a, b, quote_spans)
        if b > a:
            out.append(Piece(a, b, own, who))
    content = [p for p in out if not p.own]
    if not content:
        return [p for p in out if p.own]  # "Herzog met Blinken, and said:" → the lead only
    if all(not _quoted(p, quote_spans) and is_fragment(text[p.start:p.end]) for p in content):
        return whole  # "He told reporters so." : nothing left worth a mention of its own
    return out


def _second_frame(text, start, end, toks, found, other: Attribution, who):
    """Split the content piece holding a later frame ("…, and Y warned that B") in two: the
    first speaker's words up to the frame, Y's words after it."""
    i = other.np.i
    b = i
    while b > 0 and (toks[b - 1].low in ("and", "but", "while", "whereas", "with")
                     or toks[b - 1].text in (",", ";")):
        b -= 1
    if b == i or b == 0:
        if i > 0 and toks[i - 1].low in _CLAUSE_SUBORDINATORS:
            # "…, when the state wrongly stated that B": the clause was kept as the outlet's piece
            return _own_clause_frame(toks, start, end, found, other, who)
        return found  # not a clause of its own: "said that Y warned …" stays one piece
    if other.how == "with":  # "…, with one poll showing her ahead": what follows the participle
        p, kind = _content_start(toks, other.cue), "clause"
    else:
        p, kind, _ = _skip_frame(toks, other.cue + 1, toks[other.cue].low)
        if kind == "none" and other.stance:  # "…, and Republicans want policies that …": the object
            p, kind = _content_start(toks, other.cue), "object"
    if kind not in ("that", "colon", "quote", "clause", "object") or kind == "clause" \
            and toks[other.cue].low not in _CLAUSE_VERBS and other.how != "with" or p >= len(toks) \
            or not _substantive(toks, p, len(toks)):
        return found
    kind = "clause" if kind == "object" else kind
    cut, resume = toks[b - 1].end, toks[i].start
    out = []
    for a, z, own, w in found:
        if own or not (a <= resume < z) or not _substantive_text(text, a, cut):
            out.append((a, z, own, w))
            continue
        out.append((a, cut, own, w))
        for a2, z2, _ in _after(toks, p, kind, start, min(z, end)):
            out.append((a2, z2, False, who))
    return out


_CLAUSE_SUBORDINATORS = frozenset("as while after before because since though although when whereas".split())


def _own_clause_frame(toks, start, end, found, other: Attribution, who):
    """An outlet's piece that opens with the later frame's subject ("the state stated that B")
    becomes B, with that frame's speaker."""
    p, kind, _ = _skip_frame(toks, other.cue + 1, toks[other.cue].low)
    if kind not in ("that", "colon", "quote", "clause") or kind == "clause" and toks[other.cue].low not in \
            _CLAUSE_VERBS or p >= len(toks) or not _substantive(toks, p, len(toks)):
        return found
    resume = toks[other.np.i].start
    out = []
    for a, z, own, w in found:
        if not own or a != resume or toks[p].start >= z:
            out.append((a, z, own, w))
            continue
        out.extend((a2, z2, False, who) for a2, z2, _ in _after(toks, p, kind, start, min(z, end)))
    return out


def _first_frame(toks, start, end, found, other: Attribution, who):
    """Give the leading clause "While X said that A, …" (kept as the outlet's words) to X: A."""
    sub = toks[other.np.i - 1]
    p, kind, _ = _skip_frame(toks, other.cue + 1, toks[other.cue].low)
    cue = toks[other.cue].low
    if kind == "none" and cue not in _CLAUSE_VERBS and cue not in _NOUN_OBJECT_WHOLE:
        p, kind = _content_start(toks, other.cue), "object"  # "Although X has admitted using …, …"
    if kind not in ("that", "colon", "quote", "clause", "object") or kind == "clause" and cue not in _CLAUSE_VERBS \
            or p >= len(toks):
        return found
    kind = "clause" if kind == "object" else kind
    out = []
    for a, z, own, w in found:
        if not own or not (a <= sub.start and toks[p].start < z) or not _substantive(toks, p, len(toks)):
            out.append((a, z, own, w))
            continue
        out.extend((a2, z2, False, who) for a2, z2, _ in _after(toks, p, kind, start, min(z, end)))
    return out


def _substantive_text(text: str, a: int, b: int) -> bool:
    return len(text[a:b].split()) >= 2


def _has_alnum(text: str, a: int, b: int) -> bool:
    return any(c.isalnum() for c in text[a:b])


def _quoted(p: Piece, quote_spans: list[tuple[int, int]]) -> bool:
    return any(qa < p.end and qb > p.start for qa, qb in quote_spans)


def _whole(text: str, a: int, b: int, quote_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """A sentence without attribution: itself, or its quoted material when that is all it is."""
    ca, cb = _unquote(text, a, b, quote_spans)
    return (ca, cb) if (ca, cb) != (a, b) and cb > ca else (a, b)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop whitespace and dangling commas, colons, semicolons and dashes at both ends."""
    while a < b:
        c = text[a]
        if c.isspace() or c in _EDGE or c == "-" and (a + 1 == b or text[a + 1].isspace()):
            a += 1
        else:
            break
    while b > a:
        c = text[b - 1]
        if c.isspace() or c in _EDGE or c == "-" and (b - 1 == a or text[b - 2].isspace()):
            b -= 1
        else:
            break
    return a, b


def _unquote(text: str, a: int, b: int, quote_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """When one quotation covers the whole of ``text[a:b]`` (marks and punctuation aside), its
    quoted material only; otherwise ``(a, b)`` unchanged."""
    for qa, qb in quote_spans:
        lo, hi = max(a, qa), min(b, qb)
        if hi <= lo:
            continue
        if _only_marks(text, a, lo) and _only_marks(text, hi, b):
            return _strip(text, lo, hi)
    return a, b


def _only_marks(text: str, a: int, b: int) -> bool:
    return all(c.isspace() or c in _MARKS or c in _EDGE or c in ".!?-()" for c in text[a:b])


def _clean(text: str, a: int, b: int, quote_spans: list[tuple[int, int]]) -> tuple[int, int]:
    a, b = _strip(text, a, b)
    if b <= a or not _has_alnum(text, a, b):
        return a, a
    return _unquote(text, a, b, quote_spans)


def _words(toks: list[Tok], i: int, j: int) -> int:
    return sum(1 for t in toks[i:j] if t.kind in ("w", "n"))


def _substantive(toks: list[Tok], i: int, j: int) -> bool:
    """Enough of a clause to be a claim: a quotation or at least two words."""
    return any(t.kind == "q" for t in toks[i:j]) or _words(toks, i, j) >= 2


def _span(toks: list[Tok], i: int, j: int, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [i, j); to the sentence end when j is the last token."""
    a = toks[i].start if i < len(toks) else end
    b = toks[j - 1].end if j - 1 < len(toks) - 1 else end
    return max(a, start), min(b, end)


def _split(text: str, start: int, end: int, att: Attribution, toks: list[Tok]):
    """(a, b, own) triples for the sentence, or None to keep the whole sentence."""
    n = len(toks)
    k, np = att.cue, att.np
    if att.how == "label":  # "WALLACE: …"
        return [(*_span(toks, k + 1, n, start, end), False)] if k + 1 < n else None
    if att.how == "dash":  # '"…" ― X'
        return [(*_span(toks, 0, k, start, end), False)] if k > 0 else None
    if att.how == "according":
        return _according(toks, att, start, end)
    if att.how == "passive":
        return None  # "The plan is supported by X": the sentence, attributed to X
    if att.how == "noun":  # "Politifact seized on Trump's claim that …"
        p = next(c for c in range(k + 1, n) if toks[c].low == "that") + 1
        if not _substantive(toks, p, n):
            return None
        lead = [(*_span(toks, 0, k + 1, start, end), True)] if _words(toks, 0, np.i) >= 3 else []
        if toks[p - 2].low not in ("is", "was") and (np.i == 0 or toks[np.i - 1].text == ","
                                                     or np.i == 1 and toks[0].low in _SUBORDINATORS):
            # the claim is the subject: "X's claim that A was false" → A, up to the main verb
            m = _main_verb_after(toks, p)
            if m is not None:
                return lead + [(*_span(toks, p, m, start, end), False)]
        return lead + _after(toks, p, "that", start, end)
    if att.stance:
        return _stance_split(text, start, end, att, toks)
    if att.how in ("coord", "ing", "with"):
        # "Herzog met with Blinken, and told the media that …" / "Trump spoke, saying that …"
        cut = k - 1 if att.how == "ing" else np.i - 2 if att.how == "with" else _coordinator(toks, k)
        if cut is None:
            return None
        p, kind, _ = _skip_frame(toks, k + 1, toks[k].low)
        if kind in ("end", "comma") or kind == "clause" and toks[k].low not in _CLAUSE_VERBS:
            return None
        out = []
        if _words(toks, 0, cut) >= 3:
            out.append((*_span(toks, 0, cut, start, end), True))
        out.extend(_after(toks, p, kind, start, end))
        return out
    if toks[k].low in _QUOTE_ONLY and not (k + 1 < n and toks[k + 1].text == ":") and not _particle(toks, k) \
            and _late_particle(toks, k) is None:
        # 'Trump called it "a disgrace"' → the quotation
        q = next((c for c in range(k + 1, n) if toks[c].kind == "q"), None)
        return [(toks[q].start, toks[q].end, False)] if q is not None else None
    if np.kind == "pron" and np.text.lower() in ("it", "i", "we", "you"):
        return None  # "It is hoped that …", "I think …": no speaker to take the frame off for
    inverted = np.i > k  # '"…," said Blinken'
    f0 = k if inverted else np.i
    right = np.j if inverted else k + 1 + (1 if _particle(toks, k) else 0)
    if inverted:
        right = _skip_appositive(toks, right)
    elif toks[k].low == "put" and right < n and toks[right].low == "it":
        right += 1  # "As X put it, …"
    elif light_frame(toks, k):
        right += light_frame(toks, k)  # "X made it clear (that) …"
    elif _to_infinitive(toks, right) \
            and not any(t.kind == "q" for t in toks[:f0]):
        return _stance_split(text, start, end, att, toks)  # "X agreed to release …"
    elif toks[k].low in _CONTROL_VERBS and not any(t.kind == "q" for t in toks[:f0]):
        q = _skip_object(toks, right)
        long_object = False
        if right < q < n - 1 and toks[q].text == ",":  # "asked Lester Holt, the moderator, to …"
            c = next((c for c in range(q + 2, min(n - 1, q + 16)) if toks[c].text == ","), None)
            if c is not None and toks[q + 1].low in ("the", "a", "an", "who"):
                q, long_object = c + 1, True
        if right < q < n - 1 and _to_infinitive(toks, q):
            # "X urged voters to reject …" (the object and what it is urged to do); after a long
            # object with an appositive, from "to"
            return _stance_split(text, start, end, att, toks, q if long_object else None)
    p, kind, crossed = _skip_frame(toks, right, toks[k].low)
    if not inverted and f0 >= 1 and toks[f0 - 1].low == "as":
        as_frame = _as_frame(text, start, end, toks, f0 - 1, k, kind)
        if as_frame is not None:
            return as_frame
    # ", adding later, “…”" / ", citing …": the content was reached through a participle frame
    via_participle = crossed and any(toks[c - 1].text == "," and _frame_participle(toks[c])
                                     for c in range(right + 1, p))
    if kind == "clause" and toks[k].low not in _CLAUSE_VERBS and not light_frame(toks, k) and not via_participle:
        # "blasted Clinton as a “disgrace”": the complement, when it quotes someone's words (and no
        # ", saying …" frame comes before the quotation)
        q = next((c for c in range(p, n) if toks[c].kind == "q"), None)
        if q is not None and _participle_frame(toks, p, q) is None:
            return _quoted_complement(toks, p, start, end)
        kind = "none"
    before = f0 > 0 and _substantive(toks, 0, f0)
    before_q = any(t.kind == "q" for t in toks[:f0])
    prev = toks[f0 - 1] if f0 > 0 else None
    # content before the frame: '"…," X said' / 'CLAUSE, X said' — not an opening adverbial
    # ("In Ohio on Tuesday, X said …", "Asked about it, X said …")
    lead_in = before and not _intro(toks, f0) and (before_q or prev.text in _DASHES or prev.text == ",")
    after = p < n and kind in ("that", "colon", "quote", "clause") and _substantive(toks, p, n)
    if kind == "colon" and p >= n and not before:
        return []  # "Caddell continued:" : all frame, the words follow in the next paragraph
    if lead_in and after and not crossed and not before_q:
        lead_in = False  # "Michael Mulgrew, president of the union, said he hopes …": an appositive
    if lead_in:
        if kind == "comma" and _words(toks, 0, f0) <= 4 and not before_q:
            return None  # "The plan, he said, is bad." : the frame interrupts one clause
        out = [(*_span(toks, 0, f0, start, end), False)]
        if after and (kind != "clause" or before_q):
            out.extend(_after(toks, p, kind, start, end))  # '"A," X said, "B."' / ', adding that …'
        return out
    if after:
        if not before:  # "X said …" / "Sens. X and Y said …"
            return _after(toks, p, kind, start, end)
        if prev.kind == "w" and prev.low in _SUBORDINATORS:  # "Prices rose, and X said that …"
            out = []
            cut = f0 - 2 if f0 >= 2 and toks[f0 - 2].low in ("even", "just") else f0 - 1  # "… even as X said"
            if _words(toks, 0, cut) >= 3:
                out.append((*_span(toks, 0, cut, start, end), True))
            return out + _after(toks, p, kind, start, end)
        if prev.text == "," or _intro(toks, f0) or _opening_phrase(toks, f0):
            # "In Ohio on Tuesday, X said that …"; "While Y reported progress, X said …" keeps
            # its subordinate clause as a piece in the outlet's voice
            lead = [(*_span(toks, 0, f0 - 1, start, end), True)] if _subordinate_clause(toks, f0 - 1) else []
            return lead + _after(toks, p, kind, start, end)
        if prev.text in (":", ";") and _words(toks, 0, f0 - 1) >= 3:
            # "The news set off fireworks on Friday: Republicans said …": the lead is the outlet's
            return [(*_span(toks, 0, f0 - 1, start, end), True)] + _after(toks, p, kind, start, end)
        return None
    if before and kind == "none" and not inverted and not before_q and p < n and _substantive(toks, p, n) \
            and toks[k].low not in _NOUN_OBJECT_WHOLE:
        return _stance_split(text, start, end, att, toks)  # "In her book, X noted the clot's existence."
    if before and (prev.kind == "q" or att.final):
        return [(*_span(toks, 0, f0, start, end), False)]
    # "X said as much in an interview, arguing that …": the words after a later participle frame
    c = _participle_frame(toks, max(p, k + 1), n - 2)
    if c is not None:
        q, kind2 = _participle_content(toks, c + 1)
        if kind2 in ("that", "colon", "quote", "clause") and q < n and _substantive(toks, q, n):
            out = [(*_span(toks, 0, f0, start, end), True)] if before and prev.kind == "w" \
                and prev.low in _SUBORDINATORS else []
            if kind == "none" and toks[k].low not in _CLAUSE_VERBS and _words(toks, p, c) >= 3 \
                    and _noun_start(toks[p]):
                # "attacked Jones for her vote, saying …": the object is the speaker's words too
                out.append((*_span(toks, p, c, start, end), False))
            return out + _after(toks, q, kind2, start, end)
    if kind == "none" and not inverted and not before_q and toks[k].low not in _NOUN_OBJECT_WHOLE:
        return _stance_split(text, start, end, att, toks)  # "X noted the rule": the object
    if kind == "none" and not inverted and not before_q and not before:
        # "X announced the arrest of a man and said …": the announcement, then what was said
        c = next((c for c in range(p + 2, n - 1) if _coordinated_cue(toks, c) is not None), None)
        if c is not None:
            v = _coordinated_cue(toks, c)
            q, kind2, _ = _skip_frame(toks, v + 1 + (1 if _particle(toks, v) else 0), toks[v].low)
            if kind2 in ("that", "colon", "quote", "clause") and q < n and _substantive(toks, q, n):
                return [(*_span(toks, p, c, start, end), False)] + _after(toks, q, kind2, start, end)
    return None


# Verbs whose object is told to do something: "urged *voters to reject the levy*" (the object and
# the infinitive are what was said).
_CONTROL_VERBS = forms_of("""urge ask call press encourage implore exhort beg invite warn advise tell push
challenge dare order direct instruct remind persuade convince""")

_MAIN_VERBS = frozenset("""is was are were has have had remains remained proved turned seems seemed appears
appeared""".split())


def _main_verb_after(toks: list[Tok], p: int) -> int | None:
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
                and toks[c - 1].low not in _CLAUSE_VERBS_STOP and not toks[c - 1].low.endswith("n't"):
            return c
        if t.low in _CLAUSE_VERBS_STOP or t.low in _FINITE or t.low.endswith(("ed", "n't")) \
                or t.low in SPEECH_VERBS:
            seen = True
    return None


def _as_frame(text: str, start: int, end: int, toks: list[Tok], a: int, k: int, kind: str):
    """"As X noted, CLAUSE" (at the start, or after an opening word: "Yet, as X observed, …") →
    CLAUSE; "CLAUSE, as X noted." → CLAUSE. ``a`` is the index of "as", ``k`` the cue's; None otherwise."""
    n = len(toks)
    opening = a == 0 or a <= 2 and toks[a - 1].text == "," and all(t.kind == "w" for t in toks[:a - 1])
    if opening:
        # the frame runs to the first comma after the cue: "As X put it in a statement to Y in July, …"
        c = next((c for c in range(k + 1, min(n, k + 25)) if toks[c].text == "," or toks[c].kind == "q"), None)
        if c is not None and toks[c].text == "," and c + 1 < n and _substantive(toks, c + 1, n):
            return _after(toks, c + 1, "clause", start, end)
    if a >= 2 and toks[a - 1].text == "," and kind == "end" and _substantive(toks, 0, a - 1) \
            and not any(t.kind == "q" for t in toks[:a]):
        return [(*_span(toks, 0, a - 1, start, end), False)]
    return None


def _noun_start(t: Tok) -> bool:
    """A word that can open a noun object ("*the* plan", "*Clinton*"), not a particle, a preposition
    or an adverb ("spoke *out* about …")."""
    if t.kind == "n" or t.kind == "w" and not t.text.islower():
        return True
    return t.kind == "w" and (t.low in _NOUN_DETERMINERS or t.low not in _PREPOSITIONS and t.low not in _PARTICLES
                              and t.low not in _CLAUSE_STARTS and not t.low.endswith("ly"))


_PARTICLES = frozenset("out up off back down away of as".split())


def _participle_frame(toks: list[Tok], p: int, limit: int) -> int | None:
    """Index of the first comma in ``toks[p:limit]`` that opens a participle frame (", saying …",
    ", promising to …"), or None (a quotation or a semicolon ends the search)."""
    for c in range(p, min(limit, len(toks) - 1)):
        t = toks[c]
        if t.kind == "q" and c > p or t.text == ";":
            return None
        if t.text == "," and _frame_participle(toks[c + 1]):
            return c
    return None


def _frame_participle(t: Tok) -> bool:
    return t.kind == "w" and t.text.islower() and t.low.endswith("ing") and (
        t.low in _FRAME_PARTICIPLES or t.low in SPEECH_VERBS or t.low in STANCE_VERBS)


def _participle_content(toks: list[Tok], v: int) -> tuple[int, str]:
    """Where the words framed by the participle at ``v`` start, and how they were reached."""
    if _to_infinitive(toks, v + 1):
        return v + 1, "clause"  # ", promising to lift …"
    if v + 1 < len(toks) and toks[v + 1].low in ("of", "about", "on", "with", "at", "to"):
        return v + 1, "none"  # ", speaking of the deal": a topic, not what was said
    q, kind, _ = _skip_frame(toks, v + 1, toks[v].low)
    if kind == "clause" and toks[v].low not in _CLAUSE_VERBS:
        kind = "none"
    if kind == "none" and toks[v].low not in _FRAME_PARTICIPLES:
        return _content_start(toks, v), "clause"  # ", promising to lift …", ", urging voters to …"
    return q, kind


# "claimed responsibility for …", "announced a plan": the object is an act, not what was said
_NOUN_OBJECT_WHOLE = forms_of("claim announce report post tweet issue release publish")


def _to_infinitive(toks: list[Tok], i: int) -> bool:
    """``toks[i:]`` opens with "to" and a verb, perhaps after an adverb ("to *harshly* punish")."""
    n = len(toks)
    if i + 1 >= n or toks[i].low != "to":
        return False
    v = i + 2 if i + 2 < n and _adverb_word(toks[i + 1]) else i + 1
    return _infinitive(toks[v])


def _infinitive(t: Tok) -> bool:
    """The word after "to" reads as a verb ("to *release*"), not a noun ("to *reporters*")."""
    low = t.low
    return t.kind == "w" and t.text.islower() and low not in _CLAUSE_STARTS and low not in _PREPOSITIONS \
        and (not low.endswith("s") or low.endswith("ss")) and not low.endswith(("ed", "ing", "ly", "tion"))


def _stance_split(text: str, start: int, end: int, att: Attribution, toks: list[Tok],
                  content_from: int | None = None):
    """A stance verb's content: what follows the verb ("opposed *the resolution*", "wants *to
    …*", "believes (that) *…*", "accused *Clinton of …*"), to the end of the clause; a leading
    clause before the subject ("While prices rose, X …") is a piece in the outlet's own voice."""
    n = len(toks)
    k, np = att.cue, att.np
    late = _late_particle(toks, k)  # "called Friday for …"
    if toks[k].low in _QUOTE_ONLY and any(t.kind == "q" for t in toks[k + 1:]) and not _particle(toks, k) \
            and late is None:
        q = next(c for c in range(k + 1, n) if toks[c].kind == "q")  # 'called it "a disgrace"'
        p = k + 1
        if q - p > 6:
            return [(toks[q].start, toks[q].end, False)]
    p = content_from if content_from is not None else late + 1 if late is not None \
        else k + 1 + (1 if _particle(toks, k) else 0)
    while p < n and _frame_word(toks[p]) and toks[p].kind != "n":  # not "said 111 hostages …"
        p += 1
    if p + 1 < n and toks[p].low in ("on", "in", "at", "last", "this") and _frame_word(toks[p + 1]):
        p += 2  # "opposed on Tuesday the …"
    if p < n and (toks[p].low == "that" or toks[p].text == ":"):
        p += 1
    if p >= n or not _substantive(toks, p, n):
        return None
    content = _stance_content(toks, p, start, end)
    if (att.stance or toks[k].low not in _CLAUSE_VERBS) and toks[p - 1].low != "that" and toks[p].low != "to" \
            and toks[p].kind != "n" and (
            toks[p].low not in _CLAUSE_STARTS or toks[p].low in _NOUN_DETERMINERS and _noun_object(toks, p)):
        a, b, own = content[0]  # a noun object: without the adjuncts that follow it
        e = _object_end(toks, p, b)
        content[0] = (a, min(b, e), own)
        c = next((c for c in range(p, n) if toks[c].start > e), n)
        if e < b and c < n and toks[c].low in _CLAUSE_SUBORDINATORS and _words(toks, c + 1, n) >= 4 \
                and _finite_clause_at(toks, c + 1):
            # "condemned the launch as Pyongyang fired three missiles": the clause is the outlet's
            content.insert(1, (toks[c + 1].start, b, True))
    if att.how == "ing":
        cut = k - 1
    elif att.how == "with":
        cut = np.i - 2  # the comma before "with"
    elif att.how == "coord":
        cut = _coordinator(toks, k)
        if cut is None:
            return None
    else:
        f0 = np.i
        if f0 == 0:
            return content
        prev = toks[f0 - 1]
        if any(t.kind == "q" for t in toks[:f0]):
            return None  # '"…," X believes' and the like: keep the sentence
        if prev.kind == "w" and prev.low in _SUBORDINATORS:
            cut = f0 - 2 if f0 >= 2 and toks[f0 - 2].low in ("even", "just") else f0 - 1
        elif prev.text == "," and np.j < n and toks[np.j].text == "," and np.kind == "person":
            return content  # "Trump's running mate, Mike Pence, plans to …": an appositive, not a lead
        elif prev.text == "," and (not _intro(toks, f0) or _subordinate_clause(toks, f0 - 1)):
            cut = f0 - 1
        else:
            return content  # "In a speech on Friday, Clinton laid out …": an opening adverbial
    lead = [(*_span(toks, 0, cut, start, end), True)] if _words(toks, 0, cut) >= 3 else []
    return lead + content


def _stance_content(toks: list[Tok], p: int, start: int, end: int, depth: int = 0):
    """Pieces of a stance verb's content from token ``p``: cut before a second predicate, which
    gives a further piece when its verb is a cue too ("attacked A, and has called for B")."""
    n = len(toks)
    seg = _after(toks, p, "clause", start, end)
    a, b, own = seg[0]
    cut = _vp_cut(toks, p, b)
    if cut >= b or len(seg) > 1 or depth >= 3:
        return seg
    out = [(a, cut, own)]
    c = next((i for i in range(p, n) if toks[i].start >= cut), n)
    v = c
    while v < n and (toks[v].text == "," or toks[v].low in ("and", "but", "yet") or toks[v].low in _VP_AUX
                     or _frame_word(toks[v])):
        v += 1
    if v < n and toks[v].text.islower() and (toks[v].low in STANCE_VERBS or toks[v].low in SPEECH_VERBS):
        q = _content_start(toks, v)
        if q < n and _substantive(toks, q, n):
            return out + _stance_content(toks, q, start, end, depth + 1)
    if c < n and _words(toks, c, n) >= 3:
        out.append((*_span(toks, c, n, start, end), True))  # ", but stopped short of …": the outlet's
    return out


_ADJUNCT_SUBORDINATORS = frozenset("""when while after before because since though although if until
whereas amid during following""".split())


def _noun_object(toks: list[Tok], p: int) -> bool:
    """"opposed *the resolution as* …" (a noun phrase), not "said *the plan failed*" (a clause):
    no finite verb before the first preposition, subordinator or punctuation."""
    for x in toks[p + 1:p + 15]:
        if x.kind == "q" or x.kind == "p" and x.text not in ("-", "'", "\u2019"):
            return True
        if x.kind == "w" and x.text.islower():
            if x.low in _PREPOSITIONS or x.low in _ADJUNCT_SUBORDINATORS \
                    or x.low in ("as", "and", "or", "that", "who", "which"):
                return True
            if x.low in _CLAUSE_VERBS_STOP or x.low.endswith(("ed", "n't")) or x.low in _FINITE:
                return False
    return True


_NOUN_DETERMINERS = frozenset("the a an his her its their our my your this these those".split())


def _object_end(toks: list[Tok], p: int, b: int) -> int:
    """Where a noun object ends before an adjunct of the frame: "Machado *in early-morning tweets*",
    "the figure *at last week's forum*", "the argument *in a ruling released Thursday*"."""
    for c in range(p + 1, len(toks) - 1):
        t = toks[c]
        if t.start >= b:
            break
        if t.kind != "w" or not t.text.islower():
            if t.text in _DASHES and c > p + 1 and (t.text != "-" or toks[c - 1].end < t.start
                                                    and toks[c + 1].start > t.end):
                return toks[c - 1].end  # "… - delaying …", not "25-year-old"
            continue
        if t.low in ("who", "which", "whose") and toks[c - 1].text == "," and c - 1 > p:
            return toks[c - 2].end  # "endorsed Trump, who says he is honored": the outlet's aside
        if _words(toks, p, c) < 4:
            continue  # "lauded Mr. Clarke in his address for …": too little left to stand alone
        if t.low in _ADJUNCT_SUBORDINATORS or t.low == "at" or t.low == "on" and _frame_word(toks[c + 1]) \
                or t.low == "in" and any(x.low in VENUE_NOUNS for x in toks[c + 1:c + 4]) \
                or t.low == "as" and _finite_clause_at(toks, c + 1) \
                and not any(x.low in ("as", "so", "such") for x in toks[p:c]):  # not "as much … as I do"
            return toks[c - 1].end if toks[c - 1].text != "," else toks[c - 2].end
    return b


def _finite_clause_at(toks: list[Tok], i: int) -> bool:
    """A short subject and then a finite verb at ``i``: "as *Pyongyang fired* …", "as *the market
    fell*", "as *he* said" — not "as examples of …" or "as a fraud"."""
    n = len(toks)
    if i >= n or toks[i].kind != "w":
        return False
    t = toks[i]
    if t.low in ("he", "she", "it", "they", "we", "i", "you", "there"):
        v = i + 1
    elif t.low in _NOUN_DETERMINERS:
        v = i + 1
        while v < n and v - i <= 3 and toks[v].kind in ("w", "s") and not _finite_word(toks[v]):
            v += 1
    elif t.text[0].isupper():
        v = i + 1
        while v < n and v - i <= 3 and toks[v].kind == "w" and toks[v].text[0].isupper():
            v += 1
    else:
        return False
    if v < n and _adverb_word(toks[v]):
        v += 1
    return v < n and v > i and _finite_word(toks[v])


def _finite_word(t: Tok) -> bool:
    return t.kind == "w" and t.text.islower() and (t.low in _CLAUSE_VERBS_STOP or t.low in _FINITE
                                                   or t.low.endswith("ed") or t.low in SPEECH_VERBS
                                                   and t.low.endswith("s"))


def _adverb_word(t: Tok) -> bool:
    return t.kind == "w" and t.text.islower() and t.low.endswith("ly") and len(t.low) > 4


def _content_start(toks: list[Tok], v: int) -> int:
    """Where the words framed by the cue at ``v`` start: past a particle, adverbs and "that"."""
    n = len(toks)
    q = v + 1 + (1 if _particle(toks, v) else 0)
    while q < n and _frame_word(toks[q]) and toks[q].kind != "n":
        q += 1
    if q < n and (toks[q].low == "that" or toks[q].text == ":"):
        q += 1
    return q


_VP_AUX = frozenset("has have had is was were will would also then later".split())


def _vp_cut(toks: list[Tok], p: int, b: int) -> int:
    """Where a stance verb's content ends before a second predicate of the subject (", but
    stopped short of …", "and pledged to …", "and has called for …") or a clause joined by ", but"."""
    for c in range(p + 1, len(toks) - 1):
        t = toks[c]
        if t.start >= b:
            break
        if t.low not in ("and", "but", "yet") or not t.text.islower() or not _substantive(toks, p, c):
            continue
        comma = toks[c - 1].text == ","
        nxt = toks[c + 1]
        if comma and t.low in ("but", "yet") or nxt.kind == "w" and nxt.text.islower() and (
                nxt.low in _VP_AUX or nxt.low in SPEECH_VERBS or nxt.low in STANCE_VERBS
                or comma and (nxt.low.endswith("ed") or nxt.low in _FINITE)):
            return toks[c - 1].end if comma else toks[c - 1].end
    return b


def _quoted_complement(toks: list[Tok], p: int, start: int, end: int):
    """'blasted Clinton as a “disgrace” Wednesday on …': the complement up to its last quotation
    when what follows is an adjunct (a preposition, a time word, a dash or a comma)."""
    n = len(toks)
    last = max(c for c in range(p, n) if toks[c].kind == "q")
    if last + 1 < n:
        t = toks[last + 1]
        if t.text in (",", ";") or t.text in _DASHES or _frame_word(t) \
                or t.kind == "w" and t.text.islower() and t.low in _PREPOSITIONS:
            return [(*_span(toks, p, last + 1, start, end), False)]
    return [(*_span(toks, p, n, start, end), False)]


_INTRO = frozenset("""in on at during after before when while asked speaking responding addressing
writing appearing meanwhile however earlier later separately still also since for from with without
following amid despite throughout under""".split())


def _subordinate_clause(toks: list[Tok], j: int) -> bool:
    """``toks[:j]`` is a subordinate clause with a verb ("While the mediators reported progress")."""
    if j < 4 or toks[0].low not in _SUBORDINATORS or any(t.kind == "q" for t in toks[:j]):
        return False
    return any(t.kind == "w" and t.text.islower() and (t.low in _CLAUSE_VERBS_STOP or t.low in _FINITE
                                                       or t.low.endswith("ed")) for t in toks[1:j])


def _intro(toks: list[Tok], f0: int) -> bool:
    """``toks[:f0]`` is an opening adverbial ("In a statement on Tuesday,", "Asked about it,")."""
    t = toks[0]
    if t.kind != "w" or t.low not in _INTRO and not (
            t.text[0].isupper() and t.low.endswith("ing") and t.low not in _NOT_PARTICIPLES and len(t.low) > 5):
        return False  # "Citing a report, X said …": a participle phrase opens the sentence
    # "Still, “…,” he said" quotes; "On the broadcast of “Fox News Sunday,” X said" does not
    return t.low in _PREPOSITIONS or not any(x.kind == "q" for x in toks[:f0])


def _after(toks: list[Tok], p: int, kind: str, start: int, end: int, depth: int = 0):
    """The content after a frame, to the end of the sentence — or to a participle phrase in the
    outlet's voice (", engaging in what analysts described as …"); a participle that frames more
    words of the same speaker (", adding that …", ", saying: “…”") gives a further piece."""
    n = len(toks)
    if p >= n:
        return []
    for c in range(p + 1, n - 1):
        if toks[c].text == ";" and _substantive(toks, p, c):  # "…; the center at the foundation …"
            return [(*_span(toks, p, c, start, end), False)]
        if toks[c].text == "," and toks[c + 1].low == "which" and _words(toks, p, c) >= 4:
            out = [(*_span(toks, p, c, start, end), False)]  # "…, which forced her to …": the outlet's aside
            c2 = next((c2 for c2 in range(c + 3, n - 1) if toks[c2 - 1].text == "," and _coordinated_cue(toks, c2)
                       is not None), None)
            if c2 is not None and depth < 3:  # "…, which let him go in 2015, and said he …": the speaker again
                v = _coordinated_cue(toks, c2)
                q, kind2, _ = _skip_frame(toks, v + 1, toks[v].low)
                if kind2 in ("that", "colon", "quote", "clause") and q < n and _substantive(toks, q, n):
                    out.extend(_after(toks, q, kind2, start, end, depth + 1))
            return out
        if toks[c].text == "," and toks[c + 1].low in ("but", "yet") and c + 2 < n and _words(toks, p, c) >= 3 \
                and _subject_start(toks[c + 2]) and _clause_like(toks, c + 2) \
                and not any(t.text.islower() and (t.low in SPEECH_VERBS or t.low in STANCE_VERBS)
                            for t in toks[c + 2:]):
            # "A, but B": B, a clause of its own, is the outlet's
            out = [(*_span(toks, p, c, start, end), False)]
            if _words(toks, c + 2, n) >= 3:
                out.append((*_span(toks, c + 2, n, start, end), True))
            return out
        v = _coordinated_cue(toks, c)
        if v is not None and _substantive(toks, p, c):
            # "… and suggested that …", "… but noted that …": the same speaker again
            cut = c - 1 if toks[c - 1].text == "," else c
            out = [(*_span(toks, p, cut, start, end), False)]
            if depth < 3:
                w = v + 1 + (1 if _particle(toks, v) else 0)  # "… and called *on* people to …"
                q, kind2, _ = (w, "clause", False) if _to_infinitive(toks, w) else _skip_frame(toks, w, toks[v].low)
                if kind2 not in ("that", "colon", "quote", "clause"):
                    q, kind2 = _content_start(toks, v), "clause"  # "… but pledged to remain civil"
                if q < n and _substantive(toks, q, n):
                    out.extend(_after(toks, q, kind2, start, end, depth + 1))
            return out
        comma = toks[c]
        if comma.text != "," and not (comma.kind == "q" and comma.text.rstrip(_MARKS).endswith(",")):
            continue
        v = c + 1
        if toks[v].kind == "w" and toks[v].text.islower() and toks[v].low.endswith("ly") and v + 1 < n:
            v += 1  # ", implicitly putting …"
        t = toks[v]
        if t.kind != "w" or not t.text.islower() or not t.low.endswith("ing") or t.low in _NOT_PARTICIPLES \
                or not _substantive(toks, p, c + (comma.kind == "q")):
            continue
        out = [(*_span(toks, p, c + (comma.kind == "q"), start, end), False)]
        if (t.low in _FRAME_PARTICIPLES or t.low in STANCE_VERBS or t.low in SPEECH_VERBS) and depth < 3:
            q, kind2, _ = _skip_frame(toks, v + 1, t.low)
            if kind2 == "none" and t.low not in _FRAME_PARTICIPLES:
                kind2 = "clause"  # ", encouraging his supporters to …": the object is the content
            if kind2 in ("that", "colon", "quote", "clause") and _substantive(toks, q, n):
                out.extend(_after(toks, q, kind2, start, end, depth + 1))
        return out
    return [(*_span(toks, p, n, start, end), False)]


def _subject_start(t: Tok) -> bool:
    """A word that can open a clause's subject ("but *the* council has …"), not a verb ("but offered …")."""
    if t.kind == "n":
        return True
    if t.kind != "w":
        return False
    if t.low in ("he", "she", "it", "they", "we", "i", "you", "there") or t.low in _NOUN_DETERMINERS:
        return True
    return t.text[0].isupper() and t.low not in ("but", "and")


def _coordinated_cue(toks: list[Tok], c: int) -> int | None:
    """Index of a speech verb coordinated at ``c`` ("and *warned*", "but also *noted*"), else None."""
    if toks[c].low not in ("and", "but") or not toks[c].text.islower():
        return None
    v = c + 1
    while v < len(toks) - 1 and toks[v].kind == "w" and toks[v].text.islower() \
            and (toks[v].low in ("also", "then", "later", "even") or _frame_word(toks[v])):
        v += 1
    t = toks[v]
    if t.kind == "w" and t.text.islower() and (t.low in SPEECH_VERBS or t.low in STANCE_VERBS) \
            and not t.low.endswith("ing") \
            and (t.low.endswith(("ed", "s")) or t.low in _IRREGULAR_PAST):
        return v
    return None


_IRREGULAR_PAST = frozenset("said told wrote thought found showed spoke read".split())
_NOT_PARTICIPLES = frozenset("""including during according something nothing anything everything thing
morning evening spring king ring building bring sibling ceiling string wing bearing""".split())


def _according(toks: list[Tok], att: Attribution, start: int, end: int):
    n = len(toks)
    k, np = att.cue, att.np
    if k > 0:
        c = np.j if toks[k].low == "in" else next((c for c in range(np.j, min(n, np.j + 3))
                                                   if toks[c].text == ","), n)
        if k >= 2 and toks[k - 1].text == "," and c + 2 < n and toks[c].text == "," \
                and toks[c + 1].low not in _SUBORDINATORS and toks[c + 1].low not in ("which", "who") \
                and _words(toks, 0, k) <= 6:
            return None  # "The plan, according to officials, would cost …": the frame interrupts one clause
        if _substantive(toks, 0, k):
            return [(*_span(toks, 0, k, start, end), False)]
        return None
    # "According to X, CLAUSE"
    for c in range(np.j, min(n, np.j + 15)):
        if toks[c].text == ",":
            if c + 1 < n and _substantive(toks, c + 1, n):
                return [(*_span(toks, c + 1, n, start, end), False)]
            return None
    return None


def _coordinator(toks: list[Tok], k: int) -> int | None:
    """Index of the "and"/"but" joining a second verb to the subject's first one."""
    j = k - 1
    while j >= 0 and toks[j].kind == "w" and toks[j].low not in ("and", "but") and k - j < 6:
        j -= 1
    return j if j > 0 and toks[j].low in ("and", "but") else None


def _late_particle(toks: list[Tok], k: int) -> int | None:
    """Index of the particle of the verb at ``k`` after frame words ("called *Friday* for"), else None."""
    low = toks[k].low
    if low not in PHRASAL_VERBS:
        return None
    c = k + 1
    while c < len(toks) and _frame_word(toks[c]) and c - k < 4:
        c += 1
    return c if c > k + 1 and c < len(toks) and toks[c].low in PHRASAL_VERBS[low] and toks[c].low != "in" else None


def _particle(toks: list[Tok], k: int) -> bool:
    """'called *for*', 'pointed *out*'."""
    low = toks[k].low
    # "wrote in a post that …": "in" opens a phrase of the frame, it is not a particle to skip
    return low in PHRASAL_VERBS and k + 1 < len(toks) and toks[k + 1].low in PHRASAL_VERBS[low] \
        and toks[k + 1].low != "in"


def _skip_appositive(toks: list[Tok], p: int) -> int:
    """'said Maria Lopez*, the finance minister,*' → past the appositive."""
    n = len(toks)
    if p < n and toks[p].text == "," and p + 1 < n and toks[p + 1].kind == "w" \
            and toks[p + 1].low in ("the", "a", "an", "who", "whose"):
        for c in range(p + 1, min(n, p + 20)):
            if toks[c].text == "," or toks[c].kind == "q":
                return c
        return n
    return p


def _frame_word(t: Tok) -> bool:
    """An adverb or time word that may sit between a speech verb and what was said."""
    if t.kind == "n":
        return True
    if t.kind != "w":
        return False
    if t.low in WEEKDAYS or t.low in MONTHS:
        return True
    return t.text.islower() and (t.low in _FRAME_WORDS or t.low.endswith("ly") and len(t.low) > 4)


def _that_ahead(toks: list[Tok], i: int, limit: int = 12) -> int | None:
    """Index of a "that" or ":" a few frame-like words ahead (a prepositional phrase, an object,
    a participle: "in a statement that", "to reporters on Tuesday that", ", adding that")."""
    n = len(toks)
    for c in range(i, min(n, i + limit)):
        t = toks[c]
        if t.kind == "q" or t.text in (".", "!", "?", ";") or t.text in _DASHES:
            return None
        if t.low == "that" or t.text == ":":
            return c
        if t.kind == "w" and (t.low in _CLAUSE_VERBS_STOP or t.low in ("he", "she", "it", "they", "we", "i",
                                                                        "there", "which", "who")):
            return None
    return None


def _skip_frame(toks: list[Tok], p: int, cue: str) -> tuple[int, str, bool]:
    """Skip what follows the speech verb and belongs to the frame (object, adverbs, time,
    prepositional phrases, "that"). Returns where the content starts and how it was reached:
    'that', 'colon', 'quote', 'clause' (a bare clause), 'comma' (a comma, then not a quotation)
    or 'end' (nothing but frame to the end of the sentence), and whether a comma was crossed on
    the way (", adding that …": a second frame after the first one ended)."""
    n = len(toks)
    obj = cue in _OBJECT_VERBS
    steps = 0
    crossed = False
    while p < n and steps < 30:
        steps += 1
        t = toks[p]
        if t.kind == "q":
            return p, "quote", crossed
        if t.kind == "w" and t.low == "that":
            return p + 1, "that", crossed
        if t.text == ":":
            return p + 1, "colon", crossed
        if t.text in (".", "!", "?") and all(x.kind == "p" for x in toks[p:]):
            return n, "end", crossed
        if t.text == ",":
            if p + 1 < n and toks[p + 1].kind == "q":
                return p + 1, "quote", True
            if p + 2 < n and _frame_participle(toks[p + 1]):
                # '"…," X said, adding later, "…"' / ", citing the release of …": a second frame
                q, kind2 = _participle_content(toks, p + 1)
                if kind2 in ("that", "colon", "quote", "clause"):
                    return q, kind2, True
            if p + 2 < n and toks[p + 1].low in ("and", "but") and toks[p + 2].kind == "q":
                return p + 2, "quote", True  # "\"A,\" X wrote, and \"B.\""
            c = _that_ahead(toks, p + 1)
            if c is not None:
                p, crossed = c, True
                continue
            return p, "comma", crossed
        if t.kind == "w" and t.text.islower() and t.low in _PREPOSITIONS:
            c = _that_ahead(toks, p + 1)
            if c is not None:
                p = c
                continue
            c = _pp_end(toks, p + 1)
            if c is not None:  # "wrote in an email to X, and “…”" / "said at a rally."
                p = c
                continue
            # "said on Tuesday the …": a short time phrase, then a clause
            if p + 1 < n and _frame_word(toks[p + 1]):
                p += 2
                continue
            return p, "clause", crossed
        if _frame_word(t) or t.kind == "w" and t.low in _FRAME_PARTICIPLES:
            p += 1
            continue
        if obj:
            obj = False
            q = _skip_object(toks, p)
            if q > p:
                p = q
                continue
        if t.kind in ("w", "n") and _clause_like(toks, p):
            return p, "clause", crossed
        return p, "none", crossed
    return p, "end", crossed


def _pp_end(toks: list[Tok], i: int, limit: int = 12) -> int | None:
    """End of a prepositional phrase starting at ``i`` when a comma, a quotation or the sentence
    end follows it with no verb inside ("in an email to the network's Rich Eisen,")."""
    n = len(toks)
    for c in range(i, min(n, i + limit)):
        t = toks[c]
        if t.kind == "q" or t.text in (",", ";", ":") or t.text in _DASHES:
            return c if c > i else None
        if t.text in (".", "!", "?"):
            return c if all(x.kind == "p" for x in toks[c:]) else None
        if t.kind == "w" and (t.low in _CLAUSE_VERBS_STOP or t.low == "that" or t.low in _CLAUSE_STARTS
                              and t.low not in ("the", "a", "an", "his", "her", "its", "their", "our",
                                                "my", "your", "this", "these", "those", "some", "one", "two",
                                                "three", "each", "every", "all", "both")
                              or t.text.islower() and t.low.endswith("ed")):
            return None
    return None


def _clause_like(toks: list[Tok], p: int) -> bool:
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
        if x.kind == "w" and x.text.islower() and (x.low in _CLAUSE_VERBS_STOP or x.low.endswith(("ed", "n't"))
                                                   or x.low in _FINITE):
            return True
    return False


_FINITE = frozenset("""won't can't don't doesn't didn't isn't wasn't aren't weren't hasn't haven't
shouldn't wouldn't couldn't rose fell grew won lost took made went came gave got left became began knew saw
thought told said found held kept led ran sent set spent stood met paid put brought bought needs wants
remains seems appears lacks means goes gets makes takes""".split())


def _skip_object(toks: list[Tok], p: int) -> int:
    """Past the indirect object of "told"/"issued": 'the media', 'CNN's Jake Tapper', 'reporters'."""
    n = len(toks)
    q = p
    while q < n and q - p < 6:
        t = toks[q]
        if t.kind not in ("w", "s"):
            break
        if t.low == "that" or t.low in _PREPOSITIONS and t.text.islower() or t.low in _CLAUSE_VERBS_STOP:
            break
        if t.low in ("he", "she", "it", "they", "we", "i", "there") or q > p and t.low in ("the", "a", "an"):
            break  # "warned *it* was time …": a subject, not an object
        if t.low.endswith("ly") and t.text.islower() and len(t.low) > 4:
            break
        q += 1
    return q
