#!/usr/bin/env python3
"""Independent reference figures for a few real nodes of the embedded 2026 graph.

Reads the describegraph JSON directly with the standard library (no code shared with the TypeScript
service) and writes test/fixtures/node-reference-2026.json, which the e2e suite compares the API against.

Definitions (the same ones the API documents):
- total_channels / total_capacity: every announced channel touching the node.
- usable channel: at least one direction has a non-null policy with disabled == false.
- degree: distinct peers over usable channels; capacity: sum of usable channel capacity.
- ranks: competition ranking over all nodes, 1 = largest, ties share the best rank.
- percentile: 100 * (nodes with a strictly lower value) / total nodes, rounded to 2 decimals.
- median outbound fee: over the node's own enabled (non-null, not disabled) policies.

Usage: python3 scripts/reference/node_reference.py [snapshot.json.gz] [out.json]
"""
import gzip
import json
import statistics
import sys
from collections import defaultdict

SNAPSHOT = sys.argv[1] if len(sys.argv) > 1 else "data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz"
OUT = sys.argv[2] if len(sys.argv) > 2 else "test/fixtures/node-reference-2026.json"
NODES = {
    "ACINQ (largest hub)": "03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f",
    "1ML.com node ALPHA (mostly zombie channels)": "0217890e3aad8d35bc054f43acc00084b25229ecff0ab68debd82883ad65ee8266",
    "CoinGate": "0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3",
    "Instant (small node, 3 channels)": "02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e",
    "SLIMYRAGE- (146 channels, none usable)": "02d246c519845e7b23b02684d64ca23b750958e0307f9519849ee2535e3637999a",
}


def enabled(policy):
    return policy is not None and not policy.get("disabled", False)


def main():
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as f:
        graph = json.load(f)
    pubkeys = [n["pub_key"] for n in graph["nodes"]]
    alias = {n["pub_key"]: n.get("alias") for n in graph["nodes"]}
    chans = defaultdict(list)
    usable_peers = defaultdict(set)
    usable_cap = defaultdict(int)
    for e in graph["edges"]:
        a, b, cap = e["node1_pub"], e["node2_pub"], int(e["capacity"])
        usable = enabled(e["node1_policy"]) or enabled(e["node2_policy"])
        chans[a].append((b, cap, usable, e["node1_policy"]))
        chans[b].append((a, cap, usable, e["node2_policy"]))
        if usable:
            usable_peers[a].add(b)
            usable_peers[b].add(a)
            usable_cap[a] += cap
            usable_cap[b] += cap
    everyone = set(pubkeys) | set(chans)
    degree = {p: len(usable_peers[p]) for p in everyone}
    capacity = {p: usable_cap[p] for p in everyone}

    def rank_and_pct(values, p):
        v = values[p]
        higher = sum(1 for x in values.values() if x > v)
        lower = sum(1 for x in values.values() if x < v)
        return higher + 1, round(100 * lower / len(values), 2)

    out = {"snapshot": SNAPSHOT.split("/")[-1], "total_nodes": len(everyone),
           "routable_nodes": sum(1 for p in everyone if degree[p] > 0), "nodes": []}
    for label, pk in NODES.items():
        cs = chans[pk]
        sizes = sorted(c[1] for c in cs)
        own = [c[3] for c in cs if enabled(c[3])]
        d_rank, d_pct = rank_and_pct(degree, pk)
        c_rank, c_pct = rank_and_pct(capacity, pk)
        out["nodes"].append({
            "label": label,
            "pubkey": pk,
            "alias": alias.get(pk),
            "total_channels": len(cs),
            "total_capacity": sum(sizes),
            "active_channels": sum(1 for c in cs if c[2]),
            "active_capacity": sum(c[1] for c in cs if c[2]),
            "distinct_peers": len({c[0] for c in cs}),
            "active_peers": len(usable_peers[pk]),
            "median_channel_size": statistics.median(sizes) if sizes else None,
            "median_outbound_fee_rate_ppm": statistics.median(int(p["fee_rate_milli_msat"]) for p in own) if own else None,
            "median_outbound_base_fee_msat": statistics.median(int(p["fee_base_msat"]) for p in own) if own else None,
            "degree": degree[pk], "degree_rank": d_rank, "degree_percentile": d_pct,
            "capacity": capacity[pk], "capacity_rank": c_rank, "capacity_percentile": c_pct,
        })
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(out['nodes'])} nodes")


if __name__ == "__main__":
    main()
