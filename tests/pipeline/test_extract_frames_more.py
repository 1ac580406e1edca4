"""Extractor 1.4 patterns (examples written for these tests): object-control verbs, "as X noted"
and "in X's view" frames, claim nouns, "with X saying" phrases, introductory phrases without a
comma, venue phrases between subject and verb, frames inside subordinate clauses, noun objects
cut before asides, and subject phrases that 1.3 missed."""
import pytest

from api.pipeline.extract import extract
from tests.pipeline.sources import source


def _ms(text):
    ms = extract(text).mentions
    for m in ms:
        assert m.text == text[m.start:m.end]
    return [(m.text, source(m)) for m in ms]


@pytest.mark.parametrize("text, expected", [
    # object-control verbs: the object and what it is urged to do
    ("Ana Ruiz urged residents to avoid the harbour bridge.",
     [("residents to avoid the harbour bridge.", "Ana Ruiz")]),
    ("The union has asked Tom Berg, the chair of the harbour board, to publish the inspection report.",
     [("to publish the inspection report.", "union")]),
    ("The family has called on police to release the videos and called on people to stay calm.",
     [("police to release the videos", "family"), ("people to stay calm.", "family")]),
    # negated auxiliaries written as one word
    ("Ana Ruiz isn't saying whether the harbour bridge will reopen.",
     [("whether the harbour bridge will reopen.", "Ana Ruiz")]),
    # a venue or date phrase between the subject and its verb
    ("Ana Ruiz in a radio interview warned that the harbour bridge was unsafe.",
     [("the harbour bridge was unsafe.", "Ana Ruiz")]),
    ("Rail traffic fell sharply, though an audit panel in 2019 found the timetable was not to blame.",
     [("Rail traffic fell sharply", None), ("the timetable was not to blame.", "audit panel")]),
    # an introductory phrase without a comma
    ("In a statement Tuesday the port authority said the harbour bridge would reopen in May.",
     [("the harbour bridge would reopen in May.", "port authority")]),
    ("In a radio interview Ana Ruiz declared that the levy was unfair.",
     [("the levy was unfair.", "Ana Ruiz")]),
    ("In a March 2019 meeting with the editorial board of the Harbour Post Ana Ruiz said that the levy "
     "may need to rise.", [("the levy may need to rise.", "Ana Ruiz")]),
    # "as X noted" frames
    ("As Ana Ruiz pointed out, the harbour bridge is too narrow for lorries.",
     [("the harbour bridge is too narrow for lorries.", "Ana Ruiz")]),
    ("The harbour bridge is too narrow for lorries, as Ana Ruiz noted.",
     [("The harbour bridge is too narrow for lorries", "Ana Ruiz")]),
    ("As Ana Ruiz put it, the levy is a tax on commuters.",
     [("the levy is a tax on commuters.", "Ana Ruiz")]),
    # "in X's view" frames
    ("In Ana Ruiz's view, the levy is unfair to commuters.",
     [("the levy is unfair to commuters.", "Ana Ruiz")]),
    ("In the words of one ferry captain, the harbour is a death trap.",
     [("the harbour is a death trap.", "one ferry captain")]),
    # light verbs
    ("Ana Ruiz made it clear that she would not vote for the levy.",
     [("she would not vote for the levy.", "Ana Ruiz")]),
    # intent verbs that are more often nouns
    ("The port authority plans to close the harbour bridge in May.",
     [("to close the harbour bridge in May.", "port authority")]),
    ("The authority's plans to close the bridge were shelved.",
     [("The authority's plans to close the bridge were shelved.", None)]),
])
def test_frames(text, expected):
    assert _ms(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Reporters seized on Ana Ruiz's claim that the tunnel had flooded twice this year.",
     [("Reporters seized on Ana Ruiz's claim", None), ("the tunnel had flooded twice this year.", "Ana Ruiz")]),
    # the claim is the subject: the "that" clause ends at the main verb
    ("The port authority's claim that the tunnel was dry turned out to be false.",
     [("the tunnel was dry", "port authority")]),
    # a relative clause after the noun is not a claim
    ("The report that was released on Tuesday runs to 90 pages.",
     [("The report that was released on Tuesday runs to 90 pages.", None)]),
])
def test_claim_nouns(text, expected):
    assert _ms(text) == expected


def test_with_phrase_gives_its_subject_the_words_after_the_participle():
    text = ("The council approved the budget on Monday, with several members saying that the harbour bridge "
            "is unsafe.")
    assert _ms(text) == [("The council approved the budget on Monday", None),
                         ("the harbour bridge is unsafe.", "several members")]


def test_with_phrase_after_a_governing_frame_is_a_second_speaker():
    text = "Polls show Ana Ruiz with a lead of six points, with one poll showing her ahead by ten points."
    assert _ms(text) == [("Ana Ruiz with a lead of six points", "Polls"), ("her ahead by ten points.", "one poll")]


def test_clause_after_but_is_the_outlets():
    text = "Ana Ruiz said the harbour bridge is safe, but the council has not published its inspection report."
    assert _ms(text) == [("the harbour bridge is safe", "Ana Ruiz"),
                         ("the council has not published its inspection report.", None)]


def test_lead_before_a_colon_is_the_outlets():
    text = "The vote set off a fierce row on Friday: opposition councillors said the levy was illegal."
    assert _ms(text) == [("The vote set off a fierce row on Friday", None),
                         ("the levy was illegal.", "opposition councillors")]


def test_announcement_and_a_coordinated_speech_verb():
    text = ("The port authority announced on Friday the closure of the harbour bridge and said ferries "
            "would run every hour.")
    assert _ms(text) == [("the closure of the harbour bridge", "port authority"),
                         ("ferries would run every hour.", "port authority")]


def test_object_then_participle_frame_gives_both_pieces():
    text = "Ana Ruiz attacked Tom Berg for his vote on the levy, saying, “He has abandoned commuters.”"
    assert _ms(text) == [("Tom Berg for his vote on the levy", "Ana Ruiz"),
                         ("He has abandoned commuters.", "Ana Ruiz")]


def test_participle_frame_with_an_infinitive():
    text = "On Thursday, however, Ana Ruiz spoke to a gathering of dockers, promising to lift the levy on ferries."
    assert _ms(text) == [("to lift the levy on ferries.", "Ana Ruiz")]


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz thanked the harbour engineers and volunteers, who worked through the storm.",
     [("the harbour engineers and volunteers", "Ana Ruiz")]),
    ("The port authority condemned the new ferry timetable as the strike entered its third week.",
     [("the new ferry timetable", "port authority"), ("the strike entered its third week.", None)]),
])
def test_noun_object_stops_before_an_aside(text, expected):
    assert _ms(text) == expected


def test_frame_in_a_trailing_subordinate_clause():
    text = ("They cite the disastrous 2012 budget vote, when the council wrongly stated that the bridge was safe "
            "for heavy lorries.")
    ms = _ms(text)
    assert ("the bridge was safe for heavy lorries.", "council") in ms


@pytest.mark.parametrize("text, speaker", [
    ("Polls show a close race in the harbour district.", "Polls"),
    ("Police also fear that the protests could spread to the harbour.", "Police"),
    ("A majority of residents expect the levy to pass next month.", "majority of residents"),
    ("Other unions, including the dockers' union, have also endorsed the plan to double the harbour levy.",
     "Other unions"),
    ("Leaked documents from the 2015 budget show the harbour board lost money every year.",
     "Leaked documents from the 2015 budget"),
    ("The latest Harbour/Metro opinion poll released Friday shows that the levy is unpopular.",
     "Harbour/Metro"),  # the poll's issuer speaks; the poll itself is kept as the role
    ("An independent study being released on Tuesday by a group of engineers shows how the bridge can be saved.",
     "independent study"),
    ("The Gazette and the union filed a motion to unseal the records, arguing the public had a right to know.",
     "Gazette and the union"),
])
def test_subject_phrases(text, speaker):
    ms = _ms(text)
    assert any(s == speaker for _, s in ms), ms


def test_a_month_that_is_also_a_name_is_not_a_speaker():
    text = "In June, the Ohio senator called on fellow Republicans to reject the toll plan."
    assert _ms(text) == [("fellow Republicans to reject the toll plan.", "Ohio senator")]


def test_new_speech_verbs():
    assert _ms("A neighbour commented: \"The bridge is a disgrace.\"") == [
        ("The bridge is a disgrace.", "neighbour")]
    assert _ms("The company disclosed that it had lost money on the ferry.") == [
        ("it had lost money on the ferry.", "company")]


def test_a_second_stance_frame_gives_its_object_its_own_speaker():
    text = "Residents want rents that stay low, and developers want rules that let rents rise with costs."
    assert _ms(text) == [("rents that stay low", "Residents"),
                         ("rules that let rents rise with costs.", "developers")]


def test_as_frame_runs_to_the_first_comma_after_the_verb():
    text = "As many engineers, including Ana Ruiz, have pointed out, the harbour bridge is too narrow for lorries."
    assert _ms(text) == [("the harbour bridge is too narrow for lorries.", "many engineers")]


def test_participle_after_a_quotation_gives_more_words_of_the_speaker():
    text = "“We cannot afford this,” Ana Ruiz said, adding later, “The levy is costing us a fortune.”"
    assert _ms(text) == [("We cannot afford this", "Ana Ruiz"), ("The levy is costing us a fortune.", "Ana Ruiz")]


def test_a_hyphen_inside_a_word_does_not_end_a_noun_object():
    text = "A judge rejected a media request to make public the contents of a 25-year-old court file."
    assert _ms(text) == [("a media request to make public the contents of a 25-year-old court file.", "judge")]


def test_time_phrase_opening_without_a_comma():
    assert _ms("Last week Ana Ruiz in a radio interview appeared to blame the contractors for the delay.") == [
        ("the contractors for the delay.", "Ana Ruiz")]
    assert _ms("This week the council said the levy would rise.") == [("the levy would rise.", "council")]
