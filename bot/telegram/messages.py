"""What residents write: text messages (answered by the assistant), the flood gate with its urgent pre-check, other kinds of message."""

from __future__ import annotations

import logging
import time

from telegram import MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.core.assistant import MessageReading
from bot.core.text import MAX_CHARS
from bot.i18n import negotiate
from bot.telegram import render
from bot.telegram.limits import deliver_urgently
from bot.telegram.send import send_reply, send_text
from bot.telegram.services import Services, for_resident, interface_language, message_of, services

log = logging.getLogger(__name__)

#: A group gets at most as many replies as Telegram lets a bot send it (20 a minute).
GROUP_PER_MINUTE = 20


def is_urgent(update: object, svc: Services, bot_username: str | None) -> bool:
    """True when an update is a message the bot answers and it may be from someone in danger: it
    then waits behind no one (cheap: the message is read once, and the reading kept for its handlers)."""
    if not isinstance(update, Update) or update.effective_message is None or bot_username is None:
        return False
    reading = reading_of(update, svc, bot_username)
    return reading is not None and reading.is_crisis


def reading_of(update: Update, svc: Services, bot_username: str) -> MessageReading | None:
    """The assistant's reading of the text an update asks the bot, read once per update and kept until
    its handler takes it; None when there is nothing to read (or the reading failed)."""
    if update.update_id in svc.readings:
        return svc.readings[update.update_id]
    try:
        text = _addressed_text(update, bot_username)
        reading = svc.assistant.read(text) if text else None
    except Exception as exc:  # never let the check itself stop an update
        log.error("danger pre-check failed: %s", type(exc).__name__)
        reading = None
    svc.readings[update.update_id] = reading
    while len(svc.readings) > 2000:
        svc.readings.popitem(last=False)
    return reading


def forget_reading(update: object, svc: Services) -> None:
    """Drop what was read of an update once it is handled: no message stays in memory."""
    update_id = getattr(update, "update_id", None)
    svc.readings.pop(update_id, None)
    svc.languages.pop(update_id, None)


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
    if (
        in_group
        and update.effective_message is not None
        and update.callback_query is None
        and not (update.effective_message.text or "").startswith("/")
        and _addressed_text(update, context.bot.username) is None
    ):
        return  # a group conversation the bot does not answer costs nothing
    verdict, svc.languages[update.update_id] = await svc.store.flood_check_and_language(svc.pseudonym(user.id))
    while len(svc.languages) > 2000:
        svc.languages.popitem(last=False)
    if verdict == "ok" and in_group:
        group_verdict = await svc.store.flood_check(svc.pseudonym(f"group:{chat.id}"), limit=GROUP_PER_MINUTE)
        verdict = "drop" if group_verdict != "ok" else verdict
    if verdict == "ok":
        return
    if verdict == "notify" and not in_group and update.effective_message is not None:
        _svc, _lang, _ = await for_resident(update, context)
        await update.effective_message.reply_text(
            _("You are sending messages very fast; I will pause for a minute. In danger, call 112."), do_quote=False
        )
    raise ApplicationHandlerStop


def _addressed_text(update: Update, bot_username: str) -> str | None:
    """The text to answer, or None when a group message is not addressed to the bot."""
    message = message_of(update)
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{bot_username}".lower()
    replied = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.username == bot_username
    )
    mentioned = any(
        e.type == MessageEntity.MENTION and message.parse_entity(e).lower() == mention for e in message.entities or ()
    )
    if not (mentioned or replied):
        return None
    return text.replace(f"@{bot_username}", " ").strip()


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question, read once; crisis messages are answered before any storage is touched."""
    started = time.perf_counter()
    svc = services(context)
    message = message_of(update)
    text = _addressed_text(update, context.bot.username)
    if text is None:
        return
    user = update.effective_user
    reading = svc.readings.pop(update.update_id, None) or svc.assistant.read(text)  # read by the pre-check
    if reading.is_crisis:
        deliver_urgently()
        reply = svc.assistant.respond(reading, negotiate(user.language_code) if user else None)
    else:
        reply = svc.assistant.respond(reading, await interface_language(update, svc) if user else None)
    message_key = svc.pseudonym(f"{message.chat_id}:{message.message_id}")  # no ids stored, even here
    edit_of = await svc.store.reply_for(message_key) if update.edited_message and reply.outcome != "crisis" else None
    latency_ms = int((time.perf_counter() - started) * 1000)
    log.debug(
        "update %s: %s in %s (entry %s, score %.2f) after %d ms",
        update.update_id,
        reply.outcome,
        reply.lang,
        reply.entry_id,
        reply.score,
        latency_ms,
    )
    event = None
    if user is not None:
        band = render.confidence_band(reply.score) if reply.outcome in ("answer", "suggest") else None
        event = (
            svc.pseudonym(user.id),
            "reply",
            message.chat.type,
            reply.lang,
            reply.outcome,
            reply.entry_id,
            band,
            latency_ms,
        )
        if reply.outcome != "crisis":  # queued (written with the next batch): counted even if the send fails
            await svc.store.log_event(*event)
    resident = svc.pseudonym(user.id) if user is not None else None
    sent = await send_reply(message, reply, svc, edit_of, question=text, resident=resident)
    if len(message.text or "") > MAX_CHARS:
        await message.reply_text(
            svc.catalogs(reply.lang).gettext("Your message was very long; I read only its beginning."), do_quote=False
        )
    if sent is not None and edit_of is None:  # everything is sent: the update is recorded as handled with it
        await svc.store.remember_reply(message_key, sent.message_id, resident, update.update_id)
    if event is not None and reply.outcome == "crisis":  # the emergency card goes out before anything is stored
        await svc.store.log_event(*event)


async def on_other_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like in a private chat: say that only text is read."""
    svc, _lang, _ = await for_resident(update, context)
    await send_text(
        message_of(update),
        _("I can only read text messages. Write your question in words, please. In danger, call 112."),
    )
