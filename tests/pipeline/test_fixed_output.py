"""Fixed-output checks: what the extractor's and the matcher's helpers give on short texts written
for this test, compared with ``fixed_output.json``.

They replace the "speed equivalence" tests that kept copies of the code the fast helpers
replaced: a change to any of these outputs (tokens, sentence and quotation spans, furniture and
fragment tests, checkworthiness, speech cues, the extracted mentions of a few short articles,
the matcher's analysis, search terms and pair features) fails here. When a change is meant, write
the file again and review its diff:

    .venv/bin/python -m tests.pipeline.test_fixed_output
"""
from __future__ import annotations

import dataclasses
import json
import random
import re
from pathlib import Path

import pytest

from api.pipeline.extract.sentences import boilerplate as bp
from api.pipeline.extract import extract
from api.pipeline.extract.sentences import quotes
from api.pipeline.extract.content import checkworthiness as scoring
from api.pipeline.extract.sentences import splitting as sentences
from api.pipeline.extract.sentences import spans
from api.pipeline.extract.sentences import tokens
from api.pipeline.extract.speakers.cues import CUE_WORDS, is_cue
from api.pipeline.match import analysis as an
from api.pipeline.match import candidates as cand
from api.pipeline.match import features as ft

FIXTURE = Path(__file__).with_name("fixed_output.json")

SENTENCES = [
    "The mayor said it's too early; we won't know until Friday, and they can't wait.",
    "\u201cWe\u2019re ready,\u201d the coach told reporters \u2014 \u2018it\u2019s our year.\u2019",
    "The U.S. and the U.N. sent envoys to Washington, D.C. on Tuesday at 9:30 a.m. Officials agreed.",
    "Sen. Jane O'Brien (D-Mass.) said 40,000 jobs, or 3.5%, were lost -- and Mr. Smith's firm closed.",
    "\"He told me, 'I never said \"that\" at all,'\" Dr. Brown said. ''Doubled,'' she wrote!",
    "Fran\u00c3\u00a7ois Hollande\u2019s aide said: \u201cNo.\u201d Why now? \u201cWhy not?\u201d asked Clinton.",
    "He went home.Secretary Blinken then left for Cairo\u2026 Inc. Corp. vs. them. No. 5 was fine.",
    "I think we believe it. We feel that maybe, perhaps, it could probably seem likely.",
    "By John Smith and Jane Doe",
    "(Photo by Jane Doe/Getty Images)",
    "Home | World | Politics | Business",
    "The post Senate passes budget appeared first on Example News.",
    "Reuters/Ipsos poll showed Clinton ahead by 4 points among likely voters on Sunday.",
    "https://example.com/story.",
    "AFP via Getty Images.",
    "Turnout was low.",
    "About forty thousand fans, or 40k, or 40,000, filled the stadium; one hundred and five left.",
    "She finished 9th in 2019, 1st in 2021 and 22nd last year; 2.5m tickets and $3bn in sales.",
    "He called the plan \"a complete waste of money\" on \"Morning Joe\" and \"common-sense\".",
    "The minister touched down in Oslo, held talks with the premier and kicked off the cease-fire.",
    "ALL CAPS: THE COUNCIL VOTED 7-2. The United States and the United Kingdom agreed.",
    "\u0130stanbul\u2019s mayor won\u2019t say; \u00abC\u2019est fini\u00bb, a dit le pr\u00e9sident.",
    "US diplomats asked us to join the talks with the UN.",
    "One of them said one thousand two hundred; a dozen eggs cost two dozen dollars.",
    "The firm's profit rose; O'Neill's shares fell. Let's see what's next (maybe more).",
    "Caf\u00e9 owners in Z\u00fcrich \u00abprotested\u00bb \u201eloudly\u201c; zero arrests, a first.",
    "  \u00a0Spaces\u2009and\u202fodd\tspaces \u2026  ",
    "   ",
    "",
    "x",
]

ARTICLES = [
    ("Council delays vote on bridge",
     "The city council delayed its vote on the new bridge until March, officials said on Monday.\n\n"
     "\u201cWe need more time to read the report,\u201d said council member Ana Ruiz. She added that "
     "the cost had risen to $45 million.\n\n"
     "Mayor Tom Baker disagreed. \u201cThis bridge is long overdue,\u201d he told reporters, "
     "warning that delays could cost another $5 million."),
    ("Storm leaves thousands without power",
     "By Jane Doe\n\n"
     "About 40,000 homes lost power after a storm hit the coast late on Sunday, the utility said.\n\n"
     "According to the National Weather Service, winds reached 90 mph. Crews may need three days "
     "to restore service, a spokeswoman said.\n\n"
     "\u201cIt was the worst storm in a decade,\u201d resident Mark Ellis said. \u201cThe roof just went.\u201d"),
    ("Talks resume in Cairo",
     "Negotiators returned to Cairo on Tuesday for a new round of talks. Sen. Maria Lopez (D-N.M.) "
     "said the deal was \"within reach\" but warned it could still collapse.\n\n"
     "\"Nobody should expect a breakthrough tonight,\" one diplomat said, speaking on condition of "
     "anonymity. The talks are expected to last two days."),
]


def _mentions(title: str, text: str) -> list:
    return [[m.start, m.end, m.is_quote, m.speaker, m.speaker_role, m.kind, m.checkworthiness,
             [list(s) for s in m.quote_spans]] for m in extract(text, language="en", title=title).mentions]


def _checkworthiness(s: str) -> list[float]:
    n = len(s)
    return [scoring.checkworthiness(s, has_speaker=speaker, is_quote=bool(qs), quote_spans=qs, start=100)
            for qs in ([], [(100, 100 + n // 2)]) for speaker in (False, True)]


def _sentence_outputs(s: str) -> dict:
    toks = tokens.tokenize(s, 0, len(s))
    paras = sentences.paragraphs(s)
    return {
        "tokens": [[t.text, t.start, t.end, t.kind] for t in toks],
        "sentences": [[x.start, x.end] for x in sentences.split_sentences(s, paras)],
        "quotes": [list(dataclasses.astuple(q)) for q in quotes.find_quotes(s, paras)],
        "furniture": bp.is_furniture(s), "fragment": bp.is_fragment(s),
        "checkworthiness": _checkworthiness(s),
        "substantive_from": [i for i in range(len(toks) + 1) if spans.substantive(toks, i, len(toks))],
        "cues": [k for k in range(len(toks)) if is_cue(toks, k)],
    }


def _analysis(s: str) -> dict:
    a = an.analyse(s)
    return {"words": list(a.words), "stems": list(a.stems), "content": list(a.content),
            "entities": sorted(a.entities), "numbers": sorted(a.numbers), "norm": a.norm,
            "quotes": [list(q) for q in a.quotes], "search_terms": cand.search_terms(s, 8)}


def current_outputs() -> dict:
    """Everything this test pins, as the code gives it now."""
    pairs = list(zip(SENTENCES, SENTENCES[1:]))
    return {
        "sentences": {s: _sentence_outputs(s) for s in SENTENCES},
        "articles": {title: _mentions(title, text) for title, text in ARTICLES},
        "analysis": {s: _analysis(s) for s in SENTENCES},
        "pair_features": [{k: round(v, 6) for k, v in sorted(ft.pair_features(an.analyse(x), an.analyse(y)).items())}
                          for x, y in pairs],
    }


@pytest.fixture(scope="module")
def pinned() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current() -> dict:
    return json.loads(json.dumps(current_outputs()))  # (tuples as lists, as in the file)


def test_the_file_pins_every_text(pinned):
    assert list(pinned["sentences"]) == SENTENCES and list(pinned["analysis"]) == SENTENCES
    assert list(pinned["articles"]) == [title for title, _ in ARTICLES]


@pytest.mark.parametrize("part, key", [("sentences", s) for s in SENTENCES] + [("analysis", s) for s in SENTENCES]
                         + [("articles", title) for title, _ in ARTICLES])
def test_outputs_are_the_pinned_ones(pinned, current, part, key):
    assert current[part][key] == pinned[part][key]


def test_pair_features_are_the_pinned_ones(pinned, current):
    assert len(current["pair_features"]) == len(pinned["pair_features"])
    for got, expected in zip(current["pair_features"], pinned["pair_features"]):
        # (a feature added later is not compared; every pinned one must stay)
        assert {k: got.get(k) for k in expected} == expected


def test_the_articles_give_mentions_with_speakers():
    """(the pinned file is not empty or trivial)"""
    got = current_outputs()["articles"]
    assert all(len(m) >= 3 for m in got.values())
    speakers = {m[3] for ms in got.values() for m in ms}
    assert {"Ana Ruiz", "Tom Baker", "Mark Ellis"} <= speakers


# Two live paths that must agree (no copy of old code): the tokenizer's plain-word shortcut reads
# what the token rules read, and the word before a period is found from the final run of letters.
_ALPHABET = list("aZbU.S-'\u2019 \t,;:!?)(\"\u201c\u201d\u201e\u00ab\u00bb0123%\u00e9\u00c3\u00a7\u0130\u2026") + [
    "'s", "n't", "\u2019re", "''", "Mr", "said"]
_RANDOM = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 16)))
           for rng in [random.Random(1)] for _ in range(3000)]
_RULES_RE = re.compile(tokens.TOKEN_RULES, re.X)


def _by_the_rules(text: str, a: int, b: int) -> list[tuple]:
    out = []
    for m in _RULES_RE.finditer(text, a, b):
        s, c = m.group(), m.group()[0]
        kind = "w" if c.isalpha() else "n" if c.isdigit() else "s" if s in ("'s", "\u2019s") else "p"
        out.append((s, m.start(), m.end(), kind, s.lower()))
    return out


def test_tokens_are_what_the_token_rules_read():
    for text in SENTENCES + _RANDOM:
        n = len(text)
        for a, b in {(0, n), (n // 3, n), (0, n // 2), (1, max(1, n - 1))}:
            got = [(t.text, t.start, t.end, t.kind, t.low) for t in tokens.tokenize(text, a, b)]
            assert got == _by_the_rules(text, a, b), (text, a, b)


def test_word_before_a_period_is_searched_from_the_final_run():
    for before in SENTENCES + _RANDOM + ["Lt.-Gen", "said Mr", "John F", "a.m", "x\nMr", "Sept"]:
        whole = sentences._WORD_BEFORE_RE.search(before)
        got = sentences._WORD_BEFORE_RE.search(before, len(before.rstrip(sentences._WORD_BEFORE_CHARS)))
        assert (got and (got.span(), got.group(1))) == (whole and (whole.span(), whole.group(1))), before


def test_words_outside_cue_words_are_never_cues():
    """``find_attributions`` skips every token whose word is not in ``CUE_WORDS`` (or one of a few
    other watched words) without asking ``is_cue``."""
    extra = ("He made it clear. They called for calm and pointed out risks. She issued a statement. "
             "The campaign plans to employ staff. As he put it, Trump called it \"a disgrace\": done.")
    for s in SENTENCES + [extra]:
        toks = tokens.tokenize(s, 0, len(s))
        for k, t in enumerate(toks):
            if is_cue(toks, k):
                assert t.low in CUE_WORDS, (s, t)


def test_title_repeat_ignores_form_but_not_words():
    title = "Blinken warns Israel, Hamas of 'decisive moment' to reach agreement"
    for same in [title, title + ".", title.upper(), "  " + title + " ?!", title.replace("'", "\u2019"),
                 title.replace(" ", "\u00a0 ")]:
        assert bp.is_title_repeat(same, title), same
    assert bp.is_title_repeat("We will not go", "We won\u2019t go")
    assert not bp.is_title_repeat(title[:-1], title)
    assert not bp.is_title_repeat("Blinken warns Israel of a decisive moment", title)
    assert not bp.is_title_repeat(title, None) and not bp.is_title_repeat("", "")


def test_analysis_of_examples():
    a = an.analyse("About forty thousand fans, or 40k, or 40,000, filled the stadium; one hundred and five left.")
    assert a.numbers == frozenset({"#40000", "#105"})
    b = an.analyse("The minister touched down in Oslo, held talks with the premier and kicked off the cease-fire.")
    assert {"arriv", "meet", "begin", "ceasefir"} <= set(b.content)
    assert {"oslo"} <= b.entities
    c = an.analyse("US diplomats asked us to join the talks with the UN.")
    assert c.stems[0] == "usa" and "usa" in c.entities and "un" in c.entities
    d = an.analyse("He called the plan \"a complete waste of money\" on \"Morning Joe\" and \"common-sense\".")
    assert d.quotes == (("a", "complete", "waste", "of", "money"),)
    assert an.analyse("").words == () and an.analyse("x").content == ()


def test_align_finds_spelling_variants_only_within_prefix_groups():
    mx, my = ft._align({"organisation", "travelled", "budget"}, {"organization", "traveled", "plans"})
    assert mx == {"organisation", "travelled"} and my == {"organization", "traveled"}


def test_search_terms_sentence_starts():
    # "Paris" inside the sentence is a name; "Storms" after the full stop only sentence-initial
    assert cand.search_terms("Rain hit Paris. Storms hit Lyon.", 3) == ["paris", "lyon", "storms"]


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(current_outputs(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")
