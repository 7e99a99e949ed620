"""The Telegram front end: python-telegram-bot handlers around the assistant (I/O only)."""

from __future__ import annotations

import asyncio
import html
import logging
import signal
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from telegram import (BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity,
                      Update)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, NetworkError
from telegram.request import BaseRequest, HTTPXRequest
from telegram.error import Forbidden, InvalidToken
from telegram.ext import (Application, ApplicationHandlerStop, CallbackQueryHandler, CommandHandler,
                          ContextTypes, ExtBot, MessageHandler, TypeHandler, filters)

from bot import health
from bot.telegram import render
from bot.config import Config, ConfigError
from bot.core.assistant import Assistant
from bot.core.model import Reply
from bot.core.redact import redact
from bot.core.text import MAX_CHARS
from bot.i18n import Catalogs, negotiate
from bot.storage.keys import Pseudonymizer
from bot.storage.gateway import StoreGateway
from bot.telegram.dispatch import Dispatcher
from bot.telegram.limits import FairRateLimiter, deliver_urgently
from bot.telegram.log_redaction import harden
from bot.telegram.polling import Poller
from bot.telegram.webhook import WebhookServer

log = logging.getLogger(__name__)

def N_(message: str) -> str:
    """Mark a string for the catalogs; it is translated where it is used."""
    return message


ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
COMMANDS = ("start", "help", "report", "contacts", "language", "settings", "topics", "privacy", "forget")
WARSAW = ZoneInfo("Europe/Warsaw")
OFFER_SECONDS = 15 * 60
#: A shutdown waits this long for the updates in hand, then leaves the rest for Telegram to deliver
#: again (docker stop sends SIGKILL after 10 s).
DRAIN_SECONDS = 6.0
#: A group gets at most as many replies as Telegram lets a bot send it (20 a minute).
GROUP_PER_MINUTE = 20


@dataclass
class Services:
    """What every handler needs, reached through `services(context)`."""

    assistant: Assistant
    catalogs: Catalogs
    store: StoreGateway
    pseudonym: Pseudonymizer
    # Admins (BOT_ADMIN_IDS, in memory only), the knowledge directory for /reload.
    admin_ids: frozenset = frozenset()
    knowledge_dir: Path | None = None
    reload_seconds: float = 0.0
    # The file the container's HEALTHCHECK reads (see bot/health.py); None: no heartbeat.
    heartbeat: Path | None = None
    # Unanswered questions a resident may still choose to send to the editors: token -> (text, lang,
    # expiry). Only in memory, for a few minutes; never logged; kept only if the resident taps.
    offered: OrderedDict = field(default_factory=OrderedDict)
    # Whether a recent update may be from someone in danger (update id -> bool), read once per update.
    urgent_seen: OrderedDict = field(default_factory=OrderedDict)

    def offer(self, text: str, lang: str, resident: str) -> str:
        """A token for the "send to the editors" button of an unanswered question; it works only for
        the resident (pseudonym) it was offered to."""
        now = time.monotonic()
        for token in [t for t, offer in self.offered.items() if offer[2] < now]:
            del self.offered[token]
        while len(self.offered) > 1000:
            self.offered.popitem(last=False)
        token = secrets.token_urlsafe(9)
        self.offered[token] = (text, lang, now + OFFER_SECONDS, resident)
        return token

    def taken_offer(self, token: str, resident: str, keep: bool = False) -> tuple[str, str] | None:
        """(question, language) of a live offer made to this resident; None otherwise."""
        offer = self.offered.get(token)
        if offer is None or offer[2] < time.monotonic() or offer[3] != resident:
            return None
        if not keep:
            del self.offered[token]
        return offer[0], offer[1]


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The shared services stored on the application."""
    return context.application.bot_data["services"]


def _markup(rows: list[list[render.Button]]) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data) for label, data in row]
                                 for row in rows])


async def interface_language(update: Update, svc: Services) -> str:
    """The resident's chosen language, else Telegram's language_code, else Polish."""
    user = update.effective_user
    if user is None:
        return "pl"
    return await svc.store.language(svc.pseudonym(user.id)) or negotiate(user.language_code) or "pl"


async def for_resident(update: Update, context: ContextTypes.DEFAULT_TYPE):
    """(services, interface language, gettext) for the resident behind an update."""
    svc = services(context)
    lang = await interface_language(update, svc)
    return svc, lang, svc.catalogs(lang).gettext


async def send_html(message: Message, text: str, rows: list[list[render.Button]] | None = None) -> Message:
    """Send HTML in parts below Telegram's limit; buttons go under the last part."""
    parts = render.split_message(text)
    sent = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        sent = await message.reply_text(part, parse_mode=ParseMode.HTML, do_quote=False,
                                        reply_markup=_markup(rows or []) if last else None,
                                        disable_web_page_preview=True)
    return sent


# -- commands -------------------------------------------------------------------------------

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome, or open an entry directly from a deep link (t.me/<bot>?start=<entry-id>)."""
    svc = services(context)
    lang = await interface_language(update, svc)
    payload = context.args[0] if context.args else ""
    if payload:
        reply = svc.assistant.answer(payload, lang)
        if reply is not None:
            await send_reply(update.effective_message, reply, svc)
            return
    _ = svc.catalogs(lang).gettext
    text = _("Hello! I answer questions about equal treatment and discrimination in Kraków and tell you "
             "where to get help. Write your question in your own words, in Polish or English.\n\n"
             "I am not a lawyer and I do not replace the police: in danger, call 112.\n\n"
             "I do not keep the text of your messages. /privacy explains what I store.")
    await send_html(update.effective_message, html.escape(text), render.topics_keyboard(svc.assistant.knowledge, lang))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What the bot can do and its commands."""
    svc, _lang, _ = await for_resident(update, context)
    text = _("Ask a question in your own words, e.g. \"where do I report discrimination at work?\".\n\n"
             "/report – where to report discrimination, step by step\n"
             "/topics – browse the topics\n/contacts – help numbers, open now or not\n/language – Polish or English\n/privacy – what I store\n"
             "/forget – erase what I store about you\n\nIn danger, call 112.")
    await send_html(update.effective_message, html.escape(text))


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the language choice."""
    svc, _lang, _ = await for_resident(update, context)
    await send_html(update.effective_message, html.escape(_("Choose your language:")), render.language_keyboard())


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Browse topic areas."""
    svc, lang, _ = await for_resident(update, context)
    await send_html(update.effective_message, html.escape(_("Choose a topic:")),
                    render.topics_keyboard(svc.assistant.knowledge, lang))


async def contacts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The help numbers card, each contact marked open or closed now (Kraków time)."""
    svc = services(context)
    lang = await interface_language(update, svc)
    now = datetime.now(WARSAW)
    text = render.contacts_html(svc.assistant.knowledge, lang, now.weekday(), now.hour * 60 + now.minute,
                                svc.catalogs(lang))
    await send_html(update.effective_message, text)


async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start the "where do I report this?" flow."""
    svc = services(context)
    lang = await interface_language(update, svc)
    step = render.report_step(svc.assistant.knowledge, f"r:{lang}", svc.catalogs(lang))
    if step is not None:
        await send_html(update.effective_message, step[0], step[1])


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
    await send_html(update.effective_message, html.escape(text))


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


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What is stored, why and for how long."""
    svc, _lang, _ = await for_resident(update, context)
    text = _("What I store, under a code computed from your Telegram account with a secret key – never your "
             "name, username, phone number or Telegram id:\n"
             "• your language choice, if you make one, and your 👍/👎 ratings of answers – until you use /forget;\n"
             "• a record of each reply: when, in which language, which answer or none – never what you wrote; "
             "deleted after {days} days;\n"
             "• how many messages you sent in the last minute (to slow down floods) – deleted after a day;\n"
             "• which of my messages answered which of yours, so an edited question updates its answer – "
             "deleted after 2 days.\n\n"
             "I do not store what you write – unless I could not answer and you tap \"Send this question "
             "anonymously to the editors\": then I first show you the question as the editors would see it – "
             "names, addresses, phone numbers, e-mails, links and ID numbers removed – and keep it only if you "
             "confirm: encrypted, not linked to you, deleted after 30 days. The removal is automatic and can miss "
             "something; send only what you are comfortable sharing.\n\n"
             "Why: to answer in the language you chose, to count how the assistant is used without knowing who "
             "uses it, and so editors see which answers need work and what residents could not find.\n\n"
             "Telegram itself keeps this chat on its servers; only you can delete it there.").format(
        days=svc.store.retention_days)
    await send_html(update.effective_message, html.escape(text))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for confirmation before erasing."""
    svc, _lang, _ = await for_resident(update, context)
    rows = [[(_("Yes, erase it"), "forget:yes"), (_("No"), "forget:no")]]
    await send_html(update.effective_message, html.escape(_("Erase everything I store about you?")), rows)


# -- who goes first, and floods -------------------------------------------------------------

def is_urgent(update: object, svc: Services, bot_username: str | None) -> bool:
    """True when an update is a message the bot answers and it may be from someone in danger: it
    then waits behind no one (cheap: the danger check alone; remembered for the update's handlers)."""
    if not isinstance(update, Update) or update.effective_message is None or bot_username is None:
        return False
    known = svc.urgent_seen.get(update.update_id)
    if known is not None:
        return known
    try:
        text = _addressed_text(update, bot_username)
        urgent = bool(text) and svc.assistant.is_crisis(text)
    except Exception as exc:  # never let the check itself stop an update
        log.error("danger pre-check failed: %s", type(exc).__name__)
        urgent = False
    svc.urgent_seen[update.update_id] = urgent
    while len(svc.urgent_seen) > 2000:
        svc.urgent_seen.popitem(last=False)
    return urgent


async def flood_gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before any handler: someone who may be in danger passes and gets the emergency card's
    delivery; everyone else, and every group, passes only within their flood budget — messages,
    commands and buttons alike."""
    svc = services(context)
    if is_urgent(update, svc, context.bot.username):
        deliver_urgently()
        return
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    in_group = chat.type != ChatType.PRIVATE
    if in_group and update.effective_message is not None and update.callback_query is None \
            and not (update.effective_message.text or "").startswith("/") \
            and _addressed_text(update, context.bot.username) is None:
        return  # a group conversation the bot does not answer costs nothing
    verdict = await svc.store.flood_check(svc.pseudonym(user.id))
    if verdict == "ok" and in_group:
        group_verdict = await svc.store.flood_check(svc.pseudonym(f"group:{chat.id}"), limit=GROUP_PER_MINUTE)
        verdict = "drop" if group_verdict != "ok" else verdict
    if verdict == "ok":
        return
    if verdict == "notify" and not in_group and update.effective_message is not None:
        _svc, _lang, _ = await for_resident(update, context)
        await update.effective_message.reply_text(
            _("You are sending messages very fast; I will pause for a minute. In danger, call 112."), do_quote=False)
    raise ApplicationHandlerStop


# -- messages -------------------------------------------------------------------------------

def _addressed_text(update: Update, bot_username: str) -> str | None:
    """The text to answer, or None when a group message is not addressed to the bot."""
    message = update.effective_message
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{bot_username}".lower()
    replied = message.reply_to_message is not None and message.reply_to_message.from_user is not None \
        and message.reply_to_message.from_user.username == bot_username
    mentioned = any(e.type == MessageEntity.MENTION and message.parse_entity(e).lower() == mention
                    for e in message.entities or ())
    if not (mentioned or replied):
        return None
    return text.replace(f"@{bot_username}", " ").strip()


async def send_reply(message: Message, reply: Reply, svc: Services, edit_of: int | None = None,
                     question: str | None = None, resident: str | None = None) -> Message | None:
    """Render and send (or edit) the assistant's reply; an unanswered `question` in a private chat
    gets the button that sends it, anonymously, to the editors."""
    tr = svc.catalogs(reply.lang)
    text = render.reply_html(reply)
    rows = render.reply_keyboard(reply, svc.catalogs)
    if reply.outcome == "fallback" and question and resident and message.chat.type == ChatType.PRIVATE:
        rows.append([(tr.gettext("Send this question anonymously to the editors"),
                      f"fq:{svc.offer(question, reply.lang, resident)}")])
    if message.chat.type != ChatType.PRIVATE:
        username = message.get_bot().username
        text += "\n\n" + html.escape(tr.gettext("You can also ask me in a private chat: {link}").format(
            link=f"https://t.me/{username}"))
    if edit_of is not None:
        try:
            return await message.get_bot().edit_message_text(
                chat_id=message.chat_id, message_id=edit_of, text=render.split_message(text)[0],
                parse_mode=ParseMode.HTML, reply_markup=_markup(rows), disable_web_page_preview=True)
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return None
            raise
    return await send_html(message, text, rows)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question; crisis messages are answered before any storage is touched."""
    started = time.perf_counter()
    svc = services(context)
    message = update.effective_message
    text = _addressed_text(update, context.bot.username)
    if text is None:
        return
    user = update.effective_user
    telegram_lang = negotiate(user.language_code) if user else None
    reply = svc.assistant.reply(text, telegram_lang)
    if reply.outcome == "crisis":
        deliver_urgently()
    else:
        chosen = await interface_language(update, svc) if user else None
        if chosen and chosen != telegram_lang:
            reply = svc.assistant.reply(text, chosen)
    message_key = svc.pseudonym(f"{message.chat_id}:{message.message_id}")  # no ids stored, even here
    edit_of = await svc.store.reply_for(message_key) if update.edited_message and reply.outcome != "crisis" else None
    latency_ms = int((time.perf_counter() - started) * 1000)
    log.debug("update %s: %s in %s (entry %s, score %.2f) after %d ms", update.update_id, reply.outcome,
              reply.lang, reply.entry_id, reply.score, latency_ms)
    event = None
    if user is not None:
        band = render.confidence_band(reply.score) if reply.outcome in ("answer", "suggest") else None
        event = (svc.pseudonym(user.id), "reply", message.chat.type, reply.lang, reply.outcome, reply.entry_id,
                 band, latency_ms)
        if reply.outcome != "crisis":  # recorded before the answer leaves, so a crash cannot lose it
            await svc.store.log_event(*event)
    resident = svc.pseudonym(user.id) if user is not None else None
    sent = await send_reply(message, reply, svc, edit_of, question=text, resident=resident)
    if len(message.text or "") > MAX_CHARS:
        await message.reply_text(svc.catalogs(reply.lang).gettext(
            "Your message was very long; I read only its beginning."), do_quote=False)
    if sent is not None and edit_of is None:
        await svc.store.remember_reply(message_key, sent.message_id, resident)
    if event is not None and reply.outcome == "crisis":  # the emergency card goes out before any storage
        await svc.store.log_event(*event)


async def on_other_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like in a private chat: say that only text is read."""
    svc, _lang, _ = await for_resident(update, context)
    await send_html(update.effective_message, html.escape(
        _("I can only read text messages. Write your question in words, please. In danger, call 112.")))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command gets the help text."""
    await help_command(update, context)


# -- buttons --------------------------------------------------------------------------------

async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every button: answered at once, data parsed defensively (it may be forged or outdated)."""
    query = update.callback_query
    try:
        await query.answer()
    except BadRequest:  # "query is too old": still act on the tap
        pass
    svc = services(context)
    data = query.data or ""
    kind, _, rest = data.partition(":")
    log.debug("update %s: button %s", update.update_id,
              kind if kind in ("e", "t", "r", "fq", "fs", "fc", "fb", "why", "lang", "forget") else "(unknown)")
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        return
    if kind == "e":
        lang, _, entry_id = rest.partition(":")
        reply = svc.assistant.answer(entry_id, lang if lang in ("pl", "en") else "pl")
        if reply is not None:
            await send_reply(message, reply, svc)
            return
    elif kind == "t":
        lang, _, topic = rest.partition(":")
        lang = lang if lang in ("pl", "en") else "pl"
        rows = render.topic_entries_keyboard(svc.assistant.knowledge, topic, lang)
        if rows:
            await send_html(message, html.escape(svc.catalogs(lang).gettext("Choose a question:")), rows)
            return
    elif kind == "r":
        lang = rest.partition(":")[0]
        step = render.report_step(svc.assistant.knowledge, data, svc.catalogs(lang if lang in ("pl", "en") else "pl"))
        if step is not None:
            text, rows, danger = step
            if danger:
                crisis = svc.assistant.crisis_reply(lang)
                await send_html(message, html.escape(crisis.text))
            await send_html(message, text, rows)
            return
    elif kind in ("fq", "fs", "fc"):
        # fq: show what the editors would see; fs: the resident confirms and it is kept; fc: not kept.
        offered = svc.taken_offer(rest, svc.pseudonym(query.from_user.id), keep=kind == "fq")
        if offered is None:
            lang = await interface_language(update, svc)
            await send_html(message, html.escape(svc.catalogs(lang).gettext(
                "This question is no longer kept in memory, so it was not sent. You can ask it again.")))
            return
        question, lang = offered
        kept = redact(question)
        _ = svc.catalogs(lang).gettext
        if kind == "fq":
            text = _("The editors would see only this, without anything that identifies you; it is deleted after "
                     "30 days: “{text}”. Send it?").format(text=kept)
            await send_html(message, html.escape(text), [[(_("Send it"), f"fs:{rest}"), (_("Do not send"), f"fc:{rest}")]])
            return
        if kind == "fc":
            await send_html(message, html.escape(_("Not sent. Nothing was kept.")))
            return
        if await svc.store.add_sample(kept, lang):
            text = _("Thank you. The editors will see it; it is deleted after 30 days.")
        else:
            text = _("I could not save the question right now; please try again later.")
        await send_html(message, html.escape(text))
        return
    elif kind == "fb":
        entry_id, _, value = rest.rpartition(":")
        if svc.assistant.knowledge.entry(entry_id) is not None and value in ("0", "1"):
            await svc.store.record_feedback(svc.pseudonym(query.from_user.id), entry_id, value == "1")
            lang = await interface_language(update, svc)
            await send_html(message, html.escape(svc.catalogs(lang).gettext(
                "Thank you! Your rating helps the editors improve the answers.")))
            return
    elif kind == "why":
        lang = rest.partition(":")[0]
        text = render.why_text(svc.assistant.knowledge, data, svc.catalogs(lang if lang in ("pl", "en") else "pl"))
        if text:
            await send_html(message, html.escape(text))
            return
    elif kind == "lang" and rest in ("pl", "en"):
        stored = await svc.store.set_language(svc.pseudonym(query.from_user.id), rest)
        await svc.store.log_event(svc.pseudonym(query.from_user.id), "language", message.chat.type, rest)
        _ = svc.catalogs(rest).gettext
        text = _("I will answer in English when your language is unclear.") if stored else _("I could not save your choice right now; please try again later.")
        await send_html(message, html.escape(text))
        return
    elif kind == "forget" and rest in ("yes", "no"):
        lang = await interface_language(update, svc)
        _ = svc.catalogs(lang).gettext
        if rest == "no":
            await send_html(message, html.escape(_("Nothing was erased.")))
            return
        deleted = await svc.store.forget(svc.pseudonym(query.from_user.id))
        if deleted is None:
            text = _("I could not erase it right now; please try again later.")
        else:
            n = sum(deleted.values())
            text = svc.catalogs(lang).ngettext(
                "Erased {n} record (your language choice and ratings). I cannot erase this chat from "
                "Telegram's servers (you can delete it in Telegram), nor questions you sent anonymously to "
                "the editors: they are not linked to you and are deleted after 30 days.",
                "Erased {n} records (your language choice and ratings). I cannot erase this chat from "
                "Telegram's servers (you can delete it in Telegram), nor questions you sent anonymously to "
                "the editors: they are not linked to you and are deleted after 30 days.", n).format(n=n)
        await send_html(message, html.escape(text))
        return
    lang = await interface_language(update, svc)
    await send_html(message, html.escape(svc.catalogs(lang).gettext(
        "This button no longer works. Please ask your question again.")))


# -- errors and wiring ----------------------------------------------------------------------

async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception type and update id only (never content), and apologise to the resident."""
    if update is None and isinstance(context.error, NetworkError):  # polling could not reach Telegram
        log.warning("Telegram unreachable (%s); retrying", type(context.error).__name__)
        return
    update_id = getattr(update, "update_id", None)
    log.error("handler error %s in update %s", type(context.error).__name__, update_id)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            svc = services(context)
            lang = await interface_language(update, svc)
            await update.effective_message.reply_text(svc.catalogs(lang).gettext(
                "Sorry, something went wrong on my side. Please try again; in danger, call 112."), do_quote=False)
        except Exception as exc:  # the apology must not raise in turn
            log.error("apology failed: %s", type(exc).__name__)


async def post_init(application: Application) -> None:
    """Command menus and descriptions in both languages; the knowledge watcher."""
    svc: Services = application.bot_data["services"]
    svc.store.on_trouble = storage_trouble_notice(application)
    if svc.heartbeat is not None:
        application.bot_data["beating"] = asyncio.create_task(beat(application))
    if svc.knowledge_dir is not None and svc.reload_seconds > 0:
        application.bot_data["watcher"] = asyncio.create_task(watch_knowledge(application, svc.reload_seconds))
    catalogs: Catalogs = application.bot_data["services"].catalogs
    descriptions = {
        "start": N_("Start / welcome"), "help": N_("What I can do"), "language": N_("Polish or English"),
        "settings": N_("Settings"), "topics": N_("Browse topics"), "privacy": N_("What I store"),
        "forget": N_("Erase my data"), "contacts": N_("Help numbers"),
        "report": N_("Where to report discrimination"),
    }
    for lang in ("en", "pl"):
        _ = catalogs(lang).gettext
        commands = [BotCommand(name, _(descriptions[name])) for name in COMMANDS]
        await application.bot.set_my_commands(commands=commands, language_code=None if lang == "en" else lang)
        await application.bot.set_my_description(description=_(
            "I answer questions about equal treatment and discrimination in Kraków, in Polish or English, "
            "and tell you where to get help. Every answer names its source. In danger, call 112."),
            language_code=None if lang == "en" else lang)
        await application.bot.set_my_short_description(
            short_description=_("Equality and anti-discrimination help for Kraków residents."),
            language_code=None if lang == "en" else lang)


async def post_stop(application: Application) -> None:
    """Stop the knowledge watcher and the heartbeat."""
    for task in ("watcher", "beating"):
        running = application.bot_data.pop(task, None)
        if running is not None:
            running.cancel()


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
    try:
        health.write_heartbeat(svc.heartbeat, context.bot_data.get("mode", "polling"), TrackedRequest.last_ok)
    except OSError as exc:
        log.warning("heartbeat not written: %s", type(exc).__name__)


class ServingReplicaBot(ExtBot):
    """A replica behind the load balancer that serves webhook updates but leaves the webhook itself
    to the one replica that owns it (BOT_WEBHOOK_OWNER=no): it never calls setWebhook."""

    async def set_webhook(self, *args, **kwargs) -> bool:
        log.info("webhook left to the owning replica (BOT_WEBHOOK_OWNER=no)")
        return True


class TrackedRequest(HTTPXRequest):
    """The Bot API connection, remembering when Telegram last answered (any HTTP response)."""

    last_ok: float | None = None

    async def do_request(self, *args, **kwargs):
        result = await super().do_request(*args, **kwargs)
        TrackedRequest.last_ok = time.time()
        return result


def build_application(config: Config, svc: Services, request: BaseRequest | None = None) -> Application:
    """The python-telegram-bot Application with every handler registered (`request`: for tests)."""
    serving_only = bool(config.webhook_url) and not config.webhook_owner
    bot = (ServingReplicaBot if serving_only else ExtBot)(
        token=config.token, base_url=f"{config.api_url}/bot", base_file_url=f"{config.api_url}/file/bot",
        request=request or TrackedRequest(connection_pool_size=64),
        get_updates_request=request or TrackedRequest(connection_pool_size=4),
        rate_limiter=FairRateLimiter())
    # No Updater: bot.telegram.polling and bot.telegram.webhook fetch, and confirm only what is handled.
    application = Application.builder().bot(bot).updater(None).post_init(post_init).post_stop(post_stop).build()
    application.bot_data["services"] = svc
    private = filters.ChatType.PRIVATE
    residents = filters.UpdateType.MESSAGES  # messages and their edits; never channel posts
    application.add_handler(TypeHandler(Update, flood_gate), group=-1)
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler(["language", "settings"], language))
    application.add_handler(CommandHandler("topics", topics))
    application.add_handler(CommandHandler("contacts", contacts))
    application.add_handler(CommandHandler("report", report))
    application.add_handler(CommandHandler("privacy", privacy))
    admin_only = private & filters.UpdateType.MESSAGE  # never in a group, never from an edited message
    application.add_handler(CommandHandler("stats", stats, filters=admin_only))
    application.add_handler(CommandHandler("reload", reload_knowledge, filters=admin_only))
    application.add_handler(CommandHandler("forget", forget))
    application.add_handler(CallbackQueryHandler(on_callback))
    application.add_handler(MessageHandler(residents & filters.TEXT & ~filters.COMMAND, on_text))
    application.add_handler(MessageHandler(residents & filters.COMMAND & private, unknown_command))
    application.add_handler(MessageHandler(residents & ~filters.TEXT & ~filters.COMMAND & private
                                           & ~filters.StatusUpdate.ALL, on_other_message))
    application.add_handler(TypeHandler(Heartbeat, on_heartbeat))
    application.add_error_handler(on_error)
    return application


def quiet_loggers() -> None:
    """httpx logs request URLs (with the token) at INFO; PTB logs payloads at DEBUG."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def run(config: Config, svc: Services) -> None:
    """Run until SIGINT/SIGTERM: long polling, or a webhook when BOT_WEBHOOK_URL is set."""
    quiet_loggers()
    for handler in logging.getLogger().handlers:
        harden(handler)
    application = build_application(config, svc)
    application.bot_data["mode"] = "webhook" if config.webhook_url else "polling"
    asyncio.run(serve(application, config, svc))


async def serve(application: Application, config: Config, svc: Services) -> None:
    """Connect, fetch and handle updates until asked to stop; stop within DRAIN_SECONDS and a little."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    if not await connect(application, config, stopping):
        return
    dispatcher = Dispatcher(application.process_update,
                            lambda update: is_urgent(update, svc, application.bot.username))
    await application.post_init(application)
    await application.start()
    application.bot_data["dispatcher"] = dispatcher
    poller = webhook = None
    try:
        if config.webhook_url:
            await application.bot.set_webhook(url=config.webhook_url, secret_token=config.webhook_secret,
                                              allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False,
                                              max_connections=100)
            webhook = WebhookServer(application.bot, dispatcher, urlparse(config.webhook_url).path,
                                    config.webhook_secret, config.webhook_listen, config.webhook_port, svc.store)
            webhook.start()
            log.info("serving the webhook on %s:%d", config.webhook_listen, config.webhook_port)
            await stopping.wait()
        else:
            await application.bot.delete_webhook(drop_pending_updates=False)
            poller = Poller(application.bot, dispatcher, ALLOWED_UPDATES, svc.store)
            log.info("polling for updates")
            await poller.run(stopping)
    except (InvalidToken, Forbidden) as exc:
        log.error("Telegram refuses the bot token (%s); check TELEGRAM_BOT_TOKEN", type(exc).__name__)
    finally:
        if webhook is not None:
            await webhook.stop()
        cut = await dispatcher.drain(DRAIN_SECONDS)
        if poller is not None:
            await poller.confirm()
        if cut:
            log.warning("stopped with %d update(s) unfinished; Telegram delivers them again", cut)
        await _bounded(application.stop(), 2.0)
        await post_stop(application)
        await _bounded(application.shutdown(), 2.0)


async def connect(application: Application, config: Config, stopping: asyncio.Event) -> bool:
    """Reach Telegram (getMe), retrying while it is unreachable with one line a minute; False when
    asked to stop first. A token Telegram refuses is a configuration error."""
    quiet_until = 0.0
    while not stopping.is_set():
        try:
            await application.initialize()
            log.info("connected to Telegram as @%s", application.bot.username)
            return True
        except (InvalidToken, Forbidden):
            raise ConfigError("TELEGRAM_BOT_TOKEN: Telegram refuses this token; copy it again from @BotFather.") from None
        except NetworkError as exc:
            now = time.monotonic()
            if now >= quiet_until:
                log.warning("Telegram cannot be reached at %s (%s); retrying every 5 s", config.api_url,
                            type(exc).__name__)
                quiet_until = now + 60
            try:
                await asyncio.wait_for(stopping.wait(), 5.0)
            except asyncio.TimeoutError:
                pass
    return False


async def _bounded(step, seconds: float) -> None:
    try:
        await asyncio.wait_for(step, seconds)
    except (asyncio.TimeoutError, RuntimeError):
        pass
