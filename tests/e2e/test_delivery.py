"""Delivery against the real bot process and the Bot API emulator: the emergency card waits behind
no flooding group, a restart with a backlog loses no private question and answers none twice, and
ten seconds of failing sends lose no reply."""

import signal
import subprocess
import time

import pytest

from tests.e2e.harness import TOKEN, BotProcess, Emulator, Resident, require_emulator

require_emulator()

MENTION = "@TestNameBot"


@pytest.fixture
def emulator():
    emu = Emulator()
    yield emu
    emu.stop()


def group_command(emulator, member: Resident, text: str) -> None:
    name = text.split()[0]
    emulator.post(
        "/sendCommand", member._message(text, entities=[{"offset": 0, "length": len(name), "type": "bot_command"}])
    )


def group_mention(emulator, member: Resident, text: str) -> None:
    emulator.post(
        "/sendMessage",
        member._message(f"{MENTION} {text}", entities=[{"offset": 0, "length": len(MENTION), "type": "mention"}]),
    )


def flood(emulator, group_id: int) -> None:
    """One account sends 40 × /help@bot; ten members send 6 mentions each."""
    flooder = Resident(emulator, 600, "pl", chat_type="group", chat_id=group_id)
    for _ in range(40):
        group_command(emulator, flooder, f"/help{MENTION}")
    for member in range(10):
        resident = Resident(emulator, 610 + member, "pl", chat_type="group", chat_id=group_id - 1)
        for _ in range(6):
            group_mention(emulator, resident, "gdzie zgłosić dyskryminację w pracy")


def replies(resident: Resident) -> list[dict]:
    return resident.history()


def test_the_emergency_card_waits_behind_no_flooding_group(emulator, tmp_path):
    bot = BotProcess(emulator, tmp_path / "data")
    try:
        resident = Resident(emulator, 602, "pl")
        resident.command("/start", timeout=60)
        flood(emulator, -601)
        time.sleep(1.0)
        started = time.monotonic()
        card = resident.say("nie chcę już żyć, mam tabletki", timeout=30, settle=0, poll=0.02)
        assert "112" in card[0]["text"]
        assert time.monotonic() - started < 3
        started = time.monotonic()
        answer = resident.say("gdzie zgłosić dyskryminację w pracy", timeout=30, settle=0, poll=0.02)
        assert answer and time.monotonic() - started < 3  # an ordinary private question does not wait either
    finally:
        assert bot.stop() == 0


def test_a_restart_with_a_backlog_answers_every_private_question_once(emulator, tmp_path):
    data = tmp_path / "data"
    bot = BotProcess(emulator, data)
    residents = [Resident(emulator, 700 + i, "pl") for i in range(20)]
    residents[0].command("/start", timeout=60)
    before = {r.chat["id"]: len(replies(r)) for r in residents}
    flood(emulator, -701)
    for resident in residents:
        resident.say("czym jest rada równego traktowania", expect=0)
    bot.process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    try:
        bot.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        bot.process.kill()  # as docker stop does
        bot.process.wait()
        pytest.fail("the bot did not stop within 10 s of SIGTERM")
    finally:
        bot.log.close()
    assert time.monotonic() - started < 10
    again = BotProcess(emulator, data)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and any(len(replies(r)) <= before[r.chat["id"]] for r in residents):
            time.sleep(0.2)
        time.sleep(2.0)  # time for a duplicate to show, if there were one
        counts = [len(replies(r)) - before[r.chat["id"]] for r in residents]
        assert counts == [1] * len(residents), counts
    finally:
        assert again.stop() == 0


def test_ten_seconds_of_failing_sends_lose_no_reply(emulator, tmp_path):
    bot = BotProcess(emulator, tmp_path / "data")
    try:
        residents = [Resident(emulator, 800 + i, "en") for i in range(20)]
        residents[0].command("/start", timeout=60)
        before = {r.chat["id"]: len(replies(r)) for r in residents}
        emulator.post("/fault", {"method": "sendMessage", "status": 500, "seconds": 10})
        for resident in residents:
            resident.say("where do i report discrimination at work", expect=0)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(len(replies(r)) <= before[r.chat["id"]] for r in residents):
            time.sleep(0.2)
        time.sleep(1.0)
        counts = [len(replies(r)) - before[r.chat["id"]] for r in residents]
        assert counts == [1] * len(residents), counts
    finally:
        assert bot.stop() == 0
    assert "handler error" not in bot.log_text()


def test_an_unreadable_update_is_skipped_and_polling_goes_on(emulator, tmp_path):
    bot = BotProcess(emulator, tmp_path / "data")
    try:
        resident = Resident(emulator, 901, "pl")
        resident.command("/start", timeout=60)
        emulator.post(
            "/rawUpdate",
            {
                "botToken": TOKEN,
                "update": {
                    "message": {
                        "message_id": "x",
                        "date": "wczoraj",
                        "chat": "Jan Kowalski, ul. Długa 5",
                        "text": "PESEL 44051401359",
                    }
                },
            },
        )
        assert "Rada" in resident.say("czym jest rada równego traktowania", timeout=30)[-1]["text"]
    finally:
        assert bot.stop() == 0
    log = bot.log_text()
    assert "skipped update" in log and "Kowalski" not in log and "44051401359" not in log
    assert len(log) < 20_000


def test_telegram_unreachable_at_start_is_one_sentence_not_tracebacks(emulator, tmp_path):
    from tests.e2e.harness import free_port

    class Nowhere:
        url = f"http://127.0.0.1:{free_port()}"  # nothing listens here

    bot = BotProcess(Nowhere(), tmp_path / "data")
    deadline = time.monotonic() + 60  # start-up takes a few seconds, more on a busy machine
    while "cannot be reached" not in bot.log_text() and bot.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # it keeps retrying, quietly
    assert bot.process.poll() is None, "the bot gave up instead of waiting for Telegram"
    assert bot.stop() == 0
    log = bot.log_text()
    assert log.count("cannot be reached") == 1 and "Traceback" not in log, log


def test_a_stop_while_the_bot_is_still_starting_is_a_clean_exit(emulator, tmp_path):
    """docker stop right after docker start: SIGTERM while the knowledge is still being read."""
    bot = BotProcess(emulator, tmp_path / "data")
    time.sleep(1.5)  # started, not yet serving: reading the knowledge and the lexicon takes longer
    assert bot.stop() == 0
    assert "Traceback" not in bot.log_text()


def test_a_token_revoked_while_serving_stops_the_bot_with_a_failure_status(emulator, tmp_path):
    """@BotFather revokes the token while the bot runs: the bot says so in one line and exits with
    status 1, so that a supervisor (`Restart=on-failure`, an orchestrator's alerts) sees a failure,
    not a clean stop."""
    bot = BotProcess(emulator, tmp_path / "data")
    try:
        Resident(emulator, 900, "pl").command("/start", timeout=60)
        emulator.post("/fault", {"method": "getUpdates", "status": 401, "seconds": 120})
        code = bot.process.wait(timeout=60)
    finally:
        bot.stop()
    log = bot.log_text()
    assert code == 1, log
    assert "Error: TELEGRAM_BOT_TOKEN: Telegram stopped accepting this token" in log, log
    assert "Traceback" not in log and "could not confirm" not in log, log
