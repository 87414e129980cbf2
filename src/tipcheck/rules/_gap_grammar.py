"""The clause grammar of the gap rules: who is seeking, what, from whom, whether it is still pending, whether it
was received, and whether information is said to be unavailable.

The words come from tipcheck/vocabulary/gaps.yaml; this module only says how they combine. A sentence is read
with its blanks folded to single spaces, cut into clauses (at ";", ":" and before a "which"/"who" clause), and
each clause is tried against a few frames:

seeking-information
  - a reporter seeking something sought: "Post has asked the MOI for a breakdown", "We are awaiting figures";
  - the thing sought as the subject of a request or a pending state: "Statistics have been requested",
    "A response is expected shortly", "An update will follow";
  - the thing sought to be delivered later: "Details will be sent septel", "Post will forward them once received";
  - the reporter's request still open: "Our request ... remains outstanding"; another actor has not yet answered
    it: "The MFA has not yet replied to post's note"; the reporter has not received it; it was promised;
  - information not given by the reporting deadline; a pronoun for it that has not come ("none had reached post");
  - another actor told the post it is being prepared ("assured us that the statistics were being compiled");
  - a note labelled with a pending state: "Still pending: the Ministry's count of raids".
  Interjections ("have so far gone unanswered") and short asides ("have been requested, through the MFA, to
  furnish") are read through.
  It is not a gap when what was asked for arrived ("requested and received", "the ministry provided them", "and
  it supplied the figures"), when
  another actor is the seeker ("the government is seeking to amend the law"), when what is sought is not
  information ("seek ways to support"), or when the sentence asks that something NOT be disclosed.

information-unavailable
  - information as the subject of an unavailable state: "Statistics were not available", "The number ... is
    unknown", "Figures could not be obtained" (not when it is withheld from someone other than the post:
    "personal data are not released to the media");
  - "It is not known how many ...", "It remains unclear whether any funds were disbursed" (a question is
    information when its verb is in the past: not "whether the gang has links", "whether the law will pass");
    "an unknown number of";
  - a main clause after a concession, its subject a pronoun for information the concession named ("Although the
    MOJ compiled statistics, they were not made available to the Embassy"), or the post's access to it refused
    ("..., access to them was denied");
  - the reporter lacks it or could not obtain it: "Post has no figures", "We were unable to obtain data";
  - another actor withholds it: "The Ministry declined to share figures", "did not provide a breakdown",
    "provided no data", "were not authorized to disclose"; refuses the post's request or access ("refused
    RSO's request for", "refused to give post access", "PolOff's request ... was turned down");
  - "Neither the number of victims nor their nationalities were known to ...";
  - "No information was available", "No information.", "(NFI)".
  A country that keeps no data ("does not collect statistics", "There are no official statistics") says what the
  country has, not what the post lacks: none of these frames reads it.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from typing import TypeVar

from tipcheck.phrases import gated_pattern, phrase_pattern
from tipcheck.regex import lazy_compile
from tipcheck.text import case_blind_as_lowered, fold
from tipcheck.vocabulary import STRICT_EDGES, alternation, gap_vocabulary, words_pattern

V = gap_vocabulary()
_FLAGS = re.I


def _words(*lists: Iterable[str]) -> str:
    """The phrases of `lists` as whole words."""
    return words_pattern((w for words in lists for w in words), STRICT_EDGES)


def _gated(pattern: str, *needs: tuple[Iterable[str], ...]) -> re.Pattern[str]:
    """`pattern`, case-blind, compiled and run only on text holding, for one of `needs`, a phrase of each of its
    word lists (`tipcheck.phrases.gated_pattern`): each match of the pattern holds them."""
    return gated_pattern(pattern, _FLAGS, *needs)


def _compile(*lists: Iterable[str]) -> re.Pattern[str]:
    """The phrases of `lists` as whole words (`_words`), case-blind, read by lookup (`tipcheck.phrases`)."""
    return phrase_pattern(w for words in lists for w in words)


REPORTER = phrase_pattern(V.reporters, possessive=True)
_OTHER = _compile(V.other_actors)
_ABBREVIATION = lazy_compile(rf"\b{V.government_abbreviation}s?\b")
_ACRONYM = lazy_compile(rf"(?<![\w/]){V.acronym}(?![\w/])")
_NOT_ACTORS = frozenset(V.not_actors)
_SHOUTED_WORDS = 4  # a clause of this many words in capitals is a cable typed in capitals
_RECIPIENT_ONLY = _compile(V.reporting_recipients)
_INTRODUCTION = _compile(V.introductions)
_CONTROL_VERB = _compile(V.object_control_verbs)
_NAME = lazy_compile(r"[\w'’/-]+")

_FACTS = (*V.asked_facts, *V.court_outcomes)
SOUGHT = _compile(V.sought)
# "whether the victims received compensation": a question about what happened, its first verb in the past (not
# "whether the gang has links", "whether the law will pass")
_QUESTION = _compile(V.asked_questions)
_PAST_CLAUSE = lazy_compile(rf"(?:\s+(?!{_words(V.not_past_verbs)})[\w'’-]+){{0,8}}?\s+"
                            rf"(?:{_words(V.past_verbs)}|ha(?:s|ve)\s+(?:not\s+|yet\s+|ever\s+)*(?:been|\w+ed|\w+en)\b"
                            r"|\w+ed\b)", _FLAGS)
# what is asked for, as words (each pattern that needs them reads them through this one, compiled once)
_INFO = _compile(V.sought, _FACTS)
_PRIVATE = _compile(V.private)
# "the sentences handed down": a court's outcome, definite, is information after a verb of advocating too
_DEFINITE_OUTCOME = _gated(r"\b(?:the|their|its|any)\s+(?:\w+\s+)?" + _words(V.court_outcomes), (V.court_outcomes,))

_CLAUSE_BREAK = lazy_compile(r";|:\s|,\s+(?=(?:which|who|whom|whose)\b)"
                             r"|,\s+(?P<coordinator>and|but|although|though|while|whereas|because|since|so)\s", _FLAGS)
# A coordinated verb phrase shares the subject ("has requested, but not yet received, the breakdown")
_SAME_SUBJECT = lazy_compile(r"(?:not|yet|never|has|have|had|is|are|was|were|will|would|could|can|did|does|do|also|"
                           r"then|still|\w+ed)\b", _FLAGS)
_AWAY = lazy_compile(r"\b(?:from|to|with)\s+(?P<whom>(?:[\w'/-]+\s+){0,2}[\w'/-]+)", _FLAGS)
# "to" before a determiner names a recipient ("to the police"), not an infinitive
_INFINITIVE = lazy_compile(r"\bto\s+(?!(?:the|a|an|its|their|his|her|our|this|these|those|all|any)\b)(?P<verb>[a-z]+)",
                         _FLAGS)
_DELIVERS = _compile(V.actor_delivers, V.find_out_verbs)
_THAT = lazy_compile(r"\bthat\b", _FLAGS)

_SEEK = _compile(V.seek_verbs)
_REQUESTED = _compile(V.requested_states)
_PENDING = _gated(_words(V.pending_states) + r"(?!\s+to\b)", (V.pending_states,))
_BY_OTHER = lazy_compile(r"^\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?(?P<agent>[\w/-]+)", _FLAGS)
_DELIVERY_PASSIVE = _compile(V.delivery_passives)
_LATER = _compile(V.later_documents, V.later_markers)
_LATER_DOCUMENT = _compile(V.later_documents)
_TO_WHOM = lazy_compile(r"^\s+(?:to|with)\s+(?:the\s+|its\s+|their\s+|most\s+|all\s+)?"
                        r"(?P<whom>[\w/'-]+(?:\s+[\w/'-]+)?)", _FLAGS)
_FUTURE_DELIVERY = _gated(_words(V.future_markers) + r"\s+(?:(?:also|then|promptly|continue\s+to)\s+)?"
                          + _words(V.delivery_verbs), (V.future_markers, V.delivery_verbs))
_PRONOUN_OBJECT = lazy_compile(r"^\s+(?:it|them|these|this|those)\b", _FLAGS)
# "..., which we will transmit upon completion": the relative pronoun is the object, the thing named before it
_RELATIVE_PRONOUNS = ("which ", "that ")
_REPLY_VERB = _compile(V.reply_verbs)
# a fragment with its verb left out: a few words that are no verb of being (the first ones no participle either),
# then a bare state ("Conviction data pending from MOJ", "STATS ON REPATRIATED VICTIMS STILL OUTSTANDING"); the
# words must name information (checked in code, so the information words are not compiled again here)
_NOT_BEING = r"(?!(?:is|are|was|were|has|have|had|will|would|be|been|being)\b)"
_STATE_WORDS = rf"(?:(?P<pending>{_words(V.bare_pending)})|(?P<unavailable>{_words(V.bare_unavailable)}))"
_BARE_STATE = _gated(rf"^\W*(?:{_NOT_BEING}(?![\w'’/-]*ed\b)[\w'’/-]+\s+){{0,2}}?{_NOT_BEING}[\w'’/-]+"
                     rf"(?:\s+{_NOT_BEING}[\w'’/-]+){{0,11}}?,?\s+{_STATE_WORDS}",
                     (V.bare_pending,), (V.bare_unavailable,))
_FINITE_AFTER = lazy_compile(r"\b(?:is|are|was|were|has|have|had|will|would|shows?|showed|indicates?|indicated)\b",
                             _FLAGS)
_LABEL = lazy_compile(r"^\W*(?P<label>[^:;]{1,80}?):\s+", _FLAGS)
_LABEL_STATE = _gated(_STATE_WORDS, (V.bare_pending,), (V.bare_unavailable,))
_ARRIVES = _gated(r"\b(?:will|should|would)\s+(?:\w+ly\s+)?(?P<verb>" + _words(V.arrival_verbs) + r")",
                  (V.arrival_verbs,))
_PENDING_LABEL = _gated(r"^\W*" + _words(V.pending_labels) + r"\s*:", (V.pending_labels,))
_REQUEST_NOUN = _words(V.request_nouns)
# after a reporter's possessive or "our": "PolOff's repeated inquiries", "our letter"
_OWNED_REQUEST = _gated(rf"(?:[\w-]+\s+){{0,3}}?{_REQUEST_NOUN}", (V.request_nouns,))
# before the reporter: "requests by the Embassy"
_REQUEST_BY = _gated(rf"{_REQUEST_NOUN}\s+(?:by|from)\s+(?:the\s+)?", (V.request_nouns,))
_REQUEST_FOR = _gated(rf"{_REQUEST_NOUN}\s+(?:to\s+[^.;]{{0,60}}?)?(?:for|about|on)\s+(?:[\w'-]+\s+){{0,4}}?"
                      rf"{_words(V.sought, _FACTS)}", (V.request_nouns, (*V.sought, *_FACTS)))
_REQUEST_OPEN = _compile(V.request_states)
_NOT_ANSWERED = _compile(V.not_answered)
_NOT_YET_GIVEN = _gated(_words(V.not_yet) + r"\s+" + _words(V.withhold_verbs, V.actor_delivers),
                        (V.not_yet, (*V.withhold_verbs, *V.actor_delivers)))
_TO = lazy_compile(r"\b(?:to|with)\s+(?:the\s+)?$", _FLAGS)  # "to post", "share with the Embassy"
_NOT_RECEIVED = _compile(V.not_received)
# "No reply has been received"; opening a note, "No response yet from X ..." (the group "awaited")
_NO_REPLY = _gated(_words(V.no_reply) + r"\s+(?:(?P<awaited>(?:yet\s+)?from\b)"
                   r"|(?:has|had|have|was)\s+(?:yet\s+)?(?:been\s+)?(?:received|come|arrived|forthcoming|given))",
                   (V.no_reply,))
# "undertook in March to supply the Embassy": an adverbial may stand between the undertaking and its verb (not an
# object: "commits member states to share data")
_PROMISE = _gated(f"{_words(V.undertaking_verbs)}\\s+(?:(?:in|on|at|during|last|this)\\s+[\\w-]+\\s+|\\w+ly\\s+)?"
                  f"to\\s+"
                  f"(?:{_words(V.actor_delivers, V.actor_delivering)}|(?P<prepare>{_words(V.preparation_verbs)}))"
                  f"|{_words(V.promise_verbs)}",
                  (V.undertaking_verbs, (*V.actor_delivers, *V.actor_delivering, *V.preparation_verbs)),
                  (V.promise_verbs,))
# "assured us that the victim statistics were being compiled": information under way, as told to the post
_BEING_PREPARED = _compile(V.being_prepared)
_NEGATED_BEFORE = lazy_compile(r"\b(?:not|no\s+longer|never)\s+$", _FLAGS)
# "none had reached post", "nothing has so far arrived": a pronoun for information named before, not yet come
_NONE_ARRIVED = _gated(_words(V.none_pronouns) + r"\s+(?:has|have|had)\s+(?:yet\s+)?(?P<verb>"
                       + _words(V.arrived) + ")", (V.none_pronouns, V.arrived))
_ASKED_TO = _gated(_words(V.asked_passives) + r"\s+" + _words(V.actor_delivers), (V.asked_passives, V.actor_delivers))
_EXPECTS = _gated(_words(V.expect_verbs) + r"\s+(?P<who>(?:[\w'’-]+\s+){1,6}?)to\s+" + _words(V.actor_delivers),
                  (V.expect_verbs, V.actor_delivers))
_EXPECTS_RECEIPT = _gated(_words(V.expect_verbs) + r"\s+(?:to\s+)?" + _words(V.receive_verbs),
                          (V.expect_verbs, V.receive_verbs))
# "said it would provide", "told Poloff that the figures will be sent": a report of another actor's promise
_WOULD_DELIVER = _gated(r"\b(?:would|will)\s+(?:be\s+)?" + _words(V.actor_delivers, V.withhold_verbs),
                        ((*V.actor_delivers, *V.withhold_verbs),))
_SPEECH = _compile(V.speech_verbs)
_DEADLINE = _gated(r"\b(?:not|no|neither|nor)\b[^.;]{0,120}?\b(?:by|before)\s+(?:the\s+)?"
                   r"(?:[A-Z][a-z]+\s+\d{1,2}\s+)?(?:reporting\s+)?" + _words(V.deadline_words), (V.deadline_words,))
_ANSWER_WORDS = lazy_compile(r"\brespon|\brepl(?:y|ied)|\bquestions?\b", _FLAGS)  # or a word of `sought`
_RECEIPT = _compile(V.receipt)
_RECEIPT_BLOCKER = _gated(_words(V.receipt_blockers) + r"\s+(?:[\w-]+\s+)?$", (V.receipt_blockers,))
_CONFIDENTIAL = _compile(V.confidentiality)

# "could not be (independently) determined"
_UNDETERMINED = _words(V.negated_passives) + r"\s+(?:\w+ly\s+)?" + _words(V.undetermined)
_UNAVAILABLE = _gated(rf"{words_pattern(V.unavailable_states, STRICT_EDGES, adverbs=True)}|{_UNDETERMINED}",
                      (V.unavailable_states,), (V.negated_passives, V.undetermined))
_IT_UNKNOWN = _gated(r"\bit\s+(?:(?:is|was|remains|remained|has\s+been)\s+)?(?:still\s+)?"
                     + f"(?:{_words(V.unknown_words)}|{_UNDETERMINED})"
                     + r"\s+(?:how\s+(?:many|much)\b|what\s+number\b|the\s+(?:number|amount|extent)\b|"
                     + f"(?P<question>{_words(V.asked_questions)}))",
                     (V.unknown_words,), (V.negated_passives, V.undetermined))
# "for an unknown number of policemen" (a count the answer lacks), not "there are an unknown number of border
# crossings" (a description of the country)
_UNKNOWN_QUANTITY = _gated(r"(?<!\bthere\sare\s)(?<!\bthere\sis\s)(?<!\bthere\swere\s)(?<!\bthere\swas\s)"
                           + _words(V.unknown_quantity), (V.unknown_quantity,))
_LACKS = _gated(r"(?<!\bthe\s)(?<!\ba\s)(?:" + _words(V.reporter_lacks)  # not "the lack of"
                + r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:not|never)\s+(?:yet\s+)?"
                + rf"(?P<not_given>{_words(V.reporter_not_given)})|(?:not\s+)?(?:yet\s+)?"
                + rf"(?P<denied>{_words(V.reporter_denied)})))(?!\s+of\b)",
                (V.reporter_lacks,), (("not", "never"), V.reporter_not_given), (V.reporter_denied,))
_FAILING = tuple(p.removesuffix(" to") for p in V.reporter_fails)  # "unable", "could not"
_FAILED_BEFORE = _gated(_words(_FAILING) + r"\s*$", (_FAILING,))
_IMPOSSIBLE = _gated(r"\bit\s+" + _words(V.impossible) + r"\s+to\s+(?:\w+ly\s+)?(?P<verb>"
                     + _words(V.obtain_verbs) + ")", (V.impossible, V.obtain_verbs))
_CHECKING = frozenset(V.checking_verbs)
# "Post was unable to obtain data"; "We were unable to learn ...", "LegAtt was unable to determine whether ...":
# finding out failed, whatever the object is called (determining only after a failed attempt: "we cannot
# establish how many" is what the records allow)
_FAILS = _gated(f"(?P<fails>{_words(V.reporter_fails)})\\s+(?:\\w+ly\\s+)?"
                f"(?:(?P<finding>{_words(V.find_out_verbs, V.settle_verbs)})|{_words(V.obtain_verbs)})",
                (V.reporter_fails, (*V.find_out_verbs, *V.settle_verbs, *V.obtain_verbs)))
_TRIED = frozenset(V.reporter_tried)
_SETTLE = frozenset(V.settle_verbs)
# after whose attempts (the post's, or nobody's named: "Repeated attempts to obtain the data were unsuccessful")
_ATTEMPT_FAILED = _gated(r"(?:[A-Za-z-]+\s+){0,2}?" + _words(V.attempt_nouns) + r"(?P<sought>[^;]{0,160}?)"
                         + _words(V.failure_states), (V.attempt_nouns, V.failure_states))
_LEADING = lazy_compile(r"\W*")
_BLANK = lazy_compile(r"\s+")
_WITHHOLDS = _gated(_words(V.withholding) + r"\s+(?:\w+ly\s+)?(?:to\s+)?" + _words(V.withhold_verbs),
                    (V.withholding, V.withhold_verbs))
_NEGATED_SUBJECT = _gated(r"^\s*" + _words(V.negated_subjects), (V.negated_subjects,))
_MODAL_WITHHOLDS = _gated(_words(V.negated_modals) + r"\s+" + _words(V.withhold_verbs),
                          (V.negated_modals, V.withhold_verbs))
_WITHHOLD_ACT = _compile(V.withhold_acts)
_PROFESSED_IGNORANCE = _compile(V.professed_ignorance)
_KEPT_FROM = _gated(_words(V.kept_from) + r"\s+(?P<what>[^,;]{1,80}?)\s+from\s+", (V.kept_from,))
_REPORTER_PROMISED = _compile(V.reporter_promised)
_ACCESS = frozenset(V.access_nouns)
_ACCESS_WORD = [[noun] for noun in V.access_nouns]  # a window's first word, as `str.split()[:1]` gives it
_REFUSED = _compile(V.refused_states)
_NEITHER_GIVEN = _gated(r"^\W*neither\b(?P<what>[^;]{0,120}?)\bnor\b[^;]{0,120}?"
                        r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:yet\s+)?"
                        + _words(V.neither_states), (V.neither_states,))
_NOT_MADE_KNOWN = _gated(_words(V.withholding) + r"\s+" + _words(V.make_verbs)
                         + r"(?P<what>(?:\s+[\w'’-]+){1,6}?)\s+" + _words(V.made_known),
                         (V.withholding, V.make_verbs, V.made_known))
# then information within two words; the post may stand between as the recipient ("gave Post no information")
_GIVING = tuple(p.removesuffix(" no") for p in V.gave_none)  # "provided", "gave"
_GAVE_NONE = _gated(_words(_GIVING)
                    + r"\s+(?:(?:the\s+)?(?P<recipient>[\w'’/-]+(?:\s+(?!with\b)[\w'’/-]+)?)\s+(?:with\s+)?)?"
                    r"no\s+", (_GIVING,))
# the state right after the information or after a verb of being: not "No records are kept of how many victims
# received ..."
_NO = lazy_compile(r"\bno\s+", _FLAGS)  # then information within three words, and one of none_states:
_NONE_STATE_AFTER = _gated(r"(?:[^.;:]{0,60}?\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+|yet\s+)?|\s+)"
                           + _words(V.none_states), (V.none_states,))
_NO_FURTHER = lazy_compile(r"\W*no\s+(?:further\s+)?", _FLAGS)  # then information, and only this to the end:
_AVAILABLE_END = lazy_compile(r"(?:\s+available)?\W*", _FLAGS)
_SKIPPED_WORD = lazy_compile(r"[\w-]+\s+")
_NFI = lazy_compile(r"\(?\b" + alternation(m.upper() for m in V.no_information_marks) + r"\b")
_CONCESSION = _gated(r"^\W*" + _words(V.concessions) + r"[^,;]*,", (V.concessions,))
# the subject of a main clause that stands for information named in the concession before it
_PRONOUN_SUBJECT = lazy_compile(r"\s*(?:they|it|these|those|this|the\s+latter)\b", _FLAGS)
_ACCESS_REFUSED = _gated(_words(V.access_nouns) + r"\s+to\s+(?P<what>[^,;]{1,80}?)\s+" + _words(V.refused_states),
                         (V.access_nouns, V.refused_states))
_PARENTHETICAL = lazy_compile(r",\s+(?:which|who)\b[^,;]*,", _FLAGS)



_Seeking = Callable[[str], bool]  # a frame of seeking-information: whether the clause reads as the post seeking
_Frame = Callable[[str], int | None]  # a frame of information-unavailable: where in the clause, or None
_Referring = Callable[[str, str], int | None]  # one that reads the whole sentence (stated, as written)
_Needs = tuple[frozenset[str], ...]  # the word sets a frame needs a word of each of


def _stems(*lists: Iterable[str]) -> frozenset[str]:
    """The most telling word of every phrase (its longest but an auxiliary's): a frame needs one of its phrases,
    so a sentence without any of these words cannot match it and is skipped without running its patterns. Each
    phrase is noted with its stem (`_PHRASES`): a sentence must hold one of them whole (`_whole_phrases`)."""
    def stem(phrase: str) -> str:
        if " " not in phrase:
            return phrase
        words = [w for w in phrase.split() if w not in _AUXILIARIES] or phrase.split()
        return max(reversed(words), key=len)

    phrases = [(stem(p), p) for words in lists for p in words]
    stems = frozenset(s for s, _ in phrases)
    _PHRASES.setdefault(stems, set()).update(phrases)
    return stems


def _alone(*words: str) -> frozenset[str]:
    """Words a frame needs one of, each enough alone (not the stems of phrases: never narrowed to whole phrases)."""
    stems = frozenset(words)
    _ALONE.add(stems)
    return stems


_PHRASES: dict[frozenset[str], set[tuple[str, str]]] = {}  # a set of stems -> (stem, phrase) of its phrases
_ALONE: set[frozenset[str]] = set()


_AUXILIARIES = frozenset({"will", "would", "shall", "has", "have", "had", "is", "are", "was", "were", "be", "been",
                          "being", "to", "do", "does", "did", "can", "could", "yet", "still"})
# a sentence's words as the patterns' word edges delimit them (letters, "/" and "-"), in lower case
_WORD = lazy_compile(r"[a-z/-]+")
# the same words of an ASCII text, lowered and split at blanks once every other character is one; every ASCII
# character in the table, those kept as themselves (`str.translate` reads a table that lacks one character by
# character, as slow as the pattern)
_LOWERED_WORDS = str.maketrans({c: c.lower() if "A" <= c <= "Z" else c if "a" <= c <= "z" or c in "/-" else " "
                                for c in map(chr, range(128))})


def _words_of(text: str) -> list[str]:
    """What `_WORD` finds in `text` lowered."""
    plain = _word_letters(text)
    return plain.split() if plain is not None else _WORD.findall(text.lower())


def _word_letters(text: str) -> str | None:
    """`text` lowered, every character but those of `_WORD` a blank, offsets kept; None for text holding a
    character that lowers to an ASCII letter ("İ", the Kelvin sign). Every other character outside ASCII lowers to
    one that is no part of a word: it is read as "?", a blank alike."""
    if text.isascii():
        return text.translate(_LOWERED_WORDS)
    if not case_blind_as_lowered(text):
        return None
    return text.encode("ascii", "replace").decode("ascii").translate(_LOWERED_WORDS)


def gates_of(sentence: str) -> int:
    """The word sets (`_GATES`) the sentence meets, one bit each: its words looked up once. A window read by a
    frame holds whole words only (`_window`), so a word that is not in the sentence cannot be read."""
    return _bits(_words_of(sentence))


def _bits(words: Iterable[str]) -> int:
    bits = 0
    for stem in _GATE_STEMS.intersection(words):
        bits |= _STEM_BITS[stem]
    return bits


def _whole_phrases(gates: int, words: frozenset[str]) -> int:
    """`gates` (a sentence's, from its `words`) without the bit of each stem set of which the sentence holds no phrase
    whole ("not" alone opens the sets of "does not have" and "not available"): a frame needs a whole phrase."""
    kept = gates & ~_NARROWED_BITS
    by_stem = _whole_phrases_by_stem()
    for stem in _GATE_STEMS.intersection(words):
        alone, others = by_stem.get(stem, (0, ()))
        kept |= alone
        for bit, one_of_each, phrases in others:
            if not kept & bit and not one_of_each.isdisjoint(words) and any(phrase <= words for phrase in phrases):
                kept |= bit
    return kept


_PhrasesOfStem = tuple[int, tuple[tuple[int, frozenset[str], tuple[frozenset[str], ...]], ...]]


@cache
def _whole_phrases_by_stem() -> dict[str, _PhrasesOfStem]:
    """For each stem: the bits of the stem sets that have it as a whole phrase; and for each other set it is in,
    its bit, the longest other word of each of that set's phrases with this stem, and the other words (as
    `_words_of` reads them) of each of those phrases, fewest first (a sentence that holds none of the longest words
    holds none of the phrases whole). Made on first use."""
    by_stem: dict[str, dict[int, set[frozenset[str]]]] = {}
    others_of: dict[str, frozenset[str]] = {}  # a phrase recurs in several sets (what is asked for, in five)
    for bit, stems in enumerate(_GATES):
        if 1 << bit & _NARROWED_BITS:
            for stem, phrase in _PHRASES[stems]:
                others = others_of.get(phrase)
                if others is None:
                    others = others_of[phrase] = (_NOTHING if phrase == stem and phrase.isalpha() and phrase.islower()
                                                  and phrase.isascii() else frozenset(_words_of(phrase)) - {stem})
                by_stem.setdefault(stem, {}).setdefault(1 << bit, set()).add(others)
    return {stem: _of_stem(bits) for stem, bits in by_stem.items()}


def _of_stem(bits: dict[int, set[frozenset[str]]]) -> _PhrasesOfStem:
    """A stem's entry of `_whole_phrases_by_stem`, from the other words of each phrase of each of its sets' bits."""
    alone = sum(bit for bit, phrases in bits.items() if _NOTHING in phrases)
    return alone, tuple((bit, frozenset(max(sorted(p), key=len) for p in phrases), tuple(sorted(phrases, key=len)))
                        for bit, phrases in bits.items() if not alone & bit)


_NOTHING: frozenset[str] = frozenset()


Span = tuple[int, int]
Unavailable = tuple[int, int, int]  # (start, end, `unavailable_at` of its text with its blanks folded)


def gaps_in(text: str, spans: tuple[Span, ...], seeking: bool = True,
            unavailable: bool = True) -> tuple[list[Span], list[Unavailable]]:
    """With `seeking`, the sentences of an answer (at `spans` in its `text`) that say the post seeks information
    (`is_seeking` of each, its blanks folded); with `unavailable`, each that says information is not available to the
    post (`unavailable_at`) and does not seek it (information still awaited is reported once, as sought). The answer
    is read once for both (`_readings`)."""
    sought: list[Span] = []
    lacking: list[Unavailable] = []
    for start, end, sentence, gates, may_seek, may_be_unavailable in _readings(text, spans):
        at = _unavailable(sentence, gates) if unavailable and may_be_unavailable else None
        # read as seeking for its rule, or to tell whether a sentence saying information is unavailable awaits it
        if (seeking or at is not None) and may_seek and _seeking(sentence, gates):
            sought.append((start, end))
        elif at is not None:
            lacking.append((start, end, at))
    return sought if seeking else [], lacking


def _readings(text: str, spans: tuple[Span, ...]) -> Iterator[tuple[int, int, str, int, bool, bool]]:
    """(start, end, text with its blanks folded, gates, may seek, may be unavailable) of each sentence of an answer
    (at `spans` in its `text`) that the seeking or the unavailable reading may find something in, each folded once: a
    sentence whose words allow neither is not folded. The gates (`gates_of`) are the same of a sentence as written
    or folded (blanks are no part of a word): the answer's word letters are found once (`_word_letters`) and each
    sentence's split."""
    plain = _word_letters(text)
    for start, end in spans:
        words = plain[start:end].split() if plain is not None else _words_of(text[start:end])
        gates = _bits(words)
        if not gates:  # none of the gate words (a third of the sentences): no reading needs none
            continue
        colon = text.find(":", start, end) >= 0
        if not (_may_seek(gates, colon) or _may_be_unavailable(gates, colon)):
            continue
        if plain is not None:  # (the few the stems let through; not text case-blind matching reads otherwise: "İ")
            gates = _whole_phrases(gates, frozenset(words))
        may_seek, may_be_unavailable = _may_seek(gates, colon), _may_be_unavailable(gates, colon)
        if may_seek or may_be_unavailable:
            yield start, end, fold(text[start:end]), gates, may_seek, may_be_unavailable


# --- who is the subject --------------------------------------------------------------------------------------

def _actors(clause: str) -> tuple[tuple[int, bool], ...]:
    """(offset, is a reporter) of each actor named in `clause`, in order."""
    found = [(m.start(), m.end(), _reporter_heads(clause, m)) for m in REPORTER.finditer(clause)]
    others = list(_OTHER.finditer(clause))
    if not (clause.isupper() and len(clause.split()) >= _SHOUTED_WORDS):
        others += [m for m in (*_ABBREVIATION.finditer(clause), *_ACRONYM.finditer(clause))
                   if m.group(0).lower() not in _NOT_ACTORS]
    else:  # typed in capitals: no acronyms, but a government's abbreviation opening it ("GOB DID NOT PROVIDE ...")
        lead = _LEADING.match(clause)
        opening = _ABBREVIATION.match(clause, lead.end() if lead is not None else 0)
        others += [opening] if opening is not None else []
    for m in others:
        if not _within_reporter(m, found):
            found.append((m.start(), m.end(), False))
    return tuple(sorted((s, reporter) for s, _, reporter in found))


def _within_reporter(m: re.Match[str], reporters: list[tuple[int, int, bool]]) -> bool:
    """Whether another actor's name is part of a reporter's, or names its agency just before it ("DHS/ICE
    attache")."""
    return any(s <= m.start() < e or s == m.end() + 1 for s, e, _ in reporters)


def _reporter_heads(clause: str, m: re.Match[str]) -> bool:
    """Whether the reporter named by `m` is the head of its phrase: not in "Post's attempts" (the attempts are
    the subject) nor in "post sources", "Embassy contacts" (other actors)."""
    return not m.group(0).endswith(("'s", "’s")) and not _OTHER.match(clause, m.end() + 1)


def _subject_start(clause: str, at: int) -> int:
    """Where the subject of the verb at `at` may start: after an introductory phrase ("According to the MOI, ..."),
    or after a concession when the verb follows it ("While the Ministry has shared preliminary totals, we are
    still awaiting ...": the main clause's own subject)."""
    conceded = _CONCESSION.match(clause)
    if conceded is not None and at >= conceded.end():
        return conceded.end()
    intro = _INTRODUCTION.match(clause.lstrip())
    comma = clause.find(",")
    return comma + 1 if intro is not None and comma >= 0 else 0


def subject(clause: str, at: int) -> tuple[int, bool] | None:
    """(offset, is a reporter) of the subject of the verb at `at`, or None when no actor is its subject.

    The subject is the first actor of the clause; for an infinitive after "advised victims to", the object of
    that verb. A clause that starts with the verb ("Awaiting figures from the MOI.", "Still awaiting ...") is
    the post's own telegraphic note. A verb inside an introductory phrase ("As requested reftel, ...") has no
    subject.
    """
    start = _subject_start(clause, at)
    if at < start:
        return None
    before = [(pos, reporter) for pos, reporter in _actors(clause) if start <= pos < at]
    if not before:
        return _unlisted_subject(clause, start, at)
    nearest_pos, _ = before[-1]
    infinitive = clause[:at].rstrip().endswith(" to") or clause.startswith("to ", at)  # "urge X to collect"
    if infinitive and _CONTROL_VERB.search(clause[max(0, nearest_pos - 20): nearest_pos]):
        return before[-1]
    if _COORDINATED.search(clause, 0, nearest_pos) and len(clause[nearest_pos:at].split()) <= _VERB_GROUP:
        return before[-1]  # "The GOL has been asked for data and post will forward it": a new subject
    return before[0]


_COORDINATED = lazy_compile(r"\b(?:and|but)\s+$", _FLAGS)
_VERB_GROUP = 3  # words from a coordinated subject to its verb: "post will", "we have not yet"


def _unlisted_subject(clause: str, start: int, at: int) -> tuple[int, bool] | None:
    """The subject when no listed actor names it: the post's own telegraphic note when the clause starts with
    the verb ("Still awaiting figures"), another actor when a capitalised name stands before it ("Procuraduria
    General declined ..."), else none ("Egypt lacks data" names a country, not an actor)."""
    lead = list(_NAME.finditer(clause, start, at))
    if lead and lead[0].group(0).lower() == "who":  # "..., who undertook to respond": the person named before
        return lead[0].start(), False
    if all(_INTRODUCTION.fullmatch(m.group(0)) for m in lead):
        return _participle_subject(clause, at) or (at, True)
    names = [m for m in lead[1:] if m.group(0)[0].isupper()]  # the first word is capitalised anyway
    return (names[0].start(), False) if names else None


def _participle_subject(clause: str, at: int) -> tuple[int, bool] | None:
    """"Asked for the number, the secretary replied ...": a leading participle phrase describes the actor that
    opens the words after its comma, not the post."""
    comma = clause.find(", ", at)
    named = _actors(clause[comma + 2: comma + 40]) if comma >= 0 else ()
    return (comma + 2 + named[0][0], named[0][1]) if named and named[0][0] <= len("the ") else None


def reporter_is_subject(clause: str, at: int) -> bool:
    found = subject(clause, at)
    return found is not None and found[1]


def _other_is_subject(clause: str, at: int) -> bool:
    found = subject(clause, at)
    return found is not None and not found[1]


# --- pieces of a clause --------------------------------------------------------------------------------------

def clauses(sentence: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each clause of a sentence: at ";" and ":", before a "which" clause, and at ", but",
    ", and" ... when an actor follows closely (", but as explained above, we cannot ...": a new subject)."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.group("coordinator") and (_SAME_SUBJECT.match(sentence, m.end())
                                       or not _actors(sentence[m.end(): m.end() + 40])):
            continue
        yield start, sentence[start: m.start()]
        start = m.end()
    yield start, sentence[start:]


def _window(text: str, start: int, length: int) -> str:
    """Up to `length` characters of `text` from `start`, in whole words: a word the limit cuts is left out (the
    cut "(report" of "(reported septel)" is no "report")."""
    end = start + length
    window = text[start:end]
    if end >= len(text) or not _in_word(text[end]):
        return window
    cut = len(window)
    while cut and _in_word(window[cut - 1]):
        cut -= 1
    return window[:cut]


def _in_word(character: str) -> bool:
    return character.isalnum() or character in _WORD_JOINERS


_WORD_JOINERS = frozenset("_'’/-")


def object_window(clause: str, end: int) -> str:
    """The words after a verb that can hold its object: up to an infinitive or a "that" clause, unless an actor
    is asked to deliver ("waiting for the GOY to provide figures", "requested that the police provide a
    breakdown"; not "requests that the names and details not be made public")."""
    window = _window(clause, end, 110)
    cut = len(window)
    for m in _INFINITIVE.finditer(window):
        if not (_DELIVERS.match(window, m.start("verb")) and _actors(window[: m.start()])):
            cut = m.start()
            break
    that = _THAT.search(window, 0, cut)
    if that is not None:
        delivers = _DELIVERS.search(window, that.end(), cut)
        if delivers is None or not _actors(window[that.end(): delivers.start()]):
            cut = that.start()
    return window[:cut]


def _kept_from_others(window: str) -> bool:
    """Whether `window` says from or to whom, and that is an actor outside the reporting side ("withhold
    information ... from prospective migrants", "not released to the media")."""
    for m in _AWAY.finditer(window):
        named = _actors(m.group("whom"))
        if named and not any(reporter for _, reporter in named):
            return True
    return False


def _recipient(text: str) -> bool:
    """Whether `text` starts with the post or whom it reports to ("the Department", "G/TIP")."""
    return REPORTER.match(text) is not None or _RECIPIENT_ONLY.match(text) is not None


def _recipient_elsewhere(text: str) -> bool:
    """Whether `text` starts by naming a recipient outside the reporting side ("to the media")."""
    m = _TO_WHOM.match(text)
    return m is not None and not _recipient(m.group("whom"))


def _asked_in(text: str, facts: bool = True) -> bool:
    """Whether `text` names information (or, with `facts`, an asked-for fact) that is not private."""
    found = (*_INFO.finditer(text), *_past_questions(text)) if facts else SOUGHT.finditer(text)
    return any(not _private(text[max(0, m.start() - 12): m.end()]) for m in found)


def _past_questions(text: str) -> Iterator[re.Match[str]]:
    """Each "whether" of `text` that asks what happened: "whether the victims received compensation" (its first
    verb in the past), not "whether the gang has links", "whether the law will pass"."""
    return (m for m in _QUESTION.finditer(text) if _asks_what_happened(text, m.end()))


def _asks_what_happened(text: str, end: int) -> bool:
    """Whether the question opened just before `end` asks what happened: its first verb in the past, and not
    what the case was ("whether the two women were trafficked")."""
    return _PAST_CLAUSE.match(text, end) is not None and _CASE_NATURE.match(text, end) is None


# "whether the two women were trafficked": what the case was, not what happened in it
_CASE_NATURE = _gated(r"(?:\s+[\w'’-]+){1,6}?\s+(?:was|were|had\s+been)\s+(?:\w+ly\s+|not\s+)?"
                      + _words(V.case_natures), (V.case_natures,))


def _first_asked(text: str) -> int | None:
    """Where `text` first names information or an asked-for fact (see `_asked_in`), or None."""
    found = [m.start() for m in (_INFO.search(text), next(_past_questions(text), None)) if m is not None]
    return min(found, default=None)


def _private(text: str) -> bool:
    """Whether `text` holds information marked private ("victims' personal data")."""
    for m in _PRIVATE.finditer(text):
        blanks = _BLANK.match(text, m.end())
        if blanks is not None and _INFO.match(text, blanks.end()):
            return True
    return False


def _infos_within(text: str, start: int, words: int) -> Iterator[re.Match[str]]:
    """Information named at `start` or after up to `words` words."""
    at = start
    for _ in range(words + 1):
        info = _INFO.match(text, at)
        if info is not None:
            yield info
        skipped = _SKIPPED_WORD.match(text, at)
        if skipped is None:
            return
        at = skipped.end()


# --- seeking-information -------------------------------------------------------------------------------------

def _seeks(clause: str) -> bool:
    sought = any(reporter_is_subject(clause, m.start())
                 and _seeks_information(m.group(0), object_window(clause, m.end()))
                 and not _FAILED_BEFORE.search(clause[: m.start()])  # "unable to obtain": unavailable, not sought
                 and not _by_agent(clause[m.end():])  # "Requests by the Embassy ...": a noun, not a verb
                 for m in _SEEK.finditer(clause))
    return sought and _request_refused(clause) is None  # "Our letters asking for the budget were rebuffed"


_AGENT_NEXT = lazy_compile(r"\s+by\s+(?:the\s+)?", _FLAGS)


def _by_agent(rest: str) -> bool:
    """Whether `rest` starts with "by" and an actor: the agent of a passive or of a noun ("requests by post")."""
    by = _AGENT_NEXT.match(rest)
    return by is not None and any(at == by.end() for at, _ in _actors(rest[: by.end() + 40]))


def _seeks_information(verb: str, window: str) -> bool:
    """Whether the object of a seek verb is information: after a verb that also means advocating, information
    itself or a court's outcome handed down ("seek the sentences"), not a fact wished for ("press for tougher
    sentences")."""
    if verb.lower() not in _ADVOCACY:
        return _asked_in(window)
    return _asked_in(window, facts=False) or _DEFINITE_OUTCOME.search(window) is not None


_ADVOCACY = frozenset(V.advocacy_verbs)


def _requested_or_pending(clause: str) -> bool:
    for m in _REQUESTED.finditer(clause):
        agent = _BY_OTHER.match(clause[m.end():])
        by_another = agent is not None and any(not reporter for _, reporter in _actors(agent.group("agent")))
        if _asked_in(clause[: m.start()]) and not by_another:  # "requested by the defense" is not the post's
            return True
    return any(_to_come(clause[: m.start()]) and not _recipient_elsewhere(clause[m.end():])
               and not _own_answer(clause[: m.start()]) for m in _PENDING.finditer(clause))


_OWN_ANSWER = _compile(V.own_answers)


def _own_answer(subject: str) -> bool:
    """Whether `subject` names the post's own answers, whose deadline is no information awaited: "the
    questionnaire responses are due by March 1", "Post's replies are expected by the deadline"."""
    lead = _LEADING.match(subject)  # the post's as the subject's head: not "A response ... to our questions"
    return (_OWN_ANSWER.search(subject) is not None
            or any(start == lead.end() and _ANSWER_WORDS.match(subject, end)
                   for start, end in _owners(subject) if lead is not None))


def _to_come(subject: str) -> bool:
    """Whether `subject` names information that is to come: a word of `sought`, or another name of a report ("A
    more complete account ... will follow")."""
    return SOUGHT.search(subject) is not None or _REPORT_NAME.search(subject) is not None


_REPORT_NAME = _compile(V.report_names)


def _delivered_later(clause: str) -> bool:
    """"Details will be sent septel": the thing asked for, delivered later (not to someone else)."""
    for m in _DELIVERY_PASSIVE.finditer(clause):
        rest = clause[m.end():]
        subject = clause[: m.start()]
        if (_asked_in(subject) or _REPORT_NAME.search(subject)) and (
                _LATER.search(rest) or not _recipient_elsewhere(rest)):
            return True
    return False


def _reporter_will_deliver(clause: str) -> bool:
    """"Post will forward them once received", "We will report separately", "Post will update G/TIP"; "A follow-up
    cable will provide the amounts"."""
    for m in _FUTURE_DELIVERY.finditer(clause):
        rest = clause[m.end():]
        if _LATER_DOCUMENT.search(clause, 0, m.start()) and _asked_in(object_window(clause, m.end())):
            return True
        if reporter_is_subject(clause, m.start()) and (
                _asked_in(object_window(clause, m.end())) or _PRONOUN_OBJECT.match(rest) or _LATER.search(rest)
                or _recipient(rest.lstrip()) or clause.lstrip().lower().startswith(_RELATIVE_PRONOUNS)):
            return True
    return False


# "so far", "to date", or a short aside between commas ("have been requested, through the MFA, to furnish")
_INTERJECTION = lazy_compile(rf"{_words(V.interjections)}|,\s+(?:[\w'’/-]+\s+){{0,7}}[\w'’/-]+,(?=\s)", _FLAGS)


_INTERJECTION_ENDS = tuple(frozenset([",", *(p.split()[-1] for p in V.interjections)]))  # one is in any interjection


def _without_interjections(clause: str) -> str:
    """`clause` with interjections blanked (offsets kept): "have so far gone unanswered", "remain, as of this
    writing, unanswered" read as the state they interrupt."""
    lowered = clause.lower()
    if not any(end in lowered for end in _INTERJECTION_ENDS):
        return clause
    return _INTERJECTION.sub(lambda m: " " * len(m.group(0)), clause)


def _request_open(clause: str) -> bool:
    clause = _without_interjections(clause)
    for m in _REQUEST_OPEN.finditer(clause):
        subject = clause[: m.start()]
        if _own_request(subject) or _REQUEST_FOR.search(subject):
            return True
    return False


def _not_answered(clause: str) -> bool:
    """"The MFA has not yet replied to post's note", "INM has not yet provided the breakdown"."""
    clause = _without_interjections(clause)
    for m in (*_NOT_ANSWERED.finditer(clause), *_NOT_YET_GIVEN.finditer(clause)):
        rest = clause[m.end():]
        if _own_request(rest) or _to_reporter(rest) or _to_post(rest) or SOUGHT.search(_window(rest, 0, 80)):
            return True
    return False


def _not_received(clause: str) -> bool:
    """"Post has not received a response"."""
    clause = _without_interjections(clause)
    return any(reporter_is_subject(clause, m.start()) for m in _NOT_RECEIVED.finditer(clause))


def _no_reply(clause: str) -> bool:
    """"No reply has been received", "No response yet from the AG's office to the Embassy's note"."""
    clause = _without_interjections(clause)
    silent = _NO_REPLY.search(clause)
    return silent is not None and (not silent.group("awaited") or _no_reply_yet(clause, silent))


def _no_reply_yet(clause: str, silent: re.Match[str]) -> bool:
    """"No response yet from the AG's office to the Embassy's note": opening a note, and about information or the
    post's request."""
    rest = clause[silent.end():]
    return (_NAME.search(clause, 0, silent.start()) is None
            and (_asked_in(rest) or _own_request(rest) or _to_reporter(rest)))


def _owners(text: str) -> Iterator[tuple[int, int]]:
    """(start, end of the blanks after it) of each reporter's possessive or "our" in `text`."""
    for m in REPORTER.finditer(text):
        owner = m.group(0)
        blanks = _BLANK.match(text, m.end())
        if blanks is not None and (owner.endswith(("'s", "’s")) or owner.lower() == "our"):
            yield m.start(), blanks.end()


def _own_request(text: str) -> bool:
    """Whether `text` names a request of the reporter's: "PolOff's repeated inquiries", "our letter", "requests
    by the Embassy"."""
    return (any(_OWNED_REQUEST.match(text, end) for _, end in _owners(text))
            or any(REPORTER.match(text, m.end()) for m in _REQUEST_BY.finditer(text)))


def _to_reporter(text: str) -> bool:
    """"... has not replied to post", "have yet to share with Post the nationalities": a reporter after "to" or
    "with"."""
    return any(_TO.search(text, max(0, m.start() - 12), m.start()) for m in REPORTER.finditer(text))


def _asked_to_deliver(clause: str) -> bool:
    """"The GOL has been asked to provide disaggregated data": another actor asked (not by someone else)."""
    clause = _without_interjections(clause)
    return any(_promises(clause, m) and not _BY_OTHER.match(clause[m.end():]) for m in _ASKED_TO.finditer(clause))


def _expects_delivery(clause: str) -> bool:
    """"We expect the Ministry to provide the final figures by March 15", "Post anticipates receiving them"."""
    for m in _EXPECTS.finditer(clause):
        if (reporter_is_subject(clause, m.start()) and _actors(m.group("who"))
                and _asked_in(_window(clause, m.end(), 100))):
            return True
    return any(reporter_is_subject(clause, m.start()) and _asked_in(object_window(clause, m.end()))
               for m in _EXPECTS_RECEIPT.finditer(clause))


def _reporter_promised(clause: str) -> bool:
    """"Embassy officers have been promised the final numbers by the NCTIP chairperson": the post promised it."""
    return any(reporter_is_subject(clause, m.start()) and _asked_in(object_window(clause, m.end()))
               for m in _REPORTER_PROMISED.finditer(clause))


def _promised(clause: str) -> bool:
    return any(_promises(clause, m) for m in _PROMISE.finditer(clause))


def _reported_promise(clause: str) -> bool:
    """"The Ministry said it would provide the statistics by mid-April": a promise reported in speech, or made
    to the post ("the police will send the Embassy the number of investigations")."""
    return any(_promises(clause, m) for m in _WOULD_DELIVER.finditer(clause)
               if _SPEECH.search(clause, 0, m.start()) is not None or _to_post(clause[m.end():]))


def _to_post(text: str) -> bool:
    """Whether `text` starts with the post as the one given something ("the Embassy the number", "post the data";
    not "the Embassy's contacts")."""
    text = text.lstrip()
    m = REPORTER.match(text[4:] if text[:4].lower() == "the " else text)
    return m is not None and not m.group(0).endswith(("'s", "’s"))


_SENTENCE_END = lazy_compile(r"[.;]\s")


def _arrives(clause: str) -> bool:
    """"The conviction data ... should reach the Embassy before the end of the month": information on its way to
    the post ("reach" only with the post as its object)."""
    return any(_asked_in(clause[: m.start()]) and (m.group("verb").lower() != "reach" or _to_post(clause[m.end():]))
               for m in _ARRIVES.finditer(clause))


def _pending_fragment(clause: str) -> bool:
    """"Conviction data pending from MOJ", "-- Convictions: figures requested, not yet received": a pending state
    after information with no verb (not "requested by the defense", nor "Figures requested by post show ...")."""
    m = _BARE_STATE.search(clause)
    if m is None or m.group("pending") is None:
        return False
    return SOUGHT.search(clause, 0, m.start("pending")) is not None and _fragment_ends(clause[m.end():])


def _fragment_ends(rest: str) -> bool:
    """Whether the words after a bare state, to the end of their sentence, hold no verb and no other actor's part."""
    rest = _SENTENCE_END.split(rest, maxsplit=1)[0]
    agent = _BY_OTHER.match(rest)
    by_another = agent is not None and any(not reporter for _, reporter in _actors(agent.group("agent")))
    return not by_another and not _FINITE_AFTER.search(rest) and not _recipient_elsewhere(rest)


def _promises(clause: str, m: re.Match[str]) -> bool:
    rest = _window(clause, m.end(), 100)
    if "prepare" in m.re.groupindex and m.group("prepare"):  # "agreed to compile": for the post, asked by it
        promised = _own_request(clause[: m.start()])
    else:  # "undertook to respond": an answer, whatever follows
        promised = _REPLY_VERB.search(m.group(0)) is not None or _asked_in(rest)
    return _other_is_subject(clause, m.start()) and promised and not _delivered_elsewhere(rest)


# "to the regional database" after the object: a recipient, not after a participle ("victims referred to shelters")
_TO_RECIPIENT = lazy_compile(r"(?<!ed\s)\b(?P<to>to|with)\s+"
                             r"(?P<whom>(?:the|a|an|its|their)\s+[\w/'-]+(?:\s+[\w/'-]+)?)", _FLAGS)


def _delivered_elsewhere(rest: str) -> bool:
    """Whether what is promised goes to someone other than the post, named before the object ("to the media") or
    after it ("committed to providing data on victims to the regional database", "to share its statistics with
    the IOM"; after "with" only an actor: not "with a breakdown by age")."""
    return _recipient_elsewhere(rest) or any(
        not _recipient(whom) and (m.group("to").lower() == "to" or bool(_actors(whom)))
        for m in _TO_RECIPIENT.finditer(rest) for whom in [m.group("whom").split(None, 1)[1]])


def _told_under_way(clause: str) -> bool:
    """"The host government assured us that the victim statistics were being compiled": another actor tells the
    post that information is being prepared."""
    for m in _BEING_PREPARED.finditer(clause):
        if _NEGATED_BEFORE.search(clause, max(0, m.start() - 12), m.start()):  # "are not being collected"
            continue
        speech = _SPEECH.search(clause, 0, m.start())
        if (speech is not None and _to_post(clause[speech.end():]) and _other_is_subject(clause, speech.start())
                and _asked_in(clause[speech.end(): m.start()])):
            return True
    return False


def _none_arrived(sentence: str) -> bool:
    """"While the GOTL has committed to providing data, none had reached post": information named before a pronoun
    that has not come ("reached" only the post)."""
    text = _without_interjections(sentence)
    return any(_asked_in(text[: m.start()]) and _arrived_at_post(m.group("verb"), text[m.end():])
               for m in _NONE_ARRIVED.finditer(text))


def _arrived_at_post(verb: str, rest: str) -> bool:
    """Whether what "none has <verb>" says did not come was for the post: "reached" only with the post as its
    object; not received by someone else ("none has been received by a shelter")."""
    if verb.lower() == "reached":
        return _to_post(rest)
    by = _AGENT_NEXT.match(rest)
    return (by is None or REPORTER.match(rest, by.end()) is not None) and not _recipient_elsewhere(rest)


def _past_deadline(clause: str) -> bool:
    """"The GOB did not provide data by the March 1 deadline": not given in time, so still awaited."""
    return _DEADLINE.search(clause) is not None and (
        SOUGHT.search(clause) is not None or _ANSWER_WORDS.search(clause) is not None)


def _confidential(sentence: str, gates: int) -> bool:
    """Whether the sentence asks that something not be disclosed (`gates`: its stem sets, a cheap first test)."""
    return bool(gates & _CONFIDENTIAL_GATE) and _CONFIDENTIAL.search(sentence) is not None


def _received(sentence: str, gates: int) -> bool:
    """Whether the sentence says what was asked for arrived ("requested and received", "provided them", "asked the
    Ministry for the budget, and it supplied the figures")."""
    if gates & _RECEIPT_GATE and any(_unblocked(sentence, m) for m in _RECEIPT.finditer(sentence)):
        return True
    return bool(gates & _DELIVERED_GATE) and any(
        _delivered_after_request(sentence[:offset], clause) for offset, clause in clauses(sentence))


def _unblocked(text: str, m: re.Match[str]) -> bool:
    return not _RECEIPT_BLOCKER.search(text[max(0, m.start() - 30): m.start()])


def _delivered_after_request(before: str, clause: str) -> bool:
    """"We asked the Ministry for the budget, and it supplied the figures": after a request (in `before`, the
    sentence before the clause, or in the clause), another actor delivered information."""
    for m in _DELIVERED.finditer(clause):
        window = object_window(clause, m.end())
        asked = _SEEK.search(before) or _SEEK.search(clause, 0, m.start())
        if (asked and _unblocked(clause, m) and _other_is_subject(clause, m.start())
                and (_PRONOUN_OBJECT.match(window) is not None or _asked_in(window))):
            return True
    return False


# The stems of what is asked for: a frame that reads `_asked_in` needs one of them as well as one of its own.
_ASKED = (V.sought, _FACTS, V.asked_questions)
_ASKED_STEMS = _stems(*_ASKED)

_CONFIDENTIAL_STEMS = _stems(V.confidentiality)
_RECEIPT_STEMS = _stems(V.receipt)
_DELIVERED = _compile(V.delivered)
_DELIVERED_STEMS = _stems(V.delivered)

# Each frame with the stem sets it needs a stem of each of (a sentence lacking one cannot match it).
_SEEKING_FRAMES: tuple[tuple[_Seeking, _Needs], ...] = (
    (_seeks, (_stems(V.seek_verbs), _ASKED_STEMS)),
    (_requested_or_pending, (_stems(V.requested_states, V.pending_states), _stems(*_ASKED, V.report_names))),
    (_delivered_later, (_stems(V.delivery_passives), _stems(*_ASKED, V.report_names))),
    (_reporter_will_deliver, (_stems(V.delivery_verbs), _stems(V.future_markers))),
    (_request_open, (_stems(V.request_states), _stems(V.request_nouns))),
    (_not_answered, (_alone(*_stems(V.not_answered), "yet", "still"),)),  # not_yet: "yet", "still"
    (_not_received, (_stems(V.not_received),)),
    (_no_reply, (_stems(V.no_reply),)),
    (_promised, (_stems(V.promise_verbs, V.undertaking_verbs), _stems(*_ASKED, V.request_nouns))),
    (_reported_promise, (_alone("would", "will"), _ASKED_STEMS)),
    (_reporter_promised, (_stems(V.reporter_promised), _ASKED_STEMS)),
    (_asked_to_deliver, (_stems(V.asked_passives), _ASKED_STEMS)),
    (_expects_delivery, (_stems(V.expect_verbs), _ASKED_STEMS)),
    (_past_deadline, (_stems(V.deadline_words),)),
    (_arrives, (_stems(V.arrival_verbs), _ASKED_STEMS)),
    (_pending_fragment, (_stems(V.bare_pending), _stems(V.sought))),
    (_told_under_way, (_stems(V.being_prepared), _stems(V.speech_verbs), _ASKED_STEMS)),
)
_NONE_STEMS = _stems(V.none_pronouns)
_ARRIVED_STEMS = _stems(V.arrived)
_PENDING_LABEL_STEMS = _stems(V.pending_labels)

_F = TypeVar("_F")


def _possible(frames: Iterable[tuple[_F, int]], gates: int) -> list[_F]:
    """The frames whose every needed stem set the sentence meets (`gates`: its bits, from `gates_of`)."""
    return [frame for frame, needs in frames if gates & needs == needs]


def _pending_note(sentence: str, gates: int) -> bool:
    """"Still pending: the Interior Ministry's count of raids": a pending state as the label of what follows."""
    if ":" not in sentence:  # both readings need a label's colon
        return False
    label = _PENDING_LABEL.match(sentence) if gates & _PENDING_LABEL_GATE else None
    if label is not None:
        return _asked_in(_window(sentence, label.end(), 100), facts=False)
    return _labelled(sentence, "pending", gates)


def _label_may_say(gates: int, state: str) -> bool:
    """Whether a sentence with these `gates` may be a label naming information and then the bare `state`."""
    needs = _LABEL_NEEDS[state]
    return gates & needs == needs


def _labelled(sentence: str, state: str, gates: int) -> bool:
    """"-- Budget for the Manama shelter: requested from MOSD", "-- Amount spent on shelters: unknown": a label
    that names information, then a bare state as all that it says of it (`gates`: the sentence's stem sets, a
    cheap first test)."""
    if not _label_may_say(gates, state):
        return False
    label = _LABEL.match(sentence)
    if label is None or not _asked_in(label.group("label")):
        return False
    m = _LABEL_STATE.match(sentence, label.end())
    if m is None or m.group(state) is None:
        return False
    rest = sentence[m.end():]
    to_post = _TO_WHOM.match(rest)  # "...: not available to post"
    if to_post is not None and _recipient(to_post.group("whom")):
        rest = rest[to_post.end():]
    return _fragment_ends(rest) and (state == "pending" or not _NAME.search(_SENTENCE_END.split(rest, maxsplit=1)[0]))


def is_seeking(sentence: str) -> bool:
    """Whether a sentence (blanks folded to single spaces) says the post seeks information or that it will follow."""
    return _seeking(sentence, gates_of(sentence))


def _may_seek(gates: int, colon: bool) -> bool:
    """Whether a sentence with these `gates` (and a colon or not) may be read as seeking by `_seeking`: every way
    it has of saying so needs this."""
    return (gates & _NONE_ARRIVED_GATES == _NONE_ARRIVED_GATES
            or (colon and (bool(gates & _PENDING_LABEL_GATE) or _label_may_say(gates, "pending")))
            or bool(_seeking_frames(gates & _SEEKING_BITS)))


def _seeking(sentence: str, gates: int) -> bool:
    none_arrived = gates & _NONE_ARRIVED_GATES == _NONE_ARRIVED_GATES and _none_arrived(sentence)
    if none_arrived or _pending_note(sentence, gates):
        return True
    frames = _seeking_frames(gates & _SEEKING_BITS)
    return (bool(frames) and _sought(sentence, frames) and not _confidential(sentence, gates)
            and not _received(_answering(sentence, frames), gates))


def _sought(sentence: str, frames: tuple[_Seeking, ...]) -> bool:
    return any(frame(clause) for _, clause in clauses(sentence) for frame in frames)


def _answering(sentence: str, frames: tuple[_Seeking, ...]) -> str:
    """The part of `sentence` whose receipt can answer its wait: all of it, but a concession before a main clause
    that seeks on its own (what the concession received answers no other part awaited: "While the Ministry has
    shared preliminary totals, we are still awaiting the final data")."""
    conceded = _CONCESSION.match(sentence)
    if conceded is None:
        return sentence
    main = " " * conceded.end() + sentence[conceded.end():]
    return main if _sought(main, frames) else sentence


# --- information-unavailable ---------------------------------------------------------------------------------

def _stated(sentence: str) -> str:
    """The sentence without what it concedes or puts aside: a leading "While ..., " clause and ", which ...,"
    asides ("IOM, which could not provide data, estimates ..."), each replaced by blanks to keep offsets."""
    blank = _CONCESSION.sub(lambda m: " " * len(m.group(0)), sentence)
    return _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), blank)


def _unavailable_state(clause: str) -> int | None:
    for m in _UNAVAILABLE.finditer(clause):
        subject = clause[: m.start()]
        if _asked_in(subject) and not _recipient_elsewhere(clause[m.end():]):
            info = _first_asked(subject)
            return info if info is not None else m.start()
    return None


def _reporter_lacking(pattern: re.Pattern[str]) -> _Frame:
    """A frame: the reporter lacks information or failed to get it ("Post has no figures", "We were unable to
    obtain data"), read by `pattern`."""
    def frame(clause: str) -> int | None:
        for m in pattern.finditer(clause):
            found = subject(clause, m.start())
            if found is not None and found[1] and _lacks_information(clause, m):
                return found[0]
        return None

    return frame


def _impossible(clause: str) -> int | None:
    """"It has not been possible to obtain figures"."""
    impersonal = _IMPOSSIBLE.search(clause)
    if impersonal is not None and (impersonal.group("verb").lower() in _CHECKING
                                   or _asked_in(object_window(clause, impersonal.end()))):
        return impersonal.start()
    return None


def _lacks_information(clause: str, m: re.Match[str]) -> bool:
    """Whether what the reporter lacks or failed to get at `m` is information: its object names it, or finding
    out failed ("unable to learn"; "unable to determine" after an attempt only, not "cannot establish")."""
    verb = m.group("finding") if "finding" in m.re.groupindex else None
    if verb is None:
        window = object_window(clause, m.end())
        # the post refused access, to whatever ("post was not given access to the court registry")
        denied = "denied" in m.re.groupindex and (m.group("denied") or m.group("not_given")) is not None
        return _asked_in(window) or (denied and window.split()[:1] in _ACCESS_WORD)
    return verb.lower() not in _SETTLE or " ".join(m.group("fails").lower().split()) in _TRIED


def _attempt_failed(clause: str) -> int | None:
    """"Post's attempts to obtain further information ... have been unsuccessful to date": the first attempts
    named, at the clause's start or after a reporter's possessive, and whether they sought information."""
    owners = list(_owners(clause))
    lead = _LEADING.match(clause)  # \W* matches anywhere
    leading = (0, lead.end() if lead is not None else 0)
    for start, after in sorted([*owners, leading], key=lambda o: (o[0], o is leading)):  # an owner first, as before
        m = _ATTEMPT_FAILED.match(clause, after)
        if m is not None:
            return start if _asked_in(m.group("sought")) else None
    return None


def _withholding(pattern: re.Pattern[str], negated_subject: bool = False) -> _Frame:
    """A frame: another actor withholds information or the post's access, read by `pattern` ("The Ministry
    declined to share figures"; with `negated_subject`, only after "Neither ...": "Neither the police nor the
    prosecutor could provide figures")."""
    def frame(clause: str) -> int | None:
        if negated_subject and not _NEGATED_SUBJECT.match(clause):
            return None
        for m in pattern.finditer(clause):
            window = object_window(clause, m.end())
            if not _other_is_subject(clause, m.start()):
                continue
            if _reporters_access(window) or _withheld_object(clause[: m.start()], window):
                return m.start()
        return None

    return frame


def _withheld_object(before: str, window: str) -> bool:
    """Whether what is withheld is information: named in `window`, the post's request, or a pronoun for
    information named before it ("When PolOff asked about the budget, the official ... to disclose it")."""
    if _kept_from_others(window):
        return False
    return (_asked_in(window) or _own_request(window)
            or (_PRONOUN_OBJECT.match(window) is not None and _asked_in(before)))


def _reporters_access(window: str) -> bool:
    """Whether `window` starts with the post's access: "post access to", "RSO access"."""
    text = window.lstrip()
    reporter = REPORTER.match(text)
    following = text[reporter.end():].split() if reporter is not None else []
    return bool(following) and following[0].lower() in _ACCESS


def _kept_from_reporter(clause: str) -> int | None:
    """"Prosecutors ... kept the number of open cases from us": another actor keeps information from the post."""
    for m in _KEPT_FROM.finditer(clause):
        if (REPORTER.match(clause, m.end()) is not None and _asked_in(m.group("what"))
                and _other_is_subject(clause, m.start())):
            return m.start()
    return None


def _request_refused(clause: str) -> int | None:
    """"PolOff's request for the shelter budget was turned down by the Ministry": the post's request refused."""
    for m in _REFUSED.finditer(clause):
        if _own_request(clause[: m.start()]):
            return m.start()
    return None


def _neither_given(clause: str) -> int | None:
    """"Neither the number of victims nor their nationalities were known to our contacts"."""
    m = _NEITHER_GIVEN.match(clause)
    return m.start() if m is not None and _asked_in(m.group("what")) else None


def _not_made_known(clause: str) -> int | None:
    """"Authorities did not make the arrest figures available to the Embassy"."""
    for m in _NOT_MADE_KNOWN.finditer(clause):
        if (_other_is_subject(clause, m.start()) and _asked_in(m.group("what"))
                and not _recipient_elsewhere(clause[m.end():])):
            return m.start()
    return None


def _bare_unavailable(clause: str) -> int | None:
    """"Number of victims unknown", "No info avail": information, then an unavailable state with no verb."""
    m = _BARE_STATE.search(clause)
    if m is None or m.group("unavailable") is None or not _asked_in(clause[: m.start("unavailable")]):
        return None
    return m.start() if _fragment_ends(clause[m.end():]) else None


def _found(pattern: re.Pattern[str]) -> _Frame:
    """A frame that is one pattern: where it is first found in the clause."""
    def frame(clause: str) -> int | None:
        m = pattern.search(clause)
        return m.start() if m is not None else None

    return frame


def _gave_none(clause: str) -> int | None:
    """"The Prosecutor's office provided no data", "The MOI gave Post no information" (the post as recipient: not
    "gave NGOs no information")."""
    return next((m.start() for m in _GAVE_NONE.finditer(clause)
                 if (m.group("recipient") is None or REPORTER.fullmatch(m.group("recipient")))
                 and any(_infos_within(clause, m.end(), 2))), None)


def _none_available(clause: str) -> int | None:
    """"No information was available", "No figures on X were provided" (the state right after the information
    or after a verb of being: not "No records are kept of how many victims received ...")."""
    return next((m.start() for m in _NO.finditer(clause)
                 if any(_NONE_STATE_AFTER.match(clause, info.end()) for info in _infos_within(clause, m.end(), 3))),
                None)


def _it_unknown(clause: str) -> int | None:
    """"It is not known how many ...", "It remains unclear whether any funds were disbursed"."""
    return next((m.start() for m in _IT_UNKNOWN.finditer(clause)
                 if m.group("question") is None or _asks_what_happened(clause, m.end())), None)


def _no_information(clause: str) -> int | None:
    """"No information.", "No further details available": the whole clause."""
    lead = _NO_FURTHER.match(clause)
    info = SOUGHT.match(clause, lead.end()) if lead is not None else None
    return 0 if info is not None and _AVAILABLE_END.fullmatch(clause, info.end()) else None


_NO_WORD = _alone("no")
_IT = _alone("it")
# "The Prosecutor's office provided no data", "No information was available", "It is not known how many", "an
# unknown number of", "No information.", "(NFI)": one pattern each, each with the stems it needs
_NONE_GIVEN_FRAMES: tuple[tuple[_Frame, _Needs], ...] = (
    (_gave_none, (_stems(V.gave_none), _NO_WORD, _ASKED_STEMS)),
    (_none_available, (_NO_WORD, _ASKED_STEMS, _stems(V.none_states))),
    (_it_unknown, (_IT, _stems(V.unknown_words, V.undetermined))),
    (_found(_UNKNOWN_QUANTITY), (_stems(V.unknown_quantity),)),
    (_no_information, (_NO_WORD, _stems(V.sought))),
    (_found(_NFI), (_stems(V.no_information_marks),)),
)


_UNAVAILABLE_FRAMES: tuple[tuple[_Frame, _Needs], ...] = (
    (_unavailable_state, (_stems(V.unavailable_states, V.undetermined), _ASKED_STEMS)),
    (_reporter_lacking(_LACKS), (_stems(V.reporter_lacks, V.reporter_denied, V.reporter_not_given),
                                 _stems(*_ASKED, V.access_nouns))),
    (_reporter_lacking(_FAILS), (_stems(V.reporter_fails), _stems(*_ASKED, V.find_out_verbs, V.settle_verbs))),
    (_impossible, (_stems(V.impossible), _stems(*_ASKED, V.checking_verbs))),
    (_attempt_failed, (_stems(V.failure_states), _ASKED_STEMS)),
    (_withholding(_WITHHOLDS), (_stems(V.withholding), _stems(V.withhold_verbs))),
    (_withholding(_WITHHOLD_ACT), (_stems(V.withhold_acts),)),
    (_withholding(_PROFESSED_IGNORANCE), (_stems(V.professed_ignorance), _ASKED_STEMS)),
    (_kept_from_reporter, (_stems(V.kept_from), _alone("from"), _ASKED_STEMS)),
    (_withholding(_MODAL_WITHHOLDS, negated_subject=True), (_stems(V.negated_subjects), _stems(V.withhold_verbs))),
    (_not_made_known, (_stems(V.withholding), _stems(V.make_verbs), _stems(V.made_known))),
    (_request_refused, (_stems(V.refused_states), _stems(V.request_nouns))),
    (_neither_given, (_stems(V.negated_subjects), _stems(V.neither_states), _ASKED_STEMS)),
    (_bare_unavailable, (_stems(V.bare_unavailable), _ASKED_STEMS)),
    *_NONE_GIVEN_FRAMES,
)


def _access_refused(stated: str, sentence: str) -> int | None:
    """"Although the Embassy asked to review the court files, access to them was denied": access to information,
    or to what a pronoun stands for, refused, and not another actor's ("the defense's access ...", "... to
    journalists")."""
    for m in _ACCESS_REFUSED.finditer(stated):
        what = m.group("what")
        named = _asked_in(what) or (_PRONOUN_OBJECT.match(" " + what) is not None and _asked_in(sentence[: m.start()]))
        whose = stated[max(0, m.start() - 40): m.start()].split()[-1:]  # "the defense's access", "NGO access"
        others = bool(whose) and _anothers(whose[0])
        if named and not others and not _recipient_elsewhere(stated[m.end():]):
            return m.start()
    return None


def _anothers(word: str) -> bool:
    """Whether `word`, before a noun, makes it another actor's: "the defense's", "NGO", "IOM" (not "post's")."""
    if REPORTER.fullmatch(word) is not None:
        return False
    named = _actors(word)
    return word.endswith(_POSSESSIVES) or (bool(named) and named[0][0] == 0)


def _conceded_then_unavailable(stated: str, sentence: str) -> int | None:
    """"Although post asked for the arrest figures, they were not provided": a main clause whose pronoun subject
    stands for information named in the concession before it, in an unavailable state."""
    conceded = _CONCESSION.match(sentence)
    if conceded is None or not _asked_in(conceded.group(0)):
        return None
    pronoun = _PRONOUN_SUBJECT.match(stated, conceded.end())
    state = _UNAVAILABLE.search(stated, pronoun.end(), pronoun.end() + 40) if pronoun is not None else None
    if (pronoun is None or state is None or len(stated[pronoun.end(): state.start()].split()) > _ADVERBS
            or _recipient_elsewhere(stated[state.end():]) or _extraposed(pronoun.group(0), stated, state.end())):
        return None
    return pronoun.end() - len(pronoun.group(0).lstrip())


_POSSESSIVES = ("'s", "’s", "s'", "s’")
# "it is unclear whether ...": the "it" stands for the clause that follows, not for what the concession named
_EXTRAPOSED = lazy_compile(r"\s+(?:how|whether|what|if|that|why|when|where|who)\b", _FLAGS)


def _extraposed(pronoun: str, text: str, end: int) -> bool:
    return pronoun.strip().lower() == "it" and _EXTRAPOSED.match(text, end) is not None
_ADVERBS = 2  # words between a subject and its state: "they have since been ..." -> "they also were not ..."


# Frames that read the whole sentence: what they say is unavailable may be named in the concession before them.
_REFERRING_FRAMES: tuple[tuple[_Referring, _Needs], ...] = (
    (_access_refused, (_stems(V.access_nouns), _stems(V.refused_states))),
    (_conceded_then_unavailable, (_stems(V.concessions), _stems(V.unavailable_states), _ASKED_STEMS)),
)

# Every stem set a frame or guard needs, one bit each; the bits of the sets each stem is in; each frame with the
# bits it needs.
_GATES = tuple(dict.fromkeys([
    *(stems for frames in (_SEEKING_FRAMES, _UNAVAILABLE_FRAMES, _REFERRING_FRAMES) for _, needs in frames
      for stems in needs),
    _CONFIDENTIAL_STEMS, _RECEIPT_STEMS, _DELIVERED_STEMS, _NONE_STEMS, _ARRIVED_STEMS, _PENDING_LABEL_STEMS]))
_GATE_STEMS = frozenset().union(*_GATES)


def _bits_of_stems() -> dict[str, int]:
    bits: dict[str, int] = {}
    for bit, stems in enumerate(_GATES):
        for stem in stems:
            bits[stem] = bits.get(stem, 0) | 1 << bit
    return bits


_STEM_BITS = _bits_of_stems()
# the bits narrowed to whole phrases: the stem sets of word lists, not the words each enough alone (`_alone`)
_NARROWED_BITS = sum(1 << bit for bit, stems in enumerate(_GATES) if stems in _PHRASES and stems not in _ALONE)


def _gate(stems: frozenset[str]) -> int:
    return 1 << _GATES.index(stems)


def _masked(frames: Iterable[tuple[_F, _Needs]]) -> tuple[tuple[_F, int], ...]:
    return tuple((frame, sum(_gate(stems) for stems in set(needs))) for frame, needs in frames)


_SEEKING_GATED = _masked(_SEEKING_FRAMES)
_UNAVAILABLE_GATED = _masked(_UNAVAILABLE_FRAMES)
_REFERRING_GATED = _masked(_REFERRING_FRAMES)


# The bits each kind of frame needs: its frames for a sentence's gates are looked up by those bits only (a check
# of the seed meets 108 sets of bits, but 48 of the seeking frames' bits and 63 of the unavailable frames')
_SEEKING_BITS, _UNAVAILABLE_BITS, _REFERRING_BITS = (
    functools.reduce(operator.or_, (needs for _, needs in gated)) for gated in (
        _SEEKING_GATED, _UNAVAILABLE_GATED, _REFERRING_GATED))


# each memo keyed by bits of the grammar's, not by text: sentences share their bits
@lru_cache(maxsize=4096)
def _seeking_frames(gates: int) -> tuple[_Seeking, ...]:
    """The seeking frames a sentence may match whose gates, of `_SEEKING_BITS`, are these."""
    return tuple(_possible(_SEEKING_GATED, gates))


@lru_cache(maxsize=4096)
def _unavailable_frames(gates: int) -> tuple[_Frame, ...]:
    """The unavailable frames a sentence may match whose gates, of `_UNAVAILABLE_BITS`, are these."""
    return tuple(_possible(_UNAVAILABLE_GATED, gates))


@lru_cache(maxsize=256)
def _referring_frames(gates: int) -> tuple[_Referring, ...]:
    """The referring frames a sentence may match whose gates, of `_REFERRING_BITS`, are these."""
    return tuple(_possible(_REFERRING_GATED, gates))


_CONFIDENTIAL_GATE, _RECEIPT_GATE, _DELIVERED_GATE = (
    _gate(s) for s in (_CONFIDENTIAL_STEMS, _RECEIPT_STEMS, _DELIVERED_STEMS))
# "none had reached post": a pronoun of none_pronouns and a verb of arrived
_NONE_ARRIVED_GATES = _gate(_NONE_STEMS) | _gate(_ARRIVED_STEMS)
_PENDING_LABEL_GATE = _gate(_PENDING_LABEL_STEMS)  # "Still pending: ..."
# a label naming information, and a word of the state's bare list
_LABEL_NEEDS = {state: _gate(_ASKED_STEMS) | _gate(_stems(words))
                for state, words in (("pending", V.bare_pending), ("unavailable", V.bare_unavailable))}


def unavailable_at(sentence: str) -> int | None:
    """Where a sentence (blanks folded to single spaces) says information is not available to the post, or None."""
    return _unavailable(sentence, gates_of(sentence))


def _may_be_unavailable(gates: int, colon: bool) -> bool:
    """Whether a sentence with these `gates` (and a colon or not) may be read by `_unavailable`: every way it has
    of saying so needs this."""
    return ((colon and _label_may_say(gates, "unavailable"))
            or bool(_unavailable_frames(gates & _UNAVAILABLE_BITS) or _referring_frames(gates & _REFERRING_BITS)))


def _unavailable(sentence: str, gates: int) -> int | None:
    if ":" in sentence and _labelled(sentence, "unavailable", gates):
        return 0
    frames, referring = _unavailable_frames(gates & _UNAVAILABLE_BITS), _referring_frames(gates & _REFERRING_BITS)
    if not (frames or referring):
        return None
    at = _first_unavailable(sentence, frames, referring)
    return None if at is None or _confidential(sentence, gates) else at


def _first_unavailable(sentence: str, frames: tuple[_Frame, ...], referring: tuple[_Referring, ...]) -> int | None:
    stated = _stated(sentence)
    for refers_back in referring:
        at = refers_back(stated, sentence)
        if at is not None:
            return at
    for offset, clause in clauses(stated):
        for frame in frames:
            at = frame(clause)
            if at is not None:
                return offset + at
    return None
