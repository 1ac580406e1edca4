"""Who is said to speak in one sentence: speech verbs and the phrase that is their subject.

Patterns handled (quotations are single ``q`` tokens here): ``"…," said X``, ``"…," X said``,
``X said "…"``, ``X said: "…"``, ``X said (Tuesday) that …``, ``…, sources said.``,
``according to X``, ``in X's view``, ``X told reporters``, ``X's office said in a statement``,
``X issued a statement: "…"``, ``X, the …, said``, ``X, who …, said``, ``X in an interview said``,
``In a statement Tuesday X said``, ``X made it clear that``, ``As X put it, …``, ``X's claim that …``,
``…, with X saying …``, ``"…" ― X`` and transcript labels (``WALLACE: …``).

Cue words are in :mod:`.cues`, subjects are found by :mod:`.subjects` (skipping what
:mod:`.adjuncts` lists, with the source tests of :mod:`.sources`), stance cues by :mod:`.stance` and
phrase cues ("according to X", "X's claim that") by :mod:`.phrase_cues`. This module finds every
attribution of a sentence, reads the layout cues (headlines, transcript labels, dashes) and picks
the one that governs the sentence.
"""
from __future__ import annotations

from .adjuncts import CATENATIVE, skip_left
from .colon_frames import dash_label, presented, signature
from .clause_words import DASHES, MESSAGE_NOUNS
from .cues import (CLAIM_NOUNS, CUE_WORDS, OPENING_VERBS, QUOTE_ONLY, SPEECH_VERBS, STANCE_ADJ, STANCE_VERBS,
                   VERB_BEFORE_TO, Attribution, is_cue)
from ..lexicon import DETERMINERS, ROLE_WORDS, SOURCE_NOUNS
from .names import NP, cap_chain_left, is_name_word, parse_left, parse_right, strip_det
from .phrase_cues import claim_noun, group_phrase, in_view, with_frame
from .sources import agentive, opening_subject
from .stance import by_agent, passive, stance_adjective, stance_verb
from .subjects import ends_inversion, left_subject, main_subject
from ..sentences.tokens import Tok

# "-ing" cues that frame words of the sentence's subject even without a comma before them:
# "Trump unleashed a series of tweets saying that …"
_FRAMING_INGS = frozenset("saying arguing claiming insisting warning noting adding writing declaring stating".split())
# Prepositions before such a participle: "drew boos upon saying, “…”", "ended by warning that …".
_ING_PREPOSITIONS = frozenset("upon after before by while when".split())
# The only words the loop of :func:`find_attributions` acts on ("according to", "in X's view",
# claim nouns, stance adjectives and cues); every other token is skipped at once.
_WATCHED = frozenset({"according", "in"}) | CLAIM_NOUNS | STANCE_ADJ | CUE_WORDS


_NEXT = object()  # a step that does not decide: the next one looks at the cue


def find_attributions(text: str, toks: list[Tok]) -> list[Attribution]:
    """Every speaker phrase attached to a speech cue in the sentence, in token order."""
    out: list[Attribution] = []
    for k in [k for k, t in enumerate(toks) if t.low in _WATCHED]:
        for step in _STEPS:
            found = step(text, toks, k)
            if found is not _NEXT:
                if found is not None:
                    out.append(found)
                break
    if not out:
        head = dash_label(text, toks) or presented(text, toks) or _headline(text, toks) or signature(text, toks)
        if head is not None:
            out.append(head)
    label = _label(text, toks)
    if label is not None:
        out.append(label)
    dash = _dash(text, toks)
    if dash is not None:
        out.append(dash)
    return out


def _according_to(text, toks, k):
    """"according to X"."""
    n = len(toks)
    if not (toks[k].low == "according" and k + 1 < n and toks[k + 1].low == "to"):
        return _NEXT
    np = parse_right(text, toks, k + 2) or group_phrase(text, toks, k + 2)
    if np is None:
        return None
    return Attribution(np, k, True, k + 2 + (np.j - np.i) >= n - 2 or k == 0, "according")


def _in_view(text, toks, k):
    """"In Smith's view, …", "in the words of one engineer"."""
    n = len(toks)
    if not (toks[k].low == "in" and k + 3 < n and (k == 0 or toks[k - 1].text == ",")):
        return _NEXT
    np = in_view(text, toks, k)
    if np is None:
        return _NEXT
    return Attribution(np, k, True, k == 0 or np.j >= n - 2, "according")


def _claim_or_stance_word(text, toks, k):
    """"Trump's claim that …" (a claim noun), "Protesters were frustrated that …" (a stance
    adjective)."""
    t = toks[k]
    if t.low in CLAIM_NOUNS and t.text.islower() and k >= 2:
        a = claim_noun(text, toks, k)
        if a is not None:
            return a
    if t.low in STANCE_ADJ and k >= 2 and t.text.islower():
        a = stance_adjective(text, toks, k)
        if a is not None:
            return a
    return _NEXT


_WRITING = frozenset("write writes wrote writing written".split())
# Where a word is written when it is an inscription, not a message: "wrote X on the board".
_SURFACE_PREPOSITIONS = frozenset("on onto across over above atop upon beneath under below".split())


def _inscribed_word(text, toks, k):
    """A writing verb whose object is a quoted word or two written on something ('Ward wrote
    "Socialism" on the board to …'): an inscription the outlet narrates, not words with the rest of
    the sentence as their content; no cue."""
    if toks[k].low not in _WRITING or k + 2 >= len(toks) or toks[k + 1].kind != "q":
        return _NEXT
    inner = toks[k + 1].text.strip("\"\u201c\u201d\u2018\u2019' ,")
    if len(inner.split()) > 2 or any(c in inner for c in ".?!"):
        return _NEXT
    return None if toks[k + 2].low in _SURFACE_PREPOSITIONS else _NEXT


def _not_a_cue(text, toks, k):
    """Not a cue here, or a capitalised opener ("Asked about ...", "Warning ...")."""
    t = toks[k]
    if not is_cue(toks, k):
        return None
    if t.text[0].isupper() and k == 0 and t.low not in ("said", "says") and not _opens_inverted_frame(toks):
        return None
    return _NEXT


def _opens_inverted_frame(toks: list[Tok]) -> bool:
    """'Added Gibbs: "…"': a past speech verb opening the sentence, then a name and a colon."""
    if toks[0].low not in OPENING_VERBS:
        return False
    j = 1
    while j < len(toks) and is_name_word(toks[j]):
        j += 1
    return 1 < j < len(toks) and toks[j].text == ":"


def _with_phrase(text, toks, k):
    """"…, with analysts saying that …"."""
    if toks[k].low.endswith("ing") and k >= 3:
        a = with_frame(text, toks, k)
        if a is not None:
            return a
    return _NEXT


def _to_verb(text, toks, k):
    """"Trump took to Twitter to accuse …": the main subject speaks through the infinitive."""
    t = toks[k]
    if not (k >= 3 and toks[k - 1].low == "to" and t.text.islower() and not t.low.endswith(("ing", "ed"))
            and toks[k - 2].low not in CATENATIVE):
        return _NEXT
    np = main_subject(text, toks[:k - 1])
    if np is not None and np.kind != "pron" or np is not None and np.text.lower() in ("he", "she", "they"):
        if agentive(toks, np) and not any(x.kind == "q" or x.text in (";", ":") for x in toks[np.j:k]):
            return Attribution(np, k, False, False, "ing", True)
    return None


def _stance(text, toks, k):
    """A stance verb ("believes", "opposed") or a verb before an infinitive ("vowed to …")."""
    t = toks[k]
    if (t.low in STANCE_VERBS or t.low in VERB_BEFORE_TO) \
            and not (t.low in QUOTE_ONLY and any(x.kind == "q" for x in toks[k + 1:k + 12])):
        return stance_verb(text, toks, k)
    return _NEXT


def _participle(text, toks, k):
    """"Trump spoke in Ohio, saying that …" (or "– saying …", "… upon saying, “…”", "sent out a press
    release saying …"): the main subject speaks through the participle."""
    t, n = toks[k], len(toks)
    if t.low.endswith("ing") and k >= 1 and (toks[k - 1].text == "," or (toks[k - 1].text in DASHES
                                                                         or toks[k - 1].low in _ING_PREPOSITIONS
                                                                         or toks[k - 1].low in MESSAGE_NOUNS)
                                             and t.low in _FRAMING_INGS
                                             or t.low in _FRAMING_INGS and k + 1 < n
                                             and (toks[k + 1].low == "that" or toks[k + 1].text == ":"
                                                  or toks[k + 1].kind == "q")):
        np = main_subject(text, toks[:k])
        if np is None and toks[k - 1].low in MESSAGE_NOUNS:
            return _NEXT  # "a letter saying …" whose sender is not the main subject: read "saying" as a verb
        return Attribution(np, k, False, False, "ing") if np is not None else None
    return _NEXT


def _passive(text, toks, k):
    """"The plan is supported by a coalition of leaders"; "the diagnosis was confirmed": none."""
    return by_agent(text, toks, k) if passive(toks, k) else _NEXT


def _speech_verb(text, toks, k):
    """The subject of a speech verb: before it ("X said"), after it ('"…," said X'), the main
    subject of a coordinated verb ("… and said"), or an opening subject ("Experts on X said")."""
    n = len(toks)
    np = left_subject(text, toks, k)
    how = "verb"
    strong = np is not None and (np.i == 0 or toks[np.i - 1].kind in ("p", "q"))
    if np is None:
        j = skip_left(toks, k - 1)
        if j < 0 or toks[j].kind in ("p", "q"):
            np = _inverted_subject(text, toks, k, j)
            strong = np is not None
        elif toks[j].low in ("and", "but"):
            np = main_subject(text, toks[:k])
            strong, how = False, "coord"
        else:
            np = opening_subject(text, toks, k)  # "Experts on North Korea said …"
            strong = np is not None
    if np is None:
        return None
    tail = toks[max(k, np.j):]
    # '…, said Geert Wilders, founder of the Dutch Party for Freedom.': an appositive after an
    # inverted speaker does not stop the cue from closing the sentence
    appositive = np.i > k and np.j < n and toks[np.j].text == ","
    final = all(x.kind != "q" for x in tail) and (len(tail) <= 8 or appositive) and (np.i > 0 or k > 0)
    return Attribution(np, k, strong, final, how)


def _inverted_subject(text, toks, k: int, j: int) -> NP | None:
    """The speaker after an inverted cue at ``k`` ('"…," said Blinken', 'said Robert Antonacci of
    the New York delegation'), an unnamed phrase after a quotation ('"…," said a former senior
    law enforcement official.'), or None; ``j`` is the token before the cue."""
    np = parse_right(text, toks, k + 1)
    if np is not None and np.kind != "pron" and not ends_inversion(toks, np.j) \
            and not toks[k].low.endswith("ing"):
        np = _before_of(text, toks, np)
    if np is not None and (np.kind == "pron" and np.text.lower() not in ("he", "she", "they")
                           or not ends_inversion(toks, np.j)):
        np = None
    if np is None and j >= 0 and toks[j].kind == "q":
        np = _unnamed_after(text, toks, k)
    return _named_in_apposition(text, toks, np)


def _named_in_apposition(text: str, toks: list[Tok], np: NP | None) -> NP | None:
    """'said the bureau's director, James B. Comey, on Monday': a role or group phrase followed by a
    person's name between commas (or closing the sentence) is that person, the phrase their role."""
    if np is None or np.kind not in ("role", "group") or np.j + 1 >= len(toks) or toks[np.j].text != ",":
        return np
    name = parse_right(text, toks, np.j + 1)
    if name is None or name.kind != "person" or not name.name or name.i != np.j + 1 \
            or name.j < len(toks) and toks[name.j].text not in (",", "."):
        return np
    return NP(np.i, name.j, text[toks[np.i].start:toks[name.j - 1].end], "person", name.name,
              name.role or strip_det(np.text))


_UNNAMED_STOP = frozenset("""which what who whom whose where when why how in from with until about at on by for to
into than like as after before over under through during since and or but that this these those it its""".split())


def _unnamed_after(text: str, toks: list[Tok], k: int) -> NP | None:
    """An unnamed speaker phrase after an inverted cue that the rightward reading could not close:
    a determiner, then up to eight words (no verb, no clause word; "of" allowed) whose last is a
    lower-case noun closing the clause ("said one party activist.", "says a narrator.", "said one
    of two witnesses who …"). The phrase speaks, as a group whose role is kept."""
    n = len(toks)
    if k + 2 >= n or toks[k + 1].low not in DETERMINERS:
        return None
    for c in range(k + 2, min(n, k + 10)):
        t = toks[c]
        if t.kind not in ("w", "n") or t.low in _UNNAMED_STOP or t.low in SPEECH_VERBS:
            return None
        if t.kind == "w" and t.text.islower() and not t.low.endswith(("ly", "ing", "ed")) \
                and (c + 1 == n or toks[c + 1].kind == "p" or toks[c + 1].low == "who"):
            if t.low not in SOURCE_NOUNS and t.low not in ROLE_WORDS \
                    and any(x.text[:1].isupper() for x in toks[k + 2:c]):
                return None  # "one Trump confidant": a capitalised word would be read as a name
            return NP(k + 1, c + 1, text[toks[k + 1].start:t.end], "group")
    return None


def _before_of(text: str, toks: list[Tok], np: NP) -> NP | None:
    """An inverted speaker phrase cut before its first "of"/"for": the name ahead of a
    prepositional phrase the reading rightwards could not close ("said X of the New York delegation")."""
    for c in range(np.i + 1, np.j):
        if toks[c].low in ("of", "for") and toks[c].text.islower():
            cut = parse_left(text, toks, c - 1)
            return cut if cut is not None and cut.kind == "person" and cut.i == np.i else np
    return np


# The steps of :func:`find_attributions` for one watched token, in order; the first that decides
# (an attribution, or None for no attribution at this token) wins.
_STEPS = (_according_to, _in_view, _claim_or_stance_word, _inscribed_word, _not_a_cue, _with_phrase, _to_verb, _stance,
          _participle, _passive, _speech_verb)


def _headline(text: str, toks: list[Tok]) -> Attribution | None:
    """A title-case headline: "New Poll Shows Bump For Clinton", "Plan Will Fail, Senator Warns"."""
    initials = [t.text[0] for t in toks if t.kind == "w" and len(t.text) > 3]  # of the longer words
    if len(initials) < 3 or sum(map(str.isupper, initials)) < 0.8 * len(initials):
        return None
    for k in range(1, len(toks)):
        t = toks[k]
        if t.kind != "w" or not t.text[0].isupper() or not t.low.endswith("s") \
                or not (t.low in SPEECH_VERBS or t.low in STANCE_VERBS):
            continue
        found = _headline_cue(text, toks, k)
        if found is not None:
            return found
    return None


def _headline_cue(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """The attribution a capitalised speech verb at ``k`` makes in a headline: a final "…,
    Senator Warns." (up to six words after the last comma) or an opening "New Poll Shows …"."""
    rest = [x for x in toks[k + 1:] if x.kind != "p"]
    if not rest:
        if k < 3 or not any(x.text == "," for x in toks[:k]):
            return None
        c = max(c for c in range(k) if toks[c].text == ",")
        if 1 <= k - c - 1 <= 6:
            return Attribution(NP(c + 1, k, text[toks[c + 1].start:toks[k - 1].end], "group"), k, True, True)
        return None
    if k > 6 or not all(x.kind in ("w", "s", "n") or x.text in (".", "-", "'", "\u2019") for x in toks[:k]):
        return None
    np = parse_left(text, toks, k - 1)
    if np is None or np.i != 0:
        np = NP(0, k, text[toks[0].start:toks[k - 1].end], "group")
    return Attribution(np, k, True, False)


def _label(text: str, toks: list[Tok]) -> Attribution | None:
    """'WALLACE: …' / 'Pence: …' — a short name, then a colon, at the start of a line."""
    s = 1 if toks and toks[0].text in ('"', "\u201c") else 0  # '"WALLACE: …' (a stray mark)
    for c in range(s + 1, min(len(toks), s + 5)):
        if toks[c].text == ":":
            if c + 1 < len(toks) and all(is_name_word(x) or x.text.isupper() for x in toks[s:c]):
                np = parse_left(text, toks, c - 1)
                if np is not None and np.i == s:
                    return Attribution(np, c, True, False, "label")
            return None
    return None


def _dash(text: str, toks: list[Tok]) -> Attribution | None:
    """'"…" ― Sonya Herridge': a quotation followed by a dash and a name."""
    for k in [k for k in range(1, len(toks) - 1) if toks[k - 1].kind == "q"]:
        if toks[k].text in ("\u2015", "\u2014", "\u2013", "-"):
            end = k + 1
            while end < len(toks) and (is_name_word(toks[end]) or toks[end].text == "."):
                end += 1
            if end > k + 1:
                last = end - 1 if toks[end - 1].text != "." else end - 2
                i = cap_chain_left(toks, last)
                np = parse_left(text, toks, last)
                if np is not None and i == k + 1:
                    return Attribution(np, k, True, True, "dash")
    return None


def best(attrs: list[Attribution]) -> Attribution | None:
    """The attribution that governs the sentence: a final ``…, X said`` beats an opening ``X said``,
    which beats an embedded one."""
    if not attrs:
        return None
    attrs = _speech_over_stance(_person_over_outlet(attrs))
    for test in (lambda a: a.how == "label",      # "PENCE: Hillary Clinton thinks …" : all of it is Pence's
                 lambda a: a.final and a.strong,
                 lambda a: a.strong):
        chosen = next((a for a in attrs if test(a)), None)
        if chosen is not None:
            return chosen
    return attrs[0]


def _person_over_outlet(attrs: list[Attribution]) -> list[Attribution]:
    """'"…," said Trump in an interview, according to TIME': the outlet that reported the words is
    not their speaker when the sentence names the person who said them."""
    if any(a.how == "according" for a in attrs) and any(
            a.how == "verb" and not a.stance and a.np.kind == "person" for a in attrs):
        return [a for a in attrs if a.how != "according"]
    return attrs


def _speech_over_stance(attrs: list[Attribution]) -> list[Attribution]:
    """A speech cue beats a stance verb, unless it only coordinates with it ("outlined A and
    vowed B")."""
    if any(not a.stance and a.how != "coord" and (a.strong or a.final) for a in attrs):
        return [a for a in attrs if not a.stance]
    if any(a.stance for a in attrs):
        return [a for a in attrs if a.how != "coord"] or attrs
    return attrs
