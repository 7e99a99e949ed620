"""Updates of different chats are handled at once, those of one chat in order; someone who may be
in danger waits for no one; a shutdown waits a bounded time and says what it cut short."""

import asyncio

from telegram import Update

from bot.telegram.dispatch import Dispatcher


def message(update_id, chat, text="hi"):
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "text": text,
                "chat": {"id": chat, "type": "private"},
                "from": {"id": chat, "is_bot": False, "first_name": "R"},
            },
        },
        None,
    )


def test_one_chat_in_order_other_chats_alongside_and_the_urgent_at_once():
    log = []
    release = {}

    async def handle(update):
        log.append(("start", update.update_id))
        gate = release.get(update.update_id)
        if gate is not None:
            await gate.wait()
        log.append(("end", update.update_id))

    async def go():
        release[1] = asyncio.Event()
        dispatcher = Dispatcher(handle, lambda u: u.effective_message.text == "help me")
        dispatcher.submit(message(1, 10))  # chat 10 is stuck on its first update
        dispatcher.submit(message(2, 10))  # … its second waits behind it
        dispatcher.submit(message(3, 20))  # another chat goes on
        dispatcher.submit(message(4, 10, "help me"))  # someone in danger in the stuck chat: at once
        await asyncio.sleep(0.05)
        assert ("end", 3) in log and ("end", 4) in log and ("start", 2) not in log
        release[1].set()
        await asyncio.sleep(0.05)
        assert log.index(("end", 1)) < log.index(("start", 2))

    asyncio.run(go())


def test_a_shutdown_waits_a_bounded_time_and_reports_what_is_unfinished():
    outcomes = []

    async def handle(update):
        if update.update_id == 2:
            await asyncio.sleep(60)

    async def go():
        dispatcher = Dispatcher(handle, lambda u: False)
        dispatcher.submit(message(1, 1), outcomes.append)
        dispatcher.submit(message(2, 2), outcomes.append)
        await asyncio.sleep(0.01)
        started = asyncio.get_running_loop().time()
        assert await dispatcher.drain(0.2) == 1
        assert asyncio.get_running_loop().time() - started < 2

    asyncio.run(go())
    assert sorted(outcomes) == [False, True]


def test_a_failing_handler_does_not_stop_the_chat():
    seen = []

    async def handle(update):
        seen.append(update.update_id)
        if update.update_id == 1:
            raise RuntimeError("bug")

    async def go():
        dispatcher = Dispatcher(handle, lambda u: False)
        dispatcher.submit(message(1, 5))
        await dispatcher.submit(message(2, 5))

    asyncio.run(go())
    assert seen == [1, 2]
