"""Writes the reply a resident reads, in the reply language: answer and source, suggestions,
fallback with who can help, the crisis card."""

from __future__ import annotations

from typing import Protocol

from bot.core.markup import to_plain
from bot.core.model import AnswerParts, Contact, Entry, Knowledge, RouteStep, Source

#: The longest text one reply message may carry: Telegram allows 4096 characters after entity parsing;
#: this leaves headroom for markup and emoji. Front ends split longer texts; editors are warned.
MESSAGE_CHARS = 3500


class Translations(Protocol):
    """gettext-style translations for one language."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


class IdentityTranslations:
    """Returns the English message ids unchanged (used when no catalog is given)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


def source_text(source: Source, tr: Translations | None = None, lang: str = "pl") -> str:
    """'Title, Publisher, date' with empty parts left out (the publisher as `lang` names it); a page
    without a date reads 'undated'."""
    day = source.date
    if day == "undated":
        day = (tr or IdentityTranslations()).gettext("undated")
    return ", ".join(part for part in (source.title, source.publisher_in(lang), day) if part)


def day_text(day: str, tr: Translations) -> str:
    """A YYYY-MM-DD date the way the reply language writes it (Polish: 01.12.2026)."""
    year, month, dd = (day.split("-") + ["", ""])[:3]
    if not (year and month and dd):
        return day
    return tr.gettext("{year}-{month}-{day}").format(year=year, month=month, day=dd)


def source_line(entry: Entry, tr: Translations, lang: str = "en") -> str:
    """The line naming an answer's sources (each with its own date) and the day an editor compared the
    answer's facts with them ('reviewed'); it does not claim the facts were re-checked live that day."""
    _ = tr.gettext
    sources = "; ".join(source_text(s, tr, lang) for s in entry.sources)
    return _("Source: {sources}. Facts compared with these sources on {date}.").format(
        sources=sources, date=day_text(entry.reviewed, tr)
    )


def text_in(texts: dict[str, str], lang: str) -> str:
    """A text in `lang`, else in Polish (the names residents see on the spot), else in English."""
    return texts.get(lang) or texts.get("pl") or texts.get("en") or ""


def contact_line(contact: Contact, lang: str) -> str:
    """One line of a contact card: name, phone, hours, note."""
    parts = [text_in(contact.name, lang)]
    if contact.phone:
        parts[0] += f": {contact.phone}"
    hours = text_in(contact.hours, lang)
    if hours:
        parts[0] += f" ({hours})"
    note = text_in(contact.note, lang)
    if note:
        parts.append(note)
    if contact.url:
        parts.append(contact.url)
    return "• " + " — ".join(parts)


def answer_parts(
    entry: Entry, lang: str, tr: Translations, in_danger: bool = False, understood: str = ""
) -> AnswerParts:
    """An answer's parts: the 112 line when the message mentions danger, what triage understood (when
    it chose the entry), the answer in the entry's markup (in Polish, with a notice, while it is not
    translated into `lang`) and its source line."""
    shown = entry.answer_lang(lang)
    notices = () if shown == lang else (untranslated_line(tr),)
    return AnswerParts(
        body=entry.answer[shown].strip(),
        source=source_line(entry, tr, lang),
        concern=concern_line(tr) if in_danger else "",
        understood=understood,
        notices=notices,
    )


def untranslated_line(tr: Translations) -> str:
    """The notice above an answer shown in Polish because it is not written in the reply language yet."""
    return tr.gettext("This answer is not written in your language yet, so here it is in Polish.")


def russian_note(tr_ru: Translations) -> str:
    """The note, in Russian, above a reply to a Russian message: which languages answers come in, how to switch."""
    return tr_ru.gettext(
        "I answer in Ukrainian, Polish or English; here is the answer in Ukrainian. To choose the language, send /language."
    )


def answer_text(parts: AnswerParts, lang: str, related: list[Entry], tr: Translations) -> str:
    """An answer as the resident reads it in plain text: the lines above it, the answer, its source
    line, related entries."""
    _ = tr.gettext
    text = [line + "\n" for line in (*parts.notices, parts.concern, parts.understood) if line]
    text += [to_plain(parts.body).strip(), "", parts.source]
    if related:
        titles = "; ".join(r.title_in(lang) for r in related)
        text.append(_("See also: {titles}").format(titles=titles))
    return "\n".join(text)


def understood_line(place: RouteStep, ground: RouteStep, lang: str, tr: Translations) -> str:
    """What triage understood, put above the answer it chose: where, and on what ground (the /report labels)."""

    def low(label: str) -> str:
        return label[:1].lower() + label[1:]

    return tr.gettext("I understand this is about discrimination – where: {place}; why: {ground}.").format(
        place=low(text_in(place.label, lang)), ground=low(text_in(ground.label, lang))
    )


def suggest_text(entries: list[Entry], lang: str, tr: Translations) -> str:
    """The "did you mean" list."""
    _ = tr.gettext
    lines = [
        tr.ngettext(
            "I am not sure I understood. Did you mean this topic?",
            "I am not sure I understood. Did you mean one of these {n} topics?",
            len(entries),
        ).format(n=len(entries))
    ]
    lines += [f"{i}. {e.title_in(lang)}" for i, e in enumerate(entries, 1)]
    lines.append(_("Choose one, or ask again in other words."))
    return "\n".join(lines)


def concern_line(tr: Translations) -> str:
    """The one line put above an answer when the message mentions danger without being an emergency."""
    return tr.gettext("In danger now? Call 112 (free, 24/7).")


def helpline_lines(knowledge: Knowledge, lang: str, tr: Translations, contact_ids: tuple[str, ...]) -> list[str]:
    """112 first, then the helplines to talk to now."""
    _ = tr.gettext
    lines = [
        _("If you are in danger or someone's life is at risk, call 112 now (free, 24/7)."),
        "",
        _("You can talk to someone now:"),
    ]
    lines += [contact_line(knowledge.contacts[c], lang) for c in contact_ids if c in knowledge.contacts]
    return lines


def fallback_text(
    knowledge: Knowledge, lang: str, tr: Translations, in_danger: bool = False, situations: tuple[str, ...] = ()
) -> str:
    """The honest "I don't know", with who can help. When the message mentions danger, no "I don't
    know" at all: the emergency card for its situations, then who else can help."""
    _ = tr.gettext
    if in_danger:
        lines = [crisis_text(knowledge, lang, tr, situations), "", _("For anything else, these can help:")]
    else:
        lines = [
            _(
                "I don't know the answer to that. I can only answer questions about equality, "
                "discrimination and where to get help in Kraków."
            ),
            "",
            _("Who can help:"),
        ]
    contacts = knowledge.fallback_contacts
    if lang == "uk":  # and who helps in Ukrainian and Russian
        contacts += tuple(c for c in knowledge.other_language_contacts if c not in contacts)
    lines += [contact_line(knowledge.contacts[c], lang) for c in contacts if c in knowledge.contacts]
    if not in_danger:
        lines += ["", _("If you are in danger, call 112.")]
    return "\n".join(lines)


def crisis_text(knowledge: Knowledge, lang: str, tr: Translations, situations: tuple[str, ...] = ()) -> str:
    """The emergency card: 112 first, advice for the situation, then its helplines (the general
    ones when the situation is not known). Of several situations, the two listed first in the
    knowledge are shown."""
    _ = tr.gettext
    known = [s for s in knowledge.crisis.situations if s.id in situations]  # in the editors' order of priority
    contacts: list[str] = []
    for situation in known[:2]:
        contacts += [c for c in situation.contacts if c not in contacts]
    lines = helpline_lines(knowledge, lang, tr, tuple(contacts) or knowledge.crisis.contacts)
    advice = [text_in(s.advice, lang) for s in known[:2] if s.advice]
    if advice:
        lines[1:1] = ["", *advice]
    lines += ["", _("You are not alone. When you are safe, I can tell you where to get further help.")]
    return "\n".join(lines)
