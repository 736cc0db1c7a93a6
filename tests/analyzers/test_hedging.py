"""The hedging analyzer: cue lists for sentences written for these tests."""
from __future__ import annotations

from itertools import pairwise

import pytest

import framing
from framing import Document
from framing.analyzers import Context
from framing.analyzers.hedging import analyzer as hedging
from framing.analyzers.hedging.analyzer import ANALYZER, CATEGORIES, cue_index, run
from framing.errors import LexiconError


def cues(text: str) -> list[tuple[str, str]]:
    section = run(Context.for_document(Document(text)))
    for item in section.items:
        assert text[item.start:item.end] == item.text
    return [(item.text, item.kind) for item in section.items]


H, B = "hedge", "booster"

CASES = [
    # modal auxiliaries
    ("The council may delay the vote.", [("may", H)]),
    ("The storm might reach the coast tonight.", [("might", H)]),
    ("The ruling could change the market.", [("could", H)]),
    # May the month and the name
    ("The vote was held on May 5.", []),
    ("The plant closed in May and reopened in June.", []),
    ("Sales fell in April and May.", []),
    ("Since May the price has doubled.", []),
    ("Talks stalled last May, and again in early May.", []),
    ("Prime Minister Theresa May spoke to reporters.", []),
    ("May 12 is the deadline.", []),
    ("Prices May Rise After the Vote", [("May", H)]),
    ("May I add one more point?", [("May", H)]),
    ("Officials said the talks may resume in May.", [("may", H)]),
    # might the noun
    ("The parade showed off the country's military might.", []),
    ("The team pushed with all its might.", []),
    ("That might upset the farmers.", [("might", H)]),
    # negated ability
    ("The driver could not see the sign.", []),
    ("She couldn't reach the mayor.", []),
    ("He cannot vote in this election.", []),
    ("The minister could n't be reached.", []),
    # would
    ("The bill would raise taxes on fuel.", []),  # hypothetical: the writer is committed
    ("Officials said the plan would cost millions.", []),
    ("The mayor told reporters that the bridge would open in spring.", []),
    ("The report says the tax would hurt small firms.", []),
    ("I would say the plan is sound.", [("would", H)]),
    ("It would seem the ferry is late.", [("would", H), ("seem", H)]),
    ("I would like to thank the volunteers.", []),
    ("I'd argue the law is unfair.", [("I'd", H)]),
    ("She'd left before the vote.", []),
    ("I'd think twice about it.", [("I'd", H)]),
    ("I'd think the plan works.", [("I'd", H), ("think", H)]),
    ("He said: “It would be a mistake.”", []),
    # will and should are not cues
    ("The bridge will open next week.", []),
    ("The government should act now.", []),
    ("Voters can register online.", []),
    # appear
    ("The senator will appear in court on Monday.", []),
    ("She appeared on television last night.", []),
    ("The chief executive appeared before the committee.", []),
    ("Fans gathered where the singer appeared at noon.", []),
    ("The defendant failed to appear.", []),
    ("The plan appears to have failed.", [("appears", H)]),
    ("It appears that nobody read the report.", [("appears", H)]),
    ("The minister appeared nervous during the debate.", [("appeared", H)]),
    ("The leak would appear to confirm the claim.", [("would", H), ("appear", H)]),
    # about / around only before quantities
    ("They talked about the budget for an hour.", []),
    ("About 300 people attended the rally.", [("About", H)]),
    ("Around noon the crowd grew.", [("Around", H)]),
    ("Troops were deployed around the capital.", []),
    ("The repairs cost about $5 million.", [("about", H)]),
    ("About half of the voters stayed home.", [("About", H)]),
    ("Prices rose by around a third.", [("around", H)]),
    ("Some 40% of residents lost power.", [("Some", H)]),
    ("Some residents lost power.", []),
    ("Nearly 200 homes were flooded.", [("Nearly", H)]),
    ("The project is nearly finished.", []),
    ("The crowd numbered 20 or so.", [("or so", H)]),
    ("The vote took roughly two hours.", [("roughly", H), ]),
    ("An estimated 3,000 people marched.", [("An estimated", H)]),
    # negated boosters
    ("It is not clear whether the minister knew.", [("not clear", H)]),
    ("It is clear that the minister knew.", [("clear", B)]),
    ("It was not immediately clear how many were hurt.", [("not immediately clear", H)]),
    ("It isn't clear who paid.", [("isn't clear", H)]),
    ("It was never clear to anyone why the ferry stopped.", [("never clear", H)]),
    ("The rules were never clear to anyone.", []),  # a fact about the rules
    ("There was no clear winner.", []),
    ("It is far from certain that the dam will hold.", [("far from certain", H)]),
    ("The outlook for the harbour remains uncertain.", []),  # a topic, not a hedge
    ("Farmers face an uncertain winter.", []),
    ("I'm not sure the bridge can wait.", [("not sure", H)]),
    ("Investigators are not certain what caused the fire.", []),  # reports their doubt
    ("I'm not sure the plan works.", [("not sure", H)]),
    ("The data do not clearly support the claim.", []),
    ("The study did not show that the drug works.", []),
    # certain, sure
    ("A certain number of seats remain empty.", []),
    ("Certain officials opposed the deal.", []),
    ("The mayor is certain that the plan will pass.", []),  # reports the mayor's certainty
    ("She was absolutely certain of the result.", []),  # reports her certainty
    ("I am absolutely certain of the result.", [("certain", B)]),
    ("The vote is certain to pass.", [("certain", B)]),
    ("Make sure you vote early.", []),
    ("We are sure the count is right.", [("sure", B)]),
    # convinced: the writer's or speaker's conviction, not a report of another's
    ("The councillor is convinced the bridge will hold.", []),
    ("Residents are firmly convinced that the levy is unfair.", []),
    ("We are firmly convinced that the levy is unfair.", [("convinced", B)]),
    ("I remain deeply convinced the bridge will hold.", [("convinced", B)]),
    ("Rain convinced the organisers to cancel.", []),  # the verb
    ("Why was Ostrander so convinced that the vote was rigged?", []),  # inverted report
    ("Are you sure the count is right?", []),  # asks; commits no one
    ("Investors became increasingly confident.", []),  # a lexical linking verb's subject
    ("Officials seem convinced that the levy works.", [("seem", H)]),
    ("I feel confident the levy works.", [("confident", B)]),
    ("The minister made clear that no deal was near.", []),  # an attribution cue
    ("His refusal makes it clear that the deal is dead.", [("makes it clear", B)]),
    ("I want to make it clear that we will stay.", [("make it clear", B)]),
    # think / believe / guess as stance verbs
    ("I think the plan will fail.", [("think", H)]),
    ("Experts believe the virus spread quickly.", []),  # a belief report
    ("Those who think we should leave are wrong.", []),
    ("I believe the virus spread quickly.", [("believe", H)]),
    ("We don't think the figures add up.", [("think", H)]),
    ("The figures, I think, are too high.", [("think", H)]),
    ("What do you think?", []),
    ("Think about the consequences.", []),
    ("She believes in second chances.", []),
    ("It is hard to believe the figures.", []),
    ("I can't believe he won.", []),
    ("The thought of defeat worried him.", []),
    ("I guess the numbers were wrong.", [("guess", H)]),
    ("The plan was built on wishful thinking.", []),
    ("I was thinking that the vote would fail.", [("thinking", H)]),
    # attribution
    ("The minister reportedly resigned on Friday.", [("reportedly", H)]),
    ("The company allegedly hid the losses.", [("allegedly", H)]),
    ("He is said to be furious.", [("is said to", H)]),
    ("The ship is believed to have sunk.", [("is believed to", H)]),
    ("It is widely believed that the deal collapsed.", [("It is widely believed", H)]),
    ("It is reported that the talks broke down.", [("It is reported that", H)]),
    ("The envoy is understood to have left.", [("is understood to", H)]),
    ("The deal is close, sources say.", [("sources say", H)]),
    ("The deal is close, according to sources.", [("according to sources", H)]),
    ("The deal is close, according to the mayor.", []),
    ("The alleged fraud cost investors dearly.", [("alleged", H)]),
    ("The suspected gunman fled the scene.", [("suspected", H)]),
    ("The suspect was arrested at the border.", []),
    ("Police suspect arson.", []),
    ("I suspect arson.", [("suspect", H)]),
    ("He claimed that the vote was rigged.", [("claimed", H)]),
    ("The supposed victim later recanted.", [("supposed", H)]),
    ("The train was supposed to leave at six.", []),
    # epistemic verbs, adverbs, adjectives, nouns, inflections
    ("The results suggest a link.", [("suggest", H)]),
    ("The poll suggests a tight race.", [("suggests", H)]),
    ("Early data suggested a decline.", [("suggested", H)]),
    ("The evidence, suggesting fraud, was sealed.", [("suggesting", H)]),
    ("The leak indicates a cover-up.", [("indicates", H)]),
    ("The plan seems unlikely to pass.", [("seems", H), ("unlikely", H)]),
    ("Perhaps the talks will resume.", [("Perhaps", H)]),
    ("The fire was probably caused by a cigarette.", [("probably", H)]),
    ("A possible motive was revenge.", [("possible", H)]),
    ("Call as soon as possible.", []),
    ("It is possible that the files were lost.", [("possible", H)]),
    ("The possibility of a strike remains.", []),
    ("It remains to be seen whether voters agree.", [("remains to be seen", H)]),
    ("The vote is expected to pass.", [("expected", H)]),
    ("Turnout was higher than expected.", []),
    ("Turnout was higher than we expected.", []),
    ("The apparent suicide shocked the town.", [("apparent", H)]),
    ("It soon became apparent that the funds were gone.", []),
    ("Analysts expect a rate cut.", []),
    ("We expect a rate cut.", [("expect", H)]),
    ("The general assumed office in March.", []),
    ("Prices tend to rise in winter.", [("tend to", H)]),
    ("Prices usually rise in winter.", [("usually", H)]),
    ("It was kind of strange.", [("kind of", H)]),
    ("This kind of car is rare.", []),
    ("In my view, the ruling is wrong.", [("In my view", H)]),
    # boosters
    ("The results clearly show that the drug works.", [("clearly", B)]),  # a source reports
    ("His silence shows that he knew.", [("shows that", B)]),
    ("The figures show a decline.", []),
    ("The vote was, of course, a formality.", [("of course", B)]),
    ("The ship made a change of course.", []),
    ("In fact, the budget grew.", [("In fact", B)]),
    ("The plan will undoubtedly face a challenge.", [("undoubtedly", B)]),
    ("There is no doubt that he won.", [("no doubt", B)]),
    ("Without a doubt, it was the worst storm.", [("Without a doubt", B)]),
    ("The data demonstrate that costs rose.", [("demonstrate", B)]),
    ("Protesters demonstrated outside parliament.", []),
    ("The audit proved that the money was spent.", []),
    ("That refusal proved that the board was split.", [("proved that", B)]),
    ("The effort proved difficult.", []),
    ("He must have known about the leak.", [("must have", B)]),
    ("Drivers must have a licence.", []),
    ("Obviously, the mayor disagreed.", [("Obviously", B)]),
    ("Indeed, the vote was close.", [("Indeed", B)]),
    ("The mayor certainly knew.", [("certainly", B)]),
    ("The team will definitely return.", [("definitely", B)]),
    ("Surely the council will act.", [("Surely", B)]),
    # mixed and overlapping
    # linking-verb boosters
    ("The answer remains perfectly clear.", [("clear", B)]),
    ("It became crystal clear that the dam leaked.", [("crystal clear", B)]),
    ("The answer seems obvious to the mayor.", [("seems", H), ("obvious", B)]),
    ("The council won a clear majority.", []),
    ("The rules need to be clear.", []),
    ("The road was clear of snow by noon.", []),
    # really: emphatic in questions and before be/do, not the degree word
    ("Do we really need a second bridge?", [("really", B)]),
    ("The storm really was the worst in years.", [("really", B)]),
    ("The soup was really good.", []),
    ("The ferry is not really late.", [("not really", H)]),
    # approximators before numbers and quantifiers
    ("The bridge took nearly ten years to build.", [("nearly", H)]),
    ("More than 200 people signed the letter.", [("More than", H)]),
    ("At least six towns voted no.", [("At least", H)]),
    ("Nearly all of the mayors agreed.", [("Nearly", H)]),
    ("Prices more than doubled.", []),
    ("The survey polled likely voters in the county.", []),
    # needless to say and other phrasal boosters
    ("Needless to say, the plan failed.", [("Needless to say", B)]),
    ("To be clear, the mayor will run.", [("To be clear", B)]),
    # suggest: evidence vs a person's speech act or proposal
    ("The figures suggest the ferry is losing money.", [("suggest", H)]),
    ("The mayor suggested that the council should meet on Friday.", []),
    ("The story was less dramatic than he suggested.", []),
    # topic nouns
    ("Uncertainty over the budget hit the shares.", []),
    ("There is speculation that the chief will resign.", [("speculation", H)]),
    ("Slowly but surely, the river rose.", []),
    ("The president left no doubt about his plans.", []),
    ("There is no doubt about his plans.", [("no doubt", B)]),
    (("The minister may well have known, and it is clear that the leak reportedly "
      "came from about 12 staff."),
     [("may", H), ("clear", B), ("reportedly", H), ("about", H)]),
    # tentative would needs the speaker's own (or a generic) subject
    ("If fares rose, they'd think twice about the trip.", []),
    ("Critics would argue the levy is too high.", []),
    ("Logic would suggest that the levy fails.", [("would", H), ("suggest", H)]),
    ("You would think the bridge was finished.", [("would", H)]),
    # deontic and concessive may
    ("Under the charter, no part of the fund may be spent on travel.", []),
    ("The ferry may carry more cars, but its crew is smaller.", []),
    ("The ferry may carry more cars next year.", [("may", H)]),
    # could of ability: a negative indefinite, a comparison
    ("The storm was not something the town could plan for.", []),
    ("The mill paid more than the farm could ever pay.", []),
    ("It was less a relief than a burden that could hurt growth.", [("could", H)]),
    # evidential verbs without a complement; with a comma before "that"
    ("The term, with everything that word implies, stuck.", []),
    ("The tallies suggest, however, that turnout fell.", [("suggest", H)]),
    ("The race is tied, the new tally indicates.", [("indicates", H)]),
    # a source noun before a reduced relative: attribution, not the writer's booster
    ("An audit released in March found that the fund was short.", []),
    ("A memo from the mayor to staff surfaced Monday showing that the plan had stalled.", []),
    ("His silence shows that the plan has stalled.", [("shows that", B)]),
    ("She spoke for an hour, seeking to show that the levy had failed.", []),
    ("The analysts discussed the possibility of a crash.", []),
    ("There is a possibility that the levy fails.", [("possibility", H)]),
    # a bare "Really?" is disbelief; manner "roughly"; predicative "a kind of"
    ("The host leaned in and asked, “Really?”", []),
    ("The guard roughly pushed the door open.", []),
    ("The fire burned roughly 300 acres.", [("roughly", H)]),
    ("The outcome is a kind of truce between the parties.", [("kind of", H)]),
    ("A new kind of ferry docked.", []),
    # "claim" the verb before its content, spanned alone; "claimed victory" is not
    ("Rivals are claiming they may win the seat.", [("claiming", H), ("may", H)]),
    ("The mayor claimed victory on Sunday.", []),
    ("Delays will inevitably follow.", [("inevitably", B)]),
    ("You can bet the council will object.", [("You can bet", B)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_cues(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize("text,expected_voices", [
    ("“The plan may fail,” she said.", ["quoted"]),
    ("The plan may fail. Nobody disputes that.", ["author"]),
    ("Perhaps the vote will pass. “It clearly will,” the mayor said.", ["author", "quoted"]),
    # a state-of-mind adjective before "that": the thinker's voice
    ("The chief was aware, however, that the move could cost votes.", ["quoted"]),
    ("I am aware that the move could cost votes.", ["author"]),
])
def test_voice(text, expected_voices):
    section = framing.analyze(text).hedging
    assert [i.voice for i in section.items] == expected_voices


def test_section_counts_and_rates():
    text = ("The plan may fail. Officials reportedly disagree. It is clear that costs rose. "
            "“Perhaps,” she said.")
    section = framing.analyze(text).hedging
    words = Document(text).words
    assert section.hedges == 3 and section.boosters == 1
    assert section.hedges_per_1k_words == round(1000 * 3 / words, 3)
    assert section.boosters_per_1k_words == round(1000 * 1 / words, 3)
    assert section.by_category == {"adverb": 1, "attribution": 1, "booster_adjective": 1,
                                   "modal_auxiliary": 1}
    assert section.by_voice == {"author": {"hedge": 2, "booster": 1},
                                "quoted": {"hedge": 1, "booster": 0}}


def test_items_carry_cue_category_and_sentence():
    text = "Nothing here. The study suggested a link, sources said."
    items = framing.analyze(text).hedging.items
    assert [(i.cue, i.category) for i in items] == [("suggest", "epistemic_verb"),
                                                    ("sources say", "attribution")]
    for item in items:
        assert text[item.sentence_start:item.sentence_end] == \
            "The study suggested a link, sources said."
        assert item.sentence_start <= item.start < item.end <= item.sentence_end


def test_items_sorted_and_not_overlapping():
    text = ("It is widely believed that the ship is believed to have sunk, and it is not "
            "immediately clear whether about 40 crew may have survived. " * 3)
    items = framing.analyze(text).hedging.items
    assert [i.start for i in items] == sorted(i.start for i in items)
    for a, b in pairwise(items):
        assert a.end <= b.start
    assert all(text[i.start:i.end] == i.text for i in items)


def test_curly_apostrophes():
    assert cues("It isn’t clear who won. She couldn’t say.") == [("isn’t clear", H)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "..."])
def test_empty_text(text):
    section = framing.analyze(text).hedging
    assert section.items == [] and section.hedges == 0 and section.boosters == 0
    assert section.hedges_per_1k_words is None and section.boosters_per_1k_words is None


def test_analyzer_is_registered():
    assert ANALYZER.name == "hedging" and ANALYZER.description
    assert framing.analyze("It may rain.").hedging.hedges == 1


def test_lexicon_loads_with_valid_categories():
    index = cue_index()
    assert index, "empty cue index"
    for first, candidates in index.items():
        lengths = [len(c.tokens) for c in candidates]
        assert lengths == sorted(lengths, reverse=True)
        for c in candidates:
            assert c.tokens[0] == first and c.category in CATEGORIES[c.kind]


def test_bad_macro_names_the_valid_ones():
    with pytest.raises(LexiconError, match=r"\{be\}"):
        hedging._expand("{bogus} clear", "test")
