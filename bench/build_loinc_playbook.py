"""Build ``src/rightscan/knowledge/order_loinc_playbook.csv``: every radiology LOINC code with its name.

The order resolver reads a LOINC code by reading the code's LOINC name with the order vocabulary (the
same attribute path as typed order text: modality, region, contrast timing, laterality, tracer,
reason for exam), then finds the catalogue study with those attributes. No code is mapped to a study
by hand here: this script only copies codes and names, checks them, and records where they came from.

Two inputs are accepted:

- ``--playbook LoincRsnaRadiologyPlaybook.csv``: the official LOINC/RSNA Radiology Playbook file of a
  LOINC release (columns LoincNumber, LongCommonName, PartTypeName, PartName, ...; one row per part).
  The Long Common Name of each code is composed from its Playbook parts, so it carries the attributes.
- ``--names FILE``: a public list of radiology LOINC codes and names, one ``code|name`` per line (the
  form of ``title_imaging_codes_5k.py`` in github.com/text2phenotype/feature-service, which is what the
  shipped file was built from; the names there are LOINC display names, "<region> <method> <qualifiers>").

Usage:
    python bench/build_loinc_playbook.py --names title_imaging_codes_5k.py \
        --source "..." --loinc-version "..." [--out src/rightscan/knowledge/order_loinc_playbook.csv]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "rightscan" / "knowledge" / "order_loinc_playbook.csv"
SCHEMA = "rightscan.order-loinc/1"
CODE = re.compile(r"^(\d{1,7})-(\d)$")
# The notice LOINC's licence asks redistributors to show with LOINC content (loinc.org/license).
NOTICE = (
    "This material contains content from LOINC (http://loinc.org). LOINC is copyright 1995-2024, "
    "Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) Committee "
    "and is available at no cost under the license at http://loinc.org/license. LOINC(R) is a registered "
    "United States trademark of Regenstrief Institute, Inc. The LOINC/RSNA Radiology Playbook is a joint "
    "work of Regenstrief Institute and the Radiological Society of North America (RSNA)."
)


def check_digit_ok(code: str) -> bool:
    """LOINC's mod-10 check digit (the Luhn scheme over the number part)."""
    match = CODE.match(code)
    if not match:
        return False
    total = 0
    for i, ch in enumerate(reversed(match.group(1))):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10 == int(match.group(2))


def from_playbook(path: Path) -> dict[str, str]:
    rows: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name = row["LoincNumber"].strip(), row["LongCommonName"].strip()
            if rows.setdefault(code, name) != name:
                raise SystemExit(f"{path.name}: {code} has two long common names")
    return rows


def from_names(path: Path) -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        code, sep, name = line.partition("|")
        code, name = code.strip(), name.strip()
        if not sep or not CODE.match(code) or code == "00000-0":
            continue  # Python around the list, or a placeholder
        if rows.setdefault(code, name) != name:
            raise SystemExit(f"{path.name}: {code} has two names")
    return rows


def render(rows: dict[str, str], source: str, loinc_version: str, version: str) -> str:
    bad = sorted(c for c in rows if not check_digit_ok(c))
    if bad:
        raise SystemExit(f"check digit wrong for {len(bad)} code(s): {bad[:5]}")
    out = io.StringIO()
    out.write(f"# schema: {SCHEMA}\n")
    out.write(f"# version: {version}\n")
    out.write(f"# loinc_version: {loinc_version}\n")
    out.write(f"# source: {source}\n")
    out.write(f"# notice: {NOTICE}\n")
    out.write(f"# rows: {len(rows)}\n")
    out.write("# built by: bench/build_loinc_playbook.py (codes and names copied, check digits verified)\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name"])
    for code in sorted(rows, key=lambda c: (int(c.split("-")[0]), c)):
        writer.writerow([code, rows[code]])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--playbook", type=Path, help="LoincRsnaRadiologyPlaybook.csv of a LOINC release")
    group.add_argument("--names", type=Path, help="a code|name list of radiology LOINC codes")
    parser.add_argument("--source", required=True, help="where the input came from (repository, commit, path)")
    parser.add_argument("--loinc-version", required=True, help="the LOINC release of the input, as far as known")
    parser.add_argument("--version", default="order-loinc@2026-11")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = from_playbook(args.playbook) if args.playbook else from_names(args.names)
    text = render(rows, args.source, args.loinc_version, args.version)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(rows)} codes, {len(text.encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
