"""Attributed mentions cover what was said, not the attribution frame (examples written for
these tests): the speaker and the cue are metadata (speaker, speaker_role, is_quote)."""
import pytest

from api.pipeline.extract import extract
from tests.pipeline.sources import source


def _ms(text, **kw):
    res = extract(text, **kw)
    for m in res.mentions:
        assert m.text == text[m.start:m.end]
        for a, b in m.quote_spans:
            assert m.start <= a < b <= m.end
    return res.mentions


def _only(text):
    ms = _ms(text)
    assert len(ms) == 1, [m.text for m in ms]
    return ms[0]


@pytest.mark.parametrize("text", [
    "“Rents will fall next year,” he said.",
    "“Rents will fall next year,” said Lina Ortiz.",
    "“Rents will fall next year,” Lina Ortiz told reporters on Tuesday.",
    "“Rents will fall next year” Lina Ortiz added.",
    "“Rents will fall next year,” Lina Ortiz, the housing minister, said.",
])
def test_direct_quotation_before_the_attribution_is_the_quoted_words(text):
    m = _only(text)
    assert m.text == "Rents will fall next year"
    assert m.is_quote and m.kind == "quotation"
    assert m.quote_spans == ((m.start, m.end),)


@pytest.mark.parametrize("text", [
    "Lina Ortiz said: “Rents will fall next year.”",
    "Lina Ortiz added: “Rents will fall next year.”",
    "Lina Ortiz told reporters: “Rents will fall next year.”",
    "Lina Ortiz said, “Rents will fall next year.”",
])
def test_direct_quotation_after_the_attribution_is_the_quoted_words(text):
    m = _only(text)
    assert m.text == "Rents will fall next year."
    assert m.is_quote and source(m) == "Lina Ortiz"


def test_quotation_of_several_sentences_gives_one_content_mention_per_sentence():
    ms = _ms("“We waited. Nothing changed. We will strike,” said union leader Piet de Vos.")
    assert [m.text for m in ms] == ["We waited.", "Nothing changed.", "We will strike"]
    assert all(m.is_quote and source(m) == "Piet de Vos" for m in ms)


def test_very_short_quotation_is_still_a_mention():
    m = _only("“Yes,” she said.")
    assert m.text == "Yes" and m.is_quote


def test_quotation_interrupted_by_its_attribution_gives_both_parts():
    ms = _ms("“The plan is dead,” said Omar Reyes, “and nobody will revive it.”")
    assert [m.text for m in ms] == ["The plan is dead", "and nobody will revive it."]
    assert all(source(m) == "Omar Reyes" and m.is_quote for m in ms)


@pytest.mark.parametrize("text, content", [
    ("Lina Ortiz said that rents would fall.", "rents would fall."),
    ("Lina Ortiz said rents would fall.", "rents would fall."),
    ("Lina Ortiz said on Tuesday that rents would fall.", "rents would fall."),
    ("Lina Ortiz told reporters that rents would fall.", "rents would fall."),
    ("Lina Ortiz told the local press in Porto that rents would fall.", "rents would fall."),
    ("Lina Ortiz said in a statement that rents would fall.", "rents would fall."),
    ("According to Lina Ortiz, rents will fall.", "rents will fall."),
    ("Rents will fall, according to Lina Ortiz.", "Rents will fall"),
    ("Rents will fall, Lina Ortiz said.", "Rents will fall"),
    ("Rents will fall this year, Lina Ortiz said on Tuesday in Porto.", "Rents will fall this year"),
])
def test_reported_speech_is_its_content_clause(text, content):
    m = _only(text)
    assert m.text == content
    assert source(m) == "Lina Ortiz" and not m.is_quote and m.kind == "statement"


def test_partial_quotation_in_reported_speech_runs_to_the_end_of_the_sentence():
    text = "Mara Stone claimed that it was the “only chance” for a truce — though nobody agreed."
    m = _only(text)
    assert m.text == "it was the “only chance” for a truce — though nobody agreed."
    assert m.is_quote and source(m) == "Mara Stone"
    (a, b), = m.quote_spans
    assert text[a:b] == "only chance"


def test_block_quotation_introduction_is_its_content_clause():
    text = ("Mayor Ines Vidal met the union leaders and told the press afterwards that a deal was near:\n\n"
            "We have agreed on most points. The rest will follow next week.\n")
    lead, intro, *block = _ms(text)
    assert lead.text == "Mayor Ines Vidal met the union leaders" and lead.speaker is None
    assert intro.text == "a deal was near" and intro.speaker == "Ines Vidal" and not intro.is_quote
    assert [m.text for m in block] == ["We have agreed on most points.", "The rest will follow next week."]
    assert all(m.is_quote and source(m) == "Ines Vidal" for m in block)


def test_leading_clause_before_a_coordinated_attribution_stays_in_the_outlet_voice():
    text = "Chancellor Eva Lind met the strikers, and told the media that the talks would resume."
    lead, content = _ms(text)
    assert lead.text == "Chancellor Eva Lind met the strikers" and lead.speaker is None
    assert content.text == "the talks would resume." and content.speaker == "Eva Lind"


def test_participle_frame_gives_a_second_piece_of_the_same_speaker():
    text = "“We are ready,” Tom Baker said, adding that the vote would be held in May."
    ms = _ms(text)
    assert [m.text for m in ms] == ["We are ready", "the vote would be held in May."]
    assert all(source(m) == "Tom Baker" for m in ms)
    assert [m.is_quote for m in ms] == [True, False]


def test_two_frames_in_one_sentence_give_two_speakers():
    text = "Tom Baker said that the mill would close, and union officials warned that 300 jobs were at risk."
    ms = _ms(text)
    assert [(m.text, source(m)) for m in ms] == [("the mill would close", "Tom Baker"),
                                                 ("300 jobs were at risk.", "union officials")]


def test_trailing_participle_phrase_in_the_outlet_voice_is_not_content():
    m = _only("Tom Baker said the mill would close, ending a century of production in the town.")
    assert m.text == "the mill would close" and source(m) == "Tom Baker"


def test_transcript_label_and_the_rest_of_its_paragraph():
    text = "MORRIS: Well, the plan failed. We need another one.\nHOST: Thank you, senator."
    ms = _ms(text)
    assert [(m.text, source(m)) for m in ms][:2] == [("Well, the plan failed.", "MORRIS"),
                                                     ("We need another one.", "MORRIS")]


@pytest.mark.parametrize("text, speaker", [
    ("About 63 percent of voters said the economy was getting worse.", "About 63 percent of voters"),
    ("Many of the residents believe the water is unsafe to drink.", "Many of the residents"),
    ("The Harbor Gazette found that rents had doubled since 2010.", "Harbor Gazette"),
])
def test_quantities_and_publications_as_sources(text, speaker):
    m = _only(text)
    assert source(m) == speaker
    assert not m.text.startswith(text.split()[0])


def test_sentences_in_the_outlet_voice_are_unchanged():
    text = "The mill closed in 1998. Rents rose 4% last year, while wages stalled."
    assert [(m.text, source(m)) for m in _ms(text)] == [("The mill closed in 1998.", None),
                                                        ("Rents rose 4% last year, while wages stalled.", None)]


def test_verb_with_a_noun_object_keeps_the_whole_sentence():
    text = "On Monday, the rebel group claimed responsibility for the blast."
    m = _only(text)
    assert m.text == text


def test_pronoun_speaker_left_unresolved_still_strips_the_frame():
    m = _only("“Growth will slow,” he said.")
    assert m.text == "Growth will slow" and source(m) is None and m.is_quote


def test_opening_adverbial_with_a_quoted_title_is_not_content():
    m = _only("On Sunday's broadcast of “Morning Talk,” Mayor Ines Vidal said the strike would end.")
    assert m.text == "the strike would end." and source(m) == "Ines Vidal"


def test_a_sentence_that_is_only_a_frame_gives_no_mention():
    text = "Ines Vidal continued:\nWe will not give up."
    ms = _ms(text)
    assert [(m.text, source(m), m.is_quote) for m in ms] == [("We will not give up.", "Ines Vidal", True)]


def test_subordinate_clause_before_the_attribution_is_no_mention_of_its_own():
    # the outlet's leading clause is a fragment once the attributed content is cut out of the sentence
    text = "While the mediators reported progress, residents said they had little hope."
    (content,) = _ms(text)
    assert content.text == "they had little hope." and (content.speaker, content.speaker_role) == (None, "residents")


def test_subject_pronoun_after_warned_starts_the_content():
    m = _ms("Mara Stone visited the port.\nStone on Monday warned it was time to act.")[-1]
    assert m.text == "it was time to act." and source(m) == "Mara Stone"


def test_impersonal_it_keeps_the_whole_sentence():
    m = _only("It is hoped a truce would see the prisoners released.")
    assert m.text == "It is hoped a truce would see the prisoners released." and source(m) is None
