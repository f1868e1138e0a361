import { demandWeights } from './demand';
import { applyFlowChanges, FlowGraph, ResolvedChanges } from './flow-graph';
import type { DemandParams, RoutingParams } from './flow.types';
import { RouteSearch } from './routing';
import { FlowStats, rerouteGroups, SeedRoutes, simulateSeed, statsOf } from './simulate';

export interface FlowWorkerInit {
  fg: FlowGraph;
  demand: DemandParams;
  routing: RoutingParams;
  seeds: number[];
}

/** A seed's stats as sent to the engine (copies; the worker keeps its own). */
export interface SeedStatsMessage {
  seed: number;
  stats: FlowStats;
  groups: number;
  transfer: ArrayBuffer[];
}

/** What to read out of a changed run: one node and some slots (indices of the changed graph). */
export interface Readout {
  node: number;
  slots: number[];
}

/** Per seed: the node's and the slots' figures, and the network totals (counts per seed, msat). */
export interface SeedReadout {
  seed: number;
  node: { forwards: number; volumeMsat: number; feeMsat: number };
  slots: { forwards: number; volumeMsat: number; feeMsat: number }[];
  forwardedVolumeMsat: number;
  reroutedGroups: number;
  totalGroups: number;
}

export type FlowWorkerRequest =
  | { id: number; type: 'whatif'; changes: ResolvedChanges; scope: RerouteScope; full: boolean; readout: Readout }
  | { id: number; type: 'curve'; slots: number[]; rates: number[]; node: number; peer: number; full: boolean };

/**
 * Which groups a change can affect. `dearerSlots`: traversal slots whose cost rose or that closed (a route over
 * one of them may move away). `cheaperNodes`: the node and the peers of channels that became cheaper or opened
 * (a route next to them may move onto them); with them, groups with an unroutable payment are re-routed too.
 */
export interface RerouteScope {
  dearerSlots: number[];
  cheaperNodes: number[];
}

interface SeedState {
  routes: SeedRoutes;
  stats: FlowStats;
}

/**
 * The work of one flow worker over its seeds (usable on the calling thread too). The what-if rule, per seed:
 * re-route every (receiver, amount) group with a route over a slot of `scope.dearerSlots` (exact: a route
 * that avoids them costs what it cost, and every alternative only got dearer or stayed), and every group with a
 * route that visits a node of `scope.cheaperNodes` or an unroutable payment (a heuristic: a payment whose route
 * passes elsewhere and that would now detour through the cheaper channels is missed; the bench measures how
 * much that changes against `full`, which re-routes everything).
 */
export class FlowSeedWorker {
  private readonly states: SeedState[] = [];
  private readonly rs: RouteSearch;

  constructor(private readonly init: FlowWorkerInit) {
    this.rs = new RouteSearch(init.fg.nodeCount);
  }

  baseline(): SeedStatsMessage[] {
    const { fg, demand, routing, seeds } = this.init;
    const weights = demandWeights(fg, demand.variant);
    const out: SeedStatsMessage[] = [];
    for (const seed of seeds) {
      const routes = simulateSeed(fg, demand, routing, seed, weights);
      const stats = statsOf(fg, routes);
      this.states.push({ routes, stats });
      const copy: FlowStats = {
        ...stats,
        nodeForwards: stats.nodeForwards.slice(),
        nodeVolumeMsat: stats.nodeVolumeMsat.slice(),
        nodeFeeMsat: stats.nodeFeeMsat.slice(),
        slotForwards: stats.slotForwards.slice(),
        slotVolumeMsat: stats.slotVolumeMsat.slice(),
        slotFeeMsat: stats.slotFeeMsat.slice(),
      };
      out.push({
        seed,
        stats: copy,
        groups: routes.groups.length,
        transfer: [copy.nodeForwards, copy.nodeVolumeMsat, copy.nodeFeeMsat, copy.slotForwards, copy.slotVolumeMsat, copy.slotFeeMsat].map((a) => a.buffer as ArrayBuffer),
      });
    }
    return out;
  }

  answer(req: FlowWorkerRequest): SeedReadout[] | SeedReadout[][] {
    if (req.type === 'whatif') return this.whatIf(req.changes, req.scope, req.full, req.readout);
    const fg = this.init.fg;
    return req.rates.map((rate) =>
      this.whatIf(
        { patches: req.slots.map((slot) => ({ slot, feeRatePpm: rate })), newChannels: [] },
        {
          dearerSlots: req.slots.filter((s) => rate > fg.feeRatePpm[s]),
          cheaperNodes: req.slots.some((s) => rate < fg.feeRatePpm[s]) ? [req.node, req.peer] : [],
        },
        req.full,
        { node: req.node, slots: req.slots },
      ),
    );
  }

  whatIf(changes: ResolvedChanges, scope: RerouteScope, full: boolean, readout: Readout): SeedReadout[] {
    const { fg, routing } = this.init;
    const fg2 = applyFlowChanges(fg, changes);
    return this.states.map(({ routes, stats }) => {
      const only = full ? undefined : affectedPayments(fg, routes, scope);
      const groups = only ? [...only.keys()] : Array.from(routes.groups.keys());
      const st = rerouteGroups(fg, fg2, routing, routes, stats, groups, this.rs, only);
      return {
        seed: routes.seed,
        node: { forwards: st.nodeForwards[readout.node], volumeMsat: st.nodeVolumeMsat[readout.node], feeMsat: st.nodeFeeMsat[readout.node] },
        slots: readout.slots.map((s) => ({ forwards: st.slotForwards[s], volumeMsat: st.slotVolumeMsat[s], feeMsat: st.slotFeeMsat[s] })),
        forwardedVolumeMsat: st.forwardedVolumeMsat,
        reroutedGroups: groups.length,
        totalGroups: routes.groups.length,
      };
    });
  }
}

/** Per group (ascending), the payments the scope can affect: see {@link FlowSeedWorker} for the rule. */
function affectedPayments(fg: FlowGraph, r: SeedRoutes, scope: RerouteScope): Map<number, number[]> {
  const dearer = new Uint8Array(2 * fg.channelCount);
  for (const e of scope.dearerSlots) dearer[e] = 1;
  const near = new Uint8Array(fg.nodeCount);
  for (const v of scope.cheaperNodes) near[v] = 1;
  const opens = scope.cheaperNodes.length > 0;
  const out = new Map<number, number[]>();
  for (let g = 0; g < r.groups.length; g++) {
    for (let i = r.groupOffset[g]; i < r.groupOffset[g + 1]; i++) {
      const lo = r.hopOffset[i];
      const hi = r.hopOffset[i + 1];
      let hit = opens && hi === lo;
      for (let h = lo; h < hi && !hit; h++) {
        const e = r.hopSlot[h];
        if (dearer[e] || (opens && (near[fg.from[e]] || near[fg.to[e]]))) hit = true;
      }
      if (!hit) continue;
      const list = out.get(g);
      if (list) list.push(i);
      else out.set(g, [i]);
    }
  }
  return out;
}
