"""Time per doubling of pathological inputs (issue 19): no input is super-linear.

    python benchmarks/scaling.py [--start-kib 64] [--max-mib 10] [--patterns said,line,...]
                                 [--render] [--fast] [--wall] [--limit 2.3] [--repeat 1]

Each pattern is a text (or actors file) built here, doubled from
``--start-kib`` up to ``--max-mib`` (the 10 MiB article limit by default).
For each size it prints the seconds of ``framing.analyze`` (plus, with
``--render``, the report helpers every output uses: voice shares and article
metrics) and the ratio to the previous size; a ratio above ``--limit`` is
flagged and makes the exit code 1. Times are the process's CPU seconds
(all its threads), so other work on a shared machine does not skew the
ratios; ``--wall`` measures wall-clock seconds instead. ``--fast`` uses the
small linear sentiment model (the encoder's cost is one batched pass per
target, linear by construction, and dominates the ``line`` pattern).
Patterns:

* ``said``: ``'"We may go," she said. '`` repeated (a quote and a cue per 23 characters);
* ``line``: one line of plain sentences, no newline;
* ``quotes``: many short quotes with and without attribution, mixed marks;
* ``floating``: a quoted paragraph after each attributed one (a floating quote each);
* ``questions``: many questions, some answered;
* ``toml``: an actors TOML file with one actor per line (parse time only).

Needs no data (it does not read /work/shared).
"""
from __future__ import annotations

import argparse
import sys
import time

PATTERNS = {
    "said": '"We may go," she said. ',
    "line": "The council met on Tuesday and officials said the plan may cost more than expected. ",
    "quotes": '“It works,” Smith said. "No." \'Maybe\' ‘perhaps’ «oui» he said "yes, and no". ',
    "floating": '"We may go," she said.\n\n"And we will."\n\n',
    "questions": "Is it right? Why would they? It is, because it may. What now? ",
}


def make(pattern: str, nbytes: int) -> str:
    if pattern == "toml":
        rows, i = ["[actors]\n"], 0
        size = 9
        while size < nbytes:
            row = f'"Actor {i}" = ["Alias {i}", "A. {i}"]\n'
            rows.append(row)
            size += len(row)
            i += 1
        return "".join(rows)
    unit = PATTERNS[pattern]
    return unit * max(1, nbytes // len(unit.encode("utf-8")))


def measure(pattern: str, text: str, render: bool, fast: bool = False,
            clock=time.process_time) -> float:
    import framing

    t0 = clock()
    if pattern == "toml":
        from framing.io.actors_file import parse_actors

        parse_actors(text)
    else:
        report = framing.analyze(text, fast=fast)
        if render:
            from framing.render.baseline import article_metrics, voice_shares

            voice_shares(report)
            article_metrics(report)
    return clock() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--start-kib", type=int, default=64)
    ap.add_argument("--max-mib", type=float, default=10.0)
    ap.add_argument("--patterns", default="said,line,quotes,floating,questions,toml")
    ap.add_argument("--render", action="store_true")
    ap.add_argument("--fast", action="store_true", help="the small linear sentiment model")
    ap.add_argument("--wall", action="store_true", help="wall-clock seconds, not CPU seconds")
    ap.add_argument("--limit", type=float, default=2.3)
    ap.add_argument("--repeat", type=int, default=1,
                    help="best of N runs per size (the machine may be shared)")
    args = ap.parse_args(argv)
    import framing

    framing.analyze("Warm up. Is it ready? It may be, she said.", fast=args.fast)
    clock = time.perf_counter if args.wall else time.process_time
    worst = 0.0
    for pattern in args.patterns.split(","):
        print(f"{pattern}:")
        size, prev = args.start_kib * 1024, None
        while size <= args.max_mib * 2**20:
            text = make(pattern, size)
            secs = min(measure(pattern, text, args.render, args.fast, clock) for _ in range(max(1, args.repeat)))
            ratio = secs / prev if prev else None
            flag = "  <-- over the limit" if ratio and ratio > args.limit else ""
            if ratio:
                worst = max(worst, ratio)
            print(f"  {len(text.encode('utf-8')) / 1024:9.0f} KiB  {secs:8.2f} s"
                  + (f"  x{ratio:.2f}" if ratio else "") + flag, flush=True)
            prev, size = secs, size * 2
    print(f"worst ratio per doubling: {worst:.2f} (limit {args.limit})")
    return 1 if worst > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
