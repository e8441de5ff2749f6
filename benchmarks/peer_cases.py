"""Measure ``speechkit check`` on a peer's public case set, by meaning: found / expected faults.

    python benchmarks/peer_cases.py CASES.yaml [--verbose]

CASES.yaml is psknlr/GONGWEN's ``src/gongwen/eval/cases/format_layout.yaml`` (a development set; it is not
shipped here). Each case with a ``text`` is checked as a plain-text draft. Each of its expected rule ids
(``rules_present``) counts as found when speechkit reports a code that means the same (the table below);
ids no speechkit rule means (secrecy marks, relative time, reporting burden) count as expected and missed.
Control cases (``control: true``) and ``rules_absent`` are reported as false alarms when a mapped code fires.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from speechkit.checks.runner import check_text

#: The peer's rule ids and the speechkit codes that mean the same (by its rule table's titles).
MEANING: dict[str, tuple[str, ...]] = {
    "GW-FMT-001": ("SK301",),  # 发文字号
    "GW-FMT-002": ("SK302",),  # 成文日期
    "GW-FMT-003": ("SK107",),  # 附件说明 numbers and marks
    "GW-FMT-004": ("SK107",),  # 附件 named but not listed
    "GW-FMT-009": ("SK206",),  # 标题末尾不用标点
    "GW-STRUCT-001": ("SK106",),  # levels 一、（一）1.（1）
    "GW-STRUCT-002": ("SK103",),  # numbers in sequence
    "GW-PUNC-001": ("SK201", "SK203"),  # full-width marks (and doubled ones)
    "GW-PUNC-004": ("SK206",),  # ranges: 一字线, 浪纹线
    "GW-PUNC-005": ("SK206",),  # ellipsis
    "GW-NUM-001": ("SK303",),  # year in full
    "GW-NUM-002": ("SK304",),  # percent range
    "GW-NUM-006": ("SK304",),  # full-width digits
    "GW-NUM-007": ("SK303",),  # 号 for a day
    "GW-STYLE-004": ("SK210",),  # misused words
    "GW-GENRE-001": ("SK404",),  # a legal 文种 (not 请示报告)
    "GW-GENRE-003": ("SK403", "SK406"),  # a request in a non-请示
    "GW-GENRE-004": ("SK406",),  # closing matches the 文种
    "GW-GENRE-005": ("SK406",),  # closing matches the direction
    "GW-GENRE-006": ("SK407",),  # 你X only downward
    "GW-GENRE-007": ("SK407",),  # no order's tone in a 函
    "GW-ROUTE-001": ("SK405",),  # one 主送机关 upward
    "GW-ROUTE-002": ("SK408",),  # no 抄送 to subordinates upward
    "GW-ROUTE-004": ("SK405",),  # not to a leader in person
    "GW-BASIS-002": ("SK410",),  # basis in force
    "GW-BASIS-004": ("SK409",),  # title before 发文字号
    "GW-GENRE-013": ("SK411",),  # 令 issuer
    "GW-GENRE-014": ("SK411",),  # 议案 issuer
    "GW-GENRE-015": ("SK411",),  # 决议 meeting
}


def main(argv: list[str] | None = None) -> int:
    """Print found/expected per case and in all; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))
    found = expected = alarms = 0
    for case in cases:
        if not case.get("text"):
            continue
        codes = {f.code for f in check_text(case["text"].rstrip("\n"), path=case["id"])}
        wanted = case.get("expect", {}).get("rules_present", [])
        hits = [rule for rule in wanted if set(MEANING.get(rule, ())) & codes]
        missed = [rule for rule in wanted if rule not in hits]
        absent = case.get("expect", {}).get("rules_absent", [])
        false = sorted({c for rule in absent for c in MEANING.get(rule, ()) if c in codes})
        if case.get("control"):
            false = sorted(codes & {c for m in MEANING.values() for c in m if c >= "SK403"})
        found, expected, alarms = found + len(hits), expected + len(wanted), alarms + len(false)
        line = f"{case['id']}: {len(hits)}/{len(wanted)}"
        if missed:
            line += f"  missed {' '.join(missed)}"
        if false:
            line += f"  false alarms {' '.join(false)}"
        if args.verbose:
            line += f"  [{' '.join(sorted(codes))}]"
        print(line)
    print(f"found {found} of {expected} expected faults; {alarms} false alarms on controls and rules_absent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
