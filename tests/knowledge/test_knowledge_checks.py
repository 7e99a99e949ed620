"""The deeper editor checks: each has a fixture that triggers it and its exact message."""

import shutil
from datetime import date

from conftest import DATA

from bot.cli.main import main
from bot.core.assistant import Assistant
from bot.knowledge.gate import admit


def run_checks(tmp_path, lexicon, edit=None, today=date(2026, 6, 1)):
    root = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", root)
    if edit:
        path = root / "entries.yaml"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return deeper_checks(root, lexicon, today)


def deeper_checks(root, lexicon, today):
    return [str(p) for p in admit(root, lambda knowledge: Assistant(knowledge, lexicon), today).deeper]


def test_stale_entries(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon, today=date(2027, 3, 1))
    assert (
        "kb/entries.yaml:4: warning: entry 'work-discrimination' was last reviewed on 2026-01-01, over 12 "
        "months ago: check its facts, then set 'reviewed' to today's date"
    ) in out


def test_too_few_variants(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon)
    assert (
        "kb/entries.yaml:4: warning: entry 'work-discrimination' has 3 question variant(s) in pl; add at "
        "least 5, written as residents would ask (short, without Polish letters too)"
    ) in out


def test_answer_longer_than_a_message(tmp_path, lexicon):
    out = run_checks(
        tmp_path,
        lexicon,
        lambda t: t.replace(
            'en: "The Council advises the mayor of Kraków on equal treatment."', 'en: "' + "Long. " * 700 + '"'
        ),
    )
    assert any(
        "entry 'equality-council' answer (en) is 4199 characters, longer than one Telegram message (3500)" in line
        for line in out
    )


def test_links_and_undated_sources(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon, lambda t: t.replace("https://example.org/rada", "http://example.org/rada"))
    assert any(
        "entry 'equality-council' source 1 url 'http://example.org/rada' is not a well-formed https:// "
        "address; use the https version of the page" in line
        for line in out
    )
    assert any("entry 'council-join' source 1 has no date; add the date of the page" in line for line in out)
    marked = run_checks(
        tmp_path / "u",
        lexicon,
        lambda t: t.replace(
            "sources: [{title: Rada, publisher: Urząd Miasta Krakowa,",
            'sources: [{title: Rada, publisher: Urząd Miasta Krakowa, date: "undated",',
        ),
    )
    assert not any("entry 'equality-council' source 1 has no date" in line for line in marked)


def test_a_variant_another_entry_matches_as_well_is_an_error(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon, lambda t: t.replace("nabór do rady", "flagi leuven"))
    errors = [line for line in out if ": warning: " not in line]
    assert errors == [
        "kb/entries.yaml:44: entry 'council-join' question 'flagi leuven' cannot be told apart from entry "
        "'rainbow-flag' (scores 1.00 and 1.00); reword the variant or the other entry's so each leads to its own answer",
        "kb/entries.yaml:63: entry 'rainbow-flag' question 'flaga z leuven' cannot be told apart from entry "
        "'council-join' (scores 1.00 and 1.00); reword the variant or the other entry's so each leads to its own answer",
    ]


def test_a_variant_that_shows_the_emergency_card_is_a_warning(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon, lambda t: t.replace("nabór do rady", "szef mnie bije"))
    assert (
        "kb/entries.yaml:44: warning: entry 'council-join' question 'szef mnie bije' shows the emergency card "
        "(frame 'hit-me'); fine if someone asking it may be in danger"
    ) in out


def test_validate_exit_codes_with_warnings_and_strict(capsys):
    assert main(["validate", str(DATA / "kb_small")]) == 0
    assert "warning:" in capsys.readouterr().out
    assert main(["validate", "--strict", str(DATA / "kb_small")]) == 1


def test_phone_numbers_written_differently(tmp_path, lexicon):
    out = run_checks(
        tmp_path,
        lexicon,
        lambda t: t.replace(
            "Go to the <b>labour inspectorate</b> or the labour court.",
            "Call 12-616-55-55 or 800 676 676 (Mon 10:00) or 728366319.",
        ),
    )
    phone = [line for line in out if "phone number" in line and "differently" in line]
    assert len(phone) == 2
    assert (
        "kb/entries.yaml:4: warning: entry 'work-discrimination' answer (en) writes the phone number "
        "'12-616-55-55' differently from the rest; use digit groups separated by spaces, e.g. '12 421 92 82' "
        "or '800 676 676'"
    ) in phone
    assert any("'728366319'" in line for line in phone)


def test_near_duplicate_entries(tmp_path, lexicon):
    def copy_council(text):
        block = text[text.index("  - id: equality-council\n") : text.index("  - id: council-join\n")]
        twin = (
            block.replace("id: equality-council", "id: equality-council-twin")
            .replace("Czym jest Rada ds. Równego Traktowania?", "Co to jest Rada ds. Równego Traktowania?")
            .replace("What is the Equality Council?", "What's the Equality Council?")
            .replace("kto zasiada w radzie równego traktowania", "kto zasiada w radzie ds. równego traktowania")
            .replace("who sits on the equality council", "who sits on that equality council")
            .replace("Що таке Рада з питань", "Що це таке Рада з питань")
            .replace("хто входить до ради", "хто входить до цієї ради")
        )
        return text + twin

    out = run_checks(tmp_path, lexicon, copy_council)
    assert any(
        "entries 'equality-council' and 'equality-council-twin' share 100% of their question words; merge "
        "them, or make each one's questions about its own topic" in line
        for line in out
    )


def test_messages_in_polish_with_lang_pl(tmp_path, lexicon, capsys):
    root = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", root)
    path = root / "entries.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nabór do rady", "flagi leuven"), encoding="utf-8")
    assert main(["validate", "--lang", "pl", str(root)]) == 1
    out, err = capsys.readouterr()
    assert (
        "kb/entries.yaml:44: wpis 'council-join': pytania 'flagi leuven' nie da się odróżnić od wpisu "
        "'rainbow-flag' (wyniki 1.00 i 1.00); przeredaguj ten wariant albo warianty tamtego wpisu, żeby każdy "
        "prowadził do własnej odpowiedzi"
    ) in out.splitlines()
    assert (
        "kb/entries.yaml:4: ostrzeżenie: wpis 'work-discrimination': liczba wariantów pytań w języku pl: 3; "
        "dodaj co najmniej 5, tak jak pytaliby mieszkańcy (krótko, także bez polskich znaków)"
    ) in out.splitlines()
    assert err.strip() == "Błędy: 2, ostrzeżenia: 16 w " + str(root)  # 2: the fixture's contacts have undated sources


def test_warnings_point_at_the_entry_even_when_a_contact_shares_its_id(tmp_path, lexicon):
    root = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", root)
    (root / "a-contacts.yaml").write_text(
        "contacts:\n  - id: work-discrimination\n    name: {pl: Biuro, en: Office, uk: Офіс}\n"
        "    source: {title: T, publisher: P}\n",
        encoding="utf-8",
    )
    out = deeper_checks(root, lexicon, date(2026, 6, 1))
    assert any(line.startswith("kb/entries.yaml:4: warning: entry 'work-discrimination' has 3") for line in out)
    assert not any(line.startswith("kb/a-contacts.yaml") for line in out)


def test_a_volatile_fact_from_an_old_source_must_say_how_old_it_is(tmp_path, lexicon):
    def answer(text):
        return lambda t: t.replace('en: "Go to the <b>labour inspectorate</b> or the labour court."', f'en: "{text}"')

    out = run_checks(tmp_path, lexicon, answer("Call 12 616 55 55 (Mon–Fri 8–16)."), today=date(2026, 12, 1))
    assert (
        "kb/entries.yaml:4: warning: entry 'work-discrimination' answer (en) gives a phone number, opening hours "
        "or an office-holder, and its source from 1974 is over 18 months old: check the fact against a newer "
        "source and update the source, or say in the answer how old the data is, e.g. '(dane z 1974 r.)' / "
        "'(as of 1974)'"
    ) in out
    assert not any("answer (pl) gives a phone number" in line for line in out)  # the Polish answer has none
    said = run_checks(tmp_path / "b", lexicon, answer("Call 12 616 55 55 (as of 1974)."), today=date(2026, 12, 1))
    assert not any("over 18 months old" in line for line in said)
    holder = run_checks(
        tmp_path / "c", lexicon, answer("The mayor of Kraków is Jan Kowalski."), today=date(2026, 12, 1)
    )
    assert any(
        "'work-discrimination' answer (en) gives a phone number, opening hours or an office-holder" in line
        for line in holder
    )
    recent = run_checks(
        tmp_path / "d",
        lexicon,
        lambda t: answer("Call 12 616 55 55.")(t).replace('date: "1974-06-26"', 'date: "2025-06"'),
        today=date(2026, 12, 1),
    )
    assert not any("over 18 months old" in line for line in recent)  # June 2025 ends within 18 months


def test_a_contact_with_a_phone_needs_a_dated_source_that_says_how_old_it_is(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon)
    assert (
        "kb/support.yaml:2: warning: contact 'line-116123' gives a phone number, hours or an address, but its "
        "source has no date: add the date of the page (YYYY, YYYY-MM or YYYY-MM-DD), or cite a dated page that "
        "confirms it"
    ) in out
    root = tmp_path / "dated"
    shutil.copytree(DATA / "kb_small", root)
    support = root / "support.yaml"
    text = support.read_text(encoding="utf-8").replace(
        "source: {title: Helpline, publisher: Test}", 'source: {title: Helpline, publisher: Test, date: "2021"}'
    )
    support.write_text(text, encoding="utf-8")
    out = deeper_checks(root, lexicon, date(2026, 12, 1))
    assert any(
        line.startswith(
            "dated/support.yaml:2: warning: contact 'line-116123' (pl) gives a phone number, hours "
            "or an address from a source of 2021, over 18 months old"
        )
        for line in out
    )
    support.write_text(
        text.replace(
            'phone: "116 123"',
            'phone: "116 123"\n    note: {pl: "Dane z 2021 r.", en: "As of 2021.", uk: "Дані за 2021 р."}',
        ),
        encoding="utf-8",
    )
    out = deeper_checks(root, lexicon, date(2026, 12, 1))
    assert not any("'line-116123'" in line for line in out)


def test_each_text_not_yet_in_ukrainian_is_named_in_one_warning(tmp_path, lexicon):
    out = run_checks(tmp_path, lexicon)
    assert (
        "kb/entries.yaml:63: warning: entry 'rainbow-flag' has no uk text yet for: title, questions, answer; "
        "residents who write in uk read the Polish text meanwhile"
    ) in out
    assert [line for line in out if "no uk text yet" in line] == [
        line for line in out if "rainbow-flag' has no uk" in line
    ]
    untitled = run_checks(tmp_path / "b", lexicon, lambda t: t.replace(", uk: Рада з питань рівного ставлення}", "}"))
    assert any(
        line.startswith("kb/entries.yaml:26: warning: entry 'equality-council' has no uk text yet for: title;")
        for line in untitled
    )
