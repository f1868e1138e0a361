import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DomainError } from '../../common/errors/domain.error';
import { appConfig } from '../../config/configuration';
import { RankChange } from '../../graph/analytics/channel-candidates';
import type { Unstamped } from '../../graph/graph-freshness';
import { GraphService } from '../../graph/graph.service';
import { ChannelCandidateDto, ChannelCandidatesResponseDto, EvaluateCandidatesDto, RankChangeDto } from '../dto/channel-candidates.dto';
import { AdviceFlowService } from '../flow/advice-flow.service';
import type { Language } from '../recommendations/i18n/messages';
import { PooledCandidate } from './candidate-pool';
import { CandidatePool, CandidatePoolService, POOL_SIZE, SIMULATED } from './candidate-pool.service';

const POOL_RULE = `top ${POOL_SIZE} nodes of the main component with at least 5 usable peers, not already peers, ranked by the mean of their betweenness and capacity percentiles; the best ${SIMULATED} are simulated, vetted (zombie share, demand shown by the fees toward them, overlap with the node’s peers) and sized to the node’s own capital; vetted candidates first. The same pool feeds recommendations and plans`;
const METHOD =
  'Adds one channel node–candidate to the routable graph. The node’s new betweenness and harmonic closeness are exact (incremental over the pairs the channel can affect) and so is its new eigenvector rank; ' +
  'the new betweenness and closeness ranks assume other nodes’ scores unchanged (measured against full recomputation on 80 candidates: closeness and eigenvector ranks exact, betweenness 78/80 exact and 2 one place off).';

const rankChange = (r: RankChange): RankChangeDto => ({ before: r.before, after: r.after, rank_before: r.rankBefore, rank_after: r.rankAfter, gain: r.gain });

/** What opening a channel to a peer does to a node's position, computed on the graph the service holds. */
@Injectable()
export class ChannelCandidatesService {
  constructor(
    private readonly graphs: GraphService,
    private readonly pools: CandidatePoolService,
    private readonly adviceFlow: AdviceFlowService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  get defaultLanguage(): Language {
    return this.app.defaultLanguage;
  }

  async rank(pubkey: string, limit: number, minCapacity: number, lang: Language): Promise<Unstamped<ChannelCandidatesResponseDto>> {
    const { v, state } = this.locate(pubkey);
    const pool = await this.pools.poolOf(v);
    const kept = pool.candidates.filter((x) => state.ranks.capacitySat[x.node] >= minCapacity);
    return this.respond(pubkey, { ...pool, candidates: kept }, limit, new Map(), lang, {
      rule: POOL_RULE + (minCapacity > 0 ? `; then filtered to usable capacity ≥ ${minCapacity} sat` : ''),
      size: pool.preselected,
      simulated: Math.min(SIMULATED, pool.preselected),
    });
  }

  async evaluate(pubkey: string, body: EvaluateCandidatesDto, lang: Language): Promise<Unstamped<ChannelCandidatesResponseDto>> {
    const { v, state } = this.locate(pubkey);
    const requested = new Map<number, number | null>();
    const unknown: string[] = [];
    for (const c of body.candidates) {
      const u = state.graph.indexOf(c.pubkey);
      if (u < 0) unknown.push(c.pubkey);
      else requested.set(u, c.capacity ?? null);
    }
    const pool = await this.pools.evaluate(v, [...requested.keys()]);
    const answer = await this.respond(pubkey, pool, SIMULATED, requested, lang, { rule: 'the operator’s own list, vetted and sized like the pool', size: body.candidates.length, simulated: pool.candidates.length });
    answer.skipped.push(...unknown.map((pk) => ({ pubkey: pk, reason: 'unknown-node' })));
    return answer;
  }

  private locate(pubkey: string) {
    const state = this.graphs.current();
    const v = state.graph.indexOf(pubkey);
    if (v < 0) throw new NodeOutsideGraphError(pubkey, state.graph.meta.snapshotDate);
    return { v, state };
  }

  private async respond(
    pubkey: string,
    pool: CandidatePool,
    limit: number,
    requested: Map<number, number | null>,
    lang: Language,
    poolInfo: Unstamped<ChannelCandidatesResponseDto>['pool'],
  ): Promise<Unstamped<ChannelCandidatesResponseDto>> {
    const state = this.graphs.current();
    const shown = pool.candidates.slice(0, limit);
    // The model opens the channel the operator would: the size asked about, else the suggested one, at the passive fee.
    const modelled = await this.adviceFlow.annotateCandidates(
      pubkey,
      shown.map((x) => ({ node: x.node, capacitySat: requested.get(x.node) ?? x.suggested.amountSat, localFeeRatePpm: x.fees.passivePpm })),
      lang,
    );
    const candidates: ChannelCandidateDto[] = shown.map((x, i) => ({ ...toDto(x, state.ranks.capacitySat, state.ranks.degree, requested), modelled_flow: modelled.flows.at(i) ?? null }));
    return {
      pubkey,
      routable: pool.routable,
      candidates,
      skipped: pool.skipped.map((s) => ({ pubkey: state.graph.pubkeys[s.node] ?? String(s.node), reason: s.reason })),
      pool: poolInfo,
      method: METHOD,
      graph_version: state.graph.meta.version,
      snapshot_date: state.graph.meta.snapshotDate,
      computed_at: new Date().toISOString(),
      compute_ms: Math.round(pool.computeMs),
      modelled_flow_status: modelled.status,
    };
  }
}

function toDto(x: PooledCandidate, capacitySat: Float64Array, degree: Uint32Array, requested: Map<number, number | null>): Omit<ChannelCandidateDto, 'modelled_flow'> {
  const vet = x.vetting;
  return {
    pubkey: x.pubkey,
    alias: x.alias,
    capacity: capacitySat[x.node],
    channel_count: degree[x.node],
    gain_in_betweenness_rank: x.betweenness.gain,
    gain_in_closeness_rank: x.closeness.gain,
    gain_in_eigenvector_rank: x.eigenvector.gain,
    minimum_viable_capacity: x.capacity.minimumViableSat,
    ideal_capacity: x.capacity.idealSat,
    capacity_rule: `25th percentile / median of the candidate’s ${x.capacity.sampleSize} usable channel sizes, rounded up to 10k sat, at least 20k sat`,
    suggested_capacity: x.suggested.amountSat,
    suggested_capacity_rule: x.suggested.basis,
    requested_capacity: requested.get(x.node) ?? null,
    passive_fee_ppm: x.fees.passivePpm,
    active_fee_ppm: x.fees.activePpm,
    fee_rule:
      x.fees.basis === 'candidate-inbound'
        ? `median / 75th percentile of the ${x.fees.sampleSize} enabled fees the candidate’s peers charge toward it`
        : 'no fee charged toward the candidate is known: network median of enabled policies',
    vetting: {
      passed: vet.passed,
      reasons: vet.reasons,
      concerns: vet.concerns,
      announced_channels: vet.announcedChannels,
      zombie_share: vet.zombieShare,
      inbound_fee_median_ppm: vet.inboundFeeMedianPpm,
      inbound_fee_at_most_1ppm_share: vet.inboundFeeAtMost1PpmShare,
      inbound_fee_sample_size: vet.inboundFeeSampleSize,
      shared_peers: vet.sharedPeers,
      shared_peer_share: vet.sharedPeerShare,
    },
    betweenness: rankChange(x.betweenness),
    closeness: rankChange(x.closeness),
    eigenvector: rankChange(x.eigenvector),
    mean_hop_distance: x.meanHopDistance,
  };
}

/**
 * Candidates are simulated on the graph: each one adds a channel to it and recomputes the node's
 * centralities, which needs the node's place in that graph. A node only a live source knows has none.
 */
export class NodeOutsideGraphError extends DomainError {
  constructor(pubkey: string, graphDate: string) {
    super(
      'NODE_NOT_FOUND',
      `Node ${pubkey} is not in the Lightning graph of ${graphDate}: channel candidates are simulated by adding channels to that graph and recomputing the node's centralities, ` +
        'so they need the node in it (configure a live graph, GRAPH_SOURCE=lnd, that includes it). Node info, recommendations and priorities do serve nodes known only to a live source (MEMPOOL_BASE_URL, LND_REST_URL)',
      { pubkey },
    );
  }
}
