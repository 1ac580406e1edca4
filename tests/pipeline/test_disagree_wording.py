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
    ('"We must bring the hostages home and end this war," she said.', '"We must bring the hostages home and end the war," she said.'),
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
