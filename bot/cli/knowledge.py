"""The editors' side of the command line: `validate` (the knowledge gate, file:line messages), `eval`
(accuracy on a question set, with the CI gate) and `review` (what residents could not find, disappointing
answers, entries due for review, and adding a question variant)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.app import build_assistant
from bot.config import ConfigError
from bot.i18n import Catalogs
from bot.knowledge.files import knowledge_dir, question_set


def cmd_validate(args) -> int:
    from bot.app import assistant_on
    from bot.knowledge.gate import admit

    directory = knowledge_dir(args.directory or args.knowledge)
    _ = Catalogs()(args.lang).gettext
    verdict = admit(directory, assistant_on)
    for problem in verdict.problems:
        print(problem.render(_))
    knowledge = verdict.loaded.knowledge
    if knowledge is None:
        print(
            _("{errors} error(s) in {directory}").format(errors=len(verdict.errors), directory=directory),
            file=sys.stderr,
        )
        return 1
    errors = sum(p.severity == "error" for p in verdict.deeper)
    warnings = len(verdict.deeper) - errors
    if errors or (warnings and args.strict):
        print(
            _("{errors} error(s), {warnings} warning(s) in {directory}").format(
                errors=errors, warnings=warnings, directory=directory
            ),
            file=sys.stderr,
        )
        return 1
    print(
        _("OK: {entries} entries, {contacts} contacts, {frames} danger frames in {directory}").format(
            entries=len(knowledge.entries),
            contacts=len(knowledge.contacts),
            frames=len(knowledge.crisis.rules.frames),
            directory=directory,
        )
    )
    return 0


def cmd_eval(args) -> int:
    from bot.knowledge import evaluation

    items = evaluation.load_items(Path(args.file) if args.file else question_set())
    results = evaluation.evaluate(build_assistant(args.knowledge), items)
    groups = evaluation.summary(results)
    for r in results:
        if not r.ok:
            print(f"MISS [{r.item.outcome}/{r.item.lang}] {r.item.q!r}: {r.why}")
    print(f"{len(results)} questions: " + " ".join(f"{k}={ok}/{n} ({ok / n:.3f})" for k, (ok, n) in groups.items()))
    per_lang = evaluation.summary_by_language(results)
    if len(per_lang) > 1:
        for lang, lang_groups in per_lang.items():
            print(
                f"  {lang}: "
                + " ".join(f"{k}={ok}/{n} ({ok / n:.3f})" for k, (ok, n) in lang_groups.items() if k != "lang")
            )
    failures = evaluation.gate_failures(groups, per_lang)
    if failures and not args.no_gate:
        print("Below the gate: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


def cmd_review(args) -> int:
    from datetime import date, timedelta

    from bot.app import assistant_on
    from bot.cli.operations import open_usage_store
    from bot.core.redact import one_line
    from bot.knowledge import evaluation, files
    from bot.knowledge.gate import admit
    from bot.knowledge.loader import check_knowledge, read_knowledge
    from bot.knowledge.review import ReviewError, add_variant, due_for_review
    from bot.usage import figures
    from bot.usage.html import group_questions

    directory = knowledge_dir(args.knowledge)
    if args.add_variant:
        entry_id, question = args.add_variant
        lang = args.lang
        if lang is None:
            raise ConfigError("--lang pl, --lang en or --lang uk: say which language the new question is in.")
        before = files.snapshot(directory)
        try:
            path, line = add_variant(read_knowledge(directory), entry_id, lang, question)
        except ReviewError as exc:
            raise ConfigError(f"--add-variant: {exc}.") from None
        verdict = admit(directory, assistant_on)
        if verdict.assistant is None:
            files.restore(before)
            for problem in verdict.errors:
                print(problem)
            print("The variant was not added: the knowledge would not be valid (see above).", file=sys.stderr)
            return 1
        print(f"Added to {path.name}:{line}.")
        items = evaluation.load_items(question_set())
        results = evaluation.evaluate(verdict.assistant, items)
        groups = evaluation.summary(results)
        print("Question set: " + " ".join(f"{k}={ok}/{n}" for k, (ok, n) in groups.items()))
        return 1 if evaluation.gate_failures(groups, evaluation.summary_by_language(results)) else 0
    knowledge, _problems = check_knowledge(directory)
    lines = []
    store = open_usage_store(required=False)
    if store is not None:
        try:
            samples = store.samples()
            counted = figures.collect(store, date.today() - timedelta(days=89), date.today())
        finally:
            store.close()
        lines.append(f"Questions residents sent because the bot could not answer ({len(samples)}, last 30 days):")
        for group in group_questions([one_line(text) for _d, _l, text in samples]):
            lines.append(f"  {len(group)} x {group[0]}" + (f"  (+ {len(group) - 1} similar)" if len(group) > 1 else ""))
        if not samples:
            lines.append("  none")
        lines.append("Entries with the most thumbs-down (90 days; <5 = fewer than 5 residents):")
        lines += [
            f"  {e}: {'<5' if d is None else d} down, {'<5' if u is None else u} up" for e, d, u in counted.thumbs_down
        ] or ["  none"]
    else:
        lines.append("No usage database yet (set BOT_DATABASE or BOT_DATA_DIR as for the bot).")
    if knowledge is not None:
        lines.append("Entries due for review within 30 days:")
        lines += [f"  {e} (last reviewed {d})" for e, d in due_for_review(knowledge, date.today())] or ["  none"]
    print("\n".join(lines))
    return 0
