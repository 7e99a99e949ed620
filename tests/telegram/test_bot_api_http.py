"""The Bot API connection on aiohttp: what Telegram receives, what the bot gets back, and the errors
python-telegram-bot expects (its own handling of TimedOut and NetworkError keeps the bot going)."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs

import pytest
from telegram import InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter
from telegram_support import STAND_IN_BODY, bot_api_stand_in

from bot.telegram.bot_api_http import AiohttpRequest, TrackedRequest, bot_api_request


def url_of(server, method: str = "sendMessage") -> str:
    return f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/botTOKEN/{method}"


def send(data: RequestData, delay: float = 0.0, **timeouts):
    """One request through a fresh AiohttpRequest: (its status and body, what the stand-in received)."""

    async def go():
        received: list[tuple[bytes, bytes]] = []
        server = await bot_api_stand_in(received, delay)
        request = AiohttpRequest(4)
        await request.initialize()
        try:
            return await request.do_request(url_of(server), "POST", data, **timeouts), received
        finally:
            await request.shutdown()
            server.close()
            await server.wait_closed()

    return asyncio.run(go())


def test_a_message_reaches_telegram_as_a_form_and_its_answer_comes_back():
    data = RequestData(
        [RequestParameter.from_input("chat_id", 42), RequestParameter.from_input("text", "Gdzie zgłosić? 112 & więcej")]
    )
    (status, body), received = send(data)
    assert (status, body) == (200, STAND_IN_BODY)
    [(head, sent)] = received
    assert head.startswith(b"POST /botTOKEN/sendMessage HTTP/1.1")
    assert b"python-telegram-bot" in head  # the User-Agent python-telegram-bot's requests carry
    assert parse_qs(sent.decode()) == {"chat_id": ["42"], "text": ["Gdzie zgłosić? 112 & więcej"]}


def test_a_file_goes_as_multipart():
    upload = InputFile(b"report,1\n", filename="report.csv")
    data = RequestData([RequestParameter.from_input("chat_id", 1), RequestParameter.from_input("document", upload)])
    (status, _), [(head, sent)] = send(data)
    assert status == 200 and b"multipart/form-data" in head
    assert b'filename="report.csv"' in sent and b"report,1\n" in sent


def test_telegram_answering_too_late_is_a_time_out():
    with pytest.raises(TimedOut):
        send(RequestData(), delay=1.0, read_timeout=0.2)


def test_an_unreachable_bot_api_is_a_network_error():
    async def go():
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        url = url_of(server)
        server.close()
        await server.wait_closed()  # nothing listens there now
        request = AiohttpRequest(4)
        await request.initialize()
        try:
            await request.do_request(url, "POST", RequestData())
        finally:
            await request.shutdown()

    with pytest.raises(NetworkError):
        asyncio.run(go())


def test_the_heartbeat_learns_when_telegram_last_answered():
    AiohttpRequest.last_ok = None
    send(RequestData())
    assert AiohttpRequest.last_ok is not None


def test_a_burst_of_replies_reuses_connections_afterwards():
    async def go():
        received: list[tuple[bytes, bytes]] = []
        server = await bot_api_stand_in(received, delay=0.02)
        request = AiohttpRequest(64)
        await request.initialize()
        try:
            await asyncio.gather(*(request.do_request(url_of(server), "POST", RequestData()) for _ in range(20)))
            for _ in range(20):
                await request.do_request(url_of(server), "POST", RequestData())
            connections = request._session.connector._conns  # type: ignore[union-attr]
            return len(received), sum(len(kept) for kept in connections.values())
        finally:
            await request.shutdown()
            server.close()
            await server.wait_closed()

    answered, idle = asyncio.run(go())
    assert answered == 40 and 1 <= idle <= 20  # the later requests went on the burst's connections


def test_a_proxy_in_the_environment_keeps_the_bot_on_httpx(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert isinstance(bot_api_request(4), AiohttpRequest)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    assert isinstance(bot_api_request(4), TrackedRequest)
