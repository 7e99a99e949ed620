"""The learnt back-off reads a message's n-grams, scores it, and ranks the situations for the card;
the detector lets it raise a message to the card, never lower one."""

import math

import pytest

from bot.core.danger import DangerDetector
from bot.core.danger_model import DangerModel, features
from bot.core.model import DangerRules, Frame
from bot.core.text import danger_tokens

SITUATIONS = ("suicide", "violence")
# "most" and "most " read as danger and as the first situation; "bije" as the second.
MODEL = DangerModel(
    {" mos": (4.0, 2.0, -2.0), "most ": (4.0, 2.0, -2.0), "bije": (4.0, -2.0, 2.0), " ja ": (-1.0, 0.0, 0.0)},
    bias=-2.0,
    threshold=0.8,
    situations=SITUATIONS,
    situation_bias=(0.0, 0.0),
)


def test_features_are_the_padded_words_n_grams_and_short_words_whole():
    grams = features(danger_tokens("Ja most"))
    assert {" ja ", " mo", " mos", " most", "ost ", "st "} <= grams
    assert "|" not in "".join(grams) and features(["|"]) == set()


def test_the_score_grows_with_known_danger_n_grams_and_ignores_unknown_ones():
    assert MODEL.score(danger_tokens("kot")) == 0.0
    most = MODEL.score(danger_tokens("most"))
    assert most == pytest.approx(1 / (1 + math.exp(-(-2.0 + 8.0 / math.sqrt(2)))))
    assert MODEL.score(danger_tokens("ja most")) < most


def test_situations_are_ranked_by_their_weights():
    assert MODEL.likely_situations(danger_tokens("most")) == ("suicide", "violence")
    assert MODEL.likely_situations(danger_tokens("on mnie bije"), 1) == ("violence",)


RULES = DangerRules(
    concepts={"kill": {"en": ["kill"]}, "me": {"en": ["=me"]}, "game": {"en": ["=game"]}, "child": {"en": ["kid"]}},
    frames=(Frame("kill-me", (("kill",), ("me",)), "violence", softened_by=(("game",),)),),
    exceptions={},
    protected=(),
    serious=None,
    signals=("kill",),
)


@pytest.fixture(scope="module")
def detector(lexicon):
    model = DangerModel(
        {" mos": (4.0, 2.0, -2.0), "most ": (4.0, 2.0, -2.0), "game ": (0.0, 0.0, 0.0)},
        -2.0,
        0.8,
        SITUATIONS,
        (0.0, 0.0),
    )
    return DangerDetector(RULES, lexicon, model)


def check(detector, text):
    return detector.check(danger_tokens(text))


def test_the_back_off_brings_the_card_the_rules_do_not_give(detector):
    danger = check(detector, "most")
    assert (danger.tier, danger.frame, danger.situations) == ("crisis", "model", ("suicide", "violence"))
    assert danger.evidence[-1].startswith("model 0.")


def test_the_back_off_keeps_the_situation_the_rules_found_and_never_lowers_the_card(detector):
    raised = check(detector, "this game will kill me most")  # a softened frame, raised by the model
    assert (raised.tier, raised.frame, raised.situations) == ("crisis", "model", ("violence",))
    assert check(detector, "he will kill me").frame == "kill-me"
    assert check(detector, "game over") is None


def test_without_a_model_the_rules_decide_alone(lexicon):
    assert DangerDetector(RULES, lexicon).check(danger_tokens("most")) is None
