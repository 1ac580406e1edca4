"""Place phrases and the ``place`` detector."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.align import tokenize
from api.pipeline.disagree.places import parse_places
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))]


def places(text):
    return [p.value for p in parse_places(tokenize(text), text)]


def test_parse_places():
    assert places("Blinken met Netanyahu in Tel Aviv on Monday") == [("tel", "aviv")]
    assert places("He met President Biden at the White House") == [("white", "house")]
    assert places("He is travelling to Egypt on Tuesday") == [("egypt",)]
    assert places("He spoke to Netanyahu in August") == []  # 'to' without motion; month


@pytest.mark.parametrize("a,b", [
    ("Blinken met Netanyahu in Jerusalem on Monday.", "Blinken met Netanyahu in Tel Aviv on Monday."),
    ("Talks will take place in Cairo later this week.", "Talks will take place in Doha later this week."),
    ("He will travel to Egypt on Tuesday.", "He will travel to Qatar on Tuesday."),
    ("Protesters gathered outside the Knesset in Jerusalem.", "Protesters gathered outside the Knesset in Haifa."),
    ("The plant will be built in Ohio next year.", "The plant will be built in Texas next year."),
    ("The rally was held in Cleveland on Friday.", "The rally was held in Phoenix on Friday."),
])
def test_place_positives(a, b):
    assert "place" in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("Protesters sat outside parliament in Jerusalem on Monday.", "Protesters sat outside parliament on Monday."),
    ("Strikes hit homes in Gaza.", "Strikes hit homes in Gaza City."),
    ("He met Netanyahu in Jerusalem.", "He met Netanyahu in Jerusalem, Israel."),
    ("He met officials in Jerusalem as Democrats met in Chicago.", "He met officials as Democrats gathered in Chicago."),
    ("Blinken met Netanyahu in Jerusalem.", "In Jerusalem, Blinken met Netanyahu."),
    ("The talks resumed in Cairo on Monday.", "The talks resumed on Monday in Cairo."),
    ("He spoke to Netanyahu on Monday.", "He spoke to Herzog on Monday."),
    ("Light pollution is rising across the UK.", "Light pollution is rising across Britain."),
    ("A convoy was travelling near Fallujah.", "A convoy was travelling near Falluja."),
    # a place and a place inside it agree
    ("Three rockets were fired in Israel overnight.", "Three rockets were fired in Jerusalem overnight."),
    ("Airstrikes hit a school in Gaza on Sunday.", "Airstrikes hit a school in Khan Younis on Sunday."),
    ("The plant will be built in Ohio next year.", "The plant will be built in Cleveland next year."),
    ("Airstrikes hit a school in Gaza on Sunday.", "Airstrikes hit a school in Khan Yunis on Sunday."),
    # places the gazetteer does not know: silent
    ("The summit was held at Camp David.", "The summit was held at the White House."),
    ("The vote took place in Foozleton.", "The vote took place in Barnaby Creek."),
])
def test_place_negatives(a, b):
    assert "place" not in kinds(a, b)


def test_place_spans():
    a, b = "Blinken met Netanyahu in Jerusalem on Monday.", "Blinken met Netanyahu in Tel Aviv on Monday."
    [d] = detect(M(a), M(b))
    assert (d.a_span.text, d.b_span.text) == ("Jerusalem", "Tel Aviv")
    assert b[d.b_span.start:d.b_span.end] == "Tel Aviv"


def test_gazetteer_containment():
    from api.pipeline.gazetteer import exclusive, locate
    assert not exclusive("Israel", "Jerusalem") and not exclusive("Gaza", "Khan Younis")
    assert not exclusive("Ohio", "Cleveland") and not exclusive("Rafah", "Gaza")  # Rafah: Egypt and Gaza
    assert not exclusive("Camp David", "Cairo")  # unknown: never exclusive
    assert exclusive("Cairo", "Doha") and exclusive("Ohio", "Texas") and exclusive("Israel", "Egypt")
    assert {loc.kind for loc in locate("Georgia")} >= {"country", "region"}
