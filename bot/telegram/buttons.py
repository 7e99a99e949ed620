"""What a tapped button does: every callback, its data read defensively (it may be forged or outdated)."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core.redact import redact
from bot.telegram import render
from bot.telegram.send import send_html, send_reply, send_text
from bot.telegram.services import interface_language, services

log = logging.getLogger(__name__)


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
            await send_text(message, svc.catalogs(lang).gettext("Choose a question:"), rows)
            return
    elif kind == "r":
        lang = rest.partition(":")[0]
        step = render.report_step(svc.assistant.knowledge, data, svc.catalogs(lang if lang in ("pl", "en") else "pl"))
        if step is not None:
            text, rows, danger = step
            if danger:
                crisis = svc.assistant.crisis_reply(lang)
                await send_text(message, crisis.text)
            await send_html(message, text, rows)
            return
    elif kind in ("fq", "fs", "fc"):
        # fq: show what the editors would see; fs: the resident confirms and it is kept; fc: not kept.
        offered = svc.taken_offer(rest, svc.pseudonym(query.from_user.id), keep=kind == "fq")
        if offered is None:
            lang = await interface_language(update, svc)
            await send_text(message, svc.catalogs(lang).gettext(
                "This question is no longer kept in memory, so it was not sent. You can ask it again."))
            return
        question, lang = offered
        kept = redact(question)
        _ = svc.catalogs(lang).gettext
        if kind == "fq":
            text = _("The editors would see only this, without anything that identifies you; it is deleted after "
                     "30 days: “{text}”. Send it?").format(text=kept)
            await send_text(message, text, [[(_("Send it"), f"fs:{rest}"), (_("Do not send"), f"fc:{rest}")]])
            return
        if kind == "fc":
            await send_text(message, _("Not sent. Nothing was kept."))
            return
        if await svc.store.add_sample(kept, lang):
            text = _("Thank you. The editors will see it; it is deleted after 30 days.")
        else:
            text = _("I could not save the question right now; please try again later.")
        await send_text(message, text)
        return
    elif kind == "fb":
        entry_id, _, value = rest.rpartition(":")
        if svc.assistant.knowledge.entry(entry_id) is not None and value in ("0", "1"):
            await svc.store.record_feedback(svc.pseudonym(query.from_user.id), entry_id, value == "1")
            lang = await interface_language(update, svc)
            await send_text(message, svc.catalogs(lang).gettext(
                "Thank you! Your rating helps the editors improve the answers."))
            return
    elif kind == "why":
        lang = rest.partition(":")[0]
        text = render.why_text(svc.assistant.knowledge, data, svc.catalogs(lang if lang in ("pl", "en") else "pl"))
        if text:
            await send_text(message, text)
            return
    elif kind == "lang" and rest in ("pl", "en"):
        stored = await svc.store.set_language(svc.pseudonym(query.from_user.id), rest)
        await svc.store.log_event(svc.pseudonym(query.from_user.id), "language", message.chat.type, rest)
        _ = svc.catalogs(rest).gettext
        text = _("I will answer in English when your language is unclear.") if stored else _("I could not save your choice right now; please try again later.")
        await send_text(message, text)
        return
    elif kind == "forget" and rest in ("yes", "no"):
        lang = await interface_language(update, svc)
        _ = svc.catalogs(lang).gettext
        if rest == "no":
            await send_text(message, _("Nothing was erased."))
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
        await send_text(message, text)
        return
    lang = await interface_language(update, svc)
    await send_text(message, svc.catalogs(lang).gettext(
        "This button no longer works. Please ask your question again."))
