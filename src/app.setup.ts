import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { withEnforcedRules } from './common/openapi/openapi-rules';
import { createValidationPipe } from './common/validation/validation';
import { limitsConfig, securityConfig } from './config/configuration';
import { configureEdge } from './security/configure-edge';
import { configureSecurity } from './security/configure-security';
import { MCP_PATH } from './mcp/mcp.controller';

export const API_PREFIX = 'api/v1';
/** Bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT = '1mb';

export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Lightning node intelligence API')
    .setDescription(
      'Where a Lightning node stands and what to do next: node info, network position, recommendations, channel candidates and action plans, ' +
        'computed on a real Lightning graph. Every error is RFC 9457 problem+json with a stable `code`.',
    )
    .setVersion(version)
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This instance')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'One of API_KEYS (required when API_KEYS is set)' }, 'ApiKey')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The same key as `Authorization: Bearer <key>`' }, 'Bearer')
    .addSecurityRequirements('ApiKey')
    .addSecurityRequirements('Bearer')
    .build();
  return withEnforcedRules(withNullableRefs(withAccessRules(SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method }))));
}

/**
 * `X | null` properties: the Swagger plugin writes `{ type: 'object', nullable: true, allOf: [{ $ref: X }] }`,
 * which strict OpenAPI 3.0 validators (Prism, Portman) read as never null: `nullable` only widens the `type`
 * beside it, and every `allOf` member (X itself) still has to match. An explicit null branch says what we mean.
 */
function withNullableRefs(doc: OpenAPIObject): OpenAPIObject {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const o = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)])) as Record<string, unknown>;
    const { allOf, nullable, type: _type, ...rest } = o;
    if (nullable !== true || !Array.isArray(allOf) || allOf.length !== 1) return o;
    return { ...rest, anyOf: [allOf[0], { type: 'object', nullable: true, enum: [null] }] };
  };
  return visit(doc) as OpenAPIObject;
}

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } };
const RATE_HEADERS = {
  'Retry-After': { description: 'Seconds until the window resets', schema: { type: 'integer' } },
  'RateLimit-Limit': { description: 'Requests allowed in the window', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the window', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer' } },
};

/**
 * What the guards do, in the document: health probes are open (no key, never rate limited); every other
 * operation may answer 401 (API_KEYS set, key missing or wrong) and 429 (rate limit, with its headers).
 */
function withAccessRules(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops) as Array<[string, { security?: unknown[]; responses: Record<string, unknown> }]>) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      // Express answers conditional GETs (If-None-Match on its ETag) with 304 and no body.
      if (method === 'get') op.responses['304'] ??= { description: 'Not modified: the ETag sent in If-None-Match still matches' };
      if (path.startsWith(`/${API_PREFIX}/health`)) {
        op.security = [];
        continue;
      }
      op.responses['401'] ??= { description: 'Missing or invalid API key (code UNAUTHORIZED)', content: PROBLEM };
      op.responses['429'] = { description: 'Rate limited (code RATE_LIMITED); retry after Retry-After seconds', headers: RATE_HEADERS, content: PROBLEM };
    }
  }
  return doc;
}

/** Everything main.ts does to the app besides listening; e2e tests call it too, so they test the real thing. */
export function configureApp(app: NestExpressApplication, version: string): void {
  app.useLogger(app.get(Logger));
  // First: Host allow-list, helmet, CORS and trust proxy apply to every route, docs included.
  configureSecurity(app, app.get(securityConfig.KEY));
  configureEdge(app, app.get(limitsConfig.KEY));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // MCP clients are given the endpoint's URL: it lives at /mcp, outside the REST API's prefix.
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: MCP_PATH, method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  const document = buildOpenApiDocument(app, version);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
