"""The admins' HTML report: one self-contained page, charts as inline SVG (nothing fetched when viewed),
and the questions residents sent anonymously, grouped by similarity so editors see themes."""

from __future__ import annotations

import html
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal
from rapidfuzz import fuzz

from bot.core.redact import one_line
from bot.core.text import tokens
from bot.usage.figures import Figures, outcome_label, share_text

STYLE = """
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2rem auto;max-width:60rem;color:#1d2733;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d8dee6;padding-bottom:.3rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#f2f5f9;border-radius:.5rem;padding:.8rem 1.2rem}
.card b{display:block;font-size:1.5rem}table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e6eaef}.note{color:#5b6775;font-size:.9rem}
svg text{font-family:'DejaVu Sans',Arial,sans-serif;font-size:12px;fill:#1d2733}
"""


def _num(value, lang: str) -> str:
    return "&lt;5" if value is None else format_decimal(value, locale=lang)


def bar_chart(rows: list[tuple[str, int | None]], lang: str, width: int = 640, colour: str = "#2f6db5") -> str:
    """Horizontal bars as inline SVG; withheld values are drawn as a dashed stub labelled <5."""
    if not rows:
        return ""
    top = max((v for _, v in rows if v), default=1)
    height = 26 * len(rows) + 10
    parts = [
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value) in enumerate(rows):
        y = 5 + 26 * i
        parts.append(f'<text x="0" y="{y + 15}">{html.escape(label)}</text>')
        if value is None:
            parts.append(
                f'<rect x="200" y="{y + 3}" width="30" height="16" fill="none" stroke="#9aa5b1" '
                f'stroke-dasharray="3 2"/><text x="238" y="{y + 15}">&lt;5</text>'
            )
        else:
            w = max(2, int((width - 270) * value / top))
            parts.append(
                f'<rect x="200" y="{y + 3}" width="{w}" height="16" fill="{colour}"/>'
                f'<text x="{206 + w}" y="{y + 15}">{format_decimal(value, locale=lang)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def group_questions(questions: list[str], key=None, threshold: int = 60) -> list[list[str]]:
    """Greedy grouping of similar questions (rapidfuzz token-set similarity of `key(question)`, by
    default the folded words; pass lemmatised terms to group inflected forms), biggest group first."""
    key_of = key or (lambda q: " ".join(tokens(q)))
    groups: list[tuple[str, list[str]]] = []
    for question in questions:
        key = key_of(question)
        for head, members in groups:
            if fuzz.token_set_ratio(key, head) >= threshold:
                members.append(question)
                break
        else:
            groups.append((key, [question]))
    return sorted((members for _, members in groups), key=len, reverse=True)


def html_report(
    f: Figures, samples: list[tuple[str, str, str]], lang: str, tr, key=None, titles: dict[str, str] | None = None
) -> str:
    """The whole page (`key`: how questions are compared for grouping, see group_questions; `titles`:
    entry id -> title, so admins read what an entry is about; an id stands where none is known)."""
    _ = tr.gettext
    titles = titles or {}

    def named(entry: str) -> str:
        return titles.get(entry, entry)

    period = _("Usage from {since} to {until}").format(
        since=format_date(f.since, "long", locale=lang), until=format_date(f.until, "long", locale=lang)
    )
    share = html.escape(share_text(f, lang))
    note = _("(cells describing fewer than {n} residents are shown as <5)").format(n=5)
    cards = [
        (_("Messages"), _num(f.messages, lang)),
        (_("Distinct residents"), _num(f.residents, lang)),
        (_("Answered directly"), share),
        (_("Crisis replies"), _num(f.crisis, lang)),
    ]
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(period)}</title>',
        f"<style>{STYLE}</style></head><body><h1>{html.escape(period)}</h1>",
        f'<p class="note">{html.escape(note)}</p>',
        '<div class="cards">'
        + "".join(f"<div class=card>{html.escape(k)}<b>{v}</b></div>" for k, v in cards)
        + "</div>",
    ]
    sections = [
        (
            _("Messages per day"),
            bar_chart([(format_date(date.fromisoformat(d), "d MMM", locale=lang), n) for d, n, _r in f.per_day], lang),
        ),
        (_("Outcomes"), bar_chart([(outcome_label(k, tr), n) for k, n in f.outcomes], lang, colour="#3c8d5a")),
        (_("Languages"), bar_chart(f.languages, lang, colour="#8a5bb5")),
        (_("Top entries"), bar_chart([(named(k), n) for k, n in f.top_entries], lang, colour="#c27c2c")),
    ]
    for title, chart in sections:
        out.append(f"<h2>{html.escape(title)}</h2>{chart or '<p>–</p>'}")
    most_down = _("Most 👎 (down, up)")
    out.append(f"<h2>{html.escape(most_down)}</h2><table>")
    entry_header = _("Entry")
    if f.thumbs_down:
        out.append(f"<tr><th>{html.escape(entry_header)}</th><th>👎</th><th>👍</th></tr>")
    out += [
        f"<tr><td>{html.escape(named(e))}</td><td>{_num(d, lang)}</td><td>{_num(u, lang)}</td></tr>"
        for e, d, u in f.thumbs_down
    ] or ["<tr><td>–</td></tr>"]
    out.append("</table>")
    sent = _("Questions residents sent because I could not answer")
    kept = _("Redacted, kept 30 days, grouped by similarity.")
    out.append(f"<h2>{html.escape(sent)}</h2>")
    out.append(f'<p class="note">{html.escape(kept)}</p>')
    for group in group_questions([one_line(text) for _day, _lang, text in samples], key):
        items = "".join(f"<li>{html.escape(q)}</li>" for q in group)
        out.append(f"<h3>{len(group)} × {html.escape(group[0])}</h3><ul>{items}</ul>")
    if not samples:
        out.append("<p>–</p>")
    out.append("</body></html>")
    return "\n".join(out)
