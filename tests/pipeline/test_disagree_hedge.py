"""The ``hedge`` detector."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))]


@pytest.mark.parametrize("a,b", [
    ("This is maybe the last chance to reach a deal.", "This is the last chance to reach a deal."),
    ("The meeting lasted about three hours.", "The meeting lasted three hours."),
    ("More than 40,000 people have been killed.", "40,000 people have been killed."),
    ("The strike reportedly killed the commander.", "The strike killed the commander."),
    ("The talks will probably resume on Monday.", "The talks will resume on Monday."),
    ("Any escalation could derail the process.", "Any escalation will derail the process."),
    ("At least 20 people died in the fire.", "20 people died in the fire."),
    ("The fire destroyed 300 homes.", "The fire destroyed nearly 300 homes."),
])
def test_hedge_positives(a, b):
    assert "hedge" in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("The meeting lasted about three hours.", "The meeting lasted approximately three hours."),
    ("More than 40,000 people have been killed.", "Over 40,000 people have been killed."),
    ("This is probably the last chance.", "This is maybe the last chance."),
    ("He said the deal would be done soon.", "He said the deal will be done soon."),
    ("This is maybe the last chance, he said.", "Maybe, he said, this is the last chance."),
    ("The talks are about the hostages.", "The talks concern the hostages."),
    ("Officials said the talks could resume.", "The talks could resume, officials said on Monday."),
    ("He arrived in Cairo, perhaps to meet the mediators, and then met the press.",
     "He arrived in Cairo and then met the press."),
    ("The outlook is positive, he said.", "The outlook would be positive, he said."),
    ("About 120 jurors were questioned on Monday.", "Jurors were questioned in groups of 40 on Monday."),
    ("It appeared his side had fallen short.", "His side may have fallen short."),
])
def test_hedge_negatives(a, b):
    assert "hedge" not in kinds(a, b)


def test_hedge_spans_point_at_word_and_aligned_phrase():
    a = "This is a decisive moment, probably the best, maybe the last opportunity to get a deal."
    b = 'He claimed that it was the "last opportunity" for an agreement.'
    [d] = [d for d in detect(M(a), M(b)) if d.kind == "hedge"]
    assert d.a_span.text == "maybe" and a[d.a_span.start:d.a_span.end] == "maybe"
    assert b[d.b_span.start:d.b_span.end] == d.b_span.text
    assert "last opportunity" in d.b_span.text
    assert "drops the hedge 'maybe'" in d.explanation


def test_hedge_added_on_b_side():
    [d] = detect(M("The talks lasted three hours."), M("The talks lasted about three hours."))
    assert d.kind == "hedge" and d.b_span.text == "about" and "adds the hedge" in d.explanation


@pytest.mark.parametrize("a,b", [
    ("The poll reached 578 likely voters in the state last week.", "The poll reached 542 registered voters in the state last week."),
    ("He is the likely nominee of the party in the fall.", "He is the nominee of the party in the fall."),
])
def test_likely_as_an_adjective_is_not_a_hedge(a, b):
    assert "hedge" not in [d.kind for d in detect(M(a), M(b))]


@pytest.mark.parametrize("a,b", [
    # a hedge replaced by another over the same proposition, not dropped
    ("The mayor said the truck appeared to have slid off the road because of the ice.",
     "The mayor said early reports indicated the truck had slid off the road because of the ice."),
    ("Two guards were hurt in a possible quarrel involving rival gangs, police said.",
     "Two guards were hurt in a quarrel that apparently involved rival gangs, police said."),
    ("Tests suggested the well had run dry during the summer.",
     "The well probably had run dry during the summer."),
])
def test_hedge_against_hedge_is_no_disagreement(a, b):
    assert "hedge" not in kinds(a, b)
    assert "hedge" not in kinds(b, a)


def test_hedge_dropped_next_to_an_unhedged_adjective_is_still_found():
    assert "hedge" in kinds("Two guards were hurt in a quarrel that apparently involved rival gangs.",
                            "Two guards were hurt in a quarrel that involved rival gangs.")


@pytest.mark.parametrize("a,b", [
    ("The clerk was brought into the hall for ten minutes so a juror could identify him.",
     "The clerk was in the hall for ten minutes to allow a juror to identify him."),
    ("The gates opened early so that families might reach the stands in time.",
     "The gates opened early to let families reach the stands in time."),
])
def test_modal_of_a_purpose_clause_is_not_a_hedge(a, b):
    assert "hedge" not in kinds(a, b)
    assert "hedge" not in kinds(b, a)
