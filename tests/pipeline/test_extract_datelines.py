"""Datelines and bylines are not claims (api.pipeline.extract.sentences.boilerplate)."""
import pytest

from api.pipeline.extract import extract
from api.pipeline.extract.sentences.boilerplate import dateline_length, is_dateline, is_furniture


@pytest.mark.parametrize("line", ["OSLO, May 4. /NTB/.", "WASHINGTON (AP) \u2014", "LIMA, 12 March 2023 (Reuters) -",
                                  "SAN DIEGO, Calif. (AP) \u2014", "(AFP) \u2014"])
def test_dateline_lines_are_furniture(line):
    assert is_dateline(line) and is_furniture(line)


@pytest.mark.parametrize("line", ["By Jane Doe, Reuters", "By Tom Reed and Ann Lee", "By Ann Lee"])
def test_bylines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["NATO said it would send more ships.", "US officials said the talks failed.",
                                  "FBI agents searched the office on Friday.", "OK.", "THE END."])
def test_sentences_opening_with_capitals_are_not_datelines(line):
    assert dateline_length(line) == 0 and not is_dateline(line)


@pytest.mark.parametrize("text,claim", [
    ("OSLO, May 4. /NTB/. The fishing fleet stayed in port on Tuesday because of the storm.",
     "The fishing fleet stayed in port on Tuesday because of the storm."),
    ("WASHINGTON (AP) \u2014 The committee approved the farm bill on Thursday after a long debate.",
     "The committee approved the farm bill on Thursday after a long debate."),
    ("LIMA, March 12 (Reuters) - Copper exports rose by a tenth in the first quarter of the year.",
     "Copper exports rose by a tenth in the first quarter of the year."),
    ("By Jane Doe, Reuters\n\nThe port authority raised its fees for cargo ships on Monday.",
     "The port authority raised its fees for cargo ships on Monday."),
])
def test_extraction_leaves_datelines_and_bylines_out(text, claim):
    mentions = extract(text, title="News").mentions
    assert [m.text for m in mentions] == [claim]
    assert all(text[m.start:m.end] == m.text for m in mentions)
