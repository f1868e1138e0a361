#!/usr/bin/env python3
"""Independent reference for the payment-flow model's route choice (issue 24), plain Python.

Reads the describegraph JSON directly (no code shared with the TypeScript engine) and the seeded payments
written by scripts/reference/flow-reference-input.ts (the engine's sampler, so both route the same payments),
routes every payment the way LND chooses a route, and writes test/fixtures/flow-reference-2026.json, which
src/graph/flow/flow-reference.spec.ts compares the engine against (paths and per-node fee revenue).

The route choice reproduced here (lnd routing/pathfind.go findPath, routing/probability_apriori.go):
- directions: a policy that is present and not disabled, on a channel with capacity > 0 between two nodes;
  min_htlc missing = 0, max_htlc missing = capacity, inbound fee missing = 0;
- search from the receiver backwards over every node (this script does not skip nodes that cannot forward,
  and it does not stop early: it labels the whole graph, the engine's shortcuts must not change any path);
- edge u -> v for a label of v: v's inbound fee on that channel (0 at the receiver; never below minus v's own
  outbound fee), amount over the edge = v's amount + that fee, which must be within [min_htlc, max_htlc] and
  not above the capacity; probability = 0.6 x capacityFactor (lnd capacityFactor: cutoff capacityFraction
  0.9999, smearing 0.025, floor 0.5); u's outbound fee = base + floor(amount x ppm / 1e6); CLTV = v's + u's delta <= 2016
  (the receiver starts at the final CLTV delta 80); weight += max(0, inbound + outbound fee)
  + floor(u's amount x delta x 15 / 1e9); distance = int(weight + attemptCost / probability), attemptCost =
  100,000 msat + floor(amount x 1000 / 1e6);
- a label is replaced when the new distance is lower, or equal with a higher probability; the heap pops by
  (distance, -probability, node order of the engine's snapshot index) so equal keys pop in one order;
- the sender's step: over the sender's own directions to a labelled node: no fee, no time lock, probability
  0.95 x the neighbour's; lowest distance, then higher probability, then lower slot (2 x channel + 0 when the
  sender is the lexicographically smaller pubkey, else + 1).

Usage: python3 scripts/reference/flow_reference.py [input.json] [out.json]
"""
import gzip
import heapq
import json
import math
import sys
import time

INPUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/flow-reference-input.json"
OUT = sys.argv[2] if len(sys.argv) > 2 else "test/fixtures/flow-reference-2026.json"


def num(x, default):
    return default if x is None else int(x)


def load_edges(snapshot):
    with gzip.open("data/ln-graph/" + snapshot, "rt", encoding="utf-8") as f:
        graph = json.load(f)
    edges = []  # dicts: chan, slot, frm, to, policy fields
    inbound = {}  # slot -> (base, ppm) of every policy present, enabled or not
    for i, e in enumerate(graph["edges"]):
        a, b = e["node1_pub"], e["node2_pub"]
        cap_msat = int(e["capacity"]) * 1000
        for frm, to, pol in ((a, b, e["node1_policy"]), (b, a, e["node2_policy"])):
            if pol is not None:
                inbound[2 * i + (0 if frm < to else 1)] = (num(pol.get("inbound_fee_base_msat"), 0), num(pol.get("inbound_fee_rate_milli_msat"), 0))
            if pol is None or pol.get("disabled", False) or frm == to or cap_msat <= 0:
                continue
            edges.append({
                "chan": i,
                "slot": 2 * i + (0 if frm < to else 1),
                "frm": frm,
                "to": to,
                "base": int(pol["fee_base_msat"]),
                "ppm": int(pol["fee_rate_milli_msat"]),
                "cltv": int(pol["time_lock_delta"]),
                "min": num(pol.get("min_htlc"), 0),
                "max": num(pol.get("max_htlc_msat"), cap_msat),
                "cap": cap_msat,
            })
    return edges, inbound


# lnd routing/probability_apriori.go constants (not configurable in LND): capacitySmearingFraction, minCapacityFactor.
CAPACITY_SMEARING_FRACTION = 0.025
MIN_CAPACITY_FACTOR = 0.5


def capacity_factor(amt, cap, cutoff_fraction):
    if cap == 0:
        return 1.0
    if amt > cap:
        return 0.0
    cutoff = cutoff_fraction * cap
    smearing = CAPACITY_SMEARING_FRACTION * cap
    x = -(amt - cutoff) / smearing
    if x > 700:
        return 1.0  # exp overflows in Python; the formula is exactly 1 there anyway
    return 1 - (1 - MIN_CAPACITY_FACTOR) / (1 + math.exp(x))


def main():
    with open(INPUT, encoding="utf-8") as f:
        spec = json.load(f)
    r = spec["routing"]
    order = {pk: i for i, pk in enumerate(spec["node_order"])}
    edges, inbound = load_edges(spec["snapshot"])
    incoming = {}
    outgoing = {}
    for e in sorted(edges, key=lambda e: e["slot"]):
        incoming.setdefault(e["to"], []).append(e)
        outgoing.setdefault(e["frm"], []).append(e)

    def inbound_fee(edge, node_amount, node_outfee, is_target):
        if is_target:
            return 0
        # v's own policy of the channel (the other direction) carries its inbound fee.
        in_base, in_ppm = inbound.get(edge["slot"] ^ 1, (0, 0))
        fee = in_base + int(node_amount * in_ppm / 1e6)
        return max(fee, -node_outfee)

    def search(target, amount):
        penalty = r["attemptCostMsat"] + math.floor(amount * r["attemptCostPpm"] / 1e6)
        lab = {target: {"dist": int(penalty), "w": 0, "p": 1.0, "net": amount, "out": 0, "cltv": r["finalCltvDelta"] + r["blockPadding"], "next": None}}
        heap = [(lab[target]["dist"], -1.0, order[target], target)]
        while heap:
            d, negp, _, v = heapq.heappop(heap)
            L = lab[v]
            if d != L["dist"] or -negp != L["p"]:
                continue
            for e in incoming.get(v, []):
                u = e["frm"]
                if u == target:
                    continue
                fin = inbound_fee(e, L["net"], L["out"], v == target)
                sent = L["net"] + fin
                if sent < e["min"] or sent > e["max"]:
                    continue
                ep = r["aprioriHopProbability"] * capacity_factor(sent, e["cap"], r["capacityFraction"])
                if ep == 0:
                    continue
                cltv = L["cltv"] + e["cltv"]
                if cltv > r["cltvLimit"]:
                    continue
                fee = e["base"] + math.floor(sent * e["ppm"] / 1e6)
                net_u = sent + fee
                p = L["p"] * ep
                if p < r["minRouteProbability"]:
                    continue
                w = L["w"] + max(0, fin + fee) + math.floor(sent * e["cltv"] * r["riskFactorBillionths"] / 1e9)
                du = int(w + penalty / p)
                cur = lab.get(u)
                if cur is not None and (du > cur["dist"] or (du == cur["dist"] and p <= cur["p"])):
                    continue
                lab[u] = {"dist": du, "w": w, "p": p, "net": net_u, "out": fee, "cltv": cltv, "next": e}
                heapq.heappush(heap, (du, -p, order[u], u))
        return lab, penalty

    def route(lab, penalty, target, sender):
        if sender == target:
            return None
        best = None
        for e in outgoing.get(sender, []):
            u = e["to"]
            if u == sender or u not in lab:
                continue
            L = lab[u]
            fin = inbound_fee(e, L["net"], L["out"], u == target)
            sent = L["net"] + fin
            if sent < e["min"] or sent > e["max"] or sent > e["cap"]:
                continue
            p = L["p"] * r["localChannelProbability"]
            if p < r["minRouteProbability"]:
                continue
            d = int(L["w"] + max(0, fin) + penalty / p)
            if best is not None and (d > best[0] or (d == best[0] and p <= best[1])):
                continue
            best = (d, p, e, sent, fin)
        if best is None:
            return None
        _, _, e, sent, fin = best
        hops = [(e, sent, 0, fin)]
        v = e["to"]
        while v != target:
            L = lab[v]
            nxt = L["next"]
            s2 = L["net"] - L["out"]
            w = nxt["to"]
            hops.append((nxt, s2, L["out"], 0 if w == target else s2 - lab[w]["net"]))
            v = w
        return hops

    out_cases = []
    t0 = time.time()
    for case in spec["cases"]:
        payments = []
        revenue = {}
        forwards = {}
        for grp in case["groups"]:
            target = grp["receiver"]
            amount = grp["amount_msat"]
            lab, penalty = search(target, amount)
            for s in grp["senders"]:
                hops = route(lab, penalty, target, s)
                if hops is None:
                    payments.append({"sender": s, "receiver": target, "amount_msat": amount, "path": None})
                    continue
                for h, (e, sent, fout, fin) in enumerate(hops):
                    if h > 0:
                        revenue[e["frm"]] = revenue.get(e["frm"], 0) + fout
                        forwards[e["frm"]] = forwards.get(e["frm"], 0) + 1
                    if h < len(hops) - 1:
                        revenue[e["to"]] = revenue.get(e["to"], 0) + fin
                payments.append({
                    "sender": s,
                    "receiver": target,
                    "amount_msat": amount,
                    "path": [[e["chan"], e["frm"]] for e, _, _, _ in hops],
                    "fees_msat": hops[0][1] - amount,
                })
        out_cases.append({
            "name": case["name"],
            "seed": case["seed"],
            "payments": payments,
            "node_revenue_msat": dict(sorted(revenue.items())),
            "node_forwards": dict(sorted(forwards.items())),
        })
        print(case["name"], len(payments), "payments,", sum(1 for p in payments if p["path"] is None), "unroutable", file=sys.stderr)
    print("routed in %.1f s" % (time.time() - t0), file=sys.stderr)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"snapshot": spec["snapshot"], "routing": r, "cases": out_cases}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
