"""When a quotation without a speech cue may not carry on the previous speaker.

A paragraph that opens with a quotation and names nobody carries on the speaker of the paragraph
before (:func:`.article._carried_quotes`). That is wrong when the quotation speaks *about* that
person in the third person ('"I would if I knew," he said.' then '"His conduct is unbecoming …"':
someone else's words about him). :func:`speaks_of_carried` is the narrow test used to refuse it.
"""
from __future__ import annotations

import re

from ..lexicon import MONTHS, NOT_NAME, TITLES
from ..sentences.tokens import Tok

_THIRD_PERSON = {"m": frozenset("he his him himself".split()), "f": frozenset("she her hers herself".split())}
_FIRST_PERSON = frozenset("i me my mine myself".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SENTENCE_END = re.compile(r"[.?!](?=\s|$)")


def _first_sentence_words(quote: str) -> list[str]:
    """The words of the quotation's first sentence."""
    end = _SENTENCE_END.search(quote)
    return _WORD.findall(quote[:end.end()] if end else quote)


def _others_named(prev_toks: list[Tok], speaker: str, pronouns: frozenset[str]) -> bool:
    """Whether the previous sentence names someone besides ``speaker``: a capitalised word, not its
    first, outside quotations, not a word of the speaker's name, a title, a day or a month; or one
    of ``pronouns`` inside its quotations ('"… he hit my hands," Trump said.')."""
    own = {w.lower().rstrip(".") for w in speaker.split()} | NOT_NAME | MONTHS | TITLES
    for k, t in enumerate(prev_toks):
        if t.kind == "q" and any(w.lower() in pronouns for w in _WORD.findall(t.text)):
            return True
        if k == 0 or t.kind != "w" or not t.text[:1].isupper():
            continue
        if t.low.rstrip(".") not in own:
            return True
    return False


def speaks_of_carried(speaker: str, gender: str, quote: str, prev_toks: list[Tok]) -> bool:
    """Whether a quotation carried on to ``speaker`` (a person; ``gender`` 'm', 'f' or '') speaks of
    them in the third person in its first sentence: their surname, or a he/his/him (she/her) that
    opens the reference before any name in the quotation, while the quotation does not speak as
    "I" and the previous sentence (``prev_toks``) names nobody else the pronoun could stand for."""
    words = _first_sentence_words(quote)
    if not words or any(w.lower() in _FIRST_PERSON for w in words):
        return False  # "He hit my hands": the speaker speaking of someone else
    surname = speaker.split()[-1]
    if surname in words:
        return True
    pronouns = _THIRD_PERSON["m"] | _THIRD_PERSON["f"] if not gender else _THIRD_PERSON.get(gender, frozenset())
    for k, w in enumerate(words):
        if k > 0 and w[:1].isupper() and w.lower() not in pronouns and w != "I":
            return False  # a name inside the quotation may be what the pronoun stands for
        if w.lower() in pronouns:
            return not _others_named(prev_toks, speaker, pronouns)
    return False
