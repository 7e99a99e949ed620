import pytest


@pytest.mark.parametrize("text, lang", [
    ("Dzień dobry", "pl"), ("dzien dobry!", "pl"), ("cześć", "pl"), ("dzięki", "pl"),
    ("hello", "en"), ("good morning", "en"), ("thanks a lot", "en"), ("are you a human?", "en"),
    ("helo", "en"),
])
def test_greetings_and_thanks_are_small_talk_in_their_language(real_assistant, text, lang):
    reply = real_assistant.reply(text)
    assert reply.outcome == "smalltalk"
    assert reply.lang == lang


def test_a_greeting_with_a_question_goes_on_to_the_knowledge(small_assistant):
    reply = small_assistant.reply("Dzień dobry, gdzie zgłosić dyskryminację w pracy?")
    assert reply.outcome == "answer"
    assert reply.entry_id == "work-discrimination"
