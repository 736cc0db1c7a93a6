"""The questions analyzer: detection, classification, voice, counts.

Every text here was written for these tests.
"""
from __future__ import annotations

import re

import pytest

import framing
from framing.analyzers import Context
from framing.analyzers.questions.analyzer import CUES, analyze_questions
from framing.document import Document
from framing.lexicons import load_table
from framing.report import per_1k


def run(text: str):
    """The rules alone (the learned model is tested in test_question_model*)."""
    return analyze_questions(Context.for_document(Document(text), question_model=False))


def texts(text: str) -> list[str]:
    return [i.text for i in run(text).items]


def item(text: str, question: str):
    found = [i for i in run(text).items if i.text == question]
    assert found, f"{question!r} not found; got {texts(text)}"
    return found[0]


# -- detection ----------------------------------------------------------------------
DETECTION = [
    ("sentence-final", "The vote is on Monday. Will it pass?", ["Will it pass?"]),
    ("quoted mid-sentence", "“Why now?” she asked. The mayor said nothing.", ["Why now?"]),
    ("verbless", "Why the reticence? Officials would not say.", ["Why the reticence?"]),
    ("multi-clause is one question",
     "Will this bring stability, or will it deepen the chaos?",
     ["Will this bring stability, or will it deepen the chaos?"]),
    ("after a colon", "After the vote, one can't help but wonder: What does this mean?",
     ["What does this mean?"]),
    ("several in one sentence", "Who pays? who decides? The board does.", ["Who pays?", "who decides?"]),
    ("several in one quote", "“Who pays? Who decides?” she asked.", ["Who pays?", "Who decides?"]),
    ("two quotes in one sentence", "“Who pays,” she asked, “and who decides?”", ["and who decides?"]),
    ("question headline", "Is the Harbour Plan Doomed?\n\nThe council met on Monday.",
     ["Is the Harbour Plan Doomed?"]),
    ("headline after a label", "Opinion: Why Build It at All?\n\nThe council met on Monday.",
     ["Why Build It at All?"]),
    ("author question quoting a question",
     "Did he really say “Who cares?” to the families?",
     ["Did he really say “Who cares?” to the families?", "Who cares?"]),
    ("parenthetical", "Okafor (who remembers him as a rookie?) scored 30 points.",
     ["who remembers him as a rookie?"]),
    ("after a dash", "The plan is costly — but who will pay for it?", ["but who will pay for it?"]),
    ("interrobang", "The fee doubled. You call that fair?!", ["You call that fair?!"]),
    ("nested quote", "“They ask me, ‘Is she still here?’ every day,” he said.", ["Is she still here?"]),
    ("straight quotes", '"Where is the money?" the auditor asked.', ["Where is the money?"]),
    ("interview line", "Q: Why did you leave the council?\n\nA: The hours.", ["Why did you leave the council?"]),
    ("URL is not a question", "See example.org/page?id=3 for details.", []),
    ("no question mark", "What the new rules mean for tenants\n\nThe rules start in July.", []),
]


@pytest.mark.parametrize("name,text,expected", DETECTION, ids=[d[0] for d in DETECTION])
def test_detection(name, text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("name,text,expected", DETECTION, ids=[d[0] for d in DETECTION])
def test_spans_match_text_and_sentence(name, text, expected):
    doc = Document(text)
    for i in run(text).items:
        assert text[i.start:i.end] == i.text
        assert i.text.endswith("?") or i.text.endswith("!")
        assert i.sentence_start <= i.start < i.end <= i.sentence_end
        assert any(s.start == i.sentence_start and s.end == i.sentence_end for s in doc.sentences)


def test_items_sorted_by_start():
    section = run("Who pays? who decides? “Why now?” she asked. Is it fair? No.")
    starts = [i.start for i in section.items]
    assert starts == sorted(starts) and len(starts) == 4


# -- classification ------------------------------------------------------------------
# (rule, text, question, type, cue that must be listed)
CLASSIFY = [
    # author voice
    ("author default", "Prices rose again. Who benefits from that?", "Who benefits from that?",
     "rhetorical", "no_answer_follows"),
    ("author colon", "After the vote, one can't help but wonder: What does this mean?",
     "What does this mean?", "rhetorical", "author_voice"),
    ("headline", "Is the Harbour Plan Doomed?\n\nYes, say engineers.", "Is the Harbour Plan Doomed?",
     "rhetorical", "headline"),
    ("hypophora: the answer is", "Who benefits? The answer is the banks.", "Who benefits?",
     "hypophora", "answer_phrase"),
    ("hypophora: yes/no", "Is the fee fair? No, it is not.", "Is the fee fair?", "hypophora", "yes_no"),
    ("hypophora: adverbial + yes", "Is it safe? Right now, yes.", "Is it safe?", "hypophora", "yes_no"),
    ("hypophora: because", "Why did they vote no? Because the price doubled.", "Why did they vote no?",
     "hypophora", "because"),
    ("hypophora: echo", "Will the line open on time? It will.", "Will the line open on time?",
     "hypophora", "echo"),
    ("hypophora: not", "What changed after the audit? Not much.", "What changed after the audit?",
     "hypophora", "answer_word"),
    ("hypophora: stance", "Is the tax worth it? I don't think so.", "Is the tax worth it?",
     "hypophora", "stance_answer"),
    ("hypophora: elliptical", "How much of the work is done? None.", "How much of the work is done?",
     "hypophora", "elliptical"),
    ("hypophora: attributed", "What keeps the shop open? Neighbours say it is the bread.",
     "What keeps the shop open?", "hypophora", "attributed_answer"),
    ("hypophora: restated", "Does the plan cut emissions? The plan cuts emissions by a third.",
     "Does the plan cut emissions?", "hypophora", "restates_question"),
    ("hypophora: quantity", "How many homes lost power? About 4,000 in the east.",
     "How many homes lost power?", "hypophora", "quantity"),
    ("hypophora: NP question", "Test scores? They rose last year.", "Test scores?",
     "hypophora", "topic_answered"),
    ("hypophora: bare why", "Why? The board ran out of money.", "Why?", "hypophora", "bare_wh"),
    ("hypophora: subhead", "New rules passed on Monday.\n\nWhat changes?\n\nRents may rise 5 percent a year.",
     "What changes?", "hypophora", "subhead_answered"),
    ("hypophora: answered by quote", "So why does she stay? “Because I love it,” she said.",
     "So why does she stay?", "hypophora", "answered_by_quote"),
    ("non-answer is no answer", "Who decides? Nobody knows.", "Who decides?", "rhetorical",
     "no_answer_follows"),
    ("reported question", "Residents wanted to know: when will the water return? Officials gave no date.",
     "when will the water return?", "information", "reported"),
    ("call to readers", "Have you been affected? Email us at tips@example.org.", "Have you been affected?",
     "information", "reader_call"),
    ("interviewer Q:", "Q: When did you start?\n\nA: In 2010.", "When did you start?",
     "information", "qa_question"),
    ("interviewee A: answers self", "Q: Is it hard?\n\nA: Is it frustrating? Of course it is.",
     "Is it frustrating?", "hypophora", "qa_answer"),
    # quoted voice
    ("quoted default", "“When will the bridge reopen?” asked a resident.", "When will the bridge reopen?",
     "information", "quoted_voice"),
    ("negative yes/no", "“Isn't it obvious?” he said.", "Isn't it obvious?", "rhetorical", "negative_yes_no"),
    ("negative yes/no, curly", "“Don’t we deserve better?” she asked.", "Don’t we deserve better?",
     "rhetorical", "negative_yes_no"),
    ("negative yes/no, split", "“Is it not obvious?” he said.", "Is it not obvious?", "rhetorical",
     "negative_yes_no"),
    ("who doesn't", "“Who doesn't love a parade?” she said.", "Who doesn't love a parade?", "rhetorical",
     "negative_wh"),
    ("who would", "“Who would want that?” she said.", "Who would want that?", "rhetorical", "modal_wh"),
    ("what could be more", "“What could be more important?” he said.", "What could be more important?",
     "rhetorical", "modal_wh"),
    ("how can anyone", "“How can anyone believe this?” she asked.", "How can anyone believe this?",
     "rhetorical", "modal_wh"),
    ("what else can I say", "“What else can I say?” he said.", "What else can I say?", "rhetorical",
     "modal_wh"),
    ("why should", "“Why should we pay twice?” she asked.", "Why should we pay twice?", "rhetorical",
     "why_should"),
    ("tag question", "“That is fair, isn't it?” he said.", "That is fair, isn't it?", "rhetorical", "tag"),
    ("tag right", "“You saw the bill, right?” he said.", "You saw the bill, right?", "rhetorical", "tag"),
    ("minimizer", "“Did the council lift a finger?” she asked.", "Did the council lift a finger?",
     "rhetorical", "minimizer"),
    ("npi at all", "“Does it matter at all?” he asked.", "Does it matter at all?", "rhetorical", "npi"),
    ("npi wh ever", "“When has that ever worked?” he asked.", "When has that ever worked?", "rhetorical",
     "npi"),
    ("npi any wonder", "“Is it any wonder people left?” she said.", "Is it any wonder people left?",
     "rhetorical", "npi"),
    ("who cares", "“Who cares?” he said.", "Who cares?", "rhetorical", "fixed"),
    ("what's the point", "“What’s the point?” he said.", "What’s the point?", "rhetorical", "fixed"),
    ("so what", "“So what?” he said.", "So what?", "rhetorical", "fixed"),
    ("really", "“Do we really need another stadium?” she asked.", "Do we really need another stadium?",
     "rhetorical", "incredulity"),
    ("declarative question", "“They closed the bridge and now they want a toll?” he said.",
     "They closed the bridge and now they want a toll?", "rhetorical", "declarative"),
    ("exclamatory", "“Four dollars an hour?!” she said.", "Four dollars an hour?!", "rhetorical",
     "exclamatory"),
    ("answered in the same quote", "“Could we have moved faster? Yes, and we should have,” he said.",
     "Could we have moved faster?", "hypophora", "answered_same_turn"),
    ("answered in the next quote", "“Is it worth it?” he asked. “I think it is.”", "Is it worth it?",
     "hypophora", "answered_same_turn"),
    ("another speaker's answer", "“Did you sign it?” Reyes asked. “Yes,” Marsh said.", "Did you sign it?",
     "information", "quoted_voice"),
]


@pytest.mark.parametrize("rule,text,question,kind,cue", CLASSIFY, ids=[c[0] for c in CLASSIFY])
def test_classification(rule, text, question, kind, cue):
    i = item(text, question)
    assert i.type == kind, i.cues
    assert i.rhetorical is (kind != "information")  # the flag: not information-seeking
    assert cue in i.cues


# -- voice ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,question,voice", [
    ("“Why now?” she asked.", "Why now?", "quoted"),
    ("Why now? Nobody would say.", "Why now?", "author"),
    ("Did he really say “Who cares?” to them?", "Who cares?", "quoted"),
    ("Did he really say “Who cares?” to them?", "Did he really say “Who cares?” to them?", "author"),
])
def test_voice(text, question, voice):
    assert item(text, question).voice == voice


# -- section counts ------------------------------------------------------------------
ARTICLE = """Can the Ferry Survive Another Winter?

The Island Ferry Company lost money for a third year. Who would buy it now? The answer, say brokers, is nobody.

“When will the new timetable start?” asked one commuter at Tuesday's meeting. “Isn't it obvious that nobody planned this?” said another.

Why does any of this matter? Because the island has no bridge."""


def test_section_counts_and_rates():
    section = run(ARTICLE)
    types = {i.text: i.type for i in section.items}
    assert types == {
        "Can the Ferry Survive Another Winter?": "rhetorical",
        "Who would buy it now?": "hypophora",
        "When will the new timetable start?": "information",
        "Isn't it obvious that nobody planned this?": "rhetorical",
        "Why does any of this matter?": "hypophora",
    }
    words = Document(ARTICLE).words
    assert section.count == 5
    # the flag (``rhetorical``) counts every question that seeks no information
    assert section.rhetorical == 4 and section.hypophora == 2 and section.information == 1
    assert section.count == section.rhetorical + section.information
    assert section.by_voice == {"author": 3, "quoted": 2}
    assert section.rhetorical_per_1k_words == per_1k(4, words) == round(4000 / words, 3)
    assert section.questions_per_1k_words == per_1k(5, words)


def test_report_carries_the_section():
    d = framing.analyze(ARTICLE).to_dict()["questions"]  # the learned model by default
    assert d["count"] == 5 and d["rhetorical"] == sum(q["rhetorical"] for q in d["items"])
    assert all(q["rhetorical"] is (q["type"] != "information") for q in d["items"])
    assert all(0.0 < q["confidence"] <= 1.0 for q in d["items"])
    assert all(ARTICLE[q["start"]:q["end"]] == q["text"] for q in d["items"])
    assert all(q["type"] in ("rhetorical", "hypophora", "information") for q in d["items"])


@pytest.mark.parametrize("text", ["", "   \n\n ", "..."])
def test_empty_text(text):
    section = run(text)
    assert section.count == 0 and section.items == []
    assert section.rhetorical_per_1k_words is None and section.questions_per_1k_words is None


def test_text_without_questions_has_zero_rates():
    section = run("The council met on Monday. It approved the budget.")
    assert section.count == 0
    assert section.rhetorical_per_1k_words == 0.0 and section.questions_per_1k_words == 0.0
    assert section.by_voice == {"author": 0, "quoted": 0}


def test_deterministic():
    assert run(ARTICLE) == run(ARTICLE)


# -- lexicon --------------------------------------------------------------------------
def test_cue_lexicon_is_package_data_with_sources():
    rows = load_table("question_cues.tsv")
    kinds = {"rhetorical", "answer", "non_answer", "reported", "reader_call", "qa_question", "qa_answer"}
    assert {r["kind"] for r in rows} == kinds
    for r in rows:
        assert r["rule"] and r["source"], r
        re.compile(r["pattern"])
    assert set(CUES) == kinds
