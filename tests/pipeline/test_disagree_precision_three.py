"""Disagreement precision, third pass (issue #12 part 3, detector disagree-2.5): a figure read at
another moment, measured another way or counting another set is a different quantity; a range,
a round figure and a written decimal account for the figures they hold."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.align import side
from api.pipeline.disagree.qualifiers import (different_measures, different_moments, moment_markers,
                                              range_bounds, relative)
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))] + ["|"] + [d.kind for d in detect(M(b), M(a))]


# --- one moment against another -------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    # a point within the day against the close
    ("Velo Corp shares were up 14 cents at one point on the Ardenia exchange.",
     "Velo Corp shares jumped 15 cents to close on the Ardenia exchange."),
    # the close against the day's extreme
    ("Velo Corp stock closed down nearly 9 percent on the Ardenia exchange.",
     "Velo Corp stock dropped as much as 13 percent on the Ardenia exchange."),
    # a time of day against no time
    ("In morning trading in Ardenia, the Kestrel index gained 0.8 percent.",
     "In Ardenia, the Kestrel index gained 0.3 percent."),
    # a period against a day
    ("The Kestrel index of Ardenia has rallied 11.5 percent since January.",
     "The Kestrel index of Ardenia was down 0.4 percent on Velo news."),
    # two counts, each as of its own day
    ("As of Tuesday, Ardenia had 41 confirmed cases of Velo fever.",
     "As of Friday, Ardenia had 44 confirmed cases of Velo fever."),
    # an unfinished period against a finished one
    ("The Kestrel index of Ardenia fell 2.1 percent for the month.",
     "The Kestrel index of Ardenia is down 0.6 percent for the month, on track for a loss."),
])
def test_figures_at_different_moments_are_no_number_dispute(a, b):
    assert "number" not in kinds(a, b)


def test_moment_markers_are_read_with_their_anchor():
    assert moment_markers("As of Monday, 12 were held; the index closed higher.") == {"as of monday", "closed higher"}
    assert different_moments("As of Monday, 12", "As of Friday, 12")
    assert not different_moments("Since May, 12", "since May, 15")


def test_same_moment_on_both_sides_stays_a_dispute():
    a = "Velo Corp shares closed up 14 cents on the Ardenia exchange."
    b = "Velo Corp shares closed up 19 cents on the Ardenia exchange."
    assert "number" in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("Police in Ardenia said the Velo blast killed 12 people.",
     "Police in Ardenia said the Velo blast killed 16 people."),
    ("The Velo blast in Ardenia killed 12 people on Monday.",
     "The Velo blast in Ardenia killed 16 people on Monday."),
])
def test_one_event_at_one_moment_stays_a_number_dispute(a, b):
    assert "number" in kinds(a, b)


# --- one measure against another ------------------------------------------------------------

def test_a_figure_excluding_items_is_another_measure():
    a = "Analysts polled by Velo Research expected a loss of 41 cents a share, excluding one-time items."
    b = "Analysts polled by Velo Research expected a loss of 57 cents a share."
    assert "number" not in kinds(a, b)
    assert different_measures(a, b)


def test_figures_excluding_different_things_are_different_measures():
    a = "Excluding the tax charge, Velo Corp of Ardenia earned 8 cents a share."
    b = "Excluding the tax charge and a write-down, Velo Corp of Ardenia earned 11 cents a share."
    assert "number" not in kinds(a, b)


def test_a_rise_and_a_fall_of_two_measures_are_no_negation():
    a = "Excluding fuel, Ardenian retail sales rose 0.4% in May."
    b = "Ardenian retail sales fell 0.3 percent overall in May."
    assert "negation" not in kinds(a, b)


def test_the_same_exclusion_on_both_sides_stays_a_dispute():
    a = "Excluding one-time items, Velo Corp of Ardenia earned 8 cents a share."
    b = "Excluding one-time items, Velo Corp of Ardenia earned 11 cents a share."
    assert "number" in kinds(a, b)


# --- one set against another ----------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("Velo chief Ann Rusk will meet the four unions separately on Friday.",
     "Ann Rusk will meet the other three unions separately later on Friday."),
    ("Ardenia's health office reported four more cases of Velo fever.",
     "Ardenia's health office has recorded 87 cases of Velo fever."),
    ("Velo Corp of Ardenia earned 31 cents a share, analysts said.",
     "Velo Corp of Ardenia earned 4 cents a share more than analysts said."),
    ("Ardenia's navy said 12 sailors were rescued from the Velo.",
     "Ardenia's navy said 5 of them were rescued from the Velo."),
    ("Ardenia sent 300 troops to the Velo border.",
     "Ardenia sent another 200 troops to the Velo border."),
])
def test_figures_counting_different_sets_are_no_dispute(a, b):
    assert "number" not in kinds(a, b)


def test_relative_figures():
    s = side("They met the other two unions, then five more staff, and 3 cents a share lower than forecast.")
    nums = [i for i, t in enumerate(s.toks) if t.num is not None]
    assert [relative(s, i) for i in nums] == [True, True, True]
    s = side("Officials said more than 40 people were hurt and 12 more than a year ago.")
    nums = [i for i, t in enumerate(s.toks) if t.num is not None]
    assert relative(s, nums[0]) is False


def test_the_same_set_on_both_sides_stays_a_dispute():
    a = "Ardenian officials said two guards were killed and six other guards injured at the Velo mine."
    b = "Ardenian officials said two guards were killed and nine other guards injured at the Velo mine."
    assert "number" in kinds(a, b)


# --- figures that account for one another ---------------------------------------------------

def test_a_value_inside_a_range_agrees_with_it():
    a = "Forecasts for Velo Corp of Ardenia ranged from 12 cents a share to 19 cents a share."
    b = "Analysts expected Velo Corp of Ardenia to earn 15 cents a share."
    assert "number" not in kinds(a, b)
    s = side(a)
    i = next(k for k, t in enumerate(s.toks) if t.num == 19)
    assert range_bounds(s, i) == (12, 19)


def test_a_value_outside_a_range_stays_a_dispute():
    a = "Forecasts for Velo Corp of Ardenia ranged from 12 cents a share to 19 cents a share."
    b = "Forecasts for Velo Corp of Ardenia ranged from 12 cents a share to 25 cents a share."
    assert "number" in kinds(a, b)


def test_a_figure_rounded_to_a_written_decimal_agrees():
    a = "The Kestrel index of Ardenia rose 21.5 points, or 0.37 percent, to 5,830.10."
    b = "The Kestrel index of Ardenia rose 21.5 points, a gain of 0.4% for the day."
    assert "number" not in kinds(a, b)


def test_a_round_figure_agrees_with_a_close_precise_one():
    a = "Velo fever infected 3,000 people in Ardenia last year."
    b = "Velo fever made 3,087 people ill in Ardenia last year."
    assert "number" not in kinds(a, b)


def test_a_round_figure_far_from_the_other_stays_a_dispute():
    a = "Velo fever infected 3,000 people in Ardenia last year."
    b = "Velo fever infected 3,400 people in Ardenia last year."
    assert "number" in kinds(a, b)


# --- times --------------------------------------------------------------------------------

def test_the_day_of_a_count_is_no_time_dispute():
    a = "As of Tuesday, Ardenia had 41 confirmed cases of Velo fever."
    b = "As of Friday, Ardenia had 44 confirmed cases of Velo fever."
    assert "time" not in kinds(a, b)


def test_two_days_market_reports_are_no_time_dispute():
    a = "Velo Corp shares gained $1.20, or 4.1 percent, to $30.45 on Wednesday in Ardenia."
    b = "Velo Corp shares were off 25 cents, or 0.9 percent, at $29.01 on Tuesday in Ardenia."
    assert "time" not in kinds(a, b)


def test_the_day_of_one_event_stays_a_time_dispute():
    a = "Ardenian police said the Velo bridge collapsed on Tuesday."
    b = "Ardenian police said the Velo bridge collapsed on Friday."
    assert "time" in kinds(a, b)


# --- hedges ---------------------------------------------------------------------------------

def test_reportedly_against_a_credited_source_is_no_hedge_difference():
    a = "Ruiz was held in Ardenia after reportedly telling Velo guards he took the keys."
    b = "Ruiz was held in Ardenia after telling Velo guards he took the keys, according to the charge sheet."
    assert "hedge" not in kinds(a, b)


def test_reportedly_against_an_unsourced_statement_stays_a_hedge():
    a = "Ardenia's Velo Corp reportedly pleaded not guilty on Monday to fraud charges."
    b = "Ardenia's Velo Corp pleaded not guilty on Monday to fraud charges."
    assert "hedge" in kinds(a, b)


def test_allegedly_against_a_credited_source_stays_a_hedge():
    a = "Ann Rusk of Ardenia allegedly took a $20,000 payment from Velo Corp, prosecutors said."
    b = "Ann Rusk of Ardenia took a $20,000 payment from Velo Corp, prosecutors said."
    assert "hedge" in kinds(a, b)


def test_a_quarter_against_no_period_is_another_moment():
    a = "Analysts had expected 38 cents a share from Velo Corp of Ardenia."
    b = "Velo Corp of Ardenia is expected to earn 31 cents a share for the third quarter."
    assert "number" not in kinds(a, b)


def test_the_day_of_a_statement_is_no_time_dispute():
    a = "Ardenian health officials said Monday a Velo worker has the first case of the fever."
    b = "Ardenian health officials confirmed Tuesday that a Velo worker has the first case of the fever."
    assert "time" not in kinds(a, b)
    a = "The Velo bridge in Ardenia collapsed on Tuesday, police said."
    b = "The Velo bridge in Ardenia collapsed on Friday, police said."
    assert "time" in kinds(a, b)


def test_two_days_moves_with_one_figure_pair_are_two_moments():
    a = "In Ardenia, the Kestrel index gained 0.7 percent on Monday as Velo shares rallied."
    b = "In Ardenia, the Kestrel index gained 0.2 percent on Tuesday as Velo shares rallied."
    assert "number" not in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("Gunmen in Ardenia opened fire on the Velo convoy and killed 12 people.",
     "Gunmen in Ardenia killed 16 people in the attack on the Velo convoy."),
    ("The late Velo founder of Ardenia left 12 heirs, his lawyer said.",
     "The Velo founder of Ardenia left 16 heirs, his lawyer said."),
    ("Police in Ardenia closed the Velo road after the blast killed 12 people.",
     "Police in Ardenia said the blast on the Velo road killed 16 people."),
    ("A blast on the Velo road in Ardenia killed 12 people on Sunday morning.",
     "A blast on the Velo road in Ardenia killed 16 people on Sunday."),
    ("The Velo blast was the highest toll in Ardenia this decade: 12 people were killed.",
     "The Velo blast in Ardenia killed 16 people, the highest toll this decade."),
])
def test_words_that_only_look_like_moments_keep_a_dispute(a, b):
    assert "number" in kinds(a, b)


def test_early_and_late_mark_a_moment_before_a_time_word():
    assert moment_markers("In early morning trade the index rose.") == {"early morning"}
    assert moment_markers("An early estimate put the toll at 12.") == frozenset()


def test_a_change_from_one_figure_to_another_is_no_range():
    a = "Ardenia's jobless rate rose from 12 percent to 15 percent in the Velo slump."
    b = "Ardenia's jobless rate rose to 14 percent in the Velo slump."
    assert "number" in kinds(a, b)
    s = side(a)
    assert range_bounds(s, next(k for k, t in enumerate(s.toks) if t.num == 15)) is None
