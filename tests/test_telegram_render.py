"""Telegram rendering without Telegram: HTML, message splitting, keyboards."""

from bot import telegram_render as render


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
    html_text = render.reply_html(answer, small_assistant.knowledge, catalogs("en"))
    assert "<b>labour inspectorate</b>" in html_text and "<i>Source: Kodeks pracy" in html_text
    fallback = small_assistant.reply("<script>alert(1)</script> parking permit")
    assert "<script>" not in render.reply_html(fallback, small_assistant.knowledge, catalogs("en"))


def test_keyboards_carry_short_self_contained_data(small_assistant, catalogs):
    rows = render.reply_keyboard(small_assistant.reply("discrimination at work"), catalogs)
    data = [d for row in rows for _, d in row]
    assert "e:en:equality-council" in data and "e:pl:work-discrimination" in data
    assert ("Pokaż po polsku", "e:pl:work-discrimination") in [b for row in rows for b in row]
    assert all(len(d.encode()) <= 64 for d in data)
    suggest = render.reply_keyboard(small_assistant.reply("rada"), catalogs)
    assert {d for row in suggest for _, d in row} == {"e:pl:equality-council", "e:pl:council-join"}
