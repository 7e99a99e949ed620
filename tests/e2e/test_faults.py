"""Faults the bot must survive, each against the real process: Telegram unreachable for 30 s, the
database deleted or made read-only, SIGTERM during traffic, a bug in a handler."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.e2e.harness import PROJECT, BotProcess, Emulator, Resident, require_emulator
from tests.e2e.outage import OutageRelay

require_emulator()

ADMIN = 990


@pytest.fixture
def emulator():
    emu = Emulator()
    yield emu
    emu.stop()


def test_telegram_unreachable_for_30_seconds_loses_no_message(emulator, tmp_path):
    relay = OutageRelay(emulator.port)
    bot = BotProcess(emulator, tmp_path / "data", {"BOT_TELEGRAM_API_URL": relay.url})
    try:
        resident = Resident(emulator, 401, "pl")
        resident.command("/start", timeout=60)
        relay.cut()
        time.sleep(2)
        before = len(resident.history())
        questions = ["czym jest rada równego traktowania", "gdzie zgłosić dyskryminację w pracy", "chcę się zabić"]
        for question in questions:
            resident.say(question, expect=0)
        time.sleep(30)
        assert bot.process.poll() is None, "the bot exited during the outage"
        relay.restore()
        replies = resident._wait(before, len(questions), timeout=90, settle=1.0)
        texts = "\n".join(m["text"] for m in replies)
        assert "Rada" in texts and "Kodeks pracy" in texts and "112" in texts
    finally:
        assert bot.stop() == 0
        relay.cut()
    assert "handler error" not in bot.log_text()


@pytest.mark.parametrize("fault", ["deleted", "read-only"])
def test_database_lost_mid_run_answers_go_on_and_the_admin_hears_once(emulator, tmp_path, fault):
    db_dir = tmp_path / "db"
    bot = BotProcess(
        emulator, tmp_path / "data", {"BOT_DATABASE": str(db_dir / "bot.sqlite3"), "BOT_ADMIN_IDS": str(ADMIN)}
    )
    files = []
    try:
        resident, admin = Resident(emulator, 402, "pl"), Resident(emulator, ADMIN, "en")
        assert "Rada" in resident.say("czym jest rada równego traktowania", timeout=60)[-1]["text"]
        if fault == "deleted":
            subprocess.run(["rm", "-rf", str(db_dir)], check=True)
        else:  # immutable files: even root cannot write them (see test_telegram.py for -shm)
            files = [str(p) for p in db_dir.glob("bot.sqlite3*") if not p.name.endswith("-shm")]
            subprocess.run(["chattr", "+i", *files], check=True)
        for question in [
            "gdzie zgłosić dyskryminację w pracy",
            "kto pomoże ofiarom przestępstw",
            "jak zostać członkiem rady równego traktowania",
        ]:
            assert resident.say(question)[-1]["text"]
        assert "112" in resident.say("chcę się zabić")[0]["text"].splitlines()[0]
        time.sleep(1)
        notices = [m for m in admin.history() if "bazy danych" in m["text"]]
        assert len(notices) == 1, admin.history()
    finally:
        if files:
            subprocess.run(["chattr", "-i", *files], check=True)
        assert bot.stop() == 0


def test_sigterm_during_traffic_shuts_down_cleanly_and_writes_every_event(emulator, tmp_path):
    data = tmp_path / "data"
    bot = BotProcess(emulator, data)
    residents = [Resident(emulator, 500 + i, "pl") for i in range(12)]
    residents[0].command("/start", timeout=60)
    for resident in residents:
        resident.say("czym jest rada równego traktowania", expect=0)
        resident.say("gdzie zgłosić dyskryminację w pracy", expect=0)
    time.sleep(0.3)
    assert bot.stop() == 0  # SIGTERM while the messages are being answered
    answered = sum(len(r.history()) for r in residents) - 1  # one /start
    with sqlite3.connect(data / "bot.sqlite3") as db:
        events = db.execute("SELECT count(*) FROM events WHERE kind = 'reply'").fetchone()[0]
    assert answered > 0 and events == answered
    assert "Traceback" not in bot.log_text()


def test_a_bug_in_a_handler_gets_an_apology_and_the_bot_goes_on(emulator, tmp_path):
    bot = BotProcess(emulator, tmp_path / "data", command=[sys.executable, str(PROJECT / "tests/e2e/faulty_bot.py")])
    try:
        # Seven digits: the id must not be in the log, and a short one turns up in timestamps (18:15:06.403Z).
        resident = Resident(emulator, 4039931, "pl")
        resident.command("/start", timeout=60)
        apology = resident.say("injected-fault: czym jest rada")
        assert apology[-1]["text"].startswith("Przepraszam") and "112" in apology[-1]["text"]
        assert "Rada" in resident.say("czym jest rada równego traktowania")[-1]["text"]
    finally:
        assert bot.stop() == 0
    log = bot.log_text()
    assert "handler error RuntimeError" in log and "injected-fault" not in log and "4039931" not in log


def test_the_healthcheck_tells_a_working_bot_from_a_stuck_one(emulator, tmp_path):
    import signal

    data = tmp_path / "data"
    bot = BotProcess(emulator, data)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")} | {"BOT_DATA_DIR": str(data)}

    def health(max_age):
        return subprocess.run(
            [sys.executable, "-m", "bot", "health", "--max-age", str(max_age)],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    try:
        Resident(emulator, 404, "pl").command("/start", timeout=60)
        time.sleep(1)
        first = health(15)
        assert first.returncode == 0 and first.stdout.startswith("ok: last update processed"), first.stdout
        bot.process.send_signal(signal.SIGSTOP)  # alive, but processing nothing
        time.sleep(17)
        stuck = health(15)
        assert stuck.returncode == 1 and "no update processed for" in stuck.stdout
    finally:
        bot.process.send_signal(signal.SIGCONT)
        assert bot.stop() == 0
