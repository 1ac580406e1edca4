"""The article's people (api/pipeline/extract/speakers/registry.py): the reading position is an
argument, not state set on the registry."""
from api.pipeline.extract.sentences.splitting import paragraphs, split_sentences
from api.pipeline.extract.sentences.tokens import tokenize
from api.pipeline.extract.speakers.registry import Registry


def _registry(text):
    sentences = split_sentences(text, paragraphs(text))
    return Registry.build(text, [tokenize(text, s.start, s.end, []) for s in sentences])


def test_titled_surname_refers_back_to_the_people_named_before():
    text = "Ann Hale opened the meeting. Mrs. Hale spoke. Later Beth Hale arrived."
    reg = _registry(text)
    at = text.index("Mrs. Hale")
    assert reg.canonical("Hale", "f", before=at) == "Ann Hale"
    assert not reg.ambiguous("Hale", "f", before=at)
    # read over the whole article, two women share the surname: the title alone does not say which
    assert reg.canonical("Hale", "f") == "Hale"
    assert reg.ambiguous("Hale", "f")


def test_bare_surname_named_before_the_full_name_stays_bare():
    # canonical and ambiguous filter by gender over different lists (see Registry.ambiguous)
    text = "Mrs. Hale spoke first. Mrs. Hale said more. Later Ann Hale arrived."
    reg = _registry(text)
    at = text.index("Mrs. Hale said")
    assert reg.canonical("Hale", "f", before=at) == "Hale" and not reg.ambiguous("Hale", "f", before=at)
    assert reg.canonical("Hale", "f") == "Ann Hale"
