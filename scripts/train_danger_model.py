"""Train the learnt danger back-off (docs/crisis.md, "The learnt back-off") and write
knowledge/danger-model.tsv.

    pip install -e '.[train]'          # scikit-learn, for training only; the bot reads the weights itself
    python3 scripts/train_danger_model.py

It reads the development part of the crisis corpus (tests/data/crisis/dev-*.yaml; never blind.yaml)
the project's questions other than its crisis ones, and the knowledge's question variants that the
rules give no card (questions, not danger), fits a logistic regression on
the n-grams of `bot.core.danger_model.features`, and picks the threshold by five-fold cross-validation:
the lowest at which the model, where the rules give no card, puts the card on at most 1% of the
everyday and topical messages and on at most 0.5% of the questions. A second regression ranks the
situations for the card. Retrain after adding messages to the corpus; a test says when it is due.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import yaml  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold, cross_val_predict  # noqa: E402

from bot.core.danger import DangerDetector  # noqa: E402
from bot.core.danger_model import DangerModel, features  # noqa: E402
from bot.core.text import clean, danger_tokens  # noqa: E402
from bot.knowledge.danger_model_reader import FILE_NAME, corpus_digest, training_files, write_model  # noqa: E402
from bot.knowledge.lexicon_store import load_lexicon  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402

#: Which situation each corpus category calls for (the card's helplines).
SITUATION = {
    "suicidal": "suicide",
    "self-harm": "suicide",
    "overdose": "suicide",
    "height-or-means": "suicide",
    "farewell": "suicide",
    "hopelessness": "suicide",
    "domestic-violence": "violence-at-home",
    "child-at-risk": "child",
    "sexual-violence": "sexual-violence",
    "followed-or-attacked": "violence",
    "death-threat": "violence",
    "someone-else-at-risk": "someone-else",
}
REGULARISATION = 4.0  # scikit-learn's C; chosen on sets written later than the ones trained on
MAX_EXTRA_CARDS = 0.01  # on everyday and topical messages, where the rules give none
MAX_EXTRA_QUESTIONS = 0.005


def load_messages(knowledge) -> list[dict]:
    corpus, questions = training_files(ROOT)
    messages = []
    for path in corpus:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            messages.append({"text": item["text"], "kind": item["kind"], "category": item.get("category")})
    for item in yaml.safe_load(questions.read_text(encoding="utf-8")):
        if item.get("outcome") != "crisis":  # the crisis questions have no category; the rules know them
            messages.append({"text": item["q"], "kind": "question", "category": None})
    for entry in knowledge.entries:  # what residents ask in scope (those that read as danger are left out below)
        for variants in entry.questions.values():
            messages += [{"text": q, "kind": "question", "category": None, "variant": True} for q in variants]
    return messages


def matrix(grams: list[set[str]], vocabulary: dict[str, int]) -> csr_matrix:
    """Rows as the model reads them: each known n-gram 1/sqrt(number of known n-grams)."""
    rows, cols, values = [], [], []
    for r, present in enumerate(grams):
        known = [vocabulary[g] for g in present if g in vocabulary]
        for c in known:
            rows.append(r), cols.append(c), values.append(1.0 / math.sqrt(len(known)))
    return csr_matrix((values, (rows, cols)), shape=(len(grams), len(vocabulary)))


def main() -> int:
    knowledge = load_knowledge(ROOT / "knowledge")
    rules = DangerDetector(knowledge.crisis.rules, load_lexicon())  # the rules alone, without a model
    messages = load_messages(knowledge)
    tokens = [danger_tokens(clean(m["text"])) for m in messages]
    rule_card = np.array([(d := rules.check(t)) is not None and d.tier == "crisis" for t in tokens])
    keep = [i for i, m in enumerate(messages) if not (m.get("variant") and rule_card[i])]  # "mąż mnie bije, co robić"
    messages, tokens, rule_card = [messages[i] for i in keep], [tokens[i] for i in keep], rule_card[keep]
    grams = [features(t) for t in tokens]
    counts: dict[str, int] = {}
    for present in grams:
        for g in present:
            counts[g] = counts.get(g, 0) + 1
    vocabulary = {g: i for i, g in enumerate(sorted(g for g, n in counts.items() if n >= 2))}
    x = matrix(grams, vocabulary)
    kind = np.array([m["kind"] for m in messages])
    danger = kind == "danger"
    other, questions = np.isin(kind, ("everyday", "topical")), kind == "question"

    regression = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    held_out = cross_val_predict(regression, x, danger, cv=folds, method="predict_proba")[:, 1]
    threshold = next(
        t
        for t in np.arange(0.50, 1.0, 0.01)
        if ((held_out >= t) & ~rule_card & other).mean() / other.mean() <= MAX_EXTRA_CARDS
        and ((held_out >= t) & questions).sum() / questions.sum() <= MAX_EXTRA_QUESTIONS
    )
    card = rule_card | (held_out >= threshold)
    regression.fit(x, danger)

    situations = tuple(dict.fromkeys(SITUATION.values()))
    situated = LogisticRegression(C=REGULARISATION, max_iter=5000)
    labels = np.array([situations.index(SITUATION[m["category"]]) for m in messages if m["kind"] == "danger"])
    situated.fit(x[danger], labels)
    weights = {
        g: (float(regression.coef_[0][i]), *(float(situated.coef_[s][i]) for s in range(len(situations))))
        for g, i in vocabulary.items()
    }
    model = DangerModel(
        weights,
        float(regression.intercept_[0]),
        float(round(threshold, 2)),
        situations,
        tuple(float(b) for b in situated.intercept_),
    )
    notes = [
        f"{danger.sum()} danger, {other.sum()} everyday and topical messages, {questions.sum()} questions; "
        f"{len(vocabulary)} n-grams",
        f"five-fold cross-validation: the card on {rule_card[danger].mean():.3f} of danger messages by the "
        f"rules, {card[danger].mean():.3f} with the model; on {card[other].mean():.3f} of everyday and topical "
        f"messages (rules {rule_card[other].mean():.3f}); on {card[questions].mean():.3f} of the questions",
    ]
    write_model(ROOT / "knowledge" / FILE_NAME, model, corpus_digest(ROOT), notes)
    print(f"threshold {threshold:.2f}", *notes, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
