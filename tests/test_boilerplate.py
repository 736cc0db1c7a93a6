"""Lines that are not article prose are excluded once, in Document
(framing/text/segment.boilerplate, lexicons/boilerplate.tsv). Texts are ours."""
from framing import analyze
from framing.document import Document

STORY = (
    "By Mara Olsen and Tomas Berg\n\n"
    "PORTHAVEN (Reuters) - The harbour council voted on Tuesday to close the ferry pier.\n\n"
    "Advertisement\n\n"
    "Residents said they had not been consulted, and the council's chair, Ines Walcott, "
    "promised a second hearing.\n\n"
    "(Reporting by Mara Olsen; Editing by Tomas Berg)\n\n"
    "Mara Olsen is a columnist for The Harbour Post. Follow her on Twitter @maraolsen."
)


def kinds(text):
    doc = Document(text)
    return doc, [(x.kind, text[x.start:x.end]) for x in doc.excluded]


def test_byline_dateline_advert_credit_and_contact_trailer_are_excluded():
    doc, found = kinds(STORY)
    assert ("byline", "By Mara Olsen and Tomas Berg") in found
    assert ("dateline", "PORTHAVEN (Reuters) -") in found
    assert ("advertisement", "Advertisement") in found
    assert ("credit", "(Reporting by Mara Olsen; Editing by Tomas Berg)") in found
    assert ("bio", "Mara Olsen is a columnist for The Harbour Post. "
                   "Follow her on Twitter @maraolsen.") in found
    prose = " ".join(STORY[s.start:s.end] for s in doc.sentences)
    assert "@maraolsen" not in prose and "Reporting by" not in prose
    assert "The harbour council voted on Tuesday" in prose
    # every exclusion is reported as a warning naming its offsets
    assert sum("not article prose" in w for w in doc.warnings) == len(found)


def _spans(obj):
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            yield obj["start"], obj["end"]
        for v in obj.values():
            yield from _spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _spans(v)


def test_excluded_text_never_reaches_the_analyzers():
    doc = Document(STORY)
    spans = list(_spans(analyze(STORY).to_dict()))
    assert spans, "the analyzers found nothing: the check checked nothing"
    for start, end in spans:
        for x in doc.excluded:
            assert end <= x.start or start >= x.end, (STORY[start:end], x.kind)


def test_a_last_line_that_quotes_a_tweet_is_kept():
    text = ("The council closed the pier.\n\n"
            "The mayor replied on Twitter: \"Follow the money, @harbourpost.\"")
    _, found = kinds(text)
    assert found == []


def test_the_contact_rule_applies_to_the_last_line_only():
    text = ("Send your questions to the desk at tips@harbourpost.example, the editor wrote "
            "in a note that ran beside the story about the pier.\n\n"
            "The council closed the pier on Tuesday.")
    _, found = kinds(text)
    assert found == []


def test_hard_wrapped_prose_is_never_cut():
    text = ("The council said it would\n"
            "Advertisement the changes next week, officials\n"
            "said on Tuesday.")
    _, found = kinds(text)
    assert all(kind != "advertisement" for kind, _ in found)


def test_an_all_capitals_line_inside_the_text_is_display_text_not_prose():
    text = ("HARBOUR COUNCIL SAYS FERRY PIER WILL CLOSE\n\n"
            "The council voted on Tuesday to close the pier.\n\n"
            "MAYOR SAYS NEW BRIDGE WILL OPEN IN MAY\n\n"
            "WILL THE FERRY EVER RETURN TO THE HARBOUR?\n\n"
            "Residents said the pier had served them for decades.\n\n"
            "SAVE OUR PIER NOW, SAVE OUR TOWN!\n\n"
            "The vote was seven to two.")
    doc, found = kinds(text)
    assert found == [("display", "MAYOR SAYS NEW BRIDGE WILL OPEN IN MAY")]
    # the headline (first line), a question and a shouted slogan stay prose
    report = analyze(text)
    assert [q.text for q in report.questions.items] == ["WILL THE FERRY EVER RETURN TO THE HARBOUR?"]
    # another article's headline reports no speech in this one
    assert not any("BRIDGE" in text[q.start:q.end] for q in report.quotes.items)
