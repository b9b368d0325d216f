"""Case 10: IPC codes to WIPO technology fields through the concordance, by the longest prefix.

Writes a sample of IPC codes and the technology field (number) each gets from
examples/data/concordance/wipo_ipc_technology.csv, computed here in plain Python (no pandas) by the rule
the concordance is meant to be read with: spaces removed and letters upper-cased on both sides, the longest
`ipc_prefix` the code begins with wins, and a code no prefix begins is unmatched (null).

The sample covers the spacing variants of one code ("H01M 10/0525", "H01M10/0525", "H01M  10/05", a tab,
lower case), overlapping prefixes where the longer one must win or must not match ("A61K 8/" against
"A61K 80/…", "H04N 1/" against "H04N 11/" and "H04N 101/", "G01N 33/" against the rest of G01N, "B01D 53/"
against the other B01D groups, the class-level key "H10"), unmatched codes (a subclass split by main group
with no group given, an unknown section, an empty code, a class alone) and every IPC code of the synthetic
REGPAT-like example data.
The WIPO table has no key inside another (G01N, A61K and B01D are split by main group only), so the longest
match is also checked on a small hand-made table of nested keys written next to the samples (nested.csv: a
class, a subclass, a main group and a subgroup of H01M, spelt with irregular spaces, and A61K with A61K 8/).
Run from the repository root:
  python3 test/oracles/scripts/golden_ipc_concordance.py test/oracles/sna/10_ipc_concordance
"""
import csv
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
CONCORDANCE = Path("examples/data/concordance/wipo_ipc_technology.csv")
EXAMPLE = Path("examples/data/regpat/patents.csv")


NESTED = [("H01", "class"), ("h01m", "subclass"), ("H01M  10/", "main group"), ("H01M 10/05", "subgroup"),
          ("A61K", "A61K"), ("A61K 8/", "A61K 8")]


def compact(code):
    return "".join(code.split()).upper()


def table(rows):
    keys = {}
    for key, value in rows:
        key = compact(key)
        if keys.get(key, value) != value:
            raise SystemExit(f"key {key} has two values")
        keys[key] = value
    return keys


def longest(keys, code):
    best = None
    for key, value in keys.items():
        if compact(code).startswith(key) and (best is None or len(key) > len(best[0])):
            best = (key, value)
    return None if best is None else best[1]


with CONCORDANCE.open(newline="", encoding="utf-8") as f:
    wipo = table((row["ipc_prefix"], int(row["field_number"])) for row in csv.DictReader(f))
nested = table(NESTED)


codes = [
    "H01M 10/0525", "H01M10/0525", "H01M  10/05", "H01M\t10/05", "h01m 10/0525", "H01M 10/04", "H01M 1/00",
    "H01M 100/00", "H01B 1/00",
    "A61K 8/02", "A61K8/97", "A61K 31/00", "A61K 9/20", "A61K 80/00", "A61K 1/00", "A61P 35/00",
    "G01N 33/53", "G01N33/00", "G01N 3/00", "G01N 21/64", "G01N 30/02",
    "H04N 1/00", "H04N 11/00", "H04N 101/00", "H04N 21/2343", "H04N 5/232", "H04N 19/00", "H04W 72/04",
    "H10K 50/00", "H01L 31/18",
    "B01D 53/94", "B01D 5/00", "B01D 50/00", "B01D 29/00", "B01D 71/00",
    "E01F 8/00", "E01F 9/00", "E01F 15/00",
    "G06Q 10/00", "G06N 3/08", "G06F 3/01", "G06V 10/00",
    "C13B 10/00", "C13B 5/00", "A62D 3/00", "F24S 10/00",
    "Z99Z 1/00", "", "G06", "H04N",
]
with EXAMPLE.open(newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["ipc"] not in codes:
            codes.append(row["ipc"])

out.mkdir(parents=True, exist_ok=True)
with (out / "nested.csv").open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["prefix", "level"])
    w.writerows(NESTED)
with (out / "samples.csv").open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "year", "sample", "ipc"])
    for i, code in enumerate(codes, 1):
        w.writerow([i, 2000, f"S{i:02d}", code])
expected = {f"S{i:02d}": {"ipc": code, "field": longest(wipo, code), "nested": longest(nested, code)} for i, code in enumerate(codes, 1)}
(out / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
