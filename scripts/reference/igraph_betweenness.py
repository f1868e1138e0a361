#!/usr/bin/env python3
"""Times python-igraph's exact betweenness on the routable graph of a snapshot (for scripts/bench/centrality.bench.ts).

Same routable-graph definition as the engine and centrality_reference.py: a channel is usable when at least
one direction has an enabled policy (describegraph: a policy that is not null and not disabled; CLN
listchannels: a direction entry with active = true); undirected, parallel channels collapsed, self-loops dropped.
With --all-channels every announced channel counts (the "whole graph" variant).

Prints one JSON line: {"nodes", "edges", "seconds", "max", "sum"}.
Usage: /usr/bin/python3 scripts/reference/igraph_betweenness.py SNAPSHOT.json.gz [--all-channels]
"""
import gzip
import json
import sys
import time

import igraph


def routable_edges(path, all_channels):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        j = json.load(f)
    edges = set()
    if "edges" in j:
        on = lambda p: p is not None and not p.get("disabled", False)  # noqa: E731
        for e in j["edges"]:
            a, b = e["node1_pub"], e["node2_pub"]
            if a != b and (all_channels or on(e["node1_policy"]) or on(e["node2_policy"])):
                edges.add((a, b) if a < b else (b, a))
    else:
        for c in j["channels"]:
            a, b = c["source"], c["destination"]
            if a != b and (all_channels or c["active"]):
                edges.add((a, b) if a < b else (b, a))
    return edges


def main():
    edges = routable_edges(sys.argv[1], "--all-channels" in sys.argv)
    nodes = sorted({p for e in edges for p in e})
    index = {p: i for i, p in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in sorted(edges)])
    t0 = time.perf_counter()
    bc = g.betweenness(directed=False)
    seconds = time.perf_counter() - t0
    print(json.dumps({"nodes": len(nodes), "edges": g.ecount(), "seconds": seconds, "max": max(bc), "sum": sum(bc)}))


if __name__ == "__main__":
    main()
