"""What is not yet translated into a reply language that may still be missing (Ukrainian while its
translation is under way): one warning per entry, contact, topic, small talk or /report step, naming
the missing texts. Residents writing in that language read the Polish text meanwhile."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.model import TRANSLATING_LANGS, Knowledge
from bot.core.phrase import Phrase
from bot.knowledge.loader import Loaded
from bot.knowledge.problems import Problem


def missing_translations(loaded: Loaded) -> list[Problem]:
    """A warning for each item that lacks a text in a language being translated."""
    knowledge = loaded.knowledge
    assert knowledge is not None, "the translation check needs knowledge that read without errors"
    problems: list[Problem] = []
    for lang in TRANSLATING_LANGS:
        for label, place, missing in _gaps(knowledge, loaded, lang):
            file, line = (place.file, place.line) if place else ("knowledge", 1)
            problems.append(
                Problem(
                    file,
                    line,
                    Phrase(
                        "{label} has no {lang} text yet for: {fields}; residents who write in {lang} read the "
                        "Polish text meanwhile",
                        label=label,
                        lang=lang,
                        fields=", ".join(missing),
                    ),
                    "warning",
                )
            )
    return problems


def _gaps(knowledge: Knowledge, loaded: Loaded, lang: str):
    """(label, place, missing fields) for every item with a text missing in `lang`."""
    for entry in knowledge.entries:
        fields: dict[str, Mapping[str, object]] = {
            "title": entry.title,
            "questions": entry.questions,
            "answer": entry.answer,
        }
        missing = [name for name, texts in fields.items() if not texts.get(lang)]
        if missing:
            yield Phrase("entry '{id}'", id=entry.id), loaded.entries.get(entry.id), missing
    for contact in knowledge.contacts.values():
        texts = {"name": contact.name, "hours": contact.hours, "note": contact.note}
        missing = [name for name, by_lang in texts.items() if by_lang and not by_lang.get(lang)]
        if missing:
            yield Phrase("contact '{id}'", id=contact.id), loaded.contacts.get(contact.id), missing
    for topic in knowledge.topics:
        if not topic.title.get(lang):
            yield Phrase("topic '{id}'", id=topic.id), None, ["title"]
    for intent in knowledge.smalltalk:
        missing = [
            name for name, texts in (("phrases", intent.phrases), ("reply", intent.reply)) if not texts.get(lang)
        ]
        if missing:
            yield Phrase("small talk '{id}'", id=intent.id), None, missing
    if knowledge.routing is not None:
        steps = [(Phrase("report place '{id}'", id=p.id), p) for p in knowledge.routing.places]
        steps += [(Phrase("report ground '{id}'", id=g.id), g) for g in knowledge.routing.grounds]
        for label, step in steps:
            missing = [
                name for name, texts in (("label", step.label), ("words", step.words)) if texts and not texts.get(lang)
            ]
            if missing:
                yield label, None, missing
        if knowledge.routing.unfair and not knowledge.routing.unfair.get(lang):
            yield Phrase("report: unfair"), None, ["words"]
    lists: tuple[tuple[Phrase, Mapping[str, object]], ...] = (
        (Phrase("out_of_scope"), knowledge.out_of_scope),
        (Phrase("courtesy"), knowledge.courtesy),
    )
    for label, phrases in lists:
        if phrases and not phrases.get(lang):
            yield label, None, ["list"]
