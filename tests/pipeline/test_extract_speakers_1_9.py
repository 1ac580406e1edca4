"""Quotation speakers that hold on unseen text (issue #12 part 1, extractor 1.9; examples written for
these tests): a name as the article spells it (an initial keeps its period), a document's words not
credited to a person named in a clause about it, role words before a surname, and names that are
common words."""
import pytest

from api.pipeline.extract import extract


def _mention(text, start):
    return next(m for m in extract(text).mentions if m.text.lstrip("\"\u201c").startswith(start))


def _speaker_of(text, start):
    return _mention(text, start).speaker


def test_middle_initial_keeps_its_period():
    text = 'Harbour master Colin P. Marsh spoke on Monday. "The pier will reopen in May," Marsh said.'
    assert _speaker_of(text, "The pier will reopen") == "Colin P. Marsh"


def test_first_initial_and_suffix_keep_their_periods():
    text = '"The pier will reopen in May," said J. Walter Pike Jr. on Monday.'
    assert _speaker_of(text, "The pier will reopen") == "J. Walter Pike Jr."


def test_initial_name_found_again_from_a_titled_surname():
    text = ('Colin P. Marsh runs the harbour. "The pier will reopen in May," said Mr. Marsh. '
            '"The boats are ready," said Ann Lodge.')
    assert _speaker_of(text, "The pier will reopen") == "Colin P. Marsh"
    assert _speaker_of(text, "The boats are ready") == "Ann Lodge"  # a plain name nearby is unchanged


def test_document_brought_by_people_keeps_its_words():
    text = ("The lawsuit, which was brought by the county's lawyer, Ann Lodge, and the state's attorney "
            "general, Tom Hale, accused the mill of a \u201cscheme\u201d to dump waste in the river.")
    m = _mention(text, "the mill of a")
    assert m.speaker is None and m.speaker_role == "lawsuit"


def test_reduced_relative_clause_with_by():
    text = "The complaint, filed by the mayor, Ann Lodge, accused the mill of \u201creckless dumping\u201d of waste."
    m = _mention(text, "the mill of")
    assert m.speaker is None and m.speaker_role == "complaint"


def test_person_before_a_relative_clause_that_names_another():
    text = ("Tom Hale, who lost to the mayor, Ann Lodge, in May, said the mill was "
            "\u201ca danger to the river.\u201d")
    assert _speaker_of(text, "the mill was") == "Tom Hale"


def test_appositive_name_without_relative_clause_still_speaks():
    text = "The town's harbour master, Tom Hale, said the mill was \u201ca danger to the river.\u201d"
    assert _speaker_of(text, "the mill was") == "Tom Hale"


def test_surname_that_is_an_auxiliary():
    text = ('Columnist Mark Will attacked the plan on Monday. "The pier is a waste of money," Will wrote. '
            'In particular, Will wrote, the council ignored the fishermen.')
    assert _speaker_of(text, "The pier is a waste") == "Mark Will"
    assert _speaker_of(text, "In particular, Will wrote") == "Mark Will"


def test_surname_that_is_a_layout_word():
    text = "Harbour chief executive Ian Read said the pier would reopen in May."
    m = _mention(text, "the pier would reopen")
    assert m.speaker == "Ian Read" and m.speaker_role == "Harbour chief executive"


def test_body_named_with_a_layout_word():
    assert _speaker_of("Harbour Watch said the pier was unsafe for boats.", "the pier was unsafe") == "Harbour Watch"


def test_lower_case_auxiliary_is_still_skipped():
    text = 'Ann Lodge will say on Monday that the pier is "a danger to boats."'
    assert _speaker_of(text, "the pier is") == "Ann Lodge"


def test_capitalised_occupation_before_a_name_is_a_role():
    m = _mention('Billionaire Tom Hale said the pier was "a waste of money."', "the pier was")
    assert m.speaker == "Tom Hale" and m.speaker_role == "Billionaire"


def test_party_and_occupation_before_a_surname():
    text = ('Fishing magnate Sam Ortega toured the harbour. Republican Donor Ortega said the pier '
            'was "a waste of money."')
    m = _mention(text, "the pier was")
    assert m.speaker == "Sam Ortega"


def test_name_after_its_occupation_is_found_again():
    text = 'Actor Lena Cole spoke first. "The pier must stay open," Cole said.'
    assert _speaker_of(text, "The pier must stay") == "Lena Cole"


def test_occupation_word_as_a_surname_stays_a_name():
    text = '"The pier must stay open," said Paul Writer, a fisherman.'
    assert _speaker_of(text, "The pier must stay") == "Paul Writer"


def test_office_named_inside_a_role_is_someone_elses():
    text = ('Mia Stone, an adviser to President Tom Hale and a professor, wrote a book.\n\n'
            'The president said the pier was "a waste of money."')
    assert _speaker_of(text, "the pier was") == "Tom Hale"  # not Mia Stone


def test_role_with_another_place_is_not_resolved():
    text = ('Coastal State Sen. Ann Lodge toured the pier.\n\n'
            'The Hill County senator said the pier was "a waste of money."')
    assert _speaker_of(text, "the pier was") is None


def test_role_with_the_same_place_is_resolved():
    text = ('Coastal State Sen. Ann Lodge toured the pier.\n\n'
            'The Coastal State senator said the pier was "a waste of money."')
    assert _speaker_of(text, "the pier was") == "Ann Lodge"


def test_bare_role_in_another_persons_story_is_nobody():
    text = ('Police Officer Dan Reyes arrested the skipper in May.\n\n'
            'Mayor Ann Lodge, a former lawyer, told of her first day in town. The officer said the town '
            'was "full of tourists."')
    m = _mention(text, "the town was")
    assert m.speaker is None and m.speaker_role == "officer"


def test_bare_role_in_its_holders_paragraph_is_resolved():
    text = ('Police Officer Dan Reyes arrested the skipper in May.\n\n'
            'Reyes spoke to reporters on Monday. The officer said the skipper was "drunk at the wheel."')
    assert _speaker_of(text, "the skipper was") == "Dan Reyes"


@pytest.mark.xfail(strict=True, reason="left out of 1.9.0: reading past the tag made 11 mentions of the development "
                   "sets worse and 26 better (faults of other rules it uncovers; bench/judged/extract_1_9_changes.md, step 6)")
def test_party_tag_between_subject_and_verb_of_a_participle_frame():
    text = 'In a statement on Monday, Rep. Ann Lodge (D-Maine) reacted to the vote, saying: "The pier must stay open."'
    assert _speaker_of(text, "The pier must stay") == "Ann Lodge"


def test_later_promise_is_its_own_speakers():
    text = 'Lodge said the pier "must stay open," and Hale vowed to "tear it down" within a year.'
    assert _speaker_of(text, "the pier") == "Lodge"
    assert _speaker_of(text, 'to "tear it down"') == "Hale"


def test_later_refusal_is_not_split():
    text = "Lodge said the pier would stay open, and Hale declined to comment on the plan."
    m = _mention(text, "the pier would stay open")
    assert m.speaker == "Lodge"


def test_surname_that_abbreviates_a_month():
    text = '"The pier is a disgrace," columnist Li Jun wrote in the paper.'
    assert _speaker_of(text, "The pier is a disgrace") == "Li Jun"


def test_abbreviated_month_before_a_day_is_no_name():
    text = 'Mayor Ann Lodge spoke on Tuesday Jun 5, saying the pier was "unsafe."'
    assert _speaker_of(text, "the pier was") == "Ann Lodge"


def test_unnamed_veteran_is_a_source_not_the_last_speaker():
    text = ('Tom Hale played the rival in the rehearsals. "She didn\'t like that," said a 2008 campaign '
            'veteran. "She cut the rehearsal short."')
    for start in ("She didn't like that", "She cut the rehearsal short"):
        m = _mention(text, start)
        assert m.speaker is None and m.speaker_role == "campaign veteran"


def test_veteran_before_a_name_is_a_role():
    m = _mention('"We were ready," said veteran lawmaker Ann Lodge.', "We were ready")
    assert m.speaker == "Ann Lodge"
