"""Writes the reply a resident reads, in the reply language: answer and source, suggestions,
fallback with who can help, the crisis card."""

from __future__ import annotations

from typing import Protocol

from bot.core.markup import to_plain
from bot.core.model import Contact, Entry, Knowledge, Source


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


def source_text(source: Source) -> str:
    """'Title, Publisher, date' with empty parts left out."""
    return ", ".join(part for part in (source.title, source.publisher, source.date) if part)


def source_line(entry: Entry, tr: Translations) -> str:
    """The line naming an answer's sources and when it was last checked."""
    _ = tr.gettext
    sources = "; ".join(source_text(s) for s in entry.sources)
    return _("Source: {sources}. Checked {date}.").format(sources=sources, date=entry.reviewed)


def contact_line(contact: Contact, lang: str) -> str:
    """One line of a contact card: name, phone, hours, note."""
    parts = [contact.name.get(lang, "")]
    if contact.phone:
        parts[0] += f": {contact.phone}"
    hours = contact.hours.get(lang)
    if hours:
        parts[0] += f" ({hours})"
    note = contact.note.get(lang)
    if note:
        parts.append(note)
    if contact.url:
        parts.append(contact.url)
    return "• " + " — ".join(parts)


def answer_text(entry: Entry, lang: str, related: list[Entry], tr: Translations) -> str:
    """An answer as the resident reads it: the answer, its source line, related entries."""
    _ = tr.gettext
    text = [to_plain(entry.answer[lang]).strip(), "", source_line(entry, tr)]
    if related:
        titles = "; ".join(r.title[lang] for r in related)
        text.append(_("See also: {titles}").format(titles=titles))
    return "\n".join(text)


def suggest_text(entries: list[Entry], lang: str, tr: Translations) -> str:
    """The "did you mean" list."""
    _ = tr.gettext
    lines = [tr.ngettext("I am not sure I understood. Did you mean this topic?",
                         "I am not sure I understood. Did you mean one of these {n} topics?",
                         len(entries)).format(n=len(entries))]
    lines += [f"{i}. {e.title[lang]}" for i, e in enumerate(entries, 1)]
    lines.append(_("Choose one, or ask again in other words."))
    return "\n".join(lines)


def fallback_text(knowledge: Knowledge, lang: str, tr: Translations) -> str:
    """The honest "I don't know", with who can help."""
    _ = tr.gettext
    lines = [
        _("I don't know the answer to that. I can only answer questions about equality, "
          "discrimination and where to get help in Kraków."),
        "",
        _("Who can help:"),
    ]
    lines += [contact_line(knowledge.contacts[c], lang) for c in knowledge.fallback_contacts]
    lines += ["", _("If you are in danger, call 112.")]
    return "\n".join(lines)


def crisis_text(knowledge: Knowledge, lang: str, tr: Translations) -> str:
    """The emergency card: 112 first, then the crisis helplines."""
    _ = tr.gettext
    lines = [
        _("If you are in danger or someone's life is at risk, call 112 now (free, 24/7)."),
        "",
        _("You can talk to someone now, free of charge:"),
    ]
    lines += [contact_line(knowledge.contacts[c], lang) for c in knowledge.crisis.contacts]
    lines += ["", _("You are not alone. When you are safe, I can tell you where to get further help.")]
    return "\n".join(lines)
