"""Quotation attribution (issue 3): table-driven cases written for this
project, one per pattern, plus the odd-mark cases that break other tools."""
from __future__ import annotations

import json

import pytest

import framing
from framing import ArticleReport, Document
from framing.analyzers import REGISTRY
from framing.analyzers.quotes.analyzer import analyze_quotes


def quotes(text: str):
    section, _ = analyze_quotes(Document(text))
    return section


def only(text: str):
    items = quotes(text).items
    assert len(items) == 1, [(q.text, q.pattern) for q in items]
    return items[0]


def check_spans(text: str, section) -> None:
    for q in section.items:
        assert q.text == text[q.start:q.end]
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        assert q.parts and q.parts[0][0] == q.start and q.parts[-1][1] == q.end
        for s, e in q.parts:
            assert q.start <= s < e <= q.end
    for sq in section.scare_quotes:
        assert sq.text == text[sq.start:sq.end]


# -- one quote per case: (text, kind, speaker, speaker_type, cue, content) -----------
# ``content`` is the text of the item's parts joined with " | ".
CASES = [
    # direct, every mark style
    ('"We will fight this ruling," said Ann Ruiz.',
     "direct", "Ann Ruiz", "named", "said", '"We will fight this ruling,"'),
    ("“We will fight this ruling,” Ann Ruiz said.",
     "direct", "Ann Ruiz", "named", "said", "“We will fight this ruling,”"),
    ("Ann Ruiz said: “We will fight this ruling.”",
     "direct", "Ann Ruiz", "named", "said", "“We will fight this ruling.”"),
    ("Ann Ruiz told the court, ‘We will fight this ruling.’",
     "direct", "Ann Ruiz", "named", "told", "‘We will fight this ruling.’"),
    ("«Nous ne céderons pas», a déclaré Ann Ruiz. Ann Ruiz said: «We will not give in.»",
     "direct", "Ann Ruiz", "named", "said", "«We will not give in.»"),
    ("Ann Ruiz said: „We will fight this ruling.“",
     "direct", "Ann Ruiz", "named", "said", "„We will fight this ruling.“"),
    ("''We will fight this ruling,'' Ann Ruiz said.",
     "direct", "Ann Ruiz", "named", "said", "''We will fight this ruling,''"),
    # interrupted by the attribution: one item, two parts
    ("“We will not stop,” Ann Ruiz said, “until the port is safe again.”",
     "direct", "Ann Ruiz", "named", "said",
     "“We will not stop,” | “until the port is safe again.”"),
    # a quote that goes on after the attribution
    ("“The numbers do not add up,” said Piet Vos. “Nobody has checked them.”",
     "direct", "Piet Vos", "named", "said",
     "“The numbers do not add up,” | “Nobody has checked them.”"),
    # mixed: a quoted fragment inside reported speech
    ("Officials called the audit “deeply flawed” on Monday.",
     "mixed", "officials", "unnamed", "called", "the audit “deeply flawed” on Monday"),
    ("Ann Ruiz said the plan was “a gift to developers” and should be withdrawn.",
     "mixed", "Ann Ruiz", "named", "said",
     "the plan was “a gift to developers” and should be withdrawn"),
    # indirect speech
    ("The mayor said that the bridge would reopen in May.",
     "indirect", "the mayor", "unnamed", "said", "that the bridge would reopen in May"),
    ("Ann Ruiz warned the deal would cost jobs.",
     "indirect", "Ann Ruiz", "named", "warned", "the deal would cost jobs"),
    ("The bridge will reopen in May, officials said.",
     "indirect", "officials", "unnamed", "said", "The bridge will reopen in May"),
    ("The bridge will reopen in May, said Tomas Berg, a city engineer.",
     "indirect", "Tomas Berg", "named", "said", "The bridge will reopen in May"),
    ("The bridge will reopen in May, according to the transport ministry.",
     "indirect", "the transport ministry", "organisation", "according to",
     "The bridge will reopen in May"),
    ("According to the transport ministry, the bridge will reopen in May.",
     "indirect", "the transport ministry", "organisation", "According to",
     "the bridge will reopen in May"),
    ("Tomas Berg told reporters the repairs were on schedule.",
     "indirect", "Tomas Berg", "named", "told", "the repairs were on schedule"),
    ("In a statement, the Harbour Authority said it would appeal the decision.",
     "indirect", "Harbour Authority", "organisation", "said", "it would appeal the decision"),
    ("Tomas Berg said in an interview on Tuesday that the tender was rigged.",
     "indirect", "Tomas Berg", "named", "said", "that the tender was rigged"),
    ("The repairs, Tomas Berg said, will take two more years.",
     "indirect", "Tomas Berg", "named", "said", "The repairs | will take two more years"),
    ("The plan was shelved last week, sources said.",
     "indirect", "sources", "unnamed", "said", "The plan was shelved last week"),
    ("Reports indicate the talks have stalled.",
     "indirect", "reports", "unnamed", "indicate", "the talks have stalled"),
    ("Two people familiar with the talks said a deal was close.",
     "indirect", "Two people familiar with the talks", "unnamed", "said", "a deal was close"),
    # speakers with appositions and titles
    ("Hugh Hill, a doctor, said the clinic was overwhelmed.",
     "indirect", "Hugh Hill", "named", "said", "the clinic was overwhelmed"),
    ("Ulf Laessing, who heads the institute, said funding had dried up.",
     "indirect", "Ulf Laessing", "named", "said", "funding had dried up"),
    ("Sen. Mara Ortiz (D-Ore.) said the bill was dead.",
     "indirect", "Mara Ortiz", "named", "said", "the bill was dead"),
    ("Councillor Ivo Brandt said the ward had waited six years.",
     "indirect", "Ivo Brandt", "named", "said", "the ward had waited six years"),
    ("A spokeswoman, Lena Hart, said the company had not been told.",
     "indirect", "Lena Hart", "named", "said", "the company had not been told"),
    ("A senior official, who asked not to be named, said the deal was close.",
     "indirect", "a senior official", "unnamed", "said", "the deal was close"),
    ("Officials at the time also said the costs were under control.",
     "indirect", "officials at the time", "unnamed", "said", "the costs were under control"),
    ("Ann Ruiz on Tuesday said the tender was rigged.",
     "indirect", "Ann Ruiz", "named", "said", "the tender was rigged"),
    ("“The budget is fine,” Mitch Varga, R-Ohio, said Tuesday.",
     "direct", "Mitch Varga", "named", "said", "“The budget is fine,”"),
    ("“We are fine,” Ann Ruiz said during a rally in Dover, “but we need help.”",
     "direct", "Ann Ruiz", "named", "said", "“We are fine,” | “but we need help.”"),
    ("“Rents keep rising,” said longtime tenant Ida Moss.",
     "direct", "Ida Moss", "named", "said", "“Rents keep rising,”"),
    ("“The port stays open,” the mayor said, adding that the review would take a month.",
     "direct", "the mayor", "unnamed", "said", "“The port stays open,”"),
    # colon and dash attributions
    ("Ruiz: We will not back down",
     "indirect", "Ruiz", "named", ":", "We will not back down"),
    ("“Water is a right, not a product.” — Elena Sato",
     "direct", "Elena Sato", "named", "—", "“Water is a right, not a product.”"),
]


@pytest.mark.parametrize("text,kind,speaker,stype,cue,content", CASES)
def test_pattern(text, kind, speaker, stype, cue, content):
    section = quotes(text)
    check_spans(text, section)
    hits = [q for q in section.items if q.cue == cue]
    assert hits, [(q.text, q.cue, q.pattern) for q in section.items]
    q = hits[-1]
    assert q.kind == kind
    assert q.speaker == speaker
    assert q.speaker_type == stype
    assert " | ".join(text[s:e] for s, e in q.parts) == content


# -- speakers across sentences ---------------------------------------------------
@pytest.mark.parametrize("text, speaker, name", [
    ("Ruiz: We will not back down", "Ruiz", "colon"),
    ("“Water is a right, not a product.” — Elena Sato", "Elena Sato", "dash"),
])
def test_punctuation_cues_are_listed_by_name_not_as_verbs(text, speaker, name):
    section = quotes(text)
    sp = [s for s in section.speakers if s.name == speaker]
    assert sp and name in sp[0].cues and not set(sp[0].cues) & {":", "—"}


def test_pronoun_resolves_to_the_last_compatible_named_speaker():
    text = ("Maria Lopez arrived late. Tomas Berg said the vote was fair. "
            "She said the vote was rigged.")
    q = quotes(text).items[-1]
    assert (q.speaker, q.speaker_type, q.speaker_text) == ("Maria Lopez", "pronoun", "She")
    assert q.confidence < 0.9


def test_canonical_name_groups_surname_with_full_name():
    text = ("Ulf Laessing said the budget was too small. Laessing said the report was late. "
            "Mr. Laessing added that nobody had read it.")
    section = quotes(text)
    assert {q.speaker for q in section.items} == {"Ulf Laessing"}
    (s,) = section.speakers
    assert s.name == "Ulf Laessing" and s.quotes == 3 and s.type == "named"
    assert s.cues == {"say": 2, "add": 1}
    assert set(s.mentions) == {"Ulf Laessing", "Laessing", "Mr. Laessing"}


def test_organisation_statement_resolves_to_the_organisation():
    text = ("The Port Workers Union said wages had fallen for a decade. "
            "The statement continued: “We will strike in June.”")
    items = quotes(text).items
    assert [q.speaker for q in items] == ["Port Workers Union", "Port Workers Union"]
    assert items[0].speaker_type == "organisation"


def test_on_its_channel_the_group_said():
    q = only("On its Telegram channel, the group said the attack was a warning.")
    assert q.speaker_type == "organisation" and q.speaker_text == "the group"
    assert q.text == "the attack was a warning"


def test_unknown_speaker_is_null():
    text = "The port was quiet.\n\n“Nobody told us anything about the closure.”"
    q = only(text)
    assert q.kind == "direct" and q.speaker is None and q.speaker_start is None
    assert quotes(text).unattributed == 1


def test_floating_quote_paragraph_goes_on_with_the_previous_attribution():
    text = ("“The closure came without warning,” said Piet Vos, a docker.\n\n"
            "“We heard about it on the radio.”")
    q = only(text)
    assert q.speaker == "Piet Vos"
    assert q.parts == [[0, text.index(" said")],
                       [text.index("“We"), len(text)]]


def test_floating_quote_after_a_mixed_quote_is_the_same_item():
    text = ("Ruiz hit back in a statement, saying she was “proud of every contract.”\n\n"
            "“Nobody in this city has done more for the harbour.”\n\n"
            "The council meets on Monday.")
    q = only(text)
    assert q.speaker == "Ruiz" and q.kind == "mixed"
    assert q.parts[-1] == [text.index("“Nobody"), text.index("\n\nThe")]


def test_continuation_after_a_long_attribution_sentence():
    text = ("“The market will reopen,” Ana Silva said, as traders packed up their stalls "
            "along the river and a light rain began to fall over the square, while the "
            "last buses of the evening left for the suburbs and the harbour lights came "
            "on one by one across the bay. “We will be back tomorrow.”")
    q = only(text)
    assert q.speaker == "Ana Silva"
    assert q.parts == [[0, text.index(" Ana")], [text.index("“We"), len(text)]]


def test_multi_paragraph_quote_is_one_item():
    text = ("Ann Ruiz said:\n\n“The first thing we will do is audit the contracts.\n\n"
            "“Then we will publish every one of them.”")
    q = only(text)
    assert q.kind == "direct" and q.speaker == "Ann Ruiz"
    assert q.text.startswith("“The first") and q.text.endswith("them.”")


def test_transcript_labels():
    text = ('"HOST: Will you run again?\n\n"RUIZ: I have not decided yet."')
    items = quotes(text).items
    assert [(q.speaker, q.cue) for q in items] == [("Host", ":"), ("Ruiz", ":")]
    check_spans(text, quotes(text))


# -- not speech -------------------------------------------------------------------
@pytest.mark.parametrize("text,kind,phrase", [
    ("The so-called “reform” passed on Tuesday.", "scare", "“reform”"),
    ("The council approved the “temporary” tax again.", "scare", "“temporary”"),
    ('Dwayne "The Rock" Johnson said he would not run.', "nickname", '"The Rock"'),
    ("She wrote the book “Rivers of Salt” in 2010.", "title", "“Rivers of Salt”"),
])
def test_scare_quotes_nicknames_and_titles_are_not_speech(text, kind, phrase):
    section = quotes(text)
    check_spans(text, section)
    assert [(s.kind, s.text) for s in section.scare_quotes] == [(kind, phrase)]
    assert all(phrase not in q.text or q.kind != "direct" for q in section.items)


@pytest.mark.parametrize("text", [
    "The swing states matter, the analyst said.",  # "states" is a noun here
    "Nine states in the compact have bans on the books.",  # a number makes "states" a noun
    "Another dozen states have bans that are not yet in effect.",  # a plural quantity
    "Ann Ruiz declined to say whether she would run.",  # infinitive, not a report
    "The contract was described in detail last year.",  # passive
    "She wrote a letter to the council.",  # "write" needs a clause or a quote
])
def test_words_that_are_not_reporting_cues(text):
    section = quotes(text)
    assert all(q.cue not in ("states", "say", "described", "wrote") for q in section.items)


def test_nickname_does_not_break_the_speaker():
    q = only('Dwayne "The Rock" Johnson said he would not run.')
    assert q.speaker == "Johnson" and q.text == "he would not run"


# -- odd marks never crash -----------------------------------------------------------
ODD = [
    "",
    "   \n\n  ",
    '"""',
    "“”",
    'He said "we will win.',
    "“We will win,\" he said.",
    "Nobody answered ” a stray closer.",
    "“Outer ‘inner “deep” quote’ end,” she said.",
    "'Tis the season, the ’90s were different, and students’ union said so.",
    "She said: «Nous verrons» and left.",
    "The students’ union asked, „Why now?“ Nobody answered.",
    "“Unclosed quote that runs on\n\nto the next paragraph",
    '"A" "B" "C"',
    "— Ann Ruiz",
    "said said said, said",
    "according to",
    ":",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_marks_never_crash(text):
    section = quotes(text)
    check_spans(text, section)
    d = framing.analyze(text).to_dict()
    json.dumps(d)


def test_mixed_straight_and_curly_marks_still_pair():
    q = only("“We will win,\" Ann Ruiz said.")
    assert q.kind == "direct" and q.speaker == "Ann Ruiz"


def test_nested_quote_stays_inside_the_outer_one():
    text = "“He told me ‘never again’ and left,” Ann Ruiz said."
    q = only(text)
    assert q.text == "“He told me ‘never again’ and left,”" and q.speaker == "Ann Ruiz"


# -- the report ------------------------------------------------------------------
ARTICLE = """Harbour plan approved

The city council approved the harbour plan on Tuesday, officials said.

“This is the most important vote in a decade,” Mayor Ines Castel said after the vote. “We cannot wait any longer.”

Castel insisted the cost would be “clearly worth it”. Council member Rafael Okonjo claimed that cheaper options were never studied, and he said the vote had been rushed.
"""


def test_speaker_summary_and_shares():
    section = quotes(ARTICLE)
    check_spans(ARTICLE, section)
    by = {s.name: s for s in section.speakers}
    assert set(by) == {"officials", "Ines Castel", "Rafael Okonjo"}
    assert by["officials"].unnamed and by["officials"].type == "unnamed"
    assert by["Ines Castel"].direct == 1 and by["Ines Castel"].mixed == 1
    assert by["Ines Castel"].cue_categories == {"neutral": 1, "emphatic": 1}
    assert by["Rafael Okonjo"].cue_categories == {"distancing": 1, "neutral": 1}
    assert abs(sum(s.share for s in section.speakers) - 1.0) < 1e-3
    assert section.quoted_words == sum(q.words for q in section.items)
    assert section.count == len(section.items) == section.direct + section.indirect + section.mixed


def test_report_round_trips_and_is_deterministic():
    a, b = framing.analyze(ARTICLE), framing.analyze(ARTICLE)
    assert a.to_dict() == b.to_dict()
    d = json.loads(json.dumps(a.to_dict()))
    assert ArticleReport.from_dict(d) == a
    for q in d["quotes"]["items"]:
        assert {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
                "cue", "cue_start", "cue_end"} <= q.keys()
        assert q["kind"] in ("direct", "indirect", "mixed")


def test_quotes_runs_first():
    assert REGISTRY[0].name == "quotes"


# -- voice: findings inside reported speech are "quoted" ---------------------------------
def test_hedge_inside_indirect_speech_is_quoted():
    text = "Officials said the plant may possibly close next year. It may also stay open."
    d = framing.analyze(text).to_dict()
    content = d["quotes"]["items"][0]
    inside = [h for h in d["hedging"]["items"]
              if content["start"] <= h["start"] < content["end"]]
    outside = [h for h in d["hedging"]["items"] if h["start"] >= content["end"]]
    assert inside and all(h["voice"] == "quoted" for h in inside)
    assert outside and all(h["voice"] == "author" for h in outside)


def test_question_inside_indirect_speech_is_quoted():
    text = "Critics said the plan raised one question: who will pay? Is it worth it?"
    d = framing.analyze(text).to_dict()
    voices = {q["text"]: q["voice"] for q in d["questions"]["items"]}
    assert voices.get("who will pay?") == "quoted"
    assert voices.get("Is it worth it?") == "author"


# -- attributions beyond speech (PolNeAR, Pareti 2016) ---------------------------------
# Each case: (text, speaker as written, cue, category, content). Beliefs, stances,
# intentions, refusals and topics are attributions in PolNeAR (Newell et al. 2018);
# each carries its own category so a report can keep speech apart.
BEYOND_SPEECH = [
    ("Ann Ruiz believes the bridge will open in May.",
     "Ann Ruiz", "believes", "cognition", "the bridge will open in May"),
    ("Council member Tom Okafor supports the new transit levy.",
     "Council member Tom Okafor", "supports", "stance", "the new transit levy"),
    ("Most farmers in the valley oppose the dam.",
     "Most farmers in the valley", "oppose", "stance", "the dam"),
    ("Ann Ruiz wants to rebuild the harbour wall.",
     "Ann Ruiz", "wants", "intention", "to rebuild the harbour wall"),
    ("The Okafor campaign is seeking an injunction against the council.",
     "The Okafor campaign", "seeking", "intention", "an injunction against the council"),
    ("The Harbour Authority declined to comment on the lawsuit.",
     "The Harbour Authority", "declined", "refusal", "to comment on the lawsuit"),
    ("Tom Okafor refused to say whether he would run again.",
     "Tom Okafor", "refused", "refusal", "to say whether he would run again"),
    ("Ann Ruiz talked about the cost of the new bridge.",
     "Ann Ruiz", "talked about", "topic", "the cost of the new bridge"),
    ("In his speech, Tom Okafor referred to the flood of 1998.",
     "Tom Okafor", "referred to", "topic", "the flood of 1998"),
    # poll shares and documents as sources
    ("Six in 10 voters say the bridge is too expensive.",
     "Six in 10 voters", "say", "neutral", "the bridge is too expensive"),
    ("About 75 percent of Democrats said the levy was fair.",
     "About 75 percent of Democrats", "said", "neutral", "the levy was fair"),
    ("Port Authority records obtained by the Tribune show the ferry ran late 40 times.",
     "Port Authority records", "show", "evidence", "the ferry ran late 40 times"),
    ("The ferry ran late 40 times last year, city records show.",
     "city records", "show", "evidence", "The ferry ran late 40 times last year"),
    ("Ann Ruiz: We will rebuild the bridge before winter.",
     "Ann Ruiz", ":", "neutral", "We will rebuild the bridge before winter"),
]


@pytest.mark.parametrize("text,speaker,cue,category,content", BEYOND_SPEECH)
def test_attribution_beyond_speech(text, speaker, cue, category, content):
    section = quotes(text)
    check_spans(text, section)
    q = only(text)
    assert (q.speaker_text, q.cue, q.cue_category) == (speaker, cue, category)
    assert " | ".join(text[s:e] for s, e in q.parts) == content


# Same words, no attribution: a phrasal verb ("backed away"), a noun ("plans",
# "support"), a label or a tally before a colon. PolNeAR's guidelines ask for a
# source, a cue and content; none of these has all three.
@pytest.mark.parametrize("text", [
    "The senator backed away from the plan on Tuesday.",
    "The mayor's plans were shelved in June.",
    "The plan's support grew after the storm.",
    "Its twin aims of lower fares and faster trains were praised.",
    "CORRECTION: An earlier version of this article misstated the date of the vote.",
    "Delegate Update: The latest count in the council race.",
    "Ann Ruiz: 1,204",
    "Tom Okafor: https://example.org/okafor",
])
def test_same_words_not_used_as_attribution(text):
    assert quotes(text).items == []


def test_nested_belief_is_part_of_the_outer_report():
    text = "Mayor Ann Ruiz told reporters that she thinks the bridge will open in May."
    q = only(text)
    assert (q.cue, q.cue_category) == ("told", "neutral")
    assert text[q.start:q.end] == "that she thinks the bridge will open in May"


def test_stance_is_an_item_but_not_quoted_words():
    text = "Ann Ruiz said the bridge will open in May. Ann Ruiz supports the new levy."
    section, voice = analyze_quotes(Document(text))
    check_spans(text, section)
    cats = sorted(q.cue_category for q in section.items)
    assert cats == ["neutral", "stance"]
    speech = next(q for q in section.items if q.cue_category == "neutral")
    stance = next(q for q in section.items if q.cue_category == "stance")
    (ruiz,) = section.speakers
    assert ruiz.quotes == 2 and ruiz.cue_categories == {"neutral": 1, "stance": 1}
    assert ruiz.words == section.quoted_words == speech.words
    assert [tuple(p) for p in stance.parts][0] not in voice
    assert tuple(speech.parts[0]) in [tuple(v) for v in voice]


# -- speaker grouping: definite descriptions of organisations (Vieira & Poesio 2000) --
GROUPING = [
    # (text, description's speaker text, expected group name, names that must not merge with it)
    ("The works will be late, according to the harbour board's own budget office. The mayor's office rejected "
     "that view on Monday. In a statement, the office said the works were on schedule.",
     "the office", "the mayor's office", ["the harbour board's own budget office"]),
    ("The Kelden Dockworkers' Union called the offer an insult. The Harbour Trust said talks "
     "would go on. The union said it would strike on Friday.",
     "The union", "Kelden Dockworkers' Union", ["Harbour Trust"]),
    ("Officials at the Ministry of Fisheries met on Tuesday. The ministry said quotas would "
     "fall by a tenth next year.",
     "The ministry", "Ministry of Fisheries", []),
    ("The Brannock Trust said sales had fallen. The company said it would close two stores.",
     "The company", "Brannock Trust", []),
    ("The department said the bridge was safe. Later the department said it would close it.",
     "the department", "the department", []),
]


@pytest.mark.parametrize("text,mention,name,apart", GROUPING)
def test_definite_description_groups_with_its_organisation(text, mention, name, apart):
    section = quotes(text)
    check_spans(text, section)
    item = next(q for q in section.items if q.speaker_text == mention)
    assert item.speaker == name
    names = {g.name for g in section.speakers}
    assert name in names
    for other in apart:
        assert other in names and other != name
    group = next(g for g in section.speakers if g.name == name)
    assert group.quotes == sum(1 for q in section.items if q.speaker == name)


HEADLINES = [
    # (text, speaker names that must not appear)
    ("BETRAYED: Kelden bosses pocket millions as jobs go\n\nBy Ann Writer\n\n"
     "Workers said the plant would close. They said they felt cheated.", ["BETRAYED"]),
    ("HARBOUR OF SHAME\n\nThe Harbour Trust said on Monday that the quay was unsafe.",
     ["HARBOUR OF SHAME"]),
    ("The Quiet Column: Notes From the Back Benches, #4.\n\nIn our last letter we wrote "
     "about the budget. The mayor said it was balanced.", ["The Quiet Column"]),
]


@pytest.mark.parametrize("text,banned", HEADLINES)
def test_headline_and_kicker_lines_are_not_speakers(text, banned):
    section = quotes(text)
    check_spans(text, section)
    names = {g.name for g in section.speakers} | {q.speaker_text for q in section.items}
    for b in banned:
        assert b not in names
    assert section.items  # the body's attributions are still found


def test_headline_that_reports_speech_keeps_its_named_speaker():
    text = ("Ann Ruiz: Valmora Needs a Bigger Harbour\n\nThe councillor spoke on Monday. "
            "She said the plan was overdue.")
    items = quotes(text).items
    assert any(q.speaker == "Ann Ruiz" and q.cue == ":" for q in items)


def test_quote_after_a_colon_in_the_subjects_sentence():
    text = ("Mayor Piet Vos did not hold back: “These cranes are older than I am.” "
            "The port closed at noon.")
    q = only(text)
    assert q.speaker == "Piet Vos" and q.cue == ":"
    assert q.parts == [[text.index("“These"), text.index(" The port")]]


def test_named_subject_before_a_colon_speaks_the_next_sentence_quote():
    text = "Ruiz put it bluntly:\n“The contracts were never audited.”"
    q = only(text)
    assert q.speaker == "Ruiz" and q.pattern == "colon"
    assert text[q.speaker_start:q.speaker_end] == "Ruiz"


def test_unclaimed_quote_after_an_indirect_quote_in_the_paragraph():
    text = ("Ana Silva defended the plan, saying the city had no other choice. "
            "Critics disagreed. “We will appeal every one of these decisions.”")
    items = quotes(text).items
    last = items[-1]
    assert last.parts == [[text.index("“We"), len(text)]]
    assert last.speaker == "Ana Silva" and last.pattern == "floating"
    assert last.confidence < 0.7


def test_inverted_speaker_with_an_affiliation():
    text = "“We are ready,” said Ana Silva of the Lisbon dockers union."
    q = only(text)
    assert q.speaker == "Ana Silva" and q.parts == [[0, text.index(" said")]]


def test_title_after_the_cue_is_no_second_part():
    text = ("“We will publish the contracts,” Ruiz said during an interview on “Morning Talk” "
            "on Sunday. “Every single one of them.”")
    q = only(text)
    assert q.speaker == "Ruiz" and q.pattern == "quote-cue"
    assert q.parts == [[0, text.index(" Ruiz")], [text.index("“Every"), len(text)]]


def test_continuation_after_a_no_break_space():
    text = "“The vote was rigged,” she wrote.\xa0“We will ask for a recount.”"
    q = only(text)
    assert q.speaker_text == "she" and len(q.parts) == 2


def test_relative_clause_cue_inside_the_speakers_apposition():
    text = "Silva, who has endorsed Reis, said the port will reopen."
    items = quotes(text).items
    assert [(q.cue, q.text) for q in items] == [("endorsed", "Reis"), ("said", "the port will reopen")]
    assert all(q.speaker == "Silva" for q in items)


def test_capitalised_cue_in_a_title_case_headline():
    text = "Ana Silva Says Port Will Reopen In May.\n\nThe strike ended on Monday."
    q = only(text)
    assert q.speaker == "Ana Silva" and q.cue == "Says"
    assert q.text == "Port Will Reopen In May"


def test_capitalised_word_in_body_text_is_no_cue():
    text = "The strike ended on Monday at the Says Bar, where Ana Silva drank coffee."
    assert quotes(text).items == []


def test_sentence_opening_common_word_is_no_speaker():
    text = ("The council voted on Monday. Indeed, “the harbour will stay closed for a month” "
            "was all the statement said. Ruiz wrote that the vote was, indeed, final.")
    for q in quotes(text).items:
        assert q.speaker_text != "Indeed"


def test_name_that_also_opens_sentences_stays_a_speaker():
    text = ("Ruiz said the port will reopen. Officials met Ruiz on Monday. "
            "Ruiz said the vote was final.")
    assert [q.speaker for q in quotes(text).items] == ["Ruiz", "Ruiz"]


def test_colon_after_a_common_word_is_no_attribution():
    text = "Question: what will the port do now? The question was left open.\n\nThe port stayed shut."
    assert all(q.speaker_text != "Question" for q in quotes(text).items)


def test_opening_asked_phrase_is_the_question_put():
    text = "Asked whether the port would reopen, Ruiz said it would not."
    items = quotes(text).items
    assert [(q.cue, q.speaker, q.text) for q in items] == [
        ("Asked", None, "whether the port would reopen"),
        ("said", "Ruiz", "it would not")]


def test_opening_asked_phrase_ends_before_the_answer_in_a_quote():
    text = "When asked if Ruiz was “ready to serve,” 59 percent said yes."
    first, second = quotes(text).items
    assert first.cue == "asked" and first.parts == [[text.index("if"), text.index(" 59")]]
    assert second.speaker_text == "59 percent" and second.text == "yes"


def test_passive_asked_is_no_opening_phrase():
    assert quotes("He was asked about the vote.").items == []


@pytest.mark.parametrize("text, content", [
    ("Ruiz called him a political opportunist.", "him a political opportunist"),
    ("Silva called Reis divisive.", "Reis divisive"),
])
def test_call_with_an_object_and_its_complement(text, content):
    q = only(text)
    assert q.cue == "called" and q.text == content


@pytest.mark.parametrize("text", [
    "Ruiz called him on Monday.", "Ruiz called the police.", "Ruiz called him back.",
    "Ruiz called Reis yesterday.",
])
def test_call_without_a_complement_is_no_quote(text):
    assert quotes(text).items == []


def test_name_ending_in_ly_is_no_opening_adverb():
    q = only("Kelly responded pointedly, with a smile: “Can happen to anyone.”")
    assert q.speaker == "Kelly" and q.cue == ":"


def test_colon_quote_goes_to_the_nearest_name_when_the_subject_is_no_speaker():
    text = "The timing of the strike does not surprise pollster Ana Silva: “Strikes come in spring.”"
    q = only(text)
    assert q.speaker == "Ana Silva" and q.pattern == "colon"


def test_colon_quote_in_the_next_paragraph_after_a_dash_clause():
    text = ("When the panel turned to the budget — and it did — Ruiz called them on it:\n\n"
            "“These questions show why nobody trusts this panel.”\n\nThe hearing ended at noon.")
    q = only(text)
    assert q.speaker == "Ruiz"


def test_column_label_before_a_headline_cue_is_no_speaker():
    text = "The Latest: Ruiz tells voters she is with them.\n\nThe port reopened on Monday."
    q = only(text)
    assert q.speaker == "Ruiz" and q.cue == "tells" and q.text == "she is with them"


def test_quote_after_an_opening_but_continues_the_attribution():
    text = "“I do not think it matters,” Ruiz said outside the hall. But “the vote will be close.”"
    q = only(text)
    assert q.speaker == "Ruiz" and q.parts[-1] == [text.index("“the"), len(text)]


@pytest.mark.parametrize("text, speaker, content", [
    ("Voters backing the mayor were happy.", "Voters", "the mayor"),
    ("The union supporting Silva spent millions on the campaign.", "The union", "Silva"),
])
def test_stance_participle_as_a_reduced_relative(text, speaker, content):
    q = only(text)
    assert q.speaker_text == speaker and q.text == content and q.cue_category == "stance"


def test_ing_noun_after_a_determiner_is_still_no_cue():
    assert quotes("The backing of the union came late.").items == []
