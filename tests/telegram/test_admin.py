"""Admin commands through the real Application: only for admins, only in private chats."""

from telegram_support import edited, run, update


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


def test_stats_count_the_questions_answered_just_before(make_app):
    app, request, svc = make_app()
    svc.store.flush_seconds = 3600  # their usage events are still queued when /stats comes
    questions = [update("where do i report discrimination at work", user_id=100 + i, update_id=i) for i in range(6)]
    run(app, *questions, update("/stats", user_id=42, update_id=10))
    assert "Messages: 6" in request.sent()[-1]


def test_admin_commands_answer_only_in_private_chats_and_never_from_edits(make_app):
    app, request, _ = make_app()
    run(
        app,
        update("/stats", user_id=42, chat_type="group"),
        update("/reload", user_id=42, chat_type="group", update_id=2),
        edited("/stats"),
    )
    assert not any("Messages:" in t or t.startswith("Reloaded") for t in request.sent())
    run(app, update("/stats", user_id=42, update_id=4))
    assert "Messages:" in request.sent()[-1]
