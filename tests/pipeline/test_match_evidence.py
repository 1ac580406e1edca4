"""The matcher asks for evidence beyond shared words: stock phrases, short mentions, shared quoted
fragments, the time between two reports, and different polls (api.pipeline.match.evidence)."""
import math

import pytest

from api.pipeline.match import Matcher
from api.pipeline.match.analysis import analyse
from api.pipeline.match.evidence import different_figures, is_short, stock_phrase, time_term
from api.pipeline.types import MentionText as M


@pytest.fixture(scope="module")
def matcher():
    return Matcher()


# --- stock phrases and short mentions -------------------------------------------------------

@pytest.mark.parametrize("text", ["Meet the Press.", "Face the Nation.", "State of the Union.", "Thank you.",
                                  "Absolutely not."])
def test_titles_and_courtesies_are_stock_phrases(text):
    assert stock_phrase(text, analyse(text))


def test_a_sentence_is_not_a_stock_phrase():
    text = "The council voted to close the old bridge to lorries next spring."
    assert not stock_phrase(text, analyse(text)) and not is_short(analyse(text))


@pytest.mark.parametrize("text", ["Meet the Press.", "Thank you.", "Absolutely not."])
@pytest.mark.parametrize("days", [None, 0.0, 400.0])
def test_stock_phrases_never_join_on_their_words(matcher, text, days):
    assert not matcher.score(M(text), M(text), days_apart=days).same_claim


def test_a_stock_phrase_joins_when_the_same_speaker_said_it_the_same_week(matcher):
    a, b = M("It is wrong.", speaker="Tom Reed"), M("It's wrong.", speaker="Reed")
    assert matcher.score(a, b, days_apart=1.0).same_claim
    assert not matcher.score(a, b, days_apart=300.0).same_claim


def test_a_short_line_needs_more_than_its_words(matcher):
    a, b = "Freedom is for everyone.", "Freedom is for everyone."
    assert is_short(analyse(a))
    # close in time, every word found: the same line
    assert matcher.score(M(a), M(b), days_apart=0.5).same_claim
    # without dates (/v1/similarity) two different speakers keep a short line apart
    assert not matcher.score(M(a, speaker="Ann Lee"), M(b, speaker="Bob Cole")).same_claim
    # only part of it found: not on its words alone
    assert not matcher.score(M(a), M("Freedom is for the brave."), days_apart=0.5).same_claim
    # a year apart: a stock line, not one claim
    assert not matcher.score(M(a), M(b), days_apart=365.0).same_claim


# --- a shared quoted fragment ----------------------------------------------------------------

_ROADS = M('The mayor\'s office circulated "talking points" on the road budget to council members.')
_SCHOOLS = M("Critics say the talking points on school closures were drafted by the governor's staff.")


@pytest.mark.parametrize("days", [None, 1.0, 700.0])
def test_a_two_word_fragment_alone_does_not_join(matcher, days):
    r = matcher.score(_ROADS, _SCHOOLS, days_apart=days)
    assert r.features["quote_overlap"] >= 2
    assert not r.same_claim


def test_a_fragment_with_the_same_speaker_still_joins_when_close_in_time(matcher):
    a = M('Mayor Cole said the plan was "a fair deal for every driver" in the city.', speaker="Cole")
    b = M("This is a fair deal for every driver, and we will see it through.", speaker="Dana Cole", is_quote=True)
    assert matcher.score(a, b, days_apart=1.0).same_claim
    assert matcher.score(a, b).same_claim


# --- the time between two reports ----------------------------------------------------------

def test_time_term_shape():
    assert time_term(None, 3.0, 0.6, 1.0) == 0.0
    assert time_term(0.0, 3.0, 0.6, 1.0) == time_term(3.0, 3.0, 0.6, 1.0) == 0.6
    assert math.isclose(time_term(30.0, 3.0, 0.6, 1.0), -math.log(10.0))
    assert time_term(365.0, 3.0, 0.6, 1.0) < time_term(30.0, 3.0, 0.6, 1.0) < 0


def test_a_paraphrase_joins_within_days_but_not_years_apart(matcher):
    a = M("The council voted on Tuesday to close the old bridge to lorries from next spring.")
    b = M("Lorries will be banned from the old bridge from next spring after a council vote.")
    near, far = matcher.score(a, b, days_apart=1.0), matcher.score(a, b, days_apart=900.0)
    assert near.same_claim and not far.same_claim
    assert far.score < matcher.score(a, b).score < near.score


def test_the_same_long_sentence_still_joins_a_year_later(matcher):
    text = "The company will cut 2,000 jobs across its European plants over the next three years."
    assert matcher.score(M(text), M(text), days_apart=365.0).same_claim


def test_no_dates_keeps_the_score_without_a_time_term(matcher):
    a = M("The council voted on Tuesday to close the old bridge to lorries from next spring.")
    b = M("Lorries will be banned from the old bridge from next spring after a council vote.")
    assert matcher.score(a, b).score == matcher.score(a, b, days_apart=None).score


# --- different polls --------------------------------------------------------------------------

def test_two_polls_with_other_figures_and_order_are_two_claims(matcher):
    a = M("Smith leading Jones, 51 percent to 42 percent, in Ohio.", speaker="poll")
    b = M("Jones edging Smith, 47 percent to 46 percent.", speaker="poll")
    assert different_figures(analyse(a.text), analyse(b.text))
    assert not matcher.score(a, b).same_claim
    assert not matcher.score(a, b, days_apart=1.0).same_claim


def test_one_figure_reported_differently_is_still_one_claim(matcher):
    a = "The storm left 310 homes without power in the county, officials said."
    b = "The storm left 340 homes without power in the county, officials said."
    assert not different_figures(analyse(a), analyse(b))
    assert matcher.score(M(a), M(b), days_apart=0.0).same_claim


def test_the_same_figures_in_another_order_of_names_are_not_different_figures():
    a = analyse("Smith leads Jones 51 to 42 in the new survey.")
    b = analyse("In the new survey Smith leads Jones by 51 to 42.")
    assert not different_figures(a, b)


def test_a_stock_line_found_whole_joins_within_one_story(matcher):
    a, b = M("Not this year.", speaker="Dana Cole", is_quote=True), M("Not this year.", is_quote=True)
    assert not matcher.score(a, b, days_apart=0.0).same_claim
    assert matcher.score(a, b, days_apart=0.0, same_story=True).same_claim
    # a different line of the same story is still a different claim
    assert not matcher.score(a, M("Not this month.", is_quote=True), days_apart=0.0, same_story=True).same_claim


def test_reports_naming_nobody_in_common_are_two_claims_when_dated():
    from api.pipeline.match import Matcher
    m = Matcher()
    a = "Lopez and Berg have also won their party primaries in Oregon."
    b = "Republican Sen. Ana Ruiz won the primary in Idaho and in her home state of Utah."
    assert not m.score(a, b, days_apart=0.0).same_claim


def test_a_short_question_joins_only_a_mention_asking_the_same(matcher):
    """A question asserts nothing: "A carnival?" is not the claim "Britain is not a carnival.",
    even found whole in another report of the same story; the same question by the same speaker
    is."""
    q = M("A carnival?", speaker="Ann Lee", is_quote=True)
    assert not matcher.score(q, M("Britain is not a carnival.", is_quote=True), days_apart=0.0,
                             same_story=True).same_claim
    assert matcher.score(q, M("A carnival?", speaker="Ann Lee", is_quote=True), days_apart=0.0,
                         same_story=True).same_claim


def test_a_stock_line_in_one_story_does_not_join_across_clashing_speakers(matcher):
    """"Tonight." said by one person and "Tonight" by another in a report of the same story are
    two answers, not one claim."""
    a = M("Tonight.", speaker="Ann Lee", is_quote=True)
    b = M("Tonight", speaker="Bob Stone", is_quote=True)
    assert not matcher.score(a, b, days_apart=0.0, same_story=True).same_claim
