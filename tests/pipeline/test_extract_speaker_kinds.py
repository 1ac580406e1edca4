"""A speaker is a person or an organisation, resolved to the fullest name the article gives;
roles, groups, documents, media and words of the sentence give ``speaker=None`` with the phrase
kept as ``speaker_role`` (examples written for these tests)."""
import pytest

from api.pipeline.extract import extract
from api.pipeline.extract.sentences.fragments import is_clause_fragment, is_venue_tail
from api.pipeline.extract.speakers.kinds import settle


def _who(text, fragment):
    """(speaker, speaker_role) of the mention holding ``fragment``."""
    ms = [m for m in extract(text).mentions if fragment in m.text]
    assert ms, [m.text for m in extract(text).mentions]
    return ms[0].speaker, ms[0].speaker_role


@pytest.mark.parametrize("text, fragment, expected", [
    ("A senior administration official said the talks would resume in May.", "talks would resume",
     (None, "senior administration official")),
    ("Critics say the harbour levy is far too costly.", "levy is far", (None, "Critics")),
    ("\u201cWe will not back down on the levy,\u201d the statement said.", "not back down", (None, "statement")),
    ("Residents said the water had been brown for a week.", "water had been", (None, "Residents")),
    ("One union official said the strike would last until Friday.", "strike would last",
     (None, "One union official")),
])
def test_unnamed_sources_keep_their_phrase_as_the_role(text, fragment, expected):
    assert _who(text, fragment) == expected


@pytest.mark.parametrize("text, fragment, speaker", [
    ("A statement from the Harbour Party said the levy was unfair to fishermen.", "levy was unfair",
     "Harbour Party"),
    ("A spokesman for the Harbour Party said the levy would be scrapped.", "levy would be scrapped",
     "Harbour Party"),
    ("A new Quinnipiac University poll shows the mayor ahead by six points.", "mayor ahead",
     "Quinnipiac University"),
])
def test_a_document_or_spokesperson_gives_its_named_author(text, fragment, speaker):
    assert _who(text, fragment)[0] == speaker


def test_a_role_is_resolved_to_the_person_the_article_names():
    text = ("President Maria Lopez visited the flooded district on Monday.\n"
            "\u201cWe will rebuild every home,\u201d the president said.")
    assert _who(text, "rebuild every home") == ("Maria Lopez", "President")


def test_a_title_resolves_the_role_it_stands_for():
    text = ("Sen. Tom Berg toured the harbour on Monday with Ana Ruiz.\n"
            "The senator said the bridge needed urgent repairs.")
    assert _who(text, "bridge needed")[0] == "Tom Berg"


def test_an_unresolvable_role_is_no_speaker():
    text = "The mayor said the bridge would reopen in May."
    assert _who(text, "bridge would reopen") == (None, "mayor")


def test_a_definite_description_of_an_organisation_the_article_names():
    text = ("The State Department released the cables on Monday.\n"
            "The department said more would follow in June.")
    assert _who(text, "more would follow")[0] == "State Department"


def test_his_office_is_the_office_of_the_person_last_named():
    text = ("Governor Tom Berg signed the harbour bill on Monday.\n"
            "His office said the levy would take effect in June.")
    assert _who(text, "levy would take effect")[0] == "Tom Berg's office"


def test_according_to_a_publication_does_not_replace_the_named_speaker():
    text = "\u201cI want to see the report,\u201d said Ana Ruiz in an interview, according to the Harbour Times."
    assert _who(text, "want to see the report")[0] == "Ana Ruiz"


@pytest.mark.parametrize("text, fragment", [
    ("UPDATE: Tom Berg defended his record on the harbour bridge on Tuesday.", "defended his record"),
    ("Citing last week's storm, the council closed the harbour bridge.", "closed the harbour"),
])
def test_layout_words_and_clause_openers_are_never_speakers(text, fragment):
    speaker, _ = _who(text, fragment)
    assert speaker is None or speaker not in ("UPDATE", "Citing last week's storm")


def test_a_sentence_opening_word_is_no_part_of_a_name():
    text = ("Donald Blake spoke first.\nMostly for Blake, the night was a success.\n"
            "\u201cWe won,\u201d Blake said.")
    assert _who(text, "We won")[0] == "Donald Blake"


def test_the_outlets_leftover_clause_is_no_mention_of_its_own():
    text = "When the audience finished laughing, Ana Ruiz said the levy was dead."
    ms = extract(text).mentions
    assert [(m.text, m.speaker) for m in ms] == [("the levy was dead.", "Ana Ruiz")]


@pytest.mark.parametrize("piece, fragment", [
    ("as he met with union leaders in Leeds.", True),
    ("in a veiled reference to the strike.", True),
    ("on the condition of anonymity", True),
    ("her right to remain silent", True),
    ("speaking to reporters in Leeds", True),
    ("Rail traffic fell sharply", False),
    ("The vote set off a fierce row on Friday", False),
    ("The mill will close next year.", False),
])
def test_clause_fragments(piece, fragment):
    assert is_clause_fragment(piece) is fragment


@pytest.mark.parametrize("phrase, surface, person, expected", [
    ("Antony Blinken", "Antony Blinken", True, ("Antony Blinken", None)),
    ("Bill de Blasio", "Bill de Blasio", True, ("Bill de Blasio", None)),
    ("Rep. Steve King", "Rep. Steve King", True, ("Rep. Steve King", None)),
    ("Richard Blumenthal of Connecticut", "Richard Blumenthal of Connecticut", True, ("Richard Blumenthal", None)),
    ("mayor of Mesa", "the mayor of Mesa", False, (None, "mayor of Mesa")),
    ("AARP spokeswoman", "an AARP spokeswoman", True, ("AARP", "AARP spokeswoman")),
    ("Washington Post", "The Washington Post", False, ("Washington Post", None)),
    ("Post", "The Post", False, ("Post", None)),
    ("White House", "the White House", False, ("White House", None)),
    ("statement", "a statement", False, (None, "statement")),
    ("Warns Blinken", "Warns Blinken", True, (None, None)),
    ("pushback crested with Bill Kristol", "The pushback crested with Bill Kristol", False, (None, None)),
    ("Leaked documents", "Leaked documents", False, (None, "Leaked documents")),
    ("Challenged by Ana Ruiz on the levy", "Challenged by Ana Ruiz on the levy", True, (None, None)),
    ("two weeks ago", "two weeks ago", False, (None, None)),
    ("Much", "Much", False, (None, None)),
    ("Leeds-area Berg", "Leeds-area Berg", True, ("Berg", None)),
    ("excerpts provided by the Justice Department", "excerpts provided by the Justice Department", False,
     ("Justice Department", "excerpts provided by the Justice Department")),
    ("statement from the Harbour Party", "a statement from the Harbour Party", False,
     ("Harbour Party", "statement from the Harbour Party")),
])
def test_settle(phrase, surface, person, expected):
    s = settle(phrase, None, person=person, surface=surface)
    assert (s.speaker, s.role) == expected


def test_where_it_was_said_is_no_mention():
    text = "\u201cWe will win,\u201d Ruiz said in a statement released by her campaign on Monday."
    assert [(m.text, m.speaker) for m in extract(text).mentions] == [("We will win", "Ruiz")]


@pytest.mark.parametrize("piece, tail", [
    ("in a statement released by her campaign on Monday.", True),
    ("during a rally in Ohio", True),
    ("in Ohio, where the plant is, jobs are gone.", False),
])
def test_venue_tails(piece, tail):
    assert is_venue_tail(piece) is tail


def test_a_quotation_in_a_sentence_without_a_speech_cue_is_its_subjects():
    text = "Ana Ruiz spoke on Monday. Ruiz hailed the harbour deal as a \u201cbreakthrough for the town.\u201d"
    assert _who(text, "breakthrough")[0] == "Ana Ruiz"


def test_a_quoted_title_is_nobodys_words():
    text = "Ana Ruiz spoke on Monday. Ruiz appeared on \u201cHarbour Nights\u201d to promote the levy."
    assert _who(text, "Harbour Nights")[0] is None


def test_a_surname_that_looks_like_a_plural_is_the_person():
    text = ("Bernie Sanders spoke first.\n"
            "Sanders delivered a retort: \u201cNo one is tearing this up. We are going forward.\u201d")
    assert _who(text, "tearing this up")[0] == "Bernie Sanders"


def test_words_after_a_later_frame_are_that_speakers():
    text = "\u201cWe will not let this stand,\u201d Schumer said, and Pelosi agreed that the bill was dead."
    assert [(m.text, m.speaker) for m in extract(text).mentions] == [
        ("We will not let this stand", "Schumer"), ("the bill was dead.", "Pelosi")]


def test_a_party_description_refers_back_to_the_politician_just_named():
    text = ("Sen. Tom Berg, R-Ore., said the levy was \u201cwildly unfair.\u201d "
            "The Oregon Republican said the mayor must \u201cmake an appropriate decision\u201d soon.")
    assert _who(text, "appropriate decision")[0] == "Tom Berg"


def test_a_party_member_alone_is_no_speaker():
    assert settle("Democrat", None, person=False, surface="a Democrat").speaker is None


def test_a_person_whose_title_names_an_organisation_is_a_person():
    text = ("Port Secretary Jacob Lund said the ruling was fair. Harbour Workers Union President Chad "
            "Grove said that \u201ccouples will now be treated equally.\u201d He added, \u201cThese families "
            "finally have access to the benefits.\u201d")
    assert _who(text, "These families")[0] == "Chad Grove"


def test_he_after_an_asked_clause_is_the_main_subject():
    text = ("Lena Hart spoke first.\nAsked whether the harbour would close, Rob Dale, a former port "
            "official, offered a calmer view.\n\u201cThe harbour will not close,\u201d he said.")
    assert _who(text, "will not close")[0] == "Rob Dale"
