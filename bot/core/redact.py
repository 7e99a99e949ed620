"""Redaction of whatever could identify someone (names, addresses, numbers, links …) into bracketed labels:
the public `redact`, `one_line` and `strip_controls`, and the order in which the rules run."""

from __future__ import annotations

import unicodedata

from bot.core import redact_addresses as addresses
from bot.core import redact_patterns as patterns
from bot.core.redact_marks import LABELS, OWN, UNMARK, group, label
from bot.core.redact_names import redact_names
from bot.core.redact_patterns import HELP_NUMBERS

__all__ = ["HELP_NUMBERS", "LABELS", "one_line", "redact", "strip_controls"]


def strip_controls(text: str) -> str:
    """The text without control and format characters (Cc, Cf, Cs), newlines and tabs kept."""
    if text.isprintable():
        return text
    return "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs") and not OWN.match(c)
    )


def one_line(text: str) -> str:
    """A kept question as it may be shown on a terminal or a page: no control, format or bidi
    characters (an escape sequence cannot clear the editor's screen, an override cannot reverse the
    line), and its lines joined by spaces."""
    return " ".join(strip_controls(text).split())


def redact(text: str) -> str:
    """The text with every identifier replaced by a bracketed label; control characters removed."""
    text = strip_controls(text)
    text = patterns.EMAIL.sub(label("[e-mail]"), text)
    text = patterns.EMAIL_BRACKETS.sub(label("[e-mail]"), text)
    text = patterns.EMAIL_WORDS.sub(label("[e-mail]"), text)
    text = patterns.LINK.sub(label("[link]"), text)
    text = patterns.BARE_LINK.sub(label("[link]"), text)
    text = patterns.HANDLE.sub(label("[handle]"), text)
    text = patterns.PLATFORM_HANDLE.sub(group("[handle]"), text)
    text = patterns.UNDERSCORED.sub(label("[handle]"), text)
    text = patterns.ACCOUNT.sub(label("[account number]"), text)
    text = patterns.LOOSE_ACCOUNT.sub(label("[account number]"), text)
    text = patterns.INTERNATIONAL_PHONE.sub(patterns.keep_help_number("[phone]", 8, 15), text)
    text = patterns.DATE.sub(patterns.date, text)
    text = patterns.BIRTH_YEAR_SHORT.sub(label("[date of birth]"), text)
    text = patterns.BIRTH_YEAR.sub(group("[date of birth]"), text)
    text = patterns.BIRTH_YEAR_AFTER.sub(group("[date of birth]"), text)
    text = patterns.DAY_MONTH.sub(patterns.birthday(text), text)
    text = patterns.SIGNATURE.sub(label("[ID number]"), text)
    text = patterns.CODE.sub(label("[ID number]"), text)
    text = patterns.CARD.sub(label("[card number]"), text)
    text = patterns.PESEL.sub(label("[PESEL]"), text)
    text = patterns.NIP.sub(label("[NIP]"), text)
    text = patterns.DOC_NUMBER.sub(group("[ID number]"), text)
    text = patterns.ID_CARD.sub(label("[ID number]"), text)
    text = patterns.PASSPORT.sub(label("[ID number]"), text)
    text = patterns.UA_PLATE.sub(label("[plate]"), text)
    text = patterns.PLATE_CONTEXT.sub(group("[plate]"), text)
    text = patterns.PLATE.sub(patterns.plate, text)
    text = addresses.prefixed_address(text)
    text = addresses.ENGLISH_ADDRESS.sub(label("[address]"), text)
    text = addresses.FLAT_ADDRESS.sub(label("[address]"), text)
    text = addresses.PREPOSITION_ADDRESS.sub(group("[address]"), text)
    text = addresses.FLAT_AFTER.sub("", text)
    text = patterns.PHONE.sub(patterns.keep_help_number("[phone]", 9, 13), text)
    text = patterns.POSTAL.sub(label("[postal code]"), text)
    text = patterns.ID_AFTER_CUE.sub(patterns.cued_id, text)
    text = redact_names(text)
    return text.translate(UNMARK)
