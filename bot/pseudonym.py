"""Keyed pseudonyms of Telegram users: HMAC-SHA256, so no stored value leads back to a user id."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path


def load_key(secret: str | None, key_file: Path) -> bytes:
    """The key: BOT_SECRET when set, else a random key generated once into `key_file` (mode 0600)."""
    if secret:
        return secret.encode("utf-8")
    try:
        return bytes.fromhex(key_file.read_text().strip())
    except FileNotFoundError:
        pass
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key.hex())
    return key


def load_sample_key(key_file: Path) -> bytes:
    """The Fernet key that encrypts residents' questions kept for the editors: generated once into
    `key_file` (mode 0600), kept apart from the database."""
    from cryptography.fernet import Fernet

    try:
        return key_file.read_bytes().strip()
    except FileNotFoundError:
        pass
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


class Pseudonymizer:
    """Turns a Telegram user id into a stable pseudonym that cannot be reversed without the key."""

    def __init__(self, key: bytes):
        self._key = key

    def __call__(self, user_id: int) -> str:
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()
