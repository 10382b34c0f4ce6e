"""Build ``src/tidings/data/cameo.tsv`` from the shared CAMEO codebook and PLOVER crosswalk.

Development tool, not part of the package. It reads two public sources under
``../shared/ontology`` (see their SOURCE.md) and writes the facts we use:

* ``cameo-event-codes.csv``: code, name and Goldstein score of every CAMEO code
  (the descriptions and usage notes are *not* copied);
* ``CAMEO2PLOVER-2021.txt``: the PLOVER 2021 event type and mode of each code.

Rules (documented in docs/dictionaries.md and docs/lexicon-coverage.md):

* every 2-4 digit code of the codebook gets exactly one row;
* ``quad_class`` follows the root: 01-04 -> 1, 05-08 -> 2, 09-13 -> 3, 14-20 -> 4;
* a code the crosswalk does not list inherits event and mode from its nearest
  listed parent (``0352`` -> ``035``; ``035`` -> ``03``);
* the first crosswalk row for a code wins (root ``08`` is listed as CONCEDE
  and again as RETREAT; the codebook's ``080 Yield`` is CONCEDE);
* the crosswalk has no rows for roots 01 and 02.  Team decisions, kept in
  :data:`SUPPLEMENT` below: an appeal (02x) is the milder form of the matching
  demand (10x), so ``02ab`` takes the PLOVER REQUEST row of ``10ab``; four
  statement codes have a clear PLOVER counterpart; the remaining plain
  statements (010-014, 017) have none in PLOVER 2021 and get ``-``.

Usage::

    .venv/bin/python tools/make_cameo_table.py [--shared ../shared] [--out src/tidings/data/cameo.tsv]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from tidings.lexicon.model import CameoCode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT / ".." / "shared"
DEFAULT_OUT = ROOT / "src" / "tidings" / "data" / "cameo.tsv"

HEADER = ("code", "name", "goldstein", "quad_class", "plover_event", "plover_mode")

#: PLOVER for codes the 2021 crosswalk leaves out (roots 01 and 02): team decisions.
#: "=10x" means "same event and mode as that demand code".
SUPPLEMENT: dict[str, str] = {
    "015": "CONCEDE",  # acknowledge responsibility
    "016": "REJECT",  # deny responsibility / accusations
    "018": "SUPPORT",  # empathy, condolences
    "019": "AGREE",  # express accord
    "02": "=10",
    "020": "=100",
    "021": "=101",
    "0211": "=1011",
    "0212": "=1012",
    "0213": "=1013",
    "0214": "=1014",
    "022": "=102",
    "023": "=103",
    "0231": "=1031",
    "0232": "=1032",
    "0233": "=1033",
    "0234": "=1034",
    "024": "=104",
    "0241": "=1041",
    "0242": "=1042",
    "0243": "=1043",
    "0244": "=1044",
    "025": "=105",
    "0251": "=1051",
    "0252": "=1052",
    "0253": "=1053",
    "0254": "=1054",
    "0255": "=1055",
    "0256": "=1056",
    "026": "=106",
    "027": "=107",
    "028": "=108",
}

#: Crosswalk values that sit in the wrong column (a context written as a mode).
MODE_FIXES: dict[str, str | None] = {
    "175": None,  # "pro_autocracy" is a PLOVER context, not a mode
}

#: Team decisions that move a code to another PLOVER event type than the crosswalk's.
#: PLOVER 2021 folds the older FIGHT into ASSAULT; a military blockade (191) and the
#: occupation of territory (192) are uses of armed force there, as news annotated with
#: PLOVER labels them (the crosswalk's COERCE/restrict and COERCE/seize were meant for
#: its "military" context). Modes are kept.
EVENT_FIXES: dict[str, str] = {
    "191": "ASSAULT",
    "192": "ASSAULT",
}

_XWALK_LINE = re.compile(r"^(?P<code>\d{2,4})\s*:\s*(?P<body>[^#]*)")


def fields(c: CameoCode) -> tuple[str, ...]:
    """The cameo.tsv columns of one code."""
    return (
        c.code,
        c.name,
        _fmt_score(c.goldstein),
        str(c.quad_class),
        c.plover_event or "-",
        c.plover_mode or "-",
    )


def _fmt_score(x: float) -> str:
    return f"{x:.1f}" if x != int(x) else f"{int(x)}.0"


def quad_class(code: str) -> int:
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO root: {code!r}")
    if root <= 4:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def parent(code: str) -> str | None:
    """``0352`` -> ``035``; ``035`` -> ``03``; ``03`` -> None."""
    if len(code) == 4:
        return code[:3]
    if len(code) == 3:
        return code[:2]
    return None


def read_codebook(path: Path) -> list[tuple[str, str, float]]:
    """(code, name, goldstein) of every codebook row, in file order."""
    out: list[tuple[str, str, float]] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for lineno, rec in enumerate(csv.DictReader(fh), start=2):
            code = (rec.get("code") or "").strip()
            if not re.fullmatch(r"\d{2,4}", code):
                print(f"{path}:{lineno}: skipped, bad code {code!r}", file=sys.stderr)
                continue
            name = " ".join((rec.get("name") or "").split())
            try:
                score = float(rec["goldstein"])
            except (KeyError, TypeError, ValueError):
                print(f"{path}:{lineno}: skipped, bad goldstein", file=sys.stderr)
                continue
            out.append((code, name, score))
    return out


def read_crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    """code -> (PLOVER event, mode or None); the first row for a code wins."""
    out: dict[str, tuple[str, str | None]] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = _XWALK_LINE.match(line.strip())
            if not m:
                continue
            parts = [p.strip() for p in m.group("body").split(",")]
            event = parts[0].upper() if parts and parts[0] else None
            if not event:
                continue
            mode = parts[1] if len(parts) > 1 and parts[1] else None
            out.setdefault(m.group("code"), (event, mode))
    return out


def resolve_plover(
    code: str, xwalk: dict[str, tuple[str, str | None]]
) -> tuple[str | None, str | None]:
    """PLOVER (event, mode) for ``code``: crosswalk, supplement, then the parent's."""
    cur: str | None = code
    while cur is not None:
        if cur in xwalk:
            event, mode = xwalk[cur]
            if cur in MODE_FIXES:
                mode = MODE_FIXES[cur]
            return EVENT_FIXES.get(code, event), mode
        sup = SUPPLEMENT.get(cur)
        if sup is not None:
            if sup.startswith("="):
                return resolve_plover(sup[1:], xwalk)
            return sup, None
        cur = parent(cur)
    return None, None


def build_rows(codebook: Path, crosswalk: Path) -> list[CameoCode]:
    xwalk = read_crosswalk(crosswalk)
    rows: list[CameoCode] = []
    seen: set[str] = set()
    for code, name, score in read_codebook(codebook):
        if code in seen:
            print(f"{codebook}: duplicate code {code}, first kept", file=sys.stderr)
            continue
        seen.add(code)
        event, mode = resolve_plover(code, xwalk)
        rows.append(CameoCode(code, name, score, quad_class(code), event, mode))
    return rows


def write_table(rows: list[CameoCode], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# CAMEO event codebook with Goldstein scores, QuadClass and PLOVER 2021 type/mode.",
        "# GENERATED by tools/make_cameo_table.py from ../shared/ontology; do not edit by hand.",
        "# Format: docs/dictionaries.md. PLOVER '-' = no PLOVER 2021 counterpart.",
        "\t".join(HEADER),
    ]
    lines += ["\t".join(fields(r)) for r in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    onto = args.shared / "ontology"
    rows = build_rows(onto / "cameo-event-codes.csv", onto / "CAMEO2PLOVER-2021.txt")
    write_table(rows, args.out)
    missing = [r.code for r in rows if r.plover_event is None]
    print(
        f"wrote {len(rows)} codes to {args.out}; no PLOVER type: {' '.join(missing) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
