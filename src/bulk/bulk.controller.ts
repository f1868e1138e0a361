import { Body, Controller, Delete, Get, Headers, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GraphService } from '../graph/graph.service';
import { ExpensiveRoute } from '../throttling/expensive-route.decorator';
import { ApiProblemResponses } from '../common/errors/api-problem-responses.decorator';
import { ValidationFailedError } from '../common/validation/validation';
import { negotiateLanguage } from '../intelligence/recommendations/i18n/messages';
import { ApiKeyService } from '../security/api-key.service';
import { BulkAnalysisService } from './bulk-analysis.service';
import { JobRequester } from './job-owner.policy';
import { BulkAnalysisRequestDto, BulkInlineResponseDto, BulkJobAcceptedDto, BulkJobStatusDto, BulkStatusQuery } from './dto/bulk-analysis.dto';

const jobIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailedError([{ field: 'job_id', message: 'job_id must be a UUID' }]) });

@ApiTags('bulk')
@Controller('nodes/bulk-analysis')
export class BulkController {
  constructor(
    private readonly bulk: BulkAnalysisService,
    private readonly keys: ApiKeyService,
    private readonly graphs: GraphService,
  ) {}

  private requester(req: Request): JobRequester {
    return { keysRequired: this.keys.required, key: this.keys.identify(req) };
  }

  /**
   * Analyses many nodes. Up to BULK_INLINE_MAX (50) pubkeys without expensive types answer inline (200) in
   * the original service's shape; larger requests answer 202 with a job id and a Location to poll. At most
   * BULK_MAX_EXPENSIVE_ITEMS_PER_JOB (1000) pubkeys with channel_candidates (400 beyond); with API keys, a key over
   * its bulk quotas (unfinished channel_candidates items, items kept in the store) gets 429 QUOTA_EXCEEDED.
   */
  @Post()
  @ExpensiveRoute()
  @ApiHeader({ name: 'accept-language', required: false, description: 'fr or en; default DEFAULT_LANGUAGE' })
  @ApiExtraModels(BulkInlineResponseDto, BulkJobAcceptedDto)
  @ApiOkResponse({ description: 'Answered inline', schema: { $ref: getSchemaPath(BulkInlineResponseDto) } })
  @ApiAcceptedResponse({ description: 'Queued; poll status_url', schema: { $ref: getSchemaPath(BulkJobAcceptedDto) } })
  @ApiProblemResponses(400, 413, 503)
  async createBulkAnalysis(
    @Body() body: BulkAnalysisRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<BulkInlineResponseDto | BulkJobAcceptedDto> {
    const base = `${req.baseUrl ?? ''}${req.path}`.replace(/\/$/, '');
    const answer = await this.bulk.submit(body, negotiateLanguage(acceptLanguage, this.bulk.defaultLanguage), base, this.requester(req));
    if (answer.mode === 'queued') {
      res.status(202).location(answer.status_url);
      return answer;
    }
    res.status(200);
    return this.graphs.stamp(answer);
  }

  /**
   * Status, progress, ETA, per-worker counts and one page of results and per-item errors. With API keys
   * configured, only the key that created the job sees it; any other key gets the 404 of an unknown job.
   */
  @Get(':job_id')
  @ApiOkResponse({ type: BulkJobStatusDto })
  @ApiProblemResponses(400, 404, 503)
  async getBulkAnalysis(@Param('job_id', jobIdPipe) id: string, @Query() q: BulkStatusQuery, @Req() req: Request): Promise<BulkJobStatusDto> {
    return this.graphs.stamp(await this.bulk.status(id, q.page ?? 0, q.page_size ?? 100, this.requester(req)));
  }

  /**
   * Cancels a queued or running job: remaining items are skipped; processed ones stay readable. Only the key
   * that created the job may cancel it (404 for any other).
   */
  @Delete(':job_id')
  @ApiOkResponse({ type: BulkJobStatusDto })
  @ApiProblemResponses(400, 404, 503)
  async cancelBulkAnalysis(@Param('job_id', jobIdPipe) id: string, @Req() req: Request): Promise<BulkJobStatusDto> {
    return this.graphs.stamp(await this.bulk.cancel(id, this.requester(req)));
  }
}
