"""Street addresses: Polish ones after "ul.", "al.", "os.", "plac" …, English ones before "Street",
"Road" …, a street and house number after "przy", "na", "mieszkam", and the flat number after any of them."""

from __future__ import annotations

import re

from bot.core.redact_marks import MARK, UPPER
from bot.core.redact_patterns import UNITS

# A flat or unit number written after an address already found: "[address], mieszkanie 15", "…, Flat 2".
FLAT_AFTER = re.compile(
    "(?<=" + MARK["[address]"] + r")(?:,?\s*"
    r"(?i:nr|m\.|mieszk\.|mieszkanie|mieszkania|lok\.|lokal|flat|apartment|apt\.?|unit)"
    r"\s*\d{1,4}[a-zA-Z]?\b)+"
)
_STREET_PREFIX = re.compile(
    r"\b(?:(?:ul|al|os|pl|vul|ulica)\.\s*|(?:vulytsia|vulytsi|ulitsa|ulitse|вул\.|ул\.)\s*|(?:ulic[aęyą]|ulicach|alej[aęi]|aleje|alejach|osiedl[eua]|osiedlem|plac|placu|placem|"
    r"rond[oa]|rondzie|skwer|skwerze)\s+|(?:ul|al|os)\s+(?=[\d" + UPPER + r"]))",
    re.I,
)
_HOUSE = re.compile(
    r"\d{1,4}[a-zA-Z]?(?:\s?/\s?\d{1,4}[a-zA-Z]?)?"
    r"(?:\s*(?:m\.?|lok\.?|lokal|mieszk\.?|mieszkania|apt\.?|flat)\s*\d{1,4}[a-zA-Z]?)?(?![\w/-])"
)
_ABBREVIATED_PART = re.compile(r"(?:św|gen|ks|bp|kard|prof|dr|im|bł|marsz|płk|kpt|hm|o)\.\s*", re.I)
_NUMBERED_NAME = re.compile(r"\d{1,2}\s+(?=[" + UPPER + "])")  # "29 Listopada", "3 Maja"
_STREET_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s*")
_STREET_TYPE = (
    r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Close|Way|Square|Sq\.?|Place|Court|"
    r"Ct\.?|Crescent|Terrace|Gardens|Boulevard|Blvd\.?|Row|Mews|Grove|Walk|street|road|lane|avenue)"
)
ENGLISH_ADDRESS = re.compile(
    r"(?:\b(?i:flat|apt\.?|apartment|unit)\s*\d+[a-zA-Z]?,?\s+)?\b\d{1,4}[a-zA-Z]?,?\s+"
    r"(?:[" + UPPER + r"][\w'’-]+\s+){1,3}" + _STREET_TYPE + r"(?!\w)"
    r"|\b(?:[" + UPPER + r"][\w'’-]+\s+){1,3}(?:Street|street|St\.|Road|road)\s*\d{1,4}[a-zA-Z]?(?:/\d{1,4})?\b"
)
FLAT_ADDRESS = re.compile(
    r"\b(?:[" + UPPER + r"][\w'’-]+\s+){1,3}\d{1,3}[a-zA-Z]?\s*"
    r"(?:/\s*\d{1,4}[a-zA-Z]?|(?:m\.?|lok\.?|lokal|mieszk\.?)\s*\d{1,4}[a-zA-Z]?)(?![\w/])"
)
PREPOSITION_ADDRESS = re.compile(
    r"\b(?:na|przy|spod|pod|(?i:adres\w*(?:\s+(?:do\s+korespondencji|zameldowania|zamieszkania))?:?|zam\.|"
    r"zamieszkał\w*|mieszkam|mieszka|mieszkamy|at|on|address:?))\s+"
    r"((?:[" + UPPER + r"][\w'’-]+\s+){1,3}\d{1,3}[a-zA-Z]?(?:\s?/\s?\d{1,4}[a-zA-Z]?)?)(?![\w/])(?!\s*" + UNITS + ")"
)


def _street_end(text: str, i: int, abbreviated: bool) -> int | None:
    """Where the street name and house number that start at `i` end (None: no street there)."""
    end, words, lower = None, 0, None
    while i < len(text) and words < 5:
        if not _NUMBERED_NAME.match(text, i):
            house = _HOUSE.match(text, i)
            if house:
                return house.end() if words else None
        part = _ABBREVIATED_PART.match(text, i) or _NUMBERED_NAME.match(text, i)
        if part:
            i = part.end()
            continue
        word = _STREET_WORD.match(text, i)
        if not word:
            break
        if lower is None:
            lower = word.group(1)[0].islower()
        if word.group(1)[0].islower() != lower or lower and words:
            break
        words += 1
        end = word.end(1)
        i = word.end()
    if lower and not abbreviated:
        return None
    return end if abbreviated else None


def prefixed_address(text: str) -> str:
    """ "ul. Długa 15 m. 3", "os. Złotego Wieku 34", "al. Jana Pawła II 78", "ulicy Szlak 10/2" → [address].
    After "ul.", "al.", "os.", "pl." the street alone is enough; after "ulica", "plac" … a number is needed."""
    out, pos = [], 0
    for m in _STREET_PREFIX.finditer(text):
        if m.start() < pos:
            continue
        end = _street_end(text, m.end(), "." in m.group(0))
        if end is None:
            continue
        out.append(text[pos : m.start()])
        out.append(MARK["[address]"])
        pos = end
    out.append(text[pos:])
    return "".join(out)
