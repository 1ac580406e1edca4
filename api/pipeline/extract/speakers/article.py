"""Article-level attribution: give every sentence its quotations, speaker and role.

Sentence-level cues come from :mod:`.speakers`; this module adds what needs the whole article:
pronoun resolution (he/she → the person last named as a subject or speaker, they → the last
organisation or group), quotations spanning several sentences or paragraphs, unattributed
quotation paragraphs that carry on the previous speaker, and block quotations (a paragraph
without marks after a paragraph that names the speaker and ends in a colon).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .carry import speaks_of_carried
from .closing import closing_frame, quotation_only
from .cues import QUOTE_FINAL, Attribution
from ..lexicon import DETERMINERS
from .names import NP, party_of_place, strip_det
from ..sentences.titles import is_capitalised, is_title, unmarked
from ..sentences.quotes import QuoteSpan
from .registry import WHOLE_ARTICLE, Registry
from ..sentences.splitting import Sentence
from .kinds import is_party_description, settle
from .sentence import best, find_attributions
from .subjects import main_subject
from ..sentences.tokens import Tok, tokenize


@dataclass
class SentenceInfo:
    """What attribution found for one sentence."""

    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    is_quote: bool = False
    speaker: str | None = None
    role: str | None = None
    attributed: bool = False  # the sentence itself holds a speech cue with a resolved speaker
    att: Attribution | None = None  # the sentence's governing speech cue (resolved or not)
    toks: list[Tok] = field(default_factory=list)  # its tokens, quotations folded (see :mod:`.tokens`)
    block: bool = False  # a sentence of a block quotation (a paragraph without marks after "X said:")
    others: list = field(default_factory=list)  # (Attribution, speaker, role) of later frames


@dataclass
class _Who:
    name: str | None
    role: str | None
    kind: str

    @property
    def speaks(self) -> bool:
        """Someone is said to speak: a name, or an unnamed source ("anon": "a senior official")."""
        return self.name is not None or self.kind == "anon"


class _Salience:
    """Where the reading is (the sentence's paragraph and offset) and the recently named people and
    organisations, most recent last, for pronoun resolution."""

    def __init__(self, registry: Registry) -> None:
        self.reg = registry
        self.people: list[str] = []
        self.local: list[str] = []  # the people named so far in the current paragraph
        self.para = -1
        self.at = WHOLE_ARTICLE  # the offset of the sentence being read
        self.groups: list[str] = []
        self.coordinated: set[str] = set()  # the groups that are several named speakers

    def enter(self, para: int, at: int) -> None:
        """Start the sentence at offset ``at`` of paragraph ``para`` (a new paragraph has named
        nobody yet)."""
        self.at = at
        if para != self.para:
            self.para, self.local = para, []

    def note(self, who: _Who) -> None:
        """Record ``who`` as the most recently named person (or organisation/group)."""
        if who.name is None:
            return
        if who.kind == "person":
            self.local.append(who.name)
        bucket = self.people if who.kind == "person" else self.groups
        if who.name in bucket:
            bucket.remove(who.name)
        bucket.append(who.name)

    def several(self, phrase: str) -> _Who:
        """Note a coordination of speakers ("Sanders and Clinton") as the latest group, for "they";
        it is no single speaker: the phrase is kept as the role."""
        self.note(_Who(phrase, None, "group"))
        self.coordinated.add(phrase)
        return _Who(None, phrase, "anon")

    def pronoun(self, word: str) -> str | None:
        """he/she → the latest person of a compatible gender; they → the latest group; else None."""
        w = word.lower()
        if w in ("he", "she"):
            want = "m" if w == "he" else "f"
            for name in reversed(self.people):
                g = self.reg.gender_of(name)
                if not g or g == want:
                    return name
            return None
        if w == "they":
            return self.groups[-1] if self.groups else None
        return None


def _resolve(np: NP, reg: Registry, sal: _Salience) -> _Who:
    if np.coordinated:
        # "Sanders and Clinton said": several speakers, no single one; the phrase is kept as the role
        return sal.several(strip_det(np.text))
    if np.kind == "role" and party_of_place(np.text.split()):
        return _Who(None, np.text, "anon")  # "Democrat of Nevada" alone: a description, nobody named
    if np.kind == "pron":
        return _pronoun(np, reg, sal)
    if np.kind in ("group", "org") and np.i + 1 == np.j and reg.known_person(np.text):
        np = NP(np.i, np.j, np.text, "person", np.text)  # "Sanders said", the article naming Bernie Sanders
    if np.kind != "person" and sal.people and np.text.lower().startswith("the ") and is_party_description(np.text):
        name = sal.people[-1]  # '"…," Sen. John McCain, R-Ariz., said. The Arizona Republican said …'
        return _Who(name, reg.role_of(name) or strip_det(np.text), "person")
    name, role = reg.resolve(np, sal.people, sal.local, before=sal.at)
    kind = "person" if np.kind == "role" and name != np.text else np.kind
    settled = settle(name, role, person=kind == "person", surface=np.text, pronoun_owner=sal.pronoun,
                     org_for=reg.org_for)
    if settled.speaker is None:
        # someone speaks, but no person or organisation is named ("a senior official", "a
        # statement"): kind "anon", the phrase kept as the role; a piece of the sentence misread as
        # a speaker ("Citing …") is "junk" and counts as no attribution at all
        return _Who(None, settled.role, "anon" if settled.role else "junk")
    full = _spoken_for(settled.speaker, name, reg)
    if full is not None:
        return _Who(full, settled.role, "person")
    return _Who(settled.speaker, settled.role, kind)


def _pronoun(np: NP, reg: Registry, sal: _Salience) -> _Who:
    """he/she → the latest person of that gender, they → the latest group (nobody named when that
    group is several speakers: "they" after "Sanders and Clinton said …")."""
    name = sal.pronoun(np.text)
    if name is None:
        return _Who(None, None, "pron")
    if name in sal.coordinated:
        return _Who(None, name, "anon")
    kind = "person" if np.text.lower() in ("he", "she") else "group"
    return _Who(name, reg.role_of(name) if kind == "person" else None, kind)


def _spoken_for(speaker: str, phrase: str, reg: Registry) -> str | None:
    """The full name of the person a document or spokesman speaks for when the phrase names them by
    surname ("a Frank representative" → Barney Frank), else None (not a chain read with its
    article: "A Microsoft spokesperson" is no person "A Microsoft")."""
    if speaker == phrase or not reg.known_person(speaker):
        return None
    full = reg.canonical(speaker)
    return full if full.split()[0].lower() not in DETERMINERS else None


_LEAD_SUBORDINATORS = frozenset("while after though although since as because when whereas before once".split())


def _quote_spans_by_sentence(sentences: list[Sentence], quotes: list[QuoteSpan]) -> list[list[int]]:
    """For each sentence, the indices of the quotation spans that touch it."""
    span_of: list[list[int]] = [[] for _ in sentences]
    qi = 0
    for si, s in enumerate(sentences):
        while qi < len(quotes) and quotes[qi].end <= s.start:
            qi += 1
        k = qi
        while k < len(quotes) and quotes[k].start < s.end:
            if quotes[k].end > s.start:
                span_of[si].append(k)
            k += 1
    return span_of


def _other_frames(atts: list[Attribution], att: Attribution, toks: list[Tok], registry: Registry,
                  sal: _Salience) -> list[tuple[Attribution, str | None, str | None]]:
    """(frame, speaker, role) of the sentence's frames besides the governing one that give words
    their own speaker: a later frame ("X said A, and Y warned that B") or one in a leading
    subordinate clause ("While X said A, Y did B")."""
    out = []
    for other in atts:
        later = other.how in ("verb", "with") and other.cue > att.cue and other.np.i > other.cue - 8 \
            and other.np.i > att.cue
        leading = other.how == "verb" and not other.stance and other.cue < att.cue \
            and 1 <= other.np.i < other.cue and other.np.kind != "pron" \
            and toks[other.np.i - 1].low in _LEAD_SUBORDINATORS
        if later or leading:
            ow = _resolve(other.np, registry, sal)
            if ow.speaks:
                out.append((other, ow.name, ow.role))
    return out


def _colon_owner(text: str, toks: list[Tok], registry: Registry, sal: _Salience) -> _Who | None:
    """"X said:" at a sentence's end: the subject owns the block or quotation that follows."""
    subj = main_subject(text, toks)
    if subj is None:
        return None
    w = _resolve(subj, registry, sal)
    return w if w.name is not None and w.kind in ("person", "org", "group") else None


def attribute(text: str, sentences: list[Sentence], quotes: list[QuoteSpan]) -> list[SentenceInfo]:
    """One :class:`SentenceInfo` per sentence, in order."""
    infos = [SentenceInfo() for _ in sentences]
    span_of = _quote_spans_by_sentence(sentences, quotes)
    token_lists = [tokenize(text, s.start, s.end, [(quotes[k].start, quotes[k].end) for k in span_of[si]])
                   for si, s in enumerate(sentences)]
    registry = Registry.build(text, token_lists)
    sal = _Salience(registry)
    own: list[_Who | None] = [None] * len(sentences)
    narrated: list[_Who | None] = [None] * len(sentences)  # the subject of a sentence without a speech cue
    for si, s in enumerate(sentences):
        sal.enter(s.para, s.start)
        toks = token_lists[si]
        atts = find_attributions(text, toks)
        att: Attribution | None = best(atts)
        infos[si].att, infos[si].toks = att, toks
        who = _resolve(att.np, registry, sal) if att else None
        if who is not None and who.name is None and toks[att.cue].low in QUOTE_FINAL:
            who = None  # '"…," the governor continued.': the speaker goes on; the one before, if named
        if att is not None:
            infos[si].others = _other_frames(atts, att, toks, registry, sal)
        if who is not None and who.speaks:
            if att.how not in ("noun", "with"):  # "X's claim that …" does not speak for later quotations
                own[si] = who
            infos[si].speaker, infos[si].role, infos[si].attributed = who.name, who.role, True
            sal.note(who)
        else:
            subj = main_subject(text, toks)
            if subj is not None and subj.kind != "pron":
                sal.note(_resolve(subj, registry, sal))
            if att is None and subj is not None and span_of[si]:
                narrated[si] = _narrator(text, toks, subj, registry, sal)
        if text[s.end - 1] == ":" and own[si] is None:
            own[si] = _colon_owner(text, toks, registry, sal)

    _quote_speakers(text, sentences, quotes, span_of, own, infos, narrated, registry)
    _block_quotes(text, sentences, quotes, own, infos)
    _transcript_turns(sentences, own, infos)
    return infos


def _narrator(text: str, toks: list[Tok], subj: NP, registry: Registry, sal: _Salience) -> _Who | None:
    """The named person or organisation whose words a sentence without a speech cue quotes:
    'Merkel hailed the deal as a "breakthrough."', 'Sanders delivered a retort: "…"'. Only when the
    subject comes before the quotation and the quotation is words, not a title or a name."""
    qs = [k for k, t in enumerate(toks) if t.kind == "q"]
    if not qs or subj.j > qs[0]:
        return None
    for k in qs:
        if is_capitalised(toks[k].text) or is_title(unmarked(toks[k].text)):
            return None  # a title, a slogan in capitals or a name: "Saturday Night Live", "Face the Nation"
    who = _resolve(subj, registry, sal)
    if who.name is None or who.kind not in ("person", "org"):
        return None
    return who


def _quote_speakers(text, sentences, quotes, span_of, own, infos, narrated=None, registry=None) -> None:
    """Give every quotation span a speaker and copy it onto the sentences it touches; a quotation
    inside one sentence without a speech cue is its subject's (``narrated``)."""
    q_who = _owned_quotes(sentences, quotes, span_of, own, narrated or [None] * len(sentences))
    _closed_by_next(text, sentences, span_of, own, infos, q_who)
    about = _about_carried(text, sentences, infos, registry) if registry is not None else None
    _carried_quotes(text, sentences, quotes, span_of, own, q_who, infos, about)
    for si, ks in enumerate(span_of):
        if not ks:
            continue
        s = sentences[si]
        info = infos[si]
        for k in ks:
            a, b = max(quotes[k].inner_start, s.start), min(quotes[k].inner_end, s.end)
            if b > a:
                info.quote_spans.append((a, b))
        info.is_quote = bool(info.quote_spans)
        if info.is_quote and not info.attributed:
            who = next((q_who[k] for k in ks if q_who[k] is not None), None)
            if who is not None:
                info.speaker, info.role = who.name, who.role


def _owned_quotes(sentences, quotes, span_of, own, narrated) -> list[_Who | None]:
    """Each quotation's speaker from the sentences it touches: the sentence's own speaker, else
    (for a quotation that opens in a sentence without a speech cue) the sentence's subject."""
    q_who: list[_Who | None] = [None] * len(quotes)
    for si, ks in enumerate(span_of):
        if own[si] is not None:
            for k in ks:
                if q_who[k] is None:
                    q_who[k] = own[si]
    for si, who in enumerate(narrated):
        if who is None:
            continue
        s = sentences[si]
        for k in span_of[si]:
            if q_who[k] is None and s.start <= quotes[k].start < s.end \
                    and not quotes[k].continued and not quotes[k].unclosed:
                q_who[k] = who
    return q_who


def _closed_by_next(text, sentences, span_of, own, infos, q_who) -> None:
    """A sentence that is only a quotation, followed in its paragraph by a sentence that is only a
    frame ('“…” Trump said.') or in the next paragraph by a signature line ('- Bernie Sanders.'):
    the quotation is the frame's speaker's."""
    for si in range(1, len(sentences)):
        if own[si] is None:
            continue
        gap = sentences[si].para - sentences[si - 1].para
        att = infos[si].att
        signed = att is not None and att.how == "dash" and att.cue == 0  # '- Bernie Sanders.' under it
        if (gap == 0 and closing_frame(text, infos[si].toks, att) or gap == 1 and signed) \
                and quotation_only(infos[si - 1].toks):
            for k in span_of[si - 1]:
                if q_who[k] is None:
                    q_who[k] = own[si]


def _about_carried(text, sentences, infos, registry):
    """The test whether a quotation-led paragraph speaks of the speaker it would carry on in the
    third person (:func:`.carry.speaks_of_carried`), given the speaker and the quotation: only for a
    paragraph that is the quotation alone, after a paragraph not ending in a colon."""
    last_of_para: dict[int, int] = {}
    for si, s in enumerate(sentences):
        last_of_para[s.para] = si

    def about(who: _Who, q: QuoteSpan) -> bool:
        prev, own_last = last_of_para.get(q.para - 1), last_of_para[q.para]
        if who.kind != "person" or who.name is None or prev is None:
            return False
        if text[sentences[prev].end - 1] == ":" or text[q.end:sentences[own_last].end].strip(" .,;!?"):
            return False  # 'X echoed:' owns what follows; a paragraph going on after the quotation
        return speaks_of_carried(who.name, registry.gender_of(who.name), text[q.inner_start:q.inner_end],
                                 infos[prev].toks)
    return about


def _carried_quotes(text, sentences, quotes, span_of, own, q_who, infos, about=None) -> None:
    """A quotation without a speaker carries on the one before it: continued over a paragraph
    break, in the same paragraph, opening a paragraph after one with a speaker (not when it speaks
    of that speaker in the third person, ``about``), or opening a sentence without a cue of its own
    after a sentence with a speaker (:func:`_speaker_just_before`)."""
    last_para_speaker: dict[int, _Who] = {}
    for si, s in enumerate(sentences):
        if own[si] is not None:
            last_para_speaker[s.para] = own[si]
    opens_in = _opening_sentences(sentences, quotes, span_of)
    for k, q in enumerate(quotes):
        if q_who[k] is not None:
            continue
        prev = quotes[k - 1] if k else None
        if q.continued and prev is not None:
            q_who[k] = q_who[k - 1]
        elif prev is not None and prev.para == q.para and q_who[k - 1] is not None:
            q_who[k] = None if _title_in_narration(text, sentences, q, opens_in[k]) else q_who[k - 1]
        elif q.para - 1 in last_para_speaker and _quote_led(text, sentences, q.para):
            carried = last_para_speaker[q.para - 1]
            q_who[k] = None if about is not None and about(carried, q) else carried
        else:
            q_who[k] = _speaker_just_before(text, sentences, own, infos, q, opens_in[k])


def _opening_sentences(sentences: list[Sentence], quotes: list[QuoteSpan],
                       span_of: list[list[int]]) -> list[int | None]:
    """For each quotation, the index of the sentence its opening mark is in (None when in none):
    ``span_of`` read the other way round, so that no quotation searches every sentence."""
    opens_in: list[int | None] = [None] * len(quotes)
    for si, ks in enumerate(span_of):
        s = sentences[si]
        for k in ks:
            if opens_in[k] is None and s.start <= quotes[k].start < s.end:
                opens_in[k] = si
    return opens_in


def _title_in_narration(text: str, sentences: list[Sentence], q: QuoteSpan, si: int | None) -> bool:
    """A quoted title inside the outlet's sentence ('Lee was on ABC's "This Week."'): no words of
    the speaker quoted before it in the paragraph (``si``: the sentence the quotation opens in)."""
    if not is_title(text[q.inner_start:q.inner_end]):
        return False
    return si is not None and bool(text[sentences[si].start:q.start].strip())


def _speaker_just_before(text: str, sentences: list[Sentence], own: list, infos: list[SentenceInfo],
                         q: QuoteSpan, si: int | None) -> "_Who | None":
    """A quotation that opens a sentence without a cue of its own right after a sentence of the same
    paragraph with a speaker ('Smith agreed. "We are running out of time."', 'Smith says she got a
    call. "She said …"'; not one whose speaker is a pronoun) carries on that speaker; None otherwise
    (a sentence with its own cue whose speaker is unresolved, '"…," his nephew added.', is not given
    the previous one; ``si``: the sentence the quotation opens in)."""
    if si is None:
        return None
    s = sentences[si]
    opens = not text[s.start:q.start].strip()
    if opens and infos[si].att is None and si > 0 and sentences[si - 1].para == s.para \
            and not _by_pronoun(infos[si - 1]):
        return own[si - 1]
    return None


def _by_pronoun(info: SentenceInfo) -> bool:
    """Whether a sentence's speech cue has a pronoun for its speaker ("she said")."""
    return info.att is not None and info.att.np.kind == "pron"


def _quote_led(text: str, sentences: list[Sentence], para: int) -> bool:
    """A paragraph that opens with a quotation mark (so carries on the previous speaker)."""
    for s in sentences:
        if s.para == para:
            return text[s.start] in "\"\u201c\u201e\u00ab"
    return False


def _block_quotes(text, sentences, quotes, own, infos) -> None:
    """Paragraph ending in a colon with a speaker → the next paragraph (no marks) is their words."""
    quoted_paras = {q.para for q in quotes}
    by_para: dict[int, list[int]] = {}
    for si, s in enumerate(sentences):
        by_para.setdefault(s.para, []).append(si)
    for si, s in enumerate(sentences):
        who = own[si]
        if who is None or text[s.end - 1] != ":" or by_para[s.para][-1] != si:
            continue
        nxt = s.para + 1
        if nxt in quoted_paras:
            continue
        for sj in by_para.get(nxt, []):
            t = sentences[sj]
            info = infos[sj]
            info.is_quote = info.block = True
            info.quote_spans = [(t.start, t.end)]
            info.speaker, info.role = who.name, who.role


def _transcript_turns(sentences, own, infos) -> None:
    """'PENCE: Well, look. … .' — the rest of a paragraph opened by a speaker label is theirs too."""
    who, para = None, -1
    for si, s in enumerate(sentences):
        info = infos[si]
        if info.att is not None and info.att.how == "label" and own[si] is not None:
            who, para = own[si], s.para
            continue
        if s.para != para or who is None:
            who = None
            continue
        if info.attributed or info.speaker is not None:
            continue
        info.speaker, info.role = who.name, who.role
        info.is_quote = info.block = True
        info.quote_spans = [(s.start, s.end)]
