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


def test_up_to_against_a_maximum_is_no_hedge_difference():
    a = "The Velo clerk faces up to four years in prison for the Ardenia fraud."
    b = "The Velo clerk faces a maximum of four years in prison for the Ardenia fraud."
    assert "hedge" not in kinds(a, b) and "hedge" not in kinds(b, a)


def test_nearly_against_about_is_no_hedge_difference():
    a = "Nearly half of Ardenia's farmers planted the Velo seed this spring."
    b = "About half of Ardenia's farmers planted the Velo seed this spring."
    assert "hedge" not in kinds(a, b)


def test_a_modal_earlier_in_the_clause_covers_a_coordinated_verb():
    a = "The Velo guard might have tried to flee or to defend the Ardenia depot."
    b = "The Velo guard may have tried to flee or perhaps defend the Ardenia depot."
    assert "hedge" not in kinds(a, b) and "hedge" not in kinds(b, a)


def test_an_evidential_frame_covers_a_modal():
    a = "The storm could bring heavy rain to the Ardenia coast on Friday."
    b = "Forecasts show the storm bringing heavy rain to the Ardenia coast on Friday."
    assert "hedge" not in kinds(a, b)


def test_a_condition_covers_a_modal():
    a = "If convicted, the Velo clerk could face at least nine years in an Ardenia prison."
    b = "The Velo clerk faces at least nine years in an Ardenia prison if convicted."
    assert "hedge" not in kinds(a, b)


def test_around_after_a_verb_of_motion_is_no_hedge():
    a = "The Velo tablet has a screen that swivels around 180 degrees for Ardenia buyers."
    b = "The Velo tablet has a screen that swivels 180 degrees for Ardenia buyers."
    assert "hedge" not in kinds(a, b)


def test_a_frame_in_another_clause_does_not_cover_a_hedge():
    a = "I never thought I would say it, but I miss the Velo trains of Ardenia."
    b = "I never thought I would say it, but I almost missed the Velo trains of Ardenia."
    assert "hedge" in kinds(a, b)


def test_a_modal_on_both_sides_does_not_cover_an_approximate_figure():
    a = "A Velo program for Ardenia could be had for about 20 cents a day."
    b = "A Velo program for Ardenia could be had for a mere 20 cents a day."
    assert "hedge" in kinds(a, b)


def test_a_vulgar_fraction_is_part_of_its_number():
    from api.pipeline.disagree.align import tokenize
    assert [t.num for t in tokenize("a bottle holds 2 ½ servings, a jug 3½") if t.num] == [2.5, 3.5]
    a = "Each Velo soda bottle sold in Ardenia holds 2 ½ servings."
    b = "Each Velo soda bottle sold in Ardenia holds 2.5 servings."
    assert detect(M(a), M(b)) == []


def test_a_written_fraction_is_part_of_its_number():
    from api.pipeline.disagree.align import tokenize
    assert [t.num for t in tokenize("a bottle holds 2 1/2 servings, a jug 3 3/4 and a vat 9") if t.num] == [2.5, 3.75, 9]
    assert [t.num for t in tokenize("the note lost 23/32 and the bond 5 3/2") if t.num][:1] == [23]
    a = "Each Velo soda bottle sold in Ardenia holds 2 1/2 servings."
    b = "Each Velo soda bottle sold in Ardenia holds 2 \u00bd servings."
    assert detect(M(a), M(b)) == []
    c = "Each Velo soda bottle sold in Ardenia holds 3 1/2 servings."
    assert "number" in [d.kind for d in detect(M(a), M(c))]


def quoted(text, speaker="Orla Venn"):
    """A quotation mention: the whole text is quoted."""
    return M(text, speaker=speaker, is_quote=True, quotes=((0, len(text)),))


def test_an_abbreviation_is_form_in_a_quotation():
    pairs = [("We will work with the United Kingdom on the Velo treaty this year.",
              "We will work with the UK on the Velo treaty this year."),
             ("The Federal Bureau of Investigation has opened a case on the Velo fraud.",
              "The FBI has opened a case on the Velo fraud."),
             ("U.S. forces will leave the Velo base by the end of the year.",
              "United States forces will leave the Velo base by the end of the year.")]
    for a, b in pairs:
        assert "wording" not in [d.kind for d in detect(quoted(a), quoted(b))], (a, b)


def test_another_country_is_still_wording():
    a = "We will work with the United Kingdom on the Velo treaty this year."
    b = "We will work with the United States on the Velo treaty this year."
    assert "wording" in [d.kind for d in detect(quoted(a), quoted(b))]


def test_a_shortened_name_is_form_in_a_quotation():
    a = "I met President George W. Bush at the Velo summit to talk about trade."
    b = "I met President Bush at the Velo summit to talk about trade."
    assert "wording" not in [d.kind for d in detect(quoted(a), quoted(b))]


def test_another_name_is_still_wording():
    a = "I met President Bush at the Velo summit to talk about trade."
    b = "I met President Putin at the Velo summit to talk about trade."
    assert "wording" in [d.kind for d in detect(quoted(a), quoted(b))]


def test_decided_against_doing_is_decided_not_to_do():
    a = "The Velo board decided against pursuing the Ardenia merger this year."
    b = "The Velo board decided not to pursue the Ardenia merger this year."
    assert "negation" not in kinds(a, b) and "negation" not in kinds(b, a)


def test_a_modal_inside_a_rejected_idea_is_no_hedge():
    a = "The Velo minister rejected the idea that the Ardenia dam could harm local farmers."
    b = "The Velo minister rejected the idea of the Ardenia dam harming local farmers."
    assert "hedge" not in kinds(a, b) and "hedge" not in kinds(b, a)


def test_a_modal_of_the_speaker_is_still_a_hedge():
    a = "The Velo minister said the Ardenia dam could harm local farmers next year."
    b = "The Velo minister said the Ardenia dam will harm local farmers next year."
    assert "hedge" in kinds(a, b)


def test_another_office_name_is_still_wording():
    a = "There are no plans to build Velo bases in Ardenia, Defense Department officials say."
    b = "There are no plans to build Velo bases in Ardenia, Pentagon officials say."
    assert "wording" in [d.kind for d in detect(quoted(a), quoted(b))]


def test_an_abbreviation_with_more_words_is_still_wording():
    a = "The rule was set by Orla Venn, a UC Berkeley law professor, in the Velo case."
    b = "The rule was set by Orla Venn, who teaches law at the University of California, in the Velo case."
    assert "wording" in [d.kind for d in detect(quoted(a), quoted(b))]


def test_a_modal_in_a_before_clause_is_no_hedge():
    a = "The Velo thieves drove off before taking anything from the Ardenia bank."
    b = "The Velo thieves fled before they could take anything from the Ardenia bank."
    assert "hedge" not in kinds(a, b)


def test_one_count_at_two_dates_stays_a_dispute():
    a = "Hamas claimed a blast on Sunday in Tel Aviv that killed 3 people, officials said."
    b = "Hamas claimed a blast on Monday in Tel Aviv that killed 5 people, officials said."
    assert "number" in kinds(a, b)


def test_one_bond_price_in_32nds_is_two_moments():
    a = "The Ardenian 10-year note shed 25/32 in price, its yield at 4.26 percent."
    b = "The Ardenian 10-year note lost 16/32 in price, its yield at 4.26 percent."
    assert "number" not in kinds(a, b)


def test_one_count_on_one_date_stays_a_dispute():
    a = "On Monday, police in Ardenia said 28 people were killed in the Velo blast."
    b = "On Monday, police in Ardenia said 30 people were killed in the Velo blast."
    assert "number" in kinds(a, b)
