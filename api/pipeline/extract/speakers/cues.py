"""Attribution cues: the words that report speech or a stance, and the record of a cue with its speaker.

Speech verbs in all their forms (``SPEECH_VERBS``: "said", "tells", "warning" …), stance verbs
(``STANCE_VERBS``: beliefs, wishes, evaluations, findings: "wants", "opposed", "found"), phrasal and
light-verb frames ("called for", "made it clear"), verbs that report words only before a quotation
("called it \"a disgrace\""), claim nouns ("X's claim that …") and stance adjectives ("concerned
that …"); :func:`is_cue` decides whether one token of a sentence is a cue. :class:`Attribution` ties
a cue to the phrase that is its speaker.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import DETERMINERS, NOT_HEAD
if TYPE_CHECKING:  # names.py reads HEADLINE_VERBS from here
    from .names import NP
from ..sentences.tokens import Tok

_IRREGULAR = {
    "say": "says said saying", "tell": "tells told telling", "write": "writes wrote writing written",
    "think": "thinks thought thinking", "find": "finds found finding", "show": "shows showed showing shown",
    "speak": "speaks spoke speaking spoken", "admit": "admits admitted admitting",
    "quip": "quips quipped quipping", "testify": "testifies testified testifying",
    "reply": "replies replied replying", "worry": "worries worried worrying",
    "deny": "denies denied denying", "signal": "signals signaled signalled signaling",
    "predict": "predicts predicted predicting", "read": "reads read reading",
}
_REGULAR = """
add state tweet argue claim warn insist note explain ask declare announce report acknowledge suggest
contend assert maintain promise pledge vow urge confirm respond remark recall complain concede
emphasize emphasise stress criticize criticise blast slam accuse allege estimate believe
hope fear agree disagree observe mention conclude counter retort joke boast lament recommend
demand propose question wonder indicate reveal caution reiterate post charge contend muse
exclaim whisper shout scoff lash reason posit opine concur affirm attest inform brief proclaim
cite condemn praise attack decry denounce tout welcome applaud mock dismiss scold thank blame
exhort disclose divulge recount speculate surmise confide hint imply assure reassure summarize summarise
""".split()

# A verb that needs a particle to report speech: "called for", "pointed out".
_PHRASAL = {"call": ("for", "on"), "point": ("out", "to"), "write": ("in",)}
_STATEMENT_VERBS = frozenset("issued issues released releases put puts published publishes".split())
_STATEMENT_NOUNS = frozenset("statement statements memo letter release tweet post".split())


def _forms(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base].split()}
    s3 = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
    past = base + ("d" if base.endswith("e") else "ed")
    ing = (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"
    return {base, s3, past, ing}


def forms_of(bases: str) -> frozenset[str]:
    """Every form of the whitespace-separated base verbs: "say tell" → say, says, said, saying, tell, …"""
    return frozenset(f for b in bases.split() for f in _forms(b))


# Base forms that are more often nouns ("the report", "a claim") are not cues on their own.
_NOUNISH = frozenset("""
report state claim post tweet question charge hope fear demand attack welcome brief reason thank
blame praise mention estimate remark promise pledge vow signal muse counter caution stress repeat
lash shout whisper scoff joke boast lament reveal show find read write quip reply worry
""".split())
SPEECH_VERBS = frozenset(f for b in list(_IRREGULAR) + _REGULAR for f in _forms(b)
                         if not (f == b and b in _NOUNISH))
SPEECH_VERBS = SPEECH_VERBS | {"commented", "commenting", "retweeted", "retweeting"}  # not "comments", "retweets"
# The third-person forms of speech verbs a title-case headline or subhead puts beside a name
# ("Clinton Calls Trump's Remarks 'Troubling'", "Ceasefire Must Hold, Warns Blinken"): never part of
# a name (base forms more often nouns, "Claims", "Reports", are left out).
# Past forms of speech verbs that open an inverted frame at a sentence's start ("Added Gibbs: …").
OPENING_VERBS = frozenset(f for f in SPEECH_VERBS if f.endswith("ed")) | {"said", "wrote", "told"}
HEADLINE_VERBS = frozenset(f for b in list(_IRREGULAR) + _REGULAR + list(_PHRASAL) for f in _forms(b)
                           if f.endswith("s") and f != b and b not in _NOUNISH)
# Verbs of manner that report speech only beside a quotation ('"…," Toomey fumed'; not "He chuckled
# and smirked through the answers").
_WITH_QUOTE_ONLY = frozenset(f for b in "fume grumble gripe gush rant gloat chuckle".split() for f in _forms(b)) | frozenset("""
answered answers answering barked barks barking beamed beams boomed booms groused grouses sniped snipes snapped
snaps thundered thunders sneered sneers interjected interjects interjecting roared roars growled growls sighed sighs
laughed laughs marveled marvelled marvels emailed texted""".split())
# Verbs that report a retort with "back" beside a quotation ('"…," Trump shot back'): no cue without one.
# Verbs that report a retort or a continuation with a particle beside a quotation ('"…," Trump *shot
# back*', 'He *went on*, "…"'): no cue without a quotation, nor "went on offense" / "went on to say".
RETORT_PARTICLES = {**{f: "back" for f in "shot shoots shooting fired fires firing hit hits hitting".split()},
                    **{f: "on" for f in "went goes".split()}}


def _retort(toks: list[Tok], k: int, nxt: str | None) -> bool:
    """'"…," Trump shot back.', 'He went on, "…"': the verb, its particle, then the end of the frame."""
    if nxt != RETORT_PARTICLES[toks[k].low] or not any(x.kind == "q" for x in toks):
        return False
    after = toks[k + 2] if k + 2 < len(toks) else None
    return after is None or after.text in (",", ".", ":") or after.kind == "q" or nxt == "back"
# Light verbs that report speech with the words after them: "made (it) clear that …", "made the case that …".
LIGHT_FRAMES = {f: (("it", "clear"), ("clear",), ("the", "case")) for f in "make makes made making".split()}


def light_frame(toks: list[Tok], k: int) -> int:
    """How many words after the light verb at ``k`` belong to its frame ("made *it clear*"), else 0."""
    for seq in LIGHT_FRAMES.get(toks[k].low, ()):
        if all(k + 1 + i < len(toks) and toks[k + 1 + i].low == w for i, w in enumerate(seq)):
            return len(seq)
    return 0


# Verbs that report words only with a quotation after them: 'Trump called it "a disgrace"'.
QUOTE_ONLY = frozenset(f for b in """call brand dub label term hail describe continue refer liken rate compare
chant""".split() for f in _forms(b) if f != b)
PHRASAL_VERBS = {f: parts for b, parts in _PHRASAL.items() for f in _forms(b)}

# Stance verbs: beliefs, wishes, evaluations, findings and commitments ("wants to …", "opposed the
# resolution", "a poll found that …", "accused X of …"). News attributions use them as freely as
# speech verbs; their subject is the source and what follows the verb is the content. They are
# weaker cues than speech verbs: used only when the sentence has no speech cue, only with a subject
# to their left that can hold a view (a name, a pronoun, an organisation, a group of people).
_STANCE_IRREGULAR = {
    "know": "knows knew knowing known", "feel": "feels felt feeling", "see": "sees saw seeing seen",
    "seek": "seeks sought seeking", "understand": "understands understood understanding",
    "sing": "sings sang singing sung", "plan": "plans planned planning", "prefer": "prefers preferred preferring",
    "regret": "regrets regretted regretting", "decry": "decries decried decrying",
    "rebut": "rebuts rebutted rebutting", "favor": "favors favored favoring",
    "favour": "favours favoured favouring", "target": "targets targeted targeting",
    "expect": "expects expected expecting", "fault": "faults faulted faulting",
}
_STANCE_REGULAR = """
believe think want wish hope fear worry doubt consider oppose support endorse reject deny dispute question
challenge criticize criticise praise laud defend accuse blame urge demand propose vow pledge promise
threaten predict estimate find show reveal suggest indicate conclude rule argue acknowledge concede admit
express agree disagree condemn denounce welcome applaud portray describe characterize characterise dismiss
tout insist intend refuse decline advocate champion slam blast attack mock ridicule recognize recognise
realize realise learn discover determine decide assume suspect imagine remember recall like love hate
admire respect trust distrust embrace accept grill lambaste push view regard deem hail emphasize
emphasise highlight stress compliment chide rebuke castigate berate assail envision anticipate
recommend celebrate chant type worry back press call rail ignore deride encourage hear sense invite
echo reference discuss unveil
outline detail debate promote link chastise understate overstate exaggerate misrepresent invoke
apologize apologise propound espouse document profile lobby campaign implore beg petition caution
""".split()
# Forms that are more often something else: "like" (a preposition), "back" (an adverb), "type",
# "press" and "call" (nouns), "rules"/"shows" (nouns: "DNC rules permit", "TV shows").
_STANCE_NOT = frozenset("""like back type press call rule rules shows reference references document documents
profile profiles campaign campaigns link links debate debates echo echoes outline outlines detail details
lobby lobbies petition view views plans fears hopes doubts questions attacks calls rebut""".split())
STANCE_VERBS = frozenset(f for b in list(_STANCE_IRREGULAR) + _STANCE_REGULAR
                         for f in ({b, *_STANCE_IRREGULAR[b].split()} if b in _STANCE_IRREGULAR else _forms(b))
                         if f not in _STANCE_NOT) - SPEECH_VERBS
STANCE_BASES = frozenset(list(_STANCE_IRREGULAR) + _STANCE_REGULAR)


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase and the index of its cue token (``strong``: a main-clause attribution)."""

    np: NP
    cue: int
    strong: bool
    final: bool
    # how the cue was found: 'verb' (X said / said X), 'coord' (X did …, and said …),
    # 'ing' (X spoke, saying …), 'according' (also "in X's view"), 'label' (WALLACE: …), 'dash'
    # ("…" ― X), 'passive' (… is supported by X), 'noun' (X's claim that …) or 'with' (…, with X saying …)
    how: str = "verb"
    stance: bool = False  # the cue is a stance verb ("believes", "opposed"), not a speech verb


# Nouns that report what someone said or holds, with the words in a "that" clause after them:
# "Trump's claim that …", "a New York Times report that …", "Mr. Obama's bet is that …".
CLAIM_NOUNS = frozenset("""claim claims assertion assertions contention argument belief view position report
finding findings conclusion warning warnings promise pledge suggestion insistence accusation accusations
allegation allegations admission acknowledgment acknowledgement announcement statement bet hope fear fears
concern concerns complaint prediction estimate assessment theory proposal plea demand emphasis
interjection remark comment comments remarks message arguments charge charges""".split())


# Forms that are nouns more often than not, but verbs of intent before "to" and a verb:
# "The campaign *plans to* employ …" (not "the plans to build …", which has a determiner).
VERB_BEFORE_TO = frozenset("plans hopes fears".split())


def _before_infinitive(toks: list[Tok], k: int) -> bool:
    if k < 1 or k + 2 >= len(toks) or toks[k + 1].low != "to" or toks[k - 1].low in DETERMINERS \
            or toks[k - 1].kind == "s":
        return False
    v = toks[k + 2]
    return v.kind == "w" and v.text.islower() and not v.low.endswith(("ing", "ed", "s", "ly")) \
        and v.low not in NOT_HEAD


def is_cue(toks: list[Tok], k: int) -> bool:
    """Whether the word at ``k`` is a speech or stance cue here (a phrasal verb with its particle, a
    light verb with its frame, a quote-only verb before a quotation, "issued a statement" …)."""
    t = toks[k]
    if t.kind != "w" or not (t.text.islower() or k == 0):
        return False
    low = t.low
    nxt = toks[k + 1].low if k + 1 < len(toks) else None
    if _noun_use(toks, k, nxt):
        return False
    if low in RETORT_PARTICLES:
        return _retort(toks, k, nxt)
    if low in PHRASAL_VERBS and nxt in PHRASAL_VERBS[low]:
        return True
    if low in LIGHT_FRAMES:
        return light_frame(toks, k) > 0
    if low in VERB_BEFORE_TO:
        return _before_infinitive(toks, k)
    if low in QUOTE_ONLY:
        return _quote_only_cue(toks, k)
    if low in _STATEMENT_VERBS:
        return _statement_cue(toks, k)
    if low in _WITH_QUOTE_ONLY:
        return any(x.kind == "q" for x in toks)
    return low in SPEECH_VERBS or low in STANCE_VERBS


def _quote_only_cue(toks: list[Tok], k: int) -> bool:
    """A quote-only verb is a cue before a quotation or a colon, as a stance verb, or (for
    "continued") closing a frame after the quotation."""
    low = toks[k].low
    return any(x.kind == "q" for x in toks[k + 1:k + 12]) or k + 1 < len(toks) and toks[k + 1].text == ":" \
        or low in STANCE_VERBS or low in QUOTE_FINAL and after_quotation(toks, k)


# Quote-only verbs that also close a frame after the quotation ('"…," Rubio continued.').
QUOTE_FINAL = frozenset("continued continues".split())


def after_quotation(toks: list[Tok], k: int) -> bool:
    """The verb at ``k`` closes a frame after a quotation: a quotation within the four tokens before
    it and nothing but a name or a full stop after it ('"…," Rubio continued.', '"…," continued Rubio')."""
    if not any(x.kind == "q" for x in toks[max(0, k - 4):k]):
        return False
    rest = toks[k + 1:]
    return not rest or rest[0].text in (".", ",") or rest[0].text[:1].isupper() and rest[0].kind == "w"


def _noun_use(toks: list[Tok], k: int, nxt: str | None) -> bool:
    """A cue word used as (part of) a noun phrase: "the think tank", "a claims process", "all
    reported contributions", "before the Paris terror attacks", "Four states"."""
    return (toks[k].low, nxt) in _NOUN_COMPOUNDS or _participle_adjective(toks, k) or _plural_in_phrase(toks, k)


def _participle_adjective(toks: list[Tok], k: int) -> bool:
    """A past participle between a determiner and a noun is an adjective, not a cue: "all
    *reported* contributions", "his *stated* goal" (not "they all reported that …")."""
    if k < 1 or k + 1 >= len(toks) or not toks[k].low.endswith("ed") or toks[k - 1].low not in DETERMINERS:
        return False
    nxt = toks[k + 1]
    return nxt.kind == "w" and nxt.text.islower() and nxt.low not in _CLAUSE_LINKS and not nxt.low.endswith("ly")


# Prepositions that open a phrase whose noun can look like a verb: "*before* the Paris terror attacks".
_PHRASE_PREPOSITIONS = frozenset("before after since during in of from amid following despite like over about".split())


_NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
dozens hundreds thousands millions""".split())


def _plural_in_phrase(toks: list[Tok], k: int) -> bool:
    """An "-s" form after a number ("Four *states* have …") or closing a prepositional phrase is a
    plural noun, not a cue: "Before the Paris terror *attacks*, …", "in the latest *reports*." (a
    preposition, a determiner, up to three modifiers, then the word, then a punctuation mark)."""
    if not toks[k].low.endswith("s"):
        return False
    if k >= 1 and (toks[k - 1].kind == "n" or toks[k - 1].low in _NUMBER_WORDS):
        return True  # "Four *states* have legalized …", "23 *reports*"
    if k + 1 >= len(toks) or toks[k + 1].text not in (",", ";", ".", ":"):
        return False  # (a phrase ends at a punctuation mark: "as X of the Times points out" is a verb)
    for d in range(k - 1, max(-1, k - 5), -1):
        t = toks[d]
        if t.low in DETERMINERS and t.text.islower() or t.low == "the":
            return d >= 1 and toks[d - 1].low in _PHRASE_PREPOSITIONS and toks[d - 1].kind == "w"
        if t.kind not in ("w", "n") or t.text.islower() and t.low.endswith(("ed", "ly")):
            return False
    return False


# Words after a cue that open what was said or the rest of the frame: "reported *that*", "argued *to* …".
_CLAUSE_LINKS = frozenset("that to the a an he she it they we i you there this these those his her their its "
                          "on in at for with by from about as".split())


def _statement_cue(toks: list[Tok], k: int) -> bool:
    """A statement verb ("issued", "released", "put") is a cue before a statement noun ("issued a
    statement"), and "put" in "As X put it, …"."""
    if toks[k].low in ("put", "puts") and k + 1 < len(toks) and toks[k + 1].low == "it" and k >= 2 \
            and any(x.low == "as" for x in toks[max(0, k - 16):k - 1]):
        return True
    return any(x.low in _STATEMENT_NOUNS for x in toks[k + 1:k + 4])


# A cue word followed by a noun that makes it part of a compound noun, not a verb.
_NOUN_COMPOUNDS = frozenset({("think", "tank"), ("think", "tanks"), ("claims", "process"), ("warning", "signs"),
                             ("warning", "sign"), ("report", "card"), ("talking", "points")})

# Every lower-case form :func:`is_cue` can accept: a word outside this set is never a cue, so
# callers can skip it without calling :func:`is_cue`.
CUE_WORDS = frozenset(PHRASAL_VERBS) | frozenset(LIGHT_FRAMES) | VERB_BEFORE_TO | QUOTE_ONLY | _STATEMENT_VERBS \
    | SPEECH_VERBS | STANCE_VERBS | _WITH_QUOTE_ONLY | frozenset(RETORT_PARTICLES)

STANCE_ADJ = frozenset("""concerned worried convinced frustrated confident sure certain aware skeptical
sceptical hopeful optimistic pessimistic afraid unhappy angry upset pleased disappointed determined adamant
eager willing reluctant furious outraged alarmed troubled dismayed unconvinced doubtful insistent
opposed committed""".split())
