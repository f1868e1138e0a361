import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NodeNotFoundError } from '../../common/errors/domain.error';
import { appConfig } from '../../config/configuration';
import { ChannelCandidatesReport, preselectCandidates, RankChange, simulateChannelCandidatesInWorkers } from '../../graph/analytics/channel-candidates';
import { CentralityService } from '../../graph/centrality.service';
import { GraphService } from '../../graph/graph.service';
import { ChannelCandidateDto, ChannelCandidatesResponseDto, EvaluateCandidatesDto, RankChangeDto } from '../dto/channel-candidates.dto';

/** The pool: the 300 best-placed peers by betweenness percentile and capacity percentile together. */
export const POOL_SIZE = 300;
/** How many of the pool are simulated per request (≤ 3 s on 2 cores for 50). */
export const SIMULATED = 50;

const POOL_RULE = `top ${POOL_SIZE} nodes of the main component with at least 5 usable peers, not already peers, ranked by the mean of their betweenness and capacity percentiles; the best ${SIMULATED} are simulated`;
const METHOD =
  'Adds one channel node–candidate to the routable graph. The node’s new betweenness and harmonic closeness are exact (incremental over the pairs the channel can affect) and so is its new eigenvector rank; ' +
  'the new betweenness and closeness ranks assume other nodes’ scores unchanged (measured against full recomputation on 80 candidates: closeness and eigenvector ranks exact, betweenness 78/80 exact and 2 one place off).';

const rankChange = (r: RankChange): RankChangeDto => ({ before: r.before, after: r.after, rank_before: r.rankBefore, rank_after: r.rankAfter, gain: r.gain });

/** What opening a channel to a peer does to a node's position, computed on the graph the service holds. */
@Injectable()
export class ChannelCandidatesService {
  constructor(
    private readonly graphs: GraphService,
    private readonly centralities: CentralityService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async rank(pubkey: string, limit: number, minCapacity: number): Promise<ChannelCandidatesResponseDto> {
    const { v, ctx, state } = this.locate(pubkey);
    // eslint-disable-next-line security/detect-object-injection -- u is an integer node id; capacitySat a typed array
    const pool = preselectCandidates(ctx, v, { limit: POOL_SIZE }).filter((u) => state.ranks.capacitySat[u] >= minCapacity);
    const report = await simulateChannelCandidatesInWorkers(ctx, v, pool.slice(0, SIMULATED), { workers: this.app.workers });
    report.candidates.sort(
      (a, b) => b.betweenness.gain - a.betweenness.gain || b.closeness.gain - a.closeness.gain || b.eigenvector.gain - a.eigenvector.gain || a.node - b.node,
    );
    return this.respond(pubkey, report, limit, new Map(), { rule: POOL_RULE + (minCapacity > 0 ? `, usable capacity ≥ ${minCapacity} sat` : ''), size: pool.length, simulated: Math.min(SIMULATED, pool.length) });
  }

  async evaluate(pubkey: string, body: EvaluateCandidatesDto): Promise<ChannelCandidatesResponseDto> {
    const { v, ctx, state } = this.locate(pubkey);
    const requested = new Map<number, number | null>();
    const unknown: string[] = [];
    for (const c of body.candidates) {
      const u = state.graph.indexOf(c.pubkey);
      if (u < 0) unknown.push(c.pubkey);
      else requested.set(u, c.capacity ?? null);
    }
    const report = await simulateChannelCandidatesInWorkers(ctx, v, [...requested.keys()], { workers: this.app.workers });
    const answer = this.respond(pubkey, report, SIMULATED, requested, { rule: 'the operator’s own list', size: body.candidates.length, simulated: report.candidates.length });
    answer.skipped.push(...unknown.map((pk) => ({ pubkey: pk, reason: 'unknown-node' })));
    return answer;
  }

  private locate(pubkey: string) {
    const state = this.graphs.current();
    const v = state.graph.indexOf(pubkey);
    if (v < 0) throw new NodeNotFoundError(pubkey, state.graph.meta.snapshotDate);
    return { v, ctx: this.centralities.readyContext(), state };
  }

  private respond(
    pubkey: string,
    report: ChannelCandidatesReport,
    limit: number,
    requested: Map<number, number | null>,
    pool: ChannelCandidatesResponseDto['pool'],
  ): ChannelCandidatesResponseDto {
    const state = this.graphs.current();
    const c = this.centralities.current();
    const candidates: ChannelCandidateDto[] = report.candidates.slice(0, limit).map((x) => ({
      pubkey: x.pubkey,
      alias: x.alias,
      capacity: state.ranks.capacitySat[x.node],
      channel_count: state.ranks.degree[x.node],
      gain_in_betweenness_rank: x.betweenness.gain,
      gain_in_closeness_rank: x.closeness.gain,
      gain_in_eigenvector_rank: x.eigenvector.gain,
      minimum_viable_capacity: x.capacity.minimumViableSat,
      ideal_capacity: x.capacity.idealSat,
      capacity_rule: `25th percentile / median of the candidate’s ${x.capacity.sampleSize} usable channel sizes, rounded up to 10k sat, at least 20k sat`,
      requested_capacity: requested.get(x.node) ?? null,
      passive_fee_ppm: x.fees.passivePpm,
      active_fee_ppm: x.fees.activePpm,
      fee_rule:
        x.fees.basis === 'candidate-inbound'
          ? `median / 75th percentile of the ${x.fees.sampleSize} enabled fees the candidate’s peers charge toward it`
          : 'no fee charged toward the candidate is known: network median of enabled policies',
      betweenness: rankChange(x.betweenness),
      closeness: rankChange(x.closeness),
      eigenvector: rankChange(x.eigenvector),
      mean_hop_distance: x.meanHopDistance,
    }));
    return {
      pubkey,
      routable: report.routable,
      candidates,
      skipped: report.skipped.map((s) => ({ pubkey: state.graph.pubkeys[s.node] ?? String(s.node), reason: s.reason })),
      pool,
      method: METHOD,
      graph_version: state.graph.meta.version,
      snapshot_date: state.graph.meta.snapshotDate,
      computed_at: new Date().toISOString(),
      compute_ms: Math.round(report.computeMs),
    };
  }
}
