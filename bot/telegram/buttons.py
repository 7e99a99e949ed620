"""What a tapped button does: one handler per kind of button, its data read defensively (it may be forged or outdated)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core.redact import redact
from bot.telegram import render
from bot.telegram.callback_data import (
    ChooseLanguage,
    DropOffer,
    Forget,
    OpenEntry,
    OpenTopic,
    Rate,
    ReportStep,
    SendOffer,
    ShowOffer,
    WhyThisAnswer,
    kind,
    pack,
    unpack,
)
from bot.telegram.send import send_html, send_reply, send_text
from bot.telegram.services import Services, interface_language, services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tap:
    """A tapped button: its update and context, the services, the message the button was under."""

    update: Update
    context: ContextTypes.DEFAULT_TYPE
    svc: Services
    message: Message

    @property
    def resident(self) -> str:
        """The pseudonym of the resident who tapped."""
        query = self.update.callback_query
        assert query is not None, "a Tap is made for callback queries only"
        return self.svc.pseudonym(query.from_user.id)

    async def language(self) -> str:
        """The resident's interface language."""
        return await interface_language(self.update, self.svc)


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every button: answered at once, then handled by the handler of its kind; data that is not one
    of ours, or names what no longer exists, gets "this button no longer works"."""
    query = update.callback_query
    if query is None:  # registered for callback queries only
        return
    try:
        await query.answer()
    except BadRequest:  # "query is too old": still act on the tap
        pass
    data = query.data or ""
    log.debug("update %s: button %s", update.update_id, kind(data) or "(unknown)")
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        return
    tap = Tap(update, context, services(context), message)
    button = unpack(data)
    handler = HANDLERS.get(type(button))
    if handler is not None and await handler(button, tap):
        return
    lang = await tap.language()
    await send_text(
        message, tap.svc.catalogs(lang).gettext("This button no longer works. Please ask your question again.")
    )


# Each handler returns False when the button names what does not exist (any more), True when it answered.


async def open_entry(button: OpenEntry, tap: Tap) -> bool:
    """An entry's answer, like a reply to a question."""
    reply = tap.svc.assistant.answer(button.entry, button.lang)
    if reply is None:
        return False
    await send_reply(tap.message, reply, tap.svc)
    return True


async def open_topic(button: OpenTopic, tap: Tap) -> bool:
    """The questions of a topic area, one button each."""
    rows = render.topic_entries_keyboard(tap.svc.assistant.knowledge, button.topic, button.lang)
    if not rows:
        return False
    await send_text(tap.message, tap.svc.catalogs(button.lang).gettext("Choose a question:"), rows)
    return True


async def report_step(button: ReportStep, tap: Tap) -> bool:
    """The next step of the /report flow; the emergency card first when someone is in danger."""
    step = render.report_step(tap.svc.assistant.knowledge, button, tap.svc.catalogs(button.lang))
    if step is None:
        return False
    text, rows, danger = step
    if danger:
        await send_text(tap.message, tap.svc.assistant.crisis_reply(button.lang).text)
    await send_html(tap.message, text, rows)
    return True


async def _offered(token: str, tap: Tap, keep: bool) -> tuple[str, str] | None:
    """(question, language) of the resident's live offer; None, after saying so, when it is gone."""
    offered = tap.svc.taken_offer(token, tap.resident, keep=keep)
    if offered is None:
        lang = await tap.language()
        await send_text(
            tap.message,
            tap.svc.catalogs(lang).gettext(
                "This question is no longer kept in memory, so it was not sent. You can ask it again."
            ),
        )
    return offered


async def show_offer(button: ShowOffer, tap: Tap) -> bool:
    """Show an unanswered question as the editors would see it, and ask before sending it."""
    offered = await _offered(button.token, tap, keep=True)
    if offered is not None:
        question, lang = offered
        _ = tap.svc.catalogs(lang).gettext
        text = _(
            "The editors would see only this, without anything that identifies you; it is deleted after "
            "30 days: “{text}”. Send it?"
        ).format(text=redact(question))
        await send_text(
            tap.message,
            text,
            [[(_("Send it"), pack(SendOffer(button.token))), (_("Do not send"), pack(DropOffer(button.token)))]],
        )
    return True


async def send_offer(button: SendOffer, tap: Tap) -> bool:
    """The resident confirmed: keep the redacted question for the editors."""
    offered = await _offered(button.token, tap, keep=False)
    if offered is not None:
        question, lang = offered
        _ = tap.svc.catalogs(lang).gettext
        if await tap.svc.store.add_sample(redact(question), lang):
            text = _("Thank you. The editors will see it; it is deleted after 30 days.")
        else:
            text = _("I could not save the question right now; please try again later.")
        await send_text(tap.message, text)
    return True


async def drop_offer(button: DropOffer, tap: Tap) -> bool:
    """The resident declined: forget the question."""
    offered = await _offered(button.token, tap, keep=False)
    if offered is not None:
        await send_text(tap.message, tap.svc.catalogs(offered[1]).gettext("Not sent. Nothing was kept."))
    return True


async def rate(button: Rate, tap: Tap) -> bool:
    """Record a 👍 or 👎 for an answer."""
    if tap.svc.assistant.knowledge.entry(button.entry) is None:
        return False
    await tap.svc.store.record_feedback(tap.resident, button.entry, button.helpful)
    lang = await tap.language()
    await send_text(
        tap.message, tap.svc.catalogs(lang).gettext("Thank you! Your rating helps the editors improve the answers.")
    )
    return True


async def why_this_answer(button: WhyThisAnswer, tap: Tap) -> bool:
    """Which question the resident's looked most like, and how sure the match was."""
    text = render.why_text(tap.svc.assistant.knowledge, button, tap.svc.catalogs(button.lang))
    if not text:
        return False
    await send_text(tap.message, text)
    return True


async def choose_language(button: ChooseLanguage, tap: Tap) -> bool:
    """Store the resident's language choice."""
    stored = await tap.svc.store.set_language(tap.resident, button.lang)
    await tap.svc.store.log_event(tap.resident, "language", tap.message.chat.type, button.lang)
    _ = tap.svc.catalogs(button.lang).gettext
    text = (
        _("I will answer in English when your language is unclear.")
        if stored
        else _("I could not save your choice right now; please try again later.")
    )
    await send_text(tap.message, text)
    return True


async def forget(button: Forget, tap: Tap) -> bool:
    """Erase what is stored about the resident, once they confirmed."""
    lang = await tap.language()
    _ = tap.svc.catalogs(lang).gettext
    if not button.confirmed:
        await send_text(tap.message, _("Nothing was erased."))
        return True
    deleted = await tap.svc.store.forget(tap.resident)
    if deleted is None:
        text = _("I could not erase it right now; please try again later.")
    else:
        n = sum(deleted.values())
        text = (
            tap.svc.catalogs(lang)
            .ngettext(
                "Erased {n} record (your language choice and ratings). I cannot erase this chat from "
                "Telegram's servers (you can delete it in Telegram), nor questions you sent anonymously to "
                "the editors: they are not linked to you and are deleted after 30 days.",
                "Erased {n} records (your language choice and ratings). I cannot erase this chat from "
                "Telegram's servers (you can delete it in Telegram), nor questions you sent anonymously to "
                "the editors: they are not linked to you and are deleted after 30 days.",
                n,
            )
            .format(n=n)
        )
    await send_text(tap.message, text)
    return True


HANDLERS: dict[type, Callable[..., Awaitable[bool]]] = {
    OpenEntry: open_entry,
    OpenTopic: open_topic,
    ReportStep: report_step,
    ShowOffer: show_offer,
    SendOffer: send_offer,
    DropOffer: drop_offer,
    Rate: rate,
    WhyThisAnswer: why_this_answer,
    ChooseLanguage: choose_language,
    Forget: forget,
}
