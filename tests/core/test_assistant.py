"""The assistant reads a message once and responds to that reading in the resident's preferred language."""

import dataclasses

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "discrimination at work",
        "rada",
        "I want to kill myself",
        "Де знайти допомогу?",
        "dzień dobry",
        "kierownik wyśmiewa mnie bo jestem gejem",
    ],
)
def test_one_reading_serves_every_preferred_language_as_reply_would(small_assistant, text):
    reading = small_assistant.read(text)
    for preferred in (None, "pl", "en", "de"):
        assert small_assistant.respond(reading, preferred) == small_assistant.reply(text, preferred)


def test_the_reading_is_frozen_and_knows_a_crisis_without_an_answer(small_assistant):
    reading = small_assistant.read("I want to kill myself")
    assert reading.is_crisis and small_assistant.is_crisis("I want to kill myself")
    assert not small_assistant.read("discrimination at work").is_crisis
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.cleaned = "something else"


# --- Ukrainian, and Russian answered in Ukrainian ------------------------------------------------


def test_a_ukrainian_question_gets_the_ukrainian_answer(small_assistant):
    reply = small_assistant.reply("начальник мене дискримінує, куди повідомити?")
    assert (reply.outcome, reply.lang, reply.entry_id) == ("answer", "uk", "work-discrimination")
    assert "інспекції праці" in reply.text and "Source" not in reply.text.splitlines()[0]


def test_a_ukrainian_question_also_matches_polish_and_english_variants(small_assistant):
    # "leuven" is only in the Polish and English variants; the reply is still in Ukrainian.
    reply = small_assistant.reply("прапор з leuven")
    assert (reply.outcome, reply.lang, reply.entry_id) == ("answer", "uk", "rainbow-flag")


def test_an_entry_not_yet_in_ukrainian_answers_in_polish_with_a_notice_in_ukrainian(small_assistant):
    reply = small_assistant.reply("прапор з leuven")
    assert reply.parts is not None and reply.parts.body == "Miasto partnerskie Leuven przysłało tęczową flagę."
    assert reply.parts.notices == ("Цієї відповіді ще немає вашою мовою, тому показую її польською.",)
    assert reply.text.startswith("Цієї відповіді ще немає вашою мовою")


def test_a_russian_question_gets_the_ukrainian_answer_under_a_note_in_russian(small_assistant):
    reply = small_assistant.reply("начальник меня дискриминирует, куда сообщить о дискриминации на работе?")
    assert (reply.outcome, reply.lang, reply.entry_id) == ("answer", "uk", "work-discrimination")
    note = reply.text.splitlines()[0]
    assert "украинском, польском или английском" in note and "/language" in note
    assert reply.parts is not None and reply.parts.notices[0] == note


def test_a_russian_message_in_danger_gets_the_card_in_russian_without_the_note(small_assistant):
    reply = small_assistant.reply("я больше не хочу жить, suicide")
    assert (reply.outcome, reply.lang) == ("crisis", "ru")
    assert "украинском, польском" not in reply.text


def test_a_titles_list_in_ukrainian_falls_back_to_polish_titles_while_untranslated(small_assistant):
    reply = small_assistant.answer("work-discrimination", "uk")
    assert reply is not None and reply.related[0].title == "Рада з питань рівного ставлення"
    flag = small_assistant.knowledge.entry("rainbow-flag")
    assert flag is not None and flag.title_in("uk") == "Tęczowa flaga z Leuven"


def test_ukrainian_typed_in_latin_letters_is_matched_as_the_cyrillic_it_spells(small_assistant):
    reply = small_assistant.reply("nachalnyk mene dyskryminuye, kudy povidomyty")
    assert (reply.outcome, reply.lang, reply.entry_id) == ("answer", "uk", "work-discrimination")
