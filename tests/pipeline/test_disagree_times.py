"""Time expressions and the ``time`` detector."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.align import tokenize
from api.pipeline.disagree.times import parse_times
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))]


def times(text):
    return [(x.type, x.value) for x in parse_times(tokenize(text), text)]


def test_parse_times():
    assert times("on Aug. 19 at 3 p.m.") == [("date", (7, 19)), ("clock", 900)]
    assert times("19 August 2024") == [("date", (7, 19)), ("year", 2024)]
    assert times("later this week, on Sunday evening") == [("rel-week", 0), ("weekday", "sunday")]
    assert times("yesterday at 15:30") == [("rel-day", -1), ("clock", 930)]
    assert times("2,024 people in May") == [("month", 4)]


@pytest.mark.parametrize("a,b", [
    ("Hamas claimed a bomb blast on Sunday in Tel Aviv.", "Hamas claimed a bomb blast on Monday in Tel Aviv."),
    ("The Senate vote is on Aug. 19.", "The Senate vote is on Aug. 20."),
    ("The Senate vote is at 3 p.m. on Friday.", "The Senate vote is at 5 p.m. on Friday."),
    ("Ohio passed the law in 2019.", "Ohio passed the law in 2021."),
])
def test_time_positives(a, b):
    assert "time" in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("Blinken met Netanyahu on Monday.", "Blinken met Netanyahu."),
    ("Talks later this week in Cairo.", "Talks this week in Cairo."),
    ("Talks on Sunday evening in Cairo.", "Talks on Sunday in Cairo."),
    ("The vote is on Aug. 19.", "The vote is on August 19."),
    ("The vote is on Monday, Aug. 19.", "The vote is on Aug. 19."),
    ("Biden set the goal on Saturday and Blinken met Netanyahu on Monday.", "Blinken met Netanyahu on Monday."),
    ("He arrived at 3 p.m.", "He arrived at 3pm."),
    ("A relative called police at about 3 p.m.", "A relative called police at 3:22 p.m."),
    ("The contest was extended until 6 p.m. EDT Sunday.", "The contest was extended until 3 p.m. Arizona time Sunday."),
    # other types of expression, and days relative to each article's own date
    ("The talks resume on Monday in Cairo.", "The talks resume this week in Cairo."),
    ("He said it at 3 p.m. on Monday.", "He said it in the afternoon on Monday."),
    ("The talks were held last week.", "The talks were held this week."),
    ("The ceasefire began yesterday.", "The ceasefire began today."),
])
def test_time_negatives(a, b):
    assert "time" not in kinds(a, b)


def test_time_spans():
    a, b = "The blast in the Rafah market was on Sunday.", "The blast in the Rafah market was on Monday."
    [d] = detect(M(a), M(b))
    assert (d.a_span.text, d.b_span.text) == ("Sunday", "Monday")
    assert "'on Sunday'" in d.explanation


@pytest.mark.parametrize("a,b", [
    ("The nationwide poll was conducted Nov. 6 to 10 among 418 voters.",
     "The nationwide poll was conducted July 8 to 12 among 1,358 voters."),   # two polls
    ("This is the newsletter for Wednesday, February 3, 2016.", "This is the newsletter for Monday, May 2, 2016."),
    ('<post post-date="March 9, 2016">Vote today in the county</post>', '<post post-date="March 10, 2016">Vote today in the county</post>'),
])
def test_other_occasions_are_not_a_time_disagreement(a, b):
    assert "time" not in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("The vote is on Aug. 19.", "The vote is on Aug. 20."),  # which vote? nothing is named
    ("The law was passed in 2019.", "The law was passed in 2021."),
])
def test_dates_of_nothing_named_are_not_disputed(a, b):
    assert "time" not in kinds(a, b)
