#!/usr/bin/env node
// Regenerates README.md's generated blocks (the curl tour, the recommendations summary, the plan) from real
// answers of the built app (dist/, `npx nest build`), so the README cannot drift from what the API says.
//   node scripts/readme-tour.js          rewrite the blocks in README.md
//   node scripts/readme-tour.js --check  exit 1 when README.md differs (timestamps and ids excepted)
// The app is started on a free port with a clean environment (no keys, no Redis: what a fresh clone runs), and
// every request that shows English text is sent with Accept-Language: en.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';
const INSTANT = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
const BLUEIRON = '024b9a1fa8e006f1e3937f65f66c408e6da8e1ca728ea43222a7381df1cc449605';
const ALPHA = '0217890e3aad8d35bc054f43acc00084b25229ecff0ab68debd82883ad65ee8266';
/** Centralities are computed in worker threads after boot; the candidates steps wait for them. */
const ANALYTICS_WAIT_MS = 300_000;

/**
 * One curl of the tour: what the README shows, what is sent, and the JavaScript twin of the jq filter shown.
 * `rows`: the filter yields one value per row, shown with `jq -c` one per line (`project` returns the rows).
 */
const TOUR = [
  {
    note: 'ACINQ, the largest hub of the snapshot',
    path: `/api/v1/node/${ACINQ}/info`,
    jq: '{alias: .node_info.alias, metrics, position: .network_position | {degree, capacity, routable}}',
    project: (b) => ({ alias: b.node_info.alias, metrics: b.metrics, position: pick(b.network_position, ['degree', 'capacity', 'routable']) }),
  },
  {
    note: 'CoinGate across the 2024-09-22 and 2021-04-16 snapshots, with the change since each',
    path: `/api/v1/node/${COINGATE}/info?include_historical=true`,
    jq: '.historical[] | {snapshot_date, total_channels, distinct_peers, degree_rank, change}',
    rows: true,
    project: (b) => b.historical.map((h) => pick(h, ['snapshot_date', 'total_channels', 'distinct_peers', 'degree_rank', 'change'])),
  },
  {
    note: "A small node (Instant, 3 channels): each channel with the node's own policy and its peer's",
    path: `/api/v1/node/${INSTANT}/info`,
    jq: '.channels[] | {peer_alias, capacity, own_fee_ppm: .local_policy.fee_rate_ppm, peer_fee_ppm: .remote_policy.fee_rate_ppm, own_cltv: .local_policy.cltv_delta}',
    rows: true,
    project: (b) =>
      b.channels.map((c) => ({
        peer_alias: c.peer_alias,
        capacity: c.capacity,
        own_fee_ppm: c.local_policy?.fee_rate_ppm ?? null,
        peer_fee_ppm: c.remote_policy?.fee_rate_ppm ?? null,
        own_cltv: c.local_policy?.cltv_delta ?? null,
      })),
  },
  {
    note: "CoinGate's first piece of advice, with ready-to-run commands (French without Accept-Language: en)",
    path: `/api/v1/node/${COINGATE}/recommendations`,
    english: true,
    jq: '.recommendations[0] | {priority, rule, action, reason, lnd: .commands.lnd, cln: .commands.cln}',
    project: (b) => {
      const r = b.recommendations[0];
      return { ...pick(r, ['priority', 'rule', 'action', 'reason']), lnd: r.commands?.lnd ?? null, cln: r.commands?.cln ?? null };
    },
  },
  {
    note: 'A budget-aware plan for Instant',
    method: 'POST',
    path: `/api/v1/node/${INSTANT}/priorities`,
    english: true,
    body: { goals: ['routing_revenue', 'connectivity'], max_actions: 5, budget_limit: 3000000 },
    jq: '{model_used, total_estimated_cost, plan_score, actions: [.priority_actions[] | {priority, action, estimated_cost}]}',
    project: (b) => ({ ...pick(b, ['model_used', 'total_estimated_cost', 'plan_score']), actions: b.priority_actions.map((a) => pick(a, ['priority', 'action', 'estimated_cost'])) }),
  },
  {
    note: "What one new channel would do to Instant's position (centralities are ready a few seconds after boot)",
    path: `/api/v1/node/${INSTANT}/channel-candidates?limit=5`,
    analytics: true,
    jq: '.candidates[] | {alias, gain_in_betweenness_rank, ideal_capacity}',
    rows: true,
    project: (b) => b.candidates.map((c) => pick(c, ['alias', 'gain_in_betweenness_rank', 'ideal_capacity'])),
  },
  {
    note: 'Many nodes at once',
    method: 'POST',
    path: '/api/v1/nodes/bulk-analysis',
    body: { pubkeys: [ACINQ, COINGATE], analysis_types: ['basic', 'recommendations'] },
    jq: '{mode, total_analyzed, successful}',
    project: (b) => pick(b, ['mode', 'total_analyzed', 'successful']),
  },
  {
    note: 'Bad input is a 400 in RFC 9457 problem+json with a stable code (an unknown node: 404 NODE_NOT_FOUND)',
    path: '/api/v1/node/abc/info',
    jq: '.',
    project: (b) => b,
  },
  {
    note: 'Health (without REDIS_URL the cache runs in memory)',
    path: '/api/v1/health',
    jq: '{status, services, cache_backend: .cache_stats.backend}',
    project: (b) => ({ ...pick(b, ['status', 'services']), cache_backend: b.cache_stats.backend }),
  },
];

/** The recommendations summary: first advice of five real nodes, in English. */
const ADVICE_NODES = [
  { pubkey: ACINQ, label: 'ACINQ (1,989 channels)', show: 1 },
  { pubkey: COINGATE, label: 'CoinGate (merchant node, 1 ppm everywhere)', show: 1 },
  { pubkey: BLUEIRON, label: "BLUEIRON (Rusty Russell's node, the snapshot's source)", show: 3 },
  { pubkey: INSTANT, label: 'Instant (3 channels)', show: 2 },
  { pubkey: ALPHA, label: '1ML.com node ALPHA (1,771 channels, most of them zombies)', show: 2 },
];

function pick(o, keys) {
  return Object.fromEntries(keys.map((k) => [k, o[k] === undefined ? null : o[k]]));
}

function curlOf(step) {
  const parts = ['curl -s'];
  if (step.method === 'POST') parts.push('-X POST', "-H 'Content-Type: application/json'");
  if (step.english) parts.push("-H 'Accept-Language: en'");
  if (step.body) parts.push(`-d '${JSON.stringify(step.body)}'`);
  const url = step.path.includes('?') ? `'localhost:8000${step.path}'` : `localhost:8000${step.path}`;
  return `${parts.join(' ')} ${url} | jq ${step.rows ? '-c ' : ''}'${step.jq}'`;
}

async function call(base, step) {
  const headers = { 'Content-Type': 'application/json', ...(step.english ? { 'Accept-Language': 'en' } : {}) };
  const res = await fetch(base + step.path, { method: step.method ?? 'GET', headers, body: step.body ? JSON.stringify(step.body) : undefined });
  return { status: res.status, body: await res.json() };
}

/** Waits for a condition, polling; the bound only keeps a broken build from hanging the script forever. */
async function until(what, fn, boundMs) {
  const end = Date.now() + boundMs;
  for (;;) {
    if (await fn().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`readme-tour: ${what} did not happen within ${boundMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startApp() {
  const main = path.join(ROOT, 'dist', 'main.js');
  if (!fs.existsSync(main)) throw new Error('readme-tour: dist/main.js is missing; run `npx nest build` first');
  const port = await freePort();
  // A fresh clone's environment: no keys, no Redis, the defaults.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  const base = `http://127.0.0.1:${port}`;
  await until('the app becoming ready', async () => {
    if (child.exitCode !== null) throw new Error(`readme-tour: the app exited with ${child.exitCode}`);
    return (await fetch(`${base}/api/v1/health/ready`)).ok;
  }, 120_000);
  return { base, stop: async () => (child.kill('SIGTERM'), exited) };
}

const fence = (lang, text) => `\`\`\`${lang}\n${text}\n\`\`\``;

async function tourBlock(base) {
  const out = [];
  for (const step of TOUR) {
    if (step.analytics) {
      await until('the centralities', async () => (await call(base, step)).status === 200, ANALYTICS_WAIT_MS);
    }
    const { body } = await call(base, step);
    const shown = step.project(body);
    const answer = step.rows ? shown.map((row) => JSON.stringify(row)).join('\n') : JSON.stringify(shown, null, 2);
    out.push(fence('bash', `# ${step.note}\n${curlOf(step)}`), fence('json', answer));
  }
  out.push(
    fence('bash', '# Metrics (JSON and Prometheus)\ncurl -s localhost:8000/api/v1/metrics | jq \'{request_count, error_rate}\'\ncurl -s localhost:8000/api/v1/metrics/prometheus | head'),
    'Swagger UI: http://localhost:8000/docs (the OpenAPI document at `/docs-json`).',
  );
  return out.join('\n');
}

const fmt = (n) => n.toLocaleString('en-US');

async function adviceBlock(base) {
  const lines = [];
  for (const n of ADVICE_NODES) {
    const { body } = await call(base, { path: `/api/v1/node/${n.pubkey}/recommendations`, english: true });
    const byPriority = Object.entries(body.by_priority ?? {}).filter(([, c]) => c > 0).map(([p, c]) => `${p} ${c}`);
    const omitted = Object.entries(body.omitted ?? {}).map(([k, c]) => `${k}: ${c}`);
    lines.push(`${n.label} — ${fmt(body.total_count)} recommendations {${byPriority.join(', ')}}${omitted.length ? `, omitted {${omitted.join(', ')}}` : ''}`);
    body.recommendations.slice(0, n.show).forEach((r, i) => {
      lines.push(`  ${r.priority.padEnd(6)} ${r.rule}  ${r.action}`, `         ${r.reason}`);
      if (i === 0 && r.commands?.lnd) lines.push(`         lnd: ${r.commands.lnd}`);
      if (i === 0 && r.commands?.cln) lines.push(`         cln: ${r.commands.cln}`);
    });
  }
  return fence('text', lines.join('\n'));
}

/** The generated blocks, by marker name. */
async function generate() {
  const app = await startApp();
  try {
    return { 'readme-tour': await tourBlock(app.base), 'readme-advice': await adviceBlock(app.base) };
  } finally {
    await app.stop();
  }
}

function replaceBlocks(text, blocks) {
  let out = text;
  for (const [name, body] of Object.entries(blocks)) {
    const begin = `<!-- ${name}: generated by scripts/readme-tour.js from real answers; edit the script, not this block -->`;
    const end = `<!-- /${name} -->`;
    const i = out.indexOf(begin);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`readme-tour: README.md has no ${name} block (markers ${begin} … ${end})`);
    out = `${out.slice(0, i + begin.length)}\n${body}\n${out.slice(j)}`;
  }
  return out;
}

/** What may differ between two runs on the same graph: times and generated ids. */
function normalised(text) {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
}

async function main() {
  const check = process.argv.includes('--check');
  const current = fs.readFileSync(README, 'utf8');
  const next = replaceBlocks(current, await generate());
  if (!check) {
    fs.writeFileSync(README, next);
    console.log('readme-tour: README.md blocks regenerated');
    return;
  }
  if (normalised(next) === normalised(current)) {
    console.log('readme-tour: README.md matches the API');
    return;
  }
  const a = normalised(current).split('\n');
  const b = normalised(next).split('\n');
  const first = a.findIndex((line, i) => line !== b[i]);
  console.error(`readme-tour: README.md differs from the API's answers from line ${first + 1}:\n- ${a[first]}\n+ ${b[first]}\nRun \`npx nest build && node scripts/readme-tour.js\` and commit README.md.`);
  process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
