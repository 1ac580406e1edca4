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
