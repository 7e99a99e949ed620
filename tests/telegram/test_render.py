"""Telegram rendering without Telegram: HTML, message splitting, keyboards."""

import html

from bot.telegram import render
from bot.telegram.callback_data import unpack


def test_split_message_at_paragraphs_below_the_limit():
    text = "\n\n".join(f"Paragraph {i} " + "x" * 900 for i in range(10))
    parts = render.split_message(text)
    assert all(len(p) <= render.CHUNK for p in parts)
    assert "".join(p.replace("\n", "") for p in parts) == text.replace("\n", "")
    assert all(p.startswith("Paragraph") for p in parts)


def test_unbroken_text_is_still_split():
    assert [len(p) for p in render.split_message("y" * 8000)] == [3500, 3500, 1000]


def test_answer_keeps_entry_markup_and_escapes_the_rest(small_assistant, catalogs):
    answer = small_assistant.reply("discrimination at work")
    html_text = render.reply_html(answer)
    assert "<b>labour inspectorate</b>" in html_text and "<i>Source: Kodeks pracy" in html_text
    fallback = small_assistant.reply("<script>alert(1)</script> parking permit")
    assert "<script>" not in render.reply_html(fallback)


def test_keyboards_carry_short_self_contained_data(small_assistant, catalogs):
    rows = render.reply_keyboard(small_assistant.reply("discrimination at work"), catalogs)
    data = [d for row in rows for _, d in row]
    assert "e:en:equality-council" in data and "e:pl:work-discrimination" in data
    assert ("Pokaż po polsku", "e:pl:work-discrimination") in [b for row in rows for b in row]
    assert all(len(d.encode()) <= 64 for d in data)
    suggest = render.reply_keyboard(small_assistant.reply("rada"), catalogs)
    assert {d for row in suggest for _, d in row} == {"e:pl:equality-council", "e:pl:council-join"}


def test_contacts_card_puts_112_first_and_marks_open_now(real_assistant, catalogs):
    knowledge = real_assistant.knowledge
    monday_9 = render.contacts_html(knowledge, "en", 0, 9 * 60, catalogs("en"))
    lines = monday_9.split("\n\n")
    assert "112" in lines[1] and "open now" in lines[1]
    # The RPO helpline's hours come from a secondary page (hours_confidence: medium): no badge either way.
    rpo = next(line for line in lines if "800 676 676" in line)
    assert "closed now" not in rpo and "open now" not in rpo


def test_open_now_only_for_hours_rated_high(small_knowledge, catalogs):
    import dataclasses

    weekdays = dataclasses.replace(small_knowledge.contacts["city"], open=("mon-fri 08:00-16:00",))
    rated = dataclasses.replace(weekdays, id="rated", hours_confidence="high")
    knowledge = dataclasses.replace(small_knowledge, contacts={"city": weekdays, "rated": rated})
    card = render.contacts_html(knowledge, "en", 6, 12 * 60, catalogs("en")).split("\n\n")
    assert [("closed now" in line, "open now" in line) for line in card[1:]] == [(False, False), (True, False)]
    polish = render.contacts_html(knowledge, "pl", 6, 12 * 60, catalogs("pl"))
    assert "Numery pomocowe" in polish and "teraz zamknięte" in polish


def test_the_report_flow_lists_the_case_itself_first_and_at_most_six_entries(real_assistant, catalogs):
    # pregnancy at work: the entries the setting and the ground both list come before the rest
    _, rows, _ = render.report_step(real_assistant.knowledge, unpack("r:en:work:sex:n"), catalogs("en"))
    entries = [d.split(":")[2] for row in rows for _, d in row if d.startswith("e:")]
    routing = real_assistant.knowledge.routing
    both = [e for e in routing.place("work").entries if e in routing.ground("sex").entries]
    assert len(both) >= 3 and entries[: len(both)] == both and "pregnancy-dismissal-protection" in both
    assert len(entries) == render.REPORT_ENTRIES == 6


def test_report_flow_steps_and_invalid_data(real_assistant, catalogs):
    knowledge, en = real_assistant.knowledge, catalogs("en")
    text, rows, danger = render.report_step(knowledge, unpack("r:en"), en)
    assert "Where did it happen?" in text and ("At work or when applying for a job", "r:en:work") in [
        r[0] for r in rows
    ]
    text, rows, _ = render.report_step(knowledge, unpack("r:en:work"), en)
    assert ("Sexual orientation", "r:en:work:orientation") in [r[0] for r in rows]
    text, rows, _ = render.report_step(knowledge, unpack("r:en:work:orientation"), en)
    assert [d for _, d in rows[0]] == ["r:en:work:orientation:y", "r:en:work:orientation:n"]
    text, rows, danger = render.report_step(knowledge, unpack("r:en:work:orientation:n"), en)
    assert not danger and "pip.gov.pl" in text and "800 676 676" in text and "znakirownosci.org.pl" in text
    assert ("e:en:work-discrimination") in [d for row in rows for _, d in row]
    assert render.report_step(knowledge, unpack("r:en:work:orientation:y"), en)[2] is True
    for bad in ["r:xx", "r:en:moon", "r:en:work:zodiac", "r:en:work:age:maybe", "r:en:a:b:c:d:e"]:
        step = unpack(bad)  # the shape is callback_data's to check, the places and grounds the knowledge's
        assert step is None or render.report_step(knowledge, step, en) is None
    assert all(
        len(d.encode()) <= 64
        for place in knowledge.routing.places
        for ground in knowledge.routing.grounds
        for d in [f"r:pl:{place.id}:{ground.id}:n"]
    )


def test_a_concern_answer_has_the_112_line_on_top(real_assistant, catalogs):
    reply = real_assistant.reply("szef grozi mi zwolnieniem, bo jestem w ciąży")
    assert reply.outcome == "answer" and reply.danger == "concern"
    html_text = render.reply_html(reply)
    assert html_text.startswith("<b>Grozi Ci teraz niebezpieczeństwo? Zadzwoń pod 112")
    plain = render.reply_html(real_assistant.reply("dyskryminacja w pracy"))
    assert "112" not in plain.splitlines()[0]


def test_a_long_part_is_never_cut_inside_an_entity_or_a_tag():
    for text in ("y" * 3497 + "&amp;" + "z" * 100, "y" * 3495 + "<b>bold</b>" + "z" * 100):
        parts = render.split_message(text)
        assert "".join(parts) == text
        assert all(p.count("&") == p.count(";") and p.count("<") == p.count(">") for p in parts), [
            p[-8:] for p in parts
        ]


def test_a_triaged_answer_shows_what_was_understood_and_offers_the_report_flow(small_assistant, catalogs):
    reply = small_assistant.reply("kierownik wyśmiewa mnie bo jestem gejem")
    html_text = render.reply_html(reply)
    assert html_text.startswith(
        "<i>Rozumiem, że chodzi o dyskryminację – gdzie: w pracy; dlaczego: orientacja "
        "seksualna.</i>\n\nZgłoś się do <b>inspekcji pracy</b>"
    )
    rows = render.reply_keyboard(reply, catalogs)
    assert [("Nie o to chodzi? Wybierz, gdzie i dlaczego", "r:pl")] in rows
    assert render.report_step(small_assistant.knowledge, unpack("r:pl"), catalogs("pl")) is not None


def test_an_answer_not_chosen_by_triage_has_no_report_button(small_assistant, catalogs):
    rows = render.reply_keyboard(small_assistant.reply("discrimination at work"), catalogs)
    assert not any(data.startswith("r:") for row in rows for _, data in row)


def test_an_answer_is_rendered_from_the_parts_the_reply_carries_alone():
    from bot.core.model import AnswerParts, MatchedVariant, Reply

    parts = AnswerParts(
        body="Go to <b>the inspectorate</b>.",
        source="Source: A & B.",
        concern="In danger? Call 112.",
        understood="I understand <this>.",
    )
    reply = Reply(
        "answer", "en", "ignored plain text", entry_id="x", score=0.8, parts=parts, matched=MatchedVariant("x", "en", 2)
    )
    assert render.reply_html(reply) == (
        "<b>In danger? Call 112.</b>\n\n<i>I understand &lt;this&gt;.</i>\n\n"
        "Go to <b>the inspectorate</b>.\n\n<i>Source: A &amp; B.</i>"
    )
    assert render.why_data(reply) == "why:en:x:en2:h"
    assert render.why_data(Reply("answer", "en", "t", entry_id="x", matched=MatchedVariant("y", "en", 0))) is None
    assert render.reply_html(Reply("fallback", "en", "a < b")) == "a &lt; b"


def test_every_contact_on_the_card_says_how_to_reach_it(real_assistant, catalogs):
    """The note carries the way in for contacts without a phone ("at any police station …")."""
    card = render.contacts_html(real_assistant.knowledge, "en", 0, 9 * 60, catalogs("en"))
    assert "At any police station or the district prosecutor" in card
    for contact in real_assistant.knowledge.contacts.values():
        if contact.note.get("en"):
            assert html.escape(contact.note["en"]) in card, contact.id


def test_an_answer_offers_the_other_two_languages_each_labelled_in_its_own(small_assistant, catalogs):
    rows = render.reply_keyboard(small_assistant.reply("начальник мене дискримінує"), catalogs)
    assert rows[-1] == [
        ("Pokaż po polsku", "e:pl:work-discrimination"),
        ("Show in English", "e:en:work-discrimination"),
    ]
    assert render.language_keyboard() == [[("Polski", "lang:pl"), ("English", "lang:en"), ("Українська", "lang:uk")]]


def test_a_text_not_yet_in_ukrainian_is_shown_in_polish_on_cards_and_buttons(small_knowledge, catalogs):
    import dataclasses

    city = dataclasses.replace(small_knowledge.contacts["city"], name={"pl": "Urząd", "en": "City Hall"})
    knowledge = dataclasses.replace(small_knowledge, contacts={"city": city})
    card = render.contacts_html(knowledge, "uk", 0, 9 * 60, catalogs("uk"))
    assert "<b>Телефони допомоги</b>" in card and "<b>Urząd</b>: 12 616 55 55" in card
    flag = [
        row for row in render.topic_entries_keyboard(small_knowledge, "entries", "uk") if "rainbow-flag" in row[0][1]
    ]
    assert flag == [[("Tęczowa flaga z Leuven", "e:uk:rainbow-flag")]]
