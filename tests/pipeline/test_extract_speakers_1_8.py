"""Direct quotations credited to the right source (issue #12 part 1, extractor 1.8; examples written
for these tests): manner-of-speaking verbs beside a quotation, a quotation closed by a frame that
stands as its own sentence, sentence adverbs between a speaker and the verb, and "As X puts it"."""
import pytest

from api.pipeline.extract import extract


def _mention(text, start):
    return next(m for m in extract(text).mentions if m.text.lstrip("\"\u201c").startswith(start))


def _speaker_of(text, start):
    return _mention(text, start).speaker


_INTRO = "Mayor Tom Hale visited the harbour on Monday. "


@pytest.mark.parametrize("verb", ["shot back", "continued", "beamed", "barked", "sniped", "yelled"])
def test_manner_verb_after_quotation(verb):
    text = _INTRO + f'"The harbour plan will bring jobs to the town," Hale {verb}.'
    m = _mention(text, "The harbour plan")
    assert m.speaker == "Tom Hale"
    assert m.text == "The harbour plan will bring jobs to the town"


def test_manner_verb_needs_a_quotation():
    text = _INTRO + "The council continued. Hale beamed at the crowd."
    assert all(m.speaker is None for m in extract(text).mentions)


def test_shot_back_without_quotation_is_no_cue():
    text = _INTRO + "Hale shot back at the critics of the harbour plan."
    assert all(m.speaker is None for m in extract(text).mentions)


def test_continued_before_quotation_still_frames_it():
    text = _INTRO + 'Hale continued: "The harbour will be rebuilt by spring."'
    assert _speaker_of(text, "The harbour will be rebuilt") == "Tom Hale"


def test_frame_as_its_own_sentence_closes_the_quotation():
    text = _INTRO + "\n\n\u201cThe harbour will be rebuilt by spring.\u201d Hale said.\n\nThe council meets."
    assert _speaker_of(text, "The harbour will be rebuilt") == "Tom Hale"


def test_frame_sentence_with_content_does_not_close_the_previous_quotation():
    text = _INTRO + "\n\n\u201cThe harbour will be rebuilt by spring.\u201d Hale said the council agreed.\n\nEnd."
    assert _speaker_of(text, "The harbour will be rebuilt") is None


@pytest.mark.parametrize("sentence", [
    "Hale however said the harbour would be rebuilt by spring.",
    "Hale, meanwhile, said the harbour would be rebuilt by spring.",
    "Hale, meanwhile, who has led the town since 2010, said the harbour would be rebuilt by spring.",
])
def test_sentence_adverb_between_speaker_and_verb(sentence):
    assert _speaker_of(_INTRO + sentence, "the harbour would be") == "Tom Hale"


def test_as_x_puts_it():
    text = _INTRO + 'As Hale puts it, "the harbour is the heart of the town."'
    assert _speaker_of(text, "the harbour is the heart") == "Tom Hale"


def test_negated_frame_closes_no_quotation():
    text = _INTRO + "\n\n\u201cThe harbour will be rebuilt by spring.\u201d A Hale aide did not respond to requests.\n\nEnd."
    assert _speaker_of(text, "The harbour will be rebuilt") is None


def test_unresolved_role_that_continues_keeps_the_speaker_before():
    text = ('"The harbour will be rebuilt," Tom Hale said.\n\n'
            '"The town deserves it," the harbour chief continued. "We start in May."')
    assert _speaker_of(text, "The town deserves it") == "Tom Hale"
