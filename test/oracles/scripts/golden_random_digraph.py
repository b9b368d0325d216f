"""Case 08: a seeded random directed valued network of 30 regions in three blocks (plus an isolate), so
that the directed graph is not strongly connected and its undirected view has several components.
Writes the network and what networkx and python-igraph compute on it, with weights removed for paths,
betweenness, closeness and clustering (METHODS A(b), A(c); pitfall 1).

Run with Debian's packages (python3-networkx 2.8.8, python3-igraph 0.10.2):
  /usr/bin/python3 test/oracles/scripts/golden_random_digraph.py test/oracles/sna/08_random_digraph_30
then test/oracles/scripts/golden_random_digraph.R on the same folder.
"""
import csv
import json
import random
import sys
from pathlib import Path

import igraph
import networkx as nx
from networkx.algorithms import community

out = Path(sys.argv[1])
rng = random.Random(20261122)
nodes = [f"R{i:02d}" for i in range(1, 31)]
# Blocks: R01–R14, R15–R26, R27–R29; R30 has no ties. Arcs only inside a block.
blocks = [nodes[0:14], nodes[14:26], nodes[26:29], nodes[29:30]]
density_in_block = [0.18, 0.22, 0.5, 0.0]
arcs = []
for block, p in zip(blocks, density_in_block):
    for s in block:
        for t in block:
            if s != t and rng.random() < p:
                arcs.append((s, t, rng.randint(1, 9)))

with open(out / "nodes.csv", "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([["region", "block"]] + [[n, k + 1] for k, b in enumerate(blocks) for n in b])
with open(out / "edges.csv", "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([["source", "target", "weight"]] + [list(a) for a in arcs])

G = nx.DiGraph()
G.add_nodes_from(nodes)
G.add_weighted_edges_from(arcs)
U = G.to_undirected(as_view=False)  # binary measures only: the weight kept per pair does not matter
# Undirected weights for modularity: reciprocal arcs summed (Gephi, METHODS A(b)).
W = nx.Graph()
W.add_nodes_from(nodes)
for s, t, w in arcs:
    W.add_edge(s, t, weight=W.get_edge_data(s, t, {"weight": 0})["weight"] + w)


def mean_path(g):
    lengths = [d for s, row in nx.all_pairs_shortest_path_length(g) for t, d in row.items() if s != t]
    return {"average": sum(lengths) / len(lengths), "diameter": max(lengths), "reachable_pairs": len(lengths)}


def gephi_directed_clustering(g):
    """Gephi's directed clustering from networkx primitives: density of the neighbourhood (in ∪ out)."""
    per_node = []
    for v in g.nodes:
        hood = set(g.successors(v)) | set(g.predecessors(v))
        per_node.append(nx.density(g.subgraph(hood)) if len(hood) > 1 else 0.0)
    return {"average": sum(per_node) / len(per_node), "per_node": per_node}


def in_order(values):
    return [values[n] for n in nodes]


block_of = {n: k for k, b in enumerate(blocks) for n in b}
louvain = community.louvain_communities(W, weight="weight", seed=7)
louvain_membership = [next(k for k, c in enumerate(louvain) if n in c) for n in nodes]
partitions = {"blocks": [block_of[n] for n in nodes], "networkx_louvain_seed7": louvain_membership}


def communities_of(membership):
    return [{n for n, c in zip(nodes, membership) if c == k} for k in sorted(set(membership))]


undirected_clustering = nx.clustering(U)
networkx_values = {
    "directed": {
        "density": nx.density(G),
        "betweenness_raw": in_order(nx.betweenness_centrality(G, normalized=False, weight=None)),
        "betweenness_normalized": in_order(nx.betweenness_centrality(G, normalized=True, weight=None)),
        "closeness_in_reachable": in_order(nx.closeness_centrality(G, wf_improved=False)),
        "closeness_out_reachable": in_order(nx.closeness_centrality(G.reverse(copy=True), wf_improved=False)),
        "path_length": mean_path(G),
        "gephi_clustering": gephi_directed_clustering(G),
    },
    "undirected": {
        "density": nx.density(U),
        "betweenness_raw": in_order(nx.betweenness_centrality(U, normalized=False, weight=None)),
        "betweenness_normalized": in_order(nx.betweenness_centrality(U, normalized=True, weight=None)),
        "closeness_reachable": in_order(nx.closeness_centrality(U, wf_improved=False)),
        "path_length": mean_path(U),
        "clustering_per_node": in_order(undirected_clustering),
        "clustering_average_degree_ge_2": sum(undirected_clustering[n] for n in nodes if U.degree(n) >= 2) / sum(1 for n in nodes if U.degree(n) >= 2),
        "clustering_average_zeros_included": nx.average_clustering(U),
    },
    "modularity": [
        {"partition": name, "weighted": weighted, "resolution": gamma,
         "Q": community.modularity(W, communities_of(m), weight="weight" if weighted else None, resolution=gamma)}
        for name, m in partitions.items() for weighted in (True, False) for gamma in (1.0, 0.5, 2.0)
    ],
}

# python-igraph on the same arcs, without the weight attribute for distances.
index = {n: i for i, n in enumerate(nodes)}
g = igraph.Graph(n=len(nodes), edges=[(index[s], index[t]) for s, t, _ in arcs], directed=True)
u = g.as_undirected(mode="collapse")
wg = igraph.Graph(n=len(nodes), edges=[(index[s], index[t]) for s, t in W.edges], directed=False)
wg.es["weight"] = [d["weight"] for _, _, d in W.edges(data=True)]
igraph_values = {
    "directed": {
        "density": g.density(loops=False),
        "betweenness_raw": g.betweenness(directed=True),
        "closeness_out": g.closeness(mode="out", normalized=True),
        "closeness_in": g.closeness(mode="in", normalized=True),
        "average_path_length_unconn": g.average_path_length(directed=True, unconn=True),
        "diameter_unconn": g.diameter(directed=True, unconn=True),
    },
    "undirected": {
        "density": u.density(loops=False),
        "betweenness_raw": u.betweenness(directed=False),
        "closeness": u.closeness(normalized=True),
        "average_path_length_unconn": u.average_path_length(directed=False, unconn=True),
        "diameter_unconn": u.diameter(directed=False, unconn=True),
        "transitivity_avglocal_nan": u.transitivity_avglocal_undirected(mode="nan"),
    },
    "modularity": [
        {"partition": name, "weighted": weighted, "resolution": gamma,
         # GraphBase: python-igraph 0.10.2's Graph.modularity wrapper drops `resolution`
         "Q": igraph.GraphBase.modularity(wg, m, "weight" if weighted else None, gamma)}
        for name, m in partitions.items() for weighted in (True, False) for gamma in (1.0, 0.5, 2.0)
    ],
}



def json_safe(x):
    """NaN (igraph's closeness of an isolate) is not JSON: write null."""
    if isinstance(x, float) and x != x:
        return None
    if isinstance(x, dict):
        return {k: json_safe(v) for k, v in x.items()}
    if isinstance(x, list):
        return [json_safe(v) for v in x]
    return x


tools = f"networkx {nx.__version__}, python-igraph {igraph.__version__}, Python {sys.version.split()[0]}"
json.dump(json_safe({"tool": tools, "nodes": nodes, "partitions": partitions, "networkx": networkx_values, "igraph": igraph_values}),
          open(out / "py_networkx_igraph.json", "w"), indent=1)
