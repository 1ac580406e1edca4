"""Two quotations of two known sources (``attribution.two_sources``): each is its source's own
wording, so a hedge or a wording difference between them is no disagreement between the outlets
(detector 2.7). Texts written for these tests."""
from __future__ import annotations

from api.pipeline.disagree import detect
from api.pipeline.types import MentionText


def quote(text: str, speaker: str | None = None, role: str | None = None) -> MentionText:
    return MentionText(text, speaker=speaker, is_quote=True, quotes=((0, len(text)),), speaker_role=role)


PERSON = "The harbour plan reflects the values of the mill owners rather than the town."
LETTER = "The harbour plan appears to reflect the values of the mill owners rather than the town."


def kinds(a: MentionText, b: MentionText) -> list[str]:
    return [d.kind for d in detect(a, b)]


def test_a_person_against_a_document_is_no_hedge():
    assert kinds(quote(PERSON, "Tom Hale", "Father"), quote(LETTER, None, "letter")) == []
    assert kinds(quote(LETTER, None, "the council's letter"), quote(PERSON, "Tom Hale")) == []


def test_the_same_source_still_gives_the_dropped_hedge():
    assert "hedge" in kinds(quote(PERSON, "Tom Hale"), quote(LETTER, "Tom Hale"))
    assert "hedge" in kinds(quote(PERSON, None, "letter"), quote(LETTER, None, "letter"))


def test_an_unnamed_or_unknown_source_still_gives_the_dropped_hedge():
    # the outlet's own voice, or an unnamed official, may be the same source as the named one
    assert "hedge" in kinds(quote(PERSON, "Tom Hale"), quote(LETTER))
    assert "hedge" in kinds(quote(PERSON, "Tom Hale"), quote(LETTER, None, "an official"))


def test_two_different_people_are_an_attribution_not_a_hedge():
    found = kinds(quote(PERSON, "Tom Hale"), quote(LETTER, "Ann Lodge"))
    assert "hedge" not in found and "wording" not in found


def test_reported_speech_is_not_concerned():
    a = MentionText(PERSON, speaker="Tom Hale", speaker_role="Father")
    b = MentionText(LETTER, speaker=None, speaker_role="letter")
    assert "hedge" in kinds(a, b)
