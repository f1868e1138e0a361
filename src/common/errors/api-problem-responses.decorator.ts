import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (code VALIDATION_FAILED); `errors` names each field',
  401: 'Missing or invalid API key (code UNAUTHORIZED)',
  404: 'Unknown node (code NODE_NOT_FOUND)',
  413: 'Body too large (code PAYLOAD_TOO_LARGE)',
  429: 'Rate limited (code RATE_LIMITED)',
  503: 'Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable',
};

/** 503 of routes whose cache misses wait in a bounded queue (RECOMMENDATIONS_QUEUE_MAX). */
export const BUSY_503 = 'Graph not loaded yet (code GRAPH_NOT_READY), upstream unavailable, or too many uncached answers being computed (code SERVER_BUSY; retry after Retry-After seconds)';

/** Documents the shared problem+json error shape for each listed status. */
export function ApiProblemResponses(...statuses: number[]) {
  return ApiProblemResponsesDescribed({}, ...statuses);
}

/** As {@link ApiProblemResponses}, with some descriptions replaced. */
export function ApiProblemResponsesDescribed(descriptions: Record<number, string>, ...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      // eslint-disable-next-line security/detect-object-injection -- status is a numeric HTTP status given in code
      ApiResponse({ status, description: descriptions[status] ?? DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } } }),
    ),
  );
}
