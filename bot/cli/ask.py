"""The residents' side of the command line: `ask` (one question, or one a line from stdin; text or
the JSON contract) and `chat` (the console)."""

from __future__ import annotations

import json
import sys

from bot.app import build_assistant
from bot.core.model import Reply


def reply_json(reply: Reply, explain: bool = False) -> dict:
    """The JSON object of the CLI contract for one reply."""
    data: dict[str, object] = {
        "lang": reply.lang,
        "outcome": reply.outcome,
        "danger": reply.danger,
        "entry": reply.entry_id,
        "score": round(float(reply.score), 4),
        "text": reply.text,
        "suggestions": [{"entry": s.entry, "title": s.title} for s in reply.suggestions],
        "related": [{"entry": s.entry, "title": s.title} for s in reply.related],
    }
    if reply.triage is not None:
        data["triage"] = {"place": reply.triage[0], "ground": reply.triage[1]}
    if explain:
        data["explain"] = reply.explain
    return data


def explain_text(reply: Reply) -> str:
    """A readable account of why the assistant replied as it did."""
    e = reply.explain
    lines = [f"outcome: {reply.outcome}  entry: {reply.entry_id}  score: {reply.score:.3f}  lang: {reply.lang}"]
    if "language" in e:
        lg = e["language"]
        scores = " ".join(f"{k}={lg[k]:.2f}" for k in ("pl", "en", "uk", "ru") if lg.get(k) or k in ("pl", "en"))
        lines.append(f"language evidence: {scores} -> {lg['verdict'] or 'unclear'}")
    if "danger" in e:
        d = e["danger"]
        lines.append(
            f"danger: {d['tier']} ({', '.join(d['situations']) or 'no situation'}); frame {d['frame']}; "
            f"concepts: {'; '.join(d['concepts'])}"
        )
    if "smalltalk" in e:
        lines.append(f"small talk: {e['smalltalk']}")
    if "terms" in e:
        lines.append(
            "terms: "
            + ", ".join(
                f"{t['word']}→{t['term']} (w={t['weight']}, {'typo ' if 0 < t['match'] < 1 else ''}{'matched' if t['match'] else 'unknown'})"
                for t in e["terms"]
            )
        )
    for c in e.get("candidates", []):
        lines.append(
            f"  {c['entry']}: {c['score']:.3f} (lexical {c['lexical']:.3f}, fuzzy {c['fuzzy']:.3f}, "
            f"covers {c['coverage']:.0%} of the question and {c['variant_coverage']:.0%} of the variant) "
            f"via {c['variant']!r} on {c['matched']}"
        )
    if "triage" in e:
        t = e["triage"]
        lines.append(
            f"triage: place {t['place']} (from {', '.join(map(repr, t['place_words']))}), ground "
            f"{t['ground']} (from {', '.join(map(repr, t['ground_words']))}) -> {t['entry']}"
        )
    if "decision" in e:
        lines.append(f"decision: {e['decision']}")
    return "\n".join(lines)


def cmd_ask(args) -> int:
    assistant = build_assistant(args.knowledge)
    if args.question == ["-"]:
        for line in sys.stdin:
            reply = assistant.reply(line.rstrip("\n"), args.lang)
            if args.json:
                print(json.dumps(reply_json(reply, args.explain), ensure_ascii=False), flush=True)
            else:
                print(reply.text + "\n", flush=True)
        return 0
    reply = assistant.reply(" ".join(args.question), args.lang)
    if args.json:
        print(json.dumps(reply_json(reply, args.explain), ensure_ascii=False))
    else:
        print(reply.text)
        if args.explain:
            print("\n" + explain_text(reply))
    return 0


def cmd_chat(args) -> int:
    from bot.cli.console import chat

    return chat(build_assistant(args.knowledge), args.lang)
