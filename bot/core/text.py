"""Text normalisation: folding case and diacritics, stripping noise, tokenising, capping length."""

from __future__ import annotations

import re
import unicodedata

#: Longest message the core looks at; the rest is ignored (adapters tell the resident).
MAX_CHARS = 4000
#: Most tokens used for matching; crisis checks see all of them.
MAX_MATCH_TOKENS = 60

_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
_POLISH_LETTERS = frozenset("ąćęłńóśźż")
# Zero-width, bidi and other format characters (Unicode category Cf) and controls (Cc).
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_TOKEN = re.compile(r"[^\W_]+")
# Digits split by spaces or dashes, as phone numbers are written: "800 676 676".
_DIGIT_GAPS = re.compile(r"(?<=\d)[\s\-](?=\d)")


def clean(text: str) -> str:
    """Drop invisible and control characters, collapse whitespace, cap the length."""
    text = _INVISIBLE.sub("", text[: MAX_CHARS * 2])
    return " ".join(text.split())[:MAX_CHARS]


def fold(text: str) -> str:
    """Lower-case and strip diacritics (ł→l, ą→a, é→e …) so typed-without-diacritics text matches."""
    text = text.translate(_POLISH).casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def has_polish_letters(text: str) -> bool:
    """True when the text uses a letter only Polish has (ą, ł, ż …)."""
    return not _POLISH_LETTERS.isdisjoint(text.lower())


def tokens(text: str) -> list[str]:
    """Folded word tokens of a text; punctuation, emoji and symbols are dropped."""
    return _TOKEN.findall(fold(text))


def join_digits(text: str) -> str:
    """Remove the spaces and dashes inside digit groups ("800 70 2222" → "800702222")."""
    return _DIGIT_GAPS.sub("", text)
