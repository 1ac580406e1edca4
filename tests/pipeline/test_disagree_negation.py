"""The ``negation`` detector."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))]


@pytest.mark.parametrize("a,b", [
    ("Israel accepted the proposal.", "Israel did not accept the proposal."),
    ("Israel accepted the proposal.", "Israel rejected the proposal."),
    ("Hamas claimed responsibility for the attack.", "Hamas denied responsibility for the attack."),
    ("Blinken blamed Hamas for the delay.", "Blinken declined to blame Hamas for the delay."),
    ("The ministry confirmed the report.", "The ministry denied the report."),
    ("Prices rose 3% in July.", "Prices fell 3% in July."),
    ("The senator supports the bill.", "The senator opposes the bill."),
    ("There is no escalation on the northern border.", "There is escalation on the northern border."),
    ("He has never met the Qatari envoy.", "He has met the Qatari envoy."),
    ("The council approved the plan.", "The council vetoed the plan."),
    ("She won the vote in the district.", "She lost the vote in the district."),
    ("The army didn't confirm the strike.", "The army confirmed the strike."),
])
def test_negation_positives(a, b):
    assert "negation" in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("Israel rejected the proposal.", "Israel did not accept the proposal."),
    ("Hamas, not Israel, is blocking the deal.", "Hamas is blocking the deal."),
    ("No one takes any steps that could derail this process.", "Nobody takes any steps that could derail this process."),
    ("He did not accept the plan.", "He didn't accept the plan."),
    ("He cannot accept the plan.", "He can't accept the plan."),
    ("It is not only about the hostages.", "It is about the hostages."),
    ("Blinken met Netanyahu and did not meet Gallant.", "Blinken met Netanyahu."),
    ("It was not clear why the talks stalled.", "The talks stalled."),
    ("The ministry declined to comment on the strike.", "The ministry confirmed the strike."),
    ("I dont know who is fighting it.", "I don't know who is fighting it."),
    # the quantifier "no" + noun where the other side does not assert the same thing
    ("He said there is no conflict of interest in the party.", "He spoke of the perception of a conflict of interest in the party."),
    ("The motion got no votes from the opposition.", "The motion got several votes from the opposition."),
    ("The strikes were nothing but a provocation.", "The strikes were a provocation."),
    ("He works with people with whom he has almost nothing in common.",
     "He works with people with whom he has little, but sometimes enough, in common."),
    ("I know that we do.", "I don't know."),  # too little said on either side
    ("They would vote for Trump.", "I can't vote for Trump."),
    ("It is not only a matter of money but of trust.", "It is a matter of money and trust."),
    # rebutting someone's words is another claim
    ('The war in the north was not "a war of choice."', 'He called the war in the north "a war of choice."'),
    ("The judge refused to delay the trial.", "The judge denied a motion to delay the trial."),
    ("He died of heart failure, said his lawyer.", "He died on Thursday, said his lawyer."),
    ("Officials said the courts allowed it in some cases and banned it in others.",
     "Officials said the courts allowed it in some cases and not in others."),
    # one shared word after the negation is no shared statement: two things the speaker is "going" to do
    ("I'm going to get back to the budget talks I care about.",
     "But I am not going to allow this fight to dominate the budget debate."),
    ("The union has not yet revealed which store it will picket.",
     "The union said it would reveal later which store it will picket."),
])
def test_negation_negatives(a, b):
    assert "negation" not in kinds(a, b)


def test_negation_spans():
    a, b = "Israel accepted the proposal.", "Israel did not accept the proposal."
    [d] = detect(M(a), M(b))
    assert d.a_span.text == "accepted" and d.b_span.text == "not"
    assert "did not accept" not in d.explanation or "not accept" in d.explanation


def test_rise_and_fall_of_two_moments_is_no_reversal():
    from api.pipeline.disagree import detect
    from api.pipeline.types import MentionText
    a = "In Ardenia, the Kestrel 40 rose 0.7 percent, the Vale 100 eased 0.05 percent and the Orm index gained 0.9 percent."
    b = "In Ardenia, the Kestrel 40 fell 1.4 percent, the Vale 100 dropped 1.1 percent and the Orm index lost 2.2 percent."
    assert detect(MentionText(a), MentionText(b)) == []


def test_rise_and_fall_of_one_figure_is_still_a_reversal():
    from api.pipeline.disagree import detect
    from api.pipeline.types import MentionText
    a = "In Ardenia, shares of Kestrel Mining rose sharply on Monday after the merger news."
    b = "In Ardenia, shares of Kestrel Mining fell sharply on Monday after the merger news."
    assert "negation" in [d.kind for d in detect(MentionText(a), MentionText(b))]
