"""User lexicons (``--lexicon NAME=FILE``): one override layer under every
analyzer, extending or replacing the shipped lists in their own format."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicons import merge_rows, set_overrides

ROOT = Path(__file__).resolve().parents[2]
HEDGE_HEADER = "cue\tkind\tcategory\tforms\trule\tnote"
TEXT = 'The plan is ostensibly cheap, the mayor opined. It is undeniably late.\n'


def _run(tmp_path, *args):
    art = tmp_path / "a.txt"
    art.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "framing", "analyze", str(art), "-f", "json",
                           "--fast", *args], capture_output=True, text=True, env=env)


def _files(tmp_path):
    hedges = tmp_path / "hedges.tsv"
    hedges.write_text(f"# domain hedges\n{HEDGE_HEADER}\n"
                      "ostensibly\thedge\tadverb\t-\t-\tour domain\n", encoding="utf-8")
    cues = tmp_path / "cues.tsv"
    cues.write_text("lemma\tcategory\tframe\tforms\nopine\tneutral\tspeech\t"
                    "opine,opines,opined,opining\n", encoding="utf-8")
    return hedges, cues


def test_extend_hedges_and_cue_verbs(tmp_path):
    hedges, cues = _files(tmp_path)
    plain = json.loads(_run(tmp_path).stdout)
    res = _run(tmp_path, "--lexicon", f"hedges={hedges}", "--lexicon", f"cue_verbs={cues}")
    assert res.returncode == 0, res.stderr
    rep = json.loads(res.stdout)
    cues_of = [h["text"] for h in rep["hedging"]["items"]]
    assert "ostensibly" in cues_of and "ostensibly" not in [h["text"] for h in
                                                          plain["hedging"]["items"]]
    assert "undeniably" in cues_of  # the shipped boosters stay
    for h in rep["hedging"]["items"]:
        assert TEXT[h["start"]:h["end"]] == h["text"]
    said = [q for q in rep["quotes"]["items"] if q["cue"] == "opined"]
    assert said and said[0]["speaker"] == "the mayor"
    assert not [q for q in plain["quotes"]["items"] if q["cue"] == "opined"]


def test_replace_drops_the_shipped_entries_of_that_kind_only(tmp_path):
    hedges, _ = _files(tmp_path)
    rep = json.loads(_run(tmp_path, "--lexicon", f"hedges:replace={hedges}").stdout)
    kinds = {h["text"]: h["kind"] for h in rep["hedging"]["items"]}
    assert kinds == {"ostensibly": "hedge", "undeniably": "booster"}


def test_bad_lexicon_files_are_errors_naming_the_file(tmp_path):
    hedges, _ = _files(tmp_path)
    res = _run(tmp_path, "--lexicon", f"boosters={hedges}")
    assert res.returncode == 1 and str(hedges) in res.stderr and "booster entries" in res.stderr
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("cue\tkind\nfoo\thedge\n", encoding="utf-8")
    res = _run(tmp_path, "--lexicon", f"hedges={wrong}")
    assert res.returncode == 1 and "header" in res.stderr and "Traceback" not in res.stderr
    res = _run(tmp_path, "--lexicon", f"adjectives={hedges}")
    assert res.returncode == 1 and "no such list" in res.stderr
    res = _run(tmp_path, "--lexicon", "hedges")
    assert res.returncode == 2
    bad_cat = tmp_path / "cat.tsv"
    bad_cat.write_text(f"{HEDGE_HEADER}\nfoo\thedge\tnonsense\t-\t-\tx\n", encoding="utf-8")
    res = _run(tmp_path, "--lexicon", f"hedges={bad_cat}")
    assert res.returncode == 1 and "nonsense" in res.stderr and "Traceback" not in res.stderr


def test_merge_rows_extends_replaces_and_keeps_order():
    shipped = [{"cue": "may", "kind": "hedge", "n": "1"}, {"cue": "clearly", "kind": "booster",
                                                          "n": "2"}]
    user = [{"cue": "May", "kind": "hedge", "n": "u"}, {"cue": "new", "kind": "hedge", "n": "3"}]
    out = merge_rows(shipped, user, ("cue", "kind"), "extend")
    assert [r["n"] for r in out] == ["u", "2", "3"]
    out = merge_rows(shipped, user, ("cue", "kind"), "replace", ("kind", "hedge"))
    assert [r["n"] for r in out] == ["2", "u", "3"]
    assert merge_rows(shipped, user, ("cue", "kind"), "replace") == user


def test_overrides_after_a_list_was_read_are_refused(tmp_path):
    import framing

    framing.analyze("It may rain.", analyzers=["hedging"])  # hedges.tsv is read now
    hedges, _ = _files(tmp_path)
    with pytest.raises(LexiconError, match="already read"):
        set_overrides([("hedges", hedges)])
