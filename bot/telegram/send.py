"""Sending to Telegram: HTML in parts below its limit, plain text escaped once, keyboards, the assistant's replies."""

from __future__ import annotations

import html
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot.core.model import Reply
from bot.telegram import render
from bot.telegram.callback_data import ShowOffer, pack
from bot.telegram.services import Services

log = logging.getLogger(__name__)


def keyboard(rows: list[list[render.Button]]) -> InlineKeyboardMarkup | None:
    """Telegram's inline keyboard for (label, callback data) rows; None for no rows."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def send_html(message: Message, text: str, rows: list[list[render.Button]] | None = None) -> Message:
    """Send HTML in parts below Telegram's limit; buttons go under the last part."""
    parts = render.split_message(text)
    sent: Message | None = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        sent = await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            do_quote=False,
            reply_markup=keyboard(rows or []) if last else None,
            disable_web_page_preview=True,
        )
    assert sent is not None, "split_message gives at least one part"
    return sent


async def send_text(message: Message, text: str, rows: list[list[render.Button]] | None = None) -> Message:
    """Send plain text (escaped here, once) like `send_html`."""
    return await send_html(message, html.escape(text), rows)


async def send_reply(
    message: Message,
    reply: Reply,
    svc: Services,
    edit_of: int | None = None,
    question: str | None = None,
    resident: str | None = None,
) -> Message | None:
    """Render and send (or edit) the assistant's reply; an unanswered `question` in a private chat
    gets the button that sends it, anonymously, to the editors."""
    tr = svc.catalogs(reply.lang)
    text = render.reply_html(reply)
    rows = render.reply_keyboard(reply, svc.catalogs)
    if reply.outcome == "fallback" and question and resident and message.chat.type == ChatType.PRIVATE:
        rows.append(
            [
                (
                    tr.gettext("Send this question anonymously to the editors"),
                    pack(ShowOffer(svc.offer(question, reply.lang, resident))),
                )
            ]
        )
    if message.chat.type != ChatType.PRIVATE:
        username = message.get_bot().username
        text += "\n\n" + html.escape(
            tr.gettext("You can also ask me in a private chat: {link}").format(link=f"https://t.me/{username}")
        )
    if edit_of is not None:
        try:
            edited = await message.get_bot().edit_message_text(
                chat_id=message.chat_id,
                message_id=edit_of,
                text=render.split_message(text)[0],
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(rows),
                disable_web_page_preview=True,
            )
            return edited if isinstance(edited, Message) else None
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return None
            raise
    return await send_html(message, text, rows)
