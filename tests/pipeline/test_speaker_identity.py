"""One speaker comparison for the matcher and the attribution detector."""
import pytest

from api.pipeline.match import speaker_compatibility
from api.pipeline.speaker_identity import DIFFERENT, SAME, UNKNOWN, OFFICES, identify, name_words, relation


@pytest.mark.parametrize("a,b", [
    ("Blinken", "Antony Blinken"),                        # surname / full name
    ("Secretary of State Antony Blinken", "Mr Blinken"),  # titles
    ("Netanyahu's office", "Benjamin Netanyahu"),         # possessive office of a named head
    ("DNC", "Democratic National Committee"),             # initials
    ("Department of Justice", "DOJ"), ("Justice Department", "DOJ"),
    ("NRA", "National Rifle Association"),
    ("Hamas", "a Hamas spokesman"),
    ("IDF", "the Israeli military"),                      # one agency under two names (OFFICES)
    ("Israeli officials", "Israel"),
    ("J.R.R. Tolkien", "Tolkien"),
    ("Sen. Elizabeth Warren (D-Mass.)", "Warren"),
    ("Am\u00e9lie Dupr\u00e9", "Amelie Dupre"),                    # diacritics
])
def test_same(a, b):
    assert relation(a, b) == SAME
    assert relation(b, a) == SAME


@pytest.mark.parametrize("a,b", [
    ("the president", "Joe Biden"), ("President", "Joe Biden"),            # role / name
    ("the Prime Minister's Office", "Benjamin Netanyahu"), ("PMO", "Benjamin Netanyahu"),
    ("his office", "Benjamin Netanyahu"), ("the White House", "Joe Biden"),  # office / head
    ("officials", "Hamas"), ("a spokesman", "Hamas"), ("statement", "Hamas"),
    ("The statement", "Hamas"), ("residents", "Hamas"), ("witnesses", "Isaac Herzog"),
    ("Senior Hamas official", "Israeli officials"),
    ("Hamas", "the Israeli military"),                    # a country's forces / a group
    ("Israel", "Hamas"),
    ("Clinton campaign official", "Jennifer Palmieri"),   # a member of a named organisation
    ("Clinton campaign", "Cruz campaign"), ("Netanyahu's office", "Yoav Gallant"),
    ("Fox News host", "Glenn Beck"), ("Arizona Republican", "William Kristol"),  # media, labels
    ("Instead", "Sanders"),                               # a sentence word, not a name
    (None, "Isaac Herzog"), ("", "Herzog"), ("he", "Blinken"), (None, None),
])
def test_unknown(a, b):
    assert relation(a, b) == UNKNOWN
    assert relation(b, a) == UNKNOWN


@pytest.mark.parametrize("a,b", [
    ("Antony Blinken", "Isaac Herzog"), ("President Biden", "President Herzog"),
    ("Hamas", "Hezbollah"), ("Hamas official Osama Hamdan", "Hezbollah"),
    ("Israeli Prime Minister Benjamin Netanyahu", "Israeli Defense Minister Yoav Gallant"),
    ("Israeli officials", "Egyptian officials"), ("U.S. officials", "Qatari officials"),
])
def test_different(a, b):
    assert relation(a, b) == DIFFERENT
    assert relation(b, a) == DIFFERENT


def test_identity_classes_words():
    who = identify("Israeli Prime Minister Benjamin Netanyahu")
    assert who.names == {"benjamin", "netanyahu"}
    assert who.countries == {"IL"}
    assert {"prime", "minister"} <= who.roles
    assert name_words("the Prime Minister's Office") == set()
    assert identify("U.S. officials").countries == {"US"}


def test_offices_table_has_one_home_and_no_clashing_alias():
    aliases = [a for names in OFFICES.values() for a in names]
    assert len(aliases) == len(set(aliases))


def test_matcher_delegates():
    assert speaker_compatibility("Blinken", "Antony Blinken") == 1
    assert speaker_compatibility("Isaac Herzog", "Antony Blinken") == -1
    assert speaker_compatibility(None, "Antony Blinken") == 0
    assert speaker_compatibility("the president", "Joe Biden") == 0
    assert speaker_compatibility("PMO", "Benjamin Netanyahu") == 0
