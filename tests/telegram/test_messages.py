"""Text messages through the real Application on a recording request: crisis first, groups, HTML answers, floods."""

import json

from telegram_support import run, update

from bot.storage.sqlite import Store


def test_crisis_is_answered_even_with_a_broken_database(make_app, tmp_path):
    broken = Store(tmp_path / "broken.sqlite3")
    broken.close()
    app, request, _ = make_app(broken)
    run(app, update("nie chcę już żyć"))
    assert request.sent()[0].startswith("Jeśli jesteś w niebezpieczeństwie")


def test_group_messages_not_addressed_are_ignored(make_app):
    app, request, _ = make_app()
    run(app, update("dyskryminacja w pracy", chat_type="group"))
    assert request.sent() == []


def test_answer_is_html_with_source_andbuttons(make_app):
    app, request, _ = make_app()
    run(app, update("How do I complain to the ombudsman?"))
    name, params = [c for c in request.calls if c[0] == "sendMessage"][0]
    assert params["parse_mode"] == "HTML" and "<i>Source:" in params["text"]
    keyboard = json.loads(params["reply_markup"]) if isinstance(params["reply_markup"], str) else params["reply_markup"]
    data = [b["callback_data"] for row in keyboard["inline_keyboard"] for b in row]
    assert "fb:rpo-complaint:1" in data and all(len(d.encode()) <= 64 for d in data)


def test_commands_pass_the_same_flood_control_as_questions(make_app):
    app, request, _ = make_app()
    run(app, *[update("/help", update_id=i) for i in range(1, 61)])
    helps = [t for t in request.sent() if t.startswith("Ask a question in your own words")]
    assert 15 <= len(helps) <= 20 and any("sending messages very fast" in t for t in request.sent())


def test_someone_in_danger_gets_the_card_even_while_flooding(make_app):
    app, request, _ = make_app()
    run(app, *[update("/help", update_id=i) for i in range(1, 41)], update("I want to kill myself", update_id=41))
    assert request.sent()[-1].startswith("If you are in danger")


class CountingDanger:
    """The real danger check, counting how often it runs."""

    def __init__(self, real):
        self.real, self.checks = real, 0

    def check(self, tokens):
        self.checks += 1
        return self.real.check(tokens)


def counting_assistant(knowledge, lexicon, catalogs):
    """A real assistant that counts its danger checks and its responses."""
    from bot.core.assistant import Assistant

    class CountingAssistant(Assistant):
        responses = 0

        def respond(self, reading, preferred_lang=None):
            self.responses += 1
            return super().respond(reading, preferred_lang)

    assistant = CountingAssistant(knowledge, lexicon, catalogs)
    assistant.danger = CountingDanger(assistant.danger)
    return assistant


def test_a_question_is_read_once_and_answered_once_when_the_resident_chose_a_language(
    make_app, small_knowledge, lexicon, catalogs
):
    from telegram_support import tap

    app, request, svc = make_app()
    svc.assistant = assistant = counting_assistant(small_knowledge, lexicon, catalogs)

    def count_from_here():
        assistant.danger.checks = assistant.responses = 0

    # Telegram says English, the resident chose Polish: the danger pre-check's reading serves the reply too.
    run(app, tap("lang:pl", update_id=1), count_from_here, update("rada", update_id=2))
    assert (assistant.danger.checks, assistant.responses) == (1, 1)
    assert request.sent()[-1].startswith("Nie mam pewności")
    assert 2 not in svc.readings  # the message does not stay in memory once it is answered


def test_someone_in_danger_is_read_once_and_gets_the_card_from_that_reading(
    make_app, small_knowledge, lexicon, catalogs
):
    app, request, svc = make_app()
    svc.assistant = assistant = counting_assistant(small_knowledge, lexicon, catalogs)
    run(app, update("I want to kill myself"))
    assert (assistant.danger.checks, assistant.responses) == (1, 1)
    assert request.sent()[0].startswith("If you are in danger")
