import pytest

from bot.core.text import MAX_CHARS, clean, danger_tokens, fold, join_digits, tokens


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("Zażółć GĘŚLĄ jaźń", "zazolc gesla jazn"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Café", "cafe"),
    ],
)
def test_fold_strips_case_and_diacritics(raw, folded):
    assert fold(raw) == folded


def test_tokens_drop_punctuation_and_emoji():
    assert tokens("Gdzie zgłosić dyskryminację?!? 😡🏳️‍🌈 #pomoc") == ["gdzie", "zglosic", "dyskryminacje", "pomoc"]


def test_clean_removes_invisible_characters_and_caps_length():
    assert clean("a\u200bb\u202ec\x00d  \n e") == "abcd e"
    assert len(clean("x" * 100_000)) == MAX_CHARS


def test_join_digits_reads_phone_numbers_as_written():
    assert join_digits("call 800 70 2222 or 116-123") == "call 800702222 or 116123"


def test_a_soft_sign_apostrophe_keeps_a_latin_typed_word_whole_but_english_contractions_split():
    assert tokens("til'ky pid'jizd") == ["tilʹky", "pidʹjizd"]
    assert tokens("don't it's") == ["don", "t", "it", "s"]


def test_laughing_emoji_mark_a_message_as_a_joke_for_the_danger_rules():
    assert "lol" in danger_tokens("хочу тихо зникнути у відпустку в Карпати 😄")
    assert "lol" not in danger_tokens("хочу тихо зникнути")
