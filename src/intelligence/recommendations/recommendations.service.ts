import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AppCacheService } from '../../cache/app-cache.service';
import { BoundedWorkQueue } from '../../common/async/bounded-work-queue';
import { appConfig, limitsConfig } from '../../config/configuration';
import type { Unstamped } from '../../graph/graph-freshness';
import { GraphService } from '../../graph/graph.service';
import { RecommendationsQuery, RecommendationsResponseDto } from '../dto/recommendations.dto';
import { Language } from './i18n/messages';
import { NodeAnalysisService } from '../live/node-analysis.service';
import { AdviceFlowService } from '../flow/advice-flow.service';
import { countBy, recommend } from './recommendations.engine';

@Injectable()
export class RecommendationsService {
  /** Cache misses cost up to a second of CPU each: as many at once as there are workers, a bounded line behind them. */
  private readonly misses: BoundedWorkQueue;

  constructor(
    private readonly graphs: GraphService,
    private readonly cache: AppCacheService,
    private readonly analyser: NodeAnalysisService,
    private readonly adviceFlow: AdviceFlowService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) limits: ConfigType<typeof limitsConfig>,
  ) {
    this.misses = new BoundedWorkQueue({ concurrency: app.workers, capacity: limits.recommendationQueueMax, what: 'uncached recommendations' });
  }

  get defaultLanguage(): Language {
    return this.app.defaultLanguage;
  }

  async getRecommendations(pubkey: string, filters: RecommendationsQuery, lang: Language): Promise<Unstamped<RecommendationsResponseDto>> {
    const state = this.graphs.current();
    const key = this.cache.key('recommendations', state.graph.meta.version, this.analyser.centralityStatus(), this.adviceFlow.status(), pubkey, filters.category ?? '*', filters.priority ?? '*', lang);
    const cached = await this.cache.get<Unstamped<RecommendationsResponseDto>>(key);
    if (cached) return { ...cached, cache_hit: true };
    const { analysis, warnings, recommendations: all, omitted, node_role, modelPending } = await this.misses.run(async () => {
      const analysed = await this.analyser.analyse(pubkey);
      const set = recommend(analysed.analysis, lang);
      const { pending } = await this.adviceFlow.annotateFeeRecommendations(pubkey, set, lang);
      return { ...analysed, ...set, modelPending: pending };
    });
    if (modelPending > 0) {
      warnings.push(`the payment-flow model's before/after of ${modelPending} fee recommendation(s) is still computing: ask again in a few seconds to get modelled_impact`);
    }
    const recs = all.filter((r) => (!filters.category || r.category === filters.category) && (!filters.priority || r.priority === filters.priority));
    const answer: Unstamped<RecommendationsResponseDto> = {
      pubkey,
      recommendations: recs,
      total_count: recs.length,
      by_category: countBy(recs, (r) => r.category) as Record<string, number>,
      by_priority: countBy(recs, (r) => r.priority) as Record<string, number>,
      omitted,
      node_role,
      language: lang,
      generated_at: new Date().toISOString(),
      source: analysis.source,
      cache_hit: false,
      warnings,
    };
    // An answer still missing modelled impacts is not cached: the next request gets them (the what-ifs go on).
    if (modelPending === 0) await this.cache.set(key, answer, 'recommendations');
    return answer;
  }
}
