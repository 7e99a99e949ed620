"""Whatever a resident types, the core answers: never an exception, always Polish or English, always
in parts Telegram accepts, never the resident's markup echoed back (corpus: data/nasty-inputs.yaml)."""

import html
import unicodedata

import pytest
import yaml
from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.markup import markup_problems
from bot.telegram import render

TELEGRAM_LIMIT = 4096
CORPUS = yaml.safe_load((DATA / "nasty-inputs.yaml").read_text(encoding="utf-8"))


def corpus_text(item: dict) -> str:
    text = item["text"] * item.get("repeat", 1)
    return unicodedata.normalize("NFD", text) if item.get("nfd") else text


def check_reply(assistant, catalogs, text: str, preferred: str | None = None):
    reply = assistant.reply(text, preferred)
    assert reply.lang in ("pl", "en", "uk", "ru")  # Cyrillic messages are answered in Ukrainian or Russian
    assert reply.outcome in ("answer", "suggest", "fallback", "crisis", "smalltalk")
    body = render.reply_html(reply)
    parts = render.split_message(body)
    assert all(0 < len(part) <= TELEGRAM_LIMIT for part in parts)
    assert all(markup_problems(part) == [] for part in parts), "a part Telegram would reject"
    return reply, body


def test_the_corpus_is_big_enough():
    assert sum(len(v) for v in CORPUS.values()) >= 50


@pytest.mark.parametrize("item", CORPUS["texts"], ids=lambda i: i["name"])
def test_every_nasty_text_gets_a_reply(item, real_assistant, catalogs):
    text = corpus_text(item)
    reply, body = check_reply(real_assistant, catalogs, text)
    if item.get("expect") == "crisis":
        assert reply.outcome == "crisis" and "112" in body.splitlines()[0]
    for dangerous in ("<script", "<a href='javascript", "<b>bold"):
        assert dangerous not in body  # the resident's markup is never echoed as markup


def test_digit_like_signs_that_are_no_decimal_digits_never_break_the_core(real_assistant, catalogs):
    for text in (
        "\U00011052",
        "mam \u00b2 lata",
        "\u2460\u2461 pomocy",
        "\u0663\u0664 years",
    ):  # Brahmi one, ², ①②, Arabic-Indic 34
        check_reply(real_assistant, catalogs, text)


def test_long_unicode_texts_never_break_the_core(real_assistant, catalogs):
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=200), st.integers(min_value=1, max_value=500), st.sampled_from([None, "pl", "en", "de"]))
    def run(chunk, times, preferred):
        check_reply(real_assistant, catalogs, (chunk * times)[:100_000], preferred)

    run()


def test_arbitrary_unicode_never_breaks_the_core(real_assistant, catalogs):
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(st.characters(codec=None), max_size=400))
    def run(text):
        check_reply(real_assistant, catalogs, text)

    run()


def test_a_reply_never_contains_the_residents_html_unescaped(real_assistant, catalogs):
    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(alphabet="<>&\"'/abcsript=", min_size=1, max_size=60))
    def run(noise):
        reply, body = check_reply(real_assistant, catalogs, f"rada równego traktowania {noise}")
        if noise.strip() and reply.outcome != "answer":
            assert html.escape(reply.text) == body

    run()
