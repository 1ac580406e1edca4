"""Wrong speakers that generalise (issue #12 part 1, precision; examples written for these tests):
a title-case headline verb read as part of a name ("Calls Trump"), a body named for its cause read
as a person ("Bikers for Trump"), coordinated names given as one speaker, a possessive name
rewritten with someone else's first name ("Mrs. Bill Clinton's"), a titled surname given the
full name of another person of that surname, and a bare role phrase resolved to an office-holder
named far away while the paragraph is about someone else."""
import pytest

from api.pipeline.extract import extract


def _speakers(text):
    ms = extract(text).mentions
    for m in ms:
        assert m.text == text[m.start:m.end]
    return [(m.text, m.speaker, m.speaker_role) for m in ms]


def _speaker_of(text, start):
    return next((s, r) for t, s, r in _speakers(text) if t.startswith(start))


# --- a headline verb is never part of a name -------------------------------------------------

@pytest.mark.parametrize("headline", [
    "Lopez Says Harbour Deal Is Dead, Calls Berg's Plan 'Reckless'",
    "Harbour Deal Must Be Saved, Warns Berg",
    "Lopez Calls Out Berg Over Harbour Deal",
])
def test_headline_verb_is_no_part_of_a_name(headline):
    text = headline + "\n\nTom Berg arrived on Monday. Berg said that the harbour deal would be signed in May."
    speaker, _ = _speaker_of(text, "the harbour deal would")
    assert speaker == "Tom Berg"


def test_a_name_chain_never_starts_with_a_speech_verb():
    from api.pipeline.extract.speakers.names import cap_chain_left
    from api.pipeline.extract.sentences.tokens import tokenize
    text = "Deal Is Dead, Warns Tom Berg"
    toks = tokenize(text, 0, len(text), [])
    j = len(toks) - 1
    assert [t.text for t in toks[cap_chain_left(toks, j):j + 1]] == ["Tom", "Berg"]


# --- a body named "X for Y" is an organisation, not the person Y ---------------------------------

def test_group_named_for_someone_is_not_that_person():
    text = ("Fishers for Lopez, a group of boat owners, marched on Monday.\n\n"
            "Lopez said that the pier would stay open.")
    speaker, _ = _speaker_of(text, "the pier would stay open")
    assert speaker == "Lopez"


# --- coordinated names give no single speaker ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ana Ruiz and Tom Berg said that the pier would close in May.",
    "Mr. Ruiz and Mr. Berg said that the pier would close in May.",
    "The harbour board and the ferry union said that the pier would close in May.",
])
def test_coordinated_speakers_give_none(text):
    speaker, role = _speaker_of(text, "the pier would close")
    assert speaker is None
    assert role and " and " in role


def test_they_after_coordinated_speakers_gives_none():
    text = ("Ana Ruiz and Tom Berg said that the pier would close in May. "
            "They said that the ferry would stop too.")
    speaker, role = _speaker_of(text, "the ferry would stop")
    assert speaker is None and role == "Ana Ruiz and Tom Berg"


@pytest.mark.parametrize("text, speaker", [
    # an organisation whose name holds "and"
    ("The Parks and Fisheries Department said that the pier would close in May.",
     "Parks and Fisheries Department"),
    # two roles of one named person
    ("Harbour Commissioner and Senate candidate Ana Ruiz said that the pier would close in May.",
     "Harbour Commissioner and Senate candidate Ana Ruiz"),
])
def test_one_name_holding_and_keeps_its_speaker(text, speaker):
    assert _speaker_of(text, "the pier would close")[0] == speaker


# --- a titled possessive name, or one several people share, stays as written -------------------

def test_possessive_name_stays_as_written():
    text = ("Bob Lane, a former mayor, spoke first. Mary Lane spoke later.\n\n"
            "Mrs. Lane's campaign said that the pier would stay open.")
    speaker, role = _speaker_of(text, "the pier would stay open")
    assert "Bob" not in (speaker or "") and "Bob" not in (role or "")
    assert "Mrs. Lane's campaign" in (speaker or role)


def test_possessive_surname_of_one_person_takes_the_full_name():
    text = "Mary Lane spoke at the rally.\n\nLane's campaign said that the pier would stay open."
    assert _speaker_of(text, "the pier would stay open")[0] == "Mary Lane's campaign"


# --- a title's gender, and several people of one surname ----------------------------------------

def test_titled_surname_is_not_another_person_of_that_name():
    text = ("Bob Lane spoke at the rally. Mary Lane spoke later.\n\n"
            "Mrs. Lane said that the pier would stay open. Mr. Lane said that the ferry would stop.")
    assert _speaker_of(text, "the pier would stay open")[0] == "Mrs. Lane"
    assert _speaker_of(text, "the ferry would stop")[0] == "Mr. Lane"


def test_titled_surname_takes_the_full_name_the_title_fits():
    text = ("Mrs. Mary Lane spoke at the rally. Bob Lane spoke later.\n\n"
            "Mrs. Lane said that the pier would stay open.")
    assert _speaker_of(text, "the pier would stay open")[0] == "Mary Lane"


def test_titled_surname_with_one_full_name_is_resolved():
    text = "Mary Lane spoke at the rally.\n\nMrs. Lane said that the pier would stay open."
    assert _speaker_of(text, "the pier would stay open")[0] == "Mary Lane"


# --- which person a role phrase stands for --------------------------------------------------------

def test_former_before_a_titled_name_is_part_of_the_role():
    text = ("Ohio Gov. Ana Ruiz spoke first. On Monday, former Maine Gov. Tom Lee spoke.\n\n"
            "The governor said that the pier would close.")
    assert _speaker_of(text, "the pier would close")[0] == "Ana Ruiz"


def test_bare_role_after_a_paragraph_about_someone_else_gives_none():
    # the only governor the article names is far away; the paragraph is about Lee, whose office
    # the article does not give: "the governor" is not sure, so nobody
    text = ("Ohio Gov. Ana Ruiz spoke first.\n\n"
            "Tom Lee said he would act. In his state, Lee said, crime fell. "
            "The governor claimed that crime has gone down 20 percent.")
    speaker, role = _speaker_of(text, "crime has gone down")
    assert speaker is None and role == "governor"


def test_bare_role_prefers_the_holder_named_in_the_paragraph():
    text = ("Sen. Ana Ruiz spoke first. Sen. Tom Lee spoke later.\n\n"
            "Ana Ruiz left early. Tom Lee stayed on. The senator said that the pier would close.")
    assert _speaker_of(text, "the pier would close")[0] == "Tom Lee"


# --- a party member of a place after a name describes that person ------------------------------

@pytest.mark.parametrize("text", [
    "Representative Ann Lane, Republican of Ohio, said the way the pier was sold reminded her of a scandal.",
    "Ann Lane, Democrat of Ohio, said that the pier was sold.",
])
def test_party_member_of_a_place_is_no_speaker_of_its_own(text):
    speaker, _ = next((s, r) for t, s, r in _speakers(text) if "pier was sold" in t)
    assert speaker == "Ann Lane"


def test_party_member_of_a_place_alone_gives_none():
    text = ("Mr. Obama wants a measure, and the Senator Tom Berg, Democrat of Maine, the majority leader, "
            "has promised to present a bill.")
    assert not any(s and "Democrat" in s for _, s, _ in _speakers(text))


def test_he_after_a_description_with_a_named_appositive():
    text = ("Ann Lane, Republican of Ohio, said the pier was sold. One Democrat, Representative Tom Berg "
            "of Maine, even raised the threat of a lawsuit. \u201cWe know where that will lead,\u201d he said.")
    assert _speaker_of(text, "We know where")[0] == "Tom Berg"


# --- a capitalised preposition is never part of a name -------------------------------------------

def test_capitalised_preposition_is_no_name():
    text = ("The Difference Between Tom Berg And Ana Ruiz On Taxes\n\n"
            "Tom Berg called for a single tax on land. \u201cThere are no excuses,\u201d Berg said.")
    assert _speaker_of(text, "There are no excuses")[0] == "Tom Berg"


def test_given_names_coordinated_before_a_surname_are_two_people():
    # "Ali and Sara Khan": Ali Khan is named too, so "Mr. Khan" is not sure to be Sara Khan
    text = ("The parents, Ali and Sara Khan, spoke on Monday.\n\n"
            "Mr. Khan said that the plan would fail.")
    assert _speaker_of(text, "the plan would fail")[0] == "Mr. Khan"


def test_an_office_before_and_is_no_given_name():
    text = ("Congress and President Obama agreed on Monday.\n\n"
            "Mr. Obama said that the plan would work.")
    assert _speaker_of(text, "the plan would work")[0] == "Obama"


# --- a generational suffix does not hide the surname ------------------------------------------

@pytest.mark.parametrize("suffix", ["Jr.", "Sr.", "III"])
def test_a_surname_before_a_suffix_finds_its_bearer(suffix):
    text = (f"Former Rep. Tom Berg {suffix} admitted the charges on Monday. \u201cI spent money that was "
            "meant for the harbour fund,\u201d Berg said in court.\n\n"
            "His wife, Ana Berg, admitted a tax charge. \u201cI am sorry,\u201d Ana Berg said.")
    speaker, _ = _speaker_of(text, "I spent money")
    assert speaker.startswith("Tom Berg")
    assert _speaker_of(text, "I am sorry")[0] == "Ana Berg"


def test_surname_key_skips_generational_suffixes():
    from api.pipeline.extract.speakers.registry import surname_key
    assert surname_key(["Tom", "Berg", "Jr."]) == "berg"
    assert surname_key(["Tom", "Berg"]) == "berg"
    assert surname_key(["Berg"]) == "berg"
