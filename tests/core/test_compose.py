"""The reply texts: the source line says what the date means and writes it the reply language's way."""

from bot.core.compose import IdentityTranslations, source_line
from bot.core.model import Entry, Source


def entry():
    return Entry(
        id="x",
        topic="t",
        title={"pl": "T", "en": "T"},
        questions={},
        answer={"pl": "A", "en": "A"},
        sources=(Source("Kodeks pracy", "Sejm", "1974-06-26"), Source("Strona", "Miasto", "undated")),
        reviewed="2026-12-01",
    )


def test_source_line_names_each_source_with_its_date_and_what_was_compared_when(catalogs):
    en = source_line(entry(), IdentityTranslations())
    assert (
        en
        == "Source: Kodeks pracy, Sejm, 1974-06-26; Strona, Miasto, undated. Facts compared with these sources on 2026-12-01."
    )
    assert "Checked" not in en
    pl = source_line(entry(), catalogs("pl"))
    assert pl == (
        "Źródło: Kodeks pracy, Sejm, 1974-06-26; Strona, Miasto, bez daty. Dane porównano z tymi źródłami 01.12.2026."
    )


def test_an_answer_carries_its_parts_and_its_text_is_those_parts_in_plain_text(small_assistant, catalogs):
    from bot.core.markup import to_plain

    reply = small_assistant.reply("discrimination at work")
    entry = small_assistant.knowledge.entry(reply.entry_id)
    parts = reply.parts
    assert parts.body == entry.answer["en"].strip() and "<b>" in parts.body
    assert parts.source == source_line(entry, catalogs("en")) and (parts.concern, parts.understood) == ("", "")
    assert reply.text.startswith(to_plain(parts.body).strip() + "\n\n" + parts.source + "\n")
    assert reply.matched.entry == reply.entry_id and reply.matched.lang == "en"
    assert small_assistant.reply("rada").parts is None  # a "did you mean" list has no answer parts


def test_a_triaged_answer_to_a_message_mentioning_danger_carries_both_lines_above_it(real_assistant, catalogs):
    reply = real_assistant.reply("szef grozi mi zwolnieniem, bo jestem w ciąży")
    parts = reply.parts
    assert (
        reply.danger == "concern"
        and parts.concern == "Grozi Ci teraz niebezpieczeństwo? Zadzwoń pod 112 (bezpłatnie, całą dobę)."
    )
    lead = "".join(line + "\n\n" for line in (parts.concern, parts.understood) if line)
    assert reply.text.startswith(lead) and (reply.triage is None) == (parts.understood == "")


def test_a_publisher_written_in_both_languages_is_named_in_the_reply_language(catalogs):
    from bot.core.compose import source_line

    bilingual = Entry(
        id="x",
        topic="t",
        title={"pl": "T", "en": "T"},
        questions={},
        answer={"pl": "A", "en": "A"},
        sources=(
            Source(
                "Strona",
                "Urząd Miasta Krakowa",
                "2024",
                publisher_by_lang=(("pl", "Urząd Miasta Krakowa"), ("en", "Kraków City Hall")),
            ),
        ),
        reviewed="2026-12-01",
    )
    assert source_line(bilingual, catalogs("pl"), "pl").startswith("Źródło: Strona, Urząd Miasta Krakowa, 2024.")
    assert source_line(bilingual, catalogs("en"), "en").startswith("Source: Strona, Kraków City Hall, 2024.")


def test_shipped_polish_replies_name_no_english_publisher(real_assistant):
    english = ("City Hall", "University,", "Court of Justice", "press release")
    for entry in real_assistant.knowledge.entries:
        text = real_assistant.answer(entry.id, "pl").text
        source = text[text.index("Źródło:") :]
        assert not any(word in source for word in english), (entry.id, source)
