"""The real bot (`equality-bot run`, python-telegram-bot Application) against the Bot API emulator,
every scenario in polling and in webhook mode."""

import time

import pytest

from tests.e2e.harness import TOKEN, BotProcess, Emulator, Resident, buttons, free_port, require_emulator

require_emulator()


SECRET = "webhook-secret-for-tests-0123456789"


class Bot:
    """The bot process in one mode, restartable on the same data directory."""

    def __init__(self, emulator, data, mode):
        self.emulator, self.data, self.mode = emulator, data, mode
        self.env = {"BOT_LOG_LEVEL": "DEBUG"}  # the bot's own loggers at DEBUG: the log-leak test reads them
        if mode == "webhook":
            port = free_port()
            self.env |= {
                "BOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
                "BOT_WEBHOOK_SECRET": SECRET,
                "BOT_WEBHOOK_LISTEN": "127.0.0.1",
                "BOT_WEBHOOK_PORT": str(port),
            }
        self.start()

    def start(self):
        self.process = BotProcess(self.emulator, self.data, self.env)
        if self.mode == "webhook":
            deadline = time.monotonic() + 60
            while TOKEN not in self.emulator.webhooks_set() and time.monotonic() < deadline:
                time.sleep(0.1)
        Resident(self.emulator, 1).command("/start", timeout=60)  # ready when it answers

    def restart(self):
        self.stop()
        self.start()

    def stop(self):
        return self.process.stop()

    def log_text(self):
        return self.process.log_text()


@pytest.fixture(scope="module", params=["polling", "webhook"])
def mode(request):
    return request.param


@pytest.fixture(scope="module")
def emulator(mode):
    emu = Emulator()
    yield emu
    emu.stop()


@pytest.fixture(scope="module")
def bot(emulator, mode, tmp_path_factory):
    process = Bot(emulator, tmp_path_factory.mktemp(f"bot-{mode}"), mode)
    yield process
    process.stop()


def test_start_welcomes_with_topic_buttons(emulator, bot):
    reply = Resident(emulator, 101, "pl").command("/start")
    assert "Dzień dobry" in reply[0]["text"] and "112" in reply[0]["text"]
    assert any(data.startswith("t:pl:") for _, data in buttons(reply[0]))


def test_polish_question_gets_a_sourced_answer(emulator, bot):
    reply = Resident(emulator, 102, "pl").say("Czym jest Rada ds. Równego Traktowania?")
    text = reply[-1]["text"]
    assert "17 maja 2019" in text and "Źródło:" in text
    assert ("Show in English", "e:en:equality-council") in buttons(reply[-1])


def test_english_question_without_diacritics_and_typos(emulator, bot):
    reply = Resident(emulator, 103, "pl").say("free lawer in krakow")
    assert "728 366 319" in reply[-1]["text"] and "Source:" in reply[-1]["text"]


def test_crisis_message_gets_112_first(emulator, bot):
    reply = Resident(emulator, 104, "en").say("chce sie zabic")
    assert (
        reply[0]["text"].startswith("Jeśli jesteś w niebezpieczeństwie") and "112" in reply[0]["text"].splitlines()[0]
    )
    assert "116 123" in reply[0]["text"]


def test_ukrainian_danger_message_gets_the_card_in_ukrainian(emulator, bot):
    reply = Resident(emulator, 110, "uk").say("чоловік б'є мене, я закрилася у ванній")
    text = reply[0]["text"]
    assert text.startswith("Якщо ви в небезпеці") and "112" in text.splitlines()[0]
    assert "800 120 002" in text


def test_ukrainian_question_gets_a_sourced_answer_in_ukrainian(emulator, bot):
    reply = Resident(emulator, 120, "pl").say("мене звільнили, коли дізналися що я вагітна, що робити?")
    text = reply[-1]["text"]
    assert "ст. 177" in text and "21 д" in text and "Джерело:" in text
    assert ("Pokaż po polsku", "e:pl:pregnancy-dismissal-protection") in buttons(reply[-1])
    assert ("Show in English", "e:en:pregnancy-dismissal-protection") in buttons(reply[-1])


def test_a_russian_question_gets_the_ukrainian_answer_with_a_note_in_russian(emulator, bot):
    reply = Resident(emulator, 121, "ru").say("меня уволили, когда узнали, что я беременна, что делать?")
    text = reply[-1]["text"]
    assert text.startswith("<i>Я отвечаю на украинском, польском или английском языке") and "/language" in text
    assert "Джерело:" in text


def test_russian_danger_message_gets_the_card_in_russian(emulator, bot):
    reply = Resident(emulator, 122, "ru").say("муж бьёт меня, я закрылась в ванной")
    text = reply[0]["text"]
    assert text.startswith("Если вы в опасности") and "112" in text.splitlines()[0]


def test_language_offers_three_and_ukrainian_stays_chosen(emulator, bot):
    resident = Resident(emulator, 123, "pl")
    choice = resident.command("/language")
    assert [label for label, _ in buttons(choice[-1])] == ["Polski", "English", "Українська"]
    chosen = resident.tap(choice[-1], "lang:uk")
    assert "українською" in chosen[-1]["text"]
    help_text = resident.command("/help")[-1]["text"]
    assert help_text.startswith("Поставте запитання") and "/language – польська, англійська або українська" in help_text
    # A question whose language is unclear ("PIP") is answered in the chosen language.
    assert "Джерело:" in resident.say("PIP")[-1]["text"]


def test_report_flow_in_ukrainian(emulator, bot):
    resident = Resident(emulator, 124, "uk")
    places = resident.command("/report")
    assert places[-1]["text"] == "Де це сталося?"
    grounds = resident.tap(places[-1], "r:uk:street")
    danger = resident.tap(grounds[-1], "r:uk:street:origin")
    result = resident.tap(danger[-1], "r:uk:street:origin:y")
    assert result[0]["text"].startswith("Якщо ви в небезпеці") and "112" in result[0]["text"]
    assert "Куди звернутися:" in result[-1]["text"] and "zglosnienawisc.otwarta.org" in result[-1]["text"]


def test_command_menus_are_set_in_every_reply_language(emulator, bot):
    menus = [m for m in emulator.menus() if m["method"] == "setMyCommands"]
    by_lang = {m.get("language_code"): {c["command"]: c["description"] for c in m["commands"]} for m in menus}
    assert by_lang[None]["language"] == "Polish, English or Ukrainian"  # English: the default menu
    assert by_lang["pl"]["language"] == "Polski, angielski lub ukraiński"
    assert by_lang["uk"]["language"] == "Польська, англійська або українська"
    assert set(by_lang["uk"]) == set(by_lang[None])


def test_did_you_mean_button_opens_the_answer(emulator, bot):
    resident = Resident(emulator, 105, "pl")
    reply = resident.say("rada")
    choices = [b for b in buttons(reply[-1]) if b[1].startswith("e:pl:")]
    assert len(choices) >= 2
    opened = resident.tap(reply[-1], choices[0][1])
    assert "Źródło:" in opened[-1]["text"]


def test_sticker_gets_a_text_only_notice(emulator, bot):
    reply = Resident(emulator, 106, "en").send_raw(
        {
            "sticker": {
                "file_id": "x",
                "file_unique_id": "y",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        }
    )
    assert "only read text" in reply[0]["text"]


def test_deep_link_opens_an_entry(emulator, bot):
    reply = Resident(emulator, 107, "en").command("/start coat-of-arms-open-gate")
    assert "open gate" in reply[-1]["text"]
    ukrainian = Resident(emulator, 125, "uk").command("/start coat-of-arms-open-gate")
    assert "Джерело:" in ukrainian[-1]["text"] and "відчинену браму" in ukrainian[-1]["text"]


def test_group_message_not_addressed_gets_no_reply_and_a_mention_does(emulator, bot):
    member = Resident(emulator, 108, "pl", chat_type="group", chat_id=-500)
    member.say("dyskryminacja w pracy", expect=0)
    import time

    time.sleep(1.5)
    assert member.history() == []
    reply = member.send_raw(
        {"text": "@TestNameBot dyskryminacja w pracy", "entities": [{"offset": 0, "length": 12, "type": "mention"}]}
    )
    assert "Kodeks pracy" in reply[-1]["text"] and "dyskryminacja w pracy" not in reply[-1]["text"].lower()[:40]
    assert "t.me/TestNameBot" in reply[-1]["text"]


def test_privacy_and_forget(emulator, bot):
    resident = Resident(emulator, 109, "en")
    assert "never your name" in resident.command("/privacy")[0]["text"]
    ask = resident.command("/forget")
    assert ("Yes, erase it", "forget:yes") in buttons(ask[0])
    done = resident.tap(ask[0], "forget:yes")
    assert "cannot erase this chat from Telegram" in done[0]["text"]


def test_forged_button_data_is_answered_politely(emulator, bot):
    resident = Resident(emulator, 110, "en")
    start = resident.command("/start")
    reply = resident.tap(start[0], "e:xx:<script>")
    assert "no longer works" in reply[0]["text"]


def test_language_choice_survives_a_restart(emulator, bot):
    resident = Resident(emulator, 111, "pl")
    choice = resident.command("/language")
    resident.tap(choice[-1], "lang:en")
    bot.restart()
    reply = resident.command("/help", timeout=60)
    assert reply[-1]["text"].startswith("Ask a question in your own words")


def test_webhook_only_in_webhook_mode_and_only_with_the_secret(emulator, bot, mode):
    if mode == "polling":
        assert emulator.webhooks_set() == []  # run_polling removes any webhook
        return
    status = emulator.post(
        "/forgedWebhook",
        {
            "token": TOKEN,
            "update": {
                "update_id": 999999,
                "message": {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "forged"},
            },
        },
    )["result"]
    assert status == 403


def test_a_whole_conversation_leaves_no_token_text_id_or_name_in_the_log(emulator, bot):
    """INFO for everything, DEBUG for the bot's own loggers (BOT_LOG_LEVEL), in polling and webhook mode."""
    user_id, name, username = 7364019283, "Zofiaunikalna", "zofia_unikalna_77"
    resident = Resident(emulator, user_id, "pl")
    resident.user |= {"first_name": name, "username": username, "last_name": "Nazwiskounikalne"}
    resident.chat["first_name"] = name
    said = [
        "bardzo prywatne pytanie o radę równego traktowania",
        "gdzie zglosic dyskryminacje w pracy",
        "where can I report a homophobic attack",
        "chcę się zabić dzisiaj",
        "ile kosztuje parkowanie pod wawelem",
    ]
    answers = [resident.say(text) for text in said]
    resident.tap(answers[1][-1], next(data for _, data in buttons(answers[1][-1]) if data.startswith("fb:")))
    resident.tap(answers[1][-1], next(data for _, data in buttons(answers[1][-1]) if data.startswith("why:")))
    resident.tap(answers[4][-1], next(data for _, data in buttons(answers[4][-1]) if data.startswith("fq:")))
    resident.tap(resident.command("/language")[-1], "lang:en")
    resident.command("/report")
    resident.command("/privacy")
    resident.tap(resident.command("/forget")[-1], "forget:yes")
    time.sleep(0.5)
    log = bot.log_text()
    assert "DEBUG bot." in log and "answer in pl" in log  # the bot's own DEBUG lines are there …
    forbidden = [
        TOKEN,
        TOKEN.split(":")[1],
        SECRET,
        str(user_id),
        name,
        username,
        "Nazwiskounikalne",
        "prywatne",
        "zglosic",
        "attack",
        "zabić",
        "parkowanie",
    ]
    assert [f for f in forbidden if f in log] == []  # … and say nothing of who or what


def test_feedback_and_why_buttons(emulator, bot):
    resident = Resident(emulator, 113, "en")
    answer = resident.say("how do i join the equality council")
    labels = dict((d.split(":")[0], d) for _, d in buttons(answer[-1]))
    thanks = resident.tap(answer[-1], labels["fb"])
    assert "Thank you" in thanks[0]["text"]
    why = resident.tap(answer[-1], labels["why"])
    assert "looked most like this one" in why[0]["text"]


def test_flood_gets_one_notice_then_quiet_but_crisis_passes(emulator, bot):
    resident = Resident(emulator, 114, "en")
    for i in range(21):
        resident.say(f"hello number {i}", expect=0)
    import time

    time.sleep(3)
    texts = [m["text"] for m in resident.history()]
    assert sum("very fast" in t for t in texts) == 1
    assert len(texts) == 21  # 20 replies and one notice; the 21st question is not answered
    crisis = resident.say("I want to kill myself")
    assert "112" in crisis[0]["text"]


def test_an_edited_question_edits_the_earlier_reply(emulator, bot):
    resident = Resident(emulator, 115, "en")
    first = resident.say("what is the equality council", message_id=7001)
    edited = resident.edit(7001, "free legal advice krakow")
    assert int(edited["message_id"]) == int(first[-1]["message_id"])
    assert "728 366 319" in edited["text"]


def test_report_flow_and_contacts_card(emulator, bot):
    resident = Resident(emulator, 116, "en")
    places = resident.command("/report")
    grounds = resident.tap(places[-1], "r:en:street")
    danger = resident.tap(grounds[-1], "r:en:street:origin")
    result = resident.tap(danger[-1], "r:en:street:origin:y")
    assert result[0]["text"].startswith("If you are in danger") and "112" in result[0]["text"]
    assert "zglosnienawisc.otwarta.org" in result[-1]["text"]
    card = resident.command("/contacts")
    assert "Help numbers" in card[0]["text"] and ("open now" in card[0]["text"])


def test_unanswered_question_can_be_sent_anonymously_redacted(emulator, bot):
    import sqlite3

    def samples() -> int:
        return sqlite3.connect(bot.data / "bot.sqlite3").execute("SELECT COUNT(*) FROM samples").fetchone()[0]

    resident, other = Resident(emulator, 117, "en"), Resident(emulator, 217, "en")
    reply = resident.say("how do i get a parking permit, call me at 600 700 800")
    offer = [d for label, d in buttons(reply[-1]) if d.startswith("fq:")]
    assert len(offer) == 1 and "600" not in offer[0]
    before = samples()
    preview = resident.tap(reply[-1], offer[0])  # what the editors would see, before anything is kept
    assert "[phone]" in preview[0]["text"] and "600 700 800" not in preview[0]["text"] and samples() == before
    send = [d for label, d in buttons(preview[-1]) if d.startswith("fs:")]
    assert "no longer kept" in other.tap(preview[-1], send[0])[0]["text"]  # the token is this resident's
    assert "Thank you" in resident.tap(preview[-1], send[0])[0]["text"] and samples() == before + 1
    again = resident.tap(preview[-1], send[0])
    assert "no longer kept" in again[0]["text"] and samples() == before + 1
    assert "600 700 800" not in bot.log_text() and "parking" not in bot.log_text()


def test_database_holds_no_ids_names_or_text(emulator, bot):
    """After every scenario above: scan every column of every table."""
    import sqlite3

    Resident(emulator, 118, "pl").say("bardzo osobiste pytanie o dyskryminację w pracy")
    db = sqlite3.connect(bot.data / "bot.sqlite3")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert {"preferences", "feedback", "events", "samples"} <= set(tables)
    forbidden_numbers = {str(i) for i in range(100, 120)} | {"1"}
    for table in tables:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        for row in db.execute(f"SELECT * FROM {table}"):
            for column, value in zip(columns, row, strict=True):
                if table == "samples" and column == "text":
                    assert isinstance(value, bytes) and b"parking" not in value  # encrypted
                    continue
                text = str(value)
                assert text not in forbidden_numbers or column in (
                    "id",
                    "latency_ms",
                    "count",
                    "reply_id",
                    "update_id",
                ), (table, column, value)
                assert "Resident" not in text and "osobiste" not in text and "pytanie" not in text
    events = db.execute("SELECT kind, outcome FROM events").fetchall()
    assert ("reply", "crisis") in events and ("reply", "answer") in events and ("language", None) in events


def test_a_read_only_database_mid_run_does_not_stop_answers(emulator, bot):
    import subprocess

    resident = Resident(emulator, 119, "pl")
    resident.say("czym jest rada rownego traktowania")  # the database files exist and are in use
    # The database and its write-ahead log become immutable (even root cannot write them). SQLite's
    # shared-memory index (-shm) is left alone: it is memory-mapped, and an immutable mapping kills
    # any process with SIGBUS - not something an admin's chmod or a full disk can do.
    files = [str(p) for p in bot.data.glob("bot.sqlite3*") if not p.name.endswith("-shm")]
    subprocess.run(["chattr", "+i", *files], check=True)
    try:
        answer = resident.say("gdzie zglosic dyskryminacje w pracy")
        assert "Kodeks pracy" in answer[-1]["text"]
        crisis = resident.say("chce sie zabic")
        assert "112" in crisis[0]["text"].splitlines()[0]
        choice = resident.command("/language")
        saved = resident.tap(choice[-1], "lang:en")
        assert "could not save" in saved[-1]["text"]
    finally:
        subprocess.run(["chattr", "-i", *files], check=True)
    assert "storage unavailable (OperationalError)" in bot.log_text()
