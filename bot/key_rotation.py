"""Replacing the two keys of the data directory (the bot stopped): the samples key, re-encrypting the
kept questions, and the pseudonym key, re-keying stored rows so nothing links them to the old key.
Works on either store (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


def _write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only, atomically (a crash leaves the old or the new)."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def rotate_sample_key(store, key_file: Path) -> tuple[int, int]:
    """A new samples key; every kept question re-encrypted with it. (re-encrypted, unreadable) - the
    unreadable ones (encrypted with a key no longer at hand) are deleted: nobody can read them."""
    old = Fernet(key_file.read_bytes().strip())
    new_key = Fernet.generate_key()
    both = MultiFernet([Fernet(new_key), old])
    staged = key_file.with_name(key_file.name + ".new")  # if we crash after the commit, this one reads them
    _write_private(staged, new_key)

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
        _write_private(key_file, secrets.token_bytes(32).hex().encode("ascii"))
    return changed
