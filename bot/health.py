"""The heartbeat file a running bot keeps fresh, and the check a container's HEALTHCHECK runs on it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

BEAT_SECONDS = 10.0  # how often the bot writes the file
MAX_AGE = 90.0  # older than this: updates are not being processed
TELEGRAM_MAX_SILENCE = 300.0  # polling: no answer from the Bot API for this long is unhealthy


def heartbeat_path(data_dir: Path) -> Path:
    return Path(data_dir) / "heartbeat.json"


def write_heartbeat(path: Path, mode: str, telegram_ok: float | None) -> None:
    """Record that an update went through the handlers just now (atomically: write, then rename)."""
    beat = {"processed": time.time(), "mode": mode, "telegram_ok": telegram_ok, "pid": os.getpid()}
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(beat), encoding="utf-8")
    os.replace(temporary, path)


def _read(path: Path) -> tuple[dict, float]:
    """The heartbeat and its time of processing; raises OSError, ValueError, KeyError or TypeError."""
    beat = json.loads(path.read_text(encoding="utf-8"))
    return beat, float(beat["processed"])


def seconds_since_processed(path: Path) -> float | None:
    """How long ago the running bot last processed an update; None without a readable heartbeat."""
    try:
        return time.time() - _read(path)[1]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check(path: Path, max_age: float = MAX_AGE, now: float | None = None) -> tuple[bool, str]:
    """(healthy, one line saying why) from the heartbeat file."""
    now = time.time() if now is None else now
    try:
        beat, processed = _read(path)
    except FileNotFoundError:
        return False, f"no heartbeat at {path}: the bot has not started (or BOT_DATA_DIR differs)"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return False, f"the heartbeat at {path} cannot be read ({type(exc).__name__})"
    age = now - processed
    if age > max_age:
        return False, f"no update processed for {age:.0f} s (limit {max_age:.0f} s): the bot is stuck or stopped"
    telegram_ok = beat.get("telegram_ok")
    polling = beat.get("mode") == "polling"
    if polling and (telegram_ok is None or now - float(telegram_ok) > TELEGRAM_MAX_SILENCE):
        silence = "never" if telegram_ok is None else f"not for {now - float(telegram_ok):.0f} s"
        return False, f"updates are processed, but Telegram answered {silence}: check the network"
    return True, f"ok: last update processed {age:.0f} s ago ({beat.get('mode')} mode)"
