"""Checks beyond the schema, for editors: stale entries, thin variants, long answers, links, undated
sources, volatile facts (phones, hours, addresses, office-holders) from old sources that do not say
how old they are, and question variants the matcher answers with another entry. Messages say how to fix."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.core.assistant import Assistant
from bot.core.compose import MESSAGE_CHARS
from bot.core.markup import to_plain
from bot.core.model import LANGS, REQUIRED_LANGS, Entry
from bot.core.phrase import Phrase
from bot.knowledge.loader import Loaded
from bot.knowledge.problems import Problem
from bot.knowledge.translations import missing_translations

MIN_VARIANTS = 5
STALE_AFTER = timedelta(days=365)
NEAR_DUPLICATE = 0.6
# A phone-like run of digits (9+ digits with separators, or an unbroken run of 9+ digits).
_PHONE = re.compile(r"(?<![\w./-])(?:\+48[ -]?)?\d[\d .-]{7,}\d(?![\w/-])")
_PHONE_OK = re.compile(r"^(?:\+48 )?\d{2,3}(?: \d{2,4}){1,3}$")
# Volatile facts: opening hours ("8–16", "7:30", "24/7", "całą dobę") and an office-holder (a role word
# followed within a few words by a capitalised first name and surname). Phone numbers: _PHONE.
_HOURS = re.compile(
    r"(?<![\w.])\d{1,2}[:.]\d{2}(?!\d)|(?<![\w.])\d{1,2} ?[–-] ?\d{1,2}(?![\w.])|24/7|całą dobę|"
    r"całodobow|around the clock",
    re.I,
)
_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+"
_OFFICE = re.compile(
    r"(?i:\b(?:prezydent|burmistrz|pełnomocni|koordynator|przewodnicz|mayor|plenipotentiary|"
    r"coordinator|chair)\w*)(?:\W+\w+){0,4}?\W+" + _NAME
)
_ADDRESS = re.compile(r"(?<!\w)(?:ul|al|os|pl)\. ")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
VOLATILE_MONTHS = 18
_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?$")


def _months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when that month is shorter)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = (date(year + (month0 + 1) // 12, (month0 + 1) % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month0 + 1, min(day.day, last))


def _period_end(value: str) -> date:
    """The last day a source date can mean: '2024' -> 2024-12-31, '2024-02' -> 2024-02-29."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def volatile(text: str) -> bool:
    """Whether a text gives a phone number, opening hours or names an office-holder."""
    return bool(_PHONE.search(text) or _HOURS.search(text) or _OFFICE.search(text))


def old_source_years(sources, today: date) -> set[str]:
    """The years of the dated sources more than VOLATILE_MONTHS months old (by the last day their date can mean)."""
    cutoff = _months_before(today, VOLATILE_MONTHS)
    return {s.date[:4] for s in sources if s and s.date and s.date != "undated" and _period_end(s.date) < cutoff}


def check(loaded: Loaded, assistant: Assistant, today: date | None = None) -> list[Problem]:
    """Every warning and error of the deeper checks of knowledge read without errors, sorted; each
    problem at the line where its entry or contact is written."""
    today = today or date.today()
    knowledge = loaded.knowledge
    assert knowledge is not None, "the deeper checks need knowledge that read without errors"
    problems: list[Problem] = []

    def add(entry_id: str, message: Phrase, severity: str = "warning") -> None:
        place = loaded.entries.get(entry_id)
        problems.append(Problem(place.file if place else "knowledge", place.line if place else 1, message, severity))

    for entry in knowledge.entries:
        label = Phrase("entry '{id}'", id=entry.id)
        reviewed = date.fromisoformat(entry.reviewed)
        if today - reviewed > STALE_AFTER:
            add(
                entry.id,
                Phrase(
                    "{label} was last reviewed on {day}, over 12 months ago: check its facts, then set "
                    "'reviewed' to today's date",
                    label=label,
                    day=entry.reviewed,
                ),
            )
        for lang in LANGS:
            n = len(entry.questions.get(lang, ()))
            if n < MIN_VARIANTS and (n or lang in REQUIRED_LANGS):  # an untranslated language: translations.py
                add(
                    entry.id,
                    Phrase(
                        "{label} has {n} question variant(s) in {lang}; add at least {least}, written as "
                        "residents would ask (short, without Polish letters too)",
                        label=label,
                        n=n,
                        lang=lang,
                        least=MIN_VARIANTS,
                    ),
                )
            length = len(to_plain(entry.answer.get(lang, "")))
            if length > MESSAGE_CHARS:
                add(
                    entry.id,
                    Phrase(
                        "{label} answer ({lang}) is {length} characters, longer than one Telegram message "
                        "({limit}); shorten it or split it into two entries",
                        label=label,
                        lang=lang,
                        length=length,
                        limit=MESSAGE_CHARS,
                    ),
                )
        for i, source in enumerate(entry.sources, 1):
            if source.url and not _URL.match(source.url):
                add(
                    entry.id,
                    Phrase(
                        "{label} source {n} url {url} is not a well-formed https:// address; use the "
                        "https version of the page",
                        label=label,
                        n=i,
                        url=repr(source.url),
                    ),
                )
            if not source.date:
                add(
                    entry.id,
                    Phrase(
                        "{label} source {n} has no date; add the date of the page (YYYY, YYYY-MM or "
                        "YYYY-MM-DD) so readers can judge how current it is, or 'undated' if the page "
                        "shows none (residents then read that it is undated)",
                        label=label,
                        n=i,
                    ),
                )
        _check_variants(entry, label, assistant, add)
    # Near-duplicate entries: question vocabularies that mostly overlap (pairs found through rarer terms).
    for first, second, overlap in assistant.matcher.overlapping_entries(NEAR_DUPLICATE):
        add(
            first.id,
            Phrase(
                "entries '{first}' and '{second}' share {overlap:.0%} of their question words; merge "
                "them, or make each one's questions about its own topic",
                first=first.id,
                second=second.id,
                overlap=overlap,
            ),
        )
    # Volatile facts from old sources: the answer (or contact) must say how old its data is.
    for entry in knowledge.entries:
        years = old_source_years(entry.sources, today)
        for lang in LANGS:
            text = to_plain(entry.answer.get(lang, ""))
            if years and volatile(text) and not years & set(_YEAR.findall(text)):
                add(
                    entry.id,
                    Phrase(
                        "entry '{id}' answer ({lang}) gives a phone number, opening hours or an office-holder, and its "
                        "source from {years} is over {months} months old: check the fact against a newer source and "
                        "update the source, or say in the answer how old the data is, e.g. '(dane z {year} r.)' / "
                        "'(as of {year})'",
                        id=entry.id,
                        lang=lang,
                        years=", ".join(sorted(years)),
                        months=VOLATILE_MONTHS,
                        year=max(years),
                    ),
                )
    problems += _check_contacts(loaded, today)
    # Phone numbers: one way of writing them throughout (digit groups separated by spaces).
    for entry in knowledge.entries:
        for lang in LANGS:
            for number in _PHONE.findall(to_plain(entry.answer.get(lang, ""))):
                if not _PHONE_OK.match(number.strip()):
                    add(
                        entry.id,
                        Phrase(
                            "entry '{id}' answer ({lang}) writes the phone number {number} differently "
                            "from the rest; use digit groups separated by spaces, e.g. '12 421 92 82' or "
                            "'800 676 676'",
                            id=entry.id,
                            lang=lang,
                            number=repr(number.strip()),
                        ),
                    )
    problems += missing_translations(loaded)
    return sorted(problems)


def _check_variants(entry: Entry, label: Phrase, assistant: Assistant, add: Callable[..., None]) -> None:
    """Each question variant of an entry is answered with that entry (an error otherwise), and which
    ones show the emergency card (a warning: fine when someone asking it may be in danger)."""
    for lang in LANGS:
        for variant in entry.questions.get(lang, ()):
            reply = assistant.reply(variant, lang)
            if reply.outcome == "crisis":
                add(
                    entry.id,
                    Phrase(
                        "{label} question {question} shows the emergency card (frame {frame}); "
                        "fine if someone asking it may be in danger",
                        label=label,
                        question=repr(variant),
                        frame=repr(reply.explain["danger"]["frame"]),
                    ),
                )
                continue
            scores = {c["entry"]: c["score"] for c in reply.explain.get("candidates", [])}
            rivals = [(e, sc) for e, sc in scores.items() if e != entry.id and sc >= scores.get(entry.id, 0.0)]
            if reply.outcome == "answer" and reply.entry_id != entry.id:
                add(
                    entry.id,
                    Phrase(
                        "{label} question {question} is answered with entry '{other}' (score "
                        "{score:.2f}); reword the variant or the other entry's so each leads to its "
                        "own answer",
                        label=label,
                        question=repr(variant),
                        other=reply.entry_id,
                        score=reply.score,
                    ),
                    "error",
                )
            elif reply.outcome != "answer" and rivals:
                rival, score = rivals[0]
                add(
                    entry.id,
                    Phrase(
                        "{label} question {question} cannot be told apart from entry '{other}' "
                        "(scores {own:.2f} and {score:.2f}); reword the variant or the other entry's "
                        "so each leads to its own answer",
                        label=label,
                        question=repr(variant),
                        other=rival,
                        own=scores.get(entry.id, 0.0),
                        score=score,
                    ),
                    "error",
                )


def _check_contacts(loaded: Loaded, today: date) -> list[Problem]:
    """A contact's phone, hours or address rests on a dated source, and one over VOLATILE_MONTHS old
    says how old its data is."""
    assert loaded.knowledge is not None
    problems: list[Problem] = []
    for contact in loaded.knowledge.contacts.values():
        place = loaded.contacts.get(contact.id)
        file, line = (place.file, place.line) if place else ("knowledge", 1)
        shown = {
            lang: " ".join(t for t in (contact.hours.get(lang, ""), contact.note.get(lang, "")) if t)
            for lang in LANGS
            if lang in REQUIRED_LANGS or contact.hours.get(lang) or contact.note.get(lang)
        }
        if not (contact.phone or contact.open or any(volatile(t) or _ADDRESS.search(t) for t in shown.values())):
            continue
        if contact.source is None or contact.source.date in ("", "undated"):
            problems.append(
                Problem(
                    file,
                    line,
                    Phrase(
                        "contact '{id}' gives a phone number, hours or an address, but its source has no date: add the "
                        "date of the page (YYYY, YYYY-MM or YYYY-MM-DD), or cite a dated page that confirms it",
                        id=contact.id,
                    ),
                    "warning",
                )
            )
            continue
        years = old_source_years((contact.source,), today)
        for lang in shown:
            if years and not years & set(_YEAR.findall(shown[lang])):
                problems.append(
                    Problem(
                        file,
                        line,
                        Phrase(
                            "contact '{id}' ({lang}) gives a phone number, hours or an address from a source of {years}, "
                            "over {months} months old: check it against a newer source and update the source, or say in "
                            "its hours or note how old the data is, e.g. '(dane z {year} r.)' / '(as of {year})'",
                            id=contact.id,
                            lang=lang,
                            years=", ".join(sorted(years)),
                            months=VOLATILE_MONTHS,
                            year=max(years),
                        ),
                        "warning",
                    )
                )
    return problems
