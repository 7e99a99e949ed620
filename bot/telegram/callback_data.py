"""Button data: the one place that packs and unpacks what a tapped button sends back, within Telegram's 64 bytes."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.core.model import LANGS

log = logging.getLogger(__name__)

#: Telegram refuses a button whose callback data is longer than this, in UTF-8 bytes.
LIMIT = 64
# The languages a button can name are the reply languages (LANGS); an entry, topic or "why" button
# naming another opens in Polish.
_INDEX = re.compile(r"-?[0-9]+")


@dataclass(frozen=True)
class OpenEntry:
    """e:<lang>:<entry> — an entry's answer in a language."""

    lang: str
    entry: str


@dataclass(frozen=True)
class OpenTopic:
    """t:<lang>:<topic> — the questions of a topic area."""

    lang: str
    topic: str


@dataclass(frozen=True)
class ReportStep:
    """r:<lang>[:<place>[:<ground>[:y|n]]] — a step of the /report flow: where, why, anyone in danger."""

    lang: str
    place: str | None = None
    ground: str | None = None
    in_danger: bool | None = None


@dataclass(frozen=True)
class ShowOffer:
    """fq:<token> — show an unanswered question as the editors would see it, before sending it."""

    token: str


@dataclass(frozen=True)
class SendOffer:
    """fs:<token> — the resident confirms: the question is kept for the editors."""

    token: str


@dataclass(frozen=True)
class DropOffer:
    """fc:<token> — the resident declines: nothing is kept."""

    token: str


@dataclass(frozen=True)
class Rate:
    """fb:<entry>:1|0 — 👍 or 👎 for an answer."""

    entry: str
    helpful: bool


@dataclass(frozen=True)
class WhyThisAnswer:
    """why:<lang>:<entry>:<variant lang><variant index>:h|m|l — the variant matched, and how sure the match was."""

    lang: str
    entry: str
    variant_lang: str
    variant_index: int
    band: str


@dataclass(frozen=True)
class ChooseLanguage:
    """lang:pl|en — the language to answer in when a message's language is unclear."""

    lang: str


@dataclass(frozen=True)
class Forget:
    """forget:yes|no — the answer to "erase everything I store about you?"."""

    confirmed: bool


Button = (
    OpenEntry
    | OpenTopic
    | ReportStep
    | ShowOffer
    | SendOffer
    | DropOffer
    | Rate
    | WhyThisAnswer
    | ChooseLanguage
    | Forget
)
PREFIXES = {
    OpenEntry: "e",
    OpenTopic: "t",
    ReportStep: "r",
    ShowOffer: "fq",
    SendOffer: "fs",
    DropOffer: "fc",
    Rate: "fb",
    WhyThisAnswer: "why",
    ChooseLanguage: "lang",
    Forget: "forget",
}


class ButtonDataError(ValueError):
    """A button whose data Telegram would refuse (over LIMIT bytes) or that could not be read back."""


def pack(button: Button) -> str:
    """The callback data of a button; raises ButtonDataError when it would not fit in LIMIT bytes."""
    match button:
        case OpenEntry(lang, entry):
            fields = [lang, entry]
        case OpenTopic(lang, topic):
            fields = [lang, topic]
        case ReportStep(lang, place, ground, in_danger):
            steps = [place, ground, None if in_danger is None else "y" if in_danger else "n"]
            given = [s for s in steps if s is not None]
            if steps[: len(given)] != given:
                raise ButtonDataError("a /report step names a later step without the earlier ones")
            fields = [lang, *given]
        case ShowOffer(token) | SendOffer(token) | DropOffer(token):
            fields = [token]
        case Rate(entry, helpful):
            fields = [entry, "1" if helpful else "0"]
        case WhyThisAnswer(lang, entry, variant_lang, variant_index, band):
            fields = [lang, entry, f"{variant_lang}{variant_index}", band]
        case ChooseLanguage(lang):
            fields = [lang]
        case Forget(confirmed):
            fields = ["yes" if confirmed else "no"]
        case _:
            raise ButtonDataError(f"not a button: {type(button).__name__}")
    if any(":" in f for f in fields):
        raise ButtonDataError(f"a field of a {type(button).__name__} button contains ':'")
    data = ":".join([PREFIXES[type(button)], *fields])
    if len(data.encode()) > LIMIT:
        raise ButtonDataError(f"{type(button).__name__} button data of {len(data.encode())} bytes, over {LIMIT}")
    return data


def kind(data: str) -> str | None:
    """The prefix of callback data when it is one of ours (for the log), else None."""
    prefix = data.partition(":")[0]
    return prefix if prefix in PREFIXES.values() else None


def unpack(data: str) -> Button | None:
    """The button that callback data names, or None when it is not one of ours: data may be forged or
    left over from an older version. Only its shape is checked; whether the entry, topic or step it
    names exists is for the handler to see."""
    prefix, _, rest = data.partition(":")
    if prefix in ("e", "t"):
        lang, _, name = rest.partition(":")
        lang = lang if lang in LANGS else "pl"
        return OpenEntry(lang, name) if prefix == "e" else OpenTopic(lang, name)
    if prefix == "r":
        parts = data.split(":")
        if not 2 <= len(parts) <= 5 or parts[1] not in LANGS or len(parts) == 5 and parts[4] not in ("y", "n"):
            return None
        steps = parts[2:] + [None] * (5 - len(parts))
        return ReportStep(parts[1], steps[0], steps[1], None if steps[2] is None else steps[2] == "y")
    if prefix in ("fq", "fs", "fc"):
        if prefix == "fq":
            return ShowOffer(rest)
        return SendOffer(rest) if prefix == "fs" else DropOffer(rest)
    if prefix == "fb":
        entry, _, value = rest.rpartition(":")
        return Rate(entry, value == "1") if value in ("0", "1") else None
    if prefix == "why":
        parts = data.split(":")
        if len(parts) != 5 or parts[4] not in ("h", "m", "l") or not _INDEX.fullmatch(parts[3][2:]):
            return None
        return WhyThisAnswer(
            parts[1] if parts[1] in LANGS else "pl", parts[2], parts[3][:2], int(parts[3][2:]), parts[4]
        )
    if prefix == "lang":
        return ChooseLanguage(rest) if rest in LANGS else None
    if prefix == "forget":
        return Forget(rest == "yes") if rest in ("yes", "no") else None
    return None
