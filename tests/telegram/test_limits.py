"""Sends wait for Telegram's limits and failures only in their own chat, and a failed send is tried
again for a bounded time — the emergency card longest, and only it when a copy may already be there."""

import asyncio

import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.telegram.limits import EMERGENCY, ORDINARY, FairRateLimiter, _budget, deliver_urgently


class Clock:
    """A clock that moves only when the limiter sleeps."""

    def __init__(self):
        self.now = 0.0
        self.slept = []

    def __call__(self):
        return self.now

    async def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def failing(*errors):
    """A send that raises the given errors in turn, then succeeds."""
    calls = []

    async def send(*args, **kwargs):
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return {"ok": True}

    return send, calls


def process(limiter, send, chat=7, endpoint="sendMessage"):
    return limiter.process_request(send, (), {}, endpoint, {"chat_id": chat}, None)


def run(coroutine, budget=ORDINARY):
    async def go():
        _budget.set(budget)
        return await coroutine

    return asyncio.run(go())


def test_a_failed_send_is_tried_again_until_it_goes_through():
    clock = Clock()
    limiter = FairRateLimiter(clock, clock.sleep)
    send, calls = failing(NetworkError("Bad Gateway"), NetworkError("Internal Server Error (500)"))
    assert run(process(limiter, send)) == {"ok": True} and len(calls) == 3 and clock.now < 5


def test_an_ordinary_reply_gives_up_after_its_budget_the_emergency_card_later():
    clock = Clock()
    send, calls = failing(*[NetworkError("Bad Gateway")] * 1000)
    with pytest.raises(NetworkError):
        run(process(FairRateLimiter(clock, clock.sleep), send))
    assert ORDINARY.seconds - 6 <= clock.now <= ORDINARY.seconds
    clock.now = 0.0
    with pytest.raises(NetworkError):
        run(process(FairRateLimiter(clock, clock.sleep), send), EMERGENCY)
    assert clock.now > ORDINARY.seconds


def test_a_refused_message_is_not_sent_again_and_a_lost_connection_only_for_the_card():
    clock = Clock()
    send, calls = failing(BadRequest("Can't parse entities"))
    with pytest.raises(BadRequest):
        run(process(FairRateLimiter(clock, clock.sleep), send))
    assert len(calls) == 1
    send, calls = failing(TimedOut())
    with pytest.raises(TimedOut):
        run(process(FairRateLimiter(clock, clock.sleep), send))
    send, calls = failing(TimedOut())
    assert run(process(FairRateLimiter(clock, clock.sleep), send), EMERGENCY) == {"ok": True}


def test_retry_after_delays_only_the_chat_it_was_for():
    clock = Clock()
    limiter = FairRateLimiter(clock, clock.sleep)
    send, _ = failing(RetryAfter(30))
    other, calls = failing()

    async def both():
        await process(limiter, send, chat=-100)
        assert clock.now >= 30
        start = clock.now
        await process(limiter, other, chat=8)  # another chat sends at once
        return start

    start = run(both())
    assert clock.now == start and len(calls) == 1


def test_other_calls_pass_untouched_and_the_card_is_marked_in_its_handler():
    clock = Clock()
    send, calls = failing(NetworkError("x"))
    with pytest.raises(NetworkError):
        run(process(FairRateLimiter(clock, clock.sleep), send, endpoint="getUpdates"))
    assert len(calls) == 1

    async def handler():
        deliver_urgently()
        return _budget.get()

    assert asyncio.run(handler()) is EMERGENCY and _budget.get() is ORDINARY
