"""What counts as a claim: boilerplate, headlines, questions and fragments, and checkworthiness."""
import pytest

from api.pipeline.extract import extract


def _texts(text, **kw):
    return [m.text for m in extract(text, **kw).mentions]


@pytest.mark.parametrize("line", [
    "By John Smith and Jane Doe",
    "Read More",
    "Read more: Ten things to know about the vote",
    "The post Senate passes budget appeared first on Example News.",
    "Most Popular",
    "Home | World | Politics | Business",
    "(Photo by Jane Doe/Getty Images)",
    "(AP Photo/John Smith)",
    "Getty Images",
    "Share this article",
    "Subscribe to our newsletter",
    "Follow us on Twitter",
])
def test_boilerplate_is_dropped(line):
    text = f"The council approved the budget on Monday.\n{line}\nThe vote was 7 to 2."
    assert _texts(text) == ["The council approved the budget on Monday.", "The vote was 7 to 2."]


def test_title_repeated_in_the_body_is_dropped():
    text = "Council approves budget after long debate\nThe council approved the budget on Monday."
    assert _texts(text, title="Council Approves Budget After Long Debate") == [
        "The council approved the budget on Monday."]


def test_short_title_case_lines_without_final_punctuation_are_dropped():
    text = "Budget Fight Heats Up\nThe council approved the budget on Monday.\nWhat Happens Next"
    assert _texts(text) == ["The council approved the budget on Monday."]


def test_questions_and_fragments_are_dropped_but_quoted_questions_kept():
    text = ("Will the budget pass? The council approved it.\nABSTRACT.\n"
            "“Why would we wait?” asked Mayor Lin Park.")
    # the quoted question is kept as its content (the attribution frame is metadata)
    assert _texts(text) == ["The council approved it.", "Why would we wait?"]


def test_ordinary_sentences_are_kept():
    text = "Turnout was low. Officials blamed the rain, which fell all day in the north of the country."
    assert len(_texts(text)) == 2


def test_checkworthiness_ranks_figures_and_attribution_above_opinion():
    text = ("The unemployment rate fell to 4.1% in March, the Labor Department said.\n"
            "I think this is all rather silly, maybe.")
    fact, opinion = extract(text).mentions
    assert 0 <= opinion.checkworthiness < fact.checkworthiness <= 1
    assert fact.checkworthiness >= 0.6 and opinion.checkworthiness <= 0.3
