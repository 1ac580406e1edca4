"""Extractor 1.3 patterns (examples written for these tests): a speech frame inside a leading
subordinate clause, two role phrases joined by "and", a long appositive after a name, and
names whose accents were mis-decoded into combining marks."""
from api.pipeline.extract import extract
from tests.pipeline.sources import source


def _ms(text):
    ms = extract(text).mentions
    for m in ms:
        assert m.text == text[m.start:m.end]
    return ms


def test_frame_in_a_leading_subordinate_clause_gives_that_clause_its_speaker():
    text = ("While city planners have suggested the new bridge will ease traffic downtown, "
            "the mayor is determined to delay the vote.")
    ms = _ms(text)
    first = next(m for m in ms if "bridge" in m.text)
    assert (first.speaker, first.speaker_role) == (None, "city planners")
    assert first.text.startswith("the new bridge will ease traffic downtown")


def test_two_role_phrases_joined_by_and_are_one_speaker():
    text = ("On Monday, the former secretary of defense and current Senate candidate said "
            "the budget would be balanced by 2030.")
    ms = _ms(text)
    m = next(m for m in ms if "budget" in m.text)
    assert source(m) and "former secretary of defense and current Senate candidate" in source(m)
    assert m.text.startswith("the budget would be balanced")


def test_long_appositive_with_a_role_word_still_finds_the_name():
    text = ("“The levy will pay for itself,” Marta Kowalski, director of the Riverside Institute for "
            "Public Finance and a lecturer at the Northern School of Economics, said.")
    ms = _ms(text)
    assert ms and ms[0].speaker == "Marta Kowalski"
    assert ms[0].text.startswith("The levy will pay for itself")


def test_name_with_combining_marks_is_one_word():
    text = "“We will not retreat,” Prime Minister Jose\u0301 Alvare\u0301z said on Friday."
    ms = _ms(text)
    assert ms and ms[0].speaker and "Alvare\u0301z" in ms[0].speaker
