"""Someone in danger gets 112 and the helplines first, however they write."""

import pytest

CRISIS = [
    ("Mam myśli samobójcze", "pl"),
    ("mam mysli samobojcze", "pl"),
    ("chyba się zabiję", "pl"),
    ("chce sie zabic", "pl"),
    ("nie chce juz zyc", "pl"),
    ("mąż mnie bije", "pl"),
    ("maz mnie bije codziennie", "pl"),
    ("Jestem w niebezpieczeństwie, ktoś chce mnie skrzywdzić", "pl"),
    ("I want to kill myself", "en"),
    ("I feel like ending it all tonight", "en"),
    ("I'm being beaten at home", "en"),
    ("my partner beats me", "en"),
    ("I am in danger", "en"),
    ("i wanna die", "en"),
    ("thinking about suicide", "en"),
    ("suicidal thougths", "en"),
    ("myśli samobujcze", "pl"),
    ("mam dosc zycia, chce zniknac na zawsze", "pl"),
    ("nałykałam się tabletek", "pl"),
    ("on ma nóż i mi grozi", "pl"),
    ("nie widze sensu zycia", "pl"),
    ("partner threatens me with a knife", "en"),
    ("i took too many pills", "en"),
    ("there is no reason to live", "en"),
    ("everyone would be better off without me", "en"),
    ("someone is breaking in to my flat", "en"),
    ("chcę skończyć ze wszystkim", "pl"),
    ("mam wszystkiego dosc i nie widze wyjscia", "pl"),
    ("i can't take it anymore", "en"),
]

NOT_CRISIS = [
    "Co grozi za przemoc domową?",
    "jak zgłosić mowę nienawiści",
    "How do I report a hate crime?",
    "What is domestic violence under Polish law?",
    "dyskryminacja w pracy",
    "Czym jest Rada ds. Równego Traktowania?",
    "kill the lights",
    "What is the emergency number in Poland?",
    "how to report a homophobic attack i witnessed last week",
    "Jaka kara grozi za pobicie na tle rasowym?",
]


@pytest.mark.parametrize("text, lang", CRISIS)
def test_crisis_messages_get_112_first_in_their_language(real_assistant, text, lang):
    reply = real_assistant.reply(text)
    assert reply.outcome == "crisis"
    assert reply.lang == lang
    first_line = reply.text.splitlines()[0]
    assert "112" in first_line
    assert "116 123" in reply.text
    assert "800 70 2222" not in reply.text  # the ITAKA line closed on 1 January 2021


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_questions_about_violence_are_not_emergencies(real_assistant, text):
    assert real_assistant.reply(text).outcome != "crisis"


def test_crisis_is_checked_before_small_talk_and_matching(small_assistant):
    assert small_assistant.reply("cześć, bije mnie").outcome == "crisis"


def test_crisis_found_at_the_end_of_a_long_message(real_assistant):
    text = "Chciałam zapytać o radę równego traktowania. " * 40 + "Ale tak naprawdę chcę się zabić."
    assert real_assistant.reply(text).outcome == "crisis"


def test_crisis_card_is_written_in_the_message_language(real_assistant):
    assert real_assistant.reply("chcę umrzeć").text.startswith("Jeśli grozi Ci niebezpieczeństwo")
    assert real_assistant.reply("I want to die").text.startswith("If you are in danger")
