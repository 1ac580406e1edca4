"""Disagreement precision, second pass (issue #12 part 3): two moments with two figure pairs,
abbreviations and name shortening as form, hedge against hedge, negation equivalences."""
from api.pipeline.disagree import detect
from api.pipeline.disagree.align import Alignment, side
from api.pipeline.types import MentionText as M


def kinds(a, b):
    return [d.kind for d in detect(M(a), M(b))]


def test_two_moves_to_two_levels_are_two_moments():
    a = "The Kestrel 40 index of Ardenia rose 12.25 points to 811.40 in early trade."
    b = "The Kestrel 40 index of Ardenia gained 9.75 points to 808.90 by noon."
    assert "number" not in kinds(a, b)


def test_two_bond_prices_in_32nds_are_two_moments():
    a = "The Ardenian 10-year note shed 11/32 in price, its yield rising to 4.21 percent."
    b = "The Ardenian 10-year note lost 18/32 in price, its yield rising to 4.24 percent."
    assert "number" not in kinds(a, b)


def test_two_figures_at_two_dates_are_two_moments():
    a = "By March 2003, 67 percent of Ardenian farmers used the Velo seed, 12 percent more."
    b = "In March 2002, 63 percent of Ardenian farmers used the Velo seed, 9 percent more."
    assert "number" not in kinds(a, b)


def test_two_disputed_counts_are_not_two_moments():
    a = "Police in Ardenia said 28 people were killed and 50 injured in the Velo blast."
    b = "Police in Ardenia said 30 people were killed and 60 injured in the Velo blast."
    assert not Alignment(side(a), side(b)).two_moments


def test_one_disputed_count_beside_a_shared_one_stays_a_dispute():
    a = "Police in Ardenia said 28 people were killed and 50 injured in the Velo blast."
    b = "Police in Ardenia said 30 people were killed and 50 injured in the Velo blast."
    assert "number" in kinds(a, b)


def test_one_move_to_one_level_is_still_a_dispute():
    a = "Velo Corp shares rose to $31.20 after Ardenia approved the merger."
    b = "Velo Corp shares rose to $35.80 after Ardenia approved the merger."
    assert "number" in kinds(a, b)
