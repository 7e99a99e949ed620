"""The commands residents send: /start, /help, /language, /topics, /contacts, /report, /privacy, /forget, unknown ones."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ContextTypes

from bot.telegram import render
from bot.telegram.callback_data import Forget, ReportStep, pack
from bot.telegram.send import send_html, send_reply, send_text
from bot.telegram.services import for_resident, interface_language, message_of, services

log = logging.getLogger(__name__)

WARSAW = ZoneInfo("Europe/Warsaw")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome, or open an entry directly from a deep link (t.me/<bot>?start=<entry-id>)."""
    svc = services(context)
    lang = await interface_language(update, svc)
    payload = context.args[0] if context.args else ""
    if payload:
        reply = svc.assistant.answer(payload, lang)
        if reply is not None:
            await send_reply(message_of(update), reply, svc)
            return
    _ = svc.catalogs(lang).gettext
    text = _(
        "Hello! I answer questions about equal treatment and discrimination in Kraków and tell you "
        "where to get help. Write your question in your own words, in Polish, English or Ukrainian.\n\n"
        "I am not a lawyer and I do not replace the police: in danger, call 112.\n\n"
        "I do not keep the text of your messages. /privacy explains what I store."
    )
    await send_text(message_of(update), text, render.topics_keyboard(svc.assistant.knowledge, lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What the bot can do and its commands."""
    svc, _lang, _ = await for_resident(update, context)
    text = _(
        'Ask a question in your own words, e.g. "where do I report discrimination at work?".\n\n'
        "/report – where to report discrimination, step by step\n"
        "/topics – browse the topics\n/contacts – help numbers, open now or not\n/language – Polish, English or Ukrainian\n/privacy – what I store\n"
        "/forget – erase what I store about you\n\nIn danger, call 112."
    )
    await send_text(message_of(update), text)


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the language choice."""
    svc, _lang, _ = await for_resident(update, context)
    await send_text(message_of(update), _("Choose your language:"), render.language_keyboard())


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Browse topic areas."""
    svc, lang, _ = await for_resident(update, context)
    await send_text(message_of(update), _("Choose a topic:"), render.topics_keyboard(svc.assistant.knowledge, lang))


async def contacts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The help numbers card, each contact marked open or closed now (Kraków time)."""
    svc = services(context)
    lang = await interface_language(update, svc)
    now = datetime.now(WARSAW)
    text = render.contacts_html(
        svc.assistant.knowledge, lang, now.weekday(), now.hour * 60 + now.minute, svc.catalogs(lang)
    )
    await send_html(message_of(update), text)


async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start the "where do I report this?" flow."""
    svc = services(context)
    lang = await interface_language(update, svc)
    step = render.report_step(svc.assistant.knowledge, ReportStep(lang), svc.catalogs(lang))
    if step is not None:
        await send_html(message_of(update), step[0], step[1])


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What is stored, why and for how long."""
    svc, _lang, _ = await for_resident(update, context)
    text = _(
        "What I store, under a code computed from your Telegram account with a secret key – never your "
        "name, username, phone number or Telegram id:\n"
        "• your language choice, if you make one, and your 👍/👎 ratings of answers – until you use /forget;\n"
        "• a record of each reply: when, in which language, which answer or none – never what you wrote; "
        "deleted after {days} days;\n"
        "• how many messages you sent in the last minute (to slow down floods) – deleted after a day;\n"
        "• which of my messages answered which of yours, so an edited question updates its answer – "
        "deleted after 2 days.\n\n"
        'I do not store what you write – unless I could not answer and you tap "Send this question '
        'anonymously to the editors": then I first show you the question as the editors would see it – '
        "names, addresses, phone numbers, e-mails, links and ID numbers removed – and keep it only if you "
        "confirm: encrypted, not linked to you, deleted after 30 days. The removal is automatic and can miss "
        "something; send only what you are comfortable sharing.\n\n"
        "Why: to answer in the language you chose, to count how the assistant is used without knowing who "
        "uses it, and so editors see which answers need work and what residents could not find.\n\n"
        "Telegram itself keeps this chat on its servers; only you can delete it there."
    ).format(days=svc.store.retention_days)
    await send_text(message_of(update), text)


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for confirmation before erasing."""
    svc, _lang, _ = await for_resident(update, context)
    rows = [[(_("Yes, erase it"), pack(Forget(True))), (_("No"), pack(Forget(False)))]]
    await send_text(message_of(update), _("Erase everything I store about you?"), rows)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command gets the help text."""
    await help_command(update, context)
