"""Speaker patterns found categorising missed quotations (examples written for these tests): an
inverted speaker followed by "of …", a named person after describing words right after a
quotation, an inverted speaker whose appositive runs past the end of a short tail, a later
quote-only frame with its own speaker, a main subject after an opening "And"/"But", a role in
brackets after an appositive, and an unnamed speaker after an inverted cue (who is nobody named,
and does not let the quotation carry on an earlier speaker)."""
import pytest

from api.pipeline.extract import extract


def _speakers(text):
    ms = extract(text).mentions
    for m in ms:
        assert m.text == text[m.start:m.end]
    return [(m.text, m.speaker, m.speaker_role) for m in ms]


@pytest.mark.parametrize("text, expected", [
    # an inverted speaker with a prepositional phrase after the name
    ('"The bridge will not reopen before May," said Ana Ruiz of the New Harbour Board delegation.',
     [("The bridge will not reopen before May", "Ana Ruiz", None)]),
    ('"The levy is fair," said Tom Berg of the Harbour Post.',
     [("The levy is fair", "Tom Berg", None)]),
    # describing words before a name right after a quotation
    ('"We will not run his column again," Harbour Post opinion editor Tom Berg told a radio station.',
     [("We will not run his column again", "Tom Berg", "Harbour Post opinion editor")]),
    ('"The vote could shake the council," veteran analyst Ana Ruiz wrote this week.',
     [("The vote could shake the council", "Ana Ruiz", "veteran analyst")]),
    # an inverted speaker with a long appositive governs the sentence, not a verb earlier in it
    ('The closure of the ferry signals "the end of an era" for the island, said Ana Ruiz, the chair '
     'of the island council and a former harbour pilot.',
     [('The closure of the ferry signals "the end of an era" for the island', "Ana Ruiz")]),
    # a later frame with a quote-only verb gives its quotation to its own subject
    ('Ana Ruiz said she was "very encouraged" and Tom Berg called it a "useful meeting."',
     [('she was "very encouraged"', "Ana Ruiz"), ("useful meeting.", "Tom Berg")]),
    # the main subject after an opening conjunction and adverb speaks through a participle
    ('And then Ana Ruiz went on the attack, saying, "Will the council finally act?"',
     [("Will the council finally act?", "Ana Ruiz")]),
    ('But Tom Berg went further, saying the levy "will fail."', [('the levy "will fail."', "Tom Berg")]),
    # a bracketed aside after an appositive role: the name before the role speaks
    ('Ana Ruiz, chairman of Harbour Rising (a Republican PAC), wrote: "The bridge is unsafe."',
     [("The bridge is unsafe.", "Ana Ruiz")]),
])
def test_session6_speakers(text, expected):
    got = _speakers(text)
    assert [g[:len(e)] for g, e in zip(got, expected)] == expected and len(got) == len(expected)


@pytest.mark.parametrize("text", [
    # a participle with an organisation after it is not an inverted speaker
    'Tom Berg said the club will meet again, "It is time we change," promising the Friends of the Port '
    'will return to its roots.',
    # function words before a name are no role: "which", "in which", "from"
    'The ruling, in which Judge Ana Ruiz cited the public interest, said the files must be released.',
])
def test_session6_no_false_speaker(text):
    for _, speaker, _ in _speakers(text):
        assert speaker not in ("Friends", "Ana Ruiz")


@pytest.mark.parametrize("text, role", [
    ('The harbour board said it was cooperating.\n\n"There was wrongdoing," said a former senior port '
     'security official.', "former senior port security official"),
    ('Ana Ruiz spoke first.\n\n"Nobody wants a fight," said one party activist.', "one party activist"),
    ('Tom Berg opened the video.\n\n"In this town, the middle class gets crushed," says a narrator.', "narrator"),
])
def test_session6_unnamed_inverted_speaker(text, role):
    last = _speakers(text)[-1]
    assert last[1] is None and last[2] == role


def test_session6_name_with_home_state_is_the_fullest_name():
    """"Senator Ana B. Ruiz of Vermont" registers Ana B Ruiz, so a later "Ms. Ruiz" is her, not a
    shorter name (nor another Ruiz the article names later)."""
    text = ('Senator Ana B. Ruiz of Vermont, the senior member of the committee, scolded the agency.\n\n'
            'But Ms. Ruiz also warned her colleagues. "We need to be careful," she said.\n\n'
            'Her cousin Tomas Ruiz was not there.')
    spoken = [m for m in extract(text).mentions if m.is_quote]
    assert [(m.text, m.speaker) for m in spoken] == [("We need to be careful", "Ana B. Ruiz")]


@pytest.mark.parametrize("text, speaker", [
    # a surname ending in -lly is a name, not a capitalised adverb
    ('Bill Donnelly, a longtime harbour pilot, spoke first.\n\n"The bridge is unsafe," said Donnelly.',
     "Bill Donnelly"),
    # a role that is itself an appositive, followed by a relative clause: the name before it speaks
    ('But Ana Ruiz, acting director of Harbour Forward, which organized the protest, said the bridge '
     'was "unsafe."', "Ana Ruiz"),
])
def test_session6_named_speaker(text, speaker):
    spoken = [m for m in extract(text).mentions if m.is_quote]
    assert [m.speaker for m in spoken] == [speaker]


def test_session6_named_appositive_subject():
    """"Another candidate, Tom Berg, the port treasurer, …, saying …": Tom Berg speaks, not the
    candidate named before him."""
    text = ('One candidate, Ana Ruiz, said the levy was unfair. Another candidate, Tom Berg, the port '
            'treasurer, qualified his view, saying that he would "bring together all the parties."')
    spoken = [m for m in extract(text).mentions if m.is_quote]
    assert [(m.speaker, m.speaker_role) for m in spoken] == [("Tom Berg", "Another candidate")]
