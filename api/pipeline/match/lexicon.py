"""Small built-in word tables for the matcher: paraphrase groups, irregular verb forms and
number words.

Everything here is general English news vocabulary, not tuned to any article: each word of a
group maps to one canonical word, so "mission"/"visit"/"trip" or "touched down"/"arrived"
count as the same content word when two mentions are aligned.
"""
from __future__ import annotations

# Each tuple is one group; the first word is the canonical form. Multi-word entries are phrases
# (matched on lower-case, contraction-expanded words before stop words are dropped).
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("visit", "mission", "trip", "tour", "journey"),
    ("region", "area", "zone"),
    ("arrive", "arrived", "arrives", "arriving", "touched down", "touches down", "touch down",
     "landed in", "reached"),
    ("leave", "left", "depart", "departed", "departs", "departing"),
    ("travel", "travelled", "traveled", "travelling", "traveling", "head to", "headed to",
     "heading to", "fly to", "flew to"),
    ("meet", "met", "meeting", "meets", "talked with", "held talks with"),
    ("talks", "negotiations", "discussions"),
    ("agreement", "deal", "accord", "pact"),
    ("ceasefire", "truce", "cease fire", "cease-fire"),
    ("begin", "began", "begun", "start", "started", "starts", "launch", "launched",
     "kick off", "kicked off", "kicks off"),
    ("end", "ended", "finish", "finished", "conclude", "concluded"),
    ("buy", "bought", "purchase", "purchased", "acquire", "acquired"),
    ("sell", "sold"),
    ("rise", "rose", "risen", "increase", "increased", "climb", "climbed", "jump", "jumped",
     "gain", "gained", "grow", "grew", "grown", "surge", "surged", "soar", "soared"),
    ("fall", "fell", "fallen", "drop", "dropped", "decline", "declined", "decrease",
     "decreased", "slip", "slipped", "slide", "slid", "plunge", "plunged", "tumble", "tumbled"),
    ("big", "large", "major", "huge"),
    ("small", "little", "minor"),
    ("company", "firm", "corporation"),
    ("car", "vehicle", "automobile"),
    ("people", "persons", "individuals"),
    ("kill", "killed", "slain", "slay"),
    ("try", "tried", "attempt", "attempted", "seek", "sought"),
    ("help", "helped", "assist", "assisted", "aid", "aided"),
    ("show", "showed", "shown", "reveal", "revealed", "indicate", "indicated"),
    ("warn", "warned", "caution", "cautioned"),
    ("need", "needed", "require", "required"),
    ("ask", "asked", "request", "requested"),
    ("urge", "urged", "press", "pressed", "push", "pushed"),
    ("chance", "opportunity"),
    ("fight", "fought", "battle", "battled", "combat"),
    ("attack", "attacked", "strike", "struck", "assault"),
    ("hostage", "hostages", "captive", "captives"),
    ("official", "officials", "authority", "authorities"),
    ("chief", "leader"),
    ("plan", "planned", "intend", "intended"),
    ("approve", "approved", "endorse", "endorsed"),
    ("reject", "rejected", "refuse", "refused", "decline to"),
    ("accuse", "accused", "blame", "blamed"),
    ("charge", "charged", "indict", "indicted"),
    ("sue", "sued", "lawsuit"),
    ("die", "died", "dead", "death"),
    ("injure", "injured", "wound", "wounded", "hurt"),
    ("quit", "resign", "resigned", "step down", "stepped down"),
    ("hire", "hired", "appoint", "appointed"),
    ("fire", "fired", "dismiss", "dismissed", "sack", "sacked"),
    ("profit", "earnings", "income"),
    ("shares", "stock", "stocks"),
    # "usa" first: the canonical form must not be the stop word "us" (all-caps "US" and "U.S."
    # become "usa" in analysis; the lower-case pronoun "us" stays a stop word)
    ("usa", "united states", "america"),
    ("uk", "britain", "united kingdom"),
    ("un", "united nations"),
)

# Reporting verbs carry no claim content ("said" is already a stop word).
REPORTING = frozenset("""
stated states stating added adds noted notes remarked remarks claimed claims asserted asserts
declared declares announced announces explained explains insisted insists argued argues
according reportedly reported
""".split())

# Irregular verb forms the stemmer cannot join to their base form.
_IRREGULAR = """
be:was,were,been,being go:went,gone get:got,gotten give:gave,given take:took,taken
make:made come:came see:saw,seen know:knew,known think:thought bring:brought lead:led
hold:held win:won lose:lost find:found pay:paid spend:spent build:built send:sent keep:kept
run:ran write:wrote,written speak:spoke,spoken choose:chose,chosen catch:caught teach:taught
steal:stole,stolen drive:drove,driven feel:felt stand:stood understand:understood tell:told
become:became break:broke,broken forget:forgot,forgotten throw:threw,thrown draw:drew,drawn
freeze:froze,frozen bear:bore,born shake:shook,shaken swear:swore,sworn hang:hung
wear:wore,worn eat:ate,eaten lend:lent bend:bent mean:meant sleep:slept sweep:swept
deal:dealt shoot:shot hide:hid,hidden ride:rode,ridden rise:rose,risen sing:sang,sung
sink:sank,sunk spread:spread split:split flee:fled bind:bound seize:seized
""".split()

IRREGULAR: dict[str, str] = {}
for _entry in _IRREGULAR:
    _base, _forms = _entry.split(":")
    for _form in _forms.split(","):
        IRREGULAR[_form] = _base

SYNONYMS: dict[str, str] = {}
PHRASES: dict[tuple[str, ...], str] = {}
for _group in _GROUPS:
    _canon = _group[0].replace(" ", "_")
    for _w in _group:
        if " " in _w or "-" in _w:
            PHRASES[tuple(_w.replace("-", " ").split())] = _canon
        else:
            SYNONYMS[_w] = _canon
MAX_PHRASE = max(len(p) for p in PHRASES)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000,
          "mln": 1_000_000, "bln": 1_000_000_000}

# Lookups derived from the tables above, so that the analysis can skip work per word:
# the phrases by first word (longest first: the longest known phrase at a position wins), and
# every word that can start a number ("forty", "first").
PHRASE_STARTS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for _phrase, _canon in sorted(PHRASES.items(), key=lambda kv: -len(kv[0])):
    if len(_phrase) >= 2:
        PHRASE_STARTS[_phrase[0]] = PHRASE_STARTS.get(_phrase[0], ()) + ((_phrase, _canon),)
NUMBER_WORDS = frozenset(UNITS) | frozenset(ORDINALS)
