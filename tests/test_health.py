"""The HEALTHCHECK's verdict from the heartbeat file."""

import json
import time

from bot.health import check, write_heartbeat


def test_fresh_heartbeat_is_healthy_and_a_stale_one_is_not(tmp_path):
    path = tmp_path / "heartbeat.json"
    write_heartbeat(path, "polling", telegram_ok=time.time())
    beat = json.loads(path.read_text())
    assert check(path, now=beat["processed"] + 5)[0]
    healthy, why = check(path, max_age=90, now=beat["processed"] + 120)
    assert not healthy and why.startswith("no update processed for 120 s")


def test_polling_without_an_answer_from_telegram_is_unhealthy(tmp_path):
    path = tmp_path / "heartbeat.json"
    write_heartbeat(path, "polling", telegram_ok=None)
    assert check(path) == (False, "updates are processed, but Telegram answered never: check the network")
    write_heartbeat(path, "webhook", telegram_ok=None)  # a quiet webhook bot makes no calls: fine
    assert check(path)[0]


def test_missing_or_damaged_heartbeat(tmp_path):
    assert check(tmp_path / "none.json")[1].startswith("no heartbeat at")
    (tmp_path / "bad.json").write_text("{not json")
    assert check(tmp_path / "bad.json") == (
        False,
        f"the heartbeat at {tmp_path / 'bad.json'} cannot be read (JSONDecodeError)",
    )
