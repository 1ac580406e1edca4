"""The subject of a cue: the phrase that speaks, read leftwards from the verb or from the sentence start.

:func:`left_subject` reads leftwards from a verb past adverbs and venue phrases, appositives and
relative clauses ("X, the top diplomat, said", "X, who …, said"), parentheticals, quantities ("Many
of his supporters"), coordinated subjects ("Hamas and Islamic Jihad said"), owners ("Hillary
Clinton's campaign manager Robby Mook") and the heads of prepositional phrases ("A 2014 study by
Justin Levitt"); :func:`main_subject` is the subject opening the sentence's main clause;
:func:`opening_phrase` tells a short introductory phrase without a comma ("In a statement Tuesday
the mayor said"); :func:`ends_inversion` checks what follows an inverted subject ("said Blinken").
"""
from __future__ import annotations

from .adjuncts import ADVERBS, adverb, DASH_TOKENS, SENTENCE_ADVERBS, SKIP_LEFT, TIME_LEAD, TIME_NOUNS, skip_left, skip_paren
from .cues import SPEECH_VERBS
from ..lexicon import DETERMINERS, ORG_WORDS, ROLE_WORDS, VENUE_NOUNS, WEEKDAYS
from .names import NP, PARTY_MEMBERS, cap_chain_left, chain_words, is_name_word, parse_left, parse_right, split_role, strip_det
from .sources import NOT_HEAD_PP, OPEN_PREPS, PP_HEADS, QUANTIFIERS
from ..sentences.titles import title_closing_insert
from ..sentences.tokens import Tok

_CLAUSE_LEFT = frozenset("and but that as while because so or when though although after before if since "
                         "where than whereas nor yet".split())
# Words that open an insert between a subject and its verb: "X, who …, said", "X, in a statement, said".
_REL_OPENERS = frozenset({"who", "which", "whose", "the", "a", "an", "whom", "now", "then", "at", "in", "on",
                          "during", "after", "speaking", "himself", "herself", "too", "however", "including",
                          "like", "especially", "particularly", "notably", "among"})


def _boundary_ok(toks: list[Tok], i: int) -> bool:
    """Whether a phrase starting at token ``i`` can be a clause subject."""
    if i == 0:
        return True
    p = toks[i - 1]
    return p.kind in ("p", "q") and p.text not in ("'", "\u2019") or p.low in _CLAUSE_LEFT or p.low == "even"


def left_subject(text: str, toks: list[Tok], k: int) -> NP | None:
    """The subject of the verb at ``k`` reading leftwards (appositives and relatives skipped; before a
    speech verb, a sentence adverb too: "X, meanwhile, said")."""
    j = _skip_sentence_adverb(toks, k, skip_left(toks, k - 1))
    if j < 0:
        return None
    if toks[j].text == "," or title_closing_insert(toks[j]):
        return _subject_before_insert(text, toks, j)
    if toks[j].text in DASH_TOKENS and j >= 2:
        return _before_dashes(text, toks, j)
    j = skip_paren(toks, j)  # "Sen. Lindsey Graham (R-S.C.) said"
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
    np = _named_before_role(text, toks, _with_owner(text, toks, np))
    if np.i >= 2 and toks[np.i - 1].low in ("and", "or") and (toks[np.i - 2].kind == "w"
                                                              or toks[np.i - 2].text == ")"):
        np = _coordinated_subject(text, toks, np)
        if np is None:
            return None
    if _boundary_ok(toks, np.i) or opening_phrase(toks, np.i):
        return np
    return _split_chain(text, toks, np) or _after_role_words(text, toks, np)


_NOT_ROLE_WORD = frozenset("""which what who whom whose where when why how in of from with until about at on by
for to into than like as after before over under through during since without within between among against
toward towards upon via per it its is it's it\u2019s there here this these those""".split())
_ROLE_RUN_BOUNDARY = frozenset({",", ";", ":", "\u2014", "\u2013", "("})


def _subject_before_insert(text: str, toks: list[Tok], j: int) -> NP | None:
    """The subject before an insert closed at ``j`` by a comma, or by a quoted title holding the
    comma ('X, host of “Morning Joe,” said': then only a person or an organisation)."""
    np = _before_insert(text, toks, j)
    if toks[j].kind == "q" and (np is None or np.kind not in ("person", "org")):
        return None
    return np


def _after_role_words(text: str, toks: list[Tok], np: NP) -> NP | None:
    """'"…," *Daily News opinion editor Josh Greenman* told': a named person after a run of up to
    five describing words (no verb, no clause word) that opens the clause, right after a quotation,
    a comma or a dash, or at the sentence start. The person speaks; the words are their role."""
    if np.kind != "person" or not np.name:
        return None
    k = np.i
    while k > 0 and np.i - k < 5:
        t = toks[k - 1]
        if t.kind not in ("w", "s") or t.low in _CLAUSE_LEFT or t.low in _AUX or _verbish(t) \
                or t.low in SPEECH_VERBS or t.low in _NOT_ROLE_WORD or t.low.endswith(("ing", "ly")):
            break
        k -= 1
    while k < np.i and toks[k].low in DETERMINERS:
        k += 1  # "the" may open the run, but not be all of it
    if k == np.i or any(t.low in DETERMINERS for t in toks[k:np.i]):
        return None
    if k > 0 and not (toks[k - 1].kind == "q" or toks[k - 1].text in _ROLE_RUN_BOUNDARY):
        return None
    role = text[toks[k].start:toks[np.i - 1].end]
    return NP(k, np.j, text[toks[k].start:toks[np.j - 1].end], "person", np.name,
              (role + " " + np.role).strip() if np.role else role)


def _before_insert(text: str, toks: list[Tok], j: int) -> NP | None:
    """The subject before an insert that ends in a comma at ``j``: "The campaign's chairman, Phil
    Lovas, said", "X, the top diplomat, said", "X, who …, said"."""
    np = _nearest_before_insert(text, toks, j)
    c = _relative_comma(toks, j)
    if np is not None and c is not None and np.i > c and not _closed_by_and(toks, c, np.i, j):
        # the phrase found is inside the relative clause
        return _before_insert(text, toks, c) or _head_at(text, toks, c) or np
    return np


def _closed_by_and(toks: list[Tok], c: int, i: int, j: int) -> bool:
    """Whether ", and" between tokens ``c`` and ``i`` closes the clause opened at ``c``, the plural verb
    after the comma at ``j`` telling two subjects ("X, who …, and Y, the …, have said": Y is a second
    subject, not a word of the clause; "The suit, brought by A, and B, accused" is the suit's)."""
    plural = j + 1 < len(toks) and toks[j + 1].low in _PLURAL_AUXILIARIES
    return plural and any(toks[k].low == "and" and toks[k - 1].text == "," for k in range(c + 2, i))


_PLURAL_AUXILIARIES = frozenset("have are were".split())


def _head_at(text: str, toks: list[Tok], c: int) -> NP | None:
    """The phrase that ends right before the comma at ``c`` and opens its clause ("*The lawsuit*, which
    …"), or None."""
    np = parse_left(text, toks, c - 1) if c >= 1 else None
    return np if np is not None and np.kind != "pron" and _boundary_ok(toks, np.i) else None


def _nearest_before_insert(text: str, toks: list[Tok], j: int) -> NP | None:
    """The phrase before the nearest comma that can open the insert ending at ``j`` (see
    :func:`_before_insert`)."""
    np = parse_left(text, toks, j - 1)
    if np is not None and np.kind == "person" and np.i >= 1 and toks[np.i - 1].text == ",":
        return np
    commas = [c for c in range(j - 1, max(-1, j - 40), -1) if toks[c].text in (",", "(")]
    # a role that is itself an insert after a name: "X, *chairman of Y* (a PAC), said", "X, *director
    # of Y*, which organized the letter, said": the name before it speaks, else the role
    appositive = None
    for c in commas[:5]:  # the comma that opens the insert
        nxt = toks[c + 1]
        np = parse_left(text, toks, _before_sentence_adverb(toks, c - 1)) if c >= 1 else None
        if np is None or np.kind == "pron" or not _boundary_ok(toks, np.i):
            continue
        if np.kind == "role" and np.i >= 2 and toks[np.i - 1].text == "," and appositive is None:
            appositive = np
            continue
        if nxt.low in _REL_OPENERS or nxt.kind == "n":
            return np
        # "China, Pyongyang's only ally, said": any short insert after a name
        if np.kind in ("person", "org") and not any(x.kind == "q" for x in toks[c:j]) and (
                j - c <= 16 or np.kind == "person" and j - c <= 32 and nxt.low in ROLE_WORDS
                and nxt.text.islower() and c + 2 < j and toks[c + 2].low in ("of", "at", "for")):
            return np  # "Burman, director of the … Center and a professor at …, said
    return appositive


_RELATIVE_OPENERS = frozenset({"which", "who", "whose", "whom"})
# Past participles that open a reduced relative clause with "by": "The lawsuit, *brought by* X, …".
_BY_PARTICIPLES = frozenset("brought written sent made given drawn taken led undertaken".split())


def _relative_comma(toks: list[Tok], j: int) -> int | None:
    """The comma that opens a relative clause running up to the comma at ``j`` ("The lawsuit*,* which
    was brought by A and B, the state's attorney general, accused …"; "The letter*,* signed by X,
    said …"), or None. A name inside such a clause never speaks for the verb after it."""
    for c in range(j - 1, max(0, j - 40), -1):
        t = toks[c]
        if t.kind == "q" or t.text in (";", ":"):
            return None
        if t.text == "," and _opens_relative(toks, c + 1, j):
            return c
    return None


def _opens_relative(toks: list[Tok], k: int, j: int) -> bool:
    """Whether token ``k`` (after a comma, before the comma at ``j``) opens a relative clause: "which",
    "who", or a past participle with "by" ("filed by", "brought by")."""
    if k >= j:
        return False
    t = toks[k]
    if t.low in _RELATIVE_OPENERS:
        return True
    return t.text.islower() and (t.low.endswith("ed") or t.low in _BY_PARTICIPLES) \
        and k + 1 < j and toks[k + 1].low == "by"


def _skip_sentence_adverb(toks: list[Tok], k: int, j: int) -> int:
    """Before the speech verb at ``k``, the index left of a sentence adverb ending at ``j``, bare ("X
    *however* said") or between commas ("X*, meanwhile,* said"), else ``j``."""
    if toks[k].low not in SPEECH_VERBS:
        return j
    if j >= 1 and toks[j].low in SENTENCE_ADVERBS and toks[j].text.islower():
        return skip_left(toks, j - 1)
    if j >= 3 and toks[j].text == "," and toks[j - 1].low in SENTENCE_ADVERBS and toks[j - 2].text == ",":
        return skip_left(toks, j - 3)
    return j


def _before_sentence_adverb(toks: list[Tok], b: int) -> int:
    """The token before a sentence adverb between commas that ends at ``b`` ("Sanders*, meanwhile*, who
    …"), else ``b``."""
    if b >= 2 and toks[b].low in SENTENCE_ADVERBS and toks[b - 1].text == ",":
        return b - 2
    return b


def _before_dashes(text: str, toks: list[Tok], j: int) -> NP | None:
    """"Kall -- co-editor of the book -- said": the subject before the dash-bounded insert."""
    c = next((c for c in range(j - 1, max(-1, j - 25), -1) if toks[c].text in DASH_TOKENS), None)
    if c is not None and c >= 1:
        np = parse_left(text, toks, skip_paren(toks, c - 1))
        if np is not None and np.kind != "pron" and _boundary_ok(toks, np.i):
            return np
    return None


def _named_before_role(text: str, toks: list[Tok], np: NP) -> NP:
    """"Sam Lau, the communications director for the party said": a role phrase after a person's name
    and a comma (the appositive's closing comma left out) is that person's role."""
    if np.kind != "role" or np.i < 2 or toks[np.i - 1].text != ",":
        return np
    person = parse_left(text, toks, np.i - 2)
    if person is None or person.kind != "person" or not person.name \
            or person.i > 0 and toks[person.i - 1].kind not in ("p", "q"):
        return np
    return NP(person.i, np.j, text[toks[person.i].start:toks[np.j - 1].end], "person", person.name,
              strip_det(np.text))


def _with_owner(text: str, toks: list[Tok], np: NP) -> NP:
    """"Hillary Clinton's campaign manager Robby Mook": the owner joins the person's role."""
    if np.kind == "person" and np.i >= 2 and toks[np.i - 1].kind == "s":
        owner = parse_left(text, toks, np.i - 2)
        if owner is not None and owner.kind != "pron":
            return NP(owner.i, np.j, text[toks[owner.i].start:toks[np.j - 1].end], "person", np.name,
                      text[toks[owner.i].start:toks[np.i - 1].end] + " " + np.role if np.role else np.role)
    return np


def _coordinated_subject(text: str, toks: list[Tok], np: NP) -> NP | None:
    """"Hamas and Islamic Jihad said": both, as one group (None when the first cannot speak)."""
    first = parse_left(text, toks, skip_paren(toks, np.i - 2))
    one_person = False
    if first is None and np.kind == "role" and np.i >= 4 and toks[np.i - 3].low == "of" \
            and toks[np.i - 2].text.islower():
        # "the former secretary of state and current nominee said": two roles of one person
        head = parse_left(text, toks, np.i - 4)
        if head is not None and head.kind == "role":
            first, one_person = head, True
    if first is None or first.kind == "pron" or np.kind == "pron":
        return None
    return NP(first.i, np.j, text[toks[first.i].start:toks[np.j - 1].end], "group",
              coordinated=not one_person and several_speakers(toks, first, np))


def several_speakers(toks: list[Tok], first: NP, second: NP) -> bool:
    """Whether "A and B" names several speakers, not one name that holds "and" ("Health and Human
    Services Department", "Trustees of the Social Security and Medicare Trust Fund") nor two
    roles of one named person ("State Attorney General and Senate candidate Ann Roe")."""
    first_words = [t for t in toks[first.i:first.j] if t.kind == "w" and t.low not in DETERMINERS]
    if any(t.low == "of" for t in first_words):
        return False  # the "and" joins the object of "of": one body
    if len(first_words) == 1 and not first_words[0].text.isupper() \
            and any(t.low in ORG_WORDS for t in toks[second.i:second.j]):
        return False  # a bare word before an organisation's name: "Gay and Lesbian Alliance"
    return bool(first.name) or second.kind != "person" or not second.name


def _split_chain(text: str, toks: list[Tok], np: NP) -> NP | None:
    """"In a meeting with the editorial board of *the Washington Post Trump* said": a name chain
    that runs an organisation's name (it has an organisation word or is an acronym) into the
    speaker's, after an opening phrase; the speaker is the rest of the chain."""
    if np.kind == "pron" or np.j - np.i < 2:
        return None
    ci = cap_chain_left(toks, np.j - 1)  # "an interview with *CNN Smith*"
    for s in range(ci + 1, np.j):
        head = [t for t in toks[ci:s] if t.kind == "w"]
        if not is_name_word(toks[s]) or not head or not opening_phrase(toks, s):
            continue
        acronym = len(head) == 1 and head[0].text.isupper() and len(head[0].text) > 1  # "CNN"
        if any(t.low in ORG_WORDS for t in head) or acronym:
            role, name = split_role(chain_words(toks, s, np.j))
            if name:
                return NP(s, np.j, text[toks[s].start:toks[np.j - 1].end], "person", name, role)
    return None


_OPENING_PREPS = frozenset("in at during on after before following over".split())
_OPENING_ADVERBS = frozenset("""then later earlier meanwhile still now also yet so instead separately
previously today yesterday afterward afterwards again thus""".split())
_OPENING_STOP = frozenset("""is are was were be been being has have had do does did will would can could
should may might must that which who whom whose when where while if because as than""".split())
_ING_NOUNS = VENUE_NOUNS | frozenset("morning evening gathering building funding spending polling wedding".split())


def opening_phrase(toks: list[Tok], i: int) -> bool:
    """``toks[:i]`` is a short introductory phrase with no comma after it: "*In a statement Tuesday*
    the mayor said", "*Then* someone asked", "*During the hearing on Monday* X argued"."""
    if i < 1 or i > 16:
        return False
    first = toks[0]
    if first.kind != "w":
        return False
    if i == 1:
        return first.low in _OPENING_ADVERBS
    if i == 2 and first.low in TIME_LEAD and (toks[1].low in TIME_NOUNS or toks[1].low in WEEKDAYS):
        return True  # "Last week X said"
    if first.low not in _OPENING_PREPS:
        return False
    last = toks[i - 1]
    if last.kind == "w" and last.text.islower() and (last.low in NOT_HEAD_PP or last.low in OPEN_PREPS):
        return False  # "In a meeting with X said": X belongs to the phrase
    for t in toks[1:i]:
        if t.kind not in ("w", "n", "s") and t.text not in (".", "-", "'", "\u2019"):
            return False
        if t.kind == "w" and t.text.islower() and (t.low in _OPENING_STOP or t.low in SPEECH_VERBS
                                                   or t.low.endswith("ing") and t.low not in _ING_NOUNS):
            return False
    return True


def _quantified(text: str, toks: list[Tok], np: NP) -> NP:
    """Extend "his supporters" to "Many of his supporters", "voters" to "63 percent of voters"."""
    i = np.i
    if np.kind != "pron" and i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low in QUANTIFIERS:
        k = i - 2
        while k >= 1 and (toks[k - 1].kind == "n" or toks[k - 1].low in QUANTIFIERS
                          or toks[k - 1].low in ("a", "the", "about", "nearly", "almost", "over", "only")):
            k -= 1
        return NP(k, np.j, text[toks[k].start:toks[np.j - 1].end], "group", possessor=np.possessor)
    if i >= 1 and toks[i].kind == "n" and toks[i - 1].low in _APPROXIMATORS:  # "About 63 percent"
        return NP(i - 1, np.j, text[toks[i - 1].start:toks[np.j - 1].end], np.kind, possessor=np.possessor)
    return np


_APPROXIMATORS = frozenset("about nearly almost only just roughly some over under around fewer more".split())


_AFTER_INVERSION = frozenset("""on in at during after before to of who adding according while as when
for from last this late early earlier""".split())
_AUX = frozenset("""is are was were has have had will would can could should may might must did does do
be been also later then never not met went came made took gave sent left held spoke led ran won lost put
set kept brought knew saw got became began paid sat stood heard felt meant""".split())


def ends_inversion(toks: list[Tok], j: int) -> bool:
    """After an inverted subject ("said Blinken") comes punctuation, a quote or an adjunct."""
    if j >= len(toks):
        return True
    t = toks[j]
    return t.kind in ("p", "q") or t.low in _AFTER_INVERSION or t.low in WEEKDAYS


# Irregular past forms that follow a subject ("Fiorina *threw* her support behind Cruz, saying …").
_IRREGULAR_PASTS = frozenset("""threw drew took made went came gave got became began knew saw held kept led ran sent
spent stood met paid brought bought fought sought taught caught struck broke chose spoke rode drove swore""".split())


def _verbish(t: Tok) -> bool:
    """A word that can be the verb after a subject (used to check a sentence's opening phrase)."""
    low = t.low
    return t.kind == "w" and t.text.islower() and (low in _AUX or low in SPEECH_VERBS or low.endswith(("ed", "es"))
                                                  or low in _IRREGULAR_PASTS
                                                  or low.endswith("s") and not low.endswith(("ss", "us", "is"))
                                                  or low in SKIP_LEFT)


_OPENING_CONJUNCTIONS = frozenset("and but so yet or".split())
_ORDER_ADVERBS = frozenset("first then later again finally once twice".split())
_INTRO_ADVERBS = frozenset("""here there now today yesterday tonight still also then instead again yet last
next this that separately similarly overall indeed besides elsewhere back earlier later""".split())


# Words that open an introductory phrase or a leading subordinate clause ("When X did A, Y …"):
# the main clause starts after the first comma.
_LEAD_OPENERS = frozenset("""in on at during after before meanwhile later earlier following when while though
although because since once whereas if unless until asked pressed questioned speaking shortly soon""".split())


def main_subject(text: str, toks: list[Tok]) -> NP | None:
    """The subject opening the sentence's main clause (after an introductory phrase)."""
    np = parse_right(text, toks, _main_clause_start(toks))
    if np is None or np.kind == "pron" and np.text.lower() in ("it", "i", "we"):
        return None
    np = _and_second(text, toks, np)
    described = _named_appositive(text, toks, np)
    k = described.j
    if k < len(toks) and toks[k].text == ",":  # "Blinken, the top diplomat, declined"
        k = next((c + 1 for c in range(k + 1, min(len(toks), k + 25)) if toks[c].text == ","), k)
    if _verb_at(toks, k):
        return described
    if described is not np and _verb_at(toks, described.j + 1):
        return described  # "One Democrat, Rep. X, even raised …": the verb right after the name's comma
    return None


def _verb_at(toks: list[Tok], k: int) -> bool:
    """A verb at token ``k``, after any adverbs ("Ryan first told …", "Clinton also said …")."""
    while k < len(toks) - 1 and toks[k].kind == "w" and (toks[k].low in ADVERBS or adverb(toks[k])
                                                         or toks[k].low in _ORDER_ADVERBS):
        k += 1
    return k < len(toks) and _verbish(toks[k])


def _named_appositive(text: str, toks: list[Tok], np: NP) -> NP:
    """"Another candidate, Doug Ducey, the state treasurer, said": a role or group phrase followed by
    a person's name between commas is that person (the phrase is their role)."""
    k = np.j
    described = np.kind in ("role", "group") or np.kind == "person" and np.name.lower() in PARTY_MEMBERS
    if not described or k + 2 >= len(toks) or toks[k].text != ",":
        return np  # ("One Democrat, Rep. X, said": the party word is a description too)
    name = parse_right(text, toks, k + 1)
    if name is None or name.kind != "person" or not name.name or name.j >= len(toks) \
            or toks[name.j].text != "," or name.i != k + 1:
        return np
    role = text[toks[np.i].start:toks[np.j - 1].end]
    return NP(name.i, name.j, name.text, "person", name.name, name.role or strip_det(role))


def _main_clause_start(toks: list[Tok]) -> int:
    """The token after an introductory phrase or leading clause ("In Ohio on Tuesday, …",
    "When X did A, …", "Here in Columbia, …"), or 0."""
    if not toks or toks[0].kind != "w":
        return 0
    s = 0
    while s < min(len(toks) - 1, 3) and (toks[s].low in _OPENING_CONJUNCTIONS
                                         or s and toks[s].low in _ORDER_ADVERBS and toks[s].text.islower()):
        s += 1  # "And then Trump went on the attack, saying …", "But Cruz said …"
    if s and toks[s].text == ",":
        s += 1
    if s:
        return s + _main_clause_start(toks[s:])
    if toks[0].low in _LEAD_OPENERS:
        return next((c + 1 for c, t in enumerate(toks) if t.text == ","
                     or t.kind == "q" and t.text.rstrip("\"\u201d\u2019' ").endswith(",")), len(toks))
    if toks[0].low in _INTRO_ADVERBS:
        return next((c + 1 for c, t in enumerate(toks[:10]) if t.text == ","), 0)
    return _after_time_phrase(toks)


def _after_time_phrase(toks: list[Tok]) -> int:
    """The token after an opening time phrase ("Hours later, …", "A few days later, …", "Two weeks
    ago, …"), else 0."""
    c = next((c for c, t in enumerate(toks[:7]) if t.text == ","), None)
    return c + 1 if c is not None and c >= 1 and toks[c - 1].low in _TIME_CLOSERS else 0


_TIME_CLOSERS = frozenset("later ago earlier afterward afterwards".split())


def _and_second(text: str, toks: list[Tok], np: NP) -> NP:
    """"The Times and the union filed …": both phrases, as one group."""
    k = np.j
    if not (k + 1 < len(toks) and toks[k].low == "and" and np.kind != "pron"):
        return np
    second = parse_right(text, toks, k + 1)
    if second is None:  # "… and the union filed": the phrase that ends before the verb
        v = next((c for c in range(k + 2, min(len(toks), k + 7)) if _verbish(toks[c])), None)
        second = parse_left(text, toks, skip_left(toks, v - 1)) if v is not None else None
        if second is not None and second.i != k + 1:
            second = None
    if second is not None and second.kind != "pron":
        return NP(np.i, second.j, text[toks[np.i].start:toks[second.j - 1].end], "group",
                  coordinated=several_speakers(toks, np, second))
    return np


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
    if head.kind != "w" or not (head.low in PP_HEADS or head.low in ORG_WORDS and is_name_word(head)):
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
