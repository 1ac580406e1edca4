"""``StoredMention``, the services' one stored-mention type: each constructor gives what the
dataclass's own ``__init__`` would, and the view is worked out from its fields."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from rapidfuzz.utils import default_process

from api.models import Mention
from api.pipeline.types import ExtractedMention, MentionText
from api.services.mentions import NewMention, StoredMention, new_mentions
from api.storage.candidates import CandidateRow
from api.storage.mentions import LatestRow

TEXT = "the mayor said the bridge was \u201cnot safe\u201d on Monday"


def fields_of(mention: StoredMention) -> dict:
    """The dataclass fields of a mention (vectors as lists, to compare)."""
    out = {f.name: getattr(mention, f.name) for f in dataclasses.fields(StoredMention)}
    if out["vector"] is not None:
        out["vector"] = list(out["vector"])
    return out


@pytest.mark.parametrize("spans", ["[[130, 140]]", [[130, 140]], "[]"])
def test_a_candidate_row_gives_the_fields_init_would(spans):
    vector = np.ones(4, dtype=np.float32) / 2
    row = CandidateRow(7, 3, 2, TEXT, 100, "Ann Lee", 1, spans, "2024-08-19 00:00:00", b"code")
    got = StoredMention.of_candidate(row, vector)
    expected = StoredMention(7, 3, 2, TEXT, 100, "Ann Lee", True, () if spans == "[]" else spans,
                             "2024-08-19 00:00:00", vector)
    assert fields_of(got) == fields_of(expected)
    assert got.quotes == ((() if spans == "[]" else ((30, 40),)))
    assert got.view == MentionText(TEXT, "Ann Lee", True, got.quotes)
    assert got.view.vector is vector
    assert got.processed == default_process(TEXT)


def test_a_latest_row_and_an_orm_mention_and_an_inserted_row():
    latest = StoredMention.of_latest(LatestRow(7, 3, TEXT, 100, None, None, False, "[[130, 140]]", 9))
    assert (latest.id, latest.claim_id, latest.article_id, latest.outlet_id) == (7, 3, None, 9)
    assert latest.quote_spans == [[130, 140]] and latest.quotes == ((30, 40),)
    with_role = StoredMention.of_latest(LatestRow(7, 3, TEXT, 100, None, "letter", False, "[]", 9))
    assert with_role.speaker_role == "letter" and with_role.view.speaker_role == "letter"  # (detection reads it)
    row = {"article_id": 2, "claim_id": 3, "start": 100, "end": 100 + len(TEXT), "text": TEXT, "is_quote": False,
           "speaker": None, "speaker_role": None, "kind": "statement", "checkworthiness": 0.5,
           "quote_spans": [[130, 140]], "provenance": "claimtrack-rules", "provenance_version": "1",
           "match_score": None, "pinned": False, "created_at": None}
    view = MentionText(TEXT, None, False, ((30, 40),))
    inserted = StoredMention.of_inserted(7, row, 9, "2024-08-19", view)
    orm = StoredMention.of_model(Mention(id=7, **row), 9)
    assert fields_of(inserted) == {**fields_of(orm), "published": "2024-08-19"}
    assert inserted.view is view  # the view it was matched with, not built again
    assert fields_of(orm) == fields_of(StoredMention(7, 3, 2, TEXT, 100, None, False, [[130, 140]], outlet_id=9,
                                                     end=row["end"], kind="statement", checkworthiness=0.5,
                                                     provenance="claimtrack-rules", provenance_version="1",
                                                     pinned=False))
    assert inserted.view == orm.view == latest.view


def test_fields_left_out_read_their_defaults():
    """``StoredMention._of`` leaves fields out of the instance: the class holds each default."""
    for f in dataclasses.fields(StoredMention):
        if f.default is not dataclasses.MISSING:
            assert getattr(StoredMention, f.name) is f.default
    assert StoredMention._of(id=1).speaker_role is None


def test_it_is_frozen_and_compared_by_identity():
    a = StoredMention(1, 1, 1, "x", 0, None, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.claim_id = 2
    assert a != StoredMention(1, 1, 1, "x", 0, None, False) and a == a


def test_new_mentions_make_quotes_relative_and_carry_vectors():
    em = ExtractedMention(start=100, end=100 + len(TEXT), text=TEXT, is_quote=False, speaker=None, kind="statement",
                          checkworthiness=None, quote_spans=((130, 140),))
    vectors = np.zeros((1, 4), dtype=np.float32)
    (new,) = new_mentions([em], vectors, "2024-08-19")
    assert new.view.quotes == new.quotes == ((30, 40),)
    assert np.array_equal(new.view.vector, vectors[0]) and new.vector is new.view.vector
    assert new_mentions([em])[0].vector is None


def test_a_new_mention_answers_as_a_candidate_does():
    """What matching asks of a candidate: a mention of the batch has no id nor article yet and
    its article's publication time."""
    new = NewMention(MentionText(TEXT, None, False, ((30, 40),)), "2024-08-19")
    assert (new.id, new.article_id, new.published, new.text) == (None, None, "2024-08-19", TEXT)
    assert new.processed == default_process(TEXT)
    assert new != NewMention(new.view, new.published) and new == new
