"""Actors merged under one name within an article and across a corpus, and
sides from an actors file, in ``framing compare`` (issue 15). Names ours."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.compare.actor_names import corpus_names, merge_article, normal
from framing.compare.comparer import compare

from .test_compare import OUTLETS, _line


def _actor(name, score, mentions=1, type="person", group=None, source="detected"):
    return {"name": name, "type": type, "score": score, "mentions": [{}] * mentions,
            "group": group, "source": source}


@pytest.mark.parametrize("raw, want", [
    ("Ines  M. Okafor", "Ines Okafor"), ("Okafor", "Okafor"), ("Ines Okafor", "Ines Okafor"),
    ("A. Okafor", "A. Okafor"),  # an initial that opens the name is part of it
])
def test_normal_form_drops_middle_initials_and_extra_space(raw, want):
    assert normal(raw) == want


def test_a_surname_joins_the_articles_full_name_with_a_mention_weighted_score():
    merged = merge_article([("Ines Okafor", "person", 0.5, 3), ("Okafor", "person", -0.5, 1),
                            ("Harbor Council", "organisation", 0.0, 2)])
    got = {n: (round(s, 3), m) for n, _, s, m in merged}
    assert got == {"Ines Okafor": (0.25, 4), "Harbor Council": (0.0, 2)}
    # two full names with that surname: ambiguous, nothing merges
    two = merge_article([("Ines Okafor", "person", 0.5, 1), ("Femi Okafor", "person", 0.1, 1),
                         ("Okafor", "person", -0.5, 1)])
    assert {n for n, *_ in two} == {"Ines Okafor", "Femi Okafor", "Okafor"}
    # a title or a given name is no surname
    assert len(merge_article([("Valmoran President", "person", 0.0, 1),
                              ("President", "unknown", 0.0, 1)])) == 2
    assert len(merge_article([("Morning Ines", "person", 0.0, 1), ("Ines", "person", 0, 1)])) == 2
    # an untyped surname joins a full name that opens with a given name
    assert len(merge_article([("Ines Okafor", "person", 0.0, 1), ("Okafor", "unknown", 0, 1)])) == 1
    # an organisation named by one word is no surname
    org = merge_article([("Tomas Lintmark", "person", 0.0, 1), ("Lintmark", "organisation", 0, 1)])
    assert {n for n, *_ in org} == {"Tomas Lintmark", "Lintmark"}


def test_across_the_corpus_a_surname_joins_only_a_dominant_full_name():
    types = {"Okafor": Counter(person=5), "Ines Okafor": Counter(person=9),
             "Femi Okafor": Counter(person=1), "Reyes": Counter(person=4),
             "Tomas Reyes": Counter(person=5), "Ana Reyes": Counter(person=4)}
    articles = {"Okafor": 5, "Ines Okafor": 9, "Femi Okafor": 1, "Reyes": 4, "Tomas Reyes": 5,
                "Ana Reyes": 4}
    assert corpus_names(articles, types) == {"Okafor": "Ines Okafor"}  # 9/10 ≥ 0.8; 5/9 not


def test_compare_counts_one_referent_once_per_article():
    lines = []
    for i in range(6):
        lines.append(_line("Wire", 400, actors=[_actor("Ines M. Okafor", 0.4, 2),
                                                _actor("Okafor", 0.0, 2)]))
        lines.append(_line("Tabloid", 400, actors=[_actor("Okafor", -0.6, 3)]))
    r = compare(lines, n_boot=100, n_perm=99)["actors"]
    assert r["actors"] == ["Ines Okafor"] and r["merged"] == {"Okafor": "Ines Okafor"}
    cells = {c["outlet"]: c for c in r["cells"]}
    assert cells["Wire"]["articles"] == 6 and cells["Wire"]["mentions"] == 24
    assert cells["Wire"]["mean_score"] == pytest.approx(0.2)
    assert cells["Tabloid"]["articles"] == 6 and cells["Tabloid"]["mean_score"] == pytest.approx(-0.6)


def test_sides_from_the_actors_file_are_compared_and_their_names_kept():
    lines = [_line("Wire", 400, actors=[_actor("Mayor Okafor", 0.5, 1, group="city", source="user"),
                                        _actor("Okafor", -0.5, 1),
                                        _actor("Harbor Council", 0.1, 3, "organisation",
                                               group="city", source="user")])]
    r = compare(lines, n_boot=100, n_perm=99)["actors"]
    # the file's names stand: a detected surname neither absorbs nor joins them
    assert {"Mayor Okafor", "Okafor", "Harbor Council"} == set(r["actors"]) and not r["merged"]
    [side] = r["group_cells"]
    assert (side["group"], side["articles"], side["mentions"]) == ("city", 1, 4)
    assert side["mean_score"] == pytest.approx((0.5 + 0.1 * 3) / 4)


def test_cli_compare_takes_an_actors_file(tmp_path):
    actors = tmp_path / "actors.toml"
    actors.write_text('[actors."Teodora Linde"]\naliases = ["Linde", "the mayor"]\n'
                      'type = "person"\ngroup = "city hall"\n', encoding="utf-8")
    out = tmp_path / "cmp"
    res = CliRunner().invoke(app, ["compare", str(OUTLETS), "--out", str(out), "-j", "1",
                                   "--quiet", "--no-figures", "--actors", str(actors)])
    assert res.exit_code == 0, res.output
    result = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert result["actors"]["groups"] == ["city hall"]
    assert {c["group"] for c in result["actors"]["group_cells"]} == {"city hall"}
    rows = (out / "comparison.csv").read_text(encoding="utf-8")
    assert "side_sentiment_city_hall" in rows
    bad = CliRunner().invoke(app, ["compare", str(OUTLETS), "--out", str(tmp_path / "x"),
                                   "--quiet", "--actors", str(tmp_path / "missing.toml")])
    assert bad.exit_code == 1 and "missing.toml" in bad.output


def _sided():
    lines = []
    for i in range(4):
        lines.append(_line("Wire", 400, actors=[
            _actor("Teodora Linde", 0.6, 2, group="city hall", source="user"),
            _actor("Coastal Trust", -0.4, 1, "organisation", group="campaigners", source="user")]))
        lines.append(_line("Tabloid", 400, actors=[
            _actor("Teodora Linde", -0.8, 1, group="city hall", source="user")]))
    return compare(lines, n_boot=100, n_perm=99)


def test_terminal_prints_a_table_of_sides_per_outlet():
    from io import StringIO

    from rich.console import Console

    from framing.render.compare_terminal import render, sides_table

    result = _sided()
    assert sides_table(compare([_line("Wire", 400)], n_boot=50, n_perm=9)) is None
    out = StringIO()
    render(dict(result, title="Demo corpus"), Console(file=out, width=140, color_system=None))
    text = out.getvalue()
    assert text.splitlines()[0].strip() == "Demo corpus"
    row = next(line for line in text.splitlines() if line.strip().startswith("Tabloid") and "[4]" in line)
    assert "-0.80 [4]" in row and "–" in row  # Tabloid never names the campaigners' side
    assert "+0.60 [4]" in next(line for line in text.splitlines()
                               if line.strip().startswith("Wire") and "[4]" in line)


def test_heat_map_puts_the_sides_first_in_bold_left_of_a_rule():
    import matplotlib

    matplotlib.use("Agg")
    from framing.render.compare_figures import available, draw_actors, new_figure

    result = _sided()
    fig = new_figure(7, 4)
    draw_actors(fig, result)
    ax = next(a for a in fig.axes if a.get_images())
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[:2] == ["side: campaigners", "side: city hall"]
    assert "Teodora Linde" in labels[2:] and "Coastal Trust" in labels[2:]
    assert all(t.get_fontweight() == "bold" for t in ax.get_xticklabels()[:2])
    assert ax.get_xticklabels()[2].get_fontweight() == "normal"
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [1.5]  # the rule
    grid = ax.get_images()[0].get_array()
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert grid[rows.index("Tabloid"), 1] == pytest.approx(-0.8)
    assert grid.mask[rows.index("Tabloid"), 0]  # blank: no campaigner named
    only_sides = dict(result, actors=dict(result["actors"], actors=[], cells=[]))
    assert available(only_sides)["actors"] is None


def test_cli_compare_title_reaches_json_terminal_and_pdf(tmp_path):
    out = tmp_path / "cmp"
    res = CliRunner().invoke(app, ["compare", str(OUTLETS), "--out", str(out), "-j", "1",
                                   "--no-figures", "--width", "140",
                                   "--title", "Invented\x1b[31m outlets,\n  not real news"])
    assert res.exit_code == 0, res.output
    result = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert result["title"] == "Invented outlets, not real news"
    assert "Invented outlets, not real news" in res.output and "\x1b[31m" not in res.output
    blank = CliRunner().invoke(app, ["compare", str(OUTLETS), "--out", str(tmp_path / "b"),
                                     "-j", "1", "-q", "--no-figures", "--title", "  "])
    assert blank.exit_code == 0
    assert "title" not in json.loads((tmp_path / "b" / "comparison.json").read_text("utf-8"))
