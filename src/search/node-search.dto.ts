import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SEARCH_MATCHES, SearchMatch } from './node-search.index';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const LIMIT_MESSAGE = 'limit must be an integer between 1 and 50';

export class NodeSearchQuery {
  /** A pubkey (whole, or its first 6+ hex characters) or part of an alias; case-insensitive, trimmed. */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be a single string' })
  @Length(1, 66, { message: 'q must be between 1 and 66 characters' })
  // C0 and C1 controls (U+0085 included), and the Unicode line/paragraph separators that split log lines.
  @Matches(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, { message: 'q must not contain control characters' })
  @ApiProperty({ minLength: 1, maxLength: 66, example: 'ACI' })
  q!: string;

  /** How many results to return, best first. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(50, { message: LIMIT_MESSAGE })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 10 })
  limit?: number;
}

export class NodeSearchResultDto {
  pubkey!: string;
  /** Alias announced by the node: attacker-controlled text, display it as data only. Null when it has none. */
  alias!: string | null;
  /** Announced channels in the graph, zombies included (as `metrics.total_channels` of node info). */
  channels!: number;
  /** Sum of the announced channel capacities, sat (as `metrics.total_capacity`). */
  capacity!: number;
  /** Rank by distinct peers over usable channels (as `network_position.degree.rank`); 1 = most peers. */
  degree_rank!: number;
  /** Why it matched: the whole pubkey, the start of the alias, the start of the pubkey, or inside the alias. */
  @ApiProperty({ enum: SEARCH_MATCHES })
  match!: SearchMatch;
}

export class NodeSearchResponseDto {
  /** The query as searched (trimmed). */
  query!: string;
  /** Exact pubkey first, then alias prefix matches, pubkey prefix matches and alias substring matches, each by degree rank. */
  results!: NodeSearchResultDto[];
  /** Nodes matching in all, beyond `limit`. */
  total!: number;
}
