"""Disagreement precision, fourth pass (issue #12 part 3, detector disagree-2.6): a record in
brackets, a ratio read the other way, two indexes, counts in two places, a figure inside a name,
a quote taken during the session and a European thousands separator; a modal of restriction or
of a relative clause's ability is no hedge. Each rule has a test that a real dispute stays."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.align import side
from api.pipeline.disagree.qualifiers import different_moments
from api.pipeline.disagree.scopes import (counted_place, different_ratios, index_names, name_figure,
                                          ratio, record_figure)
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))] + ["|"] + [d.kind for d in detect(M(b), M(a))]


def numbers_of(a, b):
    return [d for d in detect(M(a), M(b)) if d.kind == "number"]


# --- no number dispute ----------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    # a running record in brackets, read at two moments of a season
    ("On Monday, Velo City (31-12) beat the Kestrels 4-1.",
     "Velo City (30-12) has a deep roster this spring."),
    # a ratio read both ways (two days' market breadth)
    ("Advancing stocks outnumbered decliners about 3 to 1 on the Ardenia exchange.",
     "Declining stocks outnumbered advancers nearly 2 to 1 on the Ardenia exchange."),
    # two indexes of one family
    ("The Ardenia Kestrel 100 Index fell 12 points, or 0.8 percent, to 1,502.",
     "The Ardenia Kestrel mining index was up more than 2.4 percent."),
    # counts in two places
    ("About 12,000 Ardenian soldiers are based in Velonia.",
     "There are 40,000 Ardenian soldiers in Europe, most of them in Velonia and Kestria."),
    # two moves of one index once the figure of its name is set aside
    ("The Ardenia Kestrel 100 Index jumped 1.9 percent, while the Velo average rose 2.4 percent.",
     "The Ardenia Kestrel 100 Index gained 14.2 points, or 0.9 percent, at 1,611.5."),
    # a quote taken during the session against a move
    ("Against the Ardenian mark, the Velo crown was trading flat at 2.1185 marks.",
     "Against the Ardenian mark, the Velo crown rose 0.2 percent to 2.1230 marks."),
])
def test_figures_of_different_things_are_no_number_dispute(a, b):
    assert "number" not in kinds(a, b)


# --- still a dispute ------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    # a tally not in brackets: the vote itself
    ("The Ardenia senate passed the Velo bill 52-48 on Tuesday.",
     "The Ardenia senate passed the Velo bill 51-48 on Tuesday."),
    # the same ratio over the same terms
    ("Ardenia voters backed the Velo plan by 3 to 1, officials said.",
     "Ardenia voters backed the Velo plan by 2 to 1, officials said."),
    # one index named the same way on both sides
    ("The Ardenia Kestrel composite index rose 2 percent after the Velo report.",
     "The Ardenia Kestrel composite index rose 3 percent after the Velo report."),
    # the same place on both sides, or a place on one side only
    ("The Velo blast killed 12 people in Kestria City, police said.",
     "The Velo blast killed 16 people in Kestria City, police said."),
    ("The Velo blast killed 12 people in Kestria City, police said.",
     "The Velo blast killed 16 people, police said."),
    # "were trading" fire is no market quote
    ("Velo and Ardenia troops were trading fire when 12 soldiers died on the Kestria border.",
     "Velo and Ardenia troops were trading fire when 14 soldiers died on the Kestria border."),
    # a move at one moment, no quote word
    ("Velo Corp shares rose 3 percent on the Ardenia exchange.",
     "Velo Corp shares rose 5 percent on the Ardenia exchange."),
])
def test_same_thing_stays_a_number_dispute(a, b):
    assert kinds(a, b).count("number") == 2


def test_european_thousands_separator_reads_as_thousands():
    found = numbers_of("The 5,000 strong Velo force arrived in Ardenia on Monday.",
                       "The 4.600-strong Velo force arrived in Ardenia on Monday.")
    assert found and found[0].explanation.endswith("5,000 vs 4,600")
    assert side("The 4.600-strong force").toks[1].num == 4600
    assert side("The rate was 1.325 today").toks[3].num == 1.325  # a decimal standing alone


def test_scope_readers():
    s = side("Velo City (31-12) beat the Kestrels 4-1.")
    assert record_figure(s, 2) and record_figure(s, 3) and not record_figure(s, 6)
    a = side("Advancing stocks outnumbered decliners 3 to 1.")
    b = side("Declining stocks outnumbered advancers 2-to-1.")
    assert ratio(a, 4) and ratio(b, 4) and different_ratios(a, 4, b, 4)
    assert index_names(side("The Kestrel 100 Index and the mining index")) == {"#100", "mining"}
    c = side("About 12,000 soldiers are based in Velonia.")
    assert counted_place(c, 1) == {"velonia"}
    assert name_figure(side("The Ardenia Kestrel 100 Index fell."), 3)
    assert different_moments("the crown was trading at 2.1", "the crown rose to 2.2")


# --- hedges ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    # a modal of restriction (permission), not doubt
    ("Velo songs can be copied, but one list can only be copied up to four times.",
     "Velo tracks can be copied, but one list may only be copied up to four times."),
    # "who could" + an action verb: whom the set holds
    ("Ballots of the 2.1 million Ardenians who could vote on Velo machines are at risk.",
     "Ballots of the 2.1 million Ardenians voting on Velo machines are at risk."),
])
def test_restriction_and_ability_modals_are_no_hedge(a, b):
    assert "hedge" not in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("The Velo gunmen who could be hiding in Ardenia fired on the convoy.",
     "The Velo gunmen hiding in Ardenia fired on the convoy."),
    ("The Velo plant may close in Ardenia next year, officials said.",
     "The Velo plant will close in Ardenia next year, officials said."),
])
def test_doubt_modals_stay_hedges(a, b):
    assert "hedge" in kinds(a, b)


# --- parts of two wholes --------------------------------------------------------------------

def test_parts_of_two_wholes_are_no_number_dispute():
    a = "Out of the nearly $30 billion, $24.5 billion is set aside for Velonia and $2.5 billion for Kestria."
    b = "The $90 billion Ardenia budget includes $60 billion for Velonia, another $30 billion for roads and about $9 billion for Kestria."
    assert "number" not in kinds(a, b)


def test_one_whole_in_dispute_stays():
    a = "The $87 billion Ardenia budget includes $11 billion for Velonia, officials said."
    b = "The $80 billion Ardenia budget includes $11 billion for Velonia, officials said."
    assert kinds(a, b).count("number") == 2


# --- a day of a process going on ------------------------------------------------------------

def test_day_of_a_process_going_on_is_no_time_dispute():
    a = "Tropical Storm Velo continued its slow crawl toward the Ardenia coast early Monday, forecasters said."
    b = "Tropical Storm Velo headed for the Ardenia coast Sunday, forecasters said."
    assert "time" not in kinds(a, b)


def test_day_of_an_event_stays_a_time_dispute():
    a = "The Velo bridge in Ardenia collapsed early Monday, killing four drivers."
    b = "The Velo bridge in Ardenia collapsed on Sunday, killing four drivers."
    assert kinds(a, b).count("time") == 2


def test_punctuation_ends_a_place_so_a_quoted_count_stays_a_dispute():
    """'in Ardenia," Lind said': the place is Ardenia, not "Ardenia Lind" (which made the two
    counts look placed apart)."""
    a = '"Nothing makes up for the loss of 2.5 million jobs in Ardenia," said the senator, a veteran.'
    b = '"Nothing makes up for the loss of 2.7 million jobs in Ardenia," Lind said.'
    assert [p.value for p in side(b).places] == [("ardenia",)]
    assert "number" in kinds(a, b)
