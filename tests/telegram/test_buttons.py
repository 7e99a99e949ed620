"""Buttons through the real Application: the question offered to the editors is kept only when confirmed, and only for its resident."""

from telegram_support import buttons, run, tap, update

from bot.storage.sqlite import Store


def test_a_question_is_kept_only_after_the_resident_saw_it_redacted_and_confirmed(make_app):
    app, request, svc = make_app()
    run(app, update("my neighbour Jan Kowalski keeps parking his boat KR 4F123 on my lawn, what to do"))
    (offer,) = [d for d in buttons(request) if d.startswith("fq:")]
    run(app, tap(offer))
    preview = request.sent()[-1]
    assert "The editors would see only this" in preview and "Kowalski" not in preview and "[name]" in preview
    assert svc.store.store.samples() == []
    send, dont = [d for d in buttons(request) if d.startswith(("fs:", "fc:"))]
    run(app, tap(dont, update_id=51))
    assert request.sent()[-1] == "Not sent. Nothing was kept." and svc.store.store.samples() == []


def test_the_send_button_works_only_for_the_resident_it_was_offered_to(make_app, tmp_path):
    from bot.storage.keys import load_sample_key

    app, request, svc = make_app(Store(tmp_path / "kept.sqlite3", load_sample_key(tmp_path / "samples.key")))
    run(app, update("my neighbour keeps parking his boat on my lawn, what to do"))
    (offer,) = [d for d in buttons(request) if d.startswith("fq:")]
    run(app, tap(offer))
    send = [d for d in buttons(request) if d.startswith("fs:")][0]
    run(app, tap(send, user_id=8, update_id=51))
    assert svc.store.store.samples() == []
    run(app, tap(send, update_id=52))
    assert request.sent()[-1].startswith("Thank you. The editors will see it") and len(svc.store.store.samples()) == 1


def test_forged_button_data_gets_no_longer_works_never_an_error(make_app):
    app, request, _ = make_app()
    forged = [
        "why:en:rpo-complaint:en--1:h",
        "why:en:rpo-complaint:en²:h",
        "r:en:work:age:maybe",
        "fb:rpo-complaint:2",
        "e:pl:no-such-entry",
        "lang:de",
        "v1|answer|42",
    ]
    run(app, *[tap(data, update_id=60 + i) for i, data in enumerate(forged)])
    assert request.sent() == ["This button no longer works. Please ask your question again."] * len(forged)
