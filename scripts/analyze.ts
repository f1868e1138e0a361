#!/usr/bin/env node
/**
 * Bulk analysis from the command line:
 *   npm run analyze -- --pubkeys-file nodes.txt [--types basic,recommendations] [--out results.jsonl|results.csv]
 *                      [--url http://localhost:8000] [--api-key KEY] [--lang fr|en] [--page-size 500]
 * Submits a job (or gets an inline answer), shows a progress bar with the ETA on stderr, then writes every
 * result as JSON Lines (one node per line) or CSV (flattened scalar fields), and failed items to stderr.
 */
import { createWriteStream, readFileSync } from 'node:fs';

interface Args {
  pubkeysFile: string;
  types: string[];
  out: string | null;
  url: string;
  apiKey: string | null;
  lang: string;
  pageSize: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const pubkeysFile = get('pubkeys-file');
  if (!pubkeysFile) {
    console.error('usage: npm run analyze -- --pubkeys-file FILE [--types basic,recommendations] [--out FILE.jsonl|FILE.csv] [--url URL] [--api-key KEY]');
    process.exit(2);
  }
  return {
    pubkeysFile,
    types: (get('types') ?? 'basic').split(',').map((s) => s.trim()).filter(Boolean),
    out: get('out') ?? null,
    url: (get('url') ?? 'http://localhost:8000').replace(/\/$/, ''),
    apiKey: get('api-key') ?? null,
    lang: get('lang') ?? 'fr',
    pageSize: Number(get('page-size') ?? 500),
  };
}

async function call(args: Args, method: string, path: string, body?: unknown) {
  const res = await fetch(`${args.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'Accept-Language': args.lang, ...(args.apiKey ? { 'X-API-Key': args.apiKey } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, any>;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${json.code ?? ''} ${json.detail ?? ''}`);
  return { status: res.status, body: json };
}

function bar(done: number, total: number, eta: number | null): string {
  const width = 30;
  const filled = total ? Math.round((width * done) / total) : width;
  const pct = total ? ((100 * done) / total).toFixed(1) : '100.0';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${pct}%${eta !== null ? ` ETA ${eta}s` : ''}`;
}

/** Scalar fields of a result, flattened with dots (`basic.total_channels`), for CSV. */
function flatten(obj: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else if (Array.isArray(v)) out[`${key}.count`] = v.length;
    else out[key] = v;
  }
  return out;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const pubkeys = readFileSync(args.pubkeysFile, 'utf8').split(/\s+/).filter(Boolean);
  const submitted = await call(args, 'POST', '/api/v1/nodes/bulk-analysis', { pubkeys, analysis_types: args.types });
  let results: Array<Record<string, unknown>> = [];
  let errors: Array<{ pubkey: string; error: string }> = [];
  if (submitted.body.mode === 'inline') {
    results = submitted.body.results;
    errors = submitted.body.errors;
  } else {
    const id = submitted.body.job_id as string;
    process.stderr.write(`job ${id} queued (${submitted.body.total} nodes${submitted.body.durable ? '' : ', in-process queue'})\n`);
    for (;;) {
      const s = (await call(args, 'GET', `/api/v1/nodes/bulk-analysis/${id}?page_size=1`)).body;
      process.stderr.write(`\r${bar(s.progress.done, s.progress.total, s.eta_seconds)}   `);
      if (!['queued', 'running'].includes(s.status)) {
        process.stderr.write(`\n${s.status} in ${s.timings.elapsed_seconds ?? 0}s (${s.timings.items_per_second ?? '-'} nodes/s)\n`);
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    for (let page = 0; ; page++) {
      const p = (await call(args, 'GET', `/api/v1/nodes/bulk-analysis/${id}?page=${page}&page_size=${args.pageSize}`)).body;
      results.push(...p.results);
      errors.push(...p.errors);
      if (page + 1 >= p.total_pages) break;
    }
  }
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  if (args.out?.endsWith('.csv')) {
    const rows = results.map((r) => flatten(r));
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    out.write(`${columns.join(',')}\n`);
    for (const r of rows) out.write(`${columns.map((c) => csvCell(r[c])).join(',')}\n`);
  } else {
    for (const r of results) out.write(`${JSON.stringify(r)}\n`);
  }
  if (out !== process.stdout) (out as ReturnType<typeof createWriteStream>).end();
  for (const e of errors) process.stderr.write(`failed: ${e.pubkey}: ${e.error}\n`);
  process.stderr.write(`${results.length} results${args.out ? ` written to ${args.out}` : ''}, ${errors.length} failed\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
