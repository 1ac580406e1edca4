"""Claim and quotation extraction: article text → claim mentions with speakers.

    from api.pipeline.extract import extract
    result = extract(text, language="en", title="…")

Steps: split into paragraphs (line breaks) and sentences (:mod:`.sentences.splitting`), find
quotation spans (:mod:`.sentences.quotes`), collect the people named
(:mod:`.speakers.registry`), find who speaks in each sentence and resolve pronouns, block and
multi-paragraph quotations and transcript turns (:mod:`.speakers.sentence`,
:mod:`.speakers.article`), cut each attributed sentence down to what was said
(:mod:`.content.pieces`: the speaker and the speech cue are metadata, not mention text), drop
page furniture, bare headlines, questions and fragments (:mod:`.sentences.boilerplate`) and
score checkworthiness (:mod:`.content.checkworthiness`). The sub-packages hold one concern
each: ``sentences`` (reading the text), ``speakers`` (who speaks), ``content`` (what was said).
Sentences in the outlet's own voice stay whole. Every
mention's ``text`` is exactly ``text[start:end]``. Pure Python, no models.
"""
from __future__ import annotations

from dataclasses import replace

from ..types import ExtractedMention, Extraction
from .speakers.article import SentenceInfo, attribute
from .content.pieces import Piece, pieces
from .sentences.boilerplate import dateline_length, is_fragment, is_furniture, is_headline_like, is_question, is_title_repeat
from .sentences.fragments import is_clause_fragment, is_venue_tail
from .sentences.quotes import find_quotes
from .content.checkworthiness import checkworthiness
from .sentences.splitting import paragraphs, split_sentences
from .sentences.titles import is_programme_piece

EXTRACTOR_NAME = "claimtrack-rules"
EXTRACTOR_VERSION = "1.9.0"  # 1.1: attributed mentions are content spans; 1.2: stance verbs, wider subjects;
# 1.3: frames in leading subordinate clauses, coordinated role phrases, long appositives;
# 1.4: "as X noted," / "in X's view," / "X's claim that" / "with X saying" frames, object-control verbs
# ("urged X to …"), introductory phrases without a comma, venue phrases between subject and verb,
# frames in subordinate clauses, noun objects cut before asides ("…, who …", "as …" clauses)
# 1.5: a speaker is a person or an organisation (speaker_kinds): roles, groups, documents, media and words
# of the sentence give speaker=None with the phrase as speaker_role, a document gives its named author;
# the outlet's clause fragments left around an attribution are no mentions (fragments)
# 1.6: 'said X of the Y delegation', describing words before a name after a quotation, later quote-only
# frames, an opening "And/But/So", names registered without "of <place>", -elly/-olly/-illy surnames
# 1.7: the clause after an interrupting frame ("A, X said, B"), a quotation opening a sentence after a
# sentence with a named speaker, role phrases resolved only to whom they can stand for (not "a …", not
# another party's or a former office-holder), ", who …" after a name ends the content, participle frames
# after a dash or "upon", more bare-clause and quote-final speech verbs, a quotation closing an opening
# adverbial, quoted titles in appositives, participle adjectives and phrase-final plurals are no cues,
# capitalised -ists/-ians plurals are groups
# 1.7.1: a title-case speech verb ("Calls", "Warns") is never part of a name; "X for Y" is an organisation;
# coordinated speakers ("A and B said") give speaker=None with the phrase as role (and so does "they"
# after them); a possessive name with a title or of a surname several people share stays as written
# ("Mrs. Clinton's", not "Mrs. Bill Clinton's"); a titled surname ("Mrs. Clinton") never takes the full
# name of someone of the other gender or, when several people named before share the surname, stays as
# written;
# "former" before a titled name is part of the role; a bare "the governor" in a paragraph about one
# person whose office the article does not give resolves to nobody rather than a holder named elsewhere;
# "Republican of Ohio" after a name is a description; a capitalised preposition ("Over", "Between") is no name;
# "Khizr and Ghazala Khan" names Khizr Khan too
# 1.7.2: a quotation-led paragraph that speaks of the previous speaker in the third person is not carried on
# to them; a quoted word or two written on something ('wrote "X" on the board') is no speech cue; a
# party-and-state tag ("R-Texas", "D-CT") after a name is a description, not the speaker; "Much" is no name word;
# a piece of a cut sentence holding only a programme's title and where/when ('told NBC's "Today" show on
# Thursday.') is no mention; a quoted title in the outlet's own sentence ('Lee was on ABC's "This Week."') has
# no speaker; a past speech verb opening an inverted frame ("Added Gibbs: …") is no part of the name; a title
# quoted right after "program"/"show"/"on" ('on the CNN program "State of the Union."') is no mention; "summarized"
# is a speech verb; a name is filed under the word before a generational suffix ("Jesse Jackson Jr." under
# "jackson"), so a later bare surname finds him
# 1.8.0: direct quotations credited to their source: manner and retort verbs beside a quotation ("shot back",
# "went on", "beamed", "answered"), quote-final "continued" (an unresolved role that continues keeps the speaker
# before), "As X puts it", sentence adverbs before a speech verb ("X, meanwhile, said"), a frame standing as its own
# sentence after a quotation ('“…” Trump said.', "… told ITV in an interview."), layout frames ("- Philip Bump:
# “…”", "Here's X in 1992: “…”", "More from X:", a signature line "- Bernie Sanders."), an appositive role ends
# before a finite cue verb, an opening time phrase ("Hours later, …"), irregular pasts before a participle frame,
# role modifiers ("policy", "bureau"), "el"/"da"/"di" in names; the outlet's circumstance after the last quotation
# ("… as he faces …", "… when asked …") is no part of the content
# 1.8.1: a party word before a person's name is a role, not part of the name ("Republican Pat Toomey" ->
# speaker "Pat Toomey", role "Republican"; "Republican National Committee" stays a body); clergy titles ("Father",
# "Bishop", "Cardinal", "Imam") are role words, so "Father Reese" finds the article's "Thomas J. Reese"
# 1.9.0: a name as the article spells it ("Thomas J. Reese", "Jesse Jackson Jr.", not "Thomas J Reese"); a phrase
# inside a relative clause ("The lawsuit, which was brought by A, the attorney general, accused") is not the subject
# of the verb after it (a document gives speaker None with its role); names that are common words ("George Will
# wrote", "Ian Read", "Judicial Watch", "Ai Jun"); a capitalised occupation before a name is a role ("Billionaire
# Donald Trump", "Republican Donor Adelson"); a role resolves only to someone the article ties to it (not through an
# office in the role's trailing phrase, not across another place, not a bare "the officer" in a paragraph about
# others); "…, and Y vowed to
# …" is Y's; "veteran" is a source noun ('"…," said a 2008 campaign veteran' is no earlier speaker's)

__all__ = ["extract", "EXTRACTOR_NAME", "EXTRACTOR_VERSION"]


def extract(text: str, *, language: str = "en", title: str | None = None) -> Extraction:
    """Split ``text`` into claim mentions; attribute quotations and reported speech (English only).

    For a ``language`` not starting with "en" only sentences are returned (no speakers, no
    quotation marks read), with ``attribution=False`` and a note saying so.
    """
    paras = paragraphs(text)
    sentences = split_sentences(text, paras)
    english = (language or "en").lower().startswith("en")
    if english:
        quotes = find_quotes(text, paras)
        infos = attribute(text, sentences, quotes)
    else:
        infos = [SentenceInfo() for _ in sentences]
    mentions = []
    for s, info in zip(sentences, infos):
        if english:
            spans = pieces(text, s.start, s.end, info.att, info.toks, info.quote_spans, info.block,
                           info.others)
        else:
            spans = [Piece(s.start, s.end)]
        cut = len(spans) > 1 or any(p.start > s.start + 2 or p.end < s.end - 2 for p in spans)
        for p in spans:
            mention = _mention(text, p, info, paras[s.para], title, english)
            if mention is not None and not _leftover(mention, cut, len(spans) > 1, text[s.start:p.start]):
                mentions.append(mention)
    notes = () if english else (language_note(language),)
    return Extraction(mentions=mentions, extractor=EXTRACTOR_NAME, version=EXTRACTOR_VERSION,
                      attribution=english, notes=notes)


def language_note(language: str) -> str:
    """The note on an article whose speakers were not looked for (its language is not English)."""
    return f"language {language!r}: sentences only, speakers and quotations were not looked for"


def _leftover(m: ExtractedMention, cut: bool, several: bool, before: str) -> bool:
    """A piece of a sentence that states nothing of its own: the outlet's words left over around
    an attribution ("…, as he met X in Y."), or where the words were said ('"…," X said in a
    statement released on Monday', '"…," X told NBC's "Today" show', 'said on the Fox News program
    "Fox and Friends."'; ``before``: the sentence's text before the piece)."""
    if m.is_quote:
        quoted = [m.text[a - m.start:b - m.start] for a, b in m.quote_spans]
        return is_programme_piece(m.text, quoted, before, several=several)
    if cut and m.speaker is None and m.speaker_role is None and is_clause_fragment(m.text):
        return True
    return several and is_venue_tail(m.text)


def _mention(text: str, p: Piece, info: SentenceInfo, para: tuple[int, int], title: str | None,
             english: bool) -> ExtractedMention | None:
    """The mention for one piece of a sentence, or None when it is dropped."""
    cut = dateline_length(text[p.start:p.end])  # "WASHINGTON (AP) \u2014 " is not part of the claim
    if cut and p.start + cut < p.end:
        p = replace(p, start=p.start + cut)
    chunk = text[p.start:p.end]
    spans = tuple((max(a, p.start), min(b, p.end)) for a, b in info.quote_spans
                  if min(b, p.end) > max(a, p.start)) if info.quote_spans else ()
    is_quote = bool(spans)
    speaker, role = (None, None) if p.own else p.who if p.who else (info.speaker, info.role)
    if _dropped(chunk, is_quote, speaker, para == (p.start, p.end), title, english):
        return None
    return ExtractedMention(
        start=p.start, end=p.end, text=chunk, is_quote=is_quote, speaker=speaker, speaker_role=role,
        kind="quotation" if is_quote else "statement",
        checkworthiness=checkworthiness(chunk, has_speaker=speaker is not None, is_quote=is_quote,
                                        quote_spans=spans, start=p.start),
        quote_spans=spans,
    )


def _dropped(chunk: str, is_quote: bool, speaker: str | None, whole_para: bool, title: str | None,
             english: bool) -> bool:
    """Whether a piece is boilerplate, a bare headline, a question or a fragment."""
    if is_furniture(chunk):
        return True
    if is_title_repeat(chunk, title):
        return True
    if is_quote:
        return False
    if speaker is None and is_headline_like(chunk, whole_para):
        return True
    if english and is_question(chunk):
        return True
    return is_fragment(chunk)
