"""Number parsing and the ``number`` detector."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.disagree.align import tokenize
from api.pipeline.disagree.numbers import figure_value, parse_numbers
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))]


@pytest.mark.parametrize("text,value,ordinal", [
    ("forty thousand", 40000, False), ("twenty five", 25, False), ("a million", 1e6, False),
    ("three hundred and five", 305, False), ("ninth", 9, True), ("twenty first", 21, True),
    ("3.5 million", 3.5e6, False), ("two dozen", 24, False), ("one hundredth", 100, True),
])
def test_parse_number_words(text, value, ordinal):
    [(i, j, v, o)] = parse_numbers(text.split())
    assert (i, j, v, o) == (0, len(text.split()), value, ordinal)


@pytest.mark.parametrize("raw,expected", [
    ("40,000", (40000, False)), ("3.5", (3.5, False)), ("9th", (9, True)), ("22nd", (22, True)),
    ("5m", (5e6, False)), ("1bn", (1e9, False)), ("abc", None),
])
def test_figure_value(raw, expected):
    assert figure_value(raw) == expected


def test_no_one_is_not_a_number():
    assert all(t.num is None for t in tokenize("no one takes any steps"))


def test_figures_and_words_tokenise_alike():
    assert [t.word for t in tokenize("40,000 people")] == [t.word for t in tokenize("forty thousand people")]
    assert [t.word for t in tokenize("1.2bn dollars")] == [t.word for t in tokenize("1.2 billion dollars")]
    assert [t.word for t in tokenize("3.5% of voters")] == [t.word for t in tokenize("3.5 per cent of voters")]


@pytest.mark.parametrize("a,b", [
    ("It is Blinken's ninth mission to the region.", "It is Blinken's eighth mission to the region."),
    ("The attack on Rafah killed 111 people, officials said.", "Officials said the attack on Rafah killed 115 people."),
    ("The meeting with Macron lasted three hours.", "The meeting with Macron lasted two hours."),
    ("Support for Obama's plan rose to 3.5% in July.", "Support for Obama's plan rose to 4% in July."),
    ("Israel says 111 hostages remain in captivity.", "Israel says 115 hostages remain in captivity."),
    ("The Polish army sent 2,000 troops to the border.", "The Polish army sent two thousand five hundred troops to the border."),
    ("Israeli officials said 12 hostages were freed.", "Israeli officials said 14 hostages were freed."),
])
def test_number_positives(a, b):
    assert "number" in kinds(a, b)


def test_a_figure_credited_to_one_named_source_is_compared():
    a = M("We will send 2,000 more troops.", speaker="Joe Biden", is_quote=True)
    b = M("We will send 3,000 more troops.", speaker="Joe Biden", is_quote=True)
    assert "number" in [d.kind for d in detect(a, b)]


@pytest.mark.parametrize("a,b", [
    # nothing named on either side: two polls, two meetings, two attacks may be meant
    ("The margin of sampling error is plus or minus six percentage points.",
     "Among likely voters, the margin of error is plus or minus 4.2 percentage points."),
    ("The meeting lasted three hours.", "The meeting lasted two hours."),
    ("Officials said 12 hostages were freed.", "Officials said 14 hostages were freed."),
    # the only shared capital is each sentence's first word
    ("Support for the plan rose to 3.5% in July.", "Support for the plan rose to 4% in July."),
    ("Turnout was 61 percent, the highest in decades.", "Turnout was 58 percent, the highest in decades."),
])
def test_figures_of_nothing_named_are_not_disputed(a, b):
    assert "number" not in kinds(a, b)


@pytest.mark.parametrize("a,b", [
    ("The meeting lasted about three hours.", "The meeting lasted approximately three hours."),
    ("More than 40,000 people have been killed.", "Over 40,000 people have been killed."),
    ("40,000 people have been killed.", "Forty thousand people have been killed."),
    ("The meeting lasted three hours and 12 people attended.", "The meeting lasted three hours."),
    ("Three people were hurt.", "People were hurt in the blast."),
    ("It is his ninth mission to the region.", "It is his 9th mission to the region."),
    ("Inflation was 3.5% in July.", "Inflation was 3.5 per cent in July."),
    ("No one was hurt, two officials said.", "Nobody was hurt, two officials said."),
    ("Tikrit is about 90 miles north of Baghdad.", "Tikrit is about 150 kilometres north of Baghdad."),
    ("Dieters lost an average of 14.7 pounds.", "Dieters lost an average of about 15 pounds."),
    ("More than 2,000 insurgents took part in the attack.", "2,100 insurgents took part in the attack."),
    ("The stock fell 17 percent on Friday.", "The stock fell 17.3 percent on Friday."),
    ("The aid package is worth $5 million.", "The aid package is worth 5 million dollars."),
])
def test_number_negatives(a, b):
    assert "number" not in kinds(a, b)


def test_number_span_and_explanation():
    [d] = detect(M("It is Blinken's ninth mission to the region."), M("It is Blinken's eighth mission to the region."))
    assert (d.a_span.text, d.b_span.text) == ("ninth", "eighth")
    assert d.a_span.start == len("It is Blinken's ")
    assert "ninth mission" in d.explanation and "eighth mission" in d.explanation


@pytest.mark.parametrize("a,b", [
    ("About 100 people were killed in the strike.", "100 people were killed in the strike."),  # a hedge
    ("Officials said 100 people were killed.", "Officials said people were killed."),         # detail
    ("Obama leads Romney 49 percent to 44 percent in Florida.",
     "Romney edges Obama 46 percent to 45 percent in Florida."),  # every figure differs: two polls
    ("The two teenagers should show a little class.", "The girls, aged 16, should show a little class."),  # count / age
    ('<post id="75154185480663"> was shared.', '<post id="75885612806307"> was shared.'),  # identifiers
    ("Cowan will be the second black senator from the state, after Brooke.",
     "Cowan will be the first black senator from the state since Brooke."),  # counted from a reference
])
def test_not_a_number_disagreement(a, b):
    assert "number" not in [d.kind for d in detect(M(a), M(b))]


def test_about_100_is_a_hedge():
    assert [d.kind for d in detect(M("About 100 people were killed in the strike."),
                                   M("100 people were killed in the strike."))] == ["hedge"]


@pytest.mark.parametrize("a,b", [
    # a year is a time, never a quantity; money is compared with money only
    ("The film beat the old record of $41.2 million for Harbor Lights.",
     "The film beat the old record of $41.2 set by 1997's Harbor Lights."),
    ("Harbor Lights earned $41.2 million in its first weekend.",
     "Harbor Lights drew 41 critics in its first weekend."),
    # a figure accounted for on the other side ("12.6" / "about 13") is paired with no other
    ("In Millbrook, the first group lost 12.6 pounds on average, against 4.7 pounds in the second group.",
     "In Millbrook, the first group lost about 13 pounds on average, against four for the second group."),
    # two figure pairs, a move to a level on both sides: two moments of one index (disagree-2.4)
    ("The Kestrel 200 index rose 2.15 points, or 0.4 percent, to 512.30.",
     "The Kestrel 200 index rose 2.05 points, or 0.4 percent, to 512.20."),
    # every figure differs, three pairs: two moments of one index
    ("The Kestrel 200 index rose 2.15 points, or 0.4 percent, to 512.30.",
     "The Kestrel 200 index fell 0.31 points, or 0.1 percent, to 509.84."),
    ("In Ardenia, the Kestrel 40 gained 0.7 percent, the Vale 100 eased 0.05 percent and the Orm index rose 0.9 percent.",
     "In Ardenia, the Kestrel 40 lost 1.4 percent, the Vale 100 fell 1.1 percent and the Orm index dropped 2.2 percent."),
])
def test_number_precision_cases_are_quiet(a, b):
    assert "number" not in kinds(a, b)
    assert "number" not in kinds(b, a)


@pytest.mark.parametrize("a,b", [
    ("Harbor Lights earned $41.2 million in its first weekend.",
     "Harbor Lights earned $38.5 million in its first weekend."),
    # two figures in dispute (no move to a level, no 32nds, no two dates) is still one claim in dispute
    ("Police in Ardenia said 28 people were killed, 50 injured and 3 buildings destroyed in the Velo blast.",
     "Police in Ardenia said 30 people were killed, 60 injured and 3 buildings destroyed in the Velo blast."),
    ("In Millbrook, the first group lost 12.6 pounds on average, against 4.7 pounds in the second group.",
     "In Millbrook, the first group lost about 13 pounds on average, against 7 pounds in the second group."),
])
def test_number_disagreements_kept(a, b):
    assert "number" in kinds(a, b)


def test_possessive_year_is_a_time():
    from api.pipeline.disagree.align import side
    s = side("The old record was set by 1997's Harbor Lights.")
    assert [(x.type, x.value) for x in s.times] == [("year", 1997)]


@pytest.mark.parametrize("text,index,is_money", [
    ("It cost $41.2 million in all.", 2, True),
    ("It cost 20 euros in all.", 2, True),
    ("It drew 41 critics in all.", 2, False),
])
def test_money(text, index, is_money):
    from api.pipeline.disagree.align import side
    from api.pipeline.disagree.numbers import money
    s = side(text)
    assert s.toks[index].num is not None and money(s, index) is is_money


def test_qualified_figure_accounts_only_for_the_same_thing():
    # "more than 250 homes" is consistent with any larger number, but not of acres
    assert "number" in kinds(
        "The Pine Fire had burned more than 9,300 acres near Dunmore, and more than 250 homes were lost.",
        "The fire has burned 8,300 acres near Dunmore, and more than 250 homes were lost.")
