"""Redaction of what could identify someone in a question a resident chooses to send to the editors:
e-mail addresses, links, @handles, bank-account and card numbers, PESEL numbers, phone numbers."""

from __future__ import annotations

import re

_RULES = [
    ("[e-mail]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("[link]", re.compile(r"(?:https?://|www\.)\S+", re.I)),
    ("[handle]", re.compile(r"(?<![\w@])@\w{3,}")),
    # IBAN (PL and others) and 26-digit Polish account numbers, with or without spaces.
    ("[account number]", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[0-9A-Z]{4}){3,7}(?:[ ]?[0-9A-Z]{1,3})?\b|\b\d{2}(?:[ ]?\d{4}){6}\b")),
    # International phone numbers first, so "0048 600700800" is not taken for a card number.
    ("[phone]", re.compile(r"(?:\+|\b00)\d{2}[ -]?\d[\d \-]{7,}\d\b")),
    ("[card number]", re.compile(r"\b(?:\d[ -]?){12,18}\d\b")),
    ("[PESEL]", re.compile(r"\b\d{11}\b")),
    ("[phone]", re.compile(r"(?:\(\d|\b\d)[\d \-()]{7,}\d\b")),
]


def redact(text: str) -> str:
    """The text with every e-mail, link, handle, account, card, PESEL and phone number replaced."""
    for label, pattern in _RULES:
        text = pattern.sub(label, text)
    return text
