"""Attribution patterns found categorising missed PolNeAR-train attributions (all kinds; examples
written for these tests): a frame that interrupts the speaker's sentence ("By doing A, X said, B"),
a quotation opening a sentence right after a sentence with a speaker in the same paragraph, and
the cases these rules must leave alone."""
import pytest

from api.pipeline.extract import extract


def _speakers(text):
    ms = extract(text).mentions
    for m in ms:
        assert m.text == text[m.start:m.end]
    return [(m.text, m.speaker) for m in ms]


@pytest.mark.parametrize("text, expected", [
    # the clause after an interrupting frame is the speaker's too
    ("By closing the old pier, Ana Ruiz said, the harbour board can double the number of berths.",
     ("the harbour board can double the number of berths.", "Ana Ruiz")),
    ("Ferries cannot dock at the pier in winter, Tom Berg said, the old pier is simply too short.",
     ("the old pier is simply too short.", "Tom Berg")),
])
def test_interrupting_frame_resumes(text, expected):
    assert expected in _speakers(text)


@pytest.mark.parametrize("text", [
    # narration after the frame is the outlet's: a subordinate clause, a relative clause, a participle
    "By closing the old pier, Ana Ruiz said, as the crowd outside the hall began to cheer loudly.",
    "By closing the old pier, Ana Ruiz said, which surprised the members of the harbour board.",
    # a verb after the frame: the frame interrupts one clause (the sentence stays whole)
    "The plan of the harbour board to sell the old pier, Ana Ruiz said, would leave the island without a ferry.",
])
def test_interrupting_frame_narration_not_resumed(text):
    assert not any(speaker == "Ana Ruiz" and ("crowd" in t or "surprised" in t or t.startswith("would"))
                   for t, speaker in _speakers(text))


@pytest.mark.parametrize("text, quote, speaker", [
    ('The port held a meeting on Monday.\n\nHarbour Post editor Tom Berg agreed. "The board is running '
     'out of time to find a buyer for the pier."',
     "The board is running out of time to find a buyer for the pier.", "Tom Berg"),
    ('The port held a meeting on Monday.\n\nAna Ruiz says she received a call from the board. "They told '
     'me the pier would close."',
     "They told me the pier would close.", "Ana Ruiz"),
])
def test_quote_after_speaker_sentence(text, quote, speaker):
    assert (quote, speaker) in _speakers(text)


@pytest.mark.parametrize("text, quote", [
    # a quotation with its own cue keeps its own (unresolved) speaker
    ('Ana Ruiz says the board met. "We called him before he left," his nephew added.',
     "We called him before he left"),
    # a speaker found through a pronoun is not carried on to the next quotation
    ('Tom Berg spoke first.\n\nLater she said the pier was safe. "There is no special case."',
     "There is no special case."),
    # a quotation in the next paragraph that does not open it is not carried on
    ('Ana Ruiz said the board met.\n\nThe pier, long "a landmark," is closing.', None),
])
def test_quote_after_speaker_sentence_not_carried(text, quote):
    got = _speakers(text)
    if quote is not None:
        assert (quote, "Ana Ruiz") not in got and (quote, "Tom Berg") not in got
    assert all(s is None for t, s in got if "landmark" in t)


@pytest.mark.parametrize("text, content, speaker, role", [
    # one of a kind is nobody the article names, even when it names someone with that office
    ("Sen. Tom Berg, a Republican senator from Maine, spoke on Monday.\n\nAfter the debate, a Democratic "
     "senator said the harbour bill would pass.", "the harbour bill would pass.", None, "Democratic senator"),
    # "the governor" is not the article's former governor
    ("Ana Ruiz spoke in Dover. Tom Berg, the former Maine governor, spoke too.\n\nThe governor claimed that "
     "the harbour levy had cut crime by a fifth.", "the harbour levy had cut crime by a fifth.", None, "governor"),
    # nor a governor of the other party
    ("Tom Berg, the Republican governor of Maine, spoke on Monday.\n\nThe Democratic governor said the harbour "
     "levy was fair.", "the harbour levy was fair.", None, "Democratic governor"),
    # while a role the article gives one person resolves to that person
    ("Tom Berg, the governor of Maine, spoke on Monday.\n\nThe governor said the harbour levy was fair.",
     "the harbour levy was fair.", "Tom Berg", None),
    # a spokesman speaks for the one named before the noun, without "one"
    ("The harbour board met.\n\nOne Harbour Party spokesman said the levy was unfair to fishermen.",
     "the levy was unfair to fishermen.", "Harbour Party", None),
])
def test_role_resolution(text, content, speaker, role):
    got = {m.text: (m.speaker, m.speaker_role) for m in extract(text).mentions}
    assert got[content][0] == speaker
    if role is not None:
        assert got[content][1] == role


@pytest.mark.parametrize("text, expected", [
    # a relative clause about a person named at the end of the content is the outlet's aside
    ("Tom Berg said the short season had helped Ana Ruiz, who does not need to prove her support "
     "in the harbour towns.", ("the short season had helped Ana Ruiz", "Tom Berg")),
    # a participle after a dash frames the subject's words
    ("Tom Berg changed his vote on the spot \u2013 saying he now backs the levy because the pier is unsafe.",
     ("he now backs the levy because the pier is unsafe.", "Tom Berg")),
    # a participle after "upon" frames the subject's words
    ('Tom Berg angered the crowd upon saying, "The pier will close for good."',
     ("The pier will close for good.", "Tom Berg")),
    # speech verbs that take a bare clause
    ("Tom Berg stated the pier would close in May.", ("the pier would close in May.", "Tom Berg")),
    ("The higher turnout was likely due to the new ferry timetable, Ana Ruiz surmised.",
     ("The higher turnout was likely due to the new ferry timetable", "Ana Ruiz")),
    ("Tom Berg speculated that the board would sell the pier.", ("the board would sell the pier.", "Tom Berg")),
])
def test_more_frames(text, expected):
    assert expected in _speakers(text)


@pytest.mark.parametrize("text", [
    # a relative clause inside a quotation is the speaker's own words
    'Tom Berg said "the levy helped Ana Ruiz, who needs it."',
])
def test_name_aside_inside_quotation_kept(text):
    assert any("who needs it" in t and s == "Tom Berg" for t, s in _speakers(text))


@pytest.mark.parametrize("text, role", [
    ("Environmentalists said the levy would let the plant pollute more.", "Environmentalists"),
    ("Libertarians argued that the levy was unfair to fishermen.", "Libertarians"),
])
def test_capitalised_group_is_no_speaker(text, role):
    ms = extract(text).mentions
    assert all(m.speaker is None for m in ms) and any(m.speaker_role == role for m in ms)


def test_quotation_after_opening_adverbial_kept():
    text = ('After the council votes in Dover and in Bath, "there is a real sense that we must keep the pier '
            'open," Tom Berg said, noting that fishermen "have nowhere else to go."')
    got = _speakers(text)
    assert any("a real sense that we must keep the pier" in t and s == "Tom Berg" for t, s in got)
    assert any("nowhere else to go" in t and s == "Tom Berg" for t, s in got)



@pytest.mark.parametrize("text", [
    "The main problem the harbour board has been facing, Tom Berg says, is finding a buyer for the pier.",
    "Bound together by centuries of trade, the two harbour towns, Tom Berg said, now have a chance to grow.",
])
def test_frame_inside_one_clause_keeps_the_sentence(text):
    assert _speakers(text) == [(text, "Tom Berg")]


def test_time_adjunct_after_frame_is_not_a_predicate():
    text = "Ana Ruiz won the harbour board vote, the Harbour Post reported on Thursday, two days after the count."
    assert ("Ana Ruiz won the harbour board vote", "Harbour Post") in _speakers(text)


@pytest.mark.parametrize("verb", ["fumed", "grumbled", "gloated"])
def test_quotation_final_emotive_speech_verbs(verb):
    text = (f'Ana Ruiz spoke first.\n\n"If they were serious about the pier, they would have funded it," '
            f'Tom Berg {verb} on Tuesday. "That would have been a sign of good faith."')
    got = _speakers(text)
    assert ("If they were serious about the pier, they would have funded it", "Tom Berg") in got
    assert ("That would have been a sign of good faith.", "Tom Berg") in got


@pytest.mark.parametrize("text, words", [
    # a past participle between a determiner and a noun is an adjective
    ("Forty percent of all reported donations to the harbour fund have come from fishermen, according to "
     "an analysis of the ledger.", "Forty percent of all reported donations to the harbour fund"),
    ("Tom Berg said his stated goal was to reopen the pier by May.", None),
])
def test_participle_adjective_is_no_cue(text, words):
    got = _speakers(text)
    assert all(s is None or "percent" not in s for _, s in got)
    if words is not None:
        assert any(t.startswith(words) and s is None for t, s in got)
    else:
        assert ("his stated goal was to reopen the pier by May.", "Tom Berg") in got


def test_plural_noun_closing_a_phrase_is_no_cue():
    text = ("Before the harbour storm attacks, Tom Berg took a softer line on the levy, suggesting the "
            "board sell the pier to the town.")
    got = _speakers(text)
    assert ("the board sell the pier to the town.", "Tom Berg") in got
    assert all(s is None or "storm" not in s for _, s in got)


def test_verb_after_a_name_in_a_phrase_stays_a_cue():
    text = "But the last part, as Ana Ruiz of the Harbour Times points out, is that the levy was never popular."
    assert any(s == "Ana Ruiz" for _, s in _speakers(text))


@pytest.mark.parametrize("text, content", [
    ("Tom Berg, host of Harbour Radio's “Morning Tide,” suggested that the levy could sink the ferry.",
     "the levy could sink the ferry."),
    ('Tom Berg, a host of "The Five," said the levy could sink the ferry.', "the levy could sink the ferry."),
])
def test_quoted_title_closing_an_appositive(text, content):
    assert (content, "Tom Berg") in _speakers(text)



@pytest.mark.parametrize("quoted, title", [
    ("\u201cMorning Tide,\u201d", True),
    ('"The Five,"', True),
    ('"a disgrace,"', False),     # words said, not a title
    ('"Morning Tide"', False),    # no comma inside the marks: it does not close an insert
])
def test_title_closing_insert(quoted, title):
    from api.pipeline.extract.sentences.tokens import tokenize
    from api.pipeline.extract.sentences.titles import title_closing_insert
    toks = tokenize(quoted, 0, len(quoted), [(0, len(quoted))])
    assert title_closing_insert(toks[0]) is title


def test_manner_verbs_need_a_quotation():
    text = "Ana Ruiz spoke first.\n\nHe chuckled and smirked through many of her answers on the levy."
    assert ("He chuckled and smirked through many of her answers on the levy.", None) in _speakers(text)


def test_plural_after_a_number_is_no_cue():
    text = "Four towns have approved the harbour levy, along with voters in Bath."
    assert _speakers(text) == [(text, None)]


def test_title_insert_uncovers_only_a_person_or_organisation():
    text = 'The video, which was posted online by "HarbourCam," does not show the pier closing.'
    assert _speakers(text) == [(text, None)]


def test_no_resumed_clause_after_an_inverted_speaker():
    text = ("The levy serves several purposes, said Representative Tom Berg, Republican of Maine, who came "
            "up with the idea.")
    assert not any(t.startswith("Republican of Maine") for t, _ in _speakers(text))


def test_spokesman_speaks_for_the_full_name():
    text = ('Tom Berg, the harbour master, spoke on Monday.\n\n"The pier will reopen," a Berg spokesman said.')
    assert ("The pier will reopen", "Tom Berg") in _speakers(text)


def test_coordinated_cue_after_an_auxiliary_ends_the_content():
    text = ("Ana Ruiz has said she wants to build a second pier for the ferries and has expressed support "
            "for a wider levy.")
    assert ("she wants to build a second pier for the ferries", "Ana Ruiz") in _speakers(text)
