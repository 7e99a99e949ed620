"""Usage figures for admins from the usage log: collected once with small cells suppressed, then
written as text or CSV. Nothing here can identify a resident: any cell describing fewer than
MIN_RESIDENTS residents is withheld."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

MIN_RESIDENTS = 5
SUPPRESSED = None  # a withheld cell


@dataclass
class Figures:
    """Aggregates for a period; a value of None means "fewer than 5 residents, withheld"."""

    since: date
    until: date
    messages: int | None = 0
    residents: int | None = 0
    answered_share: float | None = None
    crisis: int | None = 0
    per_day: list[tuple[str, int | None, int | None]] = field(default_factory=list)
    languages: list[tuple[str, int | None]] = field(default_factory=list)
    outcomes: list[tuple[str, int | None]] = field(default_factory=list)
    top_entries: list[tuple[str, int | None]] = field(default_factory=list)
    thumbs_down: list[tuple[str, int | None, int | None]] = field(default_factory=list)


def _cell(count: int, residents: int) -> int | None:
    """A count as shown: withheld when it describes 1 to 4 residents (a zero describes no one)."""
    return count if count == 0 or residents >= MIN_RESIDENTS else SUPPRESSED


def _shown_first(rows: list) -> list:
    """Rows by their shown value, largest first, then the withheld ones by name: withheld rows placed
    by their hidden value would tell its range."""
    return sorted((r for r in rows if r[1] is not None), key=lambda r: (-r[1], r[0])) + sorted(
        r for r in rows if r[1] is None
    )


def collect(store, since: date, until: date) -> Figures:
    """The events and feedback of [since, until] (whole days, UTC) from a store (SQLite or
    PostgreSQL), as suppressed figures."""
    raw = store.usage(since.isoformat(), until.isoformat())
    messages, residents = raw["total"]
    f = Figures(since, until, _cell(messages, residents), _cell(residents, residents))
    f.per_day = [(day, _cell(n, r), _cell(r, r)) for day, n, r in raw["per_day"]]
    f.languages = _shown_first([(k, _cell(n, r)) for k, n, r in raw["languages"]])
    f.outcomes = _shown_first([(k, _cell(n, r)) for k, n, r in raw["outcomes"]])
    f.top_entries = _shown_first([(k, _cell(n, r)) for k, n, r in raw["entries"]])
    answered = {k: (n, r) for k, n, r in raw["outcomes"]}
    if f.messages:
        n, r = answered.get("answer", (0, 0))
        f.answered_share = n / messages if r >= MIN_RESIDENTS else SUPPRESSED
        n, r = answered.get("crisis", (0, 0))
        f.crisis = _cell(n, r) if n else 0
    # One rating per resident and entry: each count is also its residents' count, and each cell is
    # withheld on its own (5 👎 and 1 👍 must not show the 1).
    f.thumbs_down = _shown_first([(e, _cell(down, down), _cell(up, up)) for e, down, up, _r in raw["feedback"] if down])
    return f


def share_text(f: Figures, lang: str) -> str:
    """The answered share as shown: "–" when there were no messages, "<5" when withheld."""
    if f.messages == 0:
        return "–"
    return "<5" if f.answered_share is None else format_percent(f.answered_share, locale=lang)


def _n(value: int | float | None, lang: str) -> str:
    return "<5" if value is None else format_decimal(value, locale=lang)


def outcome_label(outcome: str, tr) -> str:
    """What an outcome id means, in words."""
    _ = tr.gettext
    return {
        "answer": _("answered"),
        "suggest": _("did you mean"),
        "fallback": _("could not answer"),
        "crisis": _("emergency card"),
        "smalltalk": _("small talk"),
    }.get(outcome, outcome)


def text_report(f: Figures, lang: str, tr) -> str:
    """The terminal summary."""
    _ = tr.gettext
    lines = [
        _("Usage from {since} to {until}").format(
            since=format_date(f.since, "medium", locale=lang), until=format_date(f.until, "medium", locale=lang)
        ),
        _("(cells describing fewer than {n} residents are shown as <5)").format(n=MIN_RESIDENTS),
        "",
    ]
    lines.append(_("Messages: {n}").format(n=_n(f.messages, lang)))
    lines.append(_("Distinct residents: {n}").format(n=_n(f.residents, lang)))
    share = share_text(f, lang)
    lines.append(_("Answered directly: {share}").format(share=share))
    lines.append(_("Crisis replies: {n}").format(n=_n(f.crisis, lang)))
    for title, rows in (
        (_("Per day (messages, residents)"), [(d, f"{_n(n, lang)}, {_n(r, lang)}") for d, n, r in f.per_day]),
        (_("Languages"), [(k, _n(n, lang)) for k, n in f.languages]),
        (_("Outcomes"), [(outcome_label(k, tr), _n(n, lang)) for k, n in f.outcomes]),
        (_("Top entries"), [(k, _n(n, lang)) for k, n in f.top_entries]),
        (_("Most 👎 (down, up)"), [(k, f"{_n(d, lang)}, {_n(u, lang)}") for k, d, u in f.thumbs_down]),
    ):
        lines += ["", title + ":"] + [f"  {k}: {v}" for k, v in rows] + ([] if rows else ["  –"])
    return "\n".join(lines)


def write_csv(f: Figures, directory: Path) -> list[Path]:
    """One CSV file per table; withheld cells are written as "<5"."""
    directory.mkdir(parents=True, exist_ok=True)
    show = lambda v: "<5" if v is None else v
    tables = {
        "summary.csv": (
            ["since", "until", "messages", "residents", "answered_share", "crisis"],
            [
                [
                    f.since,
                    f.until,
                    show(f.messages),
                    show(f.residents),
                    "" if f.messages == 0 else show(None if f.answered_share is None else round(f.answered_share, 4)),
                    show(f.crisis),
                ]
            ],
        ),
        "per_day.csv": (["day", "messages", "residents"], [[d, show(n), show(r)] for d, n, r in f.per_day]),
        "languages.csv": (["lang", "messages"], [[k, show(n)] for k, n in f.languages]),
        "outcomes.csv": (["outcome", "messages"], [[k, show(n)] for k, n in f.outcomes]),
        "entries.csv": (["entry", "messages"], [[k, show(n)] for k, n in f.top_entries]),
        "feedback.csv": (["entry", "thumbs_down", "thumbs_up"], [[k, show(d), show(u)] for k, d, u in f.thumbs_down]),
    }
    written = []
    for name, (header, rows) in tables.items():
        path = directory / name
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written
