"""What every handler reaches: the shared services and the resident's language, resolved once per update."""

from __future__ import annotations

import logging
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.core.assistant import Assistant
from bot.i18n import Catalogs, negotiate
from bot.storage.gateway import StoreGateway
from bot.storage.keys import Pseudonymizer

log = logging.getLogger(__name__)

#: How long an unanswered question may still be sent to the editors.
OFFER_SECONDS = 15 * 60
#: Services.languages has no entry for the update: its language was not read with its flood counter.
UNREAD = object()


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
    # How recent updates' texts were read (update id -> MessageReading, None: nothing to read): once per
    # update, by the urgent pre-check; kept only until the update's handler takes it or it is handled.
    readings: OrderedDict = field(default_factory=OrderedDict)
    # The resident's stored language choice (or None) as the flood gate read it with the flood
    # counter, per update id, so that the update's handlers need not read it again; dropped with the
    # update's reading once it is handled.
    languages: OrderedDict = field(default_factory=OrderedDict)

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


async def interface_language(update: Update, svc: Services) -> str:
    """The resident's chosen language, else Telegram's language_code, else Polish."""
    user = update.effective_user
    if user is None:
        return "pl"
    stored = svc.languages.get(update.update_id, UNREAD)
    if stored is UNREAD:
        stored = await svc.store.language(svc.pseudonym(user.id))
    return stored or negotiate(user.language_code) or "pl"


async def for_resident(update: Update, context: ContextTypes.DEFAULT_TYPE):
    """(services, interface language, gettext) for the resident behind an update."""
    svc = services(context)
    lang = await interface_language(update, svc)
    return svc, lang, svc.catalogs(lang).gettext


def message_of(update: Update) -> Message:
    """The message a message or command handler answers (python-telegram-bot types it optional: an
    update may carry none, but these handlers are registered only for updates that do)."""
    message = update.effective_message
    if message is None:
        raise ValueError(f"update {update.update_id} has no message to answer")
    return message
