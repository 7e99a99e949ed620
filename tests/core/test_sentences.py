"""Reading a message as sentences: courtesy dropped, the question sentence first, the story's words."""

import os
import subprocess
import sys

from bot.core.sentences import MessageReader

COURTESY = ["dzień dobry", "z góry dziękuję", "pozdrawiam", "hi", "thanks a lot", "i have a question"]


def reader(max_words=60):
    return MessageReader(COURTESY, max_words)


def test_greetings_and_thanks_around_a_question_are_dropped_without_polish_letters_too():
    message = reader().read("Dzien dobry, gdzie zglosic dyskryminacje w pracy? Z gory dziekuje, pozdrawiam")
    assert message.words == ["gdzie", "zglosic", "dyskryminacje", "w", "pracy"]
    assert message.story_words == frozenset()


def test_a_courtesy_phrase_inside_a_sentence_stays():
    # "hi" is a greeting only at the start or the end of a sentence
    assert "hi" in reader().read("my boss said hi to everyone but me").words


def test_a_story_puts_the_asking_sentence_first_and_marks_the_storys_words():
    message = reader().read("I work in a shop. My boss mocks my accent. What can I do?")
    assert message.words[:5] == ["what", "can", "i", "do", "i"]
    assert {"shop", "boss", "mocks", "accent"} <= message.story_words
    assert "do" not in message.story_words
    assert message.story


def test_a_sentence_opening_with_a_question_word_asks_without_a_question_mark():
    message = reader().read("Szef mnie wyzywa. gdzie to zglosic")
    assert [s.asks for s in message.sentences] == [False, True]


def test_without_a_question_every_sentence_counts_fully():
    message = reader().read("My boss fired me. I am pregnant.")
    assert message.story_words == frozenset() and not message.story


def test_a_long_story_keeps_the_question_when_it_is_cut():
    story = " ".join(f"word{i}" for i in range(80))
    message = reader(max_words=20).read(f"{story}. Where can I report it?")
    assert message.words[:5] == ["where", "can", "i", "report", "it"]
    assert len(message.words) == 20


def test_a_message_of_nothing_but_courtesy():
    assert reader().read("Dzień dobry! Pozdrawiam").courtesy_only
    assert not reader().read("").courtesy_only


def test_an_address_abbreviation_or_a_decimal_does_not_end_a_sentence():
    sentences = reader().read("Mieszkam przy ul. Długiej 3.5 roku. Czy mogę?").sentences
    assert len(sentences) == 2


def test_overlapping_courtesy_phrases_are_stripped_the_same_way_in_every_process():
    """Two phrases of one length that overlap ("witam pana" / "pana prosze" in "witam pana prosze"):
    which went first followed the process's string hashing, so a restart could read a message
    differently. The longest go first, then in alphabetical order."""
    script = (
        "from bot.core.sentences import MessageReader\n"
        "r = MessageReader(['witam pana', 'pana prosze', 'dzien dobry'])\n"
        "print([s.words for s in r.sentences('witam pana prosze. gdzie zglosic')])\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert seen == {"[('witam',), ('gdzie', 'zglosic')]\n"}
