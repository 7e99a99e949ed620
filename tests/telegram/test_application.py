"""The wiring offline: errors apologise without logging content; a serving replica never sets the webhook."""

from telegram_support import run, update


def test_a_failing_handler_apologises_and_logs_no_content(make_app, caplog):
    app, request, svc = make_app()
    svc.assistant = None  # the next message makes the handler fail
    with caplog.at_level("ERROR"):
        run(app, update("bardzo prywatna sprawa"))
    assert any("Sorry, something went wrong" in t for t in request.sent())
    assert "prywatna" not in caplog.text and "handler error AttributeError in update 1" in caplog.text


def test_a_serving_replica_never_sets_the_webhook():
    import asyncio

    from telegram_support import TOKEN, RecordingRequest

    from bot.config import load_config
    from bot.telegram.application import ServingReplicaBot, build_application

    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "BOT_WEBHOOK_URL": "https://bot.example.org/hook",
        "BOT_WEBHOOK_SECRET": "s" * 20,
        "BOT_WEBHOOK_OWNER": "no",
    }
    request = RecordingRequest()
    app = build_application(load_config(env), None, request)
    assert isinstance(app.bot, ServingReplicaBot)
    assert asyncio.run(app.bot.set_webhook(url="https://bot.example.org/hook")) is True
    assert request.calls == []  # nothing reached the Bot API
    owner = build_application(load_config(env | {"BOT_WEBHOOK_OWNER": "yes"}), None, RecordingRequest())
    assert not isinstance(owner.bot, ServingReplicaBot)
