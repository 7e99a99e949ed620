"""The webhook refuses before reading: a wrong secret or an oversized body gets its answer without
the body being read; updates are answered 200 once handled; connections are capped."""

import asyncio
import json

from bot.telegram.dispatch import Dispatcher
from bot.telegram.webhook import MAX_BODY, SECRET_HEADER, WebhookServer
from tests.e2e.harness import free_port

SECRET = "s3cret-token"


def update(update_id=1):
    return json.dumps(
        {
            "update_id": update_id,
            "message": {
                "message_id": 1,
                "date": 0,
                "text": "pytanie",
                "chat": {"id": 1, "type": "private"},
                "from": {"id": 1, "is_bot": False, "first_name": "R"},
            },
        }
    ).encode()


async def request(port, headers: dict, body: bytes = b"", send_body=True) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(f"POST /hook HTTP/1.1\r\nHost: x\r\n{head}\r\n".encode() + (body if send_body else b""))
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(200), 5)
    writer.close()
    return answer


def serve(test, cap=None):
    handled = []

    async def handle(update):
        handled.append(update.update_id)

    async def go():
        port = free_port()
        server = WebhookServer(None, Dispatcher(handle, lambda u: False), "/hook", SECRET, "127.0.0.1", port, cap=cap)
        server.start()
        try:
            await test(port, handled)
        finally:
            await server.stop()

    asyncio.run(go())


def test_a_wrong_secret_is_refused_before_the_body_is_read():
    async def test(port, handled):
        # 10 MB announced, none sent: the answer comes anyway, so the body was never waited for
        answer = await request(port, {SECRET_HEADER: "wrong", "Content-Length": 10_000_000}, send_body=False)
        assert answer.startswith(b"HTTP/1.1 403")
        answer = await request(port, {"Content-Length": 10}, send_body=False)
        assert answer.startswith(b"HTTP/1.1 403") and handled == []

    serve(test)


def test_an_oversized_body_is_refused_before_it_is_read():
    async def test(port, handled):
        answer = await request(port, {SECRET_HEADER: SECRET, "Content-Length": MAX_BODY + 1}, send_body=False)
        assert answer.startswith(b"HTTP/1.1 413")

    serve(test)


def test_an_update_is_answered_once_handled():
    async def test(port, handled):
        body = update(42)
        answer = await request(port, {SECRET_HEADER: SECRET, "Content-Length": len(body)}, body)
        assert answer.startswith(b"HTTP/1.1 200") and handled == [42]
        answer = await request(port, {SECRET_HEADER: SECRET, "Content-Length": 9}, b"not json!")
        assert answer.startswith(b"HTTP/1.1 400")

    serve(test)


def test_connections_beyond_the_cap_are_closed_at_once():
    async def test(port, handled):
        held = [await asyncio.open_connection("127.0.0.1", port) for _ in range(2)]
        await asyncio.sleep(0.1)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        assert await asyncio.wait_for(reader.read(10), 5) == b""  # closed without a word
        for _, w in held + [(reader, writer)]:
            w.close()

    serve(test, cap=2)
