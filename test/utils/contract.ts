import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/**
 * Checks every response an e2e test gets against the committed openapi.json: the status must be documented
 * for the operation, and the body must match the documented schema for its content type. Violations are
 * collected per test file and fail the file (test/utils/contract-setup.ts).
 */
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

const SPEC = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ components: toJsonSchema(SPEC.components) }, 'spec');
const compiled = new Map<object, ValidateFunction>();

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` beside `$ref`/`allOf`/`oneOf` (where JSON Schema has no `type`
 * to widen) becomes `anyOf: [null, …]`; `#/components/...` refs point at the registered spec.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const o = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/components/', 'spec#/components/') : toJsonSchema(v)]));
  if (o.nullable === true && (o.$ref || o.allOf || o.oneOf || o.anyOf)) {
    const { nullable: _n, ...rest } = o;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return o;
}

function validatorFor(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(toJsonSchema(schema) as object);
    compiled.set(schema, v);
  }
  return v;
}

const PROBLEM = { $ref: '#/components/schemas/ProblemDetailsDto' };

export const contractViolations: string[] = [];
export let contractChecks = 0;

function check(method: string, routeIn: string | null, path: string, status: number, contentType: string, body: unknown): void {
  if (!path.startsWith('/api/v1')) return; // Swagger UI, the dashboard: not API operations
  contractChecks++;
  let route = routeIn;
  const where = `${method} ${route ?? path} → ${status}`;
  // Nest's catch-all for unmatched routes is not an operation.
  if (route?.includes('{*')) route = null;
  const op = route ? SPEC.paths[route.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[method.toLowerCase()] : undefined;
  if (!op) {
    // Unmatched routes still answer the shared error shape.
    if ((status === 404 || status === 405) && contentType.includes('problem+json') && !validatorFor(PROBLEM)(body)) contractViolations.push(`${where}: ${status} body is not ProblemDetails`);
    if (route) contractViolations.push(`${where}: operation not in openapi.json`);
    return;
  }
  const documented = op.responses[String(status)] ?? op.responses.default;
  if (!documented) {
    contractViolations.push(`${where}: status not documented (documented: ${Object.keys(op.responses).join(', ')})`);
    return;
  }
  const media = Object.keys(documented.content ?? {});
  if (media.length === 0) return;
  const type = media.find((m) => contentType.startsWith(m)) ?? (contentType.includes('json') ? media.find((m) => m.includes('json')) : undefined);
  if (!type) {
    contractViolations.push(`${where}: content type ${contentType} not documented (${media.join(', ')})`);
    return;
  }
  const schema = documented.content![type].schema;
  if (!schema) return;
  const v = validatorFor(schema);
  if (!v(body)) contractViolations.push(`${where}: body does not match ${type} schema: ${ajv.errorsText(v.errors, { dataVar: 'body' })}`);
}

/** Express middleware: records each response body and checks it when the response finishes. */
export function contractRecorder(req: Request, res: Response, next: NextFunction): void {
  let body: unknown;
  const json = res.json.bind(res);
  res.json = (b: unknown) => {
    body = b;
    return json(b);
  };
  const send = res.send.bind(res);
  res.send = (b: unknown) => {
    if (body === undefined) body = typeof b === 'string' && (res.getHeader('content-type') ?? '').toString().includes('json') ? safeParse(b) : b;
    return send(b as never);
  };
  res.once('finish', () => {
    const route = (req.route as { path?: string } | undefined)?.path ?? null;
    const full = route ? `${req.baseUrl ?? ''}${route}` : null;
    check(req.method, full, req.originalUrl.split('?')[0], res.statusCode, String(res.getHeader('content-type') ?? ''), body);
  });
  next();
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
