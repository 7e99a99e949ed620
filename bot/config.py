"""Configuration from environment variables; a bad value stops start-up with one clear sentence."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,60}$")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Config:
    """Everything `equality-bot run` needs to know."""

    token: str
    api_url: str
    data_dir: Path
    database: Path | str  # a SQLite file, or a postgresql:// URL
    secret: str | None
    webhook_url: str | None
    webhook_secret: str | None
    webhook_listen: str
    webhook_port: int
    retention_days: int = 90
    admin_ids: frozenset[int] = frozenset()
    reload_seconds: float = 5.0
    log_level: str = "INFO"
    webhook_owner: bool = True  # False: a replica that serves the webhook but leaves setWebhook to another
    key_file: Path = Path("pseudonym.key")  # the pseudonym key when BOT_SECRET is not set (see key_file_location)
    key_file_warning: str | None = None  # for the operator: the key lies next to the database

    @property
    def sample_key_file(self) -> Path:
        """The key that encrypts questions residents send to the editors (apart from the database)."""
        return sample_key_path(self.data_dir)


def _url(name: str, value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} must be an http(s) URL such as https://api.telegram.org, not {value!r}.")
    return value.rstrip("/")


def sample_key_path(data_dir: Path) -> Path:
    """The key that encrypts questions residents send to the editors (apart from the database)."""
    return data_dir / "samples.key"


def _path(name: str, value: str) -> Path:
    if "\0" in value:
        raise ConfigError(f"{name} must be a file-system path; it contains a NUL character.")
    return Path(value).expanduser()


def data_directory(env: Mapping[str, str] | None = None) -> Path:
    """BOT_DATA_DIR: where the database, the samples key and the heartbeat live."""
    env = os.environ if env is None else env
    return _path("BOT_DATA_DIR", env.get("BOT_DATA_DIR", "data").strip() or "data")


def key_file_path(env: Mapping[str, str] | None = None) -> Path:
    """BOT_KEY_FILE: where the pseudonym key is generated when BOT_SECRET is not set. By default apart
    from BOT_DATA_DIR, so that a copy of the data directory or the database alone leads to no one:
    $XDG_CONFIG_HOME/equality-bot/pseudonym.key (~/.config/…); the container image sets /keys/pseudonym.key."""
    env = os.environ if env is None else env
    value = env.get("BOT_KEY_FILE", "").strip()
    if value:
        return _path("BOT_KEY_FILE", value)
    config_home = env.get("XDG_CONFIG_HOME", "").strip() or "~/.config"
    return _path("XDG_CONFIG_HOME", config_home) / "equality-bot" / "pseudonym.key"


def key_file_location(env: Mapping[str, str] | None = None) -> tuple[Path, str | None]:
    """The pseudonym key file to use, and a warning for the operator when it lies in the data directory.
    A key earlier versions generated in BOT_DATA_DIR stays in use until the operator moves it (a new
    key would cut every resident off from what is stored under their pseudonym)."""
    env = os.environ if env is None else env
    data_dir, configured = data_directory(env), key_file_path(env)
    old = data_dir / "pseudonym.key"
    if _inside(configured, data_dir):
        return configured, (
            f"the pseudonym key {configured} lies in BOT_DATA_DIR, next to the database: whoever "
            f"has both can tell which Telegram account is behind each pseudonym; set BOT_KEY_FILE "
            f"to a file outside {data_dir} and move the key there"
        )
    if old.is_file():
        if configured.exists():
            return configured, (
                f"an old copy of the pseudonym key lies next to the database ({old}); the bot uses "
                f"{configured}: check that the two are the same key, then delete {old}"
            )
        return old, (
            f"the pseudonym key {old} lies in BOT_DATA_DIR, next to the database: whoever has both can "
            f"tell which Telegram account is behind each pseudonym; stop the bot, move the file to "
            f"{configured} (or set BOT_KEY_FILE to where it should live), then start the bot again"
        )
    return configured, None


def _inside(path: Path, directory: Path) -> bool:
    try:
        return path.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):  # an unreadable or looping path: not provably inside
        return False


def database_path(env: Mapping[str, str] | None = None) -> Path | str:
    """BOT_DATABASE: a postgresql:// URL, or a SQLite file (default BOT_DATA_DIR/bot.sqlite3)."""
    env = dict(os.environ if env is None else env)
    database = env.get("BOT_DATABASE", "").strip()
    if database.startswith(("postgres://", "postgresql://")):
        return database
    if "://" in database:
        raise ConfigError(
            "BOT_DATABASE must be a file path (SQLite) or a postgresql:// URL, "
            f"not a {database.split('://')[0]}:// URL."
        )
    return _path("BOT_DATABASE", database) if database else data_directory(env) / "bot.sqlite3"


def retention_days(env: Mapping[str, str] | None = None) -> int:
    """BOT_RETENTION_DAYS: how long usage events are kept."""
    env = os.environ if env is None else env
    retention = env.get("BOT_RETENTION_DAYS", "90").strip()
    if not retention.isdigit() or not 1 <= int(retention) <= 3650:
        raise ConfigError(f"BOT_RETENTION_DAYS must be a number of days from 1 to 3650, not {retention!r}.")
    return int(retention)


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read and check the environment (see the README's table of variables)."""
    env = dict(os.environ if env is None else env)
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token there.")
    if not TOKEN.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then 30-60 letters, "
            "digits, '-' or '_'); copy it again from @BotFather."
        )
    api_url = _url("BOT_TELEGRAM_API_URL", env.get("BOT_TELEGRAM_API_URL", "https://api.telegram.org").strip())
    data_dir = data_directory(env)
    database = database_path(env)
    secret = env.get("BOT_SECRET", "").strip() or None
    if secret is not None and len(secret) < 16:
        raise ConfigError("BOT_SECRET must be at least 16 characters long (or unset, to generate a key file).")
    webhook_url = env.get("BOT_WEBHOOK_URL", "").strip() or None
    webhook_secret = env.get("BOT_WEBHOOK_SECRET", "").strip() or None
    if webhook_url:
        webhook_url = _url("BOT_WEBHOOK_URL", webhook_url)
        if not webhook_secret or not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", webhook_secret):
            raise ConfigError("BOT_WEBHOOK_SECRET must be set in webhook mode: 16-256 letters, digits, '-' or '_'.")
    port_text = env.get("BOT_WEBHOOK_PORT", "8443").strip()
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise ConfigError(f"BOT_WEBHOOK_PORT must be a port number from 1 to 65535, not {port_text!r}.")
    retention = retention_days(env)
    admins = [a.strip() for a in env.get("BOT_ADMIN_IDS", "").split(",") if a.strip()]
    if not all(a.lstrip("-").isdigit() for a in admins):
        raise ConfigError("BOT_ADMIN_IDS must be Telegram user ids (numbers) separated by commas.")
    reload_text = env.get("BOT_RELOAD_SECONDS", "5").strip()
    try:
        reload_seconds = float(reload_text)
        if not 0 <= reload_seconds <= 3600:
            raise ValueError
    except ValueError:
        raise ConfigError(f"BOT_RELOAD_SECONDS must be seconds from 0 (off) to 3600, not {reload_text!r}.") from None
    listen = env.get("BOT_WEBHOOK_LISTEN", "127.0.0.1").strip() or "127.0.0.1"
    try:
        ipaddress.ip_address(listen)
    except ValueError:
        if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?", listen):
            raise ConfigError(
                f"BOT_WEBHOOK_LISTEN must be an IP address such as 0.0.0.0 or a host name, not {listen!r}."
            ) from None
    log_level = env.get("BOT_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"BOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {log_level!r}.")
    owner_text = env.get("BOT_WEBHOOK_OWNER", "yes").strip().lower() or "yes"
    if owner_text not in ("yes", "no", "true", "false", "1", "0"):
        raise ConfigError(f"BOT_WEBHOOK_OWNER must be yes or no, not {owner_text!r}.")
    if isinstance(database, str) and secret is None:
        raise ConfigError(
            "BOT_SECRET must be set with a PostgreSQL BOT_DATABASE: every replica has to compute the same pseudonyms."
        )
    key_file, key_warning = key_file_location(env) if secret is None else (key_file_path(env), None)
    return Config(
        token,
        api_url,
        data_dir,
        database,
        secret,
        webhook_url,
        webhook_secret,
        listen,
        int(port_text),
        int(retention),
        frozenset(int(a) for a in admins),
        reload_seconds,
        log_level,
        owner_text in ("yes", "true", "1"),
        key_file,
        key_warning,
    )
