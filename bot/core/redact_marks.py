"""What every redaction rule shares: the labels, the private-use marks that stand for them while the
rules run, the replacements that write a mark, and the capital letters the rules know."""

from __future__ import annotations

import re
from collections.abc import Callable

LABELS = (
    "[e-mail]",
    "[link]",
    "[handle]",
    "[account number]",
    "[phone]",
    "[card number]",
    "[PESEL]",
    "[NIP]",
    "[date]",
    "[date of birth]",
    "[ID number]",
    "[plate]",
    "[address]",
    "[postal code]",
    "[name]",
)
# While rules run, each label is one private-use character, which no later rule can match.
MARK = {label: chr(0xE000 + i) for i, label in enumerate(LABELS)}
UNMARK = {ord(c): label for label, c in MARK.items()}
OWN = re.compile("[\ue000-\ue0ff]")
#: Capital letters (Polish and Latin-1) in a character class: what starts a name or a street's name.
UPPER = "A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ"

#: What a rule puts in place of what it matched.
Replacement = Callable[[re.Match[str]], str]


def label(label: str) -> Replacement:
    mark = MARK[label]
    return lambda m: mark


def group(label: str, group: int = 1) -> Replacement:
    mark = MARK[label]

    def replace(m: re.Match[str]) -> str:
        start, end = m.span(group)
        return m.group(0)[: start - m.start()] + mark + m.group(0)[end - m.start() :]

    return replace
