"""networkx's side of the issue-13 indicators on case 08 (directed, valued) and case 12 (undirected, valued):
Burt's effective size and constraint, weighted and binary, and local clustering with networkx's 0 below
degree 2. Run after golden_indicators.R (which writes case 12's edges), from the repository root:
  python3 test/oracles/scripts/golden_indicators.py
"""
import csv
import json
import math
from pathlib import Path

import networkx as nx

ROOT = Path("test/oracles/sna")


def read_graph(folder, directed):
    nodes = [row["region"] for row in csv.DictReader(open(folder / "nodes.csv"))]
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(nodes)
    for row in csv.DictReader(open(folder / "edges.csv")):
        graph.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    return nodes, graph


def max_view(nodes, digraph):
    """The undirected view by max(w_ij, w_ji), as R's pmax."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for u, v, w in digraph.edges(data="weight"):
        graph.add_edge(u, v, weight=max(w, graph[u][v]["weight"]) if graph.has_edge(u, v) else w)
    return graph


def column(nodes, values):
    return [None if values[n] is None or math.isnan(values[n]) else values[n] for n in nodes]


def holes(nodes, graph):
    # nodes= takes networkx's per-node path, Burt's formula as documented. Without it networkx 3.6 takes a
    # sparse-matrix shortcut that gives other values on directed graphs (R01 of case 08: 1.4753 vs 1.4691).
    return {
        "effective_size": column(nodes, nx.effective_size(graph, nodes=nodes, weight="weight")),
        "effective_size_binary": column(nodes, nx.effective_size(graph, nodes=nodes)),
        "constraint": column(nodes, nx.constraint(graph, weight="weight")),
        "constraint_binary": column(nodes, nx.constraint(graph)),
    }


nodes08, directed08 = read_graph(ROOT / "08_random_digraph_30", True)
view08 = max_view(nodes08, directed08)
case08 = {
    "tool": f"networkx {nx.__version__}",
    "directed": holes(nodes08, directed08),
    "max": {**holes(nodes08, view08), "clustering": column(nodes08, nx.clustering(view08))},
}
nodes12, graph12 = read_graph(ROOT / "12_undirected_valued", False)
case12 = {"tool": case08["tool"], "undirected": {**holes(nodes12, graph12), "clustering": column(nodes12, nx.clustering(graph12))}}
for folder, result in [("08_random_digraph_30", case08), ("12_undirected_valued", case12)]:
    (ROOT / folder / "networkx_indicators.json").write_text(json.dumps(result, indent=1) + "\n")
