"""Editors' edits going live in the running bot: the knowledge watcher (file changes, SIGHUP) and the
admins' /reload, each through the one knowledge gate that `validate` uses (bot/knowledge/gate.py)."""

from __future__ import annotations

import asyncio
import functools
import logging
import signal
from collections.abc import Callable

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.knowledge.files import signature as knowledge_signature
from bot.knowledge.gate import admit
from bot.telegram.admin import is_admin, notify_admins
from bot.telegram.commands import help_command
from bot.telegram.send import send_text
from bot.telegram.services import Services, for_resident, message_of

log = logging.getLogger(__name__)

__all__ = ["knowledge_errors_text", "knowledge_signature", "reload_knowledge", "reload_now", "watch_knowledge"]


async def reload_now(svc: Services) -> tuple[int | None, list]:
    """Pass the knowledge directory through the gate off the event loop (the schema, then the deeper
    checks, as `validate` does); swap the assistant when it is admitted. Returns (number of entries, [])
    or (None, the errors as Problems) - the old knowledge keeps serving."""
    directory = svc.knowledge_dir
    assert directory is not None
    verdict = await asyncio.get_running_loop().run_in_executor(None, admit, directory, svc.assistant.with_knowledge)
    if verdict.assistant is None:
        return None, verdict.errors
    svc.assistant = verdict.assistant
    return len(verdict.assistant.knowledge.entries), []


def knowledge_errors_text(_: Callable[[str], str], errors: list) -> str:
    """What admins read about a rejected knowledge edit, in their language."""
    return (
        _("The knowledge has errors; I keep answering from the previous version.")
        + "\n\n"
        + "\n".join(p.render(_) for p in errors)
    )


async def reload_knowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: re-read the knowledge; on errors keep serving the old one and list the problems."""
    svc, _lang, _ = await for_resident(update, context)
    if not is_admin(update, svc) or svc.knowledge_dir is None:
        await help_command(update, context)
        return
    count, errors = await reload_now(svc)
    if count is None:
        text = knowledge_errors_text(_, errors)
    else:
        text = _("Reloaded: {n} entries.").format(n=count)
    await send_text(message_of(update), text)


async def watch_knowledge(application: Application, interval: float) -> None:
    """Reload when the knowledge files change (or on SIGHUP); tell the admins about a broken edit once."""
    svc: Services = application.bot_data["services"]
    assert svc.knowledge_dir is not None
    seen = knowledge_signature(svc.knowledge_dir)
    wake = asyncio.Event()
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, wake.set)
    except (NotImplementedError, RuntimeError, ValueError):
        pass
    while True:
        try:
            await asyncio.wait_for(wake.wait(), interval)
        except TimeoutError:
            pass
        forced, current = wake.is_set(), knowledge_signature(svc.knowledge_dir)
        wake.clear()
        if current == seen and not forced:
            continue
        seen = current
        count, errors = await reload_now(svc)
        if count is not None:
            log.info("knowledge reloaded: %d entries", count)
            continue
        log.warning("knowledge edit rejected (%d problems); still serving the previous version", len(errors))
        await notify_admins(application, functools.partial(knowledge_errors_text, errors=errors))
