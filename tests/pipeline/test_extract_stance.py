"""Attributions on verbs that are not classic speech verbs (beliefs, wishes, evaluations,
findings, commitments), wider subject phrases and headline cues (examples written for these
tests). As for speech verbs, the mention is the content and the subject is the speaker."""
import pytest

from api.pipeline.extract import EXTRACTOR_VERSION, extract
from tests.pipeline.sources import source


def _ms(text, **kw):
    res = extract(text, **kw)
    for m in res.mentions:
        assert m.text == text[m.start:m.end]
    return res.mentions


def _only(text):
    ms = _ms(text)
    assert len(ms) == 1, [(m.text, source(m)) for m in ms]
    return ms[0]


def test_version_is_bumped():
    assert EXTRACTOR_VERSION == "1.9.0"


@pytest.mark.parametrize("text, content, speaker", [
    ("Lina Ortiz believes that the new tram line will cut commuting times.",
     "the new tram line will cut commuting times.", "Lina Ortiz"),
    ("Lina Ortiz did not want to delay the vote on the tram line.",
     "to delay the vote on the tram line.", "Lina Ortiz"),
    ("Lina Ortiz opposed the plan to close the harbour bridge.",
     "the plan to close the harbour bridge.", "Lina Ortiz"),
    ("Lina Ortiz accused the transport agency of hiding the cost overruns.",
     "the transport agency of hiding the cost overruns.", "Lina Ortiz"),
    ("Lina Ortiz is once again questioning the safety of the harbour bridge.",
     "the safety of the harbour bridge.", "Lina Ortiz"),
])
def test_stance_verb_content_is_what_follows_the_verb(text, content, speaker):
    m = _only(text)
    assert (m.text, source(m)) == (content, speaker)


def test_poll_finding_is_attributed_to_the_poll():
    m = _only("A new Harbor Institute poll found that most commuters would pay a higher fare.")
    assert m.text == "most commuters would pay a higher fare."
    assert "poll" in m.speaker_role and m.speaker and "poll" not in m.speaker  # the issuer, not the poll


def test_study_with_a_relative_clause_is_the_speaker():
    m = _only("A 2019 study that appeared in a medical journal found that the drug had no effect.")
    assert m.text == "the drug had no effect."
    assert source(m) == "2019 study"


def test_plural_group_with_a_bare_verb_is_a_speaker():
    m = _only("Environmentalists worry that the new mine will poison the river.")
    assert (m.text, source(m)) == ("the new mine will poison the river.", "Environmentalists")


def test_bare_base_form_after_a_singular_noun_is_not_a_cue():
    text = "Republican support for the tram line has faded since the spring."
    m = _only(text)
    assert m.text == text and source(m) is None


def test_passive_stance_verb_does_not_make_its_subject_the_speaker():
    text = "The tram plan was criticized as too costly."
    m = _only(text)
    assert m.text == text and source(m) is None


def test_passive_with_an_agent_attributes_the_sentence_to_the_agent():
    text = "The tram plan is supported by a coalition of local business owners."
    m = _only(text)
    assert m.text == text and "coalition" in source(m)


def test_stance_adjective_with_that_clause():
    m = _only("Residents are worried that the new tram line will raise rents.")
    assert (m.text, source(m)) == ("the new tram line will raise rents.", "Residents")


def test_opening_phrase_with_a_prepositional_tail_is_the_speaker():
    m = _only("Experts on urban transport said the new tram line would ease traffic.")
    assert (m.text, source(m)) == ("the new tram line would ease traffic.", "Experts on urban transport")


def test_opening_phrase_after_an_introductory_comma():
    m = _only("Yet, a 2019 report by the city auditor found that the tram line was over budget.")
    assert m.text == "the tram line was over budget."
    assert "auditor" in source(m)


def test_second_predicate_of_a_stance_verb_ends_its_content():
    ms = _ms("Lina Ortiz criticized the long delay at the harbour bridge, but stopped short of blaming "
             "the mayor.")
    # the second predicate ends the content; left without its subject, it is no mention of its own
    assert [(m.text, source(m)) for m in ms] == [("the long delay at the harbour bridge", "Lina Ortiz")]


def test_coordinated_stance_verbs_give_two_pieces():
    ms = _ms("Lina Ortiz has attacked the planned fare increase for students, and has called for a freeze on rents.")
    assert [(m.text, source(m)) for m in ms] == [("the planned fare increase for students", "Lina Ortiz"),
                                                  ("a freeze on rents.", "Lina Ortiz")]


def test_speech_beats_a_stance_verb_in_the_same_sentence():
    m = _only("Lina Ortiz said that voters want a cheaper tram line.")
    assert (m.text, source(m)) == ("voters want a cheaper tram line.", "Lina Ortiz")


def test_speech_verb_with_a_noun_object_gives_the_object():
    m = _only("In her 2010 memoir, Lina Ortiz noted the bridge's structural problems.")
    assert (m.text, source(m)) == ("the bridge's structural problems.", "Lina Ortiz")


def test_speech_verb_with_an_infinitive():
    m = _only("The transport unions agreed to suspend the strike until Friday.")
    assert (m.text, source(m)) == ("to suspend the strike until Friday.", "transport unions")


def test_cue_after_to_takes_the_main_subject():
    ms = _ms("Lina Ortiz took to the radio to accuse the mayor of wasting public money.")
    assert ("the mayor of wasting public money.", "Lina Ortiz") in [(m.text, source(m)) for m in ms]


def test_title_case_headline_with_a_cue():
    m = _only("New Survey Shows Strong Support For Tram Line")
    assert (m.text, source(m)) == ("Strong Support For Tram Line", "New Survey")


def test_headline_ending_in_says():
    m = _only("Tram Line Will Be Late, Transport Minister Says")
    assert (m.text, source(m)) == ("Tram Line Will Be Late", "Transport Minister")


def test_surname_particle_stays_in_the_name():
    m = _only("De Vries said that the harbour will reopen in May.")
    assert (m.text, source(m)) == ("the harbour will reopen in May.", "De Vries")


def test_non_restrictive_relative_clause_ends_the_content():
    m = _ms("Lina Ortiz said she expects the bridge to reopen soon, which would end months of delays.")[0]
    assert (m.text, source(m)) == ("she expects the bridge to reopen soon", "Lina Ortiz")


def test_poll_named_after_a_news_agency_is_not_a_photo_credit():
    m = _only("The Reuters/Ipsos poll showed the mayor leading by six points.")
    assert m.speaker == "Ipsos" and "poll" in m.speaker_role


def test_number_opening_the_reported_clause_stays_in_the_content():
    m = _only("The port authority said 40 ships remain stuck outside the harbour after the storm.")
    assert m.text == "40 ships remain stuck outside the harbour after the storm."
    assert source(m) == "port authority"
