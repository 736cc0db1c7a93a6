"""Text and HTML renderings of the ``framing validate`` report."""
from __future__ import annotations

import html


def _fmt(x) -> str:
    return "undefined" if x is None else f"{x:.3f}"


def to_text(rep: dict) -> str:
    lines = [f"Krippendorff's alpha ({rep['level']} level)"]
    for name, v in rep["variables"].items():
        ci = v["alpha_ci"]
        lines.append("")
        lines.append(f"{name}: alpha {_fmt(v['alpha'])}"
                     + (f" (95% CI {ci[0]:.3f} to {ci[1]:.3f})" if ci else "")
                     + (f" — {v['alpha_reason']}" if v["alpha_reason"] else ""))
        lines.append(f"  {v['units']} units ({v['pairable_units']} coded by two or more), "
                     f"{len(v['coders'])} coder(s) ({', '.join(v['coders'])}), "
                     f"{v['pairable']} pairable values")
        for p in v["pairwise"]:
            agree = "–" if p["agreement"] is None else f"{p['agreement']:.0%}"
            lines.append(f"  {p['coders'][0]} vs {p['coders'][1]}: {p['units']} units, "
                         f"agreement {agree}, alpha {_fmt(p['alpha'])}")
        if "framing" not in v:
            continue
        f = v["framing"]
        if f is None:
            lines.append(f"  framing: {v.get('framing_note')}")
            continue
        lines.append(f"  with framing as a coder: alpha {_fmt(f['alpha_with'])}")
        if f["accuracy"] is None:
            lines.append("  framing vs the coders' majority: no unit with a span and a majority")
            continue
        lines.append(f"  framing vs the coders' majority ({f['units']} units"
                     + (f", {f['no_majority']} tied left out" if f["no_majority"] else "")
                     + f"): accuracy {f['accuracy']:.3f}, macro-F1 {f['macro_f1']:.3f}")
        for lab, m in f["per_class"].items():
            lines.append(f"    {lab:<14} P {m['precision']:.2f}  R {m['recall']:.2f}  "
                         f"F1 {m['f1']:.2f}  n {m['support']}")
        labels = list(f["confusion"])
        w = max(len(s) for s in labels + ["majority \\ framing"])
        lines.append("    " + "majority \\ framing".ljust(w) + "".join(f" {s:>9}" for s in labels))
        for g in labels:
            lines.append("    " + g.ljust(w) + "".join(f" {f['confusion'][g][p]:>9}" for p in labels))
    return "\n".join(lines) + "\n"


def disagreements_html(items: list[dict]) -> str:
    """One self-contained HTML page listing the disagreements with their spans."""
    e = html.escape
    rows = []
    for d in items:
        codes = ", ".join(f"{e(c)}: {e(str(v))}" for c, v in d["codes"].items())
        span = "" if d["start"] is None else f"{d['start']}–{d['end']}"
        rows.append(f"<tr><td>{e(d['variable'])}</td><td>{e(d['unit'])}</td>"
                    f"<td>{e(d['article'] or '')}</td><td>{span}</td>"
                    f"<td>{e(d.get('left') or '')}<mark>{e(d['text'] or '')}</mark>"
                    f"{e(d.get('right') or '')}</td><td>{codes}</td>"
                    f"<td>{e('' if d['majority'] is None else str(d['majority']))}</td>"
                    f"<td>{e('' if d['framing'] is None else str(d['framing']))}</td></tr>")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>framing validate: disagreements</title><style>body{font-family:sans-serif}"
            "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;"
            "vertical-align:top}mark{background:#fff3b0}</style></head><body>"
            "<h1>Disagreements</h1>"
            f"<p>{len(items)} unit(s) where coders, or framing and the coders' majority, differ.</p>"
            "<table><tr><th>variable</th><th>unit</th><th>article</th><th>span</th><th>text</th>"
            "<th>codes</th><th>majority</th><th>framing</th></tr>" + "".join(rows)
            + "</table></body></html>\n")
