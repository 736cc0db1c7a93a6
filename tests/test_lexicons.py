"""The shipped lexicons: every file names its source, named lists and shared
accessors select what the rules read, and the shared lists are read through
one accessor each (no analyzer keeps its own copy)."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicons import load_lists, load_table, word_list, word_tuple
from framing.lexicons.shared import (calendar_words, determiners, given_names, negators,
                                     pronoun_gender, pronouns, reporting_verbs)

LEXICONS = resources.files("framing.lexicons")
PACKAGE = Path(__file__).resolve().parent.parent / "framing"


def _data_files():
    return sorted(p for p in LEXICONS.iterdir() if p.name.endswith((".tsv", ".txt")))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_every_lexicon_opens_with_a_comment_naming_its_source(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# "), path.name


def test_named_lists_keep_their_order_and_case():
    lists = load_lists("actor_words.tsv")
    assert lists["noun_suffixes"][0] == "tion"
    assert word_tuple("actor_words.tsv", "noun_suffixes") == lists["noun_suffixes"]
    assert word_list("actor_words.tsv", "saints") == frozenset(lists["saints"])


def test_an_unknown_list_is_a_lexicon_error():
    with pytest.raises(LexiconError, match="no list 'nope'"):
        word_list("quote_words.tsv", "nope")
    with pytest.raises(LexiconError, match="no subset"):
        reporting_verbs("nope")


def test_pronouns_are_selected_by_their_features():
    assert pronouns(person="3", gender="m") == {"he", "him", "his", "himself"}
    assert pronouns(gender="n", case="det") == {"its"}
    assert pronoun_gender(person="3", case="subj") == {"he": "m", "she": "f", "they": "p", "it": "n"}
    assert "whom" in pronouns() and "whom" not in pronouns(person=("1", "2", "3"), case="obj")


def test_determiners_and_calendar_words():
    assert determiners("article") == {"a", "an", "the"}
    assert "this" in determiners("demonstrative_near") and "this" not in determiners("article")
    assert len(calendar_words("weekday")) == 7 and len(calendar_words("month")) == 12
    assert "not" in negators() and "nobody" in negators()


def test_reporting_verb_subsets_are_forms_of_the_cue_verb_lexicon():
    forms = set()
    for row in load_table("cue_verbs.tsv"):
        for form in row["forms"].split(","):
            words = form.strip().lower().split()
            if words:
                forms.add(words[0])  # "according" opens "according to"
    for row in load_table("reporting_verbs.tsv"):
        assert row["word"] in forms, row["word"]
    assert reporting_verbs("said") == {"said", "says"}
    assert reporting_verbs("said") <= reporting_verbs("name_context")


def test_given_names_have_a_gender():
    names = given_names()
    assert names and set(names.values()) <= {"m", "f"}


SHARED_FILES = ("pronouns.tsv", "determiners.tsv", "reporting_verbs.tsv", "negators.txt",
                "calendar.tsv", "given_names.tsv")


def test_shared_lists_are_read_only_through_their_accessor():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "shared.py" and path.parent.name == "lexicons":
            continue
        src = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(PACKAGE)}: {name}" for name in SHARED_FILES
                      if re.search(r"['\"]" + re.escape(name) + r"['\"]", src)]
    assert offenders == []
