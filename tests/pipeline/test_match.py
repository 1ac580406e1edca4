"""Unit tests for the claim matcher (api.pipeline.match): what counts as the same claim."""
import json
import math

import pytest

from api.pipeline.match import MATCHER_NAME, MATCHER_VERSION, Matcher, speaker_compatibility
from api.pipeline.match.analysis import analyse
from api.pipeline.match.features import pair_features
from api.pipeline.match.model import PARAMS_PATH, LogisticModel, sigmoid
from api.pipeline.match.vectors import VECTOR_FEATURES
from api.pipeline.types import MatchScore, MentionText as M


@pytest.fixture(scope="module")
def matcher():
    return Matcher()


def same(m, a, b):
    return m.score(a if isinstance(a, M) else M(a), b if isinstance(b, M) else M(b)).same_claim


# --- the same claim -----------------------------------------------------------------------

def test_contraction_and_punctuation(matcher):
    assert same(matcher, "It is time for it to get done.", "\u201cIt\u2019s time for it to get done,\u201d")


def test_partial_quotation_inside_longer_sentence(matcher):
    a = ("Blinken on Monday warned it was time to \u201cmake sure that no one takes any steps "
         "that could derail this process\u201d or escalate the conflict to other places.")
    b = "It's also time to make sure that no one takes any steps that could derail this process."
    assert same(matcher, a, b)


def test_short_quoted_fragment_of_same_speaker(matcher):
    a = M('Blinken claimed that it was the "last opportunity" for an agreement.', speaker="Blinken")
    b = M("This is a decisive moment, probably the best, maybe the last opportunity to get the "
          "hostages home, to get a ceasefire.", speaker="Antony Blinken", is_quote=True)
    r = matcher.score(a, b)
    assert r.same_claim and r.features["quote_overlap"] >= 2


def test_quoted_fragment_with_explicit_spans(matcher):
    text = "Blinken claimed that it was the last opportunity for an agreement."
    start = text.index("last opportunity")
    a = M(text, speaker="Blinken", quotes=((start, start + len("last opportunity")),))
    b = M("This is a decisive moment, maybe the last opportunity to get the hostages home.",
          speaker="Blinken", is_quote=True)
    assert matcher.score(a, b).same_claim


def test_quoted_fragment_needs_compatible_speakers(matcher):
    a = M('Herzog said it was the "last opportunity" for an agreement.', speaker="Isaac Herzog")
    b = M("This is a decisive moment, maybe the last opportunity to get the hostages home.",
          speaker="Antony Blinken", is_quote=True)
    assert not matcher.score(a, b).same_claim


def test_reordered_clauses(matcher):
    assert same(matcher, "Blinken met Netanyahu in Jerusalem on Monday to push for a ceasefire.",
                "To push for a ceasefire, Blinken met Netanyahu on Monday in Jerusalem.")


@pytest.mark.parametrize("a,b", [
    ("It is his ninth mission to the region since the war began.",
     "It is his ninth visit to the area since the war began."),
    ("Blinken touched down in Tel Aviv on Monday.", "Blinken arrived in Tel Aviv on Monday."),
    ("More than 40,000 people have been killed in Gaza, the health ministry says.",
     "Over 40,000 people have been killed in Gaza, according to the health ministry."),
    ("Forty thousand people have been killed.", "40,000 people have been killed."),
])
def test_paraphrase(matcher, a, b):
    assert same(matcher, a, b)


@pytest.mark.parametrize("a,b", [
    ("This is maybe the last opportunity to get the hostages home.",
     "This is the last opportunity to get the hostages home."),
    ("We're working to make sure that there is no escalation, that there are no provocations.",
     "So we're looking to make sure that there is no escalation, that there are no provocations."),
    ("Blinken met Israeli President Isaac Herzog in Jerusalem on Monday.",
     "Blinken met Israeli President Isaac Herzog in Tel Aviv on Monday."),
    ("Hamas is still holding 111 hostages taken in the October 7 attack.",
     "Hamas is still holding 115 hostages taken in the October 7 attack."),
])
def test_disagreeing_reports_are_still_the_same_claim(matcher, a, b):
    assert same(matcher, a, b)


def test_short_claim_contained_in_long_sentence(matcher):
    a = ("We're working to make sure that there is no escalation, that there are no provocations, "
         "that there are no actions that could move us away from getting this deal over the line.")
    b = a.replace("We're working", "So we're looking") + (
        " Or for that matter, escalating the conflict to other places and to greater intensity.")
    assert same(matcher, a, b.replace(". Or", ", or"))


# --- different claims -----------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("He will meet Israeli Defence Minister, Yoav Gallant, later on Monday.",
     "Blinken later met with Israeli Prime Minister Benjamin Netanyahu."),
    ("It is time for it to get done.", "It is time for everyone to get to yes."),
    ("Talks due to take place in Cairo later this week have been billed as a last ditch effort.",
     "Blinken pushed for a hostage and ceasefire deal, with the goal of a deal by the end of the week."),
    ("Protesters sat outside Israel's parliament in Jerusalem on Monday.",
     "Israeli President Isaac Herzog met with Blinken on Monday."),
])
def test_different_claims(matcher, a, b):
    assert not same(matcher, a, b)


# --- speakers -------------------------------------------------------------------------------

def test_speaker_compatibility():
    assert speaker_compatibility("Blinken", "Antony Blinken") == 1
    assert speaker_compatibility("Secretary of State Antony Blinken", "Mr Blinken") == 1
    assert speaker_compatibility(None, "Antony Blinken") == 0
    assert speaker_compatibility("", None) == 0
    assert speaker_compatibility("Isaac Herzog", "Antony Blinken") == -1


def test_speakers_shift_the_score(matcher):
    a, b = ("Blinken said the talks in Cairo were the best chance for a deal.",
            "The talks in Cairo are the best chance yet for a ceasefire deal.")
    none = matcher.score(M(a), M(b)).score
    match = matcher.score(M(a, speaker="Blinken"), M(b, speaker="Antony Blinken")).score
    clash = matcher.score(M(a, speaker="Blinken"), M(b, speaker="Herzog")).score
    assert clash < none < match


# --- the score itself -----------------------------------------------------------------------

def test_score_shape_and_symmetry(matcher):
    a = M("Blinken met Netanyahu on Monday.")
    b = M("On Monday Netanyahu met Blinken for three hours.")
    r1, r2 = matcher.score(a, b), matcher.score(b, a)
    assert isinstance(r1, MatchScore)
    assert 0.0 <= r1.score <= 1.0 and r1.same_claim == (r1.score >= matcher.threshold)
    assert math.isclose(r1.score, r2.score, rel_tol=1e-9)
    assert all(isinstance(v, float) for v in r1.features.values())


def test_empty_text(matcher):
    assert not matcher.score(M(""), M("Blinken met Netanyahu.")).same_claim
    assert matcher.score(M(""), M("")).score == 0.0


def test_names_and_threshold(matcher):
    assert MATCHER_NAME and MATCHER_VERSION
    assert 0.3 < matcher.threshold < 0.9


def test_params_file_is_consistent():
    with open(PARAMS_PATH, encoding="utf-8") as f:
        params = json.load(f)
    model = LogisticModel.from_dict(params["default"])
    assert len(model.features) == len(model.coef)
    names = set(pair_features(analyse("a b c"), analyse("a b d"))) | set(VECTOR_FEATURES)
    assert set(model.features) <= names
    assert "test" not in params["training"]["file"]


def test_sigmoid_extremes():
    assert sigmoid(1000) == 1.0 and sigmoid(-1000) == 0.0 and sigmoid(0) == 0.5
