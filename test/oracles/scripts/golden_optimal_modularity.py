"""Exact optimal modularity (python-igraph's community_optimal_modularity, GLPK integer programming) on six
public or seeded networks of up to 38 nodes, with how often igraph's and networkx's Louvain reach it in 200
seeds. R igraph on this machine is built without GLPK, so cluster_optimal() cannot run; python-igraph calls the
same C routine. Run with Debian's python (python3-igraph, python3-networkx), from the repository root:
  /usr/bin/python3 test/oracles/scripts/golden_optimal_modularity.py
Directed networks are read as Gephi does: the undirected view with w_ij + w_ji.
"""
import csv
import json
import random
from pathlib import Path

import igraph as ig
import networkx as nx

SNA = Path("test/oracles/sna")
OUT = SNA / "13_optimal_modularity" / "expected.json"


def csv_edges(path, weight=None):
    return [(r["source"], r["target"], float(r[weight]) if weight else 1.0) for r in csv.DictReader(open(path))]


def planted_38():
    """A seeded planted partition: 38 nodes in blocks of 12, 10, 9 and 7 (p_in 0.35, p_out 0.05), integer weights 1–4."""
    g = nx.random_partition_graph([12, 10, 9, 7], 0.35, 0.05, seed=13)
    rng = random.Random(13)
    return [(f"n{u:02d}", f"n{v:02d}", float(rng.randint(1, 4))) for u, v in sorted(g.edges())]


def networks():
    karate = nx.karate_club_graph()  # networkx 2.8.8 carries Zachary's interaction counts as weights
    florentine = nx.florentine_families_graph()
    davis = nx.davis_southern_women_graph()
    return {
        "karate": (False, [(str(u), str(v), 1.0) for u, v in karate.edges()]),
        "karate_weighted": (False, [(str(u), str(v), float(d["weight"])) for u, v, d in karate.edges(data=True)]),
        "florentine": (False, [(u, v, 1.0) for u, v in florentine.edges()]),
        "davis_southern_women": (False, [(u, v, 1.0) for u, v in davis.edges()]),
        "krackhardt_advice": (True, csv_edges(SNA / "02_concor" / "krack_advice_edges.csv")),
        "random_digraph_30": (True, csv_edges(SNA / "08_random_digraph_30" / "edges.csv", "weight")),
        "planted_38": (False, planted_38()),
    }


def undirected_view(directed, edges):
    """igraph graph with summed weights (reciprocal arcs of a directed network added)."""
    nodes = sorted({x for e in edges for x in e[:2]})
    index = {n: i for i, n in enumerate(nodes)}
    weights = {}
    for s, t, w in edges:
        key = tuple(sorted((index[s], index[t])))
        weights[key] = weights.get(key, 0.0) + w
    g = ig.Graph(n=len(nodes), edges=list(weights), directed=False)
    g.vs["name"] = nodes
    g.es["weight"] = list(weights.values())
    return g


def hits(qs, optimum):
    return sum(abs(q - optimum) < 1e-9 for q in qs)


def main():
    out = {"tools": {"python-igraph": ig.__version__, "networkx": nx.__version__}, "networks": {}}
    for name, (directed, edges) in networks().items():
        g = undirected_view(directed, edges)
        weights = g.es["weight"]
        optimal = g.community_optimal_modularity(weights="weight")
        igraph_qs = []
        for seed in range(200):
            random.seed(seed)
            ig.set_random_number_generator(random)
            igraph_qs.append(g.community_multilevel(weights="weight").modularity)
        nxg = nx.Graph()
        for e, w in zip(g.es, weights):
            nxg.add_edge(g.vs[e.source]["name"], g.vs[e.target]["name"], weight=w)
        nx_qs = [nx.community.modularity(nxg, nx.community.louvain_communities(nxg, weight="weight", seed=s), weight="weight") for s in range(200)]
        out["networks"][name] = {
            "directed": directed,
            "edges": [[s, t, w] for s, t, w in edges],
            "nodes": g.vs["name"],
            "optimal_modularity": optimal.modularity,
            "optimal_membership": optimal.membership,
            "communities": len(optimal),
            "igraph_multilevel_hits_of_200": hits(igraph_qs, optimal.modularity),
            "networkx_louvain_hits_of_200": hits(nx_qs, optimal.modularity),
        }
        print(name, g.vcount(), g.ecount(), optimal.modularity, len(optimal), out["networks"][name]["igraph_multilevel_hits_of_200"], out["networks"][name]["networkx_louvain_hits_of_200"])
    OUT.write_text(json.dumps(out, indent=1) + "\n")


main()
