"""The ``wording`` detector: the same quotation in other words."""
import pytest

from api.pipeline.disagree import detect
from api.pipeline.types import MentionText as M


def quoted(text, speaker="Blinken"):
    """A mention whose quoted part is between the first pair of quote marks (or all of it)."""
    marks = [i for i, c in enumerate(text) if c in '"\u201c\u201d']
    quotes = ((marks[0], marks[1] + 1),) if len(marks) >= 2 else ()
    return M(text, speaker=speaker, is_quote=True, quotes=quotes)


def kinds(a, b):
    return [d.kind for d in detect(a, b)]


@pytest.mark.parametrize("a,b", [
    ('"We\'re working to make sure that there is no escalation, that there are no provocations," he said.',
     "So we're looking to make sure that there is no escalation, that there are no provocations, "
     "or for that matter, escalating the conflict"),
    ('"We will never accept this deal as it stands," she said.', '"We will not accept this deal as it stands," she said.'),
    ('"The people of Gaza deserve peace and dignity now," he said.', '"The people of Gaza deserve peace and security now," he said.'),
    ('"It is time for everyone to get to yes," he said.', '"It is time for everyone to say yes," he said.'),
    ('"I have a serious problem with the plan," he said.', '"I got a serious problem with the plan," he said.'),
])
def test_wording_positives(a, b):
    assert "wording" in kinds(quoted(a), quoted(b))


@pytest.mark.parametrize("a,b", [
    ('"It is time for it to get done," he said.', "It's time for it to get done."),
    ('"to the line and ultimately, over the line"', "to the line, and ultimately over the line"),
    ('Blinken warned it was time to "make sure that no one takes any steps that could derail this process" or escalate.',
     "It's also time to make sure that no one takes any steps that could derail this process."),
    ('\u201cThe defence of the realm is our priority,\u201d he said.', '"The defense of the realm is our priority," he said.'),
    ('"We are surrounded by terror ... and we are fighting back," he said.',
     '"We are surrounded by terror from four corners of the earth, and we are fighting back," he said.'),
    ('He said the talks would continue.', 'He said the talks would resume.'),  # no quotes at all
    # function words only, other forms of the same word, names spelled another way
    ('"We must bring the hostages home and end this war," she said.', '"We must bring the hostages home and end the war," she said.'),
    ('"There is a one-in-three chance we could lose the vote," he said.', '"There is a one-in-three chance that we could lose the vote," he said.'),
    ('"You do not need to sit in the pew every week to know it," he said.', '"You do not need to sit in the pews every week to know it," he said.'),
    ('"Now he said that he backs the plan entirely," she said.', '"Now he saying that he backs the plan entirely," she said.'),
    ('"It looks like Muammar Qaddafi is going to win this fight," he said.', '"It looks like Moammar Gadhafi is going to win this fight," he said.'),
    # compounds, symbols and diacritics are form
    ('"We want a cease-fire in the north by the weekend," he said.', '"We want a ceasefire in the north by the weekend," he said.'),
    ('"We want a cease fire in the north by the weekend," he said.', '"We want a ceasefire in the north by the weekend," he said.'),
    ('"We will re-elect the mayor next spring," she said.', '"We will reelect the mayor next spring," she said.'),
    ('"Johnson & Johnson must pay the families," he said.', '"Johnson and Johnson must pay the families," he said.'),
    ('"Zo\u00eb and Ren\u00e9e will lead the new team," he said.', '"Zoe and Renee will lead the new team," he said.'),
    # an elision or an editor's bracketed insertion
    ('"I will end [President Barack] Obama\'s war on the churches," he said.', '"I will end his war on the churches," he said.'),
    ('"We are fighting \u2026 and we will win this war," he said.', '"We are fighting for our homes, and we will win this war," he said.'),
    ('"Now these (local) officials have too much power," she said.', '"Now these officials have too much power," she said.'),
    # function words added, dropped or swapped
    ('"It is a rationale for gutting the programs," he said.', '"It is a rationale gutting the programs," he said.'),
    ('"I have not broken any rules and regulations here," she said.', '"I have not broken any rules or regulations here," she said.'),
])
def test_wording_negatives(a, b):
    assert "wording" not in kinds(quoted(a), quoted(b))


def test_wording_needs_compatible_speakers():
    a = quoted('"The people of Gaza deserve peace and dignity now," he said.', speaker="Herzog")
    b = quoted('"The people of Gaza deserve peace and security now," he said.', speaker="Blinken")
    assert kinds(a, b) == ["attribution"]


def test_wording_spans_and_diff():
    a = quoted('"We\'re working to make sure that there is no escalation," he said.')
    b = quoted("So we\u2019re looking to make sure that there is no escalation, or provocations.")
    [d] = [d for d in detect(a, b) if d.kind == "wording"]
    assert (d.a_span.text, d.b_span.text) == ("working", "looking")
    ops = [op["op"] for op in d.diff]
    assert ops[0] == "insert" and {"op": "replace", "a": "working", "b": "looking"} in d.diff
    assert all(set(op) == {"op", "a", "b"} for op in d.diff)


def test_a_hedge_is_not_also_wording():
    a = quoted('"This is maybe the last opportunity for a deal," he said.')
    b = quoted('"This is the last opportunity for a deal," he said.')
    assert kinds(a, b) == ["hedge"]


def test_a_number_is_not_also_wording():
    a = quoted('"Exactly 300 trucks entered the strip on Sunday," he said.')
    b = quoted('"Exactly 200 trucks entered the strip on Sunday," he said.')
    assert kinds(a, b) == ["number"]


def test_a_negation_is_not_also_wording():
    a = quoted('"The money should have gone to the schools," she said.')
    b = quoted('"The money shouldn\'t have gone to the schools," she said.')
    assert kinds(a, b) == ["negation"]


@pytest.mark.parametrize("a,b", [
    # the cut is marked one word away from where the alignment puts the gap
    ('"The crews should stay away from the river when they ... are clearing the dam," he said.',
     '"The crews should stay away from the river when they are at the site where they are clearing the dam," he said.'),
    # spaced dots
    ('"We will rebuild the school . . . and open it again in the spring," he said.',
     '"We will rebuild the school with help from the state and open it again in the spring," he said.'),
    ('"We will rebuild the school \u2026 and open it again in the spring," he said.',
     '"We will rebuild the school with help from the state and open it again in the spring," he said.'),
])
def test_ellipsis_marks_a_cut_not_a_wording_change(a, b):
    assert "wording" not in kinds(quoted(a), quoted(b))
    assert "wording" not in kinds(quoted(b), quoted(a))


def test_ellipsis_far_from_the_change_does_not_hide_it():
    a = '"We won the vote ... and now the council will repair the water pumps next year," he said.'
    b = '"We won the vote and now the council will sell the water pumps next year," he said.'
    assert "wording" in kinds(quoted(a), quoted(b))


def test_ellipsis_on_the_side_with_the_extra_word_does_not_hide_it():
    a = '"The plant gives the town steady work, and strengthens our ability to hire," she said.'
    b = '"The plant gives the town steady seasonal work . . . and strengthens our ability to hire," she said.'
    assert "wording" in kinds(quoted(a, "Ana Ruiz"), quoted(b, "Ana Ruiz"))


def test_figures_of_two_moments_are_not_wording():
    a = "The wider Kestrel 300 Index .KST was up 2.61 points, or 0.25 percent, at 871.00, also its best close so far this year."
    b = "The wider Kestrel 300 Index .KST was down 0.05 points, or 0 percent, at 874.32."
    assert detect(M(a, speaker="Ann Lee", is_quote=True), M(b, speaker="Ann Lee", is_quote=True)) == []


def test_a_moved_word_is_not_wording():
    a = '"Clearly it is a hard winter for the farmers of the valley," she said.'
    b = '"It is clearly a hard winter for the farmers of the valley," she said.'
    assert "wording" not in kinds(quoted(a, "Ana Ruiz"), quoted(b, "Ana Ruiz"))
    c = '"It is a hard winter, clearly, for the farmers of the valley," she said.'
    assert "wording" not in kinds(quoted(b, "Ana Ruiz"), quoted(c, "Ana Ruiz"))
