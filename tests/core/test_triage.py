"""Triage on the fixture knowledge: the ground and setting a whole-sentence message names."""

from bot.core.model import RouteStep
from bot.core.text import clean, danger_tokens
from bot.core.triage import GROUND, PLACE, Triage, pick_entry


def triage(small_knowledge, lexicon):
    return Triage(small_knowledge.routing, lexicon)


def found(t, text):
    return {(m.kind, m.step.id): m.words for m in t.mentions(danger_tokens(clean(text)))}


def test_inflected_words_without_polish_letters_name_a_ground_and_a_setting(small_knowledge, lexicon):
    t = triage(small_knowledge, lexicon)
    assert found(t, "kierownikowi nie podoba sie ze jestem gejem") == {
        (PLACE, "work"): ("kierownikowi",),
        (GROUND, "orientation"): ("gejem",),
    }
    assert found(t, "ktoś komentuje na fejsie, że jestem w ciąży") == {
        (PLACE, "online"): ("fejsie",),
        (GROUND, "sex"): ("w ciazy", "ciazy"),
    }


def test_english_words_and_phrases(small_knowledge, lexicon):
    t = triage(small_knowledge, lexicon)
    assert found(t, "My colleagues say I'm too old for this") == {
        (PLACE, "work"): ("colleagues",),
        (GROUND, "age"): ("too old",),
    }


def test_a_typo_as_the_matcher_tolerates_it(small_knowledge, lexicon):
    assert (PLACE, "online") in found(triage(small_knowledge, lexicon), "someone on facebok mocks me")


def test_a_ground_alone_or_an_unrelated_question_is_no_reading(small_knowledge, lexicon):
    t = triage(small_knowledge, lexicon)
    assert t.read(danger_tokens(clean("he mocks me because I'm gay"))) is None
    assert t.read(danger_tokens(clean("ile kosztuje bilet na tramwaj"))) is None


def test_a_ground_in_a_setting_is_a_case_only_when_the_message_says_someone_was_treated_unfairly(
    small_knowledge, lexicon
):
    t = triage(small_knowledge, lexicon)
    # a ground and a setting, but nobody was treated unfairly: a question about something else
    assert t.read(danger_tokens(clean("my boss is gay, should I invite him and his husband to the work party"))) is None
    assert t.read(danger_tokens(clean("czy moj szef gej przyjdzie na impreze"))) is None
    # the same words with a refusal, an insult or a reason given
    assert t.read(danger_tokens(clean("my boss refused my leave, he is gay and hates that I am not"))) is not None
    assert t.read(danger_tokens(clean("szef mnie obraza, bo jestem gejem"))).entry == "work-discrimination"
    assert t.read(danger_tokens(clean("szef sie smieje bo jestem gejem"))) is not None


def test_a_story_naming_a_ground_in_a_setting_is_a_case_without_an_unfair_word(small_knowledge, lexicon):
    story = (
        "My manager found out last month that I am gay, and since then the atmosphere in our small "
        "team has changed completely and I feel it every single day"
    )
    reading = triage(small_knowledge, lexicon).read(danger_tokens(clean(story)))
    assert reading is not None and (reading.place.step.id, reading.ground.step.id) == ("work", "orientation")


def test_a_combination_that_routes_nowhere_is_no_reading(small_knowledge, lexicon):
    # the street and age have no entries in the fixture
    assert triage(small_knowledge, lexicon).read(danger_tokens(clean("a man in the tram said I'm too old"))) is None


def test_an_entry_both_list_wins_over_the_grounds_first_entry(small_knowledge, lexicon):
    reading = triage(small_knowledge, lexicon).read(danger_tokens(clean("my boss mocks me because I'm gay")))
    assert (reading.place.step.id, reading.ground.step.id, reading.entry) == (
        "work",
        "orientation",
        "work-discrimination",
    )


def test_without_a_shared_entry_the_best_scored_routed_entry_then_the_places_first():
    place = RouteStep("online", {}, entries=("equality-council", "council-join"))
    ground = RouteStep("orientation", {}, entries=("rainbow-flag",))
    assert pick_entry(place, ground, {"rainbow-flag": 0.3, "council-join": 0.2, "other": 0.9}) == (
        "rainbow-flag",
        False,
    )
    assert pick_entry(place, ground, {"other": 0.9}) == ("equality-council", False)
    assert pick_entry(RouteStep("x", {}), RouteStep("y", {}), {}) == (None, False)


def test_no_routing_no_reading(lexicon):
    assert Triage(None, lexicon).read(danger_tokens(clean("my boss mocks me because I'm gay"))) is None


def test_a_grounds_entry_another_place_lists_is_not_chosen_for_this_place():
    place = RouteStep("work", {}, entries=("work-discrimination",))
    ground = RouteStep("origin", {}, entries=("venue-refusal", "origin-at-work"))
    scores = {"venue-refusal": 0.4, "origin-at-work": 0.3, "work-discrimination": 0.1}
    assert pick_entry(place, ground, scores, frozenset({"venue-refusal"})) == ("origin-at-work", False)
    assert pick_entry(place, ground, {"venue-refusal": 0.4}, frozenset({"venue-refusal"})) == (
        "work-discrimination",
        False,
    )


def test_a_settings_general_entry_wins_unless_another_is_clearly_ahead():
    place = RouteStep("work", {}, entries=("work-discrimination", "retaliation"))
    ground = RouteStep("origin", {}, entries=("origin-at-work",))
    assert pick_entry(place, ground, {"retaliation": 0.35, "work-discrimination": 0.3}) == (
        "work-discrimination",
        False,
    )
    assert pick_entry(place, ground, {"retaliation": 0.45, "work-discrimination": 0.3}) == ("retaliation", False)


def test_a_places_entry_another_ground_lists_is_not_chosen_for_this_ground():
    place = RouteStep("street", {}, entries=("wheelchair-on-tram", "hate-crime"))
    ground = RouteStep("orientation", {}, entries=("lgbt-support",))
    chosen = pick_entry(place, ground, {"wheelchair-on-tram": 0.4}, frozenset(), frozenset({"wheelchair-on-tram"}))
    assert chosen == ("hate-crime", False)


def test_whole_sentences_naming_a_ground_in_a_setting_get_the_routed_answer(real_assistant):
    from conftest import DATA

    from bot.knowledge import evaluation

    items = evaluation.load_items(DATA / "triage-questions.yaml")
    wrong = {
        i.q: real_assistant.reply(i.q).entry_id for i in items if real_assistant.reply(i.q).entry_id not in i.entries
    }
    assert wrong == {}
