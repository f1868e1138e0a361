import { METHODS } from 'node:http';
import { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import request from 'supertest';
import { UNAUTHORIZED_MESSAGE } from '../../../src/security/api-key.guard';
import { createSecuredTestApp } from './secured-test-app';

/**
 * Walks every route the Express 5 router holds (Nest controllers, Swagger, the dashboard, anything mounted by hand)
 * and checks that, with API_KEYS set, each one not listed below as public refuses a request without a key or with a
 * wrong one. A route added without protection, or a public entry that no longer exists, fails this suite.
 */

const KEY = 'route-protection-key-0123456789';
const WRONG_KEY = 'not-the-key-0123456789abcdef';
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

/**
 * Open without a key, on purpose (docs/SECURITY.md): the health probes (platforms probe them without credentials),
 * Swagger UI and the OpenAPI document (outside /api/v1: they describe the API, they do not call it), and the
 * dashboard's page and hashed assets (static files; the page calls the API with the operator's key like any client).
 * Entries are `METHOD path` exactly as registered; `USE path` is middleware mounted at a path (a static folder).
 */
const PUBLIC = [
  'GET /api/v1/health',
  'GET /api/v1/health/live',
  'GET /api/v1/health/ready',
  'GET /docs',
  'GET /docs/',
  'GET /docs/index.html',
  'GET /docs/LICENSE',
  'GET /docs/swagger-ui-init.js',
  'GET /docs/docs/swagger-ui-init.js',
  'GET /docs-json',
  'GET /docs-yaml',
  'USE /docs', // swagger-ui-dist's files (serve-static)
  'GET /',
  'GET /dashboard',
  'GET /dashboard/{*path}',
  'GET /dashboard/assets/{*file}',
] as const;

/**
 * Nest's bindings of module middleware (nestjs-pino's request logger, `forRoutes('{*splat}')`): registered as routes that
 * accept every HTTP method, and that only call `next()`. They are not endpoints; a path that nothing else handles
 * falls through them to the API's 404 (checked below).
 */
const MIDDLEWARE_BINDINGS = ['/api/v1', '/api/v1/{*splat}', '/mcp', '/mcp/'] as const; // /mcp: outside the prefix, bound on its own

/** Values for route parameters: real ones where the route has a meaning for them, any segment otherwise. */
const SAMPLE_PARAMS: Record<string, string> = {
  pubkey: ACINQ,
  job_id: '6f1c9a52-4a0e-4d8b-9a57-2b7f3c1d0e11',
};
const ANY_SEGMENT = 'sample';

interface WalkedRoute {
  /** `GET`, `POST`, … (`ALL` for `router.all`), or `USE` for middleware mounted at a path. */
  method: string;
  path: string;
  /** True when the route answers every HTTP method one by one (Nest's middleware bindings). */
  everyMethod: boolean;
}

interface ExpressRoute {
  path: string | string[];
  methods: Record<string, boolean>;
}
interface ExpressLayer {
  route?: ExpressRoute;
  handle?: { stack?: ExpressLayer[] };
  /** The path the layer was registered with (router 2.x keeps it as given). */
  rawPath?: string | string[];
  name?: string;
}

const ALL_HTTP_METHODS = METHODS.map((m) => m.toLowerCase());

/** Every route and mount of an Express 5 router, nested routers included (their mount path prefixed). */
function walkRouter(stack: ExpressLayer[], prefix = ''): WalkedRoute[] {
  const found: WalkedRoute[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m]);
      const everyMethod = ALL_HTTP_METHODS.every((m) => methods.includes(m));
      const paths = ([] as string[]).concat(layer.route.path).map((p) => join(prefix, p));
      for (const path of paths) {
        if (everyMethod) found.push({ method: 'ALL', path, everyMethod });
        else for (const m of methods) found.push({ method: m === '_all' ? 'ALL' : m.toUpperCase(), path, everyMethod });
      }
      continue;
    }
    if (layer.rawPath === undefined) {
      throw new Error(`cannot read the mount path of middleware "${layer.name}": the router's Layer changed shape, update walkRouter`);
    }
    for (const mount of ([] as string[]).concat(layer.rawPath).map((p) => join(prefix, p))) {
      if (Array.isArray(layer.handle?.stack)) found.push(...walkRouter(layer.handle.stack, mount === '/' ? '' : mount));
      // Middleware on every path (helmet, body parser, the 404 and error handlers) is not an endpoint of its own.
      else if (mount !== '/') found.push({ method: 'USE', path: mount, everyMethod: false });
    }
  }
  return found;
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  return `${prefix.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** A URL that the route matches: `:name` and `{*name}` filled with samples, optional groups kept. */
function concreteUrl(path: string): string {
  const url = path
    .replace(/\{\*(\w+)\}|\*(\w+)/g, (_m, a?: string, b?: string) => SAMPLE_PARAMS[(a ?? b) as string] ?? ANY_SEGMENT)
    .replace(/:(\w+)/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? ANY_SEGMENT)
    .replace(/[{}]/g, '');
  if (/[:*()?+]/.test(url)) throw new Error(`cannot build a URL for route path ${path}: teach concreteUrl its syntax`);
  return url;
}

const key = (r: WalkedRoute) => `${r.method} ${r.path}`;

function send(app: NestExpressApplication, r: WalkedRoute, headers: Record<string, string> = {}) {
  const http = request(app.getHttpServer());
  const url = r.method === 'USE' ? `${r.path.replace(/\/$/, '')}/` : concreteUrl(r.path);
  const method = r.method === 'USE' || r.method === 'ALL' ? 'GET' : r.method;
  let req;
  switch (method) {
    case 'GET':
      req = http.get(url);
      break;
    case 'HEAD':
      req = http.head(url);
      break;
    case 'POST':
      req = http.post(url).send({});
      break;
    case 'PUT':
      req = http.put(url).send({});
      break;
    case 'PATCH':
      req = http.patch(url).send({});
      break;
    case 'DELETE':
      req = http.delete(url);
      break;
    case 'OPTIONS':
      req = http.options(url);
      break;
    default:
      throw new Error(`no request builder for ${method} (route ${key(r)}): add one`);
  }
  return req.set(headers);
}

describe('walkRouter', () => {
  it('finds routes, routes of nested routers under their mount path, router.all routes and mounted middleware', () => {
    const nested = express.Router();
    nested.get('/users/:id', (_req, res) => res.end());
    nested.post(['/a', '/b'], (_req, res) => res.end());
    const app = express();
    app.use((_req, _res, next) => next());
    app.use('/admin', nested);
    app.use('/static', (_req, res) => res.end());
    app.all('/any', (_req, res) => res.end());
    const walked = walkRouter((app as unknown as { router: { stack: ExpressLayer[] } }).router.stack).map(key);
    expect(walked).toEqual(['GET /admin/users/:id', 'POST /admin/a', 'POST /admin/b', 'USE /static', 'ALL /any']);
  });

  it('fills route parameters with samples', () => {
    expect(concreteUrl('/api/v1/node/:pubkey/info')).toBe(`/api/v1/node/${ACINQ}/info`);
    expect(concreteUrl('/dashboard/{*path}')).toBe('/dashboard/sample');
    expect(concreteUrl('/x{/:opt}/y')).toBe('/x/sample/y');
  });
});

describe('Route protection: every route needs an API key unless it is explicitly public', () => {
  let app: NestExpressApplication;
  let routes: WalkedRoute[];

  beforeAll(async () => {
    app = await createSecuredTestApp({
      API_KEYS: KEY,
      // One client sends a few dozen requests; the rate limits are not what this suite is about.
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000',
    });
    const instance = app.getHttpAdapter().getInstance() as { router?: { stack?: ExpressLayer[] } };
    // Express 5: the app's router is `app.router` (Express 4's `app._router` is gone).
    if (!Array.isArray(instance.router?.stack)) throw new Error('no Express 5 router on the app (app.router.stack)');
    routes = walkRouter(instance.router.stack);
  });
  afterAll(() => app.close());

  const isPublic = (r: WalkedRoute) => (PUBLIC as readonly string[]).includes(key(r));
  const isBinding = (r: WalkedRoute) => r.everyMethod && (MIDDLEWARE_BINDINGS as readonly string[]).includes(r.path);
  const protectedRoutes = () => routes.filter((r) => !isPublic(r) && !isBinding(r));

  it('walks a plausible router: the API routes, the docs, the dashboard', () => {
    const keys = routes.map(key);
    // The README's endpoint table has 12 operations that need a key (metrics ×2, node ×5, bulk ×3, search, network
    // stats); more is fine, fewer means the walk missed some.
    expect(protectedRoutes().length).toBeGreaterThanOrEqual(12);
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const known of [
      `GET /api/v1/node/:pubkey/info`,
      `POST /api/v1/node/:pubkey/priorities`,
      `POST /api/v1/nodes/bulk-analysis`,
      `DELETE /api/v1/nodes/bulk-analysis/:job_id`,
      `GET /api/v1/metrics/prometheus`,
    ]) {
      expect(keys).toContain(known);
    }
  });

  it('finds every entry of the public list and of the middleware bindings (neither list can rot)', () => {
    const keys = routes.map(key);
    expect(PUBLIC.filter((p) => !keys.includes(p))).toEqual([]);
    const bindings = routes.filter((r) => r.everyMethod).map((r) => r.path);
    expect(MIDDLEWARE_BINDINGS.filter((p) => !bindings.includes(p))).toEqual([]);
    // A route that takes every method anywhere else is not a known binding: it must be protected like any route.
    expect(routes.filter((r) => r.everyMethod && !isBinding(r)).map(key)).toEqual([]);
  });

  it('refuses every non-public route without a key, and with a wrong key, with 401 problem+json', async () => {
    const failures: string[] = [];
    const attempts: Array<[string, Record<string, string>]> = [
      ['no key', {}],
      ['wrong X-API-Key', { 'X-API-Key': WRONG_KEY }],
      ['wrong Bearer token', { Authorization: `Bearer ${WRONG_KEY}` }],
    ];
    for (const r of protectedRoutes()) {
      for (const [what, headers] of attempts) {
        const res = await send(app, r, headers);
        const url = r.method === 'USE' ? `${r.path.replace(/\/$/, '')}/` : concreteUrl(r.path);
        const ok =
          res.status === 401 &&
          /^application\/problem\+json/.test(res.headers['content-type'] ?? '') &&
          /^Bearer realm=/.test(res.headers['www-authenticate'] ?? '') &&
          res.body.code === 'UNAUTHORIZED' &&
          res.body.status === 401 &&
          res.body.type === 'urn:ln-intelligence:error:unauthorized' &&
          res.body.title === 'Unauthorized' &&
          res.body.detail === UNAUTHORIZED_MESSAGE &&
          res.body.instance === url &&
          typeof res.body.request_id === 'string';
        if (!ok) failures.push(`${key(r)} (${what}): ${res.status} ${res.headers['content-type']} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the same routes through with the valid key (the 401 was about the key, and the sample URL matches the route)', async () => {
    const failures: string[] = [];
    for (const r of protectedRoutes()) {
      const res = await send(app, r, { 'X-API-Key': KEY });
      if (res.status === 401 || res.body?.code === 'ROUTE_NOT_FOUND') failures.push(`${key(r)}: ${res.status} ${res.body?.code}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers every public entry without a key', async () => {
    const failures: string[] = [];
    for (const r of routes.filter(isPublic)) {
      const res = await send(app, r);
      if (res.status === 401 || (res.status >= 500 && res.status !== 503)) failures.push(`${key(r)}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('serves nothing through the middleware bindings: an unknown API path is a 404, with or without a key', async () => {
    for (const headers of [{}, { 'X-API-Key': KEY }]) {
      const res = await request(app.getHttpServer()).get('/api/v1/no-such-route').set(headers).expect(404);
      expect(res.body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    }
  });
});
