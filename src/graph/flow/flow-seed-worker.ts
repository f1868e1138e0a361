import { demandWeights } from './demand';
import { applyFlowChanges, FlowGraph, ResolvedChanges } from './flow-graph';
import type { DemandParams, RoutingParams } from './flow.types';
import { RouteSearch } from './routing';
import { buildGroupIndex, FlowStats, GroupIndex, rerouteGroups, SeedRoutes, simulateSeed, statsOf } from './simulate';

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
  | { id: number; type: 'whatif'; changes: ResolvedChanges; affectedNodes: number[]; opensPaths: boolean; full: boolean; readout: Readout }
  | { id: number; type: 'curve'; slots: number[]; rates: number[]; node: number; peer: number; full: boolean };

interface SeedState {
  routes: SeedRoutes;
  stats: FlowStats;
  index: GroupIndex;
}

/**
 * The work of one flow worker over its seeds (usable on the calling thread too). The what-if rule, per seed:
 * re-route every (receiver, amount) group with a route that visits a node of `affectedNodes` (the node and the
 * peers of the changed or new channels). A payment whose route touches none of them pays the same as before
 * on its route; it can only change route if a path through the changed channels became cheaper, and such a
 * path passes through those nodes: the groups that already route next to them are the ones re-routed. With
 * `opensPaths` (a new channel, a lower fee, a higher max_htlc, an enabled direction) groups with an unroutable
 * payment are re-routed too. `full` re-routes everything (the reference for the fast answer's error).
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
      this.states.push({ routes, stats, index: buildGroupIndex(fg, routes) });
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
    if (req.type === 'whatif') return this.whatIf(req.changes, req.affectedNodes, req.opensPaths, req.full, req.readout);
    const current = req.slots.map((s) => this.init.fg.feeRatePpm[s]);
    return req.rates.map((rate) =>
      this.whatIf(
        { patches: req.slots.map((slot) => ({ slot, feeRatePpm: rate })), newChannels: [] },
        [req.node, req.peer],
        current.some((c) => rate < c),
        req.full,
        { node: req.node, slots: req.slots },
      ),
    );
  }

  whatIf(changes: ResolvedChanges, affectedNodes: number[], opensPaths: boolean, full: boolean, readout: Readout): SeedReadout[] {
    const { fg, routing } = this.init;
    const fg2 = applyFlowChanges(fg, changes);
    return this.states.map(({ routes, stats, index }) => {
      const groups = full ? Array.from(routes.groups.keys()) : affectedGroups(index, affectedNodes, opensPaths, routes.groups.length);
      const st = rerouteGroups(fg, fg2, routing, routes, stats, groups, this.rs);
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

function affectedGroups(index: GroupIndex, nodes: number[], opensPaths: boolean, groupCount: number): number[] {
  const mark = new Uint8Array(groupCount);
  for (const v of nodes) for (let k = index.nodeOffset[v]; k < index.nodeOffset[v + 1]; k++) mark[index.nodeGroups[k]] = 1;
  if (opensPaths) for (let g = 0; g < groupCount; g++) if (index.hasUnroutable[g]) mark[g] = 1;
  const out: number[] = [];
  for (let g = 0; g < groupCount; g++) if (mark[g]) out.push(g);
  return out;
}
