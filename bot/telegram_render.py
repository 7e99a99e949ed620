"""What the Telegram front end shows: HTML replies split below Telegram's limit, and keyboards as
plain (label, callback data) rows. No Telegram imports, so it is tested on its own."""

from __future__ import annotations

import html
from typing import Callable

from bot.core.compose import Translations, source_line
from bot.core.model import Knowledge, Reply

#: Telegram allows 4096 characters after entity parsing; leave headroom for markup and emoji.
CHUNK = 3500
Button = tuple[str, str]


def split_message(text: str, limit: int = CHUNK) -> list[str]:
    """Parts of at most `limit` characters, cut at paragraph, then line, then word boundaries."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        parts.append(rest)
    return parts or [""]


def reply_html(reply: Reply, knowledge: Knowledge, tr: Translations) -> str:
    """The reply as Telegram HTML: the entry's own (validated) markup for answers, escaped text else."""
    if reply.outcome == "answer" and reply.entry_id:
        entry = knowledge.entry(reply.entry_id)
        if entry is not None:
            body = entry.answer[reply.lang].strip()
            return f"{body}\n\n<i>{html.escape(source_line(entry, tr))}</i>"
    return html.escape(reply.text)


def entry_button(entry_id: str, title: str, lang: str) -> Button:
    """A button that opens an entry's answer in `lang`."""
    return (title, f"e:{lang}:{entry_id}")


def reply_keyboard(reply: Reply, translations: Callable[[str], Translations]) -> list[list[Button]]:
    """Buttons under a reply: "did you mean" choices, related entries, and the same answer in the
    other language (its label written in that language)."""
    rows: list[list[Button]] = [[entry_button(s.entry, s.title, reply.lang)] for s in reply.suggestions]
    if reply.outcome == "answer" and reply.entry_id:
        rows += [[entry_button(r.entry, r.title, reply.lang)] for r in reply.related[:3]]
        feedback = [("👍", f"fb:{reply.entry_id}:1"), ("👎", f"fb:{reply.entry_id}:0")]
        why = why_data(reply)
        if why:
            feedback.append((translations(reply.lang).gettext("Why this answer?"), why))
        rows.append(feedback)
        other = "en" if reply.lang == "pl" else "pl"
        label = translations(other).gettext("Show this answer in my language")
        rows.append([(label, f"e:{other}:{reply.entry_id}")])
    return rows


def confidence_band(score: float) -> str:
    """h, m or l: how sure the matcher was."""
    return "h" if score >= 0.7 else "m" if score >= 0.5 else "l"


def why_data(reply: Reply) -> str | None:
    """Callback data naming the variant matched ("why:<lang>:<entry>:<variant lang><index>:<band>")."""
    candidates = reply.explain.get("candidates") or []
    if not candidates or candidates[0]["entry"] != reply.entry_id:
        return None
    best = candidates[0]
    return f"why:{reply.lang}:{reply.entry_id}:{best['variant_lang']}{best.get('variant_index', -1)}:" \
           f"{confidence_band(reply.score)}"


def why_text(knowledge: Knowledge, data: str, tr: Translations) -> str | None:
    """The explanation for "why this answer?" callback data, or None if the data is not valid."""
    parts = data.split(":")
    if len(parts) != 5 or parts[4] not in ("h", "m", "l"):
        return None
    entry = knowledge.entry(parts[2])
    vlang, index = parts[3][:2], parts[3][2:]
    if entry is None or vlang not in entry.questions or not index.lstrip("-").isdigit():
        return None
    questions = entry.questions[vlang]
    i = int(index)
    variant = questions[i] if 0 <= i < len(questions) else entry.title.get(vlang, "")
    _ = tr.gettext
    band = {"h": _("I am quite sure of this match."), "m": _("I am fairly sure of this match."),
            "l": _("I am not very sure of this match.")}[parts[4]]
    return _("Your question looked most like this one: “{variant}”.").format(variant=variant) + " " + band


def language_keyboard() -> list[list[Button]]:
    """Polish / English choice (each label in its own language)."""
    return [[("Polski", "lang:pl"), ("English", "lang:en")]]


def topics_keyboard(knowledge: Knowledge, lang: str) -> list[list[Button]]:
    """One button per topic area that has entries."""
    used = {e.topic for e in knowledge.entries}
    return [[(t.title.get(lang, t.id), f"t:{lang}:{t.id}")] for t in knowledge.topics if t.id in used]


def topic_entries_keyboard(knowledge: Knowledge, topic: str, lang: str) -> list[list[Button]]:
    """One button per entry of a topic."""
    return [[entry_button(e.id, e.title[lang], lang)] for e in knowledge.entries if e.topic == topic]
