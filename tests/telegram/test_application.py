"""The wiring offline: errors apologise without logging content; a serving replica never sets the webhook."""

from telegram_support import run, update


def test_a_failing_handler_apologises_and_logs_no_content(make_app, caplog):
    app, request, svc = make_app()
    svc.assistant = None  # the next message makes the handler fail
    with caplog.at_level("ERROR"):
        run(app, update("bardzo prywatna sprawa"))
    assert any("Sorry, something went wrong" in t for t in request.sent())
    assert "prywatna" not in caplog.text and "handler error AttributeError in update 1" in caplog.text


def test_a_serving_replica_never_sets_the_webhook():
    import asyncio

    from telegram_support import TOKEN, RecordingRequest

    from bot.config import load_config
    from bot.telegram.application import ServingReplicaBot, build_application

    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "BOT_WEBHOOK_URL": "https://bot.example.org/hook",
        "BOT_WEBHOOK_SECRET": "s" * 20,
        "BOT_WEBHOOK_OWNER": "no",
    }
    request = RecordingRequest()
    app = build_application(load_config(env), None, request)
    assert isinstance(app.bot, ServingReplicaBot)
    assert asyncio.run(app.bot.set_webhook(url="https://bot.example.org/hook")) is True
    assert request.calls == []  # nothing reached the Bot API
    owner = build_application(load_config(env | {"BOT_WEBHOOK_OWNER": "yes"}), None, RecordingRequest())
    assert not isinstance(owner.bot, ServingReplicaBot)


def test_after_a_burst_of_sends_only_a_few_idle_connections_stay_open():
    """Behind a proxy (httpx), every idle connection kept costs each later request a look (bench/bench_http_pool.py)."""
    import asyncio

    from telegram.request import RequestData

    from bot.telegram.bot_api_http import KEEP_ALIVE, TrackedRequest

    body = b'{"ok":true,"result":true}'
    answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)

    async def serve(reader, writer):
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                await asyncio.sleep(0.05)  # the burst overlaps: one connection each
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def burst():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/botX/getMe"
        request = TrackedRequest(64)
        await request.initialize()
        try:
            await asyncio.gather(*(request.post(url, RequestData()) for _ in range(3 * KEEP_ALIVE)))
            return len(request._client._transport._pool.connections)
        finally:
            await request.shutdown()
            server.close()
            await server.wait_closed()

    assert asyncio.run(burst()) <= KEEP_ALIVE
