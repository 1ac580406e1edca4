"""Cross-outlet claim matching: does a new mention state the same claim as a stored one?

Entry points used by the service layer::

    m = Matcher()                                   # params.json loaded once, embedder on first use
    m = Matcher(embedding_model="/local/model/dir")  # adds all-MiniLM-L6-v2 cosine (semantic extra)
    m.prepare(views)                                # batch-embed a mention and its shortlist
    r = m.score(a, b)                               # MatchScore(score, same_claim, features)
    m.search_terms(text, limit=8)                   # words for a full-text candidate query

The score is a logistic model over pair features trained on the MRPC train split plus
retrieval negatives (``scripts/train_matcher.py``): the lexical ones (``features.py``; its
machine-translation measures only for a weight set that reads them) and the
static embedding's sentence cosine (``vectors.py``; the cosine of the words the two do not share
is there for a weight set trained with it: matcher 1.3's was, 1.4's is not). A ``MentionText`` may carry its stored ``vector``; without one the matcher embeds the
text (the embedder loads once per process, on first use). Beside the model, two hand-set terms MRPC cannot teach: speaker
compatibility, and a floor above the threshold when a quoted fragment of one mention (two or
more content words) appears verbatim in the other, or when the shorter mention's content words
(five or more, 75%+; 70% before matcher 1.3, which cost 0.02 MRPC train AUC) are found in
order in the longer one with no named entity clashing - as
long as the speakers do not clash; and a ceiling below the threshold when both mentions have
content words (other than names) without a counterpart and more than a quarter of the shorter
one's are such ("It is time for it to get done" / "It is time for everyone to get to yes"). (MRPC calls a pair "not equivalent" when one sentence adds
information; here a claim repeated inside a longer sentence is the same claim.) Differing
numbers and places lower the score only moderately: reports that disagree on a detail are still
the same claim, put side by side.

Evidence beyond the words (``evidence.py``): the floors above need compatible speakers or, for
reports close in time (``days_apart`` at most ``near_days``, 3), agreeing content around a short
fragment (``quote_context_min`` of the shorter mention's content words) or a verbatim fragment of
``quote_alone_min`` (3) content words; a stock phrase or short mention and two reports of
different figures with the named participants swapped are capped below the threshold (see
``_too_little``), and so is a pair where each side names a person or organisation the other does
not (``evidence.swapped_participants``: "meet Netanyahu" / "meet Gallant"; a place is no
participant), whatever the words and vectors say. Time: ``days_apart`` (the two articles' publication times; None when unknown,
as in ``/v1/similarity``) adds ``near_bonus`` (0.6, only when speakers do not clash) within
``near_days``, and takes off ``time_slope`` (1.0) logit units per e-fold of the gap beyond it:
reports of one claim are days apart, and a pair a year apart needs a near-identical sentence.
``same_story`` (the service knows the two articles already share another claim) adds
``story_bonus`` (0.5, speakers not clashing) and lets a short line or stock phrase found whole in
the other join. Closeness and story never lift a pair above the content-gap ceiling.
These terms are hand-set, tuned on the BASIL dev events (cross-event merges) with MRPC unchanged.
"""
from __future__ import annotations


from api.pipeline import speaker_identity
from api.pipeline.text import normalise
from api.pipeline.types import MatchScore, MentionText

from .analysis import analyse
from .candidates import search_terms as _search_terms
from .evidence import (different_figures, is_short, other_participants, short_question, stock_phrase,
                       swapped_participants, time_term)
from .features import MT_FEATURES, mt_features, pair_features
from .model import PARAMS_PATH, load_params, logit, sigmoid, weight_set
from .semantic import default_local_model_path
from .vectors import VECTOR_FEATURES, MentionVectors

__all__ = ["Matcher", "MATCHER_NAME", "MATCHER_VERSION", "speaker_compatibility",
           "default_local_model_path"]

MATCHER_NAME = "claimtrack-lexical-logreg"
MATCHER_VERSION = "1.4.0"  # 1.1: retrieval negatives, shortlist floor, "United States" kept, quoted titles;
# 1.2: publication-time gap, evidence beyond a shared fragment, stock phrases, swapped polls (weights of 1.1);
# 1.3: static-embedding features (cosine, residual cosine) in the trained model; 1.3.1: a short question joins
# only the same question, a stock line in one story only across speakers that do not clash (weights of 1.3);
# 1.4: retrained without residual_cosine (scripts/train_matcher.py --exclude residual_cosine): it cost about
# 7 ms of matcher time per article at ingest for 0.002 MRPC AUC
# (1.5 candidates - machine-translation pair features, a blended tree ensemble - did not hold basil-dev's
# figures and the ingest tests: not shipped, see README "Matcher 1.5 candidates")

_DEFAULT_ADJUSTMENTS = {"speaker_match": 0.5, "speaker_mismatch": -2.5, "quote_margin": 0.4,
                        "quote_margin_speaker": 0.6, "quote_per_word": 0.25,
                        "containment_min": 0.75, "containment_margin": 0.1,
                        "containment_slope": 2.0, "content_gap_max": 0.25,
                        "content_gap_margin": 0.3, "quote_context_min": 0.5, "quote_alone_min": 3,
                        "near_days": 3.0, "near_bonus": 0.6, "time_slope": 1.0, "evidence_margin": 0.3,
                        "short_cover_min": 1.0, "story_bonus": 0.5}


def _name_words(speaker: str | None) -> set[str]:
    """Stemmed name words of a speaker (``speaker_identity`` decides what a name is)."""
    return set(speaker_identity.name_words(speaker))


_COMPATIBILITY = {speaker_identity.SAME: 1, speaker_identity.UNKNOWN: 0, speaker_identity.DIFFERENT: -1}


def speaker_compatibility(a: str | None, b: str | None) -> int:
    """+1 when the two speakers are the same source ("Blinken" / "Antony Blinken"), 0 when
    that cannot be told (either missing, a role, an office, a generic source), -1 when both are
    names of clearly different sources: ``speaker_identity.relation`` as a score term."""
    return _COMPATIBILITY[speaker_identity.relation(a, b)]


def _as_mention(x: MentionText | str) -> MentionText:
    return x if isinstance(x, MentionText) else MentionText(text=str(x))


class Matcher:
    """Scores pairs of mentions; one instance loads its parameters (and model) once."""

    def __init__(self, embedding_model: str | None = None, params_path: str | None = None,
                 vectors: MentionVectors | None = None):
        """Loads ``params.json`` (or ``params_path``); with ``embedding_model`` (a local
        sentence-transformers directory) the ``semantic`` weight set is used instead of the
        ``default`` one. ``vectors``: where the static-embedding vectors come from (a fresh
        ``MentionVectors``, loading the shipped embedding on first use, by default)."""
        params = load_params(params_path or PARAMS_PATH)
        self.params = params
        self.adjustments = {**_DEFAULT_ADJUSTMENTS, **params.get("adjustments", {})}
        self._embedder = None
        if embedding_model:
            if "semantic" not in params:
                raise ValueError("params.json has no 'semantic' weight set; "
                                 "train it with scripts/train_matcher.py --embedding-model")
            from .semantic import Embedder
            self._embedder = Embedder(embedding_model)
            weights = params["semantic"]
            self.name = MATCHER_NAME + "+semantic"
        else:
            weights = params["default"]
            self.name = MATCHER_NAME
        self.model = weight_set(weights)
        self.version = MATCHER_VERSION
        self.threshold = self.model.threshold
        # the static embedding is used when the weight set has its features (loaded lazily)
        self.vectors = vectors if vectors is not None else MentionVectors()
        self.vector_features = tuple(f for f in VECTOR_FEATURES if f in self.model.features)
        self.uses_vectors = bool(self.vector_features)
        # the words two mentions do not share are embedded only for a weight set that reads them
        self.uses_residual = "residual_cosine" in self.vector_features
        # the machine-translation measures are computed only for a weight set that reads them
        self.uses_mt = any(f in MT_FEATURES for f in self.model.features)
        # candidates whose token-set ratio with the mention is lower are not worth scoring: set at
        # training, below the lowest ratio of any train pair this model accepts (with a margin)
        self.shortlist_min_ratio = float(weights.get("shortlist_min_ratio", 0))

    def features(self, a: MentionText | str, b: MentionText | str) -> dict[str, float]:
        """The model's input features for the pair (before the hand-set adjustments)."""
        a, b = _as_mention(a), _as_mention(b)
        return self._features(a, b, analyse(a.text, _quotes(a)), analyse(b.text, _quotes(b)))

    def _features(self, a: MentionText, b: MentionText, fa, fb) -> dict[str, float]:
        feats = pair_features(fa, fb)
        if self.uses_mt:
            feats.update(mt_features(fa, fb))
        if self.uses_vectors:
            feats.update(self.vectors.features(a, b, fa, fb, self.vector_features))
        if self._embedder is not None:
            feats["minilm_cosine"] = self._embedder.similarity(a.text, b.text)
        return feats

    def score(self, a: MentionText | str, b: MentionText | str, days_apart: float | None = None,
              same_story: bool = False) -> MatchScore:
        """How likely ``a`` and ``b`` state the same claim: score in [0, 1], ``same_claim`` when
        the score reaches the threshold, and the features (plus ``speaker`` and ``logit``).
        ``days_apart``: how far apart the two were published (None when unknown, as in
        ``/v1/similarity``: no time term then). ``same_story``: the two articles already share
        another claim, so a short line or stock phrase found whole in the other may join."""
        a, b = _as_mention(a), _as_mention(b)
        fa, fb = analyse(a.text, _quotes(a)), analyse(b.text, _quotes(b))
        if not fa.content and not fb.content:  # ("Yes." / "No.": only ever the same text, never across articles)
            same = normalise(a.text) == normalise(b.text) and bool(a.text.strip()) and days_apart is None
            return MatchScore(1.0 if same else 0.0, same, {})
        feats = self._features(a, b, fa, fb)
        z = self.model.logit(feats)
        spk = speaker_compatibility(a.speaker, b.speaker)
        adj = self.adjustments
        if spk > 0:
            z += adj["speaker_match"]
        elif spk < 0:
            z += adj["speaker_mismatch"]
        bar = logit(self.threshold)
        # reports known to be published close in time (evidence beyond the words)
        close = days_apart is not None and days_apart <= adj["near_days"]
        capped = feats.get("content_gap", 0.0) > adj["content_gap_max"]
        if capped:
            z = min(z, bar - adj["content_gap_margin"])
        quoted = False  # a shared quotation lifted the pair above a content gap
        q = feats.get("quote_overlap", 0.0)
        # a shared quoted fragment counts with the same speaker, or close in time with the
        # content around it agreeing too ("talking points" alone joins unrelated stories)
        if q >= 2 and spk >= 0 and (spk > 0 or (close and (q >= adj["quote_alone_min"]
                                                            or feats["cov_short"] >= adj["quote_context_min"]))):
            floor = (bar + adj["quote_margin"]
                     + (adj["quote_margin_speaker"] if spk > 0 else 0.0)
                     + adj["quote_per_word"] * (min(q, 6) - 2))
            quoted = floor > z
            z = max(z, floor)
        c = feats.get("containment", 0.0)
        # a contained sentence: with compatible speakers, close in time or without dates
        if c >= adj["containment_min"] and spk >= 0 and not capped and (spk > 0 or close or days_apart is None):
            floor = (bar + adj["containment_margin"]
                     + adj["containment_slope"] * (c - adj["containment_min"]))
            z = max(z, floor)
        # closeness in time is evidence for a pair whose speakers do not clash; a gap counts against any
        z += time_term(days_apart, adj["near_days"], adj["near_bonus"] if spk >= 0 else 0.0, adj["time_slope"])
        if same_story and spk >= 0:  # the two articles already share another claim
            z += adj["story_bonus"]
        if capped and not quoted:  # (closeness in time does not lift a pair with a content gap)
            z = min(z, bar - adj["content_gap_margin"])
        if self._too_little(fa, fb, a.text, b.text, feats, spk, days_apart, same_story):
            z = min(z, bar - adj["evidence_margin"])
        if days_apart is not None and not (quoted and spk > 0) and other_participants(fa, fb):
            # "Trump and Clinton won in Tennessee" / "Cruz won in Oklahoma": nobody named on one side
            # is named on the other - two events of one night, not one claim
            z = min(z, bar - adj["evidence_margin"])
        if not (quoted and spk > 0) and swapped_participants(fa, fb):
            # "Blinken will meet Netanyahu" / "Blinken will meet Gallant": each names someone the
            # other does not - another claim however alike the rest (a place is no participant)
            z = min(z, bar - adj["evidence_margin"])
        s = sigmoid(z)
        feats = {**feats, "speaker": float(spk), "logit": z}
        return MatchScore(score=s, same_claim=s >= self.threshold, features=feats)

    def _too_little(self, fa, fb, a_text: str, b_text: str, feats: dict[str, float], spk: int,
                    days_apart: float | None, same_story: bool = False) -> bool:
        """Whether the words cannot join the pair whatever they score: two polls or counts with
        other figures (``evidence.different_figures``); a short question that does not ask the
        same (``evidence.short_question``); a stock phrase on either side unless the same speaker
        said it close in time; a short mention (``evidence.is_short``) unless the same speaker
        said it, or - close in time - all its content words are in the other. In the same story
        (the articles share another claim) a short line or stock phrase found whole in the other
        may join when the speakers do not clash. Without dates (``/v1/similarity``) a short pair
        is judged on its words unless the speakers clash, a stock phrase needs the same speaker."""
        if different_figures(fa, fb):
            return True
        if (short_question(a_text, fa) or short_question(b_text, fb)) and set(fa.content) != set(fb.content):
            return True  # "A circus?" / "America is not a circus."
        whole = feats["cov_short"] >= self.adjustments["short_cover_min"]
        if same_story and whole and spk >= 0:
            return False
        near = days_apart is not None and days_apart <= self.adjustments["near_days"]
        if stock_phrase(a_text, fa) or stock_phrase(b_text, fb):
            return not (spk > 0 and (near or days_apart is None))
        if not (is_short(fa) or is_short(fb)) or spk > 0:
            return False
        if days_apart is None:
            return spk < 0
        return not (near and whole)

    def states_same_claim(self, a: MentionText, b: MentionText) -> bool:
        """Whether two mentions of one claim state it directly (what detection asks before it
        reports a difference): the matcher accepts the pair on its words and speakers, and the
        two name someone in common when both name anyone. Mentions joined through a chain of
        others ("X won in A" - "X and Y won in B" - "Y won in C") may not."""
        if not self.score(a, b).same_claim:
            return False
        return not other_participants(analyse(a.text, _quotes(a)), analyse(b.text, _quotes(b)))

    def prepare(self, mentions: list[MentionText | str]) -> None:
        """Embed ``mentions`` (views or bare texts) in one batch ahead of scoring them: the
        service calls it with a new mention and its candidates. Views carrying a ``vector`` are
        not embedded again; the words they may not share with each other are (when the weight
        set reads ``residual_cosine``)."""
        if self.uses_vectors:
            views = [_as_mention(m) for m in mentions]
            self.vectors.prepare(views, [analyse(v.text, _quotes(v)) for v in views] if self.uses_residual else ())
        if self._embedder is not None:
            self._embedder.embed([_as_mention(m).text for m in mentions])

    def search_terms(self, text: str, limit: int = 8) -> list[str]:
        """The most distinctive words of a mention for a full-text OR-query (see candidates)."""
        return _search_terms(text, limit)


def _quotes(m: MentionText) -> tuple[tuple[int, int], ...]:
    if m.quotes:
        return tuple((int(s), int(e)) for s, e in m.quotes)
    if m.is_quote and m.text:
        return ((0, len(m.text)),)
    return ()
