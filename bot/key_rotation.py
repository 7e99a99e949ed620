"""Replacing the two keys of the data directory (the bot stopped): the samples key, re-encrypting the
kept questions, and the pseudonym key, re-keying stored rows so nothing links them to the old key.
Works on either store (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.pseudonym import new_pseudonym_key, write_key_file


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
