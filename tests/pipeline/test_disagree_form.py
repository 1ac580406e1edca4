"""Form is never a disagreement: the normalisation in ``lexicon``, used by the tokenizer."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.align import tokenize
from api.pipeline.disagree.lexicon import canon, fold_diacritics, same_form
from api.pipeline.types import MentionText as M


def test_fold_diacritics_keeps_offsets():
    text = "Am\u00e9lie Dupr\u00e9 met Erdo\u011fan in K\u00f6ln."
    folded = fold_diacritics(text)
    assert folded == "Amelie Dupre met Erdogan in Koln." and len(folded) == len(text)


def test_same_form():
    assert same_form(["cease", "fire"], ["ceasefire"])
    assert same_form(["re", "elect"], ["reelect"])
    assert not same_form(["cease", "fire"], ["fire"])
    assert not same_form([], [])


@pytest.mark.parametrize("text,words", [
    ("a cease-fire deal", ["a", "ceasefire", "deal"]),
    ("they re-elect him", ["they", "reelect", "him"]),
    ("Johnson & Johnson", ["johnson", "and", "johnson"]),
    ("twenty-five people", ["#25", "people"]),  # number words are not joined
])
def test_tokenizer_folds_form(text, words):
    assert [t.word for t in tokenize(text)] == words


def test_spelling():
    assert canon("colour") == canon("color") and canon("organise") == canon("organize")


@pytest.mark.parametrize("a,b", [
    ("The cease-fire in the north held overnight.", "The ceasefire in the north held overnight."),
    ("The cease fire in the north held overnight.", "The ceasefire in the north held overnight."),
    ("Voters will re-elect the mayor.", "Voters will reelect the mayor."),
    ("Procter & Gamble cut prices.", "Procter and Gamble cut prices."),
    ("The labour party criticised the programme.", "The labor party criticized the program."),
    ("Jos\u00e9 Mart\u00ednez won the vote.", "Jose Martinez won the vote."),
    ("\u2018We won,\u2019 he said \u2014 loudly.", "'We won,' he said - loudly."),
    ("THE VOTE FAILED.", "The vote failed."),
])
def test_form_only_is_quiet(a, b):
    assert detect(M(a), M(b)) == []
    assert detect(M(a, speaker="Ana Ruiz", is_quote=True), M(b, speaker="Ana Ruiz", is_quote=True)) == []


@pytest.mark.parametrize("text,words", [
    ("we're gonna keep on", ["we", "are", "going", "to", "keep", "on"]),
    ("I wanna see", ["i", "want", "to", "see"]),
    ("you gotta go", ["you", "got", "to", "go"]),
])
def test_spoken_forms_are_written_out(text, words):
    assert [t.word for t in tokenize(text)] == words


@pytest.mark.parametrize("a,b", [
    ("\"We're gonna keep on fixing the bridges in this county,\" the mayor said.",
     "\"We are going to keep on fixing the bridges in this county,\" the mayor said."),
    ("\"I wanna see the budget passed before the summer recess,\" she said.",
     "\"I want to see the budget passed before the summer recess,\" she said."),
])
def test_spoken_form_is_not_wording(a, b):
    assert detect(M(a, speaker="Ana Ruiz", is_quote=True), M(b, speaker="Ana Ruiz", is_quote=True)) == []
