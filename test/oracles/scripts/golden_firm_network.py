#!/usr/bin/env python3
"""Golden case for networks of firms (issue 20, item 1): a seeded generator writes an applicant table in which
firms co-apply for patents, some firms file from a second city, and an attribute table gives most firms a
type; networkx (and plain Python for what networkx lacks) computes, per window, the co-application network of
firms and its measures from the raw rows, independently of Innograph's SQL.

Writes test/run/fixtures/firm_network/{patents,applicants,firm_types}.csv and
test/oracles/networks/firm_network.json. Run from the repository root: python3 test/oracles/scripts/golden_firm_network.py
"""
import csv
import json
import random
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / 'test/run/fixtures/firm_network'
OUT = ROOT / 'test/oracles/networks/firm_network.json'
WINDOWS = [(2014, 2017), (2018, 2021)]

rng = random.Random(20261206)
CITIES = ['Anshan', 'Baotou', 'Chengdu', 'Dalian', 'Ezhou', 'Foshan', 'Ganzhou', 'Hefei']
TYPES = ['firm', 'university', 'institute']
firms = [f'F{i:03d}' for i in range(1, 61)]
home = {f: rng.choice(CITIES) for f in firms}
second = {f: rng.choice(CITIES) for f in firms}
# Co-application is clustered: a firm mostly co-applies with firms of its own "cluster" of 15.
cluster = {f: i // 15 for i, f in enumerate(firms)}

patents, rows = [], []
for p in range(1, 401):
    pid = f'P{p:04d}'
    year = rng.randint(2014, 2021)
    patents.append((pid, year))
    first = rng.choice(firms)
    k = rng.choices([1, 2, 3, 4], weights=[40, 35, 18, 7])[0]
    pool = [f for f in firms if f != first and (cluster[f] == cluster[first] or rng.random() < 0.15)]
    holders = [first] + rng.sample(pool, k - 1)
    for seq, f in enumerate(holders, start=1):
        city = second[f] if rng.random() < 0.25 else home[f]
        rows.append((pid, seq, f, city))
# Rows without an applicant are left out of a network of firms (the run notes them).
for p in (5, 77, 301):
    rows.append((f'P{p:04d}', 9, '', rng.choice(CITIES)))

types = [(f, rng.choice(TYPES), f'Firm {f[1:]}') for f in firms if rng.random() < 0.9]
# Each patent cites up to five of 150 earlier patents, a cluster's firms mostly the same 40.
citations = []
for pid, _ in patents:
    first = next(f for p, seq, f, _ in rows if p == pid and seq == 1)
    base = cluster[first] * 30
    for c in sorted(set(rng.randint(base, base + 39) if rng.random() < 0.8 else rng.randint(0, 149) for _ in range(rng.randint(0, 5)))):
        citations.append((pid, f'C{c:03d}'))

FIXTURE.mkdir(parents=True, exist_ok=True)
for name, header, table in [('patents', ['patent_id', 'app_year'], patents), ('applicants', ['patent_id', 'seq', 'applicant', 'city'], rows),
                            ('citations', ['citing_id', 'cited_id'], citations), ('firm_types', ['applicant', 'type', 'label'], types)]:
    with open(FIXTURE / f'{name}.csv', 'w', newline='') as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(table)

# ---------------------------------------------------------------- expected values, from the raw rows
year_of = dict(patents)
by_patent = defaultdict(list)
for pid, seq, f, city in rows:
    if f:
        by_patent[pid].append((seq, f))

# A firm's city: its most frequent city over all its rows, ties by the least name.
city_counts = defaultdict(Counter)
for pid, seq, f, city in rows:
    if f:
        city_counts[f][city] += 1
modal_city = {f: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for f, c in city_counts.items()}
type_of = {f: t for f, t, _ in types}


def ei(graph, group):
    """UCINET's E-I index on the binary ties: (E − I)/(E + I)."""
    internal = sum(1 for a, b in graph.edges() if group(a) == group(b))
    external = graph.number_of_edges() - internal
    return (external - internal) / (external + internal)


windows = []
for lo, hi in WINDOWS:
    g = nx.Graph()
    patents_of = Counter()
    for pid, holders in by_patent.items():
        if not lo <= year_of[pid] <= hi:
            continue
        ordered = [f for _, f in sorted(holders)]
        for a, b in combinations(ordered, 2):
            w = g.get_edge_data(a, b, {'weight': 0})['weight']
            g.add_edge(a, b, weight=w + 1)
        for f in set(ordered):
            patents_of[f] += 1
    # Technological overlap of firms: the distinct patents both firms' patents of the window cite.
    cited_by = defaultdict(set)
    for pid, c in citations:
        if lo <= year_of[pid] <= hi:
            for _, f in by_patent[pid]:
                cited_by[f].add(c)
    overlap = sorted([a, b, len(cited_by[a] & cited_by[b])] for a, b in combinations(sorted(cited_by), 2) if cited_by[a] & cited_by[b])
    nodes = sorted(g.nodes())
    n, m = g.number_of_nodes(), g.number_of_edges()
    betweenness = nx.betweenness_centrality(g, normalized=False)
    windows.append({
        'window': f'{lo}–{hi}',
        'nodes': n,
        'edges': m,
        'total_weight': sum(d['weight'] for _, _, d in g.edges(data=True)),
        'density': 2 * m / (n * (n - 1)),
        'ei_city': ei(g, lambda f: modal_city[f]),
        # Firms without a type are a group of their own.
        'ei_type': ei(g, lambda f: type_of.get(f, '\0missing')),
        'node_ids': nodes,
        'degree': [g.degree(f, weight='weight') for f in nodes],
        'binary_degree': [g.degree(f) for f in nodes],
        'betweenness': [betweenness[f] for f in nodes],
        'patents': [patents_of[f] for f in nodes],
        'overlap_ties': overlap,
    })

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({
    'source': f'test/oracles/scripts/golden_firm_network.py (networkx {nx.__version__})',
    'city': modal_city,
    'type': type_of,
    'windows': windows,
}, indent=1, ensure_ascii=False) + '\n')
print(f'wrote {OUT.relative_to(ROOT)}: ' + ', '.join(f"{w['window']} {w['nodes']} nodes {w['edges']} ties" for w in windows))
