"""Adversarial note shapes: CPU time of the note reader on notes built to make it work hard (a script
that prints figures, not a test; ``tests/nlp/test_nlp_bounded.py`` checks the work stays bounded).

Each shape is one short phrase repeated to ``--chars`` characters (20,000 by default): a run with no
whitespace ("((((("), one overlong sentence full of cues and targets ("possible bone mets? "), a
review-of-systems list, check boxes. The figure is the CPU seconds of ``extract`` on that one note
(the pipeline built beforehand), the best of ``--repeat`` runs.
Usage: python bench/adversarial.py [--chars 20000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import time

SHAPES = {
    "open brackets, no spaces": "(",
    "possible bone mets? ": "possible bone mets? ",
    "(+) back pain (-) headache ": "(+) back pain (-) headache ",
    "check boxes": "☐ bone pain ☒ headache ",
    "return for headache, ": "return for headache, ",
    "no ": "no ",
    "letters, no spaces": "a",
    "digits and dots, no spaces": "1.",
    "no bone pain, no headache, ": "no bone pain, no headache, ",
    "MRI brain ": "MRI brain ",
    "mammogram ": "mammogram ",
    "bone scan? ": "bone scan? ",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    from rightscan.adapters.text import extract, warm_up

    warm_up()
    extract("warm up: no bone pain.")
    print(f"CPU seconds of extract() on one note of {args.chars:,} characters (best of {args.repeat})")
    for name, unit in SHAPES.items():
        note = (unit * (args.chars // len(unit) + 1))[: args.chars]
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            extract(note)
            best = min(best, time.process_time() - t0)
        print(f"  {name!r:36} {best:7.2f} s")


if __name__ == "__main__":
    main()
