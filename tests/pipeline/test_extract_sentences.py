"""Sentence splitting and the offset invariant of the extractor."""
from hypothesis import given, settings, strategies as st

from api.pipeline.extract import extract
from api.pipeline.extract.sentences.splitting import split_sentences


def _split(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_abbreviations_and_titles_do_not_end_sentences():
    text = "Mr. Smith met Lt.-Gen. Jones on Sept. 5 in the U.S. Capitol. Sen. Lee left in Oct. for home."
    assert _split(text) == ["Mr. Smith met Lt.-Gen. Jones on Sept. 5 in the U.S. Capitol.",
                            "Sen. Lee left in Oct. for home."]


def test_initialism_at_the_end_of_a_sentence():
    assert _split("She lives in the U.S. He does not.") == ["She lives in the U.S.", "He does not."]


def test_numbers_and_initials():
    text = "About 40,000 people (3.5%) came to see John F. Kennedy Jr. speak. It rained."
    assert _split(text) == ["About 40,000 people (3.5%) came to see John F. Kennedy Jr. speak.", "It rained."]


def test_closing_quote_after_the_period_belongs_to_the_sentence():
    assert _split('He said: "We won." Then he left.') == ['He said: "We won."', "Then he left."]
    assert _split("“We won.” Then he left.") == ["“We won.”", "Then he left."]


def test_attribution_after_a_quoted_question_stays_with_it():
    assert _split("“Why now?” Clinton asked. It was late.") == ["“Why now?” Clinton asked.", "It was late."]


def test_line_breaks_always_end_sentences():
    text = "Headline Without A Period\nFirst paragraph here.\n\n\nSecond paragraph here"
    assert _split(text) == ["Headline Without A Period", "First paragraph here.", "Second paragraph here"]


def test_glued_paragraphs_are_split():
    assert _split("They returned home.Secretary Jones arrived.") == ["They returned home.",
                                                                    "Secretary Jones arrived."]


def test_question_and_exclamation_marks():
    assert _split("Is it true? Yes! It is.") == ["Is it true?", "Yes!", "It is."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ .,;:!?\"'“”‘’\n-—()0123")
                                + ["Mr.", " said ", "U.S.", " he ", "''", "Blinken", " told ", ":\n"]),
                max_size=80).map("".join))
def test_offsets_invariant_holds_for_arbitrary_text(text):
    for language in ("en", "de"):
        for m in extract(text, language=language).mentions:
            assert m.text == text[m.start:m.end]
            assert m.text == m.text.strip() and m.text
            assert (m.kind == "quotation") == m.is_quote
            assert 0.0 <= m.checkworthiness <= 1.0
            for a, b in m.quote_spans:
                assert m.start <= a < b <= m.end
            assert m.speaker is None or m.speaker.lower() not in ("he", "she", "they", "it", "we", "i")
