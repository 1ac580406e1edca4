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

This module cuts a sentence at its governing frame; where the content after a cue starts is read
by :mod:`.content_start`, where it ends by :mod:`.content_end`, the object of a stance verb by
:mod:`.stance_content`, and the pieces of a sentence's other speakers by :mod:`.other_frames`
(word classes: :mod:`.clause_words`, span helpers: :mod:`.spans`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..sentences.boilerplate import is_fragment
from ..speakers.clause_words import (CLAUSE_STARTS, CLAUSE_VERBS, CLAUSE_VERBS_STOP, DASHES, FINITE, MESSAGE_NOUNS,
                           NOUN_DETERMINERS, NOUN_OBJECT_WHOLE, PREPOSITIONS, SUBORDINATORS, coordinator, late_particle, opening_adverbial, particle, subordinate_clause,
                           to_infinitive)
from .end import content_after, coordinated_cue, main_verb_after, quoted_complement, subject_start
from .start import (clause_like, frame_participle, participle_content, participle_frame, skip_appositive, skip_frame,
                            skip_object)
from ..speakers.cues import QUOTE_FINAL, QUOTE_ONLY, SPEECH_VERBS, Attribution, after_quotation, forms_of, light_frame
from .other_frames import first_frame, second_frame
from ..sentences.spans import clean, has_alnum, span, substantive, unquote, word_count
from .stance_object import stance_split
from ..speakers.subjects import opening_phrase
from ..sentences.titles import is_capitalised
from ..sentences.tokens import Tok


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
    whole = [Piece(*_whole(text, start, end, quote_spans))] if has_alnum(text, start, end) else []
    if block or att is None or not toks:
        return [p for p in whole if p.end > p.start]
    found = _split(text, start, end, att, toks)
    if found is None:
        if not others or not whole:
            return whole
        found = [(whole[0].start, whole[0].end, False)]  # a later frame may still split it
    found = _other_frames(text, start, end, toks, att, [(a, b, own, None) for a, b, own in found], others)
    return _settled(text, _cleaned(text, found, quote_spans), whole, quote_spans)


def _cleaned(text: str, found: list, quote_spans: list[tuple[int, int]]) -> list[Piece]:
    """The found spans trimmed (``clean``), the empty ones dropped."""
    out = []
    for a, b, own, who in found:
        a, b = clean(text, a, b, quote_spans)
        if b > a:
            out.append(Piece(a, b, own, who))
    return out


def _settled(text: str, out: list[Piece], whole: list[Piece], quote_spans: list[tuple[int, int]]) -> list[Piece]:
    """The pieces, unless no content is left ("Herzog met Blinken, and said:" → the lead only)
    or only fragments are ("He told reporters so." → the whole sentence)."""
    content = [p for p in out if not p.own]
    if not content:
        return [p for p in out if p.own]
    if all(not _quoted(p, quote_spans) and is_fragment(text[p.start:p.end]) for p in content):
        return whole
    return out


def _other_frames(text: str, start: int, end: int, toks: list[Tok], att: Attribution, found: list, others):
    """The pieces after the frames other than the governing one have taken their share (a frame
    before the governing one, or a later one: "…, and Y agreed that B")."""
    for other, name, role in others:
        if other.cue < att.cue:
            found = first_frame(toks, start, end, found, other, (name, role))
        else:
            found = second_frame(text, start, end, toks, found, other, (name, role))
    return found


def _quoted(p: Piece, quote_spans: list[tuple[int, int]]) -> bool:
    return any(qa < p.end and qb > p.start for qa, qb in quote_spans)


def _whole(text: str, a: int, b: int, quote_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """A sentence without attribution: itself, or its quoted material when that is all it is."""
    ca, cb = unquote(text, a, b, quote_spans)
    return (ca, cb) if (ca, cb) != (a, b) and cb > ca else (a, b)


_PASS = object()  # a step that does not decide: the next one reads the sentence


def _split(text: str, start: int, end: int, att: Attribution, toks: list[Tok]):
    """(a, b, own) triples for the sentence, or None to keep the whole sentence."""
    by_how = _BY_HOW.get(att.how)
    if by_how is not None:
        return by_how(text, start, end, att, toks)
    if att.stance:
        return stance_split(text, start, end, att, toks)
    if att.how in ("coord", "ing", "with"):
        return _coordinated(text, start, end, att, toks)
    return _speech_verb(text, start, end, att, toks)


def _label(text, start, end, att, toks):
    """"WALLACE: …" → what follows the label."""
    n, k = len(toks), att.cue
    return [(*span(toks, k + 1, n, start, end), False)] if k + 1 < n else None


def _colon(text, start, end, att, toks):
    """"… - Philip Bump: “…”", "Here's X: “…”" → what follows the colon, and the outlet's own words
    before the dash when they are a clause of three words or more."""
    n, k, np = len(toks), att.cue, att.np
    if k + 1 >= n:
        return None
    cut = next((c for c in range(np.i - 1, -1, -1) if toks[c].kind == "p"), 0)  # the dash before the name
    lead = [(*span(toks, 0, cut, start, end), True)] if word_count(toks, 0, cut) >= 3 else []
    return lead + [(*span(toks, k + 1, n, start, end), False)]


def _dash(text, start, end, att, toks):
    """'"…" ― X' → what comes before the dash."""
    k = att.cue
    return [(*span(toks, 0, k, start, end), False)] if k > 0 else None


def _according_frame(text, start, end, att, toks):
    """"According to X, …" / "…, according to X" (see :func:`_according`)."""
    return _according(toks, att, start, end)


def _passive(text, start, end, att, toks):
    return None  # "The plan is supported by X": the sentence, attributed to X


def _claim_noun(text, start, end, att, toks):
    """"Politifact seized on Trump's claim that A" → A (up to the main verb when the claim is the
    subject: "X's claim that A was false")."""
    n, k, np = len(toks), att.cue, att.np
    p = next(c for c in range(k + 1, n) if toks[c].low == "that") + 1
    if not substantive(toks, p, n):
        return None
    lead = [(*span(toks, 0, k + 1, start, end), True)] if word_count(toks, 0, np.i) >= 3 else []
    if toks[p - 2].low not in ("is", "was") and (np.i == 0 or toks[np.i - 1].text == ","
                                                 or np.i == 1 and toks[0].low in SUBORDINATORS):
        m = main_verb_after(toks, p)
        if m is not None:
            return lead + [(*span(toks, p, m, start, end), False)]
    return lead + content_after(toks, p, "that", start, end)


_BY_HOW = {"label": _label, "colon": _colon, "dash": _dash, "according": _according_frame, "passive": _passive,
           "noun": _claim_noun}


def _coordinated(text, start, end, att, toks):
    """"Herzog met with Blinken, and told the media that …" / "Trump spoke, saying that …"."""
    k, np = att.cue, att.np
    cut = _before_participle(toks, k) if att.how == "ing" else np.i - 2 if att.how == "with" else coordinator(toks, k)
    if cut is None:
        return None
    p, kind, _ = skip_frame(toks, k + 1, toks[k].low)
    if kind in ("end", "comma") or kind == "clause" and toks[k].low not in CLAUSE_VERBS:
        return None
    out = []
    if word_count(toks, 0, cut) >= 3:
        out.append((*span(toks, 0, cut, start, end), True))
    out.extend(content_after(toks, p, kind, start, end))
    return out


# Words between the outlet's clause and a participle frame: "… debate *while openly* saying …".
_BEFORE_PARTICIPLE = frozenset("upon after before by while when".split())


def _before_participle(toks, k: int) -> int:
    """The end of the outlet's clause before the participle frame at ``k``: before its comma or dash,
    and before a preposition and an adverb that lead to it ("… debate while openly saying …")."""
    if toks[k - 1].low in MESSAGE_NOUNS:
        return k  # "sent out a press release saying …": the message noun is the outlet's clause's
    cut = k - 1
    while cut > 1 and toks[cut - 1].kind == "w" and toks[cut - 1].text.islower() \
            and (toks[cut - 1].low in _BEFORE_PARTICIPLE or toks[cut].low.endswith("ly") and cut == k - 1):
        cut -= 1
    return cut


def _speech_verb(text, start, end, att, toks):
    """A speech verb with its subject before or after it ('X said …', '"…," said X')."""
    k, np = att.cue, att.np
    quote_only = _quote_only(toks, k)
    if quote_only is not _PASS:
        return quote_only
    if np.kind == "pron" and np.text.lower() in ("it", "i", "we", "you"):
        return None  # "It is hoped that …", "I think …": no speaker to take the frame off for
    inverted = np.i > k  # '"…," said Blinken'
    f0 = k if inverted else np.i
    right = _frame_end(text, start, end, att, toks, inverted, f0)
    if right is None or isinstance(right, list):
        return right  # the frame's object was read as what was said
    p, kind, crossed = skip_frame(toks, right, toks[k].low)
    if not inverted and f0 >= 1 and toks[f0 - 1].low == "as":
        as_frame = _as_frame(text, start, end, toks, f0 - 1, k, kind)
        if as_frame is not None:
            return as_frame
    if kind == "clause" and _complement_verb(toks, k, right, p, crossed):
        # "blasted Clinton as a “disgrace”": the complement, when it quotes someone's words (and no
        # ", saying …" frame comes before the quotation)
        q = next((c for c in range(p, len(toks)) if toks[c].kind == "q"), None)
        if q is not None and participle_frame(toks, p, q) is None:
            return quoted_complement(toks, p, start, end)
        kind = "none"
    out = _around_frame(start, end, att, toks, f0, p, kind, crossed)
    if out is not _PASS:
        return out
    return _after_the_object(text, start, end, att, toks, f0, p, kind, inverted)


def _quote_only(toks, k: int):
    """'Trump called it "a disgrace"': a verb that only frames a quotation gives that quotation
    (None when there is none); ``_PASS`` for any other verb."""
    n = len(toks)
    if toks[k].low not in QUOTE_ONLY or (k + 1 < n and toks[k + 1].text == ":") or particle(toks, k) \
            or late_particle(toks, k) is not None:
        return _PASS
    q = next((c for c in range(k + 1, n) if toks[c].kind == "q"), None)
    if q is None and toks[k].low in QUOTE_FINAL and after_quotation(toks, k):
        return _PASS  # '"…," Rubio continued.': a frame after the quotation, as "said" is
    return [(toks[q].start, toks[q].end, False)] if q is not None else None


def _complement_verb(toks, k: int, right: int, p: int, crossed: bool) -> bool:
    """True when the bare clause after the verb at ``k`` is its complement, not what was said:
    not a clause-taking verb, not a light frame, and not reached through a later participle
    frame (", adding later, “…”" / ", citing …")."""
    via_participle = crossed and any(toks[c - 1].text == "," and frame_participle(toks[c])
                                     for c in range(right + 1, p))
    return toks[k].low not in CLAUSE_VERBS and not light_frame(toks, k) and not via_participle


def _frame_end(text, start, end, att, toks, inverted: bool, f0: int):
    """The token after the frame (speaker, verb, particle, "it", light-verb object), or a split
    already made when the verb's object is what was said ("X agreed to release …", "X urged
    voters to reject …")."""
    n, k, np = len(toks), att.cue, att.np
    right = np.j if inverted else k + 1 + (1 if particle(toks, k) else 0)
    if inverted:
        return skip_appositive(toks, right)
    if toks[k].low in ("put", "puts") and right < n and toks[right].low == "it":
        return right + 1  # "As X put it, …"
    if light_frame(toks, k):
        return right + light_frame(toks, k)  # "X made it clear (that) …"
    quote_before = any(t.kind == "q" for t in toks[:f0])
    if to_infinitive(toks, right) and not quote_before:
        return stance_split(text, start, end, att, toks)  # "X agreed to release …"
    if toks[k].low in _CONTROL_VERBS and not quote_before:
        told = _told_to(toks, right)
        if told is not _PASS:
            # "X urged voters to reject …" (the object and what it is urged to do); after a long
            # object with an appositive, from "to"
            return stance_split(text, start, end, att, toks, told)
    return right


def _told_to(toks, right: int):
    """After a control verb ("urged", "asked"), whether its object is followed by an infinitive
    ("urged voters to reject …"): ``_PASS`` when not, else where the split starts — ``None``
    for the object itself, or the "to" after a long object with an appositive ("asked Lester
    Holt, the moderator, to …")."""
    n = len(toks)
    q = skip_object(toks, right)
    long_object = False
    if right < q < n - 1 and toks[q].text == ",":
        c = next((c for c in range(q + 2, min(n - 1, q + 16)) if toks[c].text == ","), None)
        if c is not None and toks[q + 1].low in ("the", "a", "an", "who"):
            q, long_object = c + 1, True
    if right < q < n - 1 and to_infinitive(toks, q):
        return q if long_object else None
    return _PASS


def _around_frame(start, end, att, toks, f0: int, p: int, kind: str, crossed: bool):
    """The pieces when words come before the frame ('"…," X said', 'CLAUSE, X said') or a clause
    follows it ("X said that …"); ``_PASS`` when neither decides."""
    n = len(toks)
    before = f0 > 0 and substantive(toks, 0, f0)
    before_q = any(t.kind == "q" for t in toks[:f0])
    after = p < n and kind in ("that", "colon", "quote", "clause") and substantive(toks, p, n)
    if kind == "colon" and p >= n and not before:
        return []  # "Caddell continued:" : all frame, the words follow in the next paragraph
    if _lead_in(toks, f0, before, before_q) and not (after and not crossed and not before_q):
        # (with a clause after and no comma crossed: "Michael Mulgrew, president of the union,
        # said he hopes …" — an appositive, not a lead-in)
        return _lead_in_pieces(start, end, att, toks, f0, p, kind, after, before_q)
    if after:
        return _clause_after(start, end, toks, f0, p, kind, before)
    return _PASS


def _lead_in_pieces(start, end, att, toks, f0: int, p: int, kind: str, after: bool, before_q: bool):
    """The words before the frame as content ('"…," X said', 'CLAUSE, X said'), with what follows
    the frame when it is the speaker's too; None when the frame interrupts one clause."""
    if kind == "comma" and not before_q and (word_count(toks, 0, f0) <= 4 or _predicate_resumes(toks, p)):
        return None  # "The plan, he said, is bad." : the frame interrupts one clause
    out = [(*span(toks, 0, f0, start, end), False)]
    if after and (kind != "clause" or before_q):
        out.extend(content_after(toks, p, kind, start, end))  # '"A," X said, "B."' / ', adding that …'
    elif kind == "comma" and not before_q and att.np.i < att.cue:
        out.extend(_resumed_clause(toks, p, start, end))  # "By doing A, X said, the party can B."
        # (not after an inverted speaker: "A, said X, Republican of Y, who …" is X's appositive)
    return out


_PREDICATE_ADVERBS = frozenset("now also still already then only never just not even".split())


def _predicate_resumes(toks, c: int) -> bool:
    """After the comma at ``c`` closing an interrupting frame, the interrupted clause's predicate
    goes on ("Bound by old ties, the two nations, X said, *now have* a chance …"): the whole
    sentence is the speaker's."""
    q = c + 1
    n = len(toks)
    if q < n and toks[q].kind == "w" and toks[q].text.islower() and toks[q].low in _PREDICATE_ADVERBS:
        q += 1  # "…, X said, *now* have …"
    if q >= n or toks[q].kind != "w" or not toks[q].text.islower():
        return False
    return toks[q].low in CLAUSE_VERBS_STOP or toks[q].low in FINITE


def _resumed_clause(toks, c: int, start: int, end: int) -> list:
    """After a frame that interrupts the speaker's sentence ("By cutting the line, X said, *the
    White House can invite more guests*"), the rest of the sentence from the comma at ``c`` is
    the speaker's too: a clause (not a subordinate or coordinated one, which is the outlet's
    narration going on: ", as the crowd cheered")."""
    n = len(toks)
    q = c + 1
    if q >= n or not subject_start(toks[q]) or toks[q].low in SUBORDINATORS or not clause_like(toks, q) \
            or not substantive(toks, q, n):
        return []
    return content_after(toks, q, "clause", start, end)


def _lead_in(toks, f0: int, before: bool, before_q: bool) -> bool:
    """True when the words before the frame are content: '"…," X said' / 'CLAUSE, X said' — not
    an opening adverbial ("In Ohio on Tuesday, X said …", "Asked about it, X said …"), unless a
    quotation closes it right before the frame ('After the vote, "…," X said') and it reports
    nobody else's words ('After Y said that …, "…," X said')."""
    if not before:
        return False
    prev = toks[f0 - 1]
    if opening_adverbial(toks, f0) and (prev.kind != "q" or is_capitalised(prev.text) or any(
            t.kind == "w" and t.text.islower() and t.low in SPEECH_VERBS for t in toks[:f0])):
        return False
    return before_q or prev.text in DASHES or prev.text == ","


def _clause_after(start, end, toks, f0: int, p: int, kind: str, before: bool):
    """"X said that …" with or without words of the outlet's before the frame."""
    if not before:  # "X said …" / "Sens. X and Y said …"
        return content_after(toks, p, kind, start, end)
    prev = toks[f0 - 1]
    if prev.kind == "w" and prev.low in SUBORDINATORS:  # "Prices rose, and X said that …"
        out = []
        cut = f0 - 2 if f0 >= 2 and toks[f0 - 2].low in ("even", "just") else f0 - 1  # "… even as X said"
        if word_count(toks, 0, cut) >= 3:
            out.append((*span(toks, 0, cut, start, end), True))
        return out + content_after(toks, p, kind, start, end)
    if prev.text == "," or opening_adverbial(toks, f0) or opening_phrase(toks, f0):
        # "In Ohio on Tuesday, X said that …"; "While Y reported progress, X said …" keeps
        # its subordinate clause as a piece in the outlet's voice
        lead = [(*span(toks, 0, f0 - 1, start, end), True)] if subordinate_clause(toks, f0 - 1) else []
        return lead + content_after(toks, p, kind, start, end)
    if prev.text in (":", ";") and word_count(toks, 0, f0 - 1) >= 3:
        # "The news set off fireworks on Friday: Republicans said …": the lead is the outlet's
        return [(*span(toks, 0, f0 - 1, start, end), True)] + content_after(toks, p, kind, start, end)
    return None


def _after_the_object(text, start, end, att, toks, f0: int, p: int, kind: str, inverted: bool):
    """No clause after the frame: the verb's object, the words before a final frame, or what a
    later participle or coordinated speech verb introduces."""
    n, k = len(toks), att.cue
    before = f0 > 0 and substantive(toks, 0, f0)
    before_q = any(t.kind == "q" for t in toks[:f0])
    prev = toks[f0 - 1] if f0 > 0 else None
    plain_object = kind == "none" and not inverted and not before_q
    if before and plain_object and p < n and substantive(toks, p, n) and toks[k].low not in NOUN_OBJECT_WHOLE:
        return stance_split(text, start, end, att, toks)  # "In her book, X noted the clot's existence."
    if before and (prev.kind == "q" or att.final):
        return [(*span(toks, 0, f0, start, end), False)]
    later = _after_later_participle(start, end, att, toks, f0, p, kind, before)
    if later is not None:
        return later
    if plain_object and toks[k].low not in NOUN_OBJECT_WHOLE:
        return stance_split(text, start, end, att, toks)  # "X noted the rule": the object
    if plain_object and not before:
        return _coordinated_cue(start, end, toks, p)
    return None


def _after_later_participle(start, end, att, toks, f0: int, p: int, kind: str, before: bool):
    """"X said as much in an interview, arguing that …": the words after a later participle
    frame (with the object when it is the speaker's words too), or None."""
    n, k = len(toks), att.cue
    c = participle_frame(toks, max(p, k + 1), n - 2)
    if c is None:
        return None
    q, kind2 = participle_content(toks, c + 1)
    if kind2 not in ("that", "colon", "quote", "clause") or q >= n or not substantive(toks, q, n):
        return None
    prev = toks[f0 - 1] if f0 > 0 else None
    out = [(*span(toks, 0, f0, start, end), True)] if before and prev.kind == "w" \
        and prev.low in SUBORDINATORS else []
    if kind == "none" and toks[k].low not in CLAUSE_VERBS and word_count(toks, p, c) >= 3 \
            and _noun_start(toks[p]):
        # "attacked Jones for her vote, saying …": the object is the speaker's words too
        out.append((*span(toks, p, c, start, end), False))
    return out + content_after(toks, q, kind2, start, end)


def _coordinated_cue(start, end, toks, p: int):
    """"X announced the arrest of a man and said …": the announcement, then what was said."""
    n = len(toks)
    c = next((c for c in range(p + 2, n - 1) if coordinated_cue(toks, c) is not None), None)
    if c is None:
        return None
    v = coordinated_cue(toks, c)
    q, kind2, _ = skip_frame(toks, v + 1 + (1 if particle(toks, v) else 0), toks[v].low)
    if kind2 in ("that", "colon", "quote", "clause") and q < n and substantive(toks, q, n):
        return [(*span(toks, p, c, start, end), False)] + content_after(toks, q, kind2, start, end)
    return None


# Verbs whose object is told to do something: "urged *voters to reject the levy*" (the object and
# the infinitive are what was said).
_CONTROL_VERBS = forms_of("""urge ask call press encourage implore exhort beg invite warn advise tell push
challenge dare order direct instruct remind persuade convince""")


def _as_frame(text: str, start: int, end: int, toks: list[Tok], a: int, k: int, kind: str):
    """"As X noted, CLAUSE" (at the start, or after an opening word: "Yet, as X observed, …") →
    CLAUSE; "CLAUSE, as X noted." → CLAUSE. ``a`` is the index of "as", ``k`` the cue's; None otherwise."""
    n = len(toks)
    opening = a == 0 or a <= 2 and toks[a - 1].text == "," and all(t.kind == "w" for t in toks[:a - 1])
    if opening:
        # the frame runs to the first comma after the cue: "As X put it in a statement to Y in July, …"
        c = next((c for c in range(k + 1, min(n, k + 25)) if toks[c].text == "," or toks[c].kind == "q"), None)
        if c is not None and toks[c].text == "," and c + 1 < n and substantive(toks, c + 1, n):
            return content_after(toks, c + 1, "clause", start, end)
    if a >= 2 and toks[a - 1].text == "," and kind == "end" and substantive(toks, 0, a - 1) \
            and not any(t.kind == "q" for t in toks[:a]):
        return [(*span(toks, 0, a - 1, start, end), False)]
    return None


def _noun_start(t: Tok) -> bool:
    """A word that can open a noun object ("*the* plan", "*Clinton*"), not a particle, a preposition
    or an adverb ("spoke *out* about …")."""
    if t.kind == "n" or t.kind == "w" and not t.text.islower():
        return True
    return t.kind == "w" and (t.low in NOUN_DETERMINERS or t.low not in PREPOSITIONS and t.low not in _PARTICLES
                              and t.low not in CLAUSE_STARTS and not t.low.endswith("ly"))


_PARTICLES = frozenset("out up off back down away of as".split())


def _according(toks: list[Tok], att: Attribution, start: int, end: int):
    n = len(toks)
    k, np = att.cue, att.np
    if k > 0:
        c = np.j if toks[k].low == "in" else next((c for c in range(np.j, min(n, np.j + 3))
                                                   if toks[c].text == ","), n)
        if k >= 2 and toks[k - 1].text == "," and c + 2 < n and toks[c].text == "," \
                and toks[c + 1].low not in SUBORDINATORS and toks[c + 1].low not in ("which", "who") \
                and word_count(toks, 0, k) <= 6:
            return None  # "The plan, according to officials, would cost …": the frame interrupts one clause
        if substantive(toks, 0, k):
            return [(*span(toks, 0, k, start, end), False)]
        return None
    # "According to X, CLAUSE"
    for c in range(np.j, min(n, np.j + 15)):
        if toks[c].text == ",":
            if c + 1 < n and substantive(toks, c + 1, n):
                return [(*span(toks, c + 1, n, start, end), False)]
            return None
    return None
