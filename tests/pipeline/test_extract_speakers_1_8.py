"""Direct quotations credited to the right source (issue #12 part 1, extractor 1.8; examples written
for these tests): manner-of-speaking verbs beside a quotation, a quotation closed by a frame that
stands as its own sentence, sentence adverbs between a speaker and the verb, and "As X puts it"."""
import pytest

from api.pipeline.extract import extract


def _mention(text, start):
    return next(m for m in extract(text).mentions if m.text.lstrip("\"\u201c").startswith(start))


def _speaker_of(text, start):
    return _mention(text, start).speaker


_INTRO = "Mayor Tom Hale visited the harbour on Monday. "


@pytest.mark.parametrize("verb", ["shot back", "continued", "beamed", "barked", "sniped", "groused", "answered"])
def test_manner_verb_after_quotation(verb):
    text = _INTRO + f'"The harbour plan will bring jobs to the town," Hale {verb}.'
    m = _mention(text, "The harbour plan")
    assert m.speaker == "Tom Hale"
    assert m.text == "The harbour plan will bring jobs to the town"


def test_manner_verb_needs_a_quotation():
    text = _INTRO + "The council continued. Hale beamed at the crowd."
    assert all(m.speaker is None for m in extract(text).mentions)


def test_shot_back_without_quotation_is_no_cue():
    text = _INTRO + "Hale shot back at the critics of the harbour plan."
    assert all(m.speaker is None for m in extract(text).mentions)


def test_continued_before_quotation_still_frames_it():
    text = _INTRO + 'Hale continued: "The harbour will be rebuilt by spring."'
    assert _speaker_of(text, "The harbour will be rebuilt") == "Tom Hale"


def test_frame_as_its_own_sentence_closes_the_quotation():
    text = _INTRO + "\n\n\u201cThe harbour will be rebuilt by spring.\u201d Hale said.\n\nThe council meets."
    assert _speaker_of(text, "The harbour will be rebuilt") == "Tom Hale"


def test_frame_sentence_with_content_does_not_close_the_previous_quotation():
    text = _INTRO + "\n\n\u201cThe harbour will be rebuilt by spring.\u201d Hale said the council agreed.\n\nEnd."
    assert _speaker_of(text, "The harbour will be rebuilt") is None


@pytest.mark.parametrize("sentence", [
    "Hale however said the harbour would be rebuilt by spring.",
    "Hale, meanwhile, said the harbour would be rebuilt by spring.",
    "Hale, meanwhile, who has led the town since 2010, said the harbour would be rebuilt by spring.",
])
def test_sentence_adverb_between_speaker_and_verb(sentence):
    assert _speaker_of(_INTRO + sentence, "the harbour would be") == "Tom Hale"


def test_as_x_puts_it():
    text = _INTRO + 'As Hale puts it, "the harbour is the heart of the town."'
    assert _speaker_of(text, "the harbour is the heart") == "Tom Hale"


def test_negated_frame_closes_no_quotation():
    text = _INTRO + "\n\n\u201cThe harbour will be rebuilt by spring.\u201d A Hale aide did not respond to requests.\n\nEnd."
    assert _speaker_of(text, "The harbour will be rebuilt") is None


def test_unresolved_role_that_continues_keeps_the_speaker_before():
    text = ('"The harbour will be rebuilt," Tom Hale said.\n\n'
            '"The town deserves it," the harbour chief continued. "We start in May."')
    assert _speaker_of(text, "The town deserves it") == "Tom Hale"


def test_name_between_dash_and_colon_owns_the_quotation():
    text = ("Harbour polls matter for the town - Tom Hale: \u201cThe harbour vote will be close this year.\u201d\n\n"
            "The council meets.")
    assert _speaker_of(text, "The harbour vote") == "Tom Hale"
    assert _speaker_of(text, "Harbour polls matter") is None


@pytest.mark.parametrize("opening", ["Here's Tom Hale in May 2015:", "More from Tom Hale:"])
def test_presented_name_owns_the_quotation(opening):
    text = _INTRO + "\n\n" + opening + " \u201cThe harbour is the heart of the town.\u201d"
    assert _speaker_of(text, "The harbour is the heart") == "Tom Hale"


def test_presenting_a_thing_is_no_frame():
    text = _INTRO + "\n\nHere's the harbour plan: \u201cThe harbour is the heart of the town.\u201d"
    assert all(m.speaker is None for m in extract(text).mentions)


def test_signature_line_under_a_quotation():
    text = _INTRO + '\n\n"The harbour is the heart of the town."\n\n- Tom Hale.\n\nThe council meets.'
    assert _speaker_of(text, "The harbour is the heart") == "Tom Hale"
    assert not any(m.text.startswith("- Tom") for m in extract(text).mentions)


def test_signature_line_needs_a_quotation_paragraph_above():
    text = _INTRO + "\n\nThe harbour is the heart of the town.\n\n- Tom Hale.\n\nThe council meets."
    assert _speaker_of(text, "The harbour is the heart") is None


def test_answered_is_a_speech_verb():
    text = ('"Will the harbour open?" the reporter Ann Lee asked.\n\n'
            '"I would say so," Tom Hale answered. "We start in May."')
    assert _speaker_of(text, "I would say so") == "Tom Hale"
    assert _speaker_of(text, "We start in May") == "Tom Hale"


def test_name_with_a_lower_case_particle_after_a_role():
    text = _INTRO + '"He was excited to come home," his nephew Karim el Nour added.'
    m = _mention(text, "He was excited")
    assert (m.speaker, m.speaker_role) == ("Karim el Nour", "his nephew")


def test_policy_role_words_before_a_name():
    text = _INTRO + '"The plan is sound," said Hale\u2019s top foreign policy aide Jake Moss.'
    assert _speaker_of(text, "The plan is sound") == "Jake Moss"


def test_subject_of_a_clause_after_a_name_is_no_appositive_role():
    text = ("In an interview with host Ann Lee, the mayoral candidate stated that the harbour \u201cneeds work.\u201d\n\n"
            "The council meets.")
    m = _mention(text, "the harbour")
    assert m.speaker is None and m.speaker_role == "mayoral candidate"


def test_appositive_with_a_relative_clause_keeps_its_role():
    text = "Ann Lee, a town attorney and harbour advocate who wrote the plan, said the harbour needs work."
    assert _mention(text, "the harbour needs").speaker_role.startswith("town attorney")


def test_long_appositive_before_as_x_put_it():
    text = _INTRO + 'As Ann Lee, the head of the harbour board in the town, put it: "We start in May."'
    assert _speaker_of(text, "We start in May") == "Ann Lee"


def test_role_with_politics_before_a_name():
    text = _INTRO + '"We start in May" the Gazette\'s senior politics editor Ann Lee responded.'
    assert _speaker_of(text, "We start in May") == "Ann Lee"


def test_participle_frame_after_an_irregular_past():
    text = 'Ann Lee threw her support behind Tom Hale on Monday, saying it is time for "a harbour mayor."'
    assert _speaker_of(text, "it is time") == "Ann Lee"


def test_more_from_after_a_dash_and_a_capitals_headline():
    text = ("HARBOUR VOTES OUTNUMBER TOWN VOTES - Tom Hale: \u201cThe harbour vote is close.\u201d\n\n"
            "What the vote means for the town - More from Hale: \u201cThe town must decide in May.\u201d")
    assert _speaker_of(text, "The harbour vote is close") == "Tom Hale"
    assert _speaker_of(text, "The town must decide") == "Tom Hale"
    assert _mention(text, "What the vote means").text == "What the vote means for the town"


@pytest.mark.parametrize("opening", ["Hours later, ", "But a few days later, ", "Two weeks ago, "])
def test_time_phrase_before_the_main_clause(opening):
    text = _INTRO + opening + 'Hale returned the compliment, telling reporters, "Ann Lee is a fine harbour chief."'
    assert _speaker_of(text, "Ann Lee is a fine") == "Tom Hale"
    assert all(m.speaker != "Hours" and m.speaker != "Two" for m in extract(text).mentions)


@pytest.mark.parametrize("line", ["-Tom Hale, Harbourville.", "- Tom Hale, speaking after the vote."])
def test_signature_line_with_a_short_description(line):
    text = _INTRO + '\n\n"The harbour is the heart of the town."\n\n' + line + "\n\nThe council meets."
    assert _speaker_of(text, "The harbour is the heart") == "Tom Hale"


def test_bureau_chief_before_a_name():
    text = _INTRO + '"The vote was close," wrote Gazette Washington bureau chief Ann Lee, citing officials.'
    assert _speaker_of(text, "The vote was close") == "Ann Lee"


def test_answered_without_quotation_is_no_cue():
    text = "The harbour board answered some of those questions on Thursday."
    assert all(m.speaker is None and m.text == text for m in extract(text).mentions)


def test_sentence_adverb_before_a_stance_verb_is_not_skipped():
    text = "Hale's visit to the harbour, though, threatens to delay the vote on the plan."
    assert [m.text for m in extract(text).mentions] == [text]


@pytest.mark.parametrize("tail", ["as he faces a vote in May", "when asked about the vote",
                                  "moments after the polls closed", "before floating a new plan"])
def test_outlet_circumstance_after_the_last_quotation(tail):
    text = _INTRO + f'Hale said the plan is "excited where we stand" {tail}.'
    assert _mention(text, "the plan is").text == 'the plan is "excited where we stand"'


def test_comparison_after_a_quotation_stays_in_the_content():
    text = _INTRO + 'Hale said the council was "following a similar path" as Lee and Moss.'
    assert _mention(text, "the council").text.endswith("as Lee and Moss.")


def test_circumstance_with_a_further_frame_is_not_cut():
    text = _INTRO + 'Hale claimed the plan is "legitimate," as he argued for the vote, claiming the harbour is safe.'
    assert any(m.text.startswith("the harbour is safe") and m.speaker == "Tom Hale" for m in extract(text).mentions)


@pytest.mark.parametrize("frame", ['Hale went on, "the harbour will open in May."',
                                   'Hale shot back, "the harbour will open in May."'])
def test_retort_particle_is_no_part_of_the_content(frame):
    text = _INTRO + frame
    assert _mention(text, "the harbour will open").text == "the harbour will open in May."
    assert _speaker_of(text, "the harbour will open") == "Tom Hale"


def test_went_on_offense_is_no_frame():
    text = 'Tom Hale went on offense Tuesday over the plan, calling it a "disaster" for the town.'
    assert not any(m.text.startswith("on offense") for m in extract(text).mentions)


def test_quotation_closed_by_told_with_its_hearer():
    text = _INTRO + "\n\n\u201cThe harbour will open in May.\u201d Hale told the Gazette news desk in an interview.\n\nEnd."
    assert _speaker_of(text, "The harbour will open") == "Tom Hale"


def test_calling_out_someone_is_no_content():
    text = _INTRO + '"What have you been doing, Ann?" Hale continued, calling out council chief Ann Lee.'
    assert not any(m.text.startswith("out ") for m in extract(text).mentions)
    assert _speaker_of(text, "What have you been doing") == "Tom Hale"


def test_outlet_clause_before_a_participle_frame_ends_before_its_preposition():
    text = "Mr. Hale drew criticism from the council for moderating a debate while openly saying that he might still run."
    texts = [m.text for m in extract(text).mentions]
    assert "Mr. Hale drew criticism from the council for moderating a debate" in texts


def test_surname_ending_like_a_participle_after_a_given_name():
    text = ("But Murshed Zaheed, director of a harbour group, said the plan was wrong.\n\n"
            "\u201cThe plan is wrong,\u201d Zaheed said.")
    assert _speaker_of(text, "The plan is wrong") == "Murshed Zaheed"


def test_capitalised_participle_opening_a_sentence_is_still_no_name():
    text = "Leaked documents said the harbour plan was wrong."
    assert all(m.speaker is None for m in extract(text).mentions)


def test_role_after_a_name_without_its_closing_comma():
    text = "Sam Lau, the communications director for the harbour board said the vote is fair."
    m = _mention(text, "the vote is fair")
    assert (m.speaker, m.speaker_role) == ("Sam Lau", "communications director for the harbour board")


@pytest.mark.parametrize("frame", ["said the bureau's director, Ann Lee, on Monday.", "said a harbour spokesman, Ann Lee."])
def test_name_in_apposition_after_an_inverted_role(frame):
    text = _INTRO + '"The vote was fair," ' + frame
    assert _speaker_of(text, "The vote was fair") == "Ann Lee"


def test_unnamed_source_with_a_relative_clause_stays_unnamed():
    text = _INTRO + '"The vote was fair," said a senior aide, who asked not to be named.'
    m = _mention(text, "The vote was fair")
    assert m.speaker is None and m.speaker_role == "senior aide"


def test_message_saying_speaks_for_its_sender():
    text = ("Tom Hale spoke. Shortly after the call ended, Hale\u2019s campaign sent out a press release saying "
            "Lee owes \u201cthe town an explanation for voting against the harbour.\u201d")
    texts = {m.text: m.speaker for m in extract(text).mentions}
    assert texts["Shortly after the call ended, Hale\u2019s campaign sent out a press release"] is None
    assert texts["Lee owes \u201cthe town an explanation for voting against the harbour.\u201d"] == "Tom Hale\u2019s campaign"


@pytest.mark.parametrize("party", ["Republican", "Democrat", "Independent"])
def test_party_word_before_a_name_is_a_role(party):
    text = (f"{party} Dana Morrow, who is running for the open seat, questioned the delay. "
            '"The voters deserve an answer before the election," Morrow said.')
    m = _mention(text, "The voters deserve")
    assert m.speaker == "Dana Morrow"
    assert m.speaker_role == party


def test_party_body_keeps_its_name():
    text = ('The Republican National Committee said in a statement that the new rules '
            'would take effect next month.')
    assert {m.speaker for m in extract(text).mentions} == {"Republican National Committee"}


def test_clergy_title_is_a_role_and_finds_the_full_name():
    text = ("Jesuit Father Tomas K. Lind, a professor at the seminary, wrote to the council on Monday. "
            '"The plan ignores the poor of this city," Father Lind said.')
    m = _mention(text, "The plan ignores")
    assert m.speaker.startswith("Tomas K") and m.speaker.endswith("Lind")
    assert m.speaker_role == "Father"


def test_party_label_after_a_dropped_connector_is_the_role():
    from api.pipeline.extract.speakers.names import split_role
    assert split_role(["Republican", "Dana", "Morrow"]) == ("Republican", "Dana Morrow")
    assert split_role(["The", "Republican", "Dana", "Morrow"]) == ("The Republican", "Dana Morrow")
