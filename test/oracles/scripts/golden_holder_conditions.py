"""Case 09: conditions over a patent's holders (`any`, `all`, `count` over its applicants or inventors).

Writes a small patent set — seven patents made by hand for 1999–2000, then seeded random ones for
2001–2004 — and the tie weights of the networks the spec test/run/fixtures/holders.study builds from it,
computed here in plain Python (no pandas, no networkx) from the CSV files as written:

  inflow / outflow  co-invention between Chinese and foreign regions (per patent), of patents with at least
                    one Chinese applicant / with none (seed 000, Table 6)
  inv_firms         co-invention (per patent) of patents without an individual applicant (seeds 001, 002)
  coapp_firms       co-application (per applicant pair) of the applicants of patents without an individual
                    applicant: the whole patent goes
  coapp_rows        the same with the individual applicants' rows dropped (the row-level approximation)
  multi             co-application of patents with at least two firm applicants
  joint             inventors per region on joint China–foreign patents of the inflow network (seed 000's Invnum)

A missing value fails a condition (an applicant without a kind is not "not individual").
Run from the repository root:
  python3 test/oracles/scripts/golden_holder_conditions.py test/oracles/sna/09_holder_conditions
"""
import csv
import json
import random
import sys
from itertools import combinations
from pathlib import Path

out = Path(sys.argv[1])
rng = random.Random(20260921)
REGIONS = ["CN11", "CN31", "CN44", "US06", "US48", "JP13", "DE21"]
WINDOWS = [(1999, 2000), (2001, 2002), (2003, 2004)]

# ---------------------------------------------------------------- data
patents = [  # patent_id, app_year
    ("P001", 1999), ("P002", 1999), ("P003", 2000), ("P004", 2000), ("P005", 2000), ("P006", 2000), ("P007", 2000),
]
applicants = [  # patent_id, seq, applicant, kind, country, region
    ("P001", 1, "Firm A", "firm", "CN", "CN11"), ("P001", 2, "Li Wei", "individual", "CN", "CN31"), ("P001", 3, "Firm B", "firm", "US", "US06"),
    ("P002", 1, "Firm C", "firm", "CN", "CN44"), ("P002", 2, "Sato", "individual", "JP", "JP13"),
    ("P003", 1, "Firm B", "firm", "US", "US06"), ("P003", 2, "Firm D", "firm", "DE", "DE21"),
    ("P004", 1, "Firm A", "firm", "CN", "CN11"), ("P004", 2, "Firm B", "firm", "US", "US06"),
    ("P005", 1, "Univ E", "university", "CN", "CN44"), ("P005", 2, "Inst F", "institute", "CN", "CN11"),
    ("P006", 1, "Firm A", "firm", "CN", "CN11"), ("P006", 2, "Unknown G", "", "CN", "CN44"),
    ("P007", 1, "Firm H", "firm", "CN", "CN31"),
]
inventors = [  # patent_id, seq, region, ctry_code
    ("P001", 1, "CN11", "CN"), ("P001", 2, "US06", "US"),
    ("P002", 1, "CN44", "CN"), ("P002", 2, "JP13", "JP"),
    ("P003", 1, "CN11", "CN"), ("P003", 2, "US06", "US"),
    ("P004", 1, "CN31", "CN"), ("P004", 2, "DE21", "DE"), ("P004", 3, "US06", "US"),
    ("P005", 1, "CN44", "CN"), ("P005", 2, "CN44", "CN"), ("P005", 3, "JP13", "JP"),
    ("P006", 1, "CN11", "CN"), ("P006", 2, "DE21", "DE"),
    ("P007", 1, "CN31", "CN"), ("P007", 2, "CN44", "CN"),
]
for n in range(8, 61):
    pid = f"P{n:03d}"
    patents.append((pid, rng.randint(2001, 2004)))
    for seq in range(1, rng.randint(1, 4) + 1):
        region = rng.choice(REGIONS[:3] * 2 + REGIONS[3:])
        kind = rng.choice(["firm", "firm", "firm", "university", "institute", "individual"])
        applicants.append((pid, seq, f"Applicant {rng.randint(1, 25)}", kind, region[:2], region))
    for seq in range(1, rng.randint(1, 4) + 1):
        region = rng.choice(REGIONS)
        inventors.append((pid, seq, region, region[:2]))


def write(name, header, rows):
    with open(out / name, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header] + [list(r) for r in rows])


write("patents.csv", ["patent_id", "app_year"], patents)
write("applicants.csv", ["patent_id", "seq", "applicant", "kind", "country", "region"], applicants)
write("inventors.csv", ["patent_id", "seq", "region", "ctry_code"], inventors)


# ---------------------------------------------------------------- expectations, from the files
def read(name):
    with open(out / name, newline="") as f:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(f)]


year = {r["patent_id"]: int(r["app_year"]) for r in read("patents.csv")}
by_patent = {"applicants": {}, "inventors": {}}
for table in by_patent:
    for row in read(f"{table}.csv"):
        by_patent[table].setdefault(row["patent_id"], []).append(row)
    for rows in by_patent[table].values():
        rows.sort(key=lambda r: int(r["seq"]))


def holders(table, patent):
    return by_patent[table].get(patent, [])


def any_of(table, patent, test):
    return any(test(r) is True for r in holders(table, patent))


def all_of(table, patent, test):
    return all(test(r) is True for r in holders(table, patent))


def count_of(table, patent, test):
    return sum(1 for r in holders(table, patent) if test(r) is True)


def ne(value, other):
    """`value != other` with SQL's missing values: unknown (None) when the value is missing."""
    return None if value is None else value != other


def eq(value, other):
    return None if value is None else value == other


china = {r["region"] for r in read("inventors.csv") if r["ctry_code"] == "CN"}
foreign = {r["region"] for r in read("inventors.csv") if r["ctry_code"] != "CN"}


def window_of(patent):
    return next((i for i, (a, b) in enumerate(WINDOWS) if a <= year[patent] <= b), None)


def network(rows_of, keep, per_patent, between=False):
    """Ties per window: every unordered pair of a kept patent's rows (in `seq` order); s != t only."""
    weights = [dict() for _ in WINDOWS]
    for patent in year:
        w = window_of(patent)
        if w is None or not keep(patent):
            continue
        pairs = []
        for a, b in combinations(rows_of(patent), 2):
            r1, r2 = a["region"], b["region"]
            if r1 == r2:
                continue
            if between:
                if r1 in china and r2 in foreign:
                    pairs.append((r1, r2))
                elif r2 in china and r1 in foreign:
                    pairs.append((r2, r1))
            else:
                pairs.append((min(r1, r2), max(r1, r2)))
        for pair in set(pairs) if per_patent else pairs:
            key = f"{pair[0]}|{pair[1]}"
            weights[w][key] = weights[w].get(key, 0) + 1
    return [{"from": a, "to": b, "ties": dict(sorted(ws.items()))} for (a, b), ws in zip(WINDOWS, weights)]


inv = lambda p: holders("inventors", p)
app = lambda p: holders("applicants", p)
cn_applicant = lambda p: any_of("applicants", p, lambda r: eq(r["country"], "CN"))
no_individual = lambda p: all_of("applicants", p, lambda r: ne(r["kind"], "individual"))
joint = lambda p: any_of("inventors", p, lambda r: r["ctry_code"] == "CN") and any_of("inventors", p, lambda r: r["ctry_code"] != "CN")

joint_counts = [dict() for _ in WINDOWS]
for patent in year:
    w = window_of(patent)
    if w is not None and cn_applicant(patent) and joint(patent):
        for r in inv(patent):
            joint_counts[w][r["region"]] = joint_counts[w].get(r["region"], 0) + 1

expected = {
    "case": "09_holder_conditions",
    "windows": [{"from": a, "to": b} for a, b in WINDOWS],
    "networks": {
        "inflow": network(inv, cn_applicant, per_patent=True, between=True),
        "outflow": network(inv, lambda p: not cn_applicant(p), per_patent=True, between=True),
        "inv_firms": network(inv, no_individual, per_patent=True),
        "coapp_firms": network(app, no_individual, per_patent=False),
        "coapp_rows": network(lambda p: [r for r in app(p) if ne(r["kind"], "individual") is True], lambda p: True, per_patent=False),
        "multi": network(app, lambda p: count_of("applicants", p, lambda r: eq(r["kind"], "firm")) >= 2, per_patent=False),
    },
    "joint_inventors": [{"from": a, "to": b, "counts": dict(sorted(c.items()))} for (a, b), c in zip(WINDOWS, joint_counts)],
}
with open(out / "expected.json", "w") as f:
    json.dump(expected, f, indent=1, sort_keys=False)
    f.write("\n")
