#!/usr/bin/env node
/**
 * Generates the TypeScript SDK in sdk/typescript from openapi.json:
 *   - src/schema.ts: the API's types, by openapi-typescript (a maintained generator from the npm registry);
 *   - src/operations.ts: one function per operationId (getNodeInfo, createPriorities, …) over openapi-fetch,
 *     written from the same document.
 *   npm run sdk            regenerate
 *   npm run sdk -- --check exit 1 when the committed SDK differs from what openapi.json generates
 */
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SDK = path.join(ROOT, 'sdk/typescript');
const HEADER = '// Generated from openapi.json by scripts/generate-sdk.js: do not edit.\n';

async function main() {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const spec = JSON.parse(readFileSync(path.join(ROOT, 'openapi.json'), 'utf8'));
  const schema = `${HEADER}/* eslint-disable */\n${astToString(await openapiTS(spec, { alphabetize: true, defaultNonNullable: false }))}`;

  const ops = [];
  for (const [p, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({ id: op.operationId, path: p, method: method.toUpperCase(), summary: (op.description ?? op.summary ?? '').split('\n')[0] });
    }
  }
  ops.sort((a, b) => a.id.localeCompare(b.id));
  const lines = [
    HEADER,
    "import type { Client, ClientForPath } from 'openapi-fetch';",
    "import type { paths } from './schema';",
    '',
    '/** openapi-fetch\'s own signature for one method of one path: typed parameters, body, data and error. */',
    'type Op<P extends keyof paths, M extends string> = ClientForPath<paths[P], `${string}/${string}`>[M & keyof ClientForPath<paths[P], `${string}/${string}`>];',
    '',
    '/** The implementation forwards arguments as they are; the public type of each function is {@link Op}. */',
    'type Untyped = (...args: unknown[]) => unknown;',
    '',
    '/** One function per API operation, named by its operationId. */',
    'export function operations(client: Client<paths>) {',
    '  return {',
  ];
  for (const o of ops) {
    if (o.summary) lines.push(`    /** ${o.summary.replace(/\*\//g, '*\\/')} */`);
    lines.push(`    ${o.id}: ((...init: unknown[]) => (client.${o.method} as Untyped)('${o.path}', ...init)) as Op<'${o.path}', '${o.method}'>,`);
  }
  lines.push('  };', '}', '', `export const OPERATION_IDS = ${JSON.stringify(ops.map((o) => o.id))} as const;`, '');
  const operations = lines.join('\n');

  const files = { 'src/schema.ts': schema, 'src/operations.ts': operations };
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([f, text]) => !existsSync(path.join(SDK, f)) || readFileSync(path.join(SDK, f), 'utf8') !== text);
    if (stale.length) {
      console.error(`sdk/typescript is stale (${stale.map(([f]) => f).join(', ')}): run \`npm run sdk\` and commit the result`);
      process.exit(1);
    }
    console.log('sdk/typescript is up to date');
    return;
  }
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(SDK, f), text);
  console.log(`wrote sdk/typescript: ${ops.length} operations`);
}

main().catch((e) => { console.error(e); process.exit(1); });
