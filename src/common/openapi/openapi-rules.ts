import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_BULK_PUBKEYS } from '../../bulk/dto/bulk-analysis.dto';

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; anyOf?: Schema[] };
type Operation = { parameters?: Array<{ in: string; name: string; schema?: Schema }>; requestBody?: { content?: Record<string, { schema?: Schema }> }; responses: Record<string, unknown> };

/** ParseUUIDPipe's default check (any version, either case), as the bulk controller applies it to `job_id`. */
const UUID_PATH_PARAMS = new Set(['job_id']);
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * What the server enforces and the generated document did not say, so that a client or a fuzzer reading the spec
 * sends nothing the server refuses for an unstated reason:
 * - request bodies are closed (the validation pipe refuses unknown fields): `additionalProperties: false` on every
 *   schema a body reaches;
 * - `job_id` is a UUID; bulk `pubkeys` hold at most MAX_BULK_PUBKEYS items and `callback_url` is http(s) (the
 *   Swagger plugin does not see those validators);
 * - any JSON body over the size limit is a 413;
 * - without API_KEYS no key is asked for, so sending none is a declared alternative (`{}`).
 * What a DTO declares itself is kept.
 */
export function withEnforcedRules(doc: OpenAPIObject): OpenAPIObject {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const byName = new Map(Object.entries(schemas));
  const closed = new Set<string>();
  const close = (s: Schema | undefined): void => {
    if (!s) return;
    if (s.$ref) {
      const name = s.$ref.split('/').pop()!;
      if (closed.has(name)) return;
      closed.add(name);
      return close(byName.get(name));
    }
    if (s.type === 'object' || s.properties) s.additionalProperties ??= false;
    for (const p of Object.values(s.properties ?? {})) close(p);
    for (const sub of [s.items, ...(s.allOf ?? []), ...(s.anyOf ?? [])]) close(sub);
  };
  for (const ops of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(ops) as Array<[string, Operation]>) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      for (const media of Object.values(op.requestBody?.content ?? {})) close(media.schema);
      for (const p of op.parameters ?? []) {
        if (p.in === 'path' && UUID_PATH_PARAMS.has(p.name) && p.schema) Object.assign(p.schema, { format: 'uuid', pattern: UUID_PATTERN });
      }
      if (method === 'post') op.responses['413'] ??= { description: 'Body larger than 1 MB (code PAYLOAD_TOO_LARGE)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } } };
    }
  }
  const bulk = schemas.BulkAnalysisRequestDto?.properties;
  if (bulk?.pubkeys) bulk.pubkeys.maxItems ??= MAX_BULK_PUBKEYS;
  if (bulk?.callback_url) {
    bulk.callback_url.pattern ??= '^https?://';
    // A URL (the service parses it); whether its host may be reached is the service's check, stated in the text.
    bulk.callback_url.format ??= 'uri';
  }
  doc.security = [...(doc.security ?? []), {}];
  return doc;
}
