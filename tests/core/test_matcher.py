"""Matching on a small fixture knowledge base: the behaviour a resident notices."""

import pytest

from bot.core.assistant import Assistant
from bot.core.matcher import MatchSettings


@pytest.mark.parametrize(
    "question, entry",
    [
        ("gdzie zglosic dyskryminacje w pracy", "work-discrimination"),  # no diacritics
        ("Gdzie zgłaszać dyskryminację w pracy?", "work-discrimination"),  # another inflection
        ("dyskryminacja w pracy", "work-discrimination"),  # short fragment
        ("wher do i reprot discrimination at wrok", "work-discrimination"),  # typos
        ("my boss discriminates me", "work-discrimination"),
        ("flaga leuven", "rainbow-flag"),
        ("Who sent the rainbow flag?", "rainbow-flag"),
        ("czym jest rada rownego traktowania", "equality-council"),
    ],
)
def test_messy_questions_find_their_entry(small_assistant, question, entry):
    reply = small_assistant.reply(question)
    assert (reply.outcome, reply.entry_id) == ("answer", entry), reply.explain


def test_reply_is_in_the_question_language_with_source(small_assistant):
    pl = small_assistant.reply("gdzie zglosic dyskryminacje w pracy")
    en = small_assistant.reply("where to report discrimination at work")
    assert pl.lang == "pl" and "inspekcji pracy" in pl.text and "Źródło: Kodeks pracy, Sejm, 1974-06-26" in pl.text
    assert en.lang == "en" and "labour inspectorate" in en.text and "Source: Kodeks pracy" in en.text


def test_answer_markup_becomes_plain_text(small_assistant):
    assert "<b>" not in small_assistant.reply("discrimination at work").text


def test_related_entries_are_named(small_assistant):
    reply = small_assistant.reply("discrimination at work")
    assert [r.entry for r in reply.related] == ["equality-council"]
    assert "See also: Equality Council" in reply.text


def test_cross_lingual_match_replies_in_the_question_language(small_assistant):
    # "leuven" appears in both languages' variants; a Polish question gets Polish.
    reply = small_assistant.reply("skąd jest tęczowa flaga leuven")
    assert reply.entry_id == "rainbow-flag" and reply.lang == "pl"


@pytest.mark.parametrize(
    "question",
    [
        "How do I get a parking permit?",
        "Jak dojechać na dworzec główny?",
        "asdkjh qwepoi zxcmnb",
        "What's the weather in Kraków tomorrow?",
    ],
)
def test_out_of_scope_questions_get_an_honest_fallback(small_assistant, question):
    reply = small_assistant.reply(question)
    assert reply.outcome == "fallback"
    assert "12 616 55 55" in reply.text and "112" in reply.text


def test_city_words_alone_do_not_decide(small_assistant):
    # "Kraków" appears in several entries; it must not pull an answer for an unrelated question.
    reply = small_assistant.reply("Kraków zabytki i muzea")
    assert reply.outcome == "fallback"


def test_close_candidates_give_did_you_mean(small_assistant):
    reply = small_assistant.reply("rada")
    assert reply.outcome == "suggest"
    assert {s.entry for s in reply.suggestions} == {"equality-council", "council-join"}
    assert len(reply.suggestions) <= 3
    assert "Did you mean" in small_assistant.reply("council").text


def test_rare_words_weigh_more_than_common_ones(small_knowledge, small_assistant):
    matcher = small_assistant.matcher
    assert matcher.idf["leuven"] > matcher.idf["rada"]


def test_explain_names_the_matched_variant(small_assistant):
    reply = small_assistant.reply("flag from leuven")
    best = reply.explain["candidates"][0]
    assert best["variant"] == "flag from leuven" and best["entry"] == "rainbow-flag"
    assert "answer" in reply.explain["decision"]


def test_thresholds_come_from_settings(small_knowledge, lexicon, small_assistant):
    question = "who sent a flag to krakow"
    assert small_assistant.reply(question).outcome == "answer"
    strict = Assistant(small_knowledge, lexicon, settings=MatchSettings(answer_threshold=0.99, clear_margin=1.0))
    assert strict.reply(question).outcome == "suggest"


def test_a_typo_that_is_a_word_of_the_other_language_is_still_corrected(small_assistant):
    # "raport" is Polish; in an English question it is a misspelt "report"
    reply = small_assistant.reply("where can i raport discrimination at my workplace")
    assert (reply.outcome, reply.entry_id) == ("answer", "work-discrimination"), reply.explain


# -- triage: a whole sentence naming a ground in a setting ---------------------------------------------


def test_a_sentence_naming_a_ground_in_a_setting_gets_the_routed_answer_saying_what_was_understood(small_assistant):
    reply = small_assistant.reply("my manager keeps mocking me since I came out as gay, what now")
    assert (reply.outcome, reply.entry_id, reply.triage) == ("answer", "work-discrimination", ("work", "orientation"))
    assert reply.text.startswith(
        "I understand this is about discrimination – where: at work; why: sexual "
        "orientation.\n\nGo to the labour inspectorate"
    )


def test_the_understood_line_is_in_the_reply_language(small_assistant):
    reply = small_assistant.reply("ktoś pisze o mnie komentarze na fejsie bo jestem w ciąży")
    assert (reply.lang, reply.entry_id, reply.triage) == ("pl", "council-join", ("online", "sex"))
    assert reply.text.startswith(
        "Rozumiem, że chodzi o dyskryminację – gdzie: w internecie; dlaczego: płeć.\n\nCzłonków wybiera się"
    )


@pytest.mark.parametrize(
    "question",
    [
        "he mocks me because I'm gay",  # a ground, no setting
        "my manager keeps mocking me",  # a setting, no ground
        "a guy in the tram said I'm too old",  # a combination the routing leads nowhere
        "ile kosztuje bilet na tramwaj",  # out of scope
    ],
)
def test_without_a_ground_in_a_routed_setting_the_reply_is_as_before(small_assistant, question):
    reply = small_assistant.reply(question)
    assert reply.outcome == "fallback" and reply.triage is None


def test_a_clear_match_is_answered_without_triage(small_assistant):
    reply = small_assistant.reply("my boss discriminates me because I'm gay")
    assert reply.entry_id == "work-discrimination" and reply.triage is None
    assert not reply.text.startswith("I understand")


def test_the_emergency_card_comes_before_triage(small_assistant):
    reply = small_assistant.reply("my boss says I'm gay and I want to kill myself")
    assert reply.outcome == "crisis" and reply.triage is None


# -- residents' own words: courtesy, stories, informative words (issue 15) --------------------------------


def test_a_greeting_and_thanks_around_a_question_change_nothing(small_assistant):
    bare = small_assistant.reply("where do I report discrimination at work")
    polite = small_assistant.reply("Hi! Where do I report discrimination at work? Thanks in advance, kind regards")
    assert (polite.outcome, polite.entry_id, polite.score) == (bare.outcome, bare.entry_id, bare.score)
    polski = small_assistant.reply(
        "Dzień dobry, mam pytanie. Gdzie zgłosić dyskryminację w pracy? Z góry dziękuję, pozdrawiam"
    )
    assert (polski.outcome, polski.entry_id) == ("answer", "work-discrimination")


def test_a_message_of_nothing_but_courtesy_is_small_talk(small_assistant):
    assert small_assistant.reply("Dzień dobry, z góry dziękuję! Pozdrawiam").outcome == "smalltalk"


def test_a_story_around_the_question_does_not_drown_it(small_assistant):
    story = (
        "I started at a logistics company in March and the first weeks were fine. Then a new shift leader "
        "came, and since then he gives me the night shifts and the heaviest pallets and laughs about it "
        "with the others. Where do I report discrimination at work?"
    )
    reply = small_assistant.reply(story)
    assert (reply.outcome, reply.entry_id) == ("answer", "work-discrimination"), reply.explain


def test_a_long_story_keeps_its_question_beyond_the_word_cap(small_assistant):
    story = " ".join(["The weather was grey and the tram was late that morning."] * 12)
    reply = small_assistant.reply(story + " Who sits on the equality council?")
    assert (reply.outcome, reply.entry_id) == ("answer", "equality-council")


def test_a_word_every_speaker_uses_weighs_less_than_a_rare_one(small_assistant):
    matcher = small_assistant.matcher
    assert matcher.informative("between") < matcher.informative("wondering") < matcher.informative("forklift") == 1.0
    assert matcher.informative("miedzy") < 0.5  # folded Polish "między"


def test_shared_everyday_words_alone_are_no_answer_and_no_did_you_mean(real_assistant):
    # "who", "last" and "year" are in a sexual-violence entry's variant; none of them says what is asked
    reply = real_assistant.reply("who won the champions league last year")
    assert reply.outcome == "fallback", reply.explain["decision"]
    assert real_assistant.reply("ok so who is it then").outcome in ("fallback", "smalltalk")


def test_an_english_contraction_is_not_the_verb_it_looks_like(lexicon):
    from bot.core.analysis import Analyzer

    assert [t for _, t in Analyzer(lexicon).terms("they won't rent to me", "en")] == ["rent"]
