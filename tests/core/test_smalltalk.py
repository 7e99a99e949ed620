import pytest


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Dzień dobry", "pl"),
        ("dzien dobry!", "pl"),
        ("cześć", "pl"),
        ("dzięki", "pl"),
        ("hello", "en"),
        ("good morning", "en"),
        ("thanks a lot", "en"),
        ("are you a human?", "en"),
        ("helo", "en"),
    ],
)
def test_greetings_and_thanks_are_small_talk_in_their_language(real_assistant, text, lang):
    reply = real_assistant.reply(text)
    assert reply.outcome == "smalltalk"
    assert reply.lang == lang


def test_a_greeting_with_a_question_goes_on_to_the_knowledge(small_assistant):
    reply = small_assistant.reply("Dzień dobry, gdzie zgłosić dyskryminację w pracy?")
    assert reply.outcome == "answer"
    assert reply.entry_id == "work-discrimination"


@pytest.mark.parametrize(
    "text, people, danger",
    [
        ("are you a bot?", "800 676 676", "In danger, call 112."),
        ("czy rozmawiam z człowiekiem", "800 676 676", "W niebezpieczeństwie dzwoń pod 112."),
    ],
)
def test_are_you_a_bot_points_to_people_for_the_case_not_to_a_crisis_line(real_assistant, text, people, danger):
    """A curious resident is not someone in crisis: 116 123 is for people in emotional crisis, under load."""
    reply = real_assistant.reply(text)
    assert reply.outcome == "smalltalk" and people in reply.text and reply.text.endswith(danger)
    assert "116 123" not in reply.text
