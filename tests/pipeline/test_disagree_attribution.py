"""Speakers and the ``attribution`` detector."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.attribution import compatible
from api.pipeline.types import MentionText as M

QUOTE = '"The meeting with the minister was positive and useful," {} said.'


@pytest.mark.parametrize("s1,s2", [
    ("Netanyahu's office", "Benjamin Netanyahu"), ("Antony Blinken", "Blinken"), (None, "Herzog"),
    ("he", "Blinken"), ("US Secretary of State Antony Blinken", "Secretary Blinken"),
    ("Prime Minister Benjamin Netanyahu", "Netanyahu"), ("Hamas", "a Hamas spokesman"),
    ("the president", "Joe Biden"), ("the Prime Minister's Office", "Benjamin Netanyahu"),
    ("PMO", "Benjamin Netanyahu"), ("DNC", "Democratic National Committee"), ("officials", "Hamas"),
    ("Hamas", "the Israeli military"), ("Clinton campaign official", "Jennifer Palmieri"),
])
def test_compatible_speakers(s1, s2):
    assert compatible(s1, s2)


@pytest.mark.parametrize("s1,s2", [
    ("Antony Blinken", "Isaac Herzog"), ("President Biden", "President Herzog"),
    ("Hamas", "Hezbollah"),
])
def test_incompatible_speakers(s1, s2):
    assert not compatible(s1, s2)


def test_attribution_flagged():
    a = M(QUOTE.format("Blinken"), speaker="Antony Blinken", is_quote=True)
    b = M(QUOTE.format("Herzog"), speaker="Isaac Herzog", is_quote=True)
    [d] = detect(a, b)
    assert d.kind == "attribution"
    assert (d.a_span.text, d.b_span.text) == ("Blinken", "Herzog")
    assert "Antony Blinken" in d.explanation and "Isaac Herzog" in d.explanation


@pytest.mark.parametrize("sa,sb", [
    ("Netanyahu's office", "Benjamin Netanyahu"), (None, "Isaac Herzog"), ("Blinken", None),
    ("he", "Isaac Herzog"), ("the president", "Joe Biden"), ("PMO", "Benjamin Netanyahu"),
    ("a spokesman", "Isaac Herzog"), ("DNC", "Democratic National Committee"),
])
def test_attribution_not_flagged(sa, sb):
    a = M('"The meeting was positive," the statement said.', speaker=sa, is_quote=True)
    b = M('"The meeting was positive," the office said.', speaker=sb, is_quote=True)
    assert "attribution" not in [d.kind for d in detect(a, b)]


def test_attribution_span_is_the_name_only():
    a = M('"It is his ninth mission since October," said Isaac Herzog.', speaker="Isaac Herzog", is_quote=True)
    b = M('It is his ninth mission since October, Blinken said.', speaker="Blinken")
    [d] = detect(a, b)
    assert (d.a_span.text, d.b_span.text) == ("Isaac Herzog", "Blinken")


def test_attribution_not_flagged_when_one_text_names_both():
    a = M('"The meeting was positive," Blinken said after meeting Herzog.', speaker="Isaac Herzog",
          is_quote=True)
    b = M('"The meeting was positive," Blinken said.', speaker="Antony Blinken", is_quote=True)
    assert "attribution" not in [d.kind for d in detect(a, b)]


def test_attribution_needs_the_same_words():
    a = M('"They picked the cases simply because of the names in the title," Lerner said.',
          speaker="Lois Lerner", is_quote=True)
    b = M('"It was never a contest between the party and the voters in the district," Brat said.',
          speaker="Dave Brat", is_quote=True)
    assert "attribution" not in [d.kind for d in detect(a, b)]


@pytest.mark.parametrize("sa,sb", [("Glenn Beck", "Fox News host"), ("Jim Manley", "Fox News"),
                                   ("William Kristol", "Arizona Republican"), ("Mary Cheney", "Times")])
def test_media_and_labels_are_not_a_clash(sa, sb):
    a = M(QUOTE.format("he"), speaker=sa, is_quote=True)
    b = M(QUOTE.format("he"), speaker=sb, is_quote=True)
    assert detect(a, b) == []


def test_reported_speech_on_both_sides_is_not_attribution():
    a = M("Blinken said the meeting with the minister was positive and useful.", speaker="Antony Blinken")
    b = M("Herzog said the meeting with the minister was positive and useful.", speaker="Isaac Herzog")
    assert "attribution" not in [d.kind for d in detect(a, b)]


def test_a_quotation_inside_a_quotation_is_not_attribution():
    a = M("Crooked Hillary Clinton and her team \u2018were extremely careless in handling very sensitive "
          "information.\u2019", speaker="Donald Trump", is_quote=True)
    b = M("Clinton and her team were \u201cextremely careless in handling very sensitive information.\u201d",
          speaker="James Comey", is_quote=True)
    assert "attribution" not in [d.kind for d in detect(a, b)]
