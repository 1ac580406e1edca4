"""The two readings of "is this quotation a title?" (api/pipeline/extract/sentences/titles.py)."""
import pytest

from api.pipeline.extract.sentences.titles import is_capitalised, is_title, unmarked


@pytest.mark.parametrize("quoted, strict, loose", [
    ("Meet the Press", True, False),          # a connector in lower case: only the strict reading allows it
    ("Saturday Night Live", True, True),
    ("Feel the Bern!", False, False),         # a chant
    ("The Very Long Name Of A Show Here", False, True),  # seven words: too long for a title, still a name
    ("a disgrace", False, False),             # words said
])
def test_strict_and_loose_readings(quoted, strict, loose):
    assert is_title(quoted) is strict
    assert is_capitalised(quoted) is loose


def test_wordless_and_max_words():
    assert is_capitalised('"2016,"') and not is_capitalised('"2016,"', wordless=False)
    assert not is_capitalised("One Two Three Four Five Six Seven", max_words=6)
    assert unmarked("\u201cMorning Tide,\u201d") == "Morning Tide"


def test_programme_piece_is_one_filter():
    from api.pipeline.extract.sentences.titles import is_programme_piece
    # a title right after the word naming a programme, whether or not the sentence was cut
    assert is_programme_piece('"Fox and Friends."', ['Fox and Friends.'], 'Ward said on the program ', several=False)
    # a title tail only in a cut sentence
    tail = '"Today" show on Thursday.'
    assert is_programme_piece(tail, ['Today'], 'Ward told NBC\'s ', several=True)
    assert not is_programme_piece(tail, ['Today'], 'Ward told NBC\'s ', several=False)
    assert not is_programme_piece('"We will win."', ['We will win.'], 'Ward said on ', several=True)
