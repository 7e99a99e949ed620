"""What the Telegram front end shows: HTML replies split below Telegram's limit, and keyboards as
plain (label, callback data) rows. No Telegram imports, so it is tested on its own."""

from __future__ import annotations

import html
from collections.abc import Callable

from bot.core.compose import MESSAGE_CHARS, Translations, contact_line, text_in
from bot.core.hours import is_open
from bot.core.hours import parse as parse_hours
from bot.core.model import LANGS, Knowledge, Reply
from bot.telegram.callback_data import ChooseLanguage, OpenEntry, OpenTopic, Rate, ReportStep, WhyThisAnswer, pack

#: One message's share of a long reply (Telegram allows 4096 characters after entity parsing).
CHUNK = MESSAGE_CHARS
#: Most entry buttons at the end of the /report flow.
REPORT_ENTRIES = 6
Button = tuple[str, str]


def split_message(text: str, limit: int = CHUNK) -> list[str]:
    """Parts of at most `limit` characters, cut at paragraph, then line, then word boundaries — never
    inside an HTML entity ("&amp;") or tag, which Telegram would refuse."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = _outside_markup(rest, limit)
        parts.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        parts.append(rest)
    return parts or [""]


def _outside_markup(text: str, cut: int) -> int:
    """`cut`, moved back before an entity or tag it would fall inside."""
    amp, lt = text.rfind("&", 0, cut), text.rfind("<", 0, cut)
    if amp > text.rfind(";", 0, cut) and amp > 0:
        cut = amp
    if lt > text.rfind(">", 0, cut) and lt > 0:
        cut = min(cut, lt)
    return cut


def reply_html(reply: Reply) -> str:
    """The reply as Telegram HTML: an answer's parts with the entry's own (validated) markup, the
    escaped text of any other reply."""
    parts = reply.parts
    if reply.outcome != "answer" or parts is None:
        return html.escape(reply.text)
    note = "".join(f"<i>{html.escape(line)}</i>\n\n" for line in parts.notices)  # the reply's language
    note += f"<b>{html.escape(parts.concern)}</b>\n\n" if parts.concern else ""
    if parts.understood:
        note += f"<i>{html.escape(parts.understood)}</i>\n\n"
    return f"{note}{parts.body}\n\n<i>{html.escape(parts.source)}</i>"


def entry_button(entry_id: str, title: str, lang: str) -> Button:
    """A button that opens an entry's answer in `lang`."""
    return (title, pack(OpenEntry(lang, entry_id)))


def reply_keyboard(reply: Reply, translations: Callable[[str], Translations]) -> list[list[Button]]:
    """Buttons under a reply: "did you mean" choices, related entries, and the same answer in the
    other language (its label written in that language)."""
    rows: list[list[Button]] = [[entry_button(s.entry, s.title, reply.lang)] for s in reply.suggestions]
    if reply.outcome == "answer" and reply.entry_id:
        rows += [[entry_button(r.entry, r.title, reply.lang)] for r in reply.related[:3]]
        feedback = [("👍", pack(Rate(reply.entry_id, True))), ("👎", pack(Rate(reply.entry_id, False)))]
        why = why_data(reply)
        if why:
            feedback.append((translations(reply.lang).gettext("Why this answer?"), why))
        rows.append(feedback)
        if reply.triage is not None:
            label = translations(reply.lang).gettext("Not what you meant? Choose where and why")
            rows.append([(label, pack(ReportStep(reply.lang)))])
        # The same answer in each other language, each button labelled in its own language.
        others = [lang for lang in LANGS if lang != reply.lang]
        rows.append(
            [
                entry_button(reply.entry_id, translations(o).gettext("Show this answer in my language"), o)
                for o in others
            ]
        )
    return rows


def confidence_band(score: float) -> str:
    """h, m or l: how sure the matcher was."""
    return "h" if score >= 0.7 else "m" if score >= 0.5 else "l"


def why_data(reply: Reply) -> str | None:
    """Callback data naming the variant matched ("why:<lang>:<entry>:<variant lang><index>:<band>")."""
    matched = reply.matched
    if matched is None or matched.entry != reply.entry_id:
        return None
    return pack(WhyThisAnswer(reply.lang, reply.entry_id, matched.lang, matched.index, confidence_band(reply.score)))


def why_text(knowledge: Knowledge, why: WhyThisAnswer, tr: Translations) -> str | None:
    """The explanation a "why this answer?" button asks for, or None when its entry or variant is unknown."""
    entry = knowledge.entry(why.entry)
    if entry is None or why.variant_lang not in entry.questions:
        return None
    questions = entry.questions[why.variant_lang]
    i = why.variant_index
    variant = questions[i] if 0 <= i < len(questions) else entry.title.get(why.variant_lang, "")
    _ = tr.gettext
    band = {
        "h": _("I am quite sure of this match."),
        "m": _("I am fairly sure of this match."),
        "l": _("I am not very sure of this match."),
    }[why.band]
    return _("Your question looked most like this one: “{variant}”.").format(variant=variant) + " " + band


def contacts_html(knowledge: Knowledge, lang: str, weekday: int, minute: int, tr: Translations) -> str:
    """The help numbers card: 112 first, crisis lines, then the rest, each marked open or closed now
    when its hours are known and rated high (`hours_confidence: high`)."""
    _ = tr.gettext
    order = ["emergency-112", *knowledge.crisis.contacts, *knowledge.fallback_contacts, *knowledge.contacts]
    lines = [f"<b>{html.escape(_('Help numbers'))}</b>"]
    for contact_id in dict.fromkeys(order):
        contact = knowledge.contacts.get(contact_id)
        if contact is None:
            continue
        line = f"<b>{html.escape(text_in(contact.name, lang))}</b>"
        if contact.phone:
            line += f": {html.escape(contact.phone)}"
        if text_in(contact.hours, lang):
            line += f" ({html.escape(text_in(contact.hours, lang))})"
        if contact.open_badge:
            state = _("open now") if is_open(parse_hours(contact.open), weekday, minute) else _("closed now")
            line += f" – <i>{html.escape(state)}</i>"
        if text_in(contact.note, lang):  # for some contacts the only way in ("at any police station …")
            line += f"\n{html.escape(text_in(contact.note, lang))}"
        if contact.url:
            line += f"\n{html.escape(contact.url)}"
        lines.append(line)
    return "\n\n".join(lines)


def language_keyboard() -> list[list[Button]]:
    """Polish / English / Ukrainian choice (each label in its own language)."""
    return [[(LANGUAGE_NAMES[lang], pack(ChooseLanguage(lang))) for lang in LANGS]]


#: Each reply language's name as its speakers write it (the language buttons).
LANGUAGE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}


def topics_keyboard(knowledge: Knowledge, lang: str) -> list[list[Button]]:
    """One button per topic area that has entries."""
    used = {e.topic for e in knowledge.entries}
    return [[(text_in(t.title, lang) or t.id, pack(OpenTopic(lang, t.id)))] for t in knowledge.topics if t.id in used]


def topic_entries_keyboard(knowledge: Knowledge, topic: str, lang: str) -> list[list[Button]]:
    """One button per entry of a topic."""
    return [[entry_button(e.id, e.title_in(lang), lang)] for e in knowledge.entries if e.topic == topic]


def report_step(
    knowledge: Knowledge, step: ReportStep, tr: Translations
) -> tuple[str, list[list[Button]], bool] | None:
    """One step of the /report flow: (HTML text, buttons, whether the crisis card comes first), or
    None when the place or ground it names is unknown."""
    routing = knowledge.routing
    if routing is None:
        return None
    _ = tr.gettext
    lang = step.lang
    if step.place is None:
        rows = [[(text_in(p.label, lang), pack(ReportStep(lang, p.id)))] for p in routing.places]
        return html.escape(_("Where did it happen?")), rows, False
    place = routing.place(step.place)
    if place is None:
        return None
    if step.ground is None:
        rows = [[(text_in(g.label, lang), pack(ReportStep(lang, place.id, g.id)))] for g in routing.grounds]
        return html.escape(_("Why do you think you were treated this way?")), rows, False
    ground = routing.ground(step.ground)
    if ground is None:
        return None
    if step.in_danger is None:
        rows = [
            [
                (_("Yes, someone is in danger now"), pack(ReportStep(lang, place.id, ground.id, True))),
                (_("No"), pack(ReportStep(lang, place.id, ground.id, False))),
            ]
        ]
        return html.escape(_("Is anyone in danger right now?")), rows, False
    where = _("Where to turn:")
    lines = [f"<b>{html.escape(where)}</b>"]
    for contact_id in dict.fromkeys(place.contacts + ground.contacts):
        contact = knowledge.contacts.get(contact_id)
        if contact is not None:
            lines.append(html.escape(contact_line(contact, lang)))
    lines.append(html.escape(_("Write down the date, place and witnesses, and keep messages, photos and screenshots.")))
    # The entries both list first (the case itself), then the setting's and the ground's, at most six.
    both = [e for e in place.entries if e in ground.entries]
    ids = list(dict.fromkeys(both + list(place.entries) + list(ground.entries)))[:REPORT_ENTRIES]
    entries = [knowledge.entry(e) for e in ids]
    rows = [[entry_button(e.id, e.title_in(lang), lang)] for e in entries if e is not None]
    return "\n\n".join(lines), rows, step.in_danger
