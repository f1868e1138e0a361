import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request from 'supertest';
import { GeneratedRequest, JsonSchema, requestsFor, ROOT, SpecOperation } from '../../utils/spec-fuzz';
import { backgroundSettled, createTestApp, serverErrorRoutes } from '../../utils/test-app';

/**
 * Schemathesis-style conformance: requests generated from openapi.json alone, valid by it, must never be refused
 * for a reason the document does not state. Each answer's status must be one the operation declares, and a
 * spec-valid request must never get 400 (the spec understates a constraint), 405/415 or a 5xx; 404 (an unknown
 * node or job) is a declared answer. Methods a path does not declare answer 405 with `Allow`.
 */
const SPEC = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Omit<SpecOperation, 'method' | 'path'>>>;
  components: { schemas: Record<string, JsonSchema> };
};
const SCHEMAS = SPEC.components.schemas;
const OPERATIONS: SpecOperation[] = Object.entries(SPEC.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })));
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
/** Bitrefill Routing, a peer of SMALL in the embedded graph. */
const PEER_OF_SMALL = '030c3f19d742ca294a55c00376b3b355c3c90d61c6b6b39554dbc7ac19b141c14f';
const RUNS_PER_OPERATION = 25;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

describe('spec conformance: spec-valid requests generated from openapi.json', () => {
  let app: NestExpressApplication;
  const known: Record<string, string> = {};

  beforeAll(async () => {
    // SECRET_KEY: the spec says callback_url needs one on the server, and an internal receiver (the generated
    // callback URL is a local port) must be listed in WEBHOOK_ALLOWED_HOSTS. In-memory store: the job store is not
    // what is under test here.
    // A small flow model (off by default in test apps) so that simulate and fee-curve reach their handler.
    app = await createTestApp({ GRAPH_HISTORY_SNAPSHOTS: '', SECRET_KEY: 'conformance-secret-0001', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', FLOW_MODEL: 'true', FLOW_PAYMENTS: '2000', FLOW_RUNS: '2' });
    // Centralities and the flow model first: their 503s are declared but would hide the candidates and flow operations.
    await backgroundSettled(app);
    // A small node and one of its peers (half of the time for path parameters): a fee curve that exists.
    known.pubkey = SMALL;
    known.peer = PEER_OF_SMALL;
    // A real job, so that the job operations reach their handler and not only the 404 of an unknown id.
    const job = await request(app.getHttpServer()).post('/api/v1/nodes/bulk-analysis').send({ pubkeys: ['03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f'], analysis_types: ['priorities'] }).expect(202);
    known.job_id = job.body.job_id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const send = (r: GeneratedRequest) => {
    const req = request(app.getHttpServer())[r.method.toLowerCase() as 'get' | 'post' | 'delete'](r.url).set(r.headers);
    return r.body === undefined ? req : req.send(r.body as object);
  };

  it.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))('%s: every spec-valid request gets a declared answer, never a 400 or 5xx', async (_name, op) => {
    const declared = Object.keys(op.responses);
    const seen: Record<string, number> = {};
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(requestsFor(op, SCHEMAS, known), async (r) => {
        const res = await send(r);
        seen[res.status] = (seen[res.status] ?? 0) + 1;
        // 422 INVALID_WHAT_IF is the documented answer to a well-formed what-if the model cannot apply (no change,
        // a peer that is no channel of the node, to below from): it comes from the handler, not from a gap in the spec.
        const semantic = res.status === 422 && (res.body as { code?: string }).code === 'INVALID_WHAT_IF';
        if (semantic) reached++;
        const refusal = res.status === 400 || res.status === 405 || res.status === 415 || (res.status === 422 && !semantic) || res.status >= 500;
        if (refusal || !declared.includes(String(res.status))) {
          throw new Error(`${r.method} ${r.url} ${JSON.stringify(r.body ?? null).slice(0, 400)} → ${res.status} (declared: ${declared.join(', ')}): ${JSON.stringify(res.body).slice(0, 400)}`);
        }
      }),
      // No shrinking: each step is an HTTP request, and the first counterexample already names the gap in the spec.
      { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
    );
    // Something reached the handler: a run where everything was a 404 or 401 would test only the router.
    expect(Object.keys(seen).some((s) => s.startsWith('2')) || reached > 0).toBe(true);
  }, 120_000);

  it.each(Object.entries(SPEC.paths).map(([path, ops]) => [path, Object.keys(ops).map((m) => m.toUpperCase())] as const))(
    '%s: undeclared methods answer 405 with Allow',
    async (path, declared) => {
      const concrete = path.replace('{pubkey}', '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f').replace('{job_id}', '6f1c2a9e-3b1d-4c7e-9a8b-0c1d2e3f4a5b');
      const allow = [...declared, ...(declared.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
      for (const method of METHODS.filter((m) => !declared.includes(m))) {
        const res = await request(app.getHttpServer())[method.toLowerCase() as 'put'](concrete);
        expect({ method, status: res.status, allow: res.headers.allow, type: res.headers['content-type'], code: res.body.code }).toEqual({
          method,
          status: 405,
          allow,
          type: expect.stringContaining('application/problem+json'),
          code: 'METHOD_NOT_ALLOWED',
        });
      }
    },
  );

  it('keeps unknown paths a 404 and answered no 5xx', async () => {
    const res = await request(app.getHttpServer()).put('/api/v1/no-such-route').expect(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});
