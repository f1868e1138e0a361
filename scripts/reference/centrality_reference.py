#!/usr/bin/env python3
"""Independent reference centralities for a few real nodes of the embedded 2026 graph, computed with igraph.

Reads the describegraph JSON directly (no code shared with the TypeScript engine) and writes
test/fixtures/centrality-reference-2026.json, which src/graph/analytics/centrality-reference.spec.ts compares
the engine against.

Routable graph (the engine's definition, reproduced here):
- a channel is usable when at least one direction has a policy that is not null and not disabled;
- the graph is undirected and simple: parallel usable channels between two nodes are one edge, self-loops dropped;
- routable nodes are the nodes with at least one usable channel; n = their number.
Centralities (igraph 0.10):
- betweenness: Graph.betweenness(directed=False), every unordered pair once; normalised by (n-1)(n-2)/2;
- harmonic closeness: Graph.harmonic_centrality(), sum of 1/d over the other nodes (unreachable add 0);
  normalised by (n-1) (harmonic_centrality(normalized=True));
- eigenvector: Graph.eigenvector_centrality(scale=True) on the largest connected component (max = 1), and
  the same vector scaled to unit Euclidean norm; nodes outside that component score 0;
- mean hop distance: mean of d over the nodes the node can reach;
- ranks: competition ranking among routable nodes (1 = largest, ties share the best rank), comparing values
  rounded to 12 significant digits; unroutable nodes have no value and no rank (null).

Needs python3-igraph (Debian: apt-get install -y python3-igraph; it installs for /usr/bin/python3).
Usage: python3 scripts/reference/centrality_reference.py [snapshot.json.gz] [out.json]
"""
import gzip
import json
import math
import sys
import time

import igraph

SNAPSHOT = sys.argv[1] if len(sys.argv) > 1 else "data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz"
OUT = sys.argv[2] if len(sys.argv) > 2 else "test/fixtures/centrality-reference-2026.json"
NODES = {
    "ACINQ (largest hub)": "03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f",
    "1ML.com node ALPHA (mostly zombie channels)": "0217890e3aad8d35bc054f43acc00084b25229ecff0ab68debd82883ad65ee8266",
    "CoinGate": "0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3",
    "Instant (small node, 3 channels)": "02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e",
    "SLIMYRAGE- (146 channels, none usable)": "02d246c519845e7b23b02684d64ca23b750958e0307f9519849ee2535e3637999a",
}


def enabled(policy):
    return policy is not None and not policy.get("disabled", False)


def key12(x):
    return float("%.12g" % x)


def competition_ranks(values):
    """values: dict node -> float. Rank 1 = largest, ties (at 12 significant digits) share the best rank."""
    keys = {k: key12(v) for k, v in values.items()}
    ordered = sorted(keys.values(), reverse=True)
    first = {}
    for i, x in enumerate(ordered):
        first.setdefault(x, i + 1)
    return {k: first[x] for k, x in keys.items()}


def main():
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as f:
        graph = json.load(f)
    alias = {n["pub_key"]: n.get("alias") for n in graph["nodes"]}
    everyone = set(alias)
    edges = set()
    for e in graph["edges"]:
        a, b = e["node1_pub"], e["node2_pub"]
        everyone.update((a, b))
        if a == b or not (enabled(e["node1_policy"]) or enabled(e["node2_policy"])):
            continue
        edges.add((a, b) if a < b else (b, a))
    routable = sorted({p for e in edges for p in e})
    index = {p: i for i, p in enumerate(routable)}
    n = len(routable)
    g = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in sorted(edges)])
    assert g.is_simple()

    t0 = time.time()
    betweenness = g.betweenness(directed=False)
    t_bc = time.time() - t0
    harmonic = g.harmonic_centrality(normalized=False)
    components = g.connected_components()
    # Largest component; ties would go to the one holding the smallest pubkey (none on mainnet).
    giant = max(components, key=lambda c: (len(c), -min(c)))
    sub = g.subgraph(giant)
    scaled_sub = sub.eigenvector_centrality(scale=True)
    norm = math.sqrt(sum(x * x for x in scaled_sub))
    eigen_scaled = [0.0] * n
    for local, v in enumerate(sorted(giant)):
        eigen_scaled[v] = scaled_sub[local]
    eigen_unit = [x / norm for x in eigen_scaled]

    by_node = lambda values: {i: values[i] for i in range(n)}  # noqa: E731
    ranks = {
        "betweenness": competition_ranks(by_node(betweenness)),
        "closeness": competition_ranks(by_node(harmonic)),
        "eigenvector": competition_ranks(by_node(eigen_scaled)),
    }
    pairs = (n - 1) * (n - 2) / 2

    # Extra nodes picked by rule, so the fixture also covers a median node and a single-channel node.
    order = sorted(range(n), key=lambda i: (-betweenness[i], routable[i]))
    positive = [i for i in order if betweenness[i] > 0]
    picks = dict(NODES)
    picks["median node (median betweenness among nodes with betweenness > 0)"] = routable[positive[len(positive) // 2]]
    leaves = [i for i in range(n) if g.degree(i) == 1 and g.degree(g.neighbors(i)[0]) > 1]
    picks["single-channel node (first by pubkey)"] = routable[min(leaves, key=lambda i: routable[i])]
    outside = [i for i in range(n) if i not in set(giant)]
    if outside:
        picks["routable node outside the largest component (first by pubkey)"] = routable[min(outside, key=lambda i: routable[i])]

    out = {
        "snapshot": SNAPSHOT.split("/")[-1],
        "generator": f"scripts/reference/centrality_reference.py, python-igraph {igraph.__version__}",
        "total_nodes": len(everyone),
        "routable_nodes": n,
        "routable_edges": g.ecount(),
        "largest_component_size": len(giant),
        "igraph_betweenness_seconds": round(t_bc, 2),
        "totals": {
            "betweenness_sum": sum(betweenness),
            "harmonic_sum": sum(harmonic),
            "betweenness_max": max(betweenness),
        },
        "nodes": [],
    }
    for label, pk in picks.items():
        entry = {"label": label, "pubkey": pk, "alias": alias.get(pk), "routable": pk in index}
        if pk in index:
            i = index[pk]
            dist = g.distances(source=[i])[0]
            reach = [d for j, d in enumerate(dist) if j != i and math.isfinite(d)]
            entry.update({
                "degree": g.degree(i),
                "betweenness": betweenness[i],
                "betweenness_normalized": betweenness[i] / pairs,
                "betweenness_rank": ranks["betweenness"][i],
                "closeness_harmonic": harmonic[i],
                "closeness_harmonic_normalized": harmonic[i] / (n - 1),
                "closeness_rank": ranks["closeness"][i],
                "eigenvector_unit": eigen_unit[i],
                "eigenvector_scaled": eigen_scaled[i],
                "eigenvector_rank": ranks["eigenvector"][i],
                "mean_hop_distance": sum(reach) / len(reach),
            })
        else:
            entry.update({k: None for k in (
                "degree", "betweenness", "betweenness_normalized", "betweenness_rank", "closeness_harmonic",
                "closeness_harmonic_normalized", "closeness_rank", "eigenvector_unit", "eigenvector_scaled",
                "eigenvector_rank", "mean_hop_distance")})
        out["nodes"].append(entry)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(out['nodes'])} nodes, n={n}, igraph betweenness {t_bc:.2f} s")


if __name__ == "__main__":
    main()
