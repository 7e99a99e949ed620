"""The heartbeat: a pseudo-update handed through the whole pipeline, and the file the HEALTHCHECK reads."""

from __future__ import annotations

import asyncio
import logging

from telegram.ext import Application, ContextTypes

from bot import health
from bot.telegram.services import services

log = logging.getLogger(__name__)


class Heartbeat:
    """A pseudo-update: when a handler sees it, updates are going through the whole pipeline."""


async def beat(application: Application) -> None:
    """Hand a Heartbeat to the dispatcher every few seconds, like an update, while it runs."""
    while "dispatcher" not in application.bot_data:  # post_init runs before serving starts
        await asyncio.sleep(0.2)
    while application.running:
        application.bot_data["dispatcher"].submit(Heartbeat())
        await asyncio.sleep(health.BEAT_SECONDS)


async def on_heartbeat(update: Heartbeat, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record, for the HEALTHCHECK, that this update was handled and when Telegram last answered."""
    svc = services(context)
    if svc.heartbeat is None:  # beat() runs only when there is a heartbeat file
        return
    try:
        health.write_heartbeat(svc.heartbeat, context.bot_data.get("mode", "polling"), telegram_answered(context))
    except OSError as exc:
        log.warning("heartbeat not written: %s", type(exc).__name__)


def telegram_answered(context: ContextTypes.DEFAULT_TYPE) -> float | None:
    """When Telegram last answered the bot's connection (a TrackedRequest remembers it), if known."""
    return getattr(context.bot.request, "last_ok", None)
