"""Redaction of whatever could identify someone (names, addresses, numbers, links …) into bracketed labels."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.core import names as N
from bot.core.text import fold

LABELS = ("[e-mail]", "[link]", "[handle]", "[account number]", "[phone]", "[card number]", "[PESEL]",
          "[NIP]", "[date]", "[date of birth]", "[ID number]", "[plate]", "[address]", "[postal code]",
          "[name]")
# While rules run, each label is one private-use character, which no later rule can match.
_MARK = {label: chr(0xE000 + i) for i, label in enumerate(LABELS)}
_UNMARK = {ord(c): label for label, c in _MARK.items()}
_OWN = re.compile("[\ue000-\ue0ff]")

#: The help lines the bot gives (knowledge/contacts.yaml, emergency numbers): not personal, kept.
HELP_NUMBERS = frozenset("""
112 997 998 999 986 19115 116123 116111 800702222 800120002 800121212 800676676 124219282
126165555 728366319 887201598
""".split())


def strip_controls(text: str) -> str:
    """The text without control and format characters (Cc, Cf, Cs), newlines and tabs kept."""
    if text.isprintable():
        return text
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
                   and not _OWN.match(c))


def one_line(text: str) -> str:
    """A kept question as it may be shown on a terminal or a page: no control, format or bidi
    characters (an escape sequence cannot clear the editor's screen, an override cannot reverse the
    line), and its lines joined by spaces."""
    return " ".join(strip_controls(text).split())


#: What a rule puts in place of what it matched.
Replacement = Callable[[re.Match[str]], str]


def _label(label: str) -> Replacement:
    mark = _MARK[label]
    return lambda m: mark


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


# --- e-mail addresses and links -------------------------------------------------------------------

_WEBMAIL = r"(?:gmail|googlemail|wp|o2|onet|op|interia|poczta|vp|tlen|gazeta|yahoo|outlook|hotmail|live|icloud|me|proton|protonmail|ukr|i|mail|yandex|gmx|aol|student|uj|agh)"
_AT_BRACKET = r"\s*[\[({<]\s*(?:at|małpa|malpa|małpka|malpka|@)\s*[\])}>]\s*"
_DOT_BRACKET = r"\s*[\[({<]\s*(?:dot|kropka)\s*[\])}>]\s*"
_EMAIL = re.compile(r"[\w.+-]+(?:@|\s@\s)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_EMAIL_BRACKETS = re.compile(rf"[\w.+-]+(?:{_AT_BRACKET})[\w-]+(?:(?:{_DOT_BRACKET}|\.|\s+(?:dot|kropka)\s+)[\w-]+)+", re.I)
_EMAIL_WORDS = re.compile(
    rf"(?<![\w.])(?!(?:me|us|you|him|her|them|home|work|look|it|this|that)\b)[\w.+-]+(?:\s+(?:kropka|dot)\s+[\w+-]+)*\s+(?:at|małpa|malpa|małpka|malpka)\s+"
    rf"(?:{_WEBMAIL}(?:\s+(?:dot|kropka)\s+|\.)\w+|[\w-]+(?:\s+(?:dot|kropka)\s+[a-z]{{2,6}})+)\b", re.I)
_TLD = (r"(?:pl|com|org|net|eu|info|io|me|tv|ua|ru|by|de|uk|co|gov|edu|app|ly|gl|be|fr|it|es|cz|sk|lt|"
        r"lv|ee|at|ch|nl|se|no|dk|fi|hu|ro|bg|gr|tr|us|ca|au|in|biz|xyz|online|site|shop|store|blog|"
        r"page|link|news|pro|dev|ai|gg|to|cc|ws|fm|ie)")
_TAIL = r"(?:[/?#][^\s]*?)?(?=[.,;:!?)\]\"'”»]*(?:\s|$))"
_LINK = re.compile(r"\b(?:https?://|www\.)[^\s]+?(?=[.,;:!?)\]\"'”»]*(?:\s|$))", re.I)
_BARE_LINK = re.compile(rf"(?<![\w@.-])(?:t\.me|fb\.me|(?:[a-z0-9][a-z0-9-]*\.)*[a-z0-9][a-z0-9-]*\.(?-i:{_TLD}))\b(?!\.\w){_TAIL}", re.I)
_HANDLE = re.compile(r"(?<![\w@])@\w(?:[\w.]*\w)?")
_PLATFORM_HANDLE = re.compile(
    r"\b(?:insta(?:gram)?|ig|fb|facebook|tiktok|snap(?:chat)?|telegram|tg|twitter|nick(?:iem)?|login|username|user(?:name)?)"
    r"\b\s*[:\-–]?\s*(?:to\s+|jest\s+|is\s+)?(?=[\w.]*[._\d])([\w.]*\w)", re.I)
_UNDERSCORED = re.compile(r"\b[^\W\d_]\w*_\w+\b")

# --- numbers --------------------------------------------------------------------------------------

_ACCOUNT = re.compile(r"\b[A-Z]{2}[ -]?\d{2}(?:[ -]?[0-9A-Z]{4}){3,7}(?:[ -]?[0-9A-Z]{1,3})?\b|\b\d{2}(?:[ -]?\d{4}){6}\b")
# Any spacing of a Polish account number: 26 digits (with or without "PL") in groups of any size.
_LOOSE_ACCOUNT = re.compile(r"(?:\bPL[ -]?)?\b\d(?:[ -]?\d){25}\b")
_INTERNATIONAL_PHONE = re.compile(r"(?:\(\+\d{2,3}\)|\+\d{2,3}|\b00\d{2,3})[ -]?(?:\(\d{1,3}\)[ -]?)?\d(?:[ -]?\d){6,12}\b")
_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
_PESEL = re.compile(r"\b\d{11}\b")
_NIP = re.compile(r"(?:\bPL[ -]?|\b)(?:\d{3}[- ]?\d{3}[- ]?\d{2}[- ]?\d{2}|\d{3}[- ]\d{2}[- ]\d{2}[- ]\d{3})\b")
_PHONE = re.compile(r"(?:\(\d{2,3}\)\s*|\b)\d(?:[ -]?\d){6,11}\b|\b\d{3}\.\d{3}\.\d{3}\b")
_POSTAL = re.compile(r"\b\d{2}-\d{3}\b")
# A flat or unit number written after an address already found: "[address], mieszkanie 15", "…, Flat 2".
_FLAT_AFTER = re.compile("(?<=" + _MARK["[address]"] + r")(?:,?\s*(?i:nr|m\.|mieszk\.|mieszkanie|mieszkania|lok\.|lokal|flat|apartment|apt\.?|unit)\s*\d{1,4}[a-zA-Z]?\b)+")

# --- dates ----------------------------------------------------------------------------------------

_MONTH = (r"(?:stycz(?:nia|eń|en)|lut(?:ego|y)|marc(?:a)?|marzec|kwie(?:tnia|cień|cien)|maj(?:a)?|czerw(?:ca|iec)|"
          r"lip(?:ca|iec)|sierp(?:nia|ień|ien)|wrze(?:śnia|snia|sień|sien)|pa[źz]dziernik(?:a)?|listopad(?:a)?|"
          r"grud(?:nia|zień|zien)|january|february|march|april|may|june|july|august|september|october|"
          r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
          r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
          r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.?")
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:19|20)\d{2}"
_BIRTH = r"(?:\bur\.?|\burodz\.|\bborn(?:\s+on)?|\bd\.?o\.?b\.?:?|\bb\.)"
_DATE = re.compile(
    rf"(?:{_BIRTH}\s*)?(?:"
    rf"\b{_DAY}([./-])(?:0?[1-9]|1[0-2])\1(?:{_YEAR}|\d{{2}})\b"
    rf"|\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"
    rf"|\b{_DAY}[ .]{_ROMAN_MONTH}[ .]{_YEAR}\b"
    rf"|\b{_DAY}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)"
    rf"|\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
    rf")(?:\s?r\.(?!\w)|\s+roku\b)?", re.I)
_BIRTH_CUE = re.compile(r"(?:\bur\.?|\burodz\w*|\bborn|\bbirthday|\bbirth|\bd\.?o\.?b|\bb\.|\brocznik\w*|\burodzin\w*)\W*(?:\w+\W+){0,3}$", re.I)
_DAY_MONTH = re.compile(rf"(?:{_BIRTH}\s*)?(?:\b{_DAY}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH}(?!\w)|\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b|\b{_DAY}\.(?:0?[1-9]|1[0-2])\b)", re.I)
_BIRTH_YEAR_SHORT = re.compile(rf"(?:\bur\.?|\bb\.)\s*(?:w\s+)?(?:{_YEAR}\b|['’]\d{{2}}\b)(?:\s?r\.(?!\w))?", re.I)
_BIRTH_YEAR_AFTER = re.compile(
    rf"\b({_YEAR})\s*(?:r\.|roku|rok|goda|god|року|года|г\.)\s+(?:urodzenia|narodzhennia|narodzhennya|narodzhenia|"
    r"narodzennia|rozhdeniya|rozhdenia|rozhdenija|рождения|народження)", re.I)
_BIRTH_YEAR = re.compile(
    rf"(?:\b(?:urodzon[aey]\w*|urodził\w*(?:\s+się)?)\s+w\s+(?:roku\s+)?|\brocznik\w*\s+'?|\bborn\s+(?:in\s+)?)"
    rf"((?:{_YEAR}|\d{{2}}))\b", re.I)

# --- documents and plates -------------------------------------------------------------------------

_DOC_CONTEXT = (r"(?:dow[oó]d\w*|paszport\w*|passport|legitymacj\w*|karty?\s+pobytu|residence\s+card|"
                r"id(?:\s+card)?|albumu|student\s+(?:id|number)|seri[aię]\w*)")
_ID_CARD = re.compile(r"\b[A-Z]{3}\s?\d{6}\b|\b[a-z]{3}\d{6}\b")
_PASSPORT = re.compile(r"\b[A-Z]{2}\s?\d{6,7}\b|\b[A-Z]\d{7,8}\b")
_DOC_NUMBER = re.compile(rf"\b{_DOC_CONTEXT}\b[^\n\d\ue000-\ue0ff]{{0,24}}?(?<![\w])(?!(?:nr|no|numer)\b)((?:(?!(?:is|to|jest|ma|was|nr|no|jej|his|her|my|mój|moj|jego)\b)[A-Za-z]{{1,3}}[\s-]?)?\d{{5,9}})\b", re.I)
_PLATE = re.compile(r"\b([BCDEFGKLNOPRSTWZ][A-Z]{1,2})[ -]?(\d[0-9A-Z]{2,4})\b")
_UA_PLATE = re.compile(r"\b[A-Z]{2}\s?\d{4}\s?[A-Z]{2}\b")
_PLATE_CONTEXT = re.compile(r"(?:\brej\.?|\brejestr\w*|\btablic\w*|\bplates?|\bregistration)[\s:.]*\b([a-z]{2,3}\s?\d[0-9a-z]{2,4})\b", re.I)
_NOT_PLATES = frozenset("""
ZUS NFZ PIP PIT VAT CIT KRS NIP RPO RPD OIK MPK PKP PKS SOR LOT WOT ABW GUS ZTM ZDM ZIM KGP KMP KPP
PCK NBP PKO BNP ING GOPR TOPR WOPR WSA NSA SN TK SA SR SO UJ UEK URK UP PK ASP AWF UM UMK RP PE NR
TEL FAX KOD PIN PUK SMS MMS GSM LTE USB PDF PKD EU UE SG SM PSP OSP KK KC KP KPA KPC KW
""".split())

# --- addresses ------------------------------------------------------------------------------------

_UPPER = "A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ"
_STREET_PREFIX = re.compile(
    r"\b(?:(?:ul|al|os|pl|vul|ulica)\.\s*|(?:vulytsia|vulytsi|ulitsa|ulitse|вул\.|ул\.)\s*|(?:ulic[aęyą]|ulicach|alej[aęi]|aleje|alejach|osiedl[eua]|osiedlem|plac|placu|placem|"
    r"rond[oa]|rondzie|skwer|skwerze)\s+|(?:ul|al|os)\s+(?=[\d" + _UPPER + r"]))", re.I)
_HOUSE = re.compile(r"\d{1,4}[a-zA-Z]?(?:\s?/\s?\d{1,4}[a-zA-Z]?)?"
                    r"(?:\s*(?:m\.?|lok\.?|lokal|mieszk\.?|mieszkania|apt\.?|flat)\s*\d{1,4}[a-zA-Z]?)?(?![\w/-])")
_ABBREVIATED_PART = re.compile(r"(?:św|gen|ks|bp|kard|prof|dr|im|bł|marsz|płk|kpt|hm|o)\.\s*", re.I)
_NUMBERED_NAME = re.compile(r"\d{1,2}\s+(?=[" + _UPPER + "])")  # "29 Listopada", "3 Maja"
_STREET_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s*")
_STREET_TYPE = (r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Close|Way|Square|Sq\.?|Place|Court|"
                r"Ct\.?|Crescent|Terrace|Gardens|Boulevard|Blvd\.?|Row|Mews|Grove|Walk|street|road|lane|avenue)")
_ENGLISH_ADDRESS = re.compile(
    r"(?:\b(?i:flat|apt\.?|apartment|unit)\s*\d+[a-zA-Z]?,?\s+)?\b\d{1,4}[a-zA-Z]?,?\s+(?:[" + _UPPER + r"][\w'’-]+\s+){1,3}"
    + _STREET_TYPE + r"(?!\w)|\b(?:[" + _UPPER + r"][\w'’-]+\s+){1,3}(?:Street|street|St\.|Road|road)\s*\d{1,4}[a-zA-Z]?(?:/\d{1,4})?\b")
_FLAT_ADDRESS = re.compile(
    r"\b(?:[" + _UPPER + r"][\w'’-]+\s+){1,3}\d{1,3}[a-zA-Z]?\s*(?:/\s*\d{1,4}[a-zA-Z]?|(?:m\.?|lok\.?|lokal|mieszk\.?)\s*\d{1,4}[a-zA-Z]?)(?![\w/])")
_UNITS = (r"(?:%|zł|zl|pln|eur|euro|usd|lat|lata|rok|roku|r\.|razy|raz|min|minut\w*|godz\w*|h\b|km|m2|osób|osoby|osob|"
          r"dni|dzień|tydz\w*|tygod\w*|miesi\w*|people|persons?|years?|times|minutes?|hours?|days?|weeks?|months?|pm|am|"
          r"plus|\+|x\b|:\d|\.\d|,\d)")
_PREPOSITION_ADDRESS = re.compile(
    r"\b(?:na|przy|spod|pod|(?i:adres\w*(?:\s+(?:do\s+korespondencji|zameldowania|zamieszkania))?:?|zam\.|"
    r"zamieszkał\w*|mieszkam|mieszka|mieszkamy|at|on|address:?))\s+"
    r"((?:[" + _UPPER + r"][\w'’-]+\s+){1,3}\d{1,3}[a-zA-Z]?(?:\s?/\s?\d{1,4}[a-zA-Z]?)?)(?![\w/])(?!\s*" + _UNITS + ")")


# --- case, badge, employee and student numbers ----------------------------------------------------

# Court and police case references: "IV P 318/24", "II K 1234/23", "KP-II 2319/24".
_SIGNATURE = re.compile(r"\b(?:[IVXL]{1,6}\s+[A-Z][A-Za-z]{0,3}(?:\s+[A-Z][a-z]{0,3})?|[A-ZĄĆĘŁŃÓŚŹŻ]{1,5}(?:-[IVXL\d]{1,4})?)\s+\d{1,6}/\d{2}(?:\d{2})?\b")
# Codes of three or more upper-case or digit parts joined by "/", "." or "-", with a slash or a letter:
# "PR/2023/0871", "KMP-I-0731/24", "1874/24/KP-I", "SC-II.6151.2231.2024" (dates are labelled before).
_CODE = re.compile(r"(?<![\w/.-])(?=[\w./-]*\d)(?=[\w./-]*[/A-ZĄĆĘŁŃÓŚŹŻ])[A-ZĄĆĘŁŃÓŚŹŻ\d]+(?:[/.-][A-ZĄĆĘŁŃÓŚŹŻ\d]+){2,}(?![\w/]|[.-]\w)")
# A number after words that say it is an employee, student, badge, contract or case number.
_ID_CUE = (r"(?:pracowni\w*|służbow\w*|sluzbow\w*|legitymacj\w*|indeks\w*|albumu|kurier\w*|kontroler\w*|"
           r"identyfikator\w*|ewidencyjn\w*|umow\w*|sprawy|sprawa|wniosk\w*|zgłoszeni\w*|zgloszeni\w*|sygn\.?|"
           r"sygnatur\w*|akt|postępowani\w*|postepowani\w*|referencyjn\w*|badge|employee|staff|worker|work|"
           r"student(?:\s+card)?|card|case|reference|ref\.?|contract|application|complaint|file|"
           r"rabotnika|rabotnyka|pratsivnyka|sluzhbovyi|nr|numer|number|no\.?|nomer|номер|id)")
_ID_AFTER_CUE = re.compile(
    rf"(?i:\b{_ID_CUE}(?:\s+(?:nr|no\.?|number|numer|id|is|to|jest|ma|was|:))*)[\s:#.,-]*"
    r"(?:[^\W\d]+[\s:,]+){0,3}?"
    r"(?<![\w/-])((?:[A-ZĄĆĘŁŃÓŚŹŻ]{1,5}[-/]?)?\d[\dA-Z]*(?:[/-][\dA-ZĄĆĘŁŃÓŚŹŻ]+)*)(?![\w/-])")
_BUS_LINE = re.compile(r"(?:lini\w*|autobus\w*|tramwaj\w*|bus|tram|line|pok\.?|pokój|pokoju|room|sala|sali|gabinet\w*|okienk\w*|art\.?|ust\.?|§)\s*(?:nr\.?\s*)?$", re.I)


_UNIT_AFTER = re.compile(r"\s*(?:" + _UNITS + r"|eur|usd|gbp|euro|złotych|zlotych|dollars?)", re.I)


def _cued_id(m: re.Match[str]) -> str:
    number = m.group(1)
    digits = _digits(number)
    before = m.string[max(0, m.start() - 20): m.start()]
    after = m.string[m.end(): m.end() + 12]
    if len(digits) < 3 or digits in HELP_NUMBERS or _BUS_LINE.search(before) or _UNIT_AFTER.match(after):
        return m.group(0)
    if re.fullmatch(r"(?:19[5-9]\d|20[0-3]\d)", number) and not re.search(r"(?i:nr|numer|number|no\.?|#)\W*$", m.group(0)[: m.start(1) - m.start()]):
        return m.group(0)
    return m.group(0)[: m.start(1) - m.start()] + _MARK["[ID number]"] + m.group(0)[m.end(1) - m.start():]


def _keep_help_number(label: str, minimum: int, maximum: int) -> Replacement:
    mark = _MARK[label]

    def replace(m: re.Match[str]) -> str:
        digits = _digits(m.group(0))
        national = digits[2:] if digits.startswith("48") and len(digits) == 11 else digits
        national = national[4:] if national.startswith("0048") else national
        if national in HELP_NUMBERS or not minimum <= len(digits) <= maximum:
            return m.group(0)
        return mark
    return replace


def _date(m: re.Match[str]) -> str:
    cue = re.match(_BIRTH, m.group(0), re.I)
    if not cue:
        return _MARK["[date]"]
    return _kept_cue(cue.group(0)) + _MARK["[date of birth]"]


def _kept_cue(cue: str) -> str:
    """The English birth cue ("born", "born on", "DOB") kept before the label; "ur." goes with the date."""
    return cue.rstrip() + " " if re.match(r"born|d\.?o\.?b", cue, re.I) else ""


def _birthday(text: str) -> Replacement:
    def replace(m: re.Match[str]) -> str:
        cue = re.match(_BIRTH, m.group(0), re.I)
        if cue:
            return _kept_cue(cue.group(0)) + _MARK["[date of birth]"]
        if _BIRTH_CUE.search(text[max(0, m.start() - 60): m.start()]):
            return _MARK["[date of birth]"]
        return m.group(0)
    return replace


def _group(label: str, group: int = 1) -> Replacement:
    mark = _MARK[label]

    def replace(m: re.Match[str]) -> str:
        start, end = m.span(group)
        return m.group(0)[: start - m.start()] + mark + m.group(0)[end - m.start():]
    return replace


def _plate(m: re.Match[str]) -> str:
    prefix, rest = m.group(1), m.group(2)
    if prefix in _NOT_PLATES and rest.isdigit() or re.fullmatch(r"(?:19|20)\d{2}", rest):
        return m.group(0)
    return _MARK["[plate]"]


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


def _prefixed_address(text: str) -> str:
    """"ul. Długa 15 m. 3", "os. Złotego Wieku 34", "al. Jana Pawła II 78", "ulicy Szlak 10/2" → [address].
    After "ul.", "al.", "os.", "pl." the street alone is enough; after "ulica", "plac" … a number is needed."""
    out, pos = [], 0
    for m in _STREET_PREFIX.finditer(text):
        if m.start() < pos:
            continue
        end = _street_end(text, m.end(), "." in m.group(0))
        if end is None:
            continue
        out.append(text[pos: m.start()])
        out.append(_MARK["[address]"])
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- names ----------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’`-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’`](?:s|ego|emu|em|m|a|owi|om|ie)$", re.I)
_SURNAME_END = re.compile(r"^(\w{2,}?(?:sk|ck|dzk))(?:i|a|iego|iej|iemu|im|ie|ich|imi|ą)$|^(\w{2,}?(?:s|c|dz))cy$")
_WICZ = re.compile(r"^\w{2,}wicz(?:a|em|owi|u|owa|owej|owa|ówna|owna|owie|ów|ow)?$")
_EAST_END = re.compile(r"^\w{2,}(?:enko|czuk|chuk|yuk|iuk|juk|nyk|czyk|czak|ova|eva|yeva|ieva|ov|ev|yev|iev|ovna|ivna|evna|ovich|evich|ovych|shvili|dze|yan)$")
_FUNCTION = frozenset(fold(w) for w in """
i a w we z ze na do od o u po za pod nad przy dla bez że to jest był była się sie nie tak jak co czy
który która które ale lub albo bo mi mnie mu jej go ją nas was im ich ten ta te tym tej mój moja
moje mojego mojej mojemu moją moim nasz nasza nasze naszego naszej naszym jego on ona oni one my wy
ty też już tylko jeszcze bardzo gdy kiedy gdzie dlaczego
the a an and or but of to in on at for with from by is was are were be been not no it he she they
we you i me him her them my his our your their this that who which what so as if then than also
just very has have had do does did will would can could should may might must
""".split())
_POSSESSIVES = frozenset(fold(w) for w in """
mój moja moje mojego mojej mojemu moją moim nasz nasza naszego naszej nasze naszym twój twoja jego
jej ich były była byłego byłej my our the a an his her their your old former new
""".split())
_ROLE_VERB_HOMOGRAPHS = frozenset("will may can hope mark bill rob pat chase art guy max said young long rich".split())
# Hedges between a naming phrase and the name: "nazywa się chyba Mirek".
_HEDGES = frozenset(fold(w) for w in "chyba podobno prawdopodobnie raczej probably maybe perhaps".split())
_NAME_NOUNS = frozenset(fold(w) for w in "imię imieniu imie imieniem nazwisko nazwiska nazwiskiem nazwisku".split())
_LOCATIVE_END = ("ie", "i", "u", "im", "ym", "ej", "y")
_ABBREVIATIONS = frozenset(fold(w) for w in """
ul al os pl św dr prof mgr inż hab ks im gen tel nr np tzn tj ds art ust pkt r ur ok godz mr mrs ms
st no vs tzw wg ww jw pn wt śr czw pt sob niedz sp lok m mieszk kl kier dyr prez mec bp kard płk por
kpt sierż asp kom insp proc ew wyd red rej reg jr sr inc ltd co corp hab in dot
""".split())
_SENTENCE_END = ".!?…\n"
_ROMAN = re.compile(r"\s+(?:XX|X|IX|VIII|VII|VI|V|IV|III|II|I)\b")
_COPULA = frozenset(fold(w) for w in "jestem jesteś jest są jesteśmy jesteście byłem byłam był była byli były".split())
_EPONYM_BEFORE = tuple(fold(w) for w in "chorob zespół zespoł zespol syndrom gwiazd krzyż".split())
_EPONYM_AFTER = frozenset("syndrome disease's disease syndrom".split())
_OPENING = "\"'„“”«»‘’‚"


class _Token:
    """One word of the message and what it could be."""

    __slots__ = ("start", "end", "raw", "f", "cap", "upper", "start_of_sentence", "first", "weak_first",
                 "surname", "weak_surname", "shape", "not_name", "title", "role", "naming", "function")

    def __init__(self, m: re.Match[str], text: str):
        self.start, self.end, self.raw = m.start(), m.end(), m.group(0)
        tail = _POSSESSIVE.search(self.raw)
        if tail and len(self.raw) - len(tail.group(0)) >= 2:
            base = self.raw[: tail.start()]
            if tail.group(0)[1:].lower() == "s":
                self.end -= len(tail.group(0))
        else:
            base = self.raw
        f = fold(base)
        self.f = f
        self.cap = base[0].isupper()
        head = base.split("-")[0]
        self.upper = head.isupper() and len(head) > 1  # "ZUS", and inflected "MOPS-ie"
        self.start_of_sentence = _starts_sentence(text, self.start)
        parts = f.split("-") if "-" in f else [f]
        self.first = any(p in N.FIRST_NAMES for p in parts)
        self.weak_first = any(p in N.WEAK_FIRST_NAMES for p in parts)
        self.surname = any(p in N.SURNAMES for p in parts)
        self.weak_surname = any(p in N.WEAK_SURNAMES for p in parts)
        # Folding makes "jeżdżę" end like a Georgian "-dze" surname; only the written ending counts.
        self.shape = any(_surname_shaped(p) for p in parts) and not (
            f.endswith("dze") and not base.lower().endswith("dze"))
        self.not_name = (f in N.NOT_NAMES or f.startswith(N.NOT_NAME_STEMS)
                         or len(parts) > 1 and all(p in N.NOT_NAMES or p.startswith(N.NOT_NAME_STEMS) for p in parts))
        self.title = f in N.TITLES
        self.role = f in N.ROLES
        self.naming = f in N.NAMING
        self.function = f in _FUNCTION

    def name_like(self) -> bool:
        return self.first or self.weak_first or self.surname or self.weak_surname or self.shape

    def context_word(self) -> bool:
        return self.title or self.role or self.naming


def _surname_shaped(f: str) -> bool:
    m = _SURNAME_END.match(f)
    if m:
        stem = m.group(1) or (m.group(2)[:-1] + "k" if m.group(2).endswith("c") else m.group(2)[:-2] + "dzk")
        return stem not in N.NOT_SURNAME_STEMS and len(f) >= 5
    return bool(_WICZ.match(f) or len(f) >= 5 and _EAST_END.match(f))


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t" + _OPENING + "([-–—*•":
        if text[i] in _OPENING:
            return True
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in "!?…":
        return True
    if text[i] == ".":
        word = re.search(r"([^\W\d_]+)\.?$", text[max(0, i - 12): i])
        return not (word and (fold(word.group(1)) in _ABBREVIATIONS or len(word.group(1)) == 1))
    return False


def _predicate_noun(t: _Token) -> bool:
    """An instrumental noun that is no first name's case: "Kurdem", "Romką", not "Piotrem", "Pauliną"."""
    low = t.raw.lower()
    for end, base in (("iem", ""), ("em", ""), ("ą", "a")):
        if low.endswith(end):
            return fold(low[: -len(end)] + base) not in N.BASE_FIRST_NAMES
    return False


def _place_after(prev: _Token, t: _Token) -> bool:
    """A street or place after a preposition of place, not a person: "przy Józefa", "przy Lea" (a person
    after "przy" takes the locative: "przy Kasi"), "na Kapelance", "w Zielonkach", "in Kazimierz",
    and a weak name after a place or institution word ("w Galerii Kazimierz")."""
    if prev.f == "przy":
        return not t.raw.lower().endswith(_LOCATIVE_END) or not (t.first or t.surname)
    if t.first or t.surname:
        return False
    if prev.f in ("w", "we", "na"):
        return t.raw.lower().endswith(("ce", "ach", "owie", "iu", "ej"))
    if prev.f in ("in", "near"):
        return True
    return prev.cap and prev.not_name and not prev.context_word() and len(prev.f) > 3 \
        and prev.f not in ("i'm", "i’m") and (t.weak_first or t.weak_surname)


_ADJECTIVE_END = re.compile(r"(?:sk|ck|dzk)(?:i|a|iego|iej|im|ą|ie)$")


def _gap(text: str, a: _Token, b: _Token, allowed: str = " \t-") -> bool:
    """True when only `allowed` characters stand between two tokens."""
    return all(c in allowed for c in text[a.end: b.start])


def _institution_neighbour(text: str, tokens: list[_Token], a: int, b: int) -> bool:
    """True when tokens a and b stand side by side and the other one than the candidate is a
    capitalised word that is no name (a place or institution word)."""
    if a < 0 or b >= len(tokens) or not _gap(text, tokens[a], tokens[b], " "):
        return False
    other = [tokens[a], tokens[b]]
    return any(o.cap and o.not_name and not o.context_word() for o in other)


def _mark_names(text: str) -> list[_Token]:
    tokens = [_Token(m, text) for m in _WORD.finditer(text)]
    name = [False] * len(tokens)

    def digit_next(i: int) -> bool:
        t = tokens[i]
        before = text[max(0, t.start - 3): t.start].strip()
        after = text[t.end: t.end + 3].strip()
        return bool(before and before[-1].isdigit() or after and after[0].isdigit())

    for i, t in enumerate(tokens):
        if len(t.f) < 2 or t.context_word() or t.function and not t.cap:
            continue
        if t.not_name:
            continue
        if t.first or t.surname:
            name[i] = not (t.f in ("jan", "maja") and digit_next(i))
        elif t.shape and t.cap:
            name[i] = True
        elif (t.weak_first or t.weak_surname) and t.cap and not t.start_of_sentence and not t.upper:
            name[i] = not digit_next(i)

    # A title, a role or a naming phrase: the next word is a name when it is capitalised or looks like one.
    for i, t in enumerate(tokens):
        if not t.context_word():
            continue
        english_title = t.f in N.ENGLISH_TITLES
        j = i + 1
        while j < len(tokens) and (tokens[j].context_word() or tokens[j].f in _POSSESSIVES) \
                and _gap(text, tokens[j - 1], tokens[j], " \t,:;()-–—.") and j - i < 4:
            english_title = english_title or tokens[j].f in N.ENGLISH_TITLES
            j += 1
        if j >= len(tokens) or not _gap(text, tokens[j - 1], tokens[j], " \t,:;()-–—.\"'„“”"):
            continue
        if t.f in ("nazywa", "nazywam", "nazywala", "nazywal"):
            if tokens[j].f not in ("sie", "się"):
                continue
            j += 1
            if j >= len(tokens) or not _gap(text, tokens[j - 1], tokens[j], " \t,:"):
                continue
        if tokens[j].f in _HEDGES and j + 1 < len(tokens) and _gap(text, tokens[j], tokens[j + 1], " "):
            j += 1
        c = tokens[j]
        if t.f in _NAME_NOUNS and not c.cap and not c.name_like():
            continue
        if c.function or c.not_name and not (c.first or c.surname) or len(c.f) < 2:
            continue
        explicit = t.naming and t.f not in ("named", "called")
        if (c.cap and not c.upper) or c.name_like() and not (c.f in _ROLE_VERB_HOMOGRAPHS and not c.cap and t.role) \
                or (english_title or explicit) and c.raw.isalpha():
            name[j] = True
            if explicit and j + 1 < len(tokens) and _gap(text, c, tokens[j + 1], " \t") \
                    and not tokens[j + 1].function and not tokens[j + 1].not_name and tokens[j + 1].raw.isalpha():
                name[j + 1] = True

    # Neighbours of a name: a surname after a first name, a first name before a surname, initials.
    for _ in range(3):
        changed = False
        for i, t in enumerate(tokens):
            if name[i] or len(t.f) < 2 or t.context_word() or t.function:
                continue
            left = i > 0 and name[i - 1] and _gap(text, tokens[i - 1], t)
            right = i + 1 < len(tokens) and name[i + 1] and _gap(text, t, tokens[i + 1])
            if not (left or right) or t.not_name and not (t.first or t.surname):
                continue
            strong = t.first or t.surname or t.shape or t.weak_surname and left
            if strong or (t.cap and not t.upper and (left or not t.start_of_sentence)):
                name[i] = changed = True
        if not changed:
            break

    # A capitalised word right after a first name is its surname, even when it is also a word,
    # a month or a nationality ("Lucyna Marzec", "Dominika Polak", "Eryk Sołtys").
    for i in range(1, len(tokens)):
        a, t = tokens[i - 1], tokens[i]
        if name[i] or not (name[i - 1] and a.first and a.cap) or not t.cap or t.upper or t.function or len(t.f) < 2:
            continue
        if _gap(text, a, t, " ") and not _ROMAN.match(text, t.end):
            name[i] = True
    # A nickname in quotes between two parts of a name: Jan "Żółw" Nowicki.
    for i in range(1, len(tokens) - 1):
        if name[i - 1] and name[i + 1] and not name[i] and tokens[i].cap \
                and _gap(text, tokens[i - 1], tokens[i], " \"'„“”«»") and _gap(text, tokens[i], tokens[i + 1], " \"'„“”«»"):
            name[i] = True
    # "I'm Rohan": a capitalised word no list knows after "I'm".
    for i in range(1, len(tokens)):
        a, t = tokens[i - 1], tokens[i]
        if a.f in ("i'm", "i’m") and t.cap and not t.upper and not t.not_name and not t.function \
                and not t.f.endswith(("ian", "ese", "ish", "ans")) \
                and _gap(text, a, t, " "):
            name[i] = True

    # Two capitalised words in a row, away from a sentence start, that are no place or institution.
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.start_of_sentence or not (a.cap and b.cap) or a.upper or b.upper or len(a.f) < 2 or len(b.f) < 2:
            continue
        if a.not_name or b.not_name or a.context_word() or b.context_word() or a.function or b.function:
            continue
        if _gap(text, a, b, " "):
            name[i] = name[i + 1] = True

    # A lone capitalised word away from a sentence start that no list knows: most often a name,
    # unless it is part of an institution's or a place's name ("Fundacja Ocalenie", "Helsinki
    # Foundation", "Prądnik Biały"), next to a capitalised word that is no name.
    for i, t in enumerate(tokens):
        if name[i] or not t.cap or t.upper or t.start_of_sentence or len(t.f) < 3:
            continue
        if t.not_name or t.context_word() or t.function or t.f in _ABBREVIATIONS:
            continue
        if _institution_neighbour(text, tokens, i - 1, i) or _institution_neighbour(text, tokens, i, i + 1):
            continue
        name[i] = True

    # A word found to be a name is a name wherever else the message repeats it ("hiroshi's English").
    found = {t.f for t, n in zip(tokens, name) if n and len(t.f) >= 3 and not (t.weak_first or t.weak_surname)}
    for i, t in enumerate(tokens):
        if not name[i] and t.f in found and not t.function and not t.not_name:
            name[i] = True

    # What a name can never be: the predicate noun after "jestem", "jest" ("jest Kurdem", "jestem
    # Romką": a people, not a person), and a disease's or a symbol's eponym ("zespół Downa",
    # "chorobę Crohna", "gwiazdy Dawida", "Down syndrome").
    for i, t in enumerate(tokens):
        if not name[i]:
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if prev and prev.f in _COPULA and _predicate_noun(t) and _gap(text, prev, t, " "):
            name[i] = False
        elif prev and prev.cap and prev.not_name and not prev.context_word() and not name[i - 1] \
                and _ADJECTIVE_END.search(t.f) and _gap(text, prev, t, " "):
            name[i] = False  # "Rynku Podgórskim", "Rondzie Mogilskim": a place's adjective, no surname
        elif prev and _place_after(prev, t) and _gap(text, prev, t, " "):
            name[i] = False
        elif prev and prev.f.startswith(_EPONYM_BEFORE) and _gap(text, prev, t, " "):
            name[i] = False
        elif nxt and nxt.f in _EPONYM_AFTER and _gap(text, t, nxt, " '’s"):
            name[i] = False
    return [t for t, n in zip(tokens, name) if n]


_INITIAL = re.compile(r"\s[" + _UPPER + r"]\.(?=\s|,|$)")
_INITIAL_BEFORE = re.compile(r"(?:^|(?<=\s))[" + _UPPER + r"]\.\s$")


def _redact_names(text: str) -> str:
    marked = _mark_names(text)
    if not marked:
        return text
    spans: list[list[int]] = []
    for t in marked:
        start, end = t.start, t.end
        before = _INITIAL_BEFORE.search(text[max(0, start - 4): start])
        if before:
            start -= len(before.group(0))
        after = _INITIAL.match(text, end)
        if after:
            end = after.end()
        if spans and all(c in " \t-" for c in text[spans[-1][1]: start]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(_MARK["[name]"])
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- the whole --------------------------------------------------------------------------------------

def redact(text: str) -> str:
    """The text with every identifier replaced by a bracketed label; control characters removed."""
    text = strip_controls(text)
    text = _EMAIL.sub(_label("[e-mail]"), text)
    text = _EMAIL_BRACKETS.sub(_label("[e-mail]"), text)
    text = _EMAIL_WORDS.sub(_label("[e-mail]"), text)
    text = _LINK.sub(_label("[link]"), text)
    text = _BARE_LINK.sub(_label("[link]"), text)
    text = _HANDLE.sub(_label("[handle]"), text)
    text = _PLATFORM_HANDLE.sub(_group("[handle]"), text)
    text = _UNDERSCORED.sub(_label("[handle]"), text)
    text = _ACCOUNT.sub(_label("[account number]"), text)
    text = _LOOSE_ACCOUNT.sub(_label("[account number]"), text)
    text = _INTERNATIONAL_PHONE.sub(_keep_help_number("[phone]", 8, 15), text)
    text = _DATE.sub(_date, text)
    text = _BIRTH_YEAR_SHORT.sub(_label("[date of birth]"), text)
    text = _BIRTH_YEAR.sub(_group("[date of birth]"), text)
    text = _BIRTH_YEAR_AFTER.sub(_group("[date of birth]"), text)
    text = _DAY_MONTH.sub(_birthday(text), text)
    text = _SIGNATURE.sub(_label("[ID number]"), text)
    text = _CODE.sub(_label("[ID number]"), text)
    text = _CARD.sub(_label("[card number]"), text)
    text = _PESEL.sub(_label("[PESEL]"), text)
    text = _NIP.sub(_label("[NIP]"), text)
    text = _DOC_NUMBER.sub(_group("[ID number]"), text)
    text = _ID_CARD.sub(_label("[ID number]"), text)
    text = _PASSPORT.sub(_label("[ID number]"), text)
    text = _UA_PLATE.sub(_label("[plate]"), text)
    text = _PLATE_CONTEXT.sub(_group("[plate]"), text)
    text = _PLATE.sub(_plate, text)
    text = _prefixed_address(text)
    text = _ENGLISH_ADDRESS.sub(_label("[address]"), text)
    text = _FLAT_ADDRESS.sub(_label("[address]"), text)
    text = _PREPOSITION_ADDRESS.sub(_group("[address]"), text)
    text = _FLAT_AFTER.sub("", text)
    text = _PHONE.sub(_keep_help_number("[phone]", 9, 13), text)
    text = _POSTAL.sub(_label("[postal code]"), text)
    text = _ID_AFTER_CUE.sub(_cued_id, text)
    text = _redact_names(text)
    return text.translate(_UNMARK)
