"""Quotation speakers that generalise (issue #12 part 1, precision; examples written for these
tests): a quotation-led paragraph that speaks of the previous speaker in the third person is not
carried on to them, a quoted word written on something is no quotation of speech, a
party-and-state tag after a name is no speaker, and a programme's title in the outlet's narration
is no quotation."""
import pytest

from api.pipeline.extract import extract
from api.pipeline.extract.sentences.titles import is_title, is_title_tail


def _speaker_of(text, start):
    return next(m.speaker for m in extract(text).mentions if m.text.lstrip("\"").startswith(start))


_SAID = 'Mayor Tom Hale was angry. "I have been threatened before," Hale said on Monday.\n\n'


def test_third_person_quotation_paragraph_is_not_carried_on():
    text = _SAID + '"His conduct is unbecoming of a mayor. It goes beyond the pale."\n\nThe council meets.'
    assert _speaker_of(text, "His conduct") is None
    assert _speaker_of(text, "It goes beyond") is None


def test_surname_in_quotation_paragraph_is_not_carried_on():
    text = _SAID + '"Hale should resign at once."\n\nThe council meets.'
    assert _speaker_of(text, "Hale should resign") is None


@pytest.mark.parametrize("para", [
    '"We will not stop. The harbour plan is good for the town."',  # no third person: carried on
    '"He hit my budget. I will not forget it."',  # the speaker as "I" speaking of someone else
    '"His plan is bad," Hale said, "and the town knows it."',  # the paragraph goes on after the quotation
])
def test_quotation_paragraph_still_carried_on(para):
    text = _SAID + para + "\n\nThe council meets."
    assert _speaker_of(text, para.strip('"')[:8]) == "Tom Hale"


def test_pronoun_with_another_antecedent_is_carried_on():
    text = ('Mayor Tom Hale was angry. "I have been threatened before," Hale said of Governor Ray Bell.'
            '\n\n"His plan is bad for the town."\n\nThe council meets.')
    assert _speaker_of(text, "His plan") == "Tom Hale"


def test_colon_paragraph_owns_the_quotation_after_it():
    text = 'Ann Reed, a voter, echoed:\n\n"He speaks his mind, and the town needs that."\n\nThe council meets.'
    assert _speaker_of(text, "He speaks") == "Ann Reed"


@pytest.mark.parametrize("text", [
    'Ward wrote "Socialism" on the board to underscore his view of the country.',
    'The host wrote "Debt" across the screen before the break.',
])
def test_word_written_on_something_is_no_quotation_of_speech(text):
    m = extract(text).mentions[0]
    assert (m.start, m.speaker) == (0, None)


@pytest.mark.parametrize("text, start", [
    ('Ward wrote "We will win this fight" on Twitter.', "We will win"),
    ('Ward wrote "We will win" in a letter to donors.', "We will win"),
    ('Ward wrote, "The harbour deal is dead."', "The harbour deal"),
])
def test_written_words_keep_their_writer(text, start):
    assert _speaker_of(text, start) == "Ward"


# --- a party-and-state tag after a name is no speaker ------------------------------------------

@pytest.mark.parametrize("text", [
    'Sen. Ann Lee, R-Ohio, who chairs the panel, said Tuesday, "The bill is a good start."',
    'Rep. Ann Lee, D-CT, said "the bill is a good start."',
    '"The bill is a good start," said Rep. Ann Lee, I-Vt.',
])
def test_party_state_tag_after_a_name_gives_the_name(text):
    assert _speaker_of(text, "The bill" if text.startswith(('"The', "Sen")) else "the bill") == "Ann Lee"


def test_bare_party_state_tag_is_no_speaker():
    assert _speaker_of('R-Ohio said the bill was "a good start."', "the bill") is None


def test_much_opening_a_sentence_is_no_name_word():
    text = ('Radio host Dan Ward spoke on Monday. Much of Ward\'s ire was aimed at the mayor. '
            '"The harbour plan is a disgrace," Ward said.')
    assert _speaker_of(text, "The harbour plan") == "Dan Ward"


# --- a programme's title in the outlet's narration is no quotation --------------------------------

@pytest.mark.parametrize("text", [
    '"We have people studying it," Ward told NBC\'s "Today" show on Thursday.',
    '"We have people studying it," Ward said on "Face the Nation."',
    '"We have people studying it," Ward told "Meet the Press" on Sunday.',
])
def test_title_in_narration_is_no_mention(text):
    assert [m.text for m in extract(text).mentions] == ["We have people studying it"]


@pytest.mark.parametrize("text, kept", [
    ('"Absolutely Not," Ward said.', "Absolutely Not"),
    ('"We won," Ward said, citing "Big Government" as the enemy.', '"Big Government" as the enemy.'),
])
def test_title_pieces_that_say_something_are_kept(text, kept):
    assert kept in [m.text for m in extract(text).mentions]


def test_chant_and_question_are_no_titles():
    assert is_title("Meet the Press") and is_title("Today")
    assert not is_title("Feel the Bern!") and not is_title("Who Is Next?")
    assert not is_title_tail('"Today" after he was asked', ['"Today"'])


# --- a quoted title in the outlet's own sentence has no speaker; "Added X:" names X -------------

def test_title_in_narration_has_no_speaker():
    text = '"We will fight it," Ward said. Ward appeared on CBS\' "Face the Nation." Lee was on ABC\'s "This Week."'
    assert _speaker_of(text, "Ward appeared") is None
    assert _speaker_of(text, "Lee was on") is None


def test_quotation_after_a_speaker_in_the_paragraph_is_still_carried_on():
    assert _speaker_of('"We will fight," Ward said. "Absolutely Not."', "Absolutely Not") == "Ward"


@pytest.mark.parametrize("opening", ["Added", "Said", "Countered"])
def test_past_speech_verb_opening_an_inverted_frame_is_no_name_word(opening):
    text = f'The plan is bad, Mayor Ann Lee said on Monday. {opening} Lee: "We will fight it."'
    assert _speaker_of(text, "We will fight") == "Ann Lee"


# --- "summarized X"; a programme's title after "program"/"show"/"on" is no quotation ---------------

def test_summarized_is_a_speech_verb():
    assert _speaker_of('Ward made a claim. "It is completely inconsistent," summarized Lee.', "It is") == "Lee"


def test_programme_title_after_its_name_is_no_quotation():
    text = '"We will not accept it," Mr. Ward said on the Fox News program "Fox and Friends." "Never."'
    assert [m.text for m in extract(text).mentions] == ["We will not accept it", "Never."]


def test_title_quotation_not_after_a_programme_word_is_kept():
    assert [m.text for m in extract('"Absolutely Not," Ward said.').mentions] == ["Absolutely Not"]
