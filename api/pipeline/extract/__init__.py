"""Claim and quotation extraction: article text → sentence-level mentions with speakers.

    from api.pipeline.extract import extract
    result = extract(text, language="en", title="…")

Steps: split into paragraphs (line breaks) and sentences (:mod:`.sentences`), find quotation
spans (:mod:`.quotes`), collect the people named (:mod:`.registry`), find who speaks in each
sentence and resolve pronouns, block and multi-paragraph quotations (:mod:`.speakers`,
:mod:`.attribute`), drop page furniture, bare headlines, questions and fragments
(:mod:`.boilerplate`) and score checkworthiness (:mod:`.scoring`). Every mention's ``text`` is
exactly ``text[start:end]``. Pure Python, no models.
"""
from __future__ import annotations

from ..types import ExtractedMention, Extraction
from .attribute import SentenceInfo, attribute
from .boilerplate import is_fragment, is_furniture, is_headline_like, is_question, is_title_repeat
from .quotes import find_quotes
from .scoring import checkworthiness
from .sentences import paragraphs, split_sentences

EXTRACTOR_NAME = "claimtrack-rules"
EXTRACTOR_VERSION = "1.0.0"

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
        chunk = text[s.start:s.end]
        whole_para = paras[s.para] == (s.start, s.end)
        if _dropped(chunk, info, whole_para, title, english):
            continue
        mentions.append(ExtractedMention(
            start=s.start, end=s.end, text=chunk,
            is_quote=info.is_quote, speaker=info.speaker, speaker_role=info.role,
            kind="quotation" if info.is_quote else "statement",
            checkworthiness=checkworthiness(chunk, has_speaker=info.speaker is not None,
                                            is_quote=info.is_quote, quote_spans=info.quote_spans,
                                            start=s.start),
            quote_spans=tuple(info.quote_spans),
        ))
    notes = () if english else (
        f"language {language!r}: sentences only, speakers and quotations were not looked for",)
    return Extraction(mentions=mentions, extractor=EXTRACTOR_NAME, version=EXTRACTOR_VERSION,
                      attribution=english, notes=notes)


def _dropped(chunk: str, info: SentenceInfo, whole_para: bool, title: str | None, english: bool) -> bool:
    """Whether a sentence is boilerplate, a bare headline, a question or a fragment."""
    if is_furniture(chunk):
        return True
    if is_title_repeat(chunk, title):
        return True
    if info.is_quote:
        return False
    if info.speaker is None and is_headline_like(chunk, whole_para):
        return True
    if english and is_question(chunk):
        return True
    return is_fragment(chunk)
