#!/usr/bin/env node
/**
 * Writes src/mcp/tool-schemas.json: the input and output JSON Schemas of every MCP tool, derived from openapi.json
 * (itself generated from the REST DTOs' class-validator and Swagger metadata), so a tool accepts exactly what its
 * REST operation accepts and answers exactly what it answers. `--check` fails when the file is stale.
 *
 * Input: the operation's path and query parameters and its JSON body, merged into one object (unknown fields
 * refused, as forbidNonWhitelisted does); the Accept-Language header becomes a `language` field.
 * Output: the 200 schema, `$ref`s moved to `$defs`, OpenAPI 3.0 `nullable` turned into JSON Schema null types.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'src', 'mcp', 'tool-schemas.json');
const SPEC = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8'));
const SCHEMAS = SPEC.components.schemas;

/**
 * Each tool's REST operation. `omit`: REST parameters that make no sense for an agent (cache control).
 * `output.pick`: the tool answers a subset, as `{ field: 'Schema.property' }`.
 */
const TOOLS = {
  find_node: { operation: 'searchNodes' },
  get_node_info: { operation: 'getNodeInfo', omit: ['use_cache'] },
  get_network_position: {
    operation: 'getNodeInfo',
    omit: ['use_cache', 'include_historical'],
    output: { pick: { pubkey: 'NodeInfoResponseDto.pubkey', alias: 'NodeDescriptionDto.alias', network_position: 'NodeInfoResponseDto.network_position', source: 'NodeInfoResponseDto.source', cache_hit: 'NodeInfoResponseDto.cache_hit' } },
  },
  get_recommendations: { operation: 'getRecommendations' },
  plan_priorities: { operation: 'createPriorities' },
  suggest_channel_candidates: { operation: 'getChannelCandidates' },
  evaluate_channel_candidates: { operation: 'evaluateChannelCandidates' },
  simulate_flow_what_if: { operation: 'simulateWhatIf' },
  get_fee_curve: { operation: 'getFeeCurve' },
  get_network_stats: { operation: 'getNetworkStats' },
  get_service_health: { operation: 'getHealth' },
};

const LANGUAGE = { type: 'string', enum: ['fr', 'en'], description: 'Language of the texts (as Accept-Language in the REST API); the service default when absent' };
/** OpenAPI-only keywords JSON Schema validators do not know. */
const OPENAPI_ONLY = new Set(['nullable', 'example', 'examples', 'xml', 'discriminator', 'externalDocs']);

function operation(id) {
  for (const ops of Object.values(SPEC.paths)) for (const op of Object.values(ops)) if (op.operationId === id) return op;
  throw new Error(`no operation ${id} in openapi.json`);
}

/** OpenAPI 3.0 schema → JSON Schema (draft 2020-12 subset the MCP SDK's Ajv reads), refs into `#/$defs/`, collected in `defs`. */
function toJsonSchema(node, defs) {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, defs));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    if (!(name in defs)) {
      defs[name] = null; // reserve first: schemas may be recursive
      defs[name] = toJsonSchema(SCHEMAS[name], defs);
    }
    return { $ref: `#/$defs/${name}` };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) if (!OPENAPI_ONLY.has(k)) out[k] = k === 'properties' ? mapValues(v, (p) => toJsonSchema(p, defs)) : toJsonSchema(v, defs);
  if (node.nullable !== true) return out;
  // `{ nullable, enum: [null] }` is withNullableRefs' null branch: it stands for null alone.
  if (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null) return { type: 'null' };
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

function withDefs(schema, defs) {
  const used = Object.keys(defs).sort();
  return used.length === 0 ? schema : { ...schema, $defs: Object.fromEntries(used.map((n) => [n, defs[n]])) };
}

function inputSchema(op, omit) {
  const defs = {};
  const properties = {};
  const required = [];
  for (const p of op.parameters ?? []) {
    if (omit.includes(p.name)) continue;
    if (p.in === 'header') {
      if (p.name.toLowerCase() === 'accept-language') properties.language = LANGUAGE;
      continue;
    }
    properties[p.name] = { ...toJsonSchema(p.schema, defs), ...(p.description ? { description: p.description } : {}) };
    if (p.required) required.push(p.name);
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) {
    const resolved = body.$ref ? SCHEMAS[body.$ref.replace('#/components/schemas/', '')] : body;
    for (const [name, s] of Object.entries(resolved.properties ?? {})) properties[name] = toJsonSchema(s, defs);
    for (const name of resolved.required ?? []) required.push(name);
  }
  return withDefs({ type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false }, defs);
}

function outputSchema(op, output) {
  const defs = {};
  if (output?.pick) {
    const properties = mapValues(output.pick, (at) => {
      const [schema, prop] = at.split('.');
      const s = SCHEMAS[schema]?.properties?.[prop];
      if (!s) throw new Error(`no property ${at} in openapi.json`);
      return toJsonSchema(s, defs);
    });
    return withDefs({ type: 'object', properties, required: Object.keys(properties) }, defs);
  }
  const ok = op.responses['200']?.content?.['application/json']?.schema;
  if (!ok) throw new Error(`operation ${op.operationId} has no JSON 200 answer`);
  const root = toJsonSchema(ok, defs);
  // MCP wants an object schema at the top: inline the root definition.
  const rootName = root.$ref?.replace('#/$defs/', '');
  const top = rootName ? defs[rootName] : root;
  if (rootName && !JSON.stringify(top).includes(`"#/$defs/${rootName}"`)) delete defs[rootName];
  return withDefs(top, defs);
}

function build() {
  const tools = {};
  for (const [name, t] of Object.entries(TOOLS)) {
    const op = operation(t.operation);
    tools[name] = { operation: t.operation, input: inputSchema(op, t.omit ?? []), output: outputSchema(op, t.output) };
  }
  return `${JSON.stringify({ $comment: 'Generated by scripts/mcp-schemas.js from openapi.json; do not edit. npm run mcp:schemas', tools }, null, 2)}\n`;
}

const text = build();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    /* missing: stale */
  }
  if (current !== text) {
    console.error('src/mcp/tool-schemas.json is stale: run `npm run mcp:schemas` and commit it');
    process.exit(1);
  }
  console.log('src/mcp/tool-schemas.json is up to date');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
