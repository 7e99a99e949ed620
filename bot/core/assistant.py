"""The assistant: one message in, one Reply out — danger check, small talk, matching, composition."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.core import compose
from bot.core.analysis import Analyzer
from bot.core.danger import Danger, DangerDetector
from bot.core.language import LanguageGuess, detect, reply_language
from bot.core.lexicon import Lexicon
from bot.core.matcher import OUT_OF_SCOPE, Candidate, Matcher, MatchResult, MatchSettings
from bot.core.model import CARD_LANGS, LANGS, Entry, Knowledge, MatchedVariant, Reply, Suggestion
from bot.core.sentences import MessageReader
from bot.core.smalltalk import COURTESY_INTENTS, SmallTalkMatcher
from bot.core.text import MAX_MATCH_TOKENS, clean, cyrillic_share, danger_tokens, tokens
from bot.core.triage import Reading, Triage


@dataclass(frozen=True)
class MessageReading:
    """A message as read once, before anyone's language preference counts: the cleaned text, its
    words, the language it is written in and the danger check's verdict."""

    cleaned: str
    words: tuple[str, ...]
    guess: LanguageGuess
    danger_words: tuple[str, ...]  # the tokens as danger recognition and triage read them
    danger: Danger | None
    cyrillic: bool  # at least half of its letters are Cyrillic

    @property
    def is_crisis(self) -> bool:
        """True when the message gets the emergency card."""
        return self.danger is not None and self.danger.tier == "crisis"


class Assistant:
    """Answers residents from a knowledge base; pure and synchronous, no I/O."""

    def __init__(
        self,
        knowledge: Knowledge,
        lexicon: Lexicon,
        translations: Callable[[str], compose.Translations] | None = None,
        settings: MatchSettings | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.lexicon = lexicon
        self.analyzer = Analyzer(lexicon, knowledge.synonyms)
        self.matcher = Matcher(knowledge.entries, self.analyzer, settings, knowledge.out_of_scope)
        self.settings = self.matcher.settings
        self.danger = DangerDetector(knowledge.crisis.rules, lexicon, knowledge.crisis.model)
        self.smalltalk = SmallTalkMatcher(knowledge.smalltalk)
        courtesy = [p for phrases in knowledge.courtesy.values() for p in phrases]
        courtesy += [
            p
            for intent in knowledge.smalltalk
            if intent.id in COURTESY_INTENTS
            for phrases in intent.phrases.values()
            for p in phrases
        ]
        self.reader = MessageReader(courtesy, MAX_MATCH_TOKENS)
        self.triage = Triage(knowledge.routing, lexicon)
        self._translations = translations or (lambda lang: compose.IdentityTranslations())

    def with_knowledge(self, knowledge: Knowledge) -> Assistant:
        """A new assistant on other knowledge, with the same lexicon, translations and settings."""
        return Assistant(knowledge, self.lexicon, self._translations, self.settings)

    def tr(self, lang: str) -> compose.Translations:
        """Translations of interface strings for a language."""
        return self._translations(lang)

    def is_crisis(self, text: str) -> bool:
        """True when the message gets the emergency card: the danger check alone, without an answer."""
        return self.read(text).is_crisis

    def read(self, text: str) -> MessageReading:
        """What a message says whoever sent it: its cleaned text and words, its language, its danger."""
        cleaned = clean(text)
        words = tokens(cleaned)
        guess = detect(cleaned, words[:MAX_MATCH_TOKENS], self.lexicon)
        danger_words = danger_tokens(cleaned)
        return MessageReading(
            cleaned,
            tuple(words),
            guess,
            tuple(danger_words),
            self.danger.check(danger_words),
            cyrillic_share(cleaned) >= 0.5,
        )

    def reply(self, text: str, preferred_lang: str | None = None) -> Reply:
        """The reply to one message, in the message's language when it is clear."""
        return self.respond(self.read(text), preferred_lang)

    def respond(self, reading: MessageReading, preferred_lang: str | None = None) -> Reply:
        """The reply to a message already read, in its language when it is clear, else in the
        resident's preferred one."""
        if preferred_lang not in LANGS:
            preferred_lang = None
        guess, danger = reading.guess, reading.danger
        evidence: dict[str, Any] = {
            "language": {"pl": guess.pl, "en": guess.en, "uk": guess.uk, "ru": guess.ru, "verdict": guess.lang}
        }
        if danger is not None:
            evidence["danger"] = {
                "tier": danger.tier,
                "situations": list(danger.situations),
                "frame": danger.frame,
                "concepts": list(danger.evidence),
            }
        if reading.is_crisis and danger is not None:
            # The card in the message's own language, Russian too (the card is written in it).
            lang = (
                guess.lang
                if guess.lang in CARD_LANGS
                else "uk"
                if reading.cyrillic
                else reply_language(guess, preferred_lang)
            )
            return self._crisis(lang, danger, evidence)
        reply = self._respond(reading, preferred_lang, evidence)
        if guess.lang == "ru" and reply.lang != "ru":
            return _with_notice(reply, compose.russian_note(self.tr("ru")))
        return reply

    def _respond(self, reading: MessageReading, preferred_lang: str | None, evidence: dict[str, Any]) -> Reply:
        words, guess, danger = list(reading.words), reading.guess, reading.danger
        message = self.reader.read(reading.cleaned)
        talk = self.smalltalk.match(words) or (self.smalltalk.courtesy() if message.courtesy_only else None)
        if talk is not None:
            intent, phrase_lang = talk
            lang = reply_language(guess, preferred_lang, phrase_lang)
            text = intent.reply.get(lang) or intent.reply["pl"]
            if danger is not None:
                text = compose.concern_line(self.tr(lang)) + "\n\n" + text
            return Reply(
                "smalltalk",
                lang,
                text,
                danger=danger.tier if danger else None,
                explain=evidence | {"smalltalk": intent.id},
            )

        match_lang = guess.lang or guess.script or ("uk" if reading.cyrillic else preferred_lang) or "pl"
        words, story = message.words, message.story_words
        if guess.latin_cyrillic:  # Ukrainian typed in Latin letters is matched as the Cyrillic it stands for
            words = self.analyzer.cyrillic_reading(words)
            story = frozenset(self.analyzer.cyrillic_reading(list(story)))
        result = self.matcher.match(words, match_lang, story)
        return self._decide(result, guess, preferred_lang, evidence, danger, list(reading.danger_words))

    def crisis_reply(self, lang: str, situations: tuple[str, ...] = ()) -> Reply:
        """The emergency card in a language (for a resident who says someone is in danger)."""
        lang = lang if lang in CARD_LANGS else "pl"
        return self._crisis(lang, Danger("crisis", situations), {})

    def _crisis(self, lang: str, danger: Danger, evidence: dict[str, Any]) -> Reply:
        text = compose.crisis_text(self.knowledge, lang, self.tr(lang), danger.situations)
        return Reply("crisis", lang, text, score=1.0, danger="crisis", explain=evidence)

    def answer(self, entry_id: str, lang: str) -> Reply | None:
        """The answer of a given entry (deep links, "did you mean" choices); None if unknown."""
        entry = self.knowledge.entry(entry_id)
        if entry is None:
            return None
        return self._answer(entry, lang if lang in LANGS else "pl", 1.0, {})

    def _decide(
        self,
        result: MatchResult,
        guess: LanguageGuess,
        preferred: str | None,
        evidence: dict[str, Any],
        danger: Danger | None = None,
        read: list[str] | None = None,
    ) -> Reply:
        best = result.best
        lang = reply_language(guess, preferred, variant=best.variant.lang if best else None)
        outcome, chosen, reason = decide(result, self.settings, self._one_shared_word(result))
        explain = evidence | _explain(result) | {"decision": reason}
        tier = danger.tier if danger is not None else None
        # Triage can change only a reply that is not a strong answer; a strong one skips the reading.
        weak = best is None or outcome != "answer" or best.score < self.settings.triage_overrules_below
        reading = self.triage.read(read, {c.entry.id: c.score for c in result.candidates}) if read and weak else None
        entry = None
        if reading is not None and overrules(outcome, best, reading, self.triage, self.settings):
            entry = self.knowledge.entry(reading.entry)
        if reading is not None and entry is not None:
            why = (
                f"the match alone gave {outcome} ({reason})"
                if outcome != "answer"
                else f"the match gave {best.entry.id if best else None}, an entry for another setting or ground"
            )
            return self._triaged(
                reading,
                entry,
                lang,
                best.score if best else 0.0,
                explain | {"decision": f"triage: {why}; the message names a ground in a setting"},
                tier,
                matched_variant(best),
            )
        if outcome == "fallback":
            text = compose.fallback_text(
                self.knowledge, lang, self.tr(lang), danger is not None, danger.situations if danger is not None else ()
            )
            return Reply("fallback", lang, text, score=best.score if best else 0.0, danger=tier, explain=explain)
        assert best is not None, "decide answers or suggests only with a best candidate"
        if outcome == "answer":
            return self._answer(best.entry, lang, best.score, explain, tier, matched_variant(best))
        entries = [c.entry for c in chosen]
        text = compose.suggest_text(entries, lang, self.tr(lang))
        if danger is not None:
            text = compose.concern_line(self.tr(lang)) + "\n\n" + text
        suggestions = tuple(Suggestion(e.id, e.title_in(lang)) for e in entries)
        return Reply("suggest", lang, text, score=best.score, suggestions=suggestions, danger=tier, explain=explain)

    def _triaged(
        self,
        reading: Reading,
        entry: Entry,
        lang: str,
        score: float,
        explain: dict[str, Any],
        danger: str | None,
        matched: MatchedVariant | None,
    ) -> Reply:
        """The routed entry's answer, led by what triage understood (so that a wrong reading shows)."""
        explain = explain | {
            "triage": {
                "place": reading.place.step.id,
                "ground": reading.ground.step.id,
                "entry": entry.id,
                "place_words": list(reading.place.words),
                "ground_words": list(reading.ground.words),
            }
        }
        line = compose.understood_line(reading.place.step, reading.ground.step, lang, self.tr(lang))
        reply = self._answer(entry, lang, score, explain, danger, matched, understood=line)
        return dataclasses.replace(reply, triage=(reading.place.step.id, reading.ground.step.id))

    def _one_shared_word(self, result: MatchResult) -> bool:
        """True when the question matched one word only, several entries use it, and no variant is just it."""
        matched = {term for _, term, _, factor in result.query_terms if factor > 0}
        if len(matched) != 1 or result.best is None or result.best.variant.terms <= matched:
            return False
        return self.matcher.entries_using(next(iter(matched))) > 1

    def _answer(
        self,
        entry: Entry,
        lang: str,
        score: float,
        explain: dict[str, Any],
        danger: str | None = None,
        matched: MatchedVariant | None = None,
        understood: str = "",
    ) -> Reply:
        related = [r for r in (self.knowledge.entry(i) for i in entry.related) if r is not None]
        parts = compose.answer_parts(entry, lang, self.tr(lang), danger is not None, understood)
        text = compose.answer_text(parts, lang, related, self.tr(lang))
        return Reply(
            "answer",
            lang,
            text,
            entry_id=entry.id,
            score=score,
            danger=danger,
            related=tuple(Suggestion(r.id, r.title_in(lang)) for r in related),
            explain=explain,
            parts=parts,
            matched=matched,
        )


def _with_notice(reply: Reply, line: str) -> Reply:
    """The reply with a line about its language above it (in its text and its answer parts)."""
    parts = reply.parts
    if parts is not None:
        parts = dataclasses.replace(parts, notices=(line, *parts.notices))
    return dataclasses.replace(reply, text=f"{line}\n\n{reply.text}", parts=parts)


def overrules(outcome: str, best: Candidate | None, reading: Reading | None, triage: Triage, s: MatchSettings) -> bool:
    """True when triage's reading answers instead of the match: the match alone would not answer, or
    it answers, not strongly, with an entry for another setting or ground than the message names."""
    if reading is None:
        return False
    if outcome != "answer" or best is None:
        return True
    return best.score < s.triage_overrules_below and triage.contradicts(reading, best.entry.id)


def decide(result: MatchResult, s: MatchSettings, one_shared_word: bool = False) -> tuple[str, list[Candidate], str]:
    """Answer, suggest or fallback for ranked candidates: (outcome, candidates, reason)."""
    cands = result.candidates
    best = cands[0] if cands else None
    if best is None or best.score < s.suggest_threshold:
        return "fallback", [], "fallback: best score below the suggest threshold"
    if best.entry.id == OUT_OF_SCOPE:
        return "fallback", [], f"fallback: out of scope, like {best.variant.text!r}"
    cands = [c for c in cands if c.entry.id != OUT_OF_SCOPE]
    second = cands[1].score if len(cands) > 1 else 0.0
    if best.content < s.min_content:
        return "fallback", [], "fallback: the words it shares with the knowledge are words every question uses"
    cands = [c for c in cands if c.content >= s.min_content]
    clear = best.score - second >= s.clear_margin and not one_shared_word
    if clear and (
        best.variant_coverage >= s.clear_variant_coverage
        and best.coverage >= s.clear_coverage
        or best.coverage >= s.clear_whole_question
        and best.variant_coverage >= s.min_variant_coverage
    ):
        return (
            "answer",
            [best],
            "answer: far ahead of the runner-up, with most of one of its variants or all the question",
        )
    if best.coverage < s.min_suggest_coverage:
        return "fallback", [], "fallback: most of the question is about something the knowledge does not cover"
    understood = best.coverage >= s.min_answer_coverage and best.variant_coverage >= s.min_variant_coverage
    if best.score >= s.answer_threshold and best.score - second >= s.margin and understood and not one_shared_word:
        return "answer", [best], "answer: above the answer threshold and clear of the runner-up"
    floor = max(s.suggest_threshold, best.score - 0.2)
    chosen = [c for c in cands if c.score >= floor and c.coverage >= s.min_suggest_coverage][: s.max_suggestions]
    if one_shared_word:
        reason = "suggest: a single word that several entries share"
    elif not understood:
        reason = "suggest: too little of the question is understood to be sure"
    elif best.score < s.answer_threshold:
        reason = "suggest: between the suggest and answer thresholds"
    else:
        reason = "suggest: candidates too close to tell apart"
    return "suggest", chosen, reason


def matched_variant(candidate: Candidate | None) -> MatchedVariant | None:
    """Which of its entry's questions a candidate matched (index -1: none of them, e.g. the title)."""
    if candidate is None:
        return None
    variants = candidate.entry.questions.get(candidate.variant.lang, ())
    index = variants.index(candidate.variant.text) if candidate.variant.text in variants else -1
    return MatchedVariant(candidate.entry.id, candidate.variant.lang, index)


def _explain(result: MatchResult) -> dict[str, Any]:
    def cand(c: Candidate) -> dict[str, Any]:
        matched = matched_variant(c)
        return {
            "variant_index": matched.index if matched else -1,
            "entry": c.entry.id,
            "score": c.score,
            "lexical": c.lexical,
            "fuzzy": c.fuzzy,
            "coverage": c.coverage,
            "variant_coverage": c.variant_coverage,
            "variant": c.variant.text,
            "variant_lang": c.variant.lang,
            "matched": c.matched,
        }

    return {
        "terms": [
            {"word": w, "term": t, "weight": round(wt, 3), "match": round(f, 2)} for w, t, wt, f in result.query_terms
        ],
        "corrections": result.corrections,
        "candidates": [cand(c) for c in result.candidates[:3]],
    }
