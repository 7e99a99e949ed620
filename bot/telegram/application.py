"""The Telegram front end's wiring: the Application and its handlers, connecting, serving, stopping, errors."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.error import Forbidden, InvalidToken, NetworkError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Config, ConfigError
from bot.core.model import LANGS
from bot.i18n import Catalogs
from bot.telegram.admin import stats, storage_trouble_notice
from bot.telegram.bot_api_http import TrackedRequest, bot_api_request
from bot.telegram.buttons import on_callback
from bot.telegram.commands import (
    contacts,
    forget,
    help_command,
    language,
    privacy,
    report,
    start,
    topics,
    unknown_command,
)
from bot.telegram.dispatch import Dispatcher
from bot.telegram.heartbeat import Heartbeat, beat, on_heartbeat
from bot.telegram.knowledge_reload import reload_knowledge, watch_knowledge
from bot.telegram.limits import FairRateLimiter
from bot.telegram.log_redaction import harden
from bot.telegram.messages import flood_gate, forget_reading, is_urgent, on_other_message, on_text
from bot.telegram.polling import Poller
from bot.telegram.services import Services, interface_language, services
from bot.telegram.webhook import WebhookServer

__all__ = ["Services", "ServingReplicaBot", "TrackedRequest", "build_application", "run", "serve"]

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
COMMANDS = ("start", "help", "report", "contacts", "language", "settings", "topics", "privacy", "forget")
#: A shutdown waits this long for the updates in hand, then leaves the rest for Telegram to deliver
#: again (docker stop sends SIGKILL after 10 s).
DRAIN_SECONDS = 6.0


def N_(message: str) -> str:
    """Mark a string for the catalogs; it is translated where it is used."""
    return message


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
            await update.effective_message.reply_text(
                svc.catalogs(lang).gettext(
                    "Sorry, something went wrong on my side. Please try again; in danger, call 112."
                ),
                do_quote=False,
            )
        except Exception as exc:  # the apology must not raise in turn
            log.error("apology failed: %s", type(exc).__name__)


async def post_init(application: Application) -> None:
    """Command menus and descriptions in every reply language (English also as the default); the knowledge watcher."""
    svc: Services = application.bot_data["services"]
    svc.store.on_trouble = storage_trouble_notice(application)
    if svc.heartbeat is not None:
        application.bot_data["beating"] = asyncio.create_task(beat(application))
    if svc.knowledge_dir is not None and svc.reload_seconds > 0:
        application.bot_data["watcher"] = asyncio.create_task(watch_knowledge(application, svc.reload_seconds))
    catalogs: Catalogs = application.bot_data["services"].catalogs
    descriptions = {
        "start": N_("Start / welcome"),
        "help": N_("What I can do"),
        "language": N_("Polish, English or Ukrainian"),
        "settings": N_("Settings"),
        "topics": N_("Browse topics"),
        "privacy": N_("What I store"),
        "forget": N_("Erase my data"),
        "contacts": N_("Help numbers"),
        "report": N_("Where to report discrimination"),
    }
    for lang in LANGS:
        _ = catalogs(lang).gettext
        commands = [BotCommand(name, _(descriptions[name])) for name in COMMANDS]
        await application.bot.set_my_commands(commands=commands, language_code=None if lang == "en" else lang)
        await application.bot.set_my_description(
            description=_(
                "I answer questions about equal treatment and discrimination in Kraków, in Polish, English or Ukrainian, "
                "and tell you where to get help. Every answer names its source. In danger, call 112."
            ),
            language_code=None if lang == "en" else lang,
        )
        await application.bot.set_my_short_description(
            short_description=_("Equality and anti-discrimination help for Kraków residents."),
            language_code=None if lang == "en" else lang,
        )


async def post_stop(application: Application) -> None:
    """Stop the knowledge watcher and the heartbeat."""
    for task in ("watcher", "beating"):
        running = application.bot_data.pop(task, None)
        if running is not None:
            running.cancel()


class ServingReplicaBot(ExtBot):
    """A replica behind the load balancer that serves webhook updates but leaves the webhook itself
    to the one replica that owns it (BOT_WEBHOOK_OWNER=no): it never calls setWebhook."""

    async def set_webhook(self, *args, **kwargs) -> bool:
        log.info("webhook left to the owning replica (BOT_WEBHOOK_OWNER=no)")
        return True


def build_application(config: Config, svc: Services, request: BaseRequest | None = None) -> Application:
    """The python-telegram-bot Application with every handler registered (`request`: for tests)."""
    serving_only = bool(config.webhook_url) and not config.webhook_owner
    bot = (ServingReplicaBot if serving_only else ExtBot)(
        token=config.token,
        base_url=f"{config.api_url}/bot",
        base_file_url=f"{config.api_url}/file/bot",
        request=request or bot_api_request(64),
        get_updates_request=request or bot_api_request(4),
        rate_limiter=FairRateLimiter(),
    )
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
    application.add_handler(
        MessageHandler(
            residents & ~filters.TEXT & ~filters.COMMAND & private & ~filters.StatusUpdate.ALL, on_other_message
        )
    )
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

    async def handle(update: object) -> None:
        try:
            await application.process_update(update)
        finally:
            forget_reading(update, svc)

    dispatcher = Dispatcher(handle, lambda update: is_urgent(update, svc, application.bot.username))
    assert application.post_init is not None, "build_application sets post_init"
    await application.post_init(application)
    await application.start()
    application.bot_data["dispatcher"] = dispatcher
    poller = webhook = None
    refused = False
    try:
        if config.webhook_url:
            await application.bot.set_webhook(
                url=config.webhook_url,
                secret_token=config.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
                max_connections=100,
            )
            webhook = WebhookServer(
                application.bot,
                dispatcher,
                urlparse(config.webhook_url).path,
                config.webhook_secret,
                config.webhook_listen,
                config.webhook_port,
                svc.store,
            )
            webhook.start()
            log.info("serving the webhook on %s:%d", config.webhook_listen, config.webhook_port)
            await stopping.wait()
        else:
            await application.bot.delete_webhook(drop_pending_updates=False)
            poller = Poller(application.bot, dispatcher, ALLOWED_UPDATES, svc.store)
            log.info("polling for updates")
            await poller.run(stopping)
    except (InvalidToken, Forbidden):
        refused = True  # the updates in hand are still answered (a send may work); nothing can be confirmed
    finally:
        if webhook is not None:
            await webhook.stop()
        cut = await dispatcher.drain(DRAIN_SECONDS)
        if poller is not None and not refused:
            await poller.confirm()
        if cut:
            log.warning("stopped with %d update(s) unfinished; Telegram delivers them again", cut)
        await _bounded(application.stop(), 2.0)
        await post_stop(application)
        await _bounded(application.shutdown(), 2.0)
    if refused:  # a failure exit status, so that a supervisor reports it rather than taking it for a stop
        raise ConfigError("TELEGRAM_BOT_TOKEN: Telegram stopped accepting this token; copy it again from @BotFather.")


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
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN: Telegram refuses this token; copy it again from @BotFather."
            ) from None
        except NetworkError as exc:
            now = time.monotonic()
            if now >= quiet_until:
                log.warning(
                    "Telegram cannot be reached at %s (%s); retrying every 5 s", config.api_url, type(exc).__name__
                )
                quiet_until = now + 60
            try:
                await asyncio.wait_for(stopping.wait(), 5.0)
            except TimeoutError:
                pass
    return False


async def _bounded(step, seconds: float) -> None:
    try:
        await asyncio.wait_for(step, seconds)
    except (TimeoutError, RuntimeError):
        pass
