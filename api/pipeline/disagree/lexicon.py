"""Word lists and word-level normalisation shared by the disagreement detectors.

Form is never a disagreement. The forms folded here, once for every detector (the tokenizer in
``align`` applies them): diacritics (``fold_diacritics``), British/American spelling
(``canon``), compounds written open, hyphenated or closed (the tokenizer joins hyphenated
words, ``same_form`` compares open and closed ones), "&" for "and" (``SYMBOL_WORDS``); quote
marks, dashes and case are made plain by ``text.plain`` and lower-casing.

``canon`` folds British/American spelling variants with a few general suffix rules (-our/-or,
-ise/-ize, -yse/-yze, -tre/-ter, -ogue/-og, -lled/-led) plus a short table of one-off words;
the rules are applied to both mentions, so a rule that also rewrites an unrelated word is
harmless unless it makes two different words collide. ``key`` is the comparison key used for
token alignment: canonical spelling, irregular verb forms lemmatised, then stemmed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..speaker_identity import ROLE_WORDS
# (HEDGE_WORDS: qualifiers that weaken or bound a statement, valid anywhere; SOFT_HEDGES among
# them count only when the other side has a hedge: the pipeline's one hedge list, in ``text``)
from ..text import HEDGES as HEDGE_WORDS, SOFT_HEDGES, stem  # noqa: F401

# Symbols read as the word they stand for.
SYMBOL_WORDS = {"%": "percent", "$": "dollar", "\u00a3": "pound", "\u20ac": "euro", "&": "and"}

_SPELLING = {
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "licence": "license", "pretence": "pretense", "programme": "program", "programmes": "programs",
    "judgement": "judgment", "judgements": "judgments", "grey": "gray", "tyre": "tire", "tyres": "tires",
    "cheque": "check", "cheques": "checks", "sceptical": "skeptical", "sceptic": "skeptic",
    "aluminium": "aluminum", "jewellery": "jewelry", "plough": "plow", "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers", "paediatric": "pediatric", "fulfil": "fulfill", "enrol": "enroll",
    "whilst": "while", "amongst": "among", "towards": "toward", "afterwards": "afterward",
    "learnt": "learned", "spelt": "spelled", "burnt": "burned", "ageing": "aging", "mould": "mold",
    "storey": "story", "storeys": "stories", "cosy": "cozy", "kerb": "curb", "draught": "draft",
}
_OUR_RE = re.compile(r"^([a-z]{2,})our(s|ed|ing|ite|ites|able|ably|er|ers|ful|less|hood|hoods|ism)?$")
_OUR_EXCEPT = frozenset({"flour", "flours", "floured", "scour", "scours", "scoured", "scouring"})
_ISE_RE = re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_YSE_RE = re.compile(r"^([a-z]{2,})ys(e|es|ed|ing|er|ers)$")
_TRE_RE = re.compile(r"^([a-z]{2,}[^aeiou])(t|b)re(s)?$")
_OGUE_RE = re.compile(r"^([a-z]{3,})ogue(s)?$")
_LLED_RE = re.compile(r"^([a-z]*[aeiou][^aeiou]+[aeio])ll(ed|ing|er|ers)$")

_IRREGULAR = {
    "said": "say", "told": "tell", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "won": "win", "lost": "lose",
    "met": "meet", "took": "take", "taken": "take", "gave": "give", "given": "give", "went": "go",
    "gone": "go", "came": "come", "held": "hold", "began": "begin", "begun": "begin", "grew": "grow",
    "grown": "grow", "shrank": "shrink", "shrunk": "shrink", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "brought": "bring", "thought": "think", "found": "find",
    "kept": "keep", "sent": "send", "spent": "spend", "built": "build", "led": "lead", "paid": "pay",
    "made": "make", "struck": "strike", "fought": "fight", "sought": "seek", "flew": "fly",
    "flown": "fly", "sold": "sell", "bought": "buy", "drove": "drive", "driven": "drive",
    "fled": "flee", "chose": "choose", "chosen": "choose", "threw": "throw", "thrown": "throw",
}

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
              "jul": "july", "aug": "august", "sep": "september", "sept": "september",
              "oct": "october", "nov": "november", "dec": "december"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBR = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
                "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday",
                "sat": "saturday", "sun": "sunday"}

# Hedge words that are adjectives after a determiner or a number ("the likely nominee", "578
# likely voters"), not qualifiers.
ADJECTIVE_HEDGES = frozenset({"likely", "possible", "probable", "alleged", "apparent", "potential"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "their",
                         "its", "our", "most", "more", "many", "some", "any", "all"})
# Modal hedges that are the reported-speech form of a plain modal ("will" -> "would"): a hedge
# on one side facing its partner on the other is tense agreement, not a dropped qualifier.
MODAL_PARTNERS = {"would": "will", "could": "can", "might": "may"}
NUMBER_HEDGE_CLASSES = frozenset({"approx", "near", "over", "under", "upto"})
# Units of measure: numbers followed by two different units count different things.
MEASURE_UNITS = frozenset("""mile miles kilometre kilometres kilometer kilometers km
metre metres meter meters m feet foot ft inch inches yard yards pound pounds lb lbs kilogram kilograms
kg gram grams ton tons tonne tonnes ounce ounces acre acres hectare hectares litre litres liter
liters gallon gallons barrel barrels dollar dollars euro euros cent cents pence yen yuan rupees
second seconds minute minutes hour hours day days week weeks month months year years decade
decades century centuries point points""".split())

# Phrases that qualify a following number, by class; members of a class are interchangeable
# ("more than 40,000" = "over 40,000", "about" = "approximately").
NUMBER_HEDGES = {
    "approx": ("about", "approximately", "roughly", "around", "some", "circa", "an estimated",
               "estimated", "or so"),
    "near": ("nearly", "almost", "close to", "just under", "just shy of", "nearly all"),
    "over": ("more than", "over", "at least", "upwards of", "in excess of", "greater than",
             "no fewer than", "no less than", "well over", "just over", "north of"),
    "under": ("less than", "fewer than", "under", "below", "no more than"),
    "upto": ("up to", "as many as", "at most", "as much as"),
}
NUMBER_HEDGE_PHRASES = sorted(
    ((tuple(p.split()), cls) for cls, ps in NUMBER_HEDGES.items() for p in ps),
    key=lambda x: -len(x[0]))

# Words of a move of a running quantity ("rose 11.14 to 931.41", "shed 18/32", "up 2 percent").
MOVE_WORDS = frozenset(
    "rose rise rises risen fell fall falls fallen gained gain gains lost lose loses slipped slip "
    "slips shed sheds jumped jump jumps climbed climb climbs dropped drop drops declined decline "
    "declines added advanced advances edged eased eases grew grow grows leapt leaped tumbled "
    "sank slid surged soared up down higher lower".split())
# Before "from 12 to 15" these make it a change, not a range ("rose from 12 to 15 percent").
CHANGE_WORDS = MOVE_WORDS | frozenset("""increased decreased raised cut reduced lowered boosted
went moved changed grown doubled tripled""".split())

# What places a figure at one moment of a running quantity (``qualifiers.moment_markers``,
# regular-expression alternatives over the lower-case text): the close, a point within the
# day, an extreme, a time of day, a period. Two texts with different markers report two
# moments ("up 19 cents at one point" / "jumped 20 cents at the close"). Written narrowly: a
# word that also tells of an event ("closed the road", "opened fire", "Sunday morning", "the
# highest toll") is no marker, or a death toll would lose its dispute.
MOMENT_MARKERS = (
    r"(?:closed|finished|settled|ended) (?:up|down|higher|lower|at|flat|unchanged|off|\$?\d)",
    r"closing (?:price|level|bell|trade|trading|quote)", "at the close", "to close",  # the close
    "at one point", "intraday", "as much as", "as high as", "as low as",          # within the day
    "its high", "its low", "a high of", "a low of", "session high", "session low",
    "highs", "lows", "peaked",                                                    # an extreme
    "earlier", "later", r"(?:by|at) (?:noon|midday)",
    r"(?:morning|afternoon|midday|evening|overnight) (?:trade|trading|deals|dealings|session)",
    r"(?:early|late) (?:morning|afternoon|evening|night|trade|trading|deals|dealings|session|on|"
    r"in|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    r"at the open(?:ing)?", r"opened (?:at|up|down|higher|lower|flat)",           # time of day
    r"(?:is|are|was|were) trading (?:at|flat|nearly|up|down|higher|lower)",  # a quote taken during the session
    "year to date", "this week", "this month", "this year", "on track", "on pace",
    r"(?:for|on) the (?:day|week|month|quarter|year)",                            # a period
    r"(?:first|second|third|fourth)[- ](?:quarter|half)",
)
# The head words of a market index's name; the word before names it ("Poor's 500 Index",
# "retail index", "industrial average": ``scopes.index_names``).
INDEX_HEADS = frozenset({"index", "indexes", "indices", "average"})
# Markers read with the word after them: "as of monday" and "as of wednesday" differ.
ANCHORED_MOMENTS = ("as of", "since")
# What a figure leaves out ("excluding one-time items"): two texts that exclude different
# things, or only one of them, report two measures (``qualifiers.measure_qualifiers``).
MEASURE_QUALIFIERS = ("excluding", "except for", "not including", "not counting",
                      r"(?:before|after) (?:one-time|special|charges|items|taxes|tax)")
# A figure counting a set beside another or an increment, not a total (``qualifiers.relative``):
# "the other two unions", "another three", "five more cases", "three of them", "3 cents lower than".
SET_WORDS_BEFORE = frozenset({"other", "another", "additional", "further", "remaining", "extra"})
SET_WORDS_AFTER = frozenset({"more", "other", "additional", "further", "extra", "fewer"})
SET_OF = frozenset({"them", "whom", "those", "these", "the", "which"})
COMPARATIVES = frozenset({"more", "less", "fewer", "lower", "higher", "greater", "bigger", "smaller",
                          "larger", "cheaper", "better", "worse"})

# Verb / noun stems that negate the verb they introduce ("declined to blame", "failure to
# determine", "declined comment").
NEGATING_VERBS = frozenset({"declin", "refus", "fail", "failur", "unabl"})
# Words after a negation that make it something other than a denial ("not only ... but",
# "nothing but praise", "no doubt").
NOT_NEGATION_AFTER = frozenset({"only", "just", "merely", "least", "simply", "necessarily", "but",
                                "doubt"})
# Weak negatives and verbs of refusal (stems): enough to say a side is not plainly affirmative
# near a shared phrase, never reported themselves.
SOFT_NEGATIONS = frozenset({"rarely", "seldom", "hardly", "barely", "scarcely", "deni", "reject",
                            "veto", "ban", "block", "prevent", "stop", "halt", "oppos", "refus",
                            "fail", "failur", "declin", "unabl", "lack"})
# Negative contractions written without the apostrophe ("dont", "havent").
BARE_NEGATIVE_CONTRACTIONS = {
    w + "nt": [w, "not"] for w in ("do", "does", "did", "is", "are", "was", "were", "have", "has",
                                   "had", "would", "could", "should", "must", "need")}
BARE_NEGATIVE_CONTRACTIONS.update({"dont": ["do", "not"], "wont": ["will", "not"],
                                   "cant": ["can", "not"], "couldnt": ["could", "not"]})
# Spoken forms written as one word, read as the words they stand for ("gonna" / "going to"): the
# one table of such forms, applied by the tokenizer (``align._expanded``) to both mentions.
SPOKEN_FORMS = {"gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"],
                "hafta": ["have", "to"], "oughta": ["ought", "to"], "kinda": ["kind", "of"],
                "sorta": ["sort", "of"], "outta": ["out", "of"], "lotta": ["lot", "of"],
                "lemme": ["let", "me"], "gimme": ["give", "me"], "dunno": ["do", "not", "know"]}

# Verb / noun stems of opposite polarity; each pair both ways.
_ANTONYM_PAIRS = [
    ("accept", "reject"), ("accept", "refus"), ("confirm", "deni"), ("admit", "deni"),
    ("claim", "deni"), ("approv", "veto"), ("approv", "reject"), ("win", "lose"), ("rise", "fall"),
    ("increas", "decreas"), ("increas", "reduc"), ("rise", "drop"), ("rise", "declin"),
    ("gain", "lose"), ("support", "oppos"), ("allow", "ban"), ("allow", "forbid"),
    ("prais", "critic"), ("acquit", "convict"), ("succeed", "fail"), ("agre", "disagre"),
    ("legal", "illeg"), ("guilti", "innoc"), ("forbad", "allow"),
    ("expand", "shrink"), ("rais", "lower"), ("rais", "cut"), ("higher", "lower"),
    ("welcom", "condemn"), ("endors", "oppos"), ("resum", "suspend"), ("lift", "impos"),
]
ANTONYMS: dict[str, frozenset[str]] = {}
for _x, _y in _ANTONYM_PAIRS:
    ANTONYMS[_x] = ANTONYMS.get(_x, frozenset()) | {_y}
    ANTONYMS[_y] = ANTONYMS.get(_y, frozenset()) | {_x}

# Words that may stand between a negation and the verb it negates.
AUX = frozenset("""be been being is are was were am have has had do does did will would can could
should shall may might must to yet ever even also really actually fully immediately directly
publicly explicitly formally officially just once again a an the any""".split())

# Titles and role words, which start no place name and are no part of a person's name (the
# speaker comparison's list, ``speaker_identity.ROLE_WORDS``, plus the words of "the U.S.").
TITLES = ROLE_WORDS | {"the", "of", "us", "u", "s", "un"}


def fold_diacritics(text: str) -> str:
    """``text`` with accented Latin letters replaced by their base letter, one character for
    one, so offsets still point into the original ("Amélie" -> "Amelie")."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)[:1]
    return base if c.isalpha() and base.isascii() and base.isalpha() else c


def same_form(words_a, words_b) -> bool:
    """True when two runs of canonical words differ only in how a compound is split: written
    open, hyphenated or closed ("cease fire" / "ceasefire", "re elect" / "reelect")."""
    return bool(words_a) and bool(words_b) and "".join(words_a) == "".join(words_b)


@lru_cache(maxsize=65536)
def canon(word: str) -> str:
    """British/American spelling variants folded to one form (input lower-case)."""
    if word in _SPELLING:
        return _SPELLING[word]
    if len(word) < 5 or not word.isalpha():
        return word
    m = _OUR_RE.match(word)
    if m and word not in _OUR_EXCEPT:
        return m.group(1) + "or" + (m.group(2) or "")
    for rx, rep in ((_ISE_RE, "iz"), (_YSE_RE, "yz")):
        m = rx.match(word)
        if m:
            return m.group(1) + rep + m.group(2)
    m = _TRE_RE.match(word)
    if m:
        return m.group(1) + m.group(2) + "er" + (m.group(3) or "")
    m = _OGUE_RE.match(word)
    if m:
        return m.group(1) + "og" + (m.group(2) or "")
    m = _LLED_RE.match(word)
    if m:
        return m.group(1) + "l" + m.group(2)
    return word


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """Alignment key of a canonical lower-case word: irregular forms lemmatised, then stemmed."""
    return stem(_IRREGULAR.get(word, word))


# Sources that are documents: a quotation whose source is one of these (no person named) is the
# document's wording, not a person's (``attribution.two_sources``). Not the extractor's
# ``speakers.kinds.DOCUMENT_NOUNS``: that list holds every carrier of someone's words, spoken ones
# too (a speech, a video, a tweet, remarks), whose unnamed speaker may be the person quoted on the
# other side; here only written texts with a wording of their own.
DOCUMENT_SOURCES = frozenset("""
letter letters memo memos report reports study studies poll polls survey surveys document documents
records filing filings complaint complaints lawsuit lawsuits suit indictment ruling opinion resolution
bill platform petition statement editorial ad advertisement manifesto transcript
""".split())
