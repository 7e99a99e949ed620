"""The libraries' log records keep no content, and a repeated message cannot flood the log."""

import logging

from bot.telegram.log_redaction import ContentFree, RepeatLimit


def record(name, msg, *args, exc=None):
    return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, exc, func="network_retry_loop")


def test_a_library_record_keeps_only_where_and_what_kind():
    try:
        raise ValueError("update {'text': 'Jan Kowalski, ul. Długa 5'}")
    except ValueError:
        import sys

        exc = sys.exc_info()
    kept = record("telegram.ext.Updater", "Error while processing %s", {"text": "Jan Kowalski"}, exc=exc)
    assert ContentFree().filter(kept)
    assert kept.getMessage() == "network_retry_loop: ValueError" and kept.exc_info is None
    ours = record("bot.telegram.application", "handler error %s in update %s", "KeyError", 5)
    ContentFree().filter(ours)
    assert ours.getMessage() == "handler error KeyError in update 5"


def test_a_repeated_message_is_written_a_few_times_a_minute_then_counted():
    now = [0.0]
    limit = RepeatLimit(burst=3, window=60, clock=lambda: now[0])
    passed = [limit.filter(record("tornado.general", "Malformed HTTP request from %s", i)) for i in range(100)]
    assert sum(passed) == 3
    now[0] = 61
    summary = record("tornado.general", "Malformed HTTP request from %s", "x")
    assert limit.filter(summary) and "97 more like it" in summary.getMessage()
    assert limit.filter(record("tornado.general", "another message"))


def test_every_line_of_the_bot_starts_with_its_time_in_utc():
    import re
    import subprocess
    import sys

    script = (
        "import logging; from bot.cli.main import _log_with_utc_times; _log_with_utc_times(); "
        "logging.getLogger('bot.telegram.application').warning('Telegram cannot be reached')"
    )
    err = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"TZ": "America/New_York", "PATH": ""},
        timeout=60,
    ).stderr
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARNING bot.telegram.application: "
        r"Telegram cannot be reached\n",
        err,
    ), err
    from bot.telegram.log_redaction import UtcFormatter

    at_epoch = logging.LogRecord("bot", logging.INFO, __file__, 1, "up", (), None)
    at_epoch.created, at_epoch.msecs = 0.0, 0.0
    assert UtcFormatter().format(at_epoch) == "1970-01-01T00:00:00.000Z INFO bot: up"
