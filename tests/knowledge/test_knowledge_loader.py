"""Editors get every problem at once, as `file:line: message`, never a traceback."""

import shutil
from pathlib import Path

import pytest
from conftest import DATA, PROJECT

from bot.knowledge.loader import KnowledgeError, check_knowledge, load_knowledge

GOOD_ENTRY = """
  - id: {id}
    title: {{pl: Tytuł, en: Title}}
    questions:
      pl: [pytanie {id} jeden, pytanie {id} dwa]
      en: [question {id} one, question {id} two]
    answer: {{pl: Odpowiedź., en: Answer.}}
    sources: [{{title: T, publisher: P}}]
    reviewed: "2026-01-01"
"""


def kb(tmp_path: Path, **files: str) -> Path:
    """A copy of the small fixture knowledge with extra or replaced files."""
    root = tmp_path / "knowledge"
    shutil.copytree(DATA / "kb_small", root)
    for name, text in files.items():
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    knowledge, problems = check_knowledge(root)
    return [str(p) for p in problems]


def test_the_real_knowledge_is_valid():
    knowledge, problems = check_knowledge(PROJECT / "knowledge")
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert len(knowledge.entries) >= 15


def test_the_fixture_knowledge_is_valid():
    assert messages(DATA / "kb_small") == []


def test_syntax_error_names_file_line_and_shows_the_line(tmp_path):
    root = kb(tmp_path, extra="entries:\n  - id: a\n    title: {pl: x, en: y\n")
    out = messages(root)
    assert len(out) == 1
    assert out[0].startswith("knowledge/extra.yaml:4: YAML syntax error:")


def test_duplicate_keys_are_reported_not_silently_dropped(tmp_path):
    text = "entries:" + GOOD_ENTRY.format(id="dup-key").replace(
        '    reviewed: "2026-01-01"', '    reviewed: "2026-01-01"\n    reviewed: "2026-02-01"'
    )
    out = messages(kb(tmp_path, extra=text))
    assert out == [
        "knowledge/extra.yaml:10: key 'reviewed' appears twice in this mapping (first at line 9); remove or rename one"
    ]


def test_an_alias_bomb_is_refused_with_one_line_not_expanded(tmp_path):
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    assert len(bomb) < 400
    out = messages(kb(tmp_path, extra=bomb))
    assert out == [
        "knowledge/extra.yaml:2: aliases (*a) expand this file by more than 20000 values; write the "
        "values out instead of aliases that repeat other aliases"
    ]


def test_an_anchored_source_may_be_reused(tmp_path):
    text = (
        "entries:"
        + GOOD_ENTRY.format(id="one").replace(
            "sources: [{title: T, publisher: P}]", "sources: [&src {title: T, publisher: P}]"
        )
        + GOOD_ENTRY.format(id="two").replace("sources: [{title: T, publisher: P}]", "sources: [*src]")
    )
    knowledge, problems = check_knowledge(kb(tmp_path, extra=text))
    assert problems == [] and knowledge.entry("two").sources == knowledge.entry("one").sources


def test_missing_fields_and_languages(tmp_path):
    text = """entries:
  - id: half-done
    title: {pl: Tytuł}
    questions:
      pl: [pytanie jeden]
    answer: {pl: Odpowiedź., en: Answer.}
    reviewed: "2026-01-01"
"""
    assert messages(kb(tmp_path, extra=text)) == [
        "knowledge/extra.yaml:2: entry 'half-done' has no 'sources'",
        "knowledge/extra.yaml:3: entry 'half-done' title has no English (en) text",
        "knowledge/extra.yaml:5: entry 'half-done' questions has no English (en) items",
    ]


def test_unknown_field_suggests_the_right_name(tmp_path):
    text = "entries:" + GOOD_ENTRY.format(id="typo").replace("    answer:", "    answr:")
    out = messages(kb(tmp_path, extra=text))
    assert "knowledge/extra.yaml:7: unknown field 'answr' in entry 'typo' (did you mean 'answer'?)" in out
    assert "knowledge/extra.yaml:2: entry 'typo' has no 'answer'" in out


def test_duplicate_ids_point_at_the_first_one(tmp_path):
    text = "entries:" + GOOD_ENTRY.format(id="rainbow-flag")
    out = messages(kb(tmp_path, extra=text))
    assert out[0].startswith(
        "knowledge/extra.yaml:2: entry id 'rainbow-flag' is already used at knowledge/entries.yaml:"
    )


def test_unknown_related_id_is_reported_with_a_guess(tmp_path):
    text = "entries:" + GOOD_ENTRY.format(id="lonely").replace(
        "    reviewed:", "    related: [rainbow-flg]\n    reviewed:"
    )
    assert messages(kb(tmp_path, extra=text)) == [
        "knowledge/extra.yaml:9: entry 'lonely' related: there is no entry 'rainbow-flg' (did you mean 'rainbow-flag'?)"
    ]


def test_a_question_shared_by_two_entries(tmp_path):
    text = "entries:" + GOOD_ENTRY.format(id="copycat").replace("[question copycat one,", "[flag from Leuven!,")
    out = messages(kb(tmp_path, extra=text))
    assert len(out) == 1
    assert out[0].startswith(
        "knowledge/extra.yaml:6: question 'flag from Leuven!' is also a question of entry "
        "'rainbow-flag' (knowledge/entries.yaml:"
    )


@pytest.mark.parametrize(
    "answer, problem",
    [
        ("<div>x</div>", "tag <div> is not allowed in Telegram messages"),
        ("<b>bold", "<b> is never closed"),
        ("Tom & Jerry", "a bare '&' must be written as &amp;"),
        ("<a>link</a>", "<a> needs an href attribute"),
    ],
)
def test_markup_telegram_would_reject(tmp_path, answer, problem):
    text = "entries:" + GOOD_ENTRY.format(id="markup").replace("en: Answer.", f"en: '{answer}'")
    assert messages(kb(tmp_path, extra=text)) == [f"knowledge/extra.yaml:7: entry 'markup' answer (en): {problem}"]


def test_every_problem_at_once_sorted(tmp_path):
    broken = PROJECT / "knowledge"
    root = tmp_path / "knowledge"
    shutil.copytree(broken, root)
    council = root / "equality-council.yaml"
    text = council.read_text(encoding="utf-8")
    text = text.replace(
        "related: [equality-council-members, equality-council-join, equality-plenipotentiary]",
        "related: [equality-council-members, no-such-entry]",
        1,
    )
    text = text.replace("  - id: equality-council-join", "  - id: equality-council-members", 1)
    council.write_text(text, encoding="utf-8")
    (root / "human-rights-city.yaml").write_text(
        (root / "human-rights-city.yaml")
        .read_text(encoding="utf-8")
        .replace("  - id: city-values\n", "  - id: city-values\n  bad: [\n", 1),
        encoding="utf-8",
    )
    out = messages(root)
    assert any(
        m.startswith("knowledge/equality-council.yaml:") and "there is no entry 'no-such-entry'" in m for m in out
    )
    assert any(
        m.startswith("knowledge/equality-council.yaml:") and "entry id 'equality-council-members' is already used" in m
        for m in out
    )
    assert any(m.startswith("knowledge/human-rights-city.yaml:") and "YAML syntax error" in m for m in out)
    assert out == sorted(out, key=lambda m: (m.split(":")[0], int(m.split(":")[1])))


def test_load_knowledge_raises_with_the_problems(tmp_path):
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(kb(tmp_path, extra="entries: [\n"))
    assert str(info.value.problems[0]).startswith("knowledge/extra.yaml:")


def test_missing_directory_and_empty_file(tmp_path):
    assert messages(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}:1: the knowledge directory does not exist"]
    assert "knowledge/extra.yaml:1: the file is empty" in messages(kb(tmp_path, extra=""))


def test_not_utf8(tmp_path):
    root = kb(tmp_path)
    (root / "latin.yaml").write_bytes("entries: []\n# zażółć\n".encode("cp1250"))
    assert messages(root) == [
        "knowledge/latin.yaml:2: the file is not UTF-8 text (this line has a character "
        "in another encoding); save the file as UTF-8"
    ]


def test_synonym_groups_must_not_overlap(tmp_path):
    text = "synonyms:\n  - [telefon, numer]\n  - [phone, Numer]\n  - [lgbt, lgbt+]\n  - [samotny]\n"
    assert messages(kb(tmp_path, extra=text)) == [
        "knowledge/extra.yaml:3: synonym 'Numer' is the same word as 'numer' in the group at knowledge/extra.yaml:2; "
        "a word can belong to one group only",
        "knowledge/extra.yaml:4: synonym 'lgbt+' is the same word as 'lgbt' in the group at knowledge/extra.yaml:4; "
        "a word can belong to one group only",
        "knowledge/extra.yaml:5: a synonym group must be a list of at least two words",
    ]


def test_real_entries_have_five_variants_a_language_and_sources():
    knowledge = load_knowledge(PROJECT / "knowledge")
    thin = [(e.id, lang) for e in knowledge.entries for lang in ("pl", "en") if len(e.questions[lang]) < 5]
    assert thin == []
    assert all(e.sources and e.reviewed for e in knowledge.entries)
    assert len(knowledge.entries) >= 45


def test_schema_messages_in_ukrainian(tmp_path, capsys):
    from bot.cli.main import main

    text = "entries:" + GOOD_ENTRY.format(id="typo").replace("    answer:", "    answr:")
    root = kb(tmp_path, extra=text)
    assert main(["validate", "--lang", "uk", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "knowledge/extra.yaml:2: запис 'typo': немає поля 'answer'",
        "knowledge/extra.yaml:7: невідоме поле 'answr' у: запис 'typo' (можливо, ви мали на увазі 'answer'?)",
    ]


def test_schema_messages_in_polish(tmp_path, capsys):
    from bot.cli.main import main

    text = "entries:" + GOOD_ENTRY.format(id="typo").replace("    answer:", "    answr:")
    root = kb(tmp_path, extra=text, broken="entries: [\n")
    assert main(["validate", "--lang", "pl", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "knowledge/broken.yaml:2: błąd składni YAML: expected the node content, but found '<stream end>'",
        "knowledge/extra.yaml:2: wpis 'typo': brak pola 'answer'",
        "knowledge/extra.yaml:7: nieznane pole 'answr' w: wpis 'typo' (czy chodziło o 'answer'?)",
    ]


RETIRED = """
retired:
  - phone: "800 70 2222"
    closed: "2021-01-01"
    source: {title: Closed, publisher: P, date: "2021-01"}
"""


def test_a_retired_number_in_an_answer_or_contact_is_an_error(tmp_path):
    entry = GOOD_ENTRY.format(id="old-line").replace(
        "answer: {pl: Odpowiedź., en: Answer.}", "answer: {pl: Dzwoń 800 70 2222., en: Call 800-70-2222.}"
    )
    contact = """
contacts:
  - id: old-contact
    name: {pl: Stara linia, en: Old line}
    phone: "800702222"
    source: {title: T, publisher: P}
"""
    out = messages(kb(tmp_path, retired=RETIRED, extra="entries:" + entry, more=contact))
    assert out == [
        "knowledge/extra.yaml:7: entry 'old-line' answer (en) gives 800 70 2222, a number that stopped working on "
        "2021-01-01 (knowledge/retired.yaml:3); remove it and point to a working one",
        "knowledge/extra.yaml:7: entry 'old-line' answer (pl) gives 800 70 2222, a number that stopped working on "
        "2021-01-01 (knowledge/retired.yaml:3); remove it and point to a working one",
        "knowledge/more.yaml:5: contact 'old-contact' phone gives 800 70 2222, a number that stopped working on "
        "2021-01-01 (knowledge/retired.yaml:3); remove it and point to a working one",
    ]


def test_a_longer_number_containing_a_retired_one_is_fine(tmp_path):
    entry = GOOD_ENTRY.format(id="other-line").replace(
        "answer: {pl: Odpowiedź., en: Answer.}", "answer: {pl: Dzwoń 1800 70 22223., en: Call 1800 70 22223.}"
    )
    assert messages(kb(tmp_path, retired=RETIRED, extra="entries:" + entry)) == []


def test_the_real_knowledge_refuses_the_closed_itaka_line(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(PROJECT / "knowledge", root)
    path = root / "help-safety.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("dzwoń zamiast tego\n        pod 116 123.", "dzwoń pod 800 70 2222."),
        encoding="utf-8",
    )
    out = [m for m in messages(root) if "800 70 2222" in m]
    assert len(out) == 1 and "entry 'emotional-support' answer (pl) gives 800 70 2222" in out[0]


def test_hours_confidence_is_high_medium_or_low_and_defaults_to_low(tmp_path):
    text = """contacts:
  - id: rated
    name: {pl: Biuro, en: Office}
    open: ["mon-fri 08:00-16:00"]
    hours_confidence: high
    source: {title: T, publisher: P}
  - id: unrated
    name: {pl: Biuro, en: Office}
    open: ["24/7"]
    source: {title: T, publisher: P}
  - id: misspelt
    name: {pl: Biuro, en: Office}
    hours_confidence: sure
    source: {title: T, publisher: P}
"""
    assert messages(kb(tmp_path, extra=text)) == [
        "knowledge/extra.yaml:13: contact 'misspelt' hours_confidence must be high, medium or low (as the fact "
        "sheet rates the hours), not 'sure'"
    ]
    good = kb(tmp_path / "good", extra=text.replace("hours_confidence: sure", "hours_confidence: medium"))
    contacts = load_knowledge(good).contacts
    assert contacts["rated"].open_badge and not contacts["unrated"].open_badge
    assert contacts["unrated"].hours_confidence == "low" and contacts["misspelt"].hours_confidence == "medium"


def _report_words(words: str) -> str:
    return (
        "report:\n  places:\n    - id: work\n      label: {pl: W pracy, en: At work}\n"
        "      entries: [work-discrimination]\n      words:\n"
        + words
        + "  grounds:\n    - id: age\n      label: {pl: Wiek, en: Age}\n"
    )


def test_report_words_are_read_per_language(tmp_path):
    knowledge, problems = check_knowledge(
        kb(tmp_path, report=_report_words("        pl: [praca, szef*]\n        en: [work, boss]\n"))
    )
    assert problems == [] and knowledge.routing.place("work").words == {
        "pl": ("praca", "szef*"),
        "en": ("work", "boss"),
    }


@pytest.mark.parametrize(
    "words, problem",
    [
        (
            "        pl: [praca]\n        en: [work]\n        de: [Arbeit]\n",
            "knowledge/report.yaml:9: report place 'work' words: unknown language 'de'; use pl, en, uk",
        ),
        (
            "        pl: []\n        en: [work]\n",
            "knowledge/report.yaml:7: report place 'work' words has no Polish (pl) items",
        ),
        (
            "        pl: [praca]\n        en: [wo*]\n",
            "knowledge/report.yaml:8: pattern 'wo*' cannot be used: the stem 'wo*' is shorter than 3 letters and would "
            "match too many words",
        ),
        (
            "        [praca, work]\n",
            "knowledge/report.yaml:6: report place 'work' words must have a list for pl and a list for en",
        ),
    ],
)
def test_report_words_problems_name_file_and_line(tmp_path, words, problem):
    assert problem in messages(kb(tmp_path, report=_report_words(words)))


def test_report_unfair_words_and_courtesy_phrases_are_read(tmp_path):
    report = (
        _report_words("        pl: [praca]\n        en: [work]\n")
        + '  unfair:\n    pl: [obrażać, "=bo jestem"]\n    en: [refuse, "=because i am"]\n'
    )
    knowledge, problems = check_knowledge(kb(tmp_path, report=report))
    assert problems == []
    assert knowledge.routing.unfair == {"pl": ("obrażać", "=bo jestem"), "en": ("refuse", "=because i am")}
    assert load_knowledge(DATA / "kb_small").courtesy["en"] == (
        "thanks in advance",
        "kind regards",
        "i have a question",
    )


@pytest.mark.parametrize(
    "extra, problem",
    [
        (
            "  unfair:\n    pl: [obrażać]\n    en: [re*]\n",
            "knowledge/report.yaml:14: pattern 're*' cannot be used: the stem 're*' is shorter than 3 letters",
        ),
        (
            "  unfair: [obrażać, refuse]\n",
            "knowledge/report.yaml:12: report: unfair must have a list for pl and a list for en",
        ),
    ],
)
def test_report_unfair_problems_name_file_and_line(tmp_path, extra, problem):
    out = messages(kb(tmp_path, report=_report_words("        pl: [praca]\n        en: [work]\n") + extra))
    assert any(m.startswith(problem) for m in out), out


def test_courtesy_must_be_lists_per_language(tmp_path):
    out = messages(kb(tmp_path, extra="courtesy: [hello, dzień dobry]\n"))
    assert "knowledge/extra.yaml:1: courtesy must have a list for pl and a list for en" in out


# -- the common mistakes of docs/editing.md, each with the exact message it gives ---------------------

MULTI = """entries:
  - id: multi
    title: {pl: Tytuł, en: Title}
    questions:
      pl:
        - pierwsze pytanie
          drugie pytanie
        - trzecie pytanie
      en: [question one, question two]
    answer: {pl: Odpowiedź., en: Answer.}
    sources: [{title: T, publisher: P}]
    reviewed: "2026-01-01"
"""


def test_a_question_indented_onto_the_line_above_is_not_silently_merged(tmp_path):
    assert messages(kb(tmp_path, extra=MULTI)) == [
        "knowledge/extra.yaml:6: entry 'multi' questions (pl): item 1 goes on over 2 lines, so YAML reads them as "
        "one question: 'pierwsze pytanie drugie pytanie'. If they are two questions, start each with '- ' at the "
        "same indentation; if it is one long question, put it in quotes"
    ]
    quoted = MULTI.replace(
        "- pierwsze pytanie\n          drugie pytanie", '- "pierwsze pytanie\n          drugie pytanie"'
    )
    assert messages(kb(tmp_path / "q", extra=quoted)) == []


def test_a_colon_in_a_question_says_to_quote_it(tmp_path):
    text = MULTI.replace("- pierwsze pytanie\n          drugie pytanie", "- skarga: brak dostępności")
    assert messages(kb(tmp_path, extra=text)) == [
        "knowledge/extra.yaml:6: entry 'multi' questions (pl): item 1 is read as 'key: value' because of the ': ' "
        'in it; put the whole text in quotes: - "skarga: brak dostępności"'
    ]


@pytest.mark.parametrize(
    "edit, english, polish",
    [
        (
            lambda t: t.replace("        - trzecie pytanie", "\t- trzecie pytanie"),
            "knowledge/extra.yaml:7: YAML syntax error: a tab character: YAML indents with spaces only; replace the tab "
            "with spaces in: - trzecie pytanie",
            "knowledge/extra.yaml:7: błąd składni YAML: znak tabulacji: YAML wcina tylko spacjami; zamień tabulator na "
            "spacje w: - trzecie pytanie",
        ),
        (
            lambda t: t.replace("    answer:", "   answer:"),
            "knowledge/extra.yaml:9: YAML syntax error: this line is indented differently from the lines it belongs "
            "with; line it up with the other fields of its item in: answer: {pl: Odpowiedź., en: Answer.}",
            "knowledge/extra.yaml:9: błąd składni YAML: ten wiersz ma inne wcięcie niż wiersze, do których należy; "
            "wyrównaj go z pozostałymi polami tego elementu w: answer: {pl: Odpowiedź., en: Answer.}",
        ),
    ],
)
def test_tabs_and_bad_indentation_get_a_message_the_editor_can_act_on(tmp_path, capsys, edit, english, polish):
    from bot.cli.main import main

    root = kb(tmp_path, extra=edit(MULTI.replace("- pierwsze pytanie\n          drugie pytanie", "- pierwsze")))
    assert messages(root) == [english]
    assert main(["validate", "--lang", "pl", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == [polish]


def test_a_file_that_is_not_utf8_gives_one_error_not_a_cascade(tmp_path):
    root = kb(tmp_path)
    entries = root / "entries.yaml"
    entries.write_bytes(entries.read_bytes().replace("Gdzie zgłosić".encode(), "Gdzie zgłosić".encode("cp1250")))
    assert messages(root) == [
        "knowledge/entries.yaml:8: the file is not UTF-8 text (this line has a character "
        "in another encoding); save the file as UTF-8"
    ]


def test_an_unclosed_bracket_says_so(tmp_path):
    text = MULTI.replace("      en: [question one, question two]", "      en: [question one, question two")
    assert messages(kb(tmp_path, extra=text)) == [
        "knowledge/extra.yaml:10: YAML syntax error: a '{' or '[' that is not closed, or a missing comma between its "
        "items; check this line and the one above in: answer: {pl: Odpowiedź., en: Answer.}"
    ]
