"""Who is said to speak in one sentence: speech verbs and the phrase that is their subject.

Patterns handled (quotations are single ``q`` tokens here): ``"…," said X``, ``"…," X said``,
``X said "…"``, ``X said: "…"``, ``X said (Tuesday) that …``, ``…, sources said.``,
``according to X``, ``in X's view``, ``X told reporters``, ``X's office said in a statement``,
``X issued a statement: "…"``, ``X, the …, said``, ``X, who …, said``, ``X in an interview said``,
``In a statement Tuesday X said``, ``X made it clear that``, ``As X put it, …``, ``X's claim that …``,
``…, with X saying …``, ``"…" ― X`` and transcript labels (``WALLACE: …``).
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import DETERMINERS, NOT_HEAD, ORG_WORDS, ROLE_WORDS, SOURCE_NOUNS, TITLES, VENUE_NOUNS
from .names import NP, cap_chain_left, is_name_word, parse_left, parse_right, split_role, WEEKDAYS
from .tokens import Tok

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
exhort disclose divulge recount
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
# Light verbs that report speech with the words after them: "made (it) clear that …", "made the case that …".
LIGHT_FRAMES = {f: (("it", "clear"), ("clear",), ("the", "case")) for f in "make makes made making".split()}


def light_frame(toks: list[Tok], k: int) -> int:
    """How many words after the light verb at ``k`` belong to its frame ("made *it clear*"), else 0."""
    for seq in LIGHT_FRAMES.get(toks[k].low, ()):
        if all(k + 1 + i < len(toks) and toks[k + 1 + i].low == w for i, w in enumerate(seq)):
            return len(seq)
    return 0


# Verbs that report words only with a quotation after them: 'Trump called it "a disgrace"'.
_QUOTE_ONLY = frozenset(f for b in """call brand dub label term hail describe continue refer liken rate compare
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
_STANCE_BASES = frozenset(list(_STANCE_IRREGULAR) + _STANCE_REGULAR)
# Negated auxiliaries, one token each: "X *isn't* saying", "X *didn't* deny".
_NEGATED_AUX = frozenset(a + suffix for a in """is are was were has have had does do did would could should
must need""".split() for suffix in ("n't", "n\u2019t")) | frozenset(
    "won't can't ain't won\u2019t can\u2019t ain\u2019t cannot".split())
_BE = frozenset("is are was were be been being am".split())
_DO_MODAL = frozenset("do does did will would can could should may might must to 'll".split()) | _NEGATED_AUX

# Words between a subject and its speech verb that are skipped: "Blinken on Monday warned".
_SKIP_LEFT = frozenset("""
also later earlier then previously has have had was is were would will did does do not never again
further reportedly repeatedly publicly privately recently often once simply already last this next
on since just still even n't subsequently initially separately quickly directly flatly explicitly
all both each themselves himself herself too now still openly are am been long almost
can could should may might must
""".split()) | WEEKDAYS | _NEGATED_AUX
_TIME_NOUNS = frozenset("week month year night morning afternoon evening weekend day time".split())
_TIME_LEAD = frozenset("last this next that earlier on".split())
_CLAUSE_LEFT = frozenset("and but that as while because so or when though although after before if since "
                         "where than whereas nor yet".split())
# Words that open an insert between a subject and its verb: "X, who …, said", "X, in a statement, said".
_REL_OPENERS = frozenset({"who", "which", "whose", "the", "a", "an", "whom", "now", "then", "at", "in", "on",
                          "during", "after", "speaking", "himself", "herself", "too", "however", "including",
                          "like", "especially", "particularly", "notably", "among"})


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


_CATENATIVE = frozenset("""continue continues continued plan plans planned seem seems seemed tend tends tended
try tries tried begin begins began want wants wanted need needs needed appear appears appeared going""".split())


def _skip_left(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``j`` that is not an adverb, auxiliary or time phrase
    (or a catenative verb: "protesters *continued to* call for …")."""
    while j >= 0:
        t = toks[j]
        if t.kind != "w":
            pp = _venue_pp(toks, j)
            if pp is None:
                break
            j = pp - 1
            continue
        if t.low == "to" and j >= 1 and toks[j - 1].low in _CATENATIVE:
            j -= 2
            continue
        if t.low in _SKIP_LEFT or (t.low in _TIME_NOUNS and j > 0 and toks[j - 1].low in _TIME_LEAD) \
                or _adverb(t):
            j -= 1
            continue
        pp = _venue_pp(toks, j)
        if pp is None:
            break
        j = pp - 1
    return j


_VENUE_PREPS = frozenset("in at during on via through".split())


def _venue_pp(toks: list[Tok], j: int) -> int | None:
    """Start of a short prepositional phrase of venue or date ending at ``j`` that sits between a
    subject and its verb: "X *in a televised interview* appeared to blame", "a panel *in 2001* found",
    "X *on Twitter* wrote". None when ``toks[j]`` does not end one."""
    t = toks[j]
    if t.kind == "n" and len(t.text) == 4 and t.text.isdigit() and j >= 1 and toks[j - 1].low == "in":
        return j - 1  # "in 2001"
    if t.kind != "w" or not (t.low in VENUE_NOUNS or t.low == "twitter" or t.low in WEEKDAYS):
        return None
    for c in range(j - 1, max(0, j - 7), -1):
        x = toks[c]
        if x.kind == "w" and x.low in _VENUE_PREPS and x.text.islower():
            return c if c >= 1 and toks[c - 1].kind == "w" else None
        if x.kind not in ("w", "n", "s") or x.text.islower() and x.low in _SKIP_LEFT - {"on", "this", "last"} \
                or x.low in ("that", "which", "who"):
            return None
    return None


_LY_NOUNS = frozenset("family ally rally assembly supply anomaly monopoly bully belly jelly reply".split())


def _adverb(t: Tok) -> bool:
    """A lower-case -ly adverb ("forcefully told")."""
    return t.text.islower() and len(t.low) > 4 and t.low.endswith("ly") and t.low not in _LY_NOUNS


def _boundary_ok(toks: list[Tok], i: int) -> bool:
    """Whether a phrase starting at token ``i`` can be a clause subject."""
    if i == 0:
        return True
    p = toks[i - 1]
    return p.kind in ("p", "q") and p.text not in ("'", "\u2019") or p.low in _CLAUSE_LEFT or p.low == "even"


def _left_subject(text: str, toks: list[Tok], k: int) -> NP | None:
    """The subject of the verb at ``k`` reading leftwards (appositives and relatives skipped)."""
    j = _skip_left(toks, k - 1)
    if j < 0:
        return None
    if toks[j].text == ",":
        np = parse_left(text, toks, j - 1)  # "The campaign's chairman, Phil Lovas, said"
        if np is not None and np.kind == "person" and np.i >= 1 and toks[np.i - 1].text == ",":
            return np
        # "X, the top diplomat, said" / "X, who ..., said": look for the comma that opens the insert
        commas = [c for c in range(j - 1, max(-1, j - 40), -1) if toks[c].text in (",", "(")]
        for c in commas[:5]:
            nxt = toks[c + 1]
            np = parse_left(text, toks, c - 1) if c >= 1 else None
            if np is None or np.kind == "pron" or not _boundary_ok(toks, np.i):
                continue
            if nxt.low in _REL_OPENERS or nxt.kind == "n":
                return np
            # "China, Pyongyang's only ally, said": any short insert after a name
            if np.kind in ("person", "org") and not any(x.kind == "q" for x in toks[c:j]) and (
                    j - c <= 16 or np.kind == "person" and j - c <= 32 and nxt.low in ROLE_WORDS
                    and nxt.text.islower() and c + 2 < j and toks[c + 2].low in ("of", "at", "for")):
                return np  # "Burman, director of the … Center and a professor at …, said
        return None
    if toks[j].text in _DASH_TOKENS and j >= 2:  # "Kall -- co-editor of the book -- said"
        c = next((c for c in range(j - 1, max(-1, j - 25), -1) if toks[c].text in _DASH_TOKENS), None)
        if c is not None and c >= 1:
            np = parse_left(text, toks, _skip_paren(toks, c - 1))
            if np is not None and np.kind != "pron" and _boundary_ok(toks, np.i):
                return np
        return None
    j = _skip_paren(toks, j)  # "Sen. Lindsey Graham (R-S.C.) said"
    if j < 0:
        return None
    if toks[j].low in ("and", "but") and j >= 1:
        return None  # coordinated verb: the caller falls back on the main subject
    np = parse_left(text, toks, j)
    if np is None:
        return None
    np = _quantified(text, toks, np)
    if not _boundary_ok(toks, np.i):
        np = _pp_head(text, toks, np) or np
    if np.kind == "person" and np.i >= 2 and toks[np.i - 1].kind == "s":
        owner = parse_left(text, toks, np.i - 2)  # "Hillary Clinton's campaign manager Robby Mook"
        if owner is not None and owner.kind != "pron":
            np = NP(owner.i, np.j, text[toks[owner.i].start:toks[np.j - 1].end], "person", np.name,
                    text[toks[owner.i].start:toks[np.i - 1].end] + " " + np.role if np.role else np.role)
    if np.i >= 2 and toks[np.i - 1].low in ("and", "or") and (toks[np.i - 2].kind == "w"
                                                              or toks[np.i - 2].text == ")"):
        first = parse_left(text, toks, _skip_paren(toks, np.i - 2))  # "Hamas and Islamic Jihad said"
        if first is None and np.kind == "role" and np.i >= 4 and toks[np.i - 3].low == "of" \
                and toks[np.i - 2].text.islower():
            # "the former secretary of state and current nominee said": two roles of one person
            head = parse_left(text, toks, np.i - 4)
            if head is not None and head.kind == "role":
                first = head
        if first is None or first.kind == "pron" or np.kind == "pron":
            return None
        np = NP(first.i, np.j, text[toks[first.i].start:toks[np.j - 1].end], "group")
    if _boundary_ok(toks, np.i) or _opening_phrase(toks, np.i):
        return np
    return _split_chain(text, toks, np)


def _split_chain(text: str, toks: list[Tok], np: NP) -> NP | None:
    """"In a meeting with the editorial board of *the Washington Post Trump* said": a name chain
    that runs an organisation's name (it has an organisation word or is an acronym) into the
    speaker's, after an opening phrase; the speaker is the rest of the chain."""
    if np.kind == "pron" or np.j - np.i < 2:
        return None
    ci = cap_chain_left(toks, np.j - 1)  # "an interview with *CNN Smith*"
    for s in range(ci + 1, np.j):
        head = [t for t in toks[ci:s] if t.kind == "w"]
        if not is_name_word(toks[s]) or not head or not _opening_phrase(toks, s):
            continue
        acronym = len(head) == 1 and head[0].text.isupper() and len(head[0].text) > 1  # "CNN"
        if any(t.low in ORG_WORDS for t in head) or acronym:
            role, name = split_role([t.text for t in toks[s:np.j] if t.kind == "w"])
            if name:
                return NP(s, np.j, text[toks[s].start:toks[np.j - 1].end], "person", name, role)
    return None


_OPENING_PREPS = frozenset("in at during on after before following over".split())
_OPENING_ADVERBS = frozenset("""then later earlier meanwhile still now also yet so instead separately
previously today yesterday afterward afterwards again thus""".split())
_OPENING_STOP = frozenset("""is are was were be been being has have had do does did will would can could
should may might must that which who whom whose when where while if because as than""".split())
_ING_NOUNS = VENUE_NOUNS | frozenset("morning evening gathering building funding spending polling wedding".split())


def _opening_phrase(toks: list[Tok], i: int) -> bool:
    """``toks[:i]`` is a short introductory phrase with no comma after it: "*In a statement Tuesday*
    the mayor said", "*Then* someone asked", "*During the hearing on Monday* X argued"."""
    if i < 1 or i > 16:
        return False
    first = toks[0]
    if first.kind != "w":
        return False
    if i == 1:
        return first.low in _OPENING_ADVERBS
    if i == 2 and first.low in _TIME_LEAD and (toks[1].low in _TIME_NOUNS or toks[1].low in WEEKDAYS):
        return True  # "Last week X said"
    if first.low not in _OPENING_PREPS:
        return False
    last = toks[i - 1]
    if last.kind == "w" and last.text.islower() and (last.low in NOT_HEAD_PP or last.low in _OPEN_PREPS):
        return False  # "In a meeting with X said": X belongs to the phrase
    for t in toks[1:i]:
        if t.kind not in ("w", "n", "s") and t.text not in (".", "-", "'", "\u2019"):
            return False
        if t.kind == "w" and t.text.islower() and (t.low in _OPENING_STOP or t.low in SPEECH_VERBS
                                                   or t.low.endswith("ing") and t.low not in _ING_NOUNS):
            return False
    return True


# "-ing" cues that frame words of the sentence's subject even without a comma before them:
# "Trump unleashed a series of tweets saying that …"
_FRAMING_INGS = frozenset("saying arguing claiming insisting warning noting adding writing declaring stating".split())
_DASH_TOKENS = frozenset({"--", "\u2014", "\u2013", "\u2015"})
# "Many of his supporters", "Twelve percent of voters", "Some of them": a quantity of a group.
_QUANTIFIERS = frozenset("""many most some all several both none each few half one two three four five
majority minority percent dozens hundreds thousands millions plenty number""".split())


def _skip_paren(toks: list[Tok], j: int) -> int:
    """The index before a parenthetical ending at ``j`` ("(R-S.C.)"), else ``j``; -1 when unclosed."""
    if j < 0 or toks[j].text != ")":
        return j
    c = next((c for c in range(j - 1, max(-1, j - 12), -1) if toks[c].text == "("), None)
    return -1 if c is None or c < 1 else c - 1


def _quantified(text: str, toks: list[Tok], np: NP) -> NP:
    """Extend "his supporters" to "Many of his supporters", "voters" to "63 percent of voters"."""
    i = np.i
    if np.kind != "pron" and i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low in _QUANTIFIERS:
        k = i - 2
        while k >= 1 and (toks[k - 1].kind == "n" or toks[k - 1].low in _QUANTIFIERS
                          or toks[k - 1].low in ("a", "the", "about", "nearly", "almost", "over", "only")):
            k -= 1
        return NP(k, np.j, text[toks[k].start:toks[np.j - 1].end], "group", possessor=np.possessor)
    if i >= 1 and toks[i].kind == "n" and toks[i - 1].low in _APPROXIMATORS:  # "About 63 percent"
        return NP(i - 1, np.j, text[toks[i - 1].start:toks[np.j - 1].end], np.kind, possessor=np.possessor)
    return np


_COLLECTIVE = frozenset("police people media public staff clergy military personnel youth".split())
_APPROXIMATORS = frozenset("about nearly almost only just roughly some over under around fewer more".split())


_AFTER_INVERSION = frozenset("""on in at during after before to of who adding according while as when
for from last this late early earlier""".split())
_AUX = frozenset("""is are was were has have had will would can could should may might must did does do
be been also later then never not met went came made took gave sent left held spoke led ran won lost put
set kept brought knew saw got became began paid sat stood heard felt meant""".split())


def _ends_inversion(toks: list[Tok], j: int) -> bool:
    """After an inverted subject ("said Blinken") comes punctuation, a quote or an adjunct."""
    if j >= len(toks):
        return True
    t = toks[j]
    return t.kind in ("p", "q") or t.low in _AFTER_INVERSION or t.low in WEEKDAYS


def _verbish(t: Tok) -> bool:
    """A word that can be the verb after a subject (used to check a sentence's opening phrase)."""
    low = t.low
    return t.kind == "w" and t.text.islower() and (low in _AUX or low in SPEECH_VERBS or low.endswith(("ed", "es"))
                                                  or low.endswith("s") and not low.endswith(("ss", "us", "is"))
                                                  or low in _SKIP_LEFT)


def main_subject(text: str, toks: list[Tok]) -> NP | None:
    """The subject opening the sentence's main clause (after an introductory phrase)."""
    start = 0
    if toks and toks[0].kind == "w" and toks[0].low in ("in", "on", "at", "during", "after", "before",
                                                         "meanwhile", "later", "earlier", "following"):
        start = next((c + 1 for c, t in enumerate(toks) if t.text == ","), len(toks))
    np = parse_right(text, toks, start)
    if np is None or np.kind == "pron" and np.text.lower() in ("it", "i", "we"):
        return None
    k = np.j
    if k + 1 < len(toks) and toks[k].low == "and" and np.kind != "pron":  # "The Times and the union filed …"
        second = parse_right(text, toks, k + 1)
        if second is None:  # "… and the union filed": the phrase that ends before the verb
            v = next((c for c in range(k + 2, min(len(toks), k + 7)) if _verbish(toks[c])), None)
            second = parse_left(text, toks, _skip_left(toks, v - 1)) if v is not None else None
            if second is not None and second.i != k + 1:
                second = None
        if second is not None and second.kind != "pron":
            np = NP(np.i, second.j, text[toks[np.i].start:toks[second.j - 1].end], "group")
            k = np.j
    if k < len(toks) and toks[k].text == ",":  # "Blinken, the top diplomat, declined"
        k = next((c + 1 for c in range(k + 1, min(len(toks), k + 25)) if toks[c].text == ","), k)
    return np if k < len(toks) and _verbish(toks[k]) else None


# Nouns that report what someone said or holds, with the words in a "that" clause after them:
# "Trump's claim that …", "a New York Times report that …", "Mr. Obama's bet is that …".
CLAIM_NOUNS = frozenset("""claim claims assertion assertions contention argument belief view position report
finding findings conclusion warning warnings promise pledge suggestion insistence accusation accusations
allegation allegations admission acknowledgment acknowledgement announcement statement bet hope fear fears
concern concerns complaint prediction estimate assessment theory proposal plea demand emphasis
interjection remark comment comments remarks message arguments charge charges""".split())
_CLAIM_NOUN_MODS = frozenset("""earlier latest recent repeated own new initial previous public private
frequent oft-repeated widely-reported false baseless central main""".split())
_RELATIVE_NEXT = frozenset("""is are was were has have had will would can could should may might must
be been being did does do""".split())


def _claim_noun(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """A claim noun with its holder before it and a "that" clause after it: "*Trump's* claim
    that …", "*a New York Times* report that …", "*Mr. Obama's* bet is that …"."""
    n = len(toks)
    c = k + 1
    if c + 1 < n and toks[c].low in ("is", "was") and toks[c + 1].low == "that":
        c += 1  # "X's bet is that"
    if c + 1 >= n or toks[c].low != "that":
        return None
    nxt = toks[c + 1]
    if nxt.kind != "w" and nxt.kind != "q" or nxt.text.islower() and (nxt.low in _RELATIVE_NEXT
                                                                      or nxt.low.endswith("ed")):
        return None  # "the report that was released": a relative clause
    j = k - 1
    while j >= 1 and toks[j].kind == "w" and toks[j].text.islower() and toks[j].low in _CLAIM_NOUN_MODS:
        j -= 1
    if toks[j].kind == "s" and j >= 1:
        np = parse_left(text, toks, j - 1, 2)  # "Trump's claim", "the Tulsa police's earlier claim"
    elif is_name_word(toks[j]) or toks[j].text.isupper() and len(toks[j].text) > 1:
        np = parse_left(text, toks, j, 2)  # "a New York Times report"
        if np is not None and np.kind not in ("org", "person"):
            np = None
    else:
        np = None
    if np is None or np.kind == "pron" or not _agentive(toks, np):
        return None
    return Attribution(np, k, False, False, "noun", True)


# Forms that are nouns more often than not, but verbs of intent before "to" and a verb:
# "The campaign *plans to* employ …" (not "the plans to build …", which has a determiner).
_VERB_BEFORE_TO = frozenset("plans hopes fears".split())


def _before_infinitive(toks: list[Tok], k: int) -> bool:
    if k < 1 or k + 2 >= len(toks) or toks[k + 1].low != "to" or toks[k - 1].low in DETERMINERS \
            or toks[k - 1].kind == "s":
        return False
    v = toks[k + 2]
    return v.kind == "w" and v.text.islower() and not v.low.endswith(("ing", "ed", "s", "ly")) \
        and v.low not in NOT_HEAD


_VIEW_NOUNS = frozenset("""view views opinion words estimation judgment judgement assessment telling
account""".split())


def _in_view(text: str, toks: list[Tok], k: int) -> NP | None:
    """The holder in "in *X's* view/opinion/words" or "in the view/words of *X*" at ``k`` ("in"),
    followed by a comma or the end of the sentence."""
    n = len(toks)
    if toks[k + 1].low == "the" and toks[k + 2].low in _VIEW_NOUNS and k + 4 < n and toks[k + 3].low == "of":
        np = parse_right(text, toks, k + 4) or _phrase(text, toks, k + 4)  # the phrase names a holder
        if np is not None and np.kind == "group" and np.j - np.i > 6:
            return None
    else:
        c = next((c for c in range(k + 2, min(n, k + 8)) if toks[c].kind == "s"), None)
        if c is None or c + 1 >= n or toks[c + 1].low not in _VIEW_NOUNS:
            return None
        np = parse_left(text, toks, c - 1, 2)
        if np is None or np.i != k + 1:
            return None
        np = NP(np.i, c + 2, np.text, np.kind, np.name, np.role, np.possessor)
        if np.kind == "pron" or not _agentive(toks, np):
            return None
    if np is None or np.kind == "pron":
        return None
    if np.j < n and toks[np.j].text not in (",", ".", ";"):
        return None
    return np


def _is_cue(toks: list[Tok], k: int) -> bool:
    t = toks[k]
    if t.kind != "w" or not (t.text.islower() or k == 0):
        return False
    low = t.low
    if low in PHRASAL_VERBS and k + 1 < len(toks) and toks[k + 1].low in PHRASAL_VERBS[low]:
        return True
    if low in LIGHT_FRAMES:
        return light_frame(toks, k) > 0
    if low in _VERB_BEFORE_TO:
        return _before_infinitive(toks, k)
    if low in _QUOTE_ONLY:
        return any(x.kind == "q" for x in toks[k + 1:k + 12]) or k + 1 < len(toks) and toks[k + 1].text == ":" \
            or low in STANCE_VERBS
    if low in _STATEMENT_VERBS:
        if low == "put" and k + 1 < len(toks) and toks[k + 1].low == "it" and k >= 2 \
                and any(x.low == "as" for x in toks[max(0, k - 8):k - 1]):
            return True  # "As X put it, …"
        return any(x.low in _STATEMENT_NOUNS for x in toks[k + 1:k + 4])
    return low in SPEECH_VERBS or low in STANCE_VERBS


def _with_frame(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """"…, with *analysts* saying that …", "…, with *one poll* showing her ahead": the subject of an
    absolute phrase opened by "with" (a dash-bounded insert after it is skipped)."""
    j = k - 1
    if toks[j].text in _DASH_TOKENS:
        c = next((c for c in range(j - 1, max(0, j - 25), -1) if toks[c].text in _DASH_TOKENS), None)
        if c is None:
            return None
        j = c - 1
    j = _skip_left(toks, j)
    np = parse_left(text, toks, j) if j >= 1 else None
    if np is None or np.kind == "pron" or np.i < 2 or toks[np.i - 1].low != "with" or not _agentive(toks, np):
        return None
    if toks[np.i - 2].text != "," and toks[np.i - 2].text not in _DASH_TOKENS:
        return None  # "a candidate with supporters claiming …" modifies a noun
    return Attribution(np, k, False, False, "with", toks[k].low not in SPEECH_VERBS)


def find_attributions(text: str, toks: list[Tok]) -> list[Attribution]:
    """Every speaker phrase attached to a speech cue in the sentence, in token order."""
    out: list[Attribution] = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.low == "according" and k + 1 < n and toks[k + 1].low == "to":
            np = parse_right(text, toks, k + 2) or _phrase(text, toks, k + 2)
            if np is not None:
                out.append(Attribution(np, k, True, k + 2 + (np.j - np.i) >= n - 2 or k == 0, "according"))
            continue
        if t.low == "in" and k + 3 < n and (k == 0 or toks[k - 1].text == ","):
            np = _in_view(text, toks, k)  # "In Smith's view, …", "in the words of one engineer"
            if np is not None:
                out.append(Attribution(np, k, True, k == 0 or np.j >= n - 2, "according"))
                continue
        if t.low in CLAIM_NOUNS and t.text.islower() and k >= 2:
            a = _claim_noun(text, toks, k)  # "Trump's claim that …"
            if a is not None:
                out.append(a)
                continue
        if t.low in _STANCE_ADJ and k >= 2 and t.text.islower():
            a = _stance_adjective(text, toks, k)  # "Protesters were frustrated that …"
            if a is not None:
                out.append(a)
                continue
        if not _is_cue(toks, k):
            continue
        if t.text[0].isupper() and k == 0 and t.low not in ("said", "says"):
            continue  # "Asked about ..." / "Warning ..." at the sentence start
        if t.low.endswith("ing") and k >= 3:
            a = _with_frame(text, toks, k)  # "…, with analysts saying that …"
            if a is not None:
                out.append(a)
                continue
        if k >= 3 and toks[k - 1].low == "to" and t.text.islower() and not t.low.endswith(("ing", "ed")) \
                and toks[k - 2].low not in _CATENATIVE:
            np = main_subject(text, toks[:k - 1])  # "Trump took to Twitter to accuse …"
            if np is not None and np.kind != "pron" or np is not None and np.text.lower() in ("he", "she", "they"):
                if _agentive(toks, np) and not any(x.kind == "q" or x.text in (";", ":") for x in toks[np.j:k]):
                    out.append(Attribution(np, k, False, False, "ing", True))
            continue
        if (t.low in STANCE_VERBS or t.low in _VERB_BEFORE_TO) \
                and not (t.low in _QUOTE_ONLY and any(x.kind == "q" for x in toks[k + 1:k + 12])):
            a = _stance(text, toks, k)
            if a is not None:
                out.append(a)
            continue
        if t.low.endswith("ing") and k >= 1 and (toks[k - 1].text == "," or t.low in _FRAMING_INGS and k + 1 < n
                                                  and (toks[k + 1].low == "that" or toks[k + 1].text == ":"
                                                       or toks[k + 1].kind == "q")):
            np = main_subject(text, toks[:k])  # "Trump spoke in Ohio, saying that ..."
            if np is not None:
                out.append(Attribution(np, k, False, False, "ing"))
            continue
        if _passive(toks, k):
            a = _by_agent(text, toks, k)  # "The plan is supported by a coalition of leaders"
            if a is not None:
                out.append(a)
            continue  # "the diagnosis was confirmed", "he was told"
        np = _left_subject(text, toks, k)
        how = "verb"
        strong = np is not None and (np.i == 0 or toks[np.i - 1].kind in ("p", "q"))
        if np is None:
            j = _skip_left(toks, k - 1)
            if j < 0 or toks[j].kind in ("p", "q"):
                np = parse_right(text, toks, k + 1)  # inverted: '"…," said Blinken'
                if np is not None and (np.kind == "pron" and np.text.lower() not in ("he", "she", "they")
                                       or not _ends_inversion(toks, np.j)):
                    np = None
                strong = np is not None
            elif toks[j].low in ("and", "but"):
                np = main_subject(text, toks[:k])
                strong, how = False, "coord"
            else:
                np = _opening_subject(text, toks, k)  # "Experts on North Korea said …"
                strong = np is not None
        if np is None:
            continue
        tail = toks[max(k, np.j):]
        final = all(x.kind != "q" for x in tail) and len(tail) <= 8 and (np.i > 0 or k > 0)
        out.append(Attribution(np, k, strong, final, how))
    if not out:
        head = _headline(text, toks)
        if head is not None:
            out.append(head)
    label = _label(text, toks)
    if label is not None:
        out.append(label)
    dash = _dash(text, toks)
    if dash is not None:
        out.append(dash)
    return out


_PP_HEADS = frozenset("""study studies report reports poll polls survey surveys data analysis review audit
research findings estimate estimates investigation ad ads video videos article book memo letter editorial
column paper group groups committee coalition panel board team campaign office averages figures numbers
statistics records tallies""".split())


def _pp_head(text: str, toks: list[Tok], np: NP) -> NP | None:
    """"A 2014 study by *Justin Levitt*", "Data from *the Survey*", "The Committee for *a
    Responsible Federal Budget*": the phrase whose prepositional tail ``np`` is, when that phrase
    is a document, a study or a body and opens the clause. A named person stays the speaker."""
    c = np.i - 1
    if c >= 2 and toks[c].low in ("a", "an", "the"):
        c -= 1
    if c < 1 or toks[c].low not in ("of", "for", "by", "from", "at") or not toks[c].text.islower():
        return None
    h = c - 1
    head = toks[h]
    if head.kind != "w" or not (head.low in _PP_HEADS or head.low in ORG_WORDS and is_name_word(head)):
        return None
    i = h
    while i >= 1 and h - i < 4 and toks[i - 1].kind in ("w", "n") and toks[i - 1].low not in NOT_HEAD_PP:
        i -= 1
    if i >= 1 and toks[i - 1].low in ("a", "an", "the", "this", "that", "these", "those", "new", "its", "their"):
        i -= 1
    if not _boundary_ok(toks, i):
        return None
    if np.kind == "person" and np.name:
        return NP(i, np.j, np.text, "person", np.name, np.role)
    return NP(i, np.j, text[toks[i].start:toks[np.j - 1].end], "org")


NOT_HEAD_PP = frozenset("""a an the this that these those and or but of in on at to for from with by as
is are was were has have had said says""".split())
_PEOPLE_NOUNS = frozenset("""woman women man men person people family wife husband mother father son
daughter child children student voter citizen friend neighbor neighbour colleague everyone nobody one
public crowd audience""".split())
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ans", "ents", "ians", "ics", "ives", "ees")


def _agentive(toks: list[Tok], np: NP) -> bool:
    """A phrase that can hold a view: a name, a pronoun, an organisation, a role, or a group
    headed by a source noun or a noun for people ("protesters", "Republicans")."""
    if np.kind in ("person", "org", "role") or np.possessor:
        return True
    if np.kind == "pron":
        return np.text.lower() in ("he", "she", "they", "we")
    if any(t.low == "and" for t in toks[np.i:np.j]):
        return True
    heads = [toks[np.j - 1]] + [toks[c - 1] for c in range(np.i + 1, np.j)
                                if toks[c].low in ("of", "for", "by", "from") and toks[c].text.islower()][:1]
    for head in heads:  # the last word, or the word before "of/from/by": "documents *from* the audit"
        low = head.low
        if low in SOURCE_NOUNS or low in ORG_WORDS or low in _PEOPLE_NOUNS or low in _PP_HEADS \
                or low.endswith(_PEOPLE_ENDINGS) or head.text[0].isupper() or _plural_of_org(low):
            return True
    return False


def _plural_of_org(low: str) -> bool:
    """"unions", "agencies", "companies": the plural of an organisation word."""
    return low.endswith("ies") and low[:-3] + "y" in ORG_WORDS or low.endswith("s") and low[:-1] in ORG_WORDS


_ADVERBS = frozenset("""not n't never also still now again once even just already reportedly repeatedly long
publicly privately recently often simply further""".split())


def _skip_adverbs(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``j`` (inclusive) that is not an adverb."""
    while j >= 0 and toks[j].kind == "w" and (toks[j].low in _ADVERBS or _adverb(toks[j])):
        j -= 1
    return j


_OPEN_NOT_FIRST = frozenset("""then now still also yet in on at during after before when while if as because
although though since for last next yesterday today earlier later meanwhile
with without by from to despite amid under over into through about like unlike whether than so but and or
it there this that what how why where who""".split())
_OPEN_STOP = frozenset("""that which who whom whose when where because if while although though whether
is are was were be been being has have had do does did will would can could should may might must not""".split())
_OPEN_PREPS = frozenset("of on in to at from for with and around across close near".split())
_OPEN_QUANT = frozenset("""those many some most all both none each few several one two three four five six seven
eight nine ten half majority""".split())


def _opening_subject(text: str, toks: list[Tok], k: int) -> NP | None:
    """The phrase opening the sentence (or its main clause, after a short introductory phrase and
    a comma) when it runs, without a verb, a comma or a quotation, up to the cue: "Experts on North
    Korea said", "Those close to him say", "Nearly eight of 10 voters say", "Yet, a 2014 study by
    Harvard found". Its head (the word before its first preposition, or its last word) must name
    people, a source or a quantity of them."""
    np = _opening_from(text, toks, k, 0)
    if np is None:
        c = next((c for c in range(1, min(k, 9)) if toks[c].text == ","), None)
        if c is not None and not any(t.kind == "q" or t.kind == "w" and t.text.islower() and t.low in _OPEN_STOP
                                     for t in toks[:c]):
            np = _opening_from(text, toks, k, c + 1)
    return np


def _opening_from(text: str, toks: list[Tok], k: int, s: int) -> NP | None:
    j = _skip_left(toks, k - 1)
    if j < s + 1 or j > s + 30 or toks[s].kind != "w" or toks[s].low in _OPEN_NOT_FIRST:
        return None
    m = _modifier_start(toks, j, s)  # "A study *that appeared in the journal* found"
    if m is not None:
        j = m - 1
    if j < s or j > s + 14:
        return None
    head = None
    for c in range(s, j + 1):
        t = toks[c]
        if t.kind == "q" or t.kind == "p" and not (t.text == "." and c and toks[c - 1].low in TITLES) \
                and t.text not in ("-", "'", "\u2019", "/"):
            return None
        if t.kind == "w" and t.text.islower() and (t.low in _OPEN_STOP or t.low in SPEECH_VERBS
                                                   or t.low in STANCE_VERBS or _adverb(t) or t.low in _ADVERBS
                                                   or t.low in _CATENATIVE or t.low.endswith(("n't", "ed"))
                                                   or t.low in ("then", "later", "earlier", "to") and c == j):
            return None
        if head is None and c > s and t.kind == "w" and t.text.islower() and t.low in _OPEN_PREPS:
            head = toks[c - 1]
    if not _people_word(head or toks[j]) and not (head is not None and _people_word(toks[j])):
        return None  # "A chorus of prominent Republicans": the last word will do
    return NP(s, j + 1, text[toks[s].start:toks[j].end], "group")


def _people_word(head: Tok) -> bool:
    low = head.low
    if low.endswith("ies"):
        low = low[:-3] + "y"  # "companies"
    elif low.endswith("s") and not low.endswith("ss"):
        low = low[:-1] if low[:-1] in SOURCE_NOUNS or low[:-1] in _PP_HEADS else low
    return low in SOURCE_NOUNS or low in _PEOPLE_NOUNS or low in _PP_HEADS or low in _OPEN_QUANT \
        or low.endswith(_PEOPLE_ENDINGS) or head.kind == "n" or is_name_word(head) or head.text.isupper()


_PARTICIPLE_NEXT = frozenset("""by in last on at from over during this earlier for yesterday
today""".split()) | WEEKDAYS
_RELATIVIZERS = frozenset({"that", "which", "who", "whose", "whom"})


def _modifier_start(toks: list[Tok], j: int, s: int = 0) -> int | None:
    """Start of a relative clause or participle phrase that ends the subject ``toks[:j + 1]``
    ("… report *released last year*", "… study *that appeared in …*", "… poll*, which tracks …,*")."""
    if toks[j].text == ",":  # ", which tracks …," : a comma-bounded insert
        c = next((c for c in range(j - 1, s, -1) if toks[c].text == ","), None)
        if c is None or c + 1 >= j or toks[c + 1].low not in _RELATIVIZERS:
            return None
        return c
    for c in range(s + 1, j + 1):
        t = toks[c]
        if t.kind == "q" or t.text in (";", ":", ","):
            return None
        participle = (t.low.endswith("ed") or t.low in ("taken", "written", "run")) and c + 1 < len(toks) \
            and toks[c + 1].low in _PARTICIPLE_NEXT and toks[c - 1].text.islower() \
            or t.low == "being" and c + 1 < j and toks[c + 1].low.endswith("ed")  # "a study being released"
        if t.kind == "w" and t.text.islower() and (t.low in _RELATIVIZERS or participle):
            if t.low in _RELATIVIZERS and c == j:
                return None  # "A study that found …": the cue is the relative clause's own verb
            if any(x.low in SPEECH_VERBS or x.low in STANCE_VERBS for x in toks[c + 1:j + 1]
                   if x.kind == "w" and x.text.islower()):
                return None  # "A study found that research did not support …"
            return c
    return None


_STANCE_ADJ = frozenset("""concerned worried convinced frustrated confident sure certain aware skeptical
sceptical hopeful optimistic pessimistic afraid unhappy angry upset pleased disappointed determined adamant
eager willing reluctant furious outraged alarmed troubled dismayed unconvinced doubtful insistent
opposed committed""".split())
_BE_LIKE = _BE | frozenset("remain remains remained seem seems seemed appear appears appeared grew become "
                           "became".split())


def _stance_adjective(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """"X is concerned that …", "Republicans were willing to …": the subject of the copula."""
    j = _skip_adverbs(toks, k - 1)
    if j < 1 or toks[j].low not in _BE_LIKE or k + 1 >= len(toks):
        return None
    nxt = toks[k + 1]
    if not (nxt.low in ("that", "about", "over", "with", "of", "to") or nxt.text == ":"):
        return None
    np = _left_subject(text, toks, j)
    if np is None or not _agentive(toks, np):
        return None
    strong = np.i == 0 or toks[np.i - 1].kind in ("p", "q")
    return Attribution(np, k, strong, False, "verb", True)


def _by_agent(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """A passive cue with its agent: "… is supported by *a coalition of leaders*" (the whole
    sentence is the agent's view)."""
    b = k + 1
    while b < len(toks) and _adverb(toks[b]):
        b += 1
    if b + 1 >= len(toks) or toks[b].low != "by":
        return None
    np = parse_right(text, toks, b + 1)
    if np is None:  # "by an unusual coalition of leaders"
        i = e = b + 1
        while e < len(toks) and e - i < 8 and toks[e].kind in ("w", "n", "s") and not (
                toks[e].text.islower() and (toks[e].low in _OPEN_STOP or toks[e].low in NOT_HEAD_PP
                                            and toks[e].low not in ("of", "a", "an", "the", "and"))):
            e += 1
        while e > i and toks[e - 1].low in ("of", "and", "a", "an", "the"):
            e -= 1
        if e == i:
            return None
        np = NP(i, e, text[toks[i].start:toks[e - 1].end], "group")
    if np.kind == "pron" or not _agentive(toks, np):
        return None
    return Attribution(np, k, False, False, "passive", True)


def _passive(toks: list[Tok], k: int) -> bool:
    """A past participle after a form of "be": "was criticized", "has been told"."""
    if toks[k].low.endswith("ing"):
        return False
    j = _skip_adverbs(toks, k - 1)
    return j >= 0 and toks[j].kind == "w" and toks[j].low in _BE


def _stance(text: str, toks: list[Tok], k: int) -> Attribution | None:
    """A stance verb with a subject to its left: "Clinton did not want to …", "Protesters are
    demanding …", "X, who …, opposed …". Passives ("was criticized") and bare participles
    ("supporters opposing the bill") are not cues."""
    t = toks[k]
    j = _skip_adverbs(toks, k - 1)
    before = toks[j] if j >= 0 else None
    if before is not None and before.kind == "w" and before.low in _BE:
        if not t.low.endswith("ing"):
            return _by_agent(text, toks, k)  # passive: "was criticized by …"
    elif t.low.endswith("ing") and t.low not in _STANCE_BASES:
        if before is None or before.text != "," or k < 2:
            return None
        np = main_subject(text, toks[:k])  # "…, accusing Clinton of …"
        if np is None or not _agentive(toks, np):
            return None
        return Attribution(np, k, False, False, "ing", True)
    np = _left_subject(text, toks, k)
    how = "verb"
    if np is None:
        j = _skip_left(toks, k - 1)
        if j >= 1 and toks[j].low in ("and", "but"):
            np, how = main_subject(text, toks[:k]), "coord"
        else:
            np = _opening_subject(text, toks, k)
    if np is None or not _agentive(toks, np):
        return None
    if t.low in _STANCE_BASES and not any(x.low in _DO_MODAL for x in toks[np.j:k]):
        # a bare base form needs a plural subject: "Democrats want …", not "Republican support …"
        head = next((toks[c - 1] for c in range(np.i + 1, np.j) if toks[c].low in ("of", "for", "by", "from")),
                    toks[np.j - 1])  # "Data from the Survey show"
        plural = np.text.lower() in ("they", "we") if np.kind == "pron" else \
            (np.kind in ("group", "org") or head is not toks[np.j - 1]) and (
                head.low.endswith("s") or head.low == "data" or any(t.low == "and" for t in toks[np.i:np.j])
                or head.low in _QUANTIFIERS and toks[np.j - 1].low.endswith("s")  # "A majority of voters"
                or head.low in _COLLECTIVE)  # "Police fear"
        if not plural:
            return None
    strong = np.i == 0 or toks[np.i - 1].kind in ("p", "q")
    return Attribution(np, k, strong and how == "verb", False, how, True)


def _phrase(text: str, toks: list[Tok], i: int) -> NP | None:
    """The words after "according to" up to the next punctuation, as a group speaker."""
    j = i
    while j < len(toks) and toks[j].kind in ("w", "n", "s") and j - i < 15:
        j += 1
    if j == i:
        return None
    return NP(i, j, text[toks[i].start:toks[j - 1].end], "group")


def _headline(text: str, toks: list[Tok]) -> Attribution | None:
    """A title-case headline: "New Poll Shows Bump For Clinton", "Plan Will Fail, Senator Warns"."""
    words = [t for t in toks if t.kind == "w" and len(t.text) > 3]
    if len(words) < 3 or sum(1 for t in words if t.text[0].isupper()) < 0.8 * len(words):
        return None
    n = len(toks)
    for k in range(1, n):
        t = toks[k]
        if t.kind != "w" or not t.text[0].isupper() or not t.low.endswith("s") \
                or not (t.low in SPEECH_VERBS or t.low in STANCE_VERBS):
            continue
        rest = [x for x in toks[k + 1:] if x.kind != "p"]
        if not rest and k >= 3 and any(x.text == "," for x in toks[:k]):  # "…, Senator Warns."
            c = max(c for c in range(k) if toks[c].text == ",")
            if 1 <= k - c - 1 <= 6:
                return Attribution(NP(c + 1, k, text[toks[c + 1].start:toks[k - 1].end], "group"), k, True, True)
        elif rest and k <= 6 and all(x.kind in ("w", "s", "n") or x.text in (".", "-", "'", "\u2019")
                                     for x in toks[:k]):  # "New Poll Shows …"
            np = parse_left(text, toks, k - 1)
            if np is None or np.i != 0:
                np = NP(0, k, text[toks[0].start:toks[k - 1].end], "group")
            return Attribution(np, k, True, False)
    return None


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
    for k in range(1, len(toks) - 1):
        if toks[k].text in ("\u2015", "\u2014", "\u2013", "-") and toks[k - 1].kind == "q":
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
    # a speech cue beats a stance verb, unless it only coordinates with it ("outlined A and vowed B")
    if any(not a.stance and a.how != "coord" and (a.strong or a.final) for a in attrs):
        attrs = [a for a in attrs if not a.stance]
    elif any(a.stance for a in attrs):
        attrs = [a for a in attrs if a.how != "coord"] or attrs
    for a in attrs:
        if a.how == "label":  # "PENCE: Hillary Clinton thinks …" : all of it is Pence's
            return a
    for a in attrs:
        if a.final and a.strong:
            return a
    for a in attrs:
        if a.strong:
            return a
    return attrs[0]
