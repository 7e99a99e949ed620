"""What only admins do or get: /stats, /reload, the knowledge watcher and notices to admins."""

from __future__ import annotations

import asyncio
import html
import logging
import signal
from pathlib import Path
from typing import Callable

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes

from bot.telegram import render
from bot.telegram.commands import help_command
from bot.telegram.send import send_html, send_text
from bot.telegram.services import Services, for_resident

log = logging.getLogger(__name__)


def _is_admin(update: Update, svc: Services) -> bool:
    return update.effective_user is not None and update.effective_user.id in svc.admin_ids


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: the 7-day usage summary. Anyone else: like an unknown command."""
    svc, lang, _ = await for_resident(update, context)
    if not _is_admin(update, svc):
        await help_command(update, context)
        return
    from datetime import date, timedelta

    from bot.usage import figures

    today = date.today()
    counted = await svc.store.call(None, figures.collect, svc.store.store, today - timedelta(days=6), today)
    if counted is None:
        text = _("The usage figures cannot be read right now.")
    else:
        text = figures.text_report(counted, lang, svc.catalogs(lang))
    await send_html(update.effective_message, f"<pre>{html.escape(text)}</pre>")


async def reload_now(svc: Services) -> tuple[int | None, list]:
    """Validate the knowledge directory off the event loop; swap the assistant when it is valid.
    Returns (number of entries, []) or (None, the errors as Problems) - the old one keeps serving."""
    from bot.knowledge.loader import check_knowledge

    def load():
        knowledge, problems = check_knowledge(svc.knowledge_dir)
        return (svc.assistant.with_knowledge(knowledge) if knowledge else None), problems

    assistant, problems = await asyncio.get_running_loop().run_in_executor(None, load)
    if assistant is None:
        return None, [p for p in problems if p.severity == "error"]
    svc.assistant = assistant
    return len(assistant.knowledge.entries), []


def knowledge_errors_text(_: Callable[[str], str], errors: list) -> str:
    """What admins read about a rejected knowledge edit, in their language."""
    return _("The knowledge has errors; I keep answering from the previous version.") + "\n\n" + \
        "\n".join(p.render(_) for p in errors)


async def reload_knowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: re-read the knowledge; on errors keep serving the old one and list the problems."""
    svc, _lang, _ = await for_resident(update, context)
    if not _is_admin(update, svc) or svc.knowledge_dir is None:
        await help_command(update, context)
        return
    count, errors = await reload_now(svc)
    if count is None:
        text = knowledge_errors_text(_, errors)
    else:
        text = _("Reloaded: {n} entries.").format(n=count)
    await send_text(update.effective_message, text)


def knowledge_signature(directory: Path) -> tuple:
    """What changes when an editor saves a knowledge file: names, sizes, modification times."""
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in directory.glob("*.y*ml")))
    except OSError:
        return ("unreadable",)


async def watch_knowledge(application: Application, interval: float) -> None:
    """Reload when the knowledge files change (or on SIGHUP); tell the admins about a broken edit once."""
    svc: Services = application.bot_data["services"]
    seen = knowledge_signature(svc.knowledge_dir)
    wake = asyncio.Event()
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, wake.set)
    except (NotImplementedError, RuntimeError, ValueError):
        pass
    while True:
        try:
            await asyncio.wait_for(wake.wait(), interval)
        except asyncio.TimeoutError:
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
        await notify_admins(application, lambda _, errors=errors: knowledge_errors_text(_, errors))


async def notify_admins(application: Application, compose: Callable[[Callable[[str], str]], str]) -> None:
    """Send each admin a notice composed in their language (Polish unless they chose English)."""
    svc: Services = application.bot_data["services"]
    for admin in svc.admin_ids:
        lang = await svc.store.language(svc.pseudonym(admin)) or "pl"
        text = compose(svc.catalogs(lang).gettext)
        try:
            await application.bot.send_message(chat_id=admin, text=render.split_message(html.escape(text))[0],
                                               parse_mode=ParseMode.HTML)
        except Exception as exc:  # an admin who never started the bot cannot be messaged
            log.warning("could not notify an admin: %s", type(exc).__name__)


def storage_trouble_notice(application: Application) -> Callable[[str], None]:
    """What the store gateway calls when the database starts failing: one notice to the admins."""
    def notice(reason: str) -> None:
        application.create_task(notify_admins(application, lambda _: _(
            "The bot's database cannot be written ({reason}). Residents still get answers; language choices, "
            "ratings and usage figures are not saved until it works again. Check the disk and the data "
            "directory.").format(reason=reason)))
    return notice
