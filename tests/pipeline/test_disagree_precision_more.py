"""Precision on pairs that joined one claim but say different things (examples written for these
tests): a negation said of another subject, and "appears to" as a hedge."""
from api.pipeline.disagree import detect
from api.pipeline.types import MentionText


def _q(text):
    return MentionText(text, speaker="Ana Ruiz", is_quote=True, quotes=((0, len(text)),))


def test_a_negation_said_of_another_subject_is_no_denial():
    a = _q("I trust the council, but the council wants to see us help ourselves by putting people back to work.")
    b = _q("The vote to rename the harbour is not putting people back to work")
    assert "negation" not in [d.kind for d in detect(a, b)]


def test_a_negation_of_the_same_subject_is_reported():
    a = MentionText("Officials did not confirm the strike on the harbour.")
    b = MentionText("Officials confirmed the strike on the harbour.")
    assert "negation" in [d.kind for d in detect(a, b)]


def test_appears_to_is_a_hedge_not_a_wording_change():
    a = _q("I fear the mayor's budget reflects the values of his donors")
    b = _q("The mayor's budget appears to reflect the values of his donors")
    assert [d.kind for d in detect(a, b)] == ["hedge"]


def test_appeared_alone_is_no_hedge():
    a = MentionText("The mayor appeared on television on Monday to defend the levy.")
    b = MentionText("The mayor spoke on television on Monday to defend the levy.")
    assert "hedge" not in [d.kind for d in detect(a, b)]


def test_a_modal_hedging_a_verb_the_other_side_does_not_state_is_no_dropped_hedge():
    a = MentionText("Ruiz mocked Berg as a \u201cfisherman from Leeds who never went to sea\u201d on Monday.",
                    speaker="Ana Ruiz", is_quote=True, quotes=((26, 63),))
    b = _q("Or you might have a fisherman from Leeds who never went to sea, chairing the harbour board")
    assert "hedge" not in [d.kind for d in detect(a, b)]


def test_a_dropped_hedge_before_a_partial_quotation_is_reported():
    a = _q("This is maybe the last opportunity for a deal on the harbour")
    b = MentionText("Ruiz called it \u201cthe last opportunity for a deal on the harbour.\u201d", speaker="Ana Ruiz",
                    is_quote=True, quotes=((15, 63),))
    assert "hedge" in [d.kind for d in detect(a, b)]
