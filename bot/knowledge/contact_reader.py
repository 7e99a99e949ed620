"""Reads the contacts of the knowledge (name, phone, hours and how sure they are, source) and the
numbers that stopped working (`retired`), which no answer, contact or reply may give, for the loader."""

from __future__ import annotations

import re

from bot.core.hours import HoursError
from bot.core.hours import parse as parse_hours
from bot.core.model import CARD_LANGS, Contact
from bot.core.phrase import Phrase
from bot.core.text import join_digits
from bot.knowledge.problems import Problem
from bot.knowledge.schema import CONFIDENCE, DATE, field_label, item_label
from bot.knowledge.yaml_lines import LList, line_of


def read_contact(loader, node, line: int, topic: str) -> None:
    node = loader.mapping(node, "contact", line, item_label("contact", node))
    if node is None:
        return
    contact_id = loader.ident(node, Phrase("contact"))
    label = Phrase("contact '{id}'", id=contact_id)
    if contact_id in loader.contact_lines:
        file, first = loader.contact_lines[contact_id]
        loader.problem(
            line_of(node, "id"),
            Phrase("contact id '{id}' is already used at {where}", id=contact_id, where=f"{file}:{first}"),
        )
        return
    source = None
    if node.get("source") is not None:
        source = loader.source(node["source"], line_of(node, "source"), field_label(label, "source"))
    else:
        loader.problem(
            node.line, Phrase("{label} has no 'source'; every number must say where it comes from", label=label)
        )
    hours = loader.bilingual(node, "hours", field_label(label, "hours"), CARD_LANGS[2:]) if "hours" in node else {}
    opening = loader.string_list(node, "open", field_label(label, "open"))
    for rule, rule_line in opening:
        try:
            parse_hours((rule,))
        except HoursError as exc:
            loader.problem(rule_line, Phrase("{label} open: {issue}", label=label, issue=exc.phrase))
    confidence = loader.text(node, "hours_confidence", field_label(label, "hours_confidence"), required=False) or "low"
    if confidence not in CONFIDENCE:
        loader.problem(
            line_of(node, "hours_confidence"),
            Phrase(
                "{label} hours_confidence must be high, medium or low (as the fact sheet rates the hours), not "
                "'{value}'",
                label=label,
                value=confidence,
            ),
        )
    note = loader.bilingual(node, "note", field_label(label, "note"), CARD_LANGS[2:]) if "note" in node else {}
    phone = loader.text(node, "phone", field_label(label, "phone"), required=False)
    for what, text in [("phone", phone)] + [(f"note ({lang})", t) for lang, t in note.items()]:
        loader.texts.append((text, loader.file, line_of(node, what.split()[0]), field_label(label, what)))
    if contact_id:
        loader.contact_lines[contact_id] = (loader.file, line_of(node, "id"))
        loader.contacts[contact_id] = Contact(
            contact_id,
            loader.bilingual(node, "name", field_label(label, "name"), CARD_LANGS[2:]),
            phone,
            hours,
            loader.text(node, "url", field_label(label, "url"), required=False),
            note,
            source,
            tuple(rule for rule, _ in opening),
            confidence,
        )


def read_retired(loader, node, line: int) -> None:
    if not isinstance(node, LList):
        loader.problem(
            line, Phrase("'retired' must be a list of numbers that no longer work (items starting with '- ')")
        )
        return
    for i, item in enumerate(node):
        item = loader.mapping(item, "retired", line_of(node, i), Phrase("retired number {n}", n=i + 1))
        if item is None:
            continue
        phone = loader.text(item, "phone", Phrase("retired number {n} phone", n=i + 1))
        label = Phrase("retired number {phone}", phone=phone)
        closed = loader.text(item, "closed", field_label(label, "closed"))
        if closed and not DATE.match(closed):
            loader.problem(
                line_of(item, "closed"),
                Phrase("{label} closed date must be YYYY, YYYY-MM or YYYY-MM-DD, not '{day}'", label=label, day=closed),
            )
        if item.get("source") is not None:
            loader.source(item["source"], line_of(item, "source"), field_label(label, "source"))
        if "name" in item:
            loader.bilingual(item, "name", field_label(label, "name"))
        digits = "".join(c for c in phone if c.isdigit())
        if len(digits) >= 3:
            loader.retired[digits] = (phone, closed, loader.file, line_of(item, "phone"))


# -- cross-file checks -----------------------------------------------------------------


def check_retired(loader) -> None:
    """No answer, contact or reply gives a number that no longer works."""
    for text, file, line, whose in loader.texts:
        digits = join_digits(text)
        for number, (written, closed, rfile, rline) in loader.retired.items():
            if re.search(rf"(?<!\d){number}(?!\d)", digits):
                loader.problems.append(
                    Problem(
                        file,
                        line,
                        Phrase(
                            "{whose} gives {number}, a number that stopped working on {closed} ({where}); remove it and "
                            "point to a working one",
                            whose=whose,
                            number=written,
                            closed=closed,
                            where=f"{rfile}:{rline}",
                        ),
                    )
                )
