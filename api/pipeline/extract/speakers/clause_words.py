"""Word classes and one-word tests for reading the clause around a cue.

Verbs that take a bare clause, prepositions, frame words (adverbs and time words between a cue
and what was said), subordinators, finite forms, particles of phrasal verbs, infinitives, and the
tests on a sentence's opening (an introductory adverbial, a subordinate clause) and on a second
verb's coordinator.
"""
from __future__ import annotations

from .cues import PHRASAL_VERBS, RETORT_PARTICLES, forms_of
from ..lexicon import MONTHS, WEEKDAYS
from ..sentences.tokens import Tok

DASHES = ("-", "\u2014", "\u2013", "\u2015", "--")


# Speech verbs that take a bare clause ("said the plan failed"); other cues ("praised", "claimed
# responsibility", "called for") only frame content introduced by "that", a colon or a quotation.
CLAUSE_VERBS = forms_of("""say tell add write claim argue insist warn note explain declare believe think
hope fear suggest contend assert maintain predict acknowledge admit concede agree recall report estimate
indicate reveal confirm complain boast promise tweet respond reply reiterate stress emphasize emphasise
allege charge conclude find show joke quip testify reason posit opine affirm proclaim observe remark
mention counter retort caution lament worry state speculate surmise confide hint imply""")
# Participles that carry on a frame: "said in a statement, adding that …".
FRAME_PARTICIPLES = frozenset("""saying adding stating writing noting explaining arguing claiming
insisting warning telling declaring asserting suggesting""".split())
PREPOSITIONS = frozenset("""in on at during to with from before after via through over amid outside
inside following for about by under""".split())
_FRAME_WORDS = frozenset("""today yesterday tonight tomorrow recently earlier later afterwards afterward
again also then now repeatedly publicly privately last this next week month year morning afternoon
evening night weekend once previously initially further separately subsequently simply flatly
""".split()) | WEEKDAYS
# Words that open a clause (so a bare complement can start with them): "said *the* plan failed".
CLAUSE_STARTS = frozenset("""he she it they we i you there this these those the a an his her its their
our my your some many most all no none any every each one two three both neither either nothing
nobody everyone everybody someone people what whether if how why when where who""".split())
# Words that stop a look-ahead for "that": a finite verb means a clause has already started.
CLAUSE_VERBS_STOP = frozenset("""is are was were has have had will would can could should may might must
do does did be been being""".split())
SUBORDINATORS = frozenset("""and but so yet while as because after before when though although since
whereas once""".split())


CLAUSE_SUBORDINATORS = frozenset("as while after before because since though although when whereas".split())


# "claimed responsibility for …", "announced a plan": the object is an act, not what was said
NOUN_OBJECT_WHOLE = forms_of("claim announce report post tweet issue release publish")


def to_infinitive(toks: list[Tok], i: int) -> bool:
    """``toks[i:]`` opens with "to" and a verb, perhaps after an adverb ("to *harshly* punish")."""
    n = len(toks)
    if i + 1 >= n or toks[i].low != "to":
        return False
    v = i + 2 if i + 2 < n and adverb_word(toks[i + 1]) else i + 1
    return _infinitive(toks[v])


def _infinitive(t: Tok) -> bool:
    """The word after "to" reads as a verb ("to *release*"), not a noun ("to *reporters*")."""
    low = t.low
    return t.kind == "w" and t.text.islower() and low not in CLAUSE_STARTS and low not in PREPOSITIONS \
        and (not low.endswith("s") or low.endswith("ss")) and not low.endswith(("ed", "ing", "ly", "tion"))


NOUN_DETERMINERS = frozenset("the a an his her its their our my your this these those".split())


def adverb_word(t: Tok) -> bool:
    """A lower-case -ly adverb ("*harshly* punish")."""
    return t.kind == "w" and t.text.islower() and t.low.endswith("ly") and len(t.low) > 4


_INTRO = frozenset("""in on at during after before when while asked speaking responding addressing
writing appearing meanwhile however earlier later separately still also since for from with without
following amid despite throughout under""".split())


def subordinate_clause(toks: list[Tok], j: int) -> bool:
    """``toks[:j]`` is a subordinate clause with a verb ("While the mediators reported progress")."""
    if j < 4 or toks[0].low not in SUBORDINATORS or any(t.kind == "q" for t in toks[:j]):
        return False
    return any(t.kind == "w" and t.text.islower() and (t.low in CLAUSE_VERBS_STOP or t.low in FINITE
                                                       or t.low.endswith("ed")) for t in toks[1:j])


def opening_adverbial(toks: list[Tok], f0: int) -> bool:
    """``toks[:f0]`` is an opening adverbial ("In a statement on Tuesday,", "Asked about it,")."""
    t = toks[0]
    if t.kind != "w" or t.low not in _INTRO and not (
            t.text[0].isupper() and t.low.endswith("ing") and t.low not in NOT_PARTICIPLES and len(t.low) > 5):
        return False  # "Citing a report, X said …": a participle phrase opens the sentence
    # "Still, “…,” he said" quotes; "On the broadcast of “Fox News Sunday,” X said" does not
    return t.low in PREPOSITIONS or not any(x.kind == "q" for x in toks[:f0])


NOT_PARTICIPLES = frozenset("""including during according something nothing anything everything thing
morning evening spring king ring building bring sibling ceiling string wing bearing""".split())


# Messages the subject sends that say something: "sent out a press *release saying* Murphy owes …".
MESSAGE_NOUNS = frozenset("""statement statements release releases tweet tweets email emails message messages
post posts letter letters memo note""".split())


def coordinator(toks: list[Tok], k: int) -> int | None:
    """Index of the "and"/"but" joining a second verb to the subject's first one."""
    j = k - 1
    while j >= 0 and toks[j].kind == "w" and toks[j].low not in ("and", "but") and k - j < 6:
        j -= 1
    return j if j > 0 and toks[j].low in ("and", "but") else None


def late_particle(toks: list[Tok], k: int) -> int | None:
    """Index of the particle of the verb at ``k`` after frame words ("called *Friday* for"), else None."""
    low = toks[k].low
    if low not in PHRASAL_VERBS:
        return None
    c = k + 1
    while c < len(toks) and frame_word(toks[c]) and c - k < 4:
        c += 1
    return c if c > k + 1 and c < len(toks) and toks[c].low in PHRASAL_VERBS[low] and toks[c].low != "in" else None


def particle(toks: list[Tok], k: int) -> bool:
    """'called *for*', 'pointed *out*', 'shot *back*', 'went *on*'."""
    low = toks[k].low
    if low in RETORT_PARTICLES:
        return k + 1 < len(toks) and toks[k + 1].low == RETORT_PARTICLES[low]
    # "wrote in a post that …": "in" opens a phrase of the frame, it is not a particle to skip
    return low in PHRASAL_VERBS and k + 1 < len(toks) and toks[k + 1].low in PHRASAL_VERBS[low] \
        and toks[k + 1].low != "in"


def frame_word(t: Tok) -> bool:
    """An adverb or time word that may sit between a speech verb and what was said."""
    if t.kind == "n":
        return True
    if t.kind != "w":
        return False
    if t.low in WEEKDAYS or t.low in MONTHS:
        return True
    return t.text.islower() and (t.low in _FRAME_WORDS or t.low.endswith("ly") and len(t.low) > 4)


FINITE = frozenset("""won't can't don't doesn't didn't isn't wasn't aren't weren't hasn't haven't
shouldn't wouldn't couldn't rose fell grew won lost took made went came gave got left became began knew saw
thought told said found held kept led ran sent set spent stood met paid put brought bought needs wants
remains seems appears lacks means goes gets makes takes""".split())
