"""Core numbers for the network panel's k-core filter (client/webview/network/cores.ts): a seeded random
undirected graph of 300 nodes with hubs, and a directed one on the same nodes (networkx counts in- and
out-ties, as the panel does), plus isolates. Writes ties and networkx's core_number.

Run with Debian's packages (python3-networkx):
  /usr/bin/python3 test/oracles/scripts/golden_core_number.py test/oracles/panels/core_number.json
"""
import json
import random
import sys

import networkx as nx

rng = random.Random(20261206)
nodes = [f"N{i:03d}" for i in range(300)]


def ties(directed):
    # preferential: a tie's first end drawn with weight 1/(rank+1), so a few nodes have high degree and deep cores
    weights = [1 / (i + 1) for i in range(280)]  # N280-N299 stay isolated
    seen = set()
    out = []
    while len(out) < 1500:
        a = rng.choices(range(280), weights)[0]
        b = rng.randrange(280)
        key = (a, b) if directed else (min(a, b), max(a, b))
        if a == b or key in seen:
            continue
        seen.add(key)
        out.append([nodes[key[0]], nodes[key[1]], rng.randint(1, 5)])
    return out


cases = {}
for name, directed in (("undirected", False), ("directed", True)):
    t = ties(directed)
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from(t)
    cores = nx.core_number(g)
    cases[name] = {"directed": directed, "nodes": nodes, "ties": t, "core_number": [cores[n] for n in nodes]}

cases["networkx"] = nx.__version__
with open(sys.argv[1], "w") as f:
    json.dump(cases, f)
    f.write("\n")
