"""Text messages through the real Application on a recording request: crisis first, groups, HTML answers, floods."""

import json

from bot.storage.sqlite import Store

from telegram_support import run, update


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
