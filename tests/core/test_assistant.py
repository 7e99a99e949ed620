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
