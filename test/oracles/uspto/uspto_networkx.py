#!/usr/bin/env python3
"""Golden numbers for examples/uspto.study, computed independently of Innograph with networkx.

Reads the raw USPTO sample as copied (examples/data/uspto/raw/*.csv, which the spec reads too), derives
application years, region codes and cited-document ids itself, and builds for the windows 2003-2007 and
2008-2012:
- invco: co-invention between regions (US state as US-XX, else the country), one tie per patent and
  distinct region pair; a patent with two or more inventors in one region adds 1 to that region's intra
  volume; nodes are the regions with a tie or an intra volume;
- intl: the same between countries;
- overlap: co-citation, |C_i n C_j| distinct cited documents of the regions' patents; nodes have a tie;
- the node panel of examples/uspto.study (every invco node of either window x the two windows):
  Patents (distinct patents with an inventor there), Inventors (inventor entries), Degree, Between.
Whole-network indicators follow the conventions in docs/LANGUAGE.md 7.7 and the team's METHODS.md:
Gephi density and clustering (undirected: mean local clustering over nodes of degree > 1), binary path
length over reachable pairs, UCINET valued degree centralization in percent, UCINET normalised
betweenness (100 * raw / ((n-1)(n-2)/2) = 100 * networkx normalised), UCINET closeness with unreachable
distances replaced by the maximum observed distance + 1. Modularity: the best of networkx's Louvain over
200 seeds (weights used). Writes uspto_networkx.json and regions_panel.csv (the input of uspto_models.R).

Run from the repository root: python3 test/oracles/uspto/uspto_networkx.py
"""
import csv
import itertools
import json
import os
import re
import sys
from collections import defaultdict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, '..', '..', '..', 'examples', 'data', 'uspto', 'raw')
WINDOWS = [(2003, 2007), (2008, 2012)]
INVENTOR_ROLES = {'inventor', 'applicant-inventor'}


def read(name):
    with open(os.path.join(RAW, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


patents = read('patents.csv')
locations = read('locations.csv')
citations = read('citations.csv')

app_year = {p['patent_number']: int(p['app_date'][:4]) for p in patents}
inventors = [l for l in locations if l['role'] in INVENTOR_ROLES]


def region(l):
    return 'US-' + l['state'] if l['country'] == 'US' else l['country']


def label(w):
    return f'{w[0]}\u2013{w[1]}'


def in_window(patent, w):
    return w[0] <= app_year[patent] <= w[1]


def holders(level):
    """patent -> list of the region codes of its inventors (one per inventor)."""
    out = defaultdict(list)
    for l in inventors:
        out[l['patent_number']].append(region(l) if level == 'region' else l['country'])
    return out


def coinvention(level, w):
    g = nx.Graph()
    intra = defaultdict(int)
    for patent, regions in holders(level).items():
        if not in_window(patent, w):
            continue
        for r in set(regions):
            if regions.count(r) >= 2:
                intra[r] += 1
                g.add_node(r)
        for a, b in itertools.combinations(sorted(set(regions)), 2):
            g.add_edge(a, b, weight=g.get_edge_data(a, b, {'weight': 0})['weight'] + 1)
    return g, dict(intra)


def cocitation(w):
    cited_by = defaultdict(set)  # patent -> cited document ids
    for c in citations:
        cited_by[c['citing']].add(c['cited_country'] + re.sub(r'\s+', '', c['cited_number']))
    base = defaultdict(set)  # region -> C_r
    for patent, regions in holders('region').items():
        if in_window(patent, w):
            for r in set(regions):
                base[r] |= cited_by[patent]
    g = nx.Graph()
    for a, b in itertools.combinations(sorted(base), 2):
        shared = len(base[a] & base[b])
        if shared:
            g.add_edge(a, b, weight=shared)
    return g


def path_stats(g):
    lengths = [d for s, row in nx.all_pairs_shortest_path_length(g) for t, d in row.items() if s != t]
    return (sum(lengths) / len(lengths) if lengths else None), (max(lengths) if lengths else None)


def gephi_clustering(g):
    local = nx.clustering(g)  # binary
    eligible = [v for v in g if g.degree(v) > 1]
    return sum(local[v] for v in eligible) / len(eligible) if eligible else 0.0


def ucinet_centralization(g):
    n = g.number_of_nodes()
    strength = dict(g.degree(weight='weight'))
    w_max = max(d['weight'] for _, _, d in g.edges(data=True))
    return 100 * (n * max(strength.values()) - sum(strength.values())) / (w_max * (n - 1) * (n - 2))


def best_louvain(g, seeds=200):
    best = max(nx.community.modularity(g, nx.community.louvain_communities(g, weight='weight', seed=s), weight='weight') for s in range(seeds))
    return best


def whole(g, intra=None, modularity=False):
    n = g.number_of_nodes()
    apl, diameter = path_stats(g)
    out = {
        'nodes': n,
        'edges': g.number_of_edges(),
        'total_weight': sum(d['weight'] for _, _, d in g.edges(data=True)),
        'density': nx.density(g),
        'clustering': gephi_clustering(g),
        'path_length': apl,
        'diameter': diameter,
        'centralization': ucinet_centralization(g),
    }
    if intra is not None:
        out['intra'] = sum(intra.values())
    if modularity:
        out['modularity_best_louvain'] = best_louvain(g)
    return out


def ucinet_closeness(g):
    n = g.number_of_nodes()
    d = dict(nx.all_pairs_shortest_path_length(g))
    max_d = max(x for s in d for t, x in d[s].items() if s != t)
    return {v: (n - 1) / sum(d[v].get(u, max_d + 1) for u in g if u != v) for v in g}


def node_table(g, intra, w):
    n = g.number_of_nodes()
    strength = dict(g.degree(weight='weight'))
    centrality = nx.degree_centrality(g)  # binary degree / (n - 1)
    between = nx.betweenness_centrality(g, normalized=True)  # undirected: raw / ((n-1)(n-2)/2)
    close = ucinet_closeness(g)
    patents = defaultdict(set)
    for l in inventors:
        if in_window(l['patent_number'], w):
            patents[region(l)].add(l['patent_number'])
    return {v: {
        'degree': strength[v],
        'degree_centrality': centrality[v],
        'binary_degree': round(centrality[v] * (n - 1)),
        'betweenness_ucinet': 100 * between[v],
        'closeness': close[v],
        'intra': intra.get(v, 0),
        'patents': len(patents[v]),
    } for v in sorted(g)}


def panel(networks):
    units = sorted(set().union(*(set(g) for g, _ in networks)))
    rows = []
    for w, (g, _) in zip(WINDOWS, networks):
        raw_between = nx.betweenness_centrality(g, normalized=False)  # undirected: each pair once
        patents, entries = defaultdict(set), defaultdict(int)
        for l in inventors:
            if in_window(l['patent_number'], w):
                patents[region(l)].add(l['patent_number'])
                entries[region(l)] += 1
        for u in units:
            rows.append({
                'i': u, 't': label(w),
                'Patents': len(patents[u]), 'Inventors': entries[u],
                'Degree': g.degree(u, weight='weight') if u in g else 0,
                'Between': raw_between.get(u, 0.0),
            })
    return rows


def main():
    invco = [coinvention('region', w) for w in WINDOWS]
    intl = [coinvention('country', w) for w in WINDOWS]
    overlap = [cocitation(w) for w in WINDOWS]
    rows = panel(invco)
    golden = {
        'source': 'test/oracles/uspto/uspto_networkx.py on examples/data/uspto/raw',
        'networkx': nx.__version__,
        'python': sys.version.split()[0],
        'sample': {
            'patents': len(patents), 'inventor_rows': len(inventors), 'citations': len(citations),
            'patents_in_windows': {label(w): sum(in_window(p, w) for p in app_year) for w in WINDOWS},
        },
        'invco': {label(w): whole(g, intra, modularity=True) for w, (g, intra) in zip(WINDOWS, invco)},
        'intl': {label(w): whole(g, intra) for w, (g, intra) in zip(WINDOWS, intl)},
        'overlap': {label(w): {
            **{k: v for k, v in whole(g).items() if k in ('nodes', 'edges', 'total_weight', 'density', 'clustering', 'path_length')},
            'top_ties': sorted(([a, b, d['weight']] if a < b else [b, a, d['weight']] for a, b, d in g.edges(data=True)), key=lambda t: (-t[2], t[0], t[1]))[:5],
        } for w, g in zip(WINDOWS, overlap)},
        'invco_nodes_2008_2012': node_table(*invco[1], WINDOWS[1]),
        'panel': {'rows': len(rows), 'regions': len(rows) // len(WINDOWS)},
    }
    with open(os.path.join(HERE, 'uspto_networkx.json'), 'w', encoding='utf-8') as f:
        json.dump(golden, f, indent=1, ensure_ascii=False)
        f.write('\n')
    with open(os.path.join(HERE, 'regions_panel.csv'), 'w', newline='', encoding='utf-8') as f:
        out = csv.DictWriter(f, fieldnames=['i', 't', 'Patents', 'Inventors', 'Degree', 'Between'], lineterminator='\n')
        out.writeheader()
        out.writerows(rows)


if __name__ == '__main__':
    main()
