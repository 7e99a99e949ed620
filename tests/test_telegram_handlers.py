"""Handlers offline: the real Application with a recording BaseRequest (no network, no emulator)."""

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


def test_answer_is_html_with_source_and_buttons(make_app):
    app, request, _ = make_app()
    run(app, update("How do I complain to the ombudsman?"))
    name, params = [c for c in request.calls if c[0] == "sendMessage"][0]
    assert params["parse_mode"] == "HTML" and "<i>Source:" in params["text"]
    keyboard = json.loads(params["reply_markup"]) if isinstance(params["reply_markup"], str) else params["reply_markup"]
    data = [b["callback_data"] for row in keyboard["inline_keyboard"] for b in row]
    assert "fb:rpo-complaint:1" in data and all(len(d.encode()) <= 64 for d in data)


def test_a_failing_handler_apologises_and_logs_no_content(make_app, caplog):
    app, request, svc = make_app()
    svc.assistant = None  # the next message makes the handler fail
    with caplog.at_level("ERROR"):
        run(app, update("bardzo prywatna sprawa"))
    assert any("Sorry, something went wrong" in t for t in request.sent())
    assert "prywatna" not in caplog.text and "handler error AttributeError in update 1" in caplog.text


def test_admin_commands_are_unknown_commands_for_others(make_app):
    app, request, _ = make_app()
    run(app, update("/stats", user_id=7), update("/reload", user_id=7, update_id=2))
    assert all(t.startswith("Ask a question in your own words") for t in request.sent())


def test_stats_for_an_admin(make_app):
    app, request, svc = make_app()
    for i in range(6):
        svc.store.store.log_event(f"p{i}", "reply", "private", "en", "answer", "rpo-complaint", "h", 2)
    run(app, update("/stats", user_id=42))
    assert "Messages: 6" in request.sent()[0] and "rpo-complaint: 6" in request.sent()[0]


def test_reload_keeps_the_old_knowledge_on_errors_and_swaps_on_success(make_app, tmp_path):
    import shutil

    from conftest import DATA

    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    (kb / "broken.yaml").write_text("entries: [\n")
    app, request, svc = make_app(knowledge_dir=kb)
    before = svc.assistant
    kept = []
    run(app, update("/reload", user_id=42), lambda: kept.append(svc.assistant is before),
        (kb / "broken.yaml").unlink, update("/reload", user_id=42, update_id=2))
    assert "previous version" in request.sent()[0] and "kb/broken.yaml:2: YAML syntax error" in request.sent()[0]
    assert kept == [True]
    assert request.sent()[-1] == "Reloaded: 4 entries."
    assert svc.assistant.knowledge.entry("rainbow-flag") is not None


def test_a_knowledge_file_that_becomes_unreadable_keeps_the_old_knowledge(make_app, tmp_path):
    import shutil

    from bot.telegram.admin import knowledge_signature
    from conftest import DATA

    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    app, request, svc = make_app(knowledge_dir=kb)
    before, signature = svc.assistant, knowledge_signature(kb)
    (kb / "entries.yaml").unlink()
    (kb / "entries.yaml").symlink_to(tmp_path / "gone.yaml")  # e.g. a network share that went away
    assert knowledge_signature(kb) != signature
    run(app, update("/reload", user_id=42), update("what is the equality council", update_id=2))
    assert "previous version" in request.sent()[0] and "kb/entries.yaml:1: cannot read the file" in request.sent()[0]
    assert svc.assistant is before and "Council" in request.sent()[-1]


def test_a_serving_replica_never_sets_the_webhook():
    import asyncio

    from bot.config import load_config
    from bot.telegram.application import ServingReplicaBot, build_application
    from telegram_support import TOKEN, RecordingRequest

    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_WEBHOOK_URL": "https://bot.example.org/hook",
           "BOT_WEBHOOK_SECRET": "s" * 20, "BOT_WEBHOOK_OWNER": "no"}
    request = RecordingRequest()
    app = build_application(load_config(env), None, request)
    assert isinstance(app.bot, ServingReplicaBot)
    assert asyncio.run(app.bot.set_webhook(url="https://bot.example.org/hook")) is True
    assert request.calls == []  # nothing reached the Bot API
    owner = build_application(load_config(env | {"BOT_WEBHOOK_OWNER": "yes"}), None, RecordingRequest())
    assert not isinstance(owner.bot, ServingReplicaBot)


def _edited(text, user_id=42, update_id=3):
    raw = update(text, user_id=user_id, update_id=update_id)
    message = raw.pop("message")
    message["edit_date"] = message["date"]
    return {"update_id": update_id, "edited_message": message}


def _tap(data, user_id=7, update_id=50, chat_type="private"):
    chat = {"id": user_id if chat_type == "private" else -100, "type": chat_type}
    return {"update_id": update_id, "callback_query": {
        "id": str(update_id), "chat_instance": "c", "data": data,
        "from": {"id": user_id, "is_bot": False, "first_name": "R", "language_code": "en"},
        "message": {"message_id": 1, "date": 0, "chat": chat, "text": "x"}}}


def _buttons(request):
    data = []
    for name, params in request.calls:
        markup = params.get("reply_markup") if name == "sendMessage" else None
        if markup:
            markup = json.loads(markup) if isinstance(markup, str) else markup
            data += [b.get("callback_data", "") for row in markup["inline_keyboard"] for b in row]
    return data


def test_admin_commands_answer_only_in_private_chats_and_never_from_edits(make_app):
    app, request, _ = make_app()
    run(app, update("/stats", user_id=42, chat_type="group"), update("/reload", user_id=42, chat_type="group", update_id=2),
        _edited("/stats"))
    assert not any("Messages:" in t or t.startswith("Reloaded") for t in request.sent())
    run(app, update("/stats", user_id=42, update_id=4))
    assert "Messages:" in request.sent()[-1]


def test_commands_pass_the_same_flood_control_as_questions(make_app):
    app, request, _ = make_app()
    run(app, *[update("/help", update_id=i) for i in range(1, 61)])
    helps = [t for t in request.sent() if t.startswith("Ask a question in your own words")]
    assert 15 <= len(helps) <= 20 and any("sending messages very fast" in t for t in request.sent())


def test_someone_in_danger_gets_the_card_even_while_flooding(make_app):
    app, request, _ = make_app()
    run(app, *[update("/help", update_id=i) for i in range(1, 41)], update("I want to kill myself", update_id=41))
    assert request.sent()[-1].startswith("If you are in danger")


def test_a_question_is_kept_only_after_the_resident_saw_it_redacted_and_confirmed(make_app):
    app, request, svc = make_app()
    run(app, update("my neighbour Jan Kowalski keeps parking his boat KR 4F123 on my lawn, what to do"))
    (offer,) = [d for d in _buttons(request) if d.startswith("fq:")]
    run(app, _tap(offer))
    preview = request.sent()[-1]
    assert "The editors would see only this" in preview and "Kowalski" not in preview and "[name]" in preview
    assert svc.store.store.samples() == []
    send, dont = [d for d in _buttons(request) if d.startswith(("fs:", "fc:"))]
    run(app, _tap(dont, update_id=51))
    assert request.sent()[-1] == "Not sent. Nothing was kept." and svc.store.store.samples() == []


def test_the_send_button_works_only_for_the_resident_it_was_offered_to(make_app, tmp_path):
    from bot.storage.keys import load_sample_key

    app, request, svc = make_app(Store(tmp_path / "kept.sqlite3", load_sample_key(tmp_path / "samples.key")))
    run(app, update("my neighbour keeps parking his boat on my lawn, what to do"))
    (offer,) = [d for d in _buttons(request) if d.startswith("fq:")]
    run(app, _tap(offer))
    send = [d for d in _buttons(request) if d.startswith("fs:")][0]
    run(app, _tap(send, user_id=8, update_id=51))
    assert svc.store.store.samples() == []
    run(app, _tap(send, update_id=52))
    assert request.sent()[-1].startswith("Thank you. The editors will see it") and len(svc.store.store.samples()) == 1
