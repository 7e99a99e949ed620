"""Editors' changes go live without a restart; a broken edit keeps the old knowledge serving."""

import re
import shutil
import time

from tests.e2e.harness import PROJECT, BotProcess, Emulator, Resident, require_emulator

require_emulator()

ADMIN = 999


# A reload runs the gate's deeper checks, which ask every variant of the three languages: about 20 s
# on the shipped knowledge on an idle core (docs/editing.md, "How a change goes live"), more on a busy
# CI machine. The conditions ask the bot a question: every few seconds, so that the resident asking
# stays below the flood limit (20 messages a minute) however long the reload takes.
RELOAD_TIMEOUT = 120
POLL_SECONDS = 3


def wait_for(condition, timeout=RELOAD_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(POLL_SECONDS)
    return False


def test_edit_goes_live_and_a_broken_edit_keeps_the_old_knowledge(tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", knowledge)
    emulator = Emulator()
    bot = BotProcess(
        emulator,
        tmp_path / "data",
        {"BOT_KNOWLEDGE_DIR": str(knowledge), "BOT_RELOAD_SECONDS": "1", "BOT_ADMIN_IDS": str(ADMIN)},
    )
    try:
        resident, admin = Resident(emulator, 301, "en"), Resident(emulator, ADMIN, "en")
        assert "open gate" in resident.command("/start coat-of-arms-open-gate", timeout=60)[-1]["text"]
        path = knowledge / "human-rights-city.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace(
                "Kraków's coat of arms features an open gate.",
                "Kraków's coat of arms features an open gate (edited live).",
            ),
            encoding="utf-8",
        )
        assert wait_for(lambda: "edited live" in resident.command("/start coat-of-arms-open-gate")[-1]["text"])
        (knowledge / "broken.yaml").write_text("entries: [\n", encoding="utf-8")
        # The admin never chose a language, so the notice is in Polish, problems included.
        assert wait_for(lambda: any("broken.yaml:2: błąd składni YAML" in m["text"] for m in admin.history()))
        answer = resident.say("why is there an open gate in krakow's coat of arms")
        assert "edited live" in answer[-1]["text"]
        notices = [m for m in admin.history() if "poprzedniej wersji" in m["text"]]
        time.sleep(2.5)
        assert len([m for m in admin.history() if "poprzedniej wersji" in m["text"]]) == len(notices) == 1
    finally:
        bot.stop()
        emulator.stop()
    assert "knowledge reloaded" in bot.log_text() and "knowledge edit rejected" in bot.log_text()


def test_a_new_entry_added_as_the_editors_guide_says_is_served_without_a_restart(tmp_path):
    guide = (PROJECT / "docs" / "editing.md").read_text(encoding="utf-8")
    example = next(b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if "- id: retaliation-at-work" in b)
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", knowledge)
    path = knowledge / "help-discrimination.yaml"
    shipped = path.read_text(encoding="utf-8")
    assert example in shipped, "the guide's example must be the entry as shipped"
    link = "related: [burden-of-proof, work-discrimination, retaliation-at-work]"
    assert link in guide and link in shipped
    # The state before the guide's steps: the entry and the link to it are not there yet.
    before = shipped.replace(example, "").replace(link, "related: [burden-of-proof, work-discrimination]")
    path.write_text(before.rstrip("\n") + "\n", encoding="utf-8")
    report = knowledge / "report.yaml"  # the /report routing lists the entry too; it comes later
    report.write_text(report.read_text(encoding="utf-8").replace("retaliation-at-work, ", ""), encoding="utf-8")
    emulator = Emulator()
    bot = BotProcess(emulator, tmp_path / "data", {"BOT_KNOWLEDGE_DIR": str(knowledge), "BOT_RELOAD_SECONDS": "1"})
    try:
        resident = Resident(emulator, 302, "pl")
        question = "zemsta pracodawcy za skarge"
        assert "Według art. 18³ᵉ" not in resident.say(question, timeout=60)[-1]["text"]
        # Step 3: paste the entry at the end of the file; step 4: link it from labour-court-compensation.
        text = path.read_text(encoding="utf-8")
        text = text.replace("related: [burden-of-proof, work-discrimination]", link)
        path.write_text(text.rstrip("\n") + "\n\n" + example, encoding="utf-8")
        assert wait_for(lambda: "Według art. 18³ᵉ" in resident.say(question)[-1]["text"])
        assert "Źródło: Szef nie może zwolnić świadka dyskryminacji" in resident.history()[-1]["text"]
    finally:
        bot.stop()
        emulator.stop()
