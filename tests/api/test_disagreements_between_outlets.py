"""Disagreements are between outlets: one outlet's articles differing from each other (a toll it
updates, a count in a stock sentence) are its own updates, not outlets disagreeing."""
from .helpers import article, post

SAID = "Health Minister Omar Yusuf said 111 hostages remain in Gaza after the latest round of talks."


def _kinds(client, claim_id):
    return [d["kind"] for d in client.get(f"/v1/claims/{claim_id}/disagreements").get_json()["items"]]


def test_one_outlets_articles_do_not_disagree_with_each_other(client, auth):
    first = post(client, auth, article("wire.com", text=SAID, published_at="2024-08-19"))
    post(client, auth, article("wire.com", text=SAID.replace("111", "115"), published_at="2024-08-20"))
    assert _kinds(client, first["mentions"][0]["claim_id"]) == []


def test_two_outlets_disagree(client, auth):
    first = post(client, auth, article("wire.com", text=SAID, published_at="2024-08-19"))
    post(client, auth, article("daily.com", text=SAID.replace("111", "115"), published_at="2024-08-20"))
    assert _kinds(client, first["mentions"][0]["claim_id"]) == ["number"]


def test_detection_reuses_the_vector_a_new_mention_was_matched_with(app, client, auth, monkeypatch):
    """A new mention's text is embedded once, with its article's (the plan's view carries the
    vector to detection); the stored mention it is compared with is embedded by detection's
    matcher from its text."""
    from api.pipeline.embedding import StaticEmbedder

    batches: list[list[str]] = []
    real = StaticEmbedder.token_sums

    def recorded(self, texts):
        batches.append(list(texts))
        return real(self, texts)

    said = SAID.replace("round of talks", "round of negotiations in Doha")
    first = post(client, auth, article("wire.com", text=said, published_at="2024-08-19"))
    monkeypatch.setattr(StaticEmbedder, "token_sums", recorded)
    second = post(client, auth, article("daily.com", text=said.replace("111", "115"), published_at="2024-08-20"))
    assert _kinds(client, first["mentions"][0]["claim_id"]) == ["number"]  # (detection asked the matcher)
    (new,) = [m["text"] for m in second["mentions"]]
    assert sum(batch.count(new) for batch in batches) == 1
