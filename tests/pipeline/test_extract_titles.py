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
