"""Sub-question completeness (subquestions.py) and the partial-answer rule, on hand-written answers and the seed."""

from __future__ import annotations

import copy
import random
import re
import string

import pytest
import yaml
from rapidfuzz import fuzz, process

from conftest import CABLES, NEGATIVES, SEED, load_label
from tipcheck.analysis import subquestions
from tipcheck.api import check_file, check_text
from tipcheck.errors import QuestionnaireError
from tipcheck.questionnaire import model as qmod
from tipcheck.results import CableReport
from tipcheck.rules import partial_answer
from tipcheck.settings import Settings
from tipcheck.text import sentences

MODEL = qmod.load_bundled("tip-2009")
SETTINGS = Settings(questionnaire="tip-2009")


def reply(question_id: str, answer: str) -> CableReport:
    """A one-paragraph reply that restates `question_id` in full and answers it with `answer`."""
    question = MODEL.question(question_id)
    assert question is not None
    text = (f"SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\n\n"
            f"1. (SBU) QUESTION {question.letter}. {question.text}\n\nPOST RESPONSE: {answer}\n")
    return check_text(text, "hand.txt", SETTINGS)


def status(report: CableReport, sub_id: str) -> str:
    qid = sub_id.rsplit(".", 1)[0]
    result = report.question(qid)
    assert result is not None and result.status != "missing", f"{qid} not aligned"
    return next(s.status for s in result.subquestions if s.id == sub_id)


def partial_findings(report: CableReport) -> dict[str, str]:
    """Question id -> the partial-answer finding's message (what is missing, in tipcheck's words)."""
    return {f.question or "": f.message for f in report.findings if f.rule == "partial-answer"}


def asked(report: CableReport, question: str) -> str:
    """The words of the sub-questions a partial-answer finding quotes (its excerpt)."""
    return next(f.excerpt or "" for f in report.findings if f.rule == "partial-answer" and f.question == question)


# One case per expectation kind: (sub-question, an answer that satisfies it, one that misses it).
CASES = [
    ("protection.K.3",  # count
     "SRE reports that Mexican consulates abroad assisted 47 trafficking victims during the reporting period.",
     "The SRE trains its consular staff on trafficking and works with NGOs in the United States."),
    ("protection.B.9",  # amount
     "The government spent USD 250,000 on its two shelters for trafficking victims.",
     "The government runs two shelters for trafficking victims, both staffed by social workers."),
    ("prosecution.E.4",  # law
     "Traffickers were charged under Article 201 of the Penal Code.",
     "Police opened cases against several traffickers in the capital."),
    ("scene.B.1",  # list
     "The Ministry of the Interior has the lead; INM and PGR also take part in anti-trafficking efforts.",
     "Several offices work on the problem, with varying commitment."),
    ("prosecution.E.5",  # breakdown (optional in the model: reported, not flagged)
     "Of the 12 cases, 7 involved labor exploitation and 5 sexual exploitation; 4 victims were minors and "
     "8 were adults.",
     "Police investigated 12 cases during the year."),
    ("scene.C.3",  # yes-no (reported, not flagged)
     "Corruption among local police remains a serious problem.",
     "Funding for the police is inadequate."),
    ("protection.K.4",  # description (reported, not flagged)
     "Consulates issued travel documents, made referrals to assistance and paid for transportation home.",
     "Consular staff were trained in victim identification."),
]


@pytest.mark.parametrize(("sub_id", "satisfying", "missing"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_satisfied_missed_and_none(sub_id: str, satisfying: str, missing: str) -> None:
    assert status(reply(sub_id.rsplit(".", 1)[0], satisfying), sub_id) == "addressed"
    assert status(reply(sub_id.rsplit(".", 1)[0], missing), sub_id) == "missing"
    # "None." answers every sub-question: zero is an answer.
    assert status(reply(sub_id.rsplit(".", 1)[0], "None reported."), sub_id) == "addressed"


def test_model_states_each_kind_used_in_cases() -> None:
    kinds = {MODEL_SUB[c[0]].expects.kind for c in CASES if MODEL_SUB[c[0]].expects}  # type: ignore[union-attr]
    assert kinds == set(subquestions.KINDS)


MODEL_SUB = {s.id: s for q in MODEL.questions for s in q.subquestions}


def test_every_known_2009_subquestion_has_an_expectation() -> None:
    assert len(MODEL_SUB) == 99
    assert all(s.expects is not None and s.expects.kind in subquestions.KINDS for s in MODEL_SUB.values())


def test_missing_count_is_flagged_with_the_words_of_the_question() -> None:
    report = reply("protection.K", CASES[0][2])
    message = partial_findings(report)["protection.K"]
    assert "victims assisted by embassies or consulates abroad" in message
    assert asked(report, "protection.K").startswith("What is the number of trafficking victims assisted")
    assert report.question("protection.K").status == "partial"  # type: ignore[union-attr]


def test_zero_statement_addresses_a_count() -> None:
    report = reply("protection.K", "No trafficking victims were assisted by embassies or consulates abroad.")
    assert status(report, "protection.K.3") == "addressed"
    assert "protection.K" not in partial_findings(report)


def test_count_needs_every_counted_thing() -> None:
    report = reply("prosecution.E", "FEVIMTRA opened 24 investigations and brought 3 prosecutions for trafficking.")
    message = partial_findings(report)["prosecution.E"]
    assert "convictions, sentences" in message
    assert "investigations" not in message


def test_a_date_or_article_number_is_not_a_count() -> None:
    report = reply("protection.K", "Since January 31, 2008 consulates have assisted trafficking victims under "
                                   "Article 12 of the law.")
    assert status(report, "protection.K.3") == "missing"


def test_if_so_after_a_plain_no_does_not_apply() -> None:
    report = reply("prosecution.E", "The government did not prosecute any trafficking cases during the "
                                    "reporting period and has never done so.")
    assert status(report, "prosecution.E.2") == "addressed"
    assert "prosecution.E" not in partial_findings(report)


def test_optional_subquestions_are_reported_not_flagged() -> None:
    report = reply("prevention.A", "FEVIMTRA ran a national poster campaign aimed at potential victims.")
    assert status(report, "prevention.A.3") == "missing"  # "number of people reached ..., if available"
    assert "prevention.A" not in partial_findings(report)


def test_rule_examples() -> None:
    failing = check_text(partial_answer.EXAMPLES.failing, "failing.txt", SETTINGS)
    passing = check_text(partial_answer.EXAMPLES.passing, "passing.txt", SETTINGS)
    assert "convictions, sentences (E.2)" in partial_findings(failing)["prosecution.E"]
    assert asked(failing, "prosecution.E").startswith("If so, provide numbers of investigations")
    assert partial_findings(passing) == {}


def test_disabling_the_rule_skips_the_pass() -> None:
    report = check_file(SEED, Settings(severities={"partial-answer": None}))
    assert all(not q.subquestions for q in report.questions)
    assert all(q.status != "partial" for q in report.questions)


@pytest.fixture(scope="module")
def seed_report() -> CableReport:
    return check_file(SEED)


def test_seed_finds_exactly_the_labelled_partial_answers(seed_report: CableReport) -> None:
    label = load_label("09MEXICO828")
    expected = {p["question"] for p in label["partial"]}
    assert set(partial_findings(seed_report)) == expected
    assert {q.id for q in seed_report.questions if q.status == "partial"} == expected


@pytest.mark.parametrize(("question", "words"), [
    ("prosecution.E", ["convictions", "sentences"]),
    ("protection.B", ["amount spent on specialized facilities (in USD)"]),
    ("protection.G", ["referred by law enforcement", "referred by social services"]),
    ("protection.K", ["embassies or consulates"]),
])
def test_seed_names_the_missing_item(seed_report: CableReport, question: str, words: list[str]) -> None:
    message = partial_findings(seed_report)[question]
    for word in words:
        assert word in message


def test_seed_fully_answered_questions_are_not_flagged(seed_report: CableReport) -> None:
    for qid in ("protection.E", "protection.F", "prevention.D", "prosecution.H", "protection.J"):
        result = seed_report.question(qid)
        assert result is not None and result.status == "answered"


def test_seed_finding_points_at_the_answer_and_json_lists_subquestions(seed_report: CableReport) -> None:
    finding = next(f for f in seed_report.findings if f.rule == "partial-answer" and f.question == "protection.G")
    assert finding.line == 193
    result = seed_report.question("protection.G")
    assert result is not None
    assert [s.id for s in result.subquestions] == [f"protection.G.{n}" for n in range(1, 5)]
    assert [s.status for s in result.subquestions] == ["addressed", "missing", "missing", "addressed"]
    assert result.subquestions[0].evidence_line == 195


def test_seed_count_found_in_another_paragraph_is_elsewhere(seed_report: CableReport) -> None:
    # protection.J asks how many victims assisted prosecutions; protection.B says 3 visas went to such victims.
    result = seed_report.question("protection.J")
    assert result is not None
    j2 = next(s for s in result.subquestions if s.id == "protection.J.2")
    assert (j2.status, j2.elsewhere, j2.evidence_line) == ("elsewhere", "protection.B", 169)


def test_reykjavik50_social_services_referrals() -> None:
    report = check_file(CABLES / "09REYKJAVIK50.txt")
    findings = partial_findings(report)
    assert "victims referred by social services" in findings["protection.G"]
    assert "prosecution.E" not in findings  # "did not prosecute any TIP cases": the If-so numbers do not apply


def test_reykjavik49_corruption_is_reported_missing_but_not_flagged() -> None:
    report = check_file(CABLES / "09REYKJAVIK49.txt")
    assert status(report, "scene.C.3") == "missing"
    assert "scene.C" not in partial_findings(report)


def test_schema_rejects_an_unknown_kind_and_a_count_without_things(tmp_path: object) -> None:
    data = yaml.safe_load((qmod.bundled_dir() / "tip-2009.yaml").read_text(encoding="utf-8"))
    for bad in ({"kind": "number"}, {"kind": "count"}, {"kind": "amount"}, {"kind": "yes-no", "by": ["a vs b"]}):
        broken = copy.deepcopy(data)
        broken["sections"][2]["questions"][4]["subquestions"][1]["expects"] = bad
        with pytest.raises(QuestionnaireError, match="expects"):
            qmod.validate(broken, "", "broken.yaml")


def test_term_index_matches_what_comparing_every_pair_finds() -> None:
    """The model's term index (pigeonhole keys per word length) finds exactly the words that comparing every
    term with every word of the vendored cables finds: an inflection, or a misspelling scoring 88 or more."""
    terms = sorted(set().union(*(subquestions._terms_of(qmod.load_bundled(name)).terms
                                 for name in qmod.bundled_names())))
    words = sorted({w for path in CABLES.glob("*.txt")
                    for w in subquestions._words(path.read_text(encoding="utf-8", errors="replace"))})
    found = subquestions._TermWords(terms).matches(words)
    for term in terms:
        every_pair = {w for w in words if (w[:5] == term[:5] and subquestions.word_matches(term, w))
                      or (len(w) >= 4 and fuzz.ratio(term, w) >= 88)}
        assert found.get(term, frozenset()) == every_pair, term


def test_term_index_finds_every_misspelling_of_up_to_three_edits() -> None:
    """Words one to three random edits (deletions, insertions, replacements) away from each term of every model:
    the term index finds exactly what comparing each with every term finds, on both sides of the score."""
    terms = sorted(set().union(*(subquestions._terms_of(qmod.load_bundled(name)).terms
                                 for name in qmod.bundled_names())))
    rng = random.Random(14)
    words = set()
    for term in terms:
        for _ in range(12):
            letters = list(term)
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(letters))
                edit = rng.choice(("delete", "insert", "replace"))
                if edit == "delete" and len(letters) > 1:
                    del letters[at]
                elif edit == "insert":
                    letters.insert(at, rng.choice(string.ascii_lowercase))
                else:
                    letters[at] = rng.choice(string.ascii_lowercase)
            words.add("".join(letters))
    words -= set(terms)
    found = subquestions._TermWords(terms).matches(words)
    misspelt = 0
    for term in terms:
        close = {w for w, _, _ in process.extract(term, words, scorer=fuzz.ratio, score_cutoff=88, limit=None)
                 if len(w) >= 4}
        inflected = {w for w in words if w[:5] == term[:5] and subquestions.word_matches(term, w)}
        assert found.get(term, frozenset()) == close | inflected, term
        misspelt += len(close)
    assert len(words) > 5000 and misspelt > 2000


def test_the_questions_words_matched_with_the_model_get_the_terms_any_word_gets() -> None:
    """The words of the questions' text, matched once with each model (a reply restates its questions), get the
    terms that matching them among a cable's words gives."""
    words = {w for path in CABLES.glob("*.txt")
             for w in subquestions._words(path.read_text(encoding="utf-8", errors="replace"))}
    for name in qmod.bundled_names():
        with_questions = subquestions._terms_of(qmod.load_bundled(name))
        if not with_questions.every:  # a model with no sub-questions: nothing is looked for
            continue
        alone = subquestions._TermWords(with_questions.every)
        assert len(with_questions._own) > len(alone._own) + 100
        found, expected = with_questions.terms_of(words), alone.terms_of(words)
        assert {w: set(t) for w, t in found.items()} == {w: set(t) for w, t in expected.items()}, name


def test_a_term_the_model_lacks_is_matched_on_its_own() -> None:
    vocabulary = subquestions._Vocabulary(subquestions._TermWords(("victims",)))
    vocabulary.add({"trafficking", "traficking", "trafficked", "traffic", "trade"})
    assert vocabulary.matches("trafficking") == {"trafficking", "traficking", "trafficked", "traffic"}


def _common_opening(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def test_word_matches_compares_openings_as_the_letter_by_letter_definition() -> None:
    # an opening of max(5, shorter - 3) letters in common, compared as slices; the definition counted the letters
    terms = sorted(set().union(*(subquestions._terms_of(qmod.load_bundled(name)).terms
                                 for name in qmod.bundled_names())))
    words = sorted({w for path in CABLES.glob("*.txt")
                    for w in subquestions._words(path.read_text(encoding="utf-8", errors="replace"))})
    by_opening: dict[str, list[str]] = {}
    for w in words:
        by_opening.setdefault(w[:5], []).append(w)
    pairs = [(t, w) for t in terms for w in by_opening.get(t[:5], [])]
    pairs += [("traffic", "trafficking"), ("abcde", "abcdx"), ("abcdefgh", "abcdexyz"), ("abcdefgh", "abcdefgx")]
    for term, word in pairs:
        definition = (term == word or term + "s" == word or word + "s" == term or (
            len(term) >= 5 and len(word) >= 5 and (
                _common_opening(term, word) >= max(5, min(len(term), len(word)) - 3)
                or fuzz.ratio(term, word) >= 88)))
        assert subquestions.word_matches(term, word) == definition, (term, word)
    assert len(pairs) > 1000


# The content tests' patterns as they were written first: one alternation each, tried at every character
_ONE_NUMBER = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])(?!\.[A-Za-z]\b)|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|"
    r"thousand|thousands|dozen|dozens|single)\b", re.I)
_ONE_CURRENCY = re.compile(
    r"(?:US\$|\$|€|£|\bUSD|\bEUR|\bGBP|\bISK)\s*\\?\$?\s*\d|"
    r"(?<!\d)(?<!\d[,.])\d[\d,.]*+\s*(?:million|billion|thousand)?\s*"
    r"(?:U\.?S\.?\s*)?(?:dollars?|usd|pesos?|euros?|eur|kronur|kronas?|kroner|krona|rials?|riyals?|dinars?|"
    r"dirhams?|pounds?|rupees?|shillings?|francs?|yen|yuan|baht|rand)\b", re.I)
_ONE_NAMED = re.compile(r"\b[A-Z]{2,}s?\b|(?<=\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def test_content_tests_find_what_the_single_alternations_find() -> None:
    # every sentence of every vendored cable and negative, and sentences holding the characters case-blind
    # matching reads as ASCII letters ("ſix", "İSK"), written with currency codes and number words, or with number
    # words beside characters the number words' prefilter reads as blanks
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")))]
    found = [" ".join(text[a:b].split()) for text in texts for a, b in sentences(text)]
    found += ["It spent USD 5 on it.", "It spent uſd5.", "\u0130SK 20 was paid.", "None were ſix.", "Only \u212aRONUR",
              "Paid US$ 12,000 and 3 million pesos.", "Seventeen arrests.", "It did not allocate funds.",
              "No new budget.", "The ministry did not spend anything.", "twelve,000", "Article one.", "3.5 euros",
              "A US Embassy NGOs Ministry of Labor",
              # number words beside characters that are no part of a run of letters and digits, or of a word
              "the victim's one's", "twenty-one victims", "_one_ _ten", "éone tené", "one\u0301 victims",
              "ONE VICTIM", "x1one 2ten", "TWELVE\u00a0cases", "Ωseven", "done often money tenth"]
    counts = money = 0
    for text in found:
        sentence = subquestions._Sentence(0, 1, 0, text, 0, len(text))
        had_count = any(subquestions._is_a_count(text, m) for m in _ONE_NUMBER.finditer(text))
        assert sentence.has_count == had_count, text
        had_money = bool(_ONE_CURRENCY.search(text) or subquestions._NO_MONEY.search(text))
        assert sentence.mentions_money == had_money, text
        assert subquestions._NAMED.findall(text) == _ONE_NAMED.findall(text), text
        counts += had_count
        money += had_money
    assert counts > 1000 and money > 30
