import { IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FeeCurveQuery, PeerChannelParams, SimulateRequestDto } from '../../intelligence/dto/flow.dto';
import { HealthQuery } from '../../health/health.dto';
import { ChannelCandidatesQuery, EvaluateCandidatesDto } from '../../intelligence/dto/channel-candidates.dto';
import { NodeInfoQuery } from '../../intelligence/dto/node-info-query.dto';
import { NodePubkeyParams } from '../../intelligence/dto/node-params.dto';
import { PrioritiesRequestDto } from '../../intelligence/dto/priorities.dto';
import { RecommendationsQuery } from '../../intelligence/dto/recommendations.dto';
import { LANGUAGES, Language } from '../../intelligence/recommendations/i18n/messages';
import { NodeSearchQuery } from '../../search/node-search.dto';

/**
 * Each tool's arguments are the REST operation's path, query and body DTOs merged (the mapped types carry their
 * class-validator and class-transformer metadata), so the same validation pipe checks both with the same messages.
 */

/** The Accept-Language header of the REST API, as an argument. */
export class LanguageArgument {
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}

/** Tools take no argument for the cache: agents get the same cached answers as REST clients. */
export class FindNodeArgs extends NodeSearchQuery {}
export class NodeInfoArgs extends IntersectionType(NodePubkeyParams, OmitType(NodeInfoQuery, ['use_cache'] as const)) {}
export class NetworkPositionArgs extends NodePubkeyParams {}
export class RecommendationsArgs extends IntersectionType(NodePubkeyParams, RecommendationsQuery, LanguageArgument) {}
export class PrioritiesArgs extends IntersectionType(NodePubkeyParams, PrioritiesRequestDto, LanguageArgument) {}
export class ChannelCandidatesArgs extends IntersectionType(NodePubkeyParams, ChannelCandidatesQuery, LanguageArgument) {}
export class EvaluateCandidatesArgs extends IntersectionType(NodePubkeyParams, EvaluateCandidatesDto, LanguageArgument) {}
export class SimulateWhatIfArgs extends IntersectionType(NodePubkeyParams, SimulateRequestDto) {}
export class FeeCurveArgs extends IntersectionType(PeerChannelParams, FeeCurveQuery) {}
export class NoArgs {}
export class HealthArgs extends HealthQuery {}
