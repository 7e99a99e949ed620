"""What only admins do or get: /stats and the notices sent to admins (the knowledge reload is
bot/telegram/knowledge_reload.py)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes

from bot.telegram import render
from bot.telegram.commands import help_command
from bot.telegram.send import send_html
from bot.telegram.services import Services, for_resident, message_of

log = logging.getLogger(__name__)


def is_admin(update: Update, svc: Services) -> bool:
    """Whether the update comes from an admin (BOT_ADMIN_IDS)."""
    return update.effective_user is not None and update.effective_user.id in svc.admin_ids


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins: the 7-day usage summary. Anyone else: like an unknown command."""
    svc, lang, _ = await for_resident(update, context)
    if not is_admin(update, svc):
        await help_command(update, context)
        return
    from datetime import date, timedelta

    from bot.usage import figures

    today = date.today()
    await svc.store.flush()  # the usage events still queued count too
    counted = await svc.store.call(None, figures.collect, svc.store.store, today - timedelta(days=6), today)
    if counted is None:
        text = _("The usage figures cannot be read right now.")
    else:
        text = figures.text_report(counted, lang, svc.catalogs(lang))
    await send_html(message_of(update), f"<pre>{html.escape(text)}</pre>")


async def notify_admins(application: Application, compose: Callable[[Callable[[str], str]], str]) -> None:
    """Send each admin a notice composed in their language (Polish unless they chose English)."""
    svc: Services = application.bot_data["services"]
    for admin in svc.admin_ids:
        lang = await svc.store.language(svc.pseudonym(admin)) or "pl"
        text = compose(svc.catalogs(lang).gettext)
        try:
            await application.bot.send_message(
                chat_id=admin, text=render.split_message(html.escape(text))[0], parse_mode=ParseMode.HTML
            )
        except Exception as exc:  # an admin who never started the bot cannot be messaged
            log.warning("could not notify an admin: %s", type(exc).__name__)


def storage_trouble_notice(application: Application) -> Callable[[str], None]:
    """What the store gateway calls when the database starts failing: one notice to the admins."""

    def notice(reason: str) -> None:
        application.create_task(
            notify_admins(
                application,
                lambda _: _(
                    "The bot's database cannot be written ({reason}). Residents still get answers; language choices, "
                    "ratings and usage figures are not saved until it works again. Check the disk and the data "
                    "directory."
                ).format(reason=reason),
            )
        )

    return notice
