"""The whole-sentence and off-topic questions residents wrote in issue 15, on the shipped knowledge."""

import pytest


@pytest.mark.parametrize(
    "question, entries",
    [
        (
            "My manager keeps passing me over for promotion since I told her I'm pregnant. What can I do?",
            {"pregnancy-dismissal-protection"},
        ),
        ("I was refused entry to a club because I am black", {"venue-refusal-origin"}),
        (
            "a colleague keeps calling me names because I'm gay, what are my options",
            {"harassment-at-work", "work-discrimination", "mobbing-at-work"},
        ),
        (
            "ktoś mnie obraża w komentarzach na fejsie, bo jestem muzułmaninem",
            {"anti-muslim-incident", "online-hate-report"},
        ),
        # anti-lesbian hate online: not the hate-crime entry, whose grounds leave out sexual orientation
        ("someone posts hateful stuff about lesbians online", {"online-homophobic-abuse"}),
        ("związki partnerskie", {"same-sex-partnership"}),
        (
            "Dzień dobry, chciałabym zapytać gdzie mogę zgłosić dyskryminację w pracy. Z góry dziękuję",
            {"work-discrimination"},
        ),
        # an attack is a case in a public place, though the message names no place
        ("he hit me yesterday because I am gay, where can I report it", {"homophobic-incident"}),
    ],
)
def test_a_whole_sentence_gets_the_answer_a_resident_expects(real_assistant, question, entries):
    reply = real_assistant.reply(question)
    assert (reply.outcome, reply.entry_id in entries) == ("answer", True), (reply.entry_id, reply.explain["decision"])


@pytest.mark.parametrize(
    "question",
    [
        "how much is a tram ticket in krakow",
        "how do I register my address",
        "24-hour public transport ticket price",
        "who won the champions league last year",
        "ile kosztuje bilet mpk dla seniora po 70tce? mama mysli ze jezdzi za darmo",
        "Which tram goes from the main station to Kazimierz, the old Jewish Quarter? We want to see the synagogues.",
    ],
)
def test_an_everyday_city_question_is_declined_honestly_with_who_can_help(real_assistant, question):
    reply = real_assistant.reply(question)
    assert reply.outcome == "fallback", (reply.entry_id, reply.explain["decision"])
    assert "12 616 55 55" in reply.text  # the city's contact centre
    assert "112" in reply.text
