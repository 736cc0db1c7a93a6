"""report.html in a real browser: headless Chromium (Debian's ``chromium``
package, installed by ``.ci/run``) loads the file, and we check that the
highlights are in the rendered DOM and *visible* in a screenshot (pixels of
each device's tint), and that the legend's CSS-only toggles hide a layer.

The screenshots are kept as test artifacts in ``$FRAMING_TEST_ARTIFACTS``
(default: ``<tmp>/framing-test-artifacts``). Skipped when
``/usr/bin/chromium`` is not installed.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from .conftest import SAMPLE
from .test_render import demo_report, parse_html

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="headless browser check needs /usr/bin/chromium "
                                       "(Debian package 'chromium'; .ci/run installs it)")
ARTIFACTS = Path(os.environ.get("FRAMING_TEST_ARTIFACTS",
                                Path(tempfile.gettempdir()) / "framing-test-artifacts"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
         "--mute-audio", "--force-device-scale-factor=1"]


def chromium(url: str, *extra: str, profile: Path) -> subprocess.CompletedProcess:
    cmd = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *extra, url]
    return subprocess.run(cmd, capture_output=True, timeout=120,
                          env={**os.environ, "HOME": str(profile)})


def hex_rgb(h: str) -> tuple[int, int, int]:
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def colour_counts(png: Path, colours: dict[str, str]) -> dict[str, int]:
    """Pixels of exactly each colour in the screenshot."""
    from PIL import Image

    img = Image.open(png).convert("RGB")
    hist = {rgb: n for n, rgb in img.getcolors(maxcolors=1 << 24)}
    return {name: hist.get(hex_rgb(c), 0) for name, c in colours.items()}


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from framing.render.baseline import bundled
    from framing.render.html import to_html

    tmp = tmp_path_factory.mktemp("html")
    text = SAMPLE.read_text(encoding="utf-8")
    html = to_html(demo_report(), text, baseline=bundled())
    path = tmp / "report.html"
    path.write_text(html, encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return tmp, path, html


def test_highlights_are_in_the_rendered_dom(page):
    tmp, path, html = page
    res = chromium(path.as_uri(), "--dump-dom", "--virtual-time-budget=2000",
                   profile=tmp / "profile-dom")
    assert res.returncode == 0, res.stderr.decode(errors="replace")[-2000:]
    dom = res.stdout.decode("utf-8")
    p = parse_html(dom)
    assert "".join(p.article_text) == SAMPLE.read_text(encoding="utf-8")
    ids: dict[str, set[str]] = {}
    for classes, ident in p.spans:
        ids.setdefault(ident, set()).update(classes)
    r = demo_report()
    assert sum("hedge" in c for c in ids.values()) == r.hedging.hedges
    assert sum("booster" in c for c in ids.values()) == r.hedging.boosters
    assert sum("quote" in c for c in ids.values()) == len(r.quotes.items)
    assert sum("actor" in c for c in ids.values()) == sum(len(a.mentions) for a in r.actors.items)
    assert sum("q-rhetorical" in c for c in ids.values()) == r.questions.rhetorical


def test_highlights_render_in_their_colours_and_toggle_off(page):
    from framing.render import style as S

    tmp, path, html = page
    shot = ARTIFACTS / "report-html.png"
    res = chromium(path.as_uri(), f"--screenshot={shot}", "--window-size=1400,2600",
                   profile=tmp / "profile-shot")
    assert res.returncode == 0 and shot.exists(), res.stderr.decode(errors="replace")[-2000:]
    tints = {k: S.TINT[k] for k in ("hedge", "booster", "quote", "rhetorical", "actor")}
    seen = colour_counts(shot, tints)
    for name, n in seen.items():
        assert n > 150, f"{name} highlight ({tints[name]}) not visible in {shot}: {seen}"

    # the legend toggles are CSS only: an unchecked box hides its layer in the article
    off = tmp / "report-no-hedges.html"
    off.write_text(html.replace('id="show-hedge" checked', 'id="show-hedge"'), encoding="utf-8")
    shot_off = ARTIFACTS / "report-html-hedges-hidden.png"
    res = chromium(off.as_uri(), f"--screenshot={shot_off}", "--window-size=1400,2600",
                   profile=tmp / "profile-off")
    assert res.returncode == 0 and shot_off.exists()
    after = colour_counts(shot_off, tints)
    assert after["hedge"] < seen["hedge"] / 5, (seen, after)  # only the legend sample is left
    assert after["booster"] == pytest.approx(seen["booster"], rel=0.2)


def test_narrow_screen_shows_the_article_first(page):
    """At 800 px the panels stack: the article (its hedge highlights) must be
    in the first screenful, not below the metrics tables."""
    from framing.render import style as S

    tmp, path, _ = page
    shot = ARTIFACTS / "report-html-800.png"
    res = chromium(path.as_uri(), f"--screenshot={shot}", "--window-size=800,1000",
                   profile=tmp / "profile-narrow")
    assert res.returncode == 0 and shot.exists(), res.stderr.decode(errors="replace")[-2000:]
    seen = colour_counts(shot, {"hedge": S.TINT["hedge"], "quote": S.TINT["quote"]})
    assert seen["hedge"] > 1000 and seen["quote"] > 1000, seen
