"""The shapes of identifiers other than names and addresses: e-mail addresses, links, handles, account,
phone, card, PESEL, NIP and document numbers, dates of birth, number plates, case and badge numbers."""

from __future__ import annotations

import re

from bot.core.redact_marks import MARK, Replacement
from bot.core.text import word_list

#: The help lines the bot gives (knowledge/contacts.yaml, emergency numbers): not personal, kept.
HELP_NUMBERS = frozenset(
    word_list("""
112 997 998 999 986 19115 116123 116111 800702222 800120002 800121212 800676676 124219282
126165555 728366319 887201598
""")
)


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


# --- e-mail addresses and links -------------------------------------------------------------------

_WEBMAIL = (
    r"(?:gmail|googlemail|wp|o2|onet|op|interia|poczta|vp|tlen|gazeta|yahoo|outlook|hotmail|live|icloud|me|"
    r"proton|protonmail|ukr|i|mail|yandex|gmx|aol|student|uj|agh)"
)
_AT_BRACKET = r"\s*[\[({<]\s*(?:at|małpa|malpa|małpka|malpka|@)\s*[\])}>]\s*"
_DOT_BRACKET = r"\s*[\[({<]\s*(?:dot|kropka)\s*[\])}>]\s*"
EMAIL = re.compile(r"[\w.+-]+(?:@|\s@\s)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
EMAIL_BRACKETS = re.compile(
    rf"[\w.+-]+(?:{_AT_BRACKET})[\w-]+(?:(?:{_DOT_BRACKET}|\.|\s+(?:dot|kropka)\s+)[\w-]+)+", re.I
)
EMAIL_WORDS = re.compile(
    rf"(?<![\w.])(?!(?:me|us|you|him|her|them|home|work|look|it|this|that)\b)[\w.+-]+(?:\s+(?:kropka|dot)\s+[\w+-]+)*\s+(?:at|małpa|malpa|małpka|malpka)\s+"
    rf"(?:{_WEBMAIL}(?:\s+(?:dot|kropka)\s+|\.)\w+|[\w-]+(?:\s+(?:dot|kropka)\s+[a-z]{{2,6}})+)\b",
    re.I,
)
_TLD = (
    r"(?:pl|com|org|net|eu|info|io|me|tv|ua|ru|by|de|uk|co|gov|edu|app|ly|gl|be|fr|it|es|cz|sk|lt|"
    r"lv|ee|at|ch|nl|se|no|dk|fi|hu|ro|bg|gr|tr|us|ca|au|in|biz|xyz|online|site|shop|store|blog|"
    r"page|link|news|pro|dev|ai|gg|to|cc|ws|fm|ie)"
)
_TAIL = r"(?:[/?#][^\s]*?)?(?=[.,;:!?)\]\"'”»]*(?:\s|$))"
LINK = re.compile(r"\b(?:https?://|www\.)[^\s]+?(?=[.,;:!?)\]\"'”»]*(?:\s|$))", re.I)
BARE_LINK = re.compile(
    rf"(?<![\w@.-])(?:t\.me|fb\.me|(?:[a-z0-9][a-z0-9-]*\.)*[a-z0-9][a-z0-9-]*\.(?-i:{_TLD}))\b(?!\.\w){_TAIL}", re.I
)
HANDLE = re.compile(r"(?<![\w@])@\w(?:[\w.]*\w)?")
PLATFORM_HANDLE = re.compile(
    r"\b(?:insta(?:gram)?|ig|fb|facebook|tiktok|snap(?:chat)?|telegram|tg|twitter|nick(?:iem)?|login|username|user(?:name)?)"
    r"\b\s*[:\-–]?\s*(?:to\s+|jest\s+|is\s+)?(?=[\w.]*[._\d])([\w.]*\w)",
    re.I,
)
UNDERSCORED = re.compile(r"\b[^\W\d_]\w*_\w+\b")

# --- numbers --------------------------------------------------------------------------------------

ACCOUNT = re.compile(
    r"\b[A-Z]{2}[ -]?\d{2}(?:[ -]?[0-9A-Z]{4}){3,7}(?:[ -]?[0-9A-Z]{1,3})?\b"
    r"|\b\d{2}(?:[ -]?\d{4}){6}\b"
)
# Any spacing of a Polish account number: 26 digits (with or without "PL") in groups of any size.
LOOSE_ACCOUNT = re.compile(r"(?:\bPL[ -]?)?\b\d(?:[ -]?\d){25}\b")
INTERNATIONAL_PHONE = re.compile(
    r"(?:\(\+\d{2,3}\)|\+\d{2,3}|\b00\d{2,3})[ -]?(?:\(\d{1,3}\)[ -]?)?\d(?:[ -]?\d){6,12}\b"
)
CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
PESEL = re.compile(r"\b\d{11}\b")
NIP = re.compile(r"(?:\bPL[ -]?|\b)(?:\d{3}[- ]?\d{3}[- ]?\d{2}[- ]?\d{2}|\d{3}[- ]\d{2}[- ]\d{2}[- ]\d{3})\b")
PHONE = re.compile(r"(?:\(\d{2,3}\)\s*|\b)\d(?:[ -]?\d){6,11}\b|\b\d{3}\.\d{3}\.\d{3}\b")
POSTAL = re.compile(r"\b\d{2}-\d{3}\b")

# --- dates ----------------------------------------------------------------------------------------

_MONTH = (
    r"(?:stycz(?:nia|eń|en)|lut(?:ego|y)|marc(?:a)?|marzec|kwie(?:tnia|cień|cien)|maj(?:a)?|czerw(?:ca|iec)|"
    r"lip(?:ca|iec)|sierp(?:nia|ień|ien)|wrze(?:śnia|snia|sień|sien)|pa[źz]dziernik(?:a)?|listopad(?:a)?|"
    r"grud(?:nia|zień|zien)|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.?"
)
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:19|20)\d{2}"
_BIRTH = r"(?:\bur\.?|\burodz\.|\bborn(?:\s+on)?|\bd\.?o\.?b\.?:?|\bb\.)"
DATE = re.compile(
    rf"(?:{_BIRTH}\s*)?(?:"
    rf"\b{_DAY}([./-])(?:0?[1-9]|1[0-2])\1(?:{_YEAR}|\d{{2}})\b"
    rf"|\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"
    rf"|\b{_DAY}[ .]{_ROMAN_MONTH}[ .]{_YEAR}\b"
    rf"|\b{_DAY}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)"
    rf"|\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
    rf")(?:\s?r\.(?!\w)|\s+roku\b)?",
    re.I,
)
_BIRTH_CUE = re.compile(
    r"(?:\bur\.?|\burodz\w*|\bborn|\bbirthday|\bbirth|\bd\.?o\.?b|\bb\.|\brocznik\w*|\burodzin\w*)"
    r"\W*(?:\w+\W+){0,3}$",
    re.I,
)
DAY_MONTH = re.compile(
    rf"(?:{_BIRTH}\s*)?(?:\b{_DAY}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH}(?!\w)"
    rf"|\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b|\b{_DAY}\.(?:0?[1-9]|1[0-2])\b)",
    re.I,
)
BIRTH_YEAR_SHORT = re.compile(rf"(?:\bur\.?|\bb\.)\s*(?:w\s+)?(?:{_YEAR}\b|['’]\d{{2}}\b)(?:\s?r\.(?!\w))?", re.I)
BIRTH_YEAR_AFTER = re.compile(
    rf"\b({_YEAR})\s*(?:r\.|roku|rok|goda|god|року|года|г\.)\s+(?:urodzenia|narodzhennia|narodzhennya|narodzhenia|"
    r"narodzennia|rozhdeniya|rozhdenia|rozhdenija|рождения|народження)",
    re.I,
)
BIRTH_YEAR = re.compile(
    rf"(?:\b(?:urodzon[aey]\w*|urodził\w*(?:\s+się)?)\s+w\s+(?:roku\s+)?|\brocznik\w*\s+'?|\bborn\s+(?:in\s+)?)"
    rf"((?:{_YEAR}|\d{{2}}))\b",
    re.I,
)

# --- documents and plates -------------------------------------------------------------------------

_DOC_CONTEXT = (
    r"(?:dow[oó]d\w*|paszport\w*|passport|legitymacj\w*|karty?\s+pobytu|residence\s+card|"
    r"id(?:\s+card)?|albumu|student\s+(?:id|number)|seri[aię]\w*)"
)
ID_CARD = re.compile(r"\b[A-Z]{3}\s?\d{6}\b|\b[a-z]{3}\d{6}\b")
PASSPORT = re.compile(r"\b[A-Z]{2}\s?\d{6,7}\b|\b[A-Z]\d{7,8}\b")
DOC_NUMBER = re.compile(
    rf"\b{_DOC_CONTEXT}\b[^\n\d\ue000-\ue0ff]{{0,24}}?(?<![\w])(?!(?:nr|no|numer)\b)"
    r"((?:(?!(?:is|to|jest|ma|was|nr|no|jej|his|her|my|mój|moj|jego)\b)[A-Za-z]{1,3}[\s-]?)?\d{5,9})\b",
    re.I,
)
PLATE = re.compile(r"\b([BCDEFGKLNOPRSTWZ][A-Z]{1,2})[ -]?(\d[0-9A-Z]{2,4})\b")
UA_PLATE = re.compile(r"\b[A-Z]{2}\s?\d{4}\s?[A-Z]{2}\b")
PLATE_CONTEXT = re.compile(
    r"(?:\brej\.?|\brejestr\w*|\btablic\w*|\bplates?|\bregistration)[\s:.]*"
    r"\b([a-z]{2,3}\s?\d[0-9a-z]{2,4})\b",
    re.I,
)
_NOT_PLATES = frozenset(
    word_list("""
ZUS NFZ PIP PIT VAT CIT KRS NIP RPO RPD OIK MPK PKP PKS SOR LOT WOT ABW GUS ZTM ZDM ZIM KGP KMP KPP
PCK NBP PKO BNP ING GOPR TOPR WOPR WSA NSA SN TK SA SR SO UJ UEK URK UP PK ASP AWF UM UMK RP PE NR
TEL FAX KOD PIN PUK SMS MMS GSM LTE USB PDF PKD EU UE SG SM PSP OSP KK KC KP KPA KPC KW
""")
)

# A number followed by one of these is an amount, a time or a size, not an identifier.
UNITS = (
    r"(?:%|zł|zl|pln|eur|euro|usd|lat|lata|rok|roku|r\.|razy|raz|min|minut\w*|godz\w*|h\b|km|m2|osób|osoby|osob|"
    r"dni|dzień|tydz\w*|tygod\w*|miesi\w*|people|persons?|years?|times|minutes?|hours?|days?|weeks?|months?|pm|am|"
    r"plus|\+|x\b|:\d|\.\d|,\d)"
)

# --- case, badge, employee and student numbers ----------------------------------------------------

# Court and police case references: "IV P 318/24", "II K 1234/23", "KP-II 2319/24".
SIGNATURE = re.compile(
    r"\b(?:[IVXL]{1,6}\s+[A-Z][A-Za-z]{0,3}(?:\s+[A-Z][a-z]{0,3})?"
    r"|[A-ZĄĆĘŁŃÓŚŹŻ]{1,5}(?:-[IVXL\d]{1,4})?)\s+\d{1,6}/\d{2}(?:\d{2})?\b"
)
# Codes of three or more upper-case or digit parts joined by "/", "." or "-", with a slash or a letter:
# "PR/2023/0871", "KMP-I-0731/24", "1874/24/KP-I", "SC-II.6151.2231.2024" (dates are labelled before).
CODE = re.compile(
    r"(?<![\w/.-])(?=[\w./-]*\d)(?=[\w./-]*[/A-ZĄĆĘŁŃÓŚŹŻ])"
    r"[A-ZĄĆĘŁŃÓŚŹŻ\d]+(?:[/.-][A-ZĄĆĘŁŃÓŚŹŻ\d]+){2,}(?![\w/]|[.-]\w)"
)
# A number after words that say it is an employee, student, badge, contract or case number.
_ID_CUE = (
    r"(?:pracowni\w*|służbow\w*|sluzbow\w*|legitymacj\w*|indeks\w*|albumu|kurier\w*|kontroler\w*|"
    r"identyfikator\w*|ewidencyjn\w*|umow\w*|sprawy|sprawa|wniosk\w*|zgłoszeni\w*|zgloszeni\w*|sygn\.?|"
    r"sygnatur\w*|akt|postępowani\w*|postepowani\w*|referencyjn\w*|badge|employee|staff|worker|work|"
    r"student(?:\s+card)?|card|case|reference|ref\.?|contract|application|complaint|file|"
    r"rabotnika|rabotnyka|pratsivnyka|sluzhbovyi|nr|numer|number|no\.?|nomer|номер|id)"
)
ID_AFTER_CUE = re.compile(
    rf"(?i:\b{_ID_CUE}(?:\s+(?:nr|no\.?|number|numer|id|is|to|jest|ma|was|:))*)[\s:#.,-]*"
    r"(?:[^\W\d]+[\s:,]+){0,3}?"
    r"(?<![\w/-])((?:[A-ZĄĆĘŁŃÓŚŹŻ]{1,5}[-/]?)?\d[\dA-Z]*(?:[/-][\dA-ZĄĆĘŁŃÓŚŹŻ]+)*)(?![\w/-])"
)
_BUS_LINE = re.compile(
    r"(?:lini\w*|autobus\w*|tramwaj\w*|bus|tram|line|pok\.?|pokój|pokoju|room|sala|sali|gabinet\w*|"
    r"okienk\w*|art\.?|ust\.?|§)\s*(?:nr\.?\s*)?$",
    re.I,
)


_UNIT_AFTER = re.compile(r"\s*(?:" + UNITS + r"|eur|usd|gbp|euro|złotych|zlotych|dollars?)", re.I)


def cued_id(m: re.Match[str]) -> str:
    number = m.group(1)
    digits = _digits(number)
    before = m.string[max(0, m.start() - 20) : m.start()]
    after = m.string[m.end() : m.end() + 12]
    if len(digits) < 3 or digits in HELP_NUMBERS or _BUS_LINE.search(before) or _UNIT_AFTER.match(after):
        return m.group(0)
    cue = m.group(0)[: m.start(1) - m.start()]
    if re.fullmatch(r"(?:19[5-9]\d|20[0-3]\d)", number) and not re.search(r"(?i:nr|numer|number|no\.?|#)\W*$", cue):
        return m.group(0)
    return cue + MARK["[ID number]"] + m.group(0)[m.end(1) - m.start() :]


def keep_help_number(label: str, minimum: int, maximum: int) -> Replacement:
    mark = MARK[label]

    def replace(m: re.Match[str]) -> str:
        digits = _digits(m.group(0))
        national = digits[2:] if digits.startswith("48") and len(digits) == 11 else digits
        national = national[4:] if national.startswith("0048") else national
        if national in HELP_NUMBERS or not minimum <= len(digits) <= maximum:
            return m.group(0)
        return mark

    return replace


def date(m: re.Match[str]) -> str:
    cue = re.match(_BIRTH, m.group(0), re.I)
    if not cue:
        return MARK["[date]"]
    return _kept_cue(cue.group(0)) + MARK["[date of birth]"]


def _kept_cue(cue: str) -> str:
    """The English birth cue ("born", "born on", "DOB") kept before the label; "ur." goes with the date."""
    return cue.rstrip() + " " if re.match(r"born|d\.?o\.?b", cue, re.I) else ""


def birthday(text: str) -> Replacement:
    def replace(m: re.Match[str]) -> str:
        cue = re.match(_BIRTH, m.group(0), re.I)
        if cue:
            return _kept_cue(cue.group(0)) + MARK["[date of birth]"]
        if _BIRTH_CUE.search(text[max(0, m.start() - 60) : m.start()]):
            return MARK["[date of birth]"]
        return m.group(0)

    return replace


def plate(m: re.Match[str]) -> str:
    prefix, rest = m.group(1), m.group(2)
    if prefix in _NOT_PLATES and rest.isdigit() or re.fullmatch(r"(?:19|20)\d{2}", rest):
        return m.group(0)
    return MARK["[plate]"]
