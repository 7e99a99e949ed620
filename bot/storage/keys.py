"""Keyed pseudonyms of Telegram users (HMAC-SHA256, so no stored value leads back to a user id), and
replacing the data directory's two keys with the bot stopped: the samples key, re-encrypting the kept
questions, and the pseudonym key, re-keying stored rows so nothing links them to the old key (either store)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class KeyFileError(ValueError):
    """A key file exists but does not hold a key this bot wrote."""

    def __init__(self, key_file: Path, setting: str = "BOT_DATA_DIR"):
        super().__init__(
            f"{setting}: the key file {key_file} is damaged (it does not hold a key this bot wrote); "
            f"restore it from a backup - a new key cannot read what the old one protected."
        )


def write_key_file(key_file: Path, data: bytes, replace: bool = False) -> None:
    """Write a key file readable by its owner only: created once, or (`replace`) swapped atomically,
    so a crash leaves the old key or the new one, never half of either."""
    key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = key_file.with_name(key_file.name + ".tmp") if replace else key_file
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL), 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    if replace:
        os.replace(target, key_file)


def new_pseudonym_key() -> bytes:
    """A random pseudonym key, as key files hold it (hex text)."""
    return secrets.token_bytes(32).hex().encode("ascii")


def load_key(secret: str | None, key_file: Path, setting: str = "BOT_KEY_FILE") -> bytes:
    """The key: BOT_SECRET when set, else a random key generated once into `key_file` (mode 0600);
    `setting` names where the file comes from in an error."""
    if secret:
        return secret.encode("utf-8")
    try:
        key = bytes.fromhex(key_file.read_text().strip())
    except FileNotFoundError:
        key = None
    except (ValueError, UnicodeDecodeError):
        raise KeyFileError(key_file, setting) from None
    if key is not None:
        if len(key) < 16:
            raise KeyFileError(key_file, setting)
        return key
    text = new_pseudonym_key()
    write_key_file(key_file, text)
    return bytes.fromhex(text.decode("ascii"))


def load_sample_key(key_file: Path) -> bytes:
    """The Fernet key that encrypts residents' questions kept for the editors: generated once into
    `key_file` (mode 0600), kept apart from the database."""
    from cryptography.fernet import Fernet

    try:
        key = key_file.read_bytes().strip()
    except FileNotFoundError:
        key = None
    if key is not None:
        try:
            Fernet(key)
        except ValueError:
            raise KeyFileError(key_file) from None
        return key
    key = Fernet.generate_key()
    write_key_file(key_file, key)
    return key


class Pseudonymizer:
    """Turns a Telegram user id into a stable pseudonym that cannot be reversed without the key."""

    def __init__(self, key: bytes):
        self._key = key

    def __call__(self, user_id: int | str) -> str:
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()


def rotate_sample_key(store, key_file: Path) -> tuple[int, int]:
    """A new samples key; every kept question re-encrypted with it. (re-encrypted, unreadable) - the
    unreadable ones (encrypted with a key no longer at hand) are deleted: nobody can read them."""
    old = Fernet(key_file.read_bytes().strip())
    new_key = Fernet.generate_key()
    both = MultiFernet([Fernet(new_key), old])
    staged = key_file.with_name(key_file.name + ".new")  # if we crash after the commit, this one reads them
    write_key_file(staged, new_key, replace=True)

    def rotate(token: bytes) -> bytes | None:
        try:
            return both.rotate(token)
        except InvalidToken:
            return None

    counts = store.rotate_samples(rotate)
    os.replace(staged, key_file)
    return counts


def rekey_pseudonyms(store, key_file: Path | None) -> dict[str, int]:
    """Replace every stored pseudonym by a one-way hash with a salt that is then forgotten (counts
    stay right; no key, old or new, leads to the rows any more); language choices are deleted (they
    only serve the resident, who can choose again). With `key_file`, a new pseudonym key is written."""
    changed = store.rekey_pseudonyms(secrets.token_bytes(32))
    if key_file is not None:
        write_key_file(key_file, new_pseudonym_key(), replace=True)
    return changed
