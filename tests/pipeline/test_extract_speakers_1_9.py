"""Quotation speakers that hold on unseen text (issue #12 part 1, extractor 1.9; examples written for
these tests): a name as the article spells it (an initial keeps its period), a document's words not
credited to a person named in a clause about it, role words before a surname, and names that are
common words."""
from api.pipeline.extract import extract


def _mention(text, start):
    return next(m for m in extract(text).mentions if m.text.lstrip("\"\u201c").startswith(start))


def _speaker_of(text, start):
    return _mention(text, start).speaker


def test_middle_initial_keeps_its_period():
    text = 'Harbour master Colin P. Marsh spoke on Monday. "The pier will reopen in May," Marsh said.'
    assert _speaker_of(text, "The pier will reopen") == "Colin P. Marsh"


def test_first_initial_and_suffix_keep_their_periods():
    text = '"The pier will reopen in May," said J. Walter Pike Jr. on Monday.'
    assert _speaker_of(text, "The pier will reopen") == "J. Walter Pike Jr."


def test_initial_name_found_again_from_a_titled_surname():
    text = ('Colin P. Marsh runs the harbour. "The pier will reopen in May," said Mr. Marsh. '
            '"The boats are ready," said Ann Lodge.')
    assert _speaker_of(text, "The pier will reopen") == "Colin P. Marsh"
    assert _speaker_of(text, "The boats are ready") == "Ann Lodge"  # a plain name nearby is unchanged
