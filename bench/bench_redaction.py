"""Benchmark: how much of what identifies someone bot.core.redact removes from the questions residents
send to the editors, per kind of identifier; how many ordinary words it wrongly removes; its latency.
Prints figures; asserts nothing (the gate is tests/core/test_redact.py).

    python3 bench/bench_redaction.py [FILE] [--misses]

FILE (default tests/data/redaction/dev.yaml) holds one message a line:
`- {text: "…", lang: pl, ids: ["…"], kinds: ["name"]}`; `ids` are the exact identifier substrings,
`kinds` (optional, one per id) overrides the kind guessed from the identifier's shape.

An identifier counts as removed when none of its letters-or-digits tokens of two or more characters
survives in the output, except tokens that also occur in the message outside its identifiers and
courtesy titles ("pani" in "pani Nowak", "dr", "Mr": they identify no one, and redaction keeps them
so the editors can read the sentence). The strict figure counts those titles too.
Ordinary words are the message's tokens (two or more characters) outside its identifiers; one is
wrongly removed when the output has fewer of it than the input. The labels redaction writes
("[name]", "[phone]" …) are dropped from the output before counting, unless the message itself
contains that bracketed text. `--misses` lists every identifier left and every word removed (it
prints messages: never use it on a blind set).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.redact import redact  # noqa: E402

DEV = ROOT / "tests" / "data" / "redaction" / "dev.yaml"
_TOKEN = re.compile(r"[^\W_]+")
_LABEL = re.compile(r"\[[^\[\]\n]{1,40}\]")
_MONTHS = re.compile(
    r"\b(?:stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|pa[zź]dz|listop|grud|"
    r"jan|feb|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-ząćęłńóśźż]*\b",
    re.I,
)
_STREET = re.compile(
    r"^(?:ul|al|os|pl)\.|^(?:ul|al|os)\s+[^\W\d]|^(?:ulic|alej|osiedl|plac)|\b(?:street|road|lane|avenue|st|rd)\b", re.I
)


#: Titles a corpus writer may mark as part of a name; they identify no one.
TITLES = frozenset(
    [
        "pan",
        "pani",
        "pana",
        "panu",
        "panem",
        "panią",
        "panie",
        "panowie",
        "państwo",
        "dr",
        "doktor",
        "doktora",
        "doktorem",
        "mgr",
        "inż",
        "prof",
        "profesor",
        "profesora",
        "mec",
        "mecenas",
        "ks",
        "ksiądz",
        "księdza",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "madam",
        "dr",
    ]
)


def tokens(text: str) -> list[str]:
    """Case-folded letters-or-digits tokens of two or more characters."""
    return [t for t in _TOKEN.findall(text.casefold()) if len(t) >= 2]


def guess_kind(ident: str) -> str:
    """The kind of an identifier, guessed from its shape."""
    s = ident.strip()
    low = s.casefold()
    digits = re.sub(r"\D", "", s)
    letters = re.sub(r"[\W\d_]", "", s)
    if s.startswith("@"):
        return "handle"
    if re.match(r"(?:https?://|www\.)|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/|$)", low):
        return "link"
    if "@" in s or re.search(r"[\[({<]\s*at\s*[\])}>]|\bat\b.+\bdot\b|\bma[lł]p|\bat\b.+\.\w{2,}$", low):
        return "e-mail"
    if re.fullmatch(r"\d{2}-\d{3}", s):
        return "postal code"
    if _STREET.search(s):
        return "address"
    if (
        re.search(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b\d{4}-\d{2}-\d{2}\b", s)
        and len(digits) <= 8
        or re.fullmatch(r"(?:ur\.?\s*)?(?:19|20)\d{2}", low)
        or _MONTHS.search(low)
        and digits
        and not re.search(r"\d{5,}", s)
    ):
        return "date"
    if len(digits) >= 20:
        return "account number"
    if len(digits) in (15, 16) and not letters:
        return "card number"
    if re.fullmatch(r"\d{11}", s):
        return "PESEL"
    if len(digits) == 10 and (not letters or letters.upper() == "PL"):
        return "NIP"
    if not letters and len(digits) >= 9:
        return "phone"
    if re.fullmatch(r"[A-Za-z]{1,3}\s?\d{6,8}", s) or re.fullmatch(r"\d{5,8}", s):
        return "ID number"
    if re.fullmatch(r"[A-Z]{1,3}[ -]?[0-9A-Z]{3,5}(?: [A-Z]{2})?", s) and digits:
        return "plate"
    if digits:
        return "address"
    return "name"


@dataclass
class Figures:
    """What one corpus measured: identifiers removed per kind, ordinary words kept, latency."""

    removed: Counter = field(default_factory=Counter)
    removed_strict: int = 0
    total: Counter = field(default_factory=Counter)
    words: int = 0
    words_removed: int = 0
    clean_words: int = 0
    clean_words_removed: int = 0
    messages: int = 0
    misses: list = field(default_factory=list)
    latencies_ms: list = field(default_factory=list)

    def share_removed(self) -> float:
        return sum(self.removed.values()) / max(1, sum(self.total.values()))

    def share_wrongly_removed(self) -> float:
        return self.words_removed / max(1, self.words)


def load_messages(path: Path) -> list[dict]:
    """The corpus' messages: a YAML list of mappings, or one bare flow mapping a line."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, list):
        data = [yaml.safe_load(line) for line in text.splitlines() if line.strip().startswith("{")]
    messages = []
    for item in data:
        ids = [str(i) for i in item.get("ids") or []]
        kinds = [str(k) for k in item.get("kinds") or []]
        messages.append(
            {
                "text": str(item["text"]),
                "lang": str(item.get("lang", "")),
                "ids": ids,
                "kinds": kinds + [guess_kind(i) for i in ids[len(kinds) :]],
            }
        )
    return messages


def _outside(text: str, ids: list[str]) -> str:
    for ident in sorted(ids, key=len, reverse=True):
        text = text.replace(ident, " ")
    return text


def score(message: dict, output: str, figures: Figures) -> None:
    """Add one message and its redacted output to the figures."""
    text, ids = message["text"], message["ids"]
    kept = _LABEL.sub(lambda m: m.group(0) if m.group(0) in text else " ", output)
    out_tokens = Counter(tokens(kept))
    outside = Counter(tokens(_outside(text, ids)))
    figures.messages += 1
    for ident, kind in zip(ids, message["kinds"], strict=True):
        left_strict = [t for t in tokens(ident) if out_tokens[t] > outside[t]]
        left = [t for t in left_strict if t not in TITLES]
        figures.total[kind] += 1
        figures.removed_strict += not left_strict
        if left:
            figures.misses.append(("kept", kind, ident, output))
        else:
            figures.removed[kind] += 1
    lost = outside - out_tokens
    n_words, n_lost = sum(outside.values()), sum(lost.values())
    figures.words += n_words
    figures.words_removed += n_lost
    if not ids:
        figures.clean_words += n_words
        figures.clean_words_removed += n_lost
    if lost:
        figures.misses.append(("removed", "", " ".join(sorted(lost.elements())), output))


def measure(messages: list[dict], redactor=redact, rounds: int = 3) -> Figures:
    """Redact every message, score it, and time it (the best of `rounds` runs per message)."""
    figures = Figures()
    for m in messages:
        score(m, redactor(m["text"]), figures)
    best = [float("inf")] * len(messages)
    for _ in range(rounds):
        for i, m in enumerate(messages):
            start = time.perf_counter()
            redactor(m["text"])
            best[i] = min(best[i], (time.perf_counter() - start) * 1000)
    figures.latencies_ms = sorted(best)
    return figures


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / max(1, whole):.1f}%"


def report(figures: Figures, show_messages: bool = False) -> list[str]:
    """The figures as lines of text; the misses too when `show_messages`."""
    total, removed = sum(figures.total.values()), sum(figures.removed.values())
    lat = figures.latencies_ms or [0.0]
    lines = [
        f"identifiers removed: {_pct(removed, total)} (strict, titles counted: {_pct(figures.removed_strict, total)})"
    ]
    for kind in sorted(figures.total, key=lambda k: (-figures.total[k], k)):
        lines.append(f"  {kind:<15} {_pct(figures.removed[kind], figures.total[kind])}")
    lines.append(
        f"ordinary words wrongly removed: {_pct(figures.words_removed, figures.words)}"
        f" (in messages without identifiers: {_pct(figures.clean_words_removed, figures.clean_words)})"
    )
    lines.append(
        f"latency per message: p50 {lat[len(lat) // 2]:.3f} ms, "
        f"p99 {lat[min(len(lat) - 1, int(len(lat) * 0.99))]:.3f} ms, max {lat[-1]:.3f} ms"
    )
    if show_messages:
        for what, kind, item, output in figures.misses:
            lines.append(f"{what:>8} {kind:<14} {item!r:<40} -> {output}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEV)
    ap.add_argument("--misses", action="store_true", help="list identifiers kept and words removed")
    a = ap.parse_args()
    messages = load_messages(a.file)
    n_ids = sum(len(m["ids"]) for m in messages)
    print(
        f"{len(messages)} messages ({sum(1 for m in messages if m['ids'])} with identifiers, "
        f"{n_ids} identifiers) from {a.file.name}"
    )
    for line in report(measure(messages), show_messages=a.misses):
        print(line)


if __name__ == "__main__":
    main()
