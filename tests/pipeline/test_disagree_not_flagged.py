"""Differences of form or extra detail that must not be reported, and the entry point contract."""
import pytest

from api.pipeline.disagree import DETECTOR_VERSION, detect
from api.pipeline.types import DISAGREEMENT_KINDS, MentionText as M


def q(text):
    return M(text, speaker="Blinken", is_quote=True)


@pytest.mark.parametrize("a,b", [
    ("It is time for it to get done", "It's time for it to get done"),
    ("to try to get this agreement to the line and ultimately, over the line",
     "to try to get this agreement to the line, and ultimately over the line"),
    ("\u201cWe are here to get a deal,\u201d he said.", '"We are here to get a deal," he said.'),
    ("THE TALKS RESUMED IN CAIRO", "the talks resumed in Cairo"),
    ("The defence minister will organise the centre's programme.", "The defense minister will organize the center's program."),
    ("The colour of the labour movement", "The color of the labor movement"),
    ("More than 40,000 people have been killed.", "Over 40,000 people have been killed."),
    ("The meeting lasted about three hours.", "The meeting lasted approximately three hours."),
    ("40,000 people have been killed.", "Forty thousand people have been killed."),
    ("We won't accept it.", "We will not accept it."),
])
def test_form_only_differences_are_quiet(a, b):
    assert detect(q(a), q(b)) == []
    assert detect(M(a), M(b)) == []


@pytest.mark.parametrize("a,b", [
    ("Blinken met Netanyahu in Jerusalem on Monday.", "US Secretary of State Antony Blinken met Israeli "
     "Prime Minister Benjamin Netanyahu in Jerusalem on Monday for three hours."),
    ("The two men discussed the ceasefire proposal.", "The two leaders talked about the ceasefire proposal."),
    ("Hamas blamed Israel for the collapse of the talks.", "Hamas, the militant group that runs Gaza, "
     "blamed Israel on Sunday for the collapse of the talks in Cairo."),
    ("The deal would free the hostages.", "The agreement would see the hostages freed."),
    ("Blinken arrived in Israel on his ninth trip.", "Blinken arrived in Israel on his ninth trip to the region since October."),
])
def test_paraphrase_and_extra_detail_are_quiet(a, b):
    assert detect(M(a), M(b)) == []


def test_partial_quotation_is_quiet():
    text = 'Blinken warned it was time to "make sure that no one takes any steps that could derail this process" or escalate.'
    start = text.index('"')
    a = M(text, speaker="Blinken", quotes=((start, text.index('"', start + 1) + 1),))
    b = M("It's also time to make sure that no one takes any steps that could derail this process.",
          speaker="Antony Blinken", is_quote=True)
    assert detect(a, b) == []


def test_identical_and_empty_texts():
    assert detect(M(""), M("")) == []
    assert detect(M("Talks resumed."), M("")) == []
    assert detect(M("Talks resumed."), M("Talks resumed.")) == []


def test_contract():
    assert isinstance(DETECTOR_VERSION, str) and DETECTOR_VERSION
    a = M("Hamas claimed a blast on Sunday in Tel Aviv that killed 3 people, officials said.")
    b = M("Hamas denied a blast on Monday in Tel Aviv that killed 5 people, officials said.")
    found = detect(a, b)
    got = [d.kind for d in found]
    assert got == sorted(got, key=DISAGREEMENT_KINDS.index) and len(set(got)) == len(got)
    assert {"number", "time", "negation"} <= set(got)
    for d in found:
        assert a.text[d.a_span.start:d.a_span.end] == d.a_span.text
        assert b.text[d.b_span.start:d.b_span.end] == d.b_span.text
        assert d.explanation


def test_one_difference_one_disagreement(monkeypatch):
    """Two detectors pointing at the same words on both sides: the first kind keeps it."""
    import api.pipeline.disagree as disagree
    from api.pipeline.types import Disagreement, Span

    def same(kind):
        return lambda al, a, b: Disagreement(kind, Span(0, 5, "Prices"), Span(0, 5, "Prices"), kind)

    monkeypatch.setitem(disagree._DETECTORS, "number", same("number"))
    monkeypatch.setitem(disagree._DETECTORS, "time", same("time"))
    kinds = [d.kind for d in detect(M("Prices rose sharply in July."), M("Prices fell sharply in July."))]
    assert kinds == ["number", "negation"]  # the antonym is other words: reported too
