#!/usr/bin/env node
/**
 * Writes the OpenAPI document to openapi.json, key-sorted, from the compiled app (the Swagger CLI plugin only
 * runs under `nest build`), without starting a server or loading any data: Nest's preview mode builds the
 * module graph and routes without instantiating providers.
 *   npm run openapi            regenerate openapi.json
 *   npm run openapi -- --check exit 1 when the committed file differs from what the code generates
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'openapi.json');

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}

async function main() {
  process.env.LOG_LEVEL = 'silent';
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(path.join(ROOT, 'dist/app.module'));
  const { buildOpenApiDocument } = require(path.join(ROOT, 'dist/app.setup'));
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api/v1');
  const doc = buildOpenApiDocument(app, pkg.version);
  const text = `${JSON.stringify(sortKeys(doc), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OUT, 'utf8');
    if (committed !== text) {
      console.error('openapi.json is stale: run `npm run openapi` and commit the result');
      process.exit(1);
    }
    console.log('openapi.json is up to date');
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${Object.keys(doc.paths).length} paths`);
  }
  await app.close();
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
