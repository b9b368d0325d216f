"""What networkx reads from the export samples in test/oracles/exports, as JSON for exports.test.ts.

Run: python3 test/oracles/scripts/exports_roundtrip.py > test/oracles/exports/roundtrip_networkx.json
Needs networkx >= 3.0 (GEXF 1.3; Debian 12's python3-networkx 2.8.8 reads GEXF only up to 1.2draft).

Every file is read with networkx's own reader; CSVs with Python's csv module (RFC 4180 dialect).
One exception: networkx's GEXF reader forces the edge attribute "weight" to static, keeping only the last
per-time value, so the dynamic file's per-window weights are read with ElementTree.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

SAMPLES = Path(__file__).resolve().parent.parent / "exports"
RESERVED = {"label", "id", "weight", "spells", "start", "end"}


def typed(value):
    """A value with its Python type, so the JSON shows how the declared type was read."""
    return {"value": value, "type": type(value).__name__}


def graph_json(g):
    nodes = []
    for n, data in g.nodes(data=True):
        attributes = {k: (v if isinstance(v, list) else typed(v)) for k, v in data.items() if k not in RESERVED}
        entry = {"id": n, "label": data.get("label"), "attributes": attributes}
        if "spells" in data:
            entry["spells"] = data["spells"]
        nodes.append(entry)
    edges = []
    for u, v, data in g.edges(data=True):
        entry = {"source": u, "target": v, "weight": data.get("weight")}
        if "spells" in data:
            entry["spells"] = data["spells"]
        edges.append(entry)
    return {"directed": g.is_directed(), "nodes": nodes, "edges": edges}


def dynamic_weights(path):
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(path).getroot()
    return {
        e.get("id"): [[float(a.get("value")), float(a.get("start")), float(a.get("end"))] for a in e.findall("g:attvalues/g:attvalue[@for='weight']", ns)]
        for e in root.iter("{http://gexf.net/1.3}edge")
    }


def pajek_json(path):
    g = nx.read_pajek(path)
    return {
        "directed": g.is_directed(),
        "nodes": [{"id": n} for n in g.nodes],
        "edges": [{"source": u, "target": v, "weight": d["weight"]} for u, v, d in g.edges(data=True)],
    }


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


files = {}
for name in sorted(p.name for p in SAMPLES.iterdir()):
    path = SAMPLES / name
    if name.endswith(".gexf"):
        files[name] = graph_json(nx.read_gexf(path))
        if name.startswith("dynamic"):
            files[name]["edge_weights_elementtree"] = dynamic_weights(path)
    elif name.endswith(".graphml"):
        files[name] = graph_json(nx.read_graphml(path))
    elif name.endswith(".net"):
        files[name] = pajek_json(path)
    elif name.endswith(".csv"):
        files[name] = csv_rows(path)

json.dump({"tool": f"networkx {nx.__version__}, Python {sys.version.split()[0]}", "files": files}, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
print()
