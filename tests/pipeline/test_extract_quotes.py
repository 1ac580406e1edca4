"""Quotations and their speakers (examples written for these tests)."""
import pytest

from api.pipeline.extract import extract
from tests.pipeline.sources import source


def _m(text, needle, **kw):
    """The mention holding ``needle``."""
    hits = [m for m in extract(text, **kw).mentions if needle in m.text]
    assert hits, f"no mention holds {needle!r}"
    return hits[0]


@pytest.mark.parametrize("text", [
    '"Prices will fall next year," said Maria Lopez.',
    '"Prices will fall next year," Maria Lopez said.',
    'Maria Lopez said "prices will fall next year."',
    'Maria Lopez said: "Prices will fall next year."',
    'Maria Lopez added: "Prices will fall next year."',
    'Maria Lopez told reporters: "Prices will fall next year."',
    '"Prices will fall next year," Maria Lopez told reporters on Tuesday.',
    '"Prices will fall next year," warned Maria Lopez, the finance minister.',
])
def test_direct_quotation_forms(text):
    m = _m(text, "fall next year")
    assert m.is_quote and m.kind == "quotation"
    assert source(m) == "Maria Lopez"
    assert m.quote_spans and "fall next year" in text[m.quote_spans[0][0]:m.quote_spans[0][1]]


def test_pronoun_resolved_to_the_last_person_named_as_subject():
    text = ("Finance Minister Maria Lopez visited Lyon on Monday.\n"
            "She will meet the mayor, Paul Girard, on Tuesday.\n"
            "“We expect growth of 3.5%,” she said.")
    m = _m(text, "growth of 3.5%")
    assert source(m) == "Maria Lopez" and m.speaker_role == "Finance Minister"


def test_they_resolves_to_an_organisation_and_unresolvable_pronouns_stay_none():
    text = 'The World Bank published its outlook.\n"Growth will slow," they said.'
    assert _m(text, "Growth will slow").speaker == "World Bank"
    orphan = _m('"Growth will slow," he said.', "Growth will slow")
    assert orphan.is_quote and orphan.speaker is None


def test_quotation_over_several_sentences_gives_one_mention_each():
    text = "“We tried. It did not work. We will try again,” said Anna Berg."
    ms = extract(text).mentions
    assert len(ms) == 3
    assert all(m.is_quote and source(m) == "Anna Berg" for m in ms)


def test_quotation_running_over_paragraphs():
    text = ("The ministry's office issued a statement: “The talks ended on time.\n"
            "“The minister thanked both delegations. A second round is planned.”")
    ms = extract(text).mentions
    assert [m.is_quote for m in ms] == [True, True, True]
    assert {source(m) for m in ms} == {"ministry's office"}


def test_partial_quotation_inside_reported_speech():
    text = "Kurt Weber claimed that it was the “final chance” for a deal."
    m = _m(text, "final chance")
    assert m.is_quote and source(m) == "Kurt Weber"
    assert m.text == "it was the “final chance” for a deal."  # the content clause, not the frame
    (a, b), = m.quote_spans
    assert text[a:b] == "final chance"


def test_block_quotation_after_a_colon_paragraph():
    text = ("Mayor Ines Vidal met the union leaders and told the press afterwards that a deal was near:\n\n"
            "We have agreed on most points. The rest will follow next week.\n\n"
            "The strike continued on Friday.")
    ms = extract(text).mentions
    block = [m for m in ms if m.text.startswith(("We have", "The rest"))]
    assert len(block) == 2 and all(m.is_quote and source(m) == "Ines Vidal" for m in block)
    assert block[0].quote_spans == ((block[0].start, block[0].end),)
    last = _m(text, "strike continued")
    assert not last.is_quote and last.speaker is None


def test_mismatched_and_curly_marks():
    for text in ("“Taxes will rise,\" said Omar Haddad.", "\"Taxes will rise,” said Omar Haddad.",
                 "‘’“Taxes will rise,” said Omar Haddad."):
        m = _m(text, "Taxes will rise")
        assert m.is_quote and source(m) == "Omar Haddad", text


def test_organisations_as_speakers():
    text = ("Chancellor Lena Hoff spoke in Bonn.\n"
            "Hoff's office said in a statement that the visit was “productive.”\n"
            "The Green Party platform calls for a tax that “rewards saving.”\n"
            "“We are monitoring the situation,” the White House said.")
    assert _m(text, "productive").speaker == "Lena Hoff's office"
    m = _m(text, "rewards saving")
    assert (m.speaker, m.speaker_role) == ("Green Party", "Green Party platform")  # a document's author
    assert _m(text, "monitoring").speaker == "White House"


def test_reported_speech_without_marks():
    text = ("Jan Novak told the media that the budget was balanced.\n"
            "The deficit fell to 2% last year, officials said.\n"
            "According to the central bank, inflation slowed.\n"
            "Inflation slowed in May.")
    for needle, speaker in (("budget was balanced", "Jan Novak"), ("deficit fell", "officials"),
                            ("inflation slowed", "central bank")):
        m = _m(text, needle)
        assert source(m) == speaker and not m.is_quote and m.kind == "statement"
    assert _m(text, "Inflation slowed in May").speaker is None


def test_reported_speech_with_day_between_verb_and_that():
    m = _m("Sara Kim said Tuesday that the plant would close.", "plant would close")
    assert source(m) == "Sara Kim"


def test_name_normalised_to_fullest_form_with_role():
    text = ("US Trade Representative Nora Quinn arrived in Tokyo.\n"
            "“Tariffs are not the answer,” Quinn said.\n"
            "Ms. Quinn added that talks would continue.")
    for needle in ("Tariffs", "talks would continue"):
        m = _m(text, needle)
        assert source(m) == "Nora Quinn" and m.speaker_role == "US Trade Representative"


def test_appositive_and_relative_clause_before_the_verb():
    text = ("Tom Reyes, a spokesman for the airline, said flights would resume.\n"
            "Dana Cole, who chairs the committee, said the vote was delayed.")
    assert _m(text, "flights would resume").speaker == "Tom Reyes"
    assert _m(text, "vote was delayed").speaker == "Dana Cole"


def test_non_english_text_gets_sentences_only():
    res = extract('Der Minister sagte: "Wir sind bereit." Die Gespräche gehen weiter.', language="de")
    assert res.attribution is False and res.notes
    assert [m.text for m in res.mentions] == ['Der Minister sagte: "Wir sind bereit."',
                                               "Die Gespräche gehen weiter."]
    assert all(source(m) is None and not m.is_quote for m in res.mentions)


def test_provenance():
    from api.pipeline.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION
    res = extract("Prices rose 3% in May.")
    assert (res.extractor, res.version) == (EXTRACTOR_NAME, EXTRACTOR_VERSION)
    assert res.attribution is True
