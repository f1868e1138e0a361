import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createValidationPipe } from '../../common/validation/validation';
import TOOL_SCHEMAS from '../tool-schemas.json';
import { MCP_TOOLS } from './mcp-tools';

/**
 * The input schemas agents see (generated from openapi.json) against what the tools enforce (the REST DTOs through
 * the validation pipe): for each tool, boundary and off-by-one values of every field, wrong types, unknown fields.
 * The schema must accept exactly what the pipe accepts, so an agent is never told a call is valid that is refused.
 * One leniency of the pipe is left out of the schema on purpose: `null` for an optional field, which
 * class-validator's IsOptional reads as absent (the REST bodies behave the same).
 */
const SCHEMAS = (TOOL_SCHEMAS as unknown as { tools: Record<string, { input: JsonSchema; output: object }> }).tools;
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; items?: JsonSchema; minItems?: number; maxItems?: number; $ref?: string };

const PUBKEY = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const PEER = '030c3f19d742ca294a55c00376b3b355c3c90d61c6b6b39554dbc7ac19b141c14f';
const BASE: Record<string, Record<string, unknown>> = {
  find_node: { q: 'ACINQ' },
  get_node_info: { pubkey: PUBKEY },
  get_network_position: { pubkey: PUBKEY },
  get_recommendations: { pubkey: PUBKEY },
  plan_priorities: { pubkey: PUBKEY },
  suggest_channel_candidates: { pubkey: PUBKEY },
  evaluate_channel_candidates: { pubkey: PUBKEY, candidates: [{ pubkey: PUBKEY }] },
  simulate_flow_what_if: { pubkey: PUBKEY, policy_changes: [{ peer: PEER, fee_rate_ppm: 100 }] },
  get_fee_curve: { pubkey: PUBKEY, peer: PEER },
  get_network_stats: {},
  get_service_health: {},
};

const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false });
addFormats(ajv);
const pipe = createValidationPipe();

function samples(s: JsonSchema): unknown[] {
  const out: unknown[] = [null, true, 'bogus', 1.5, -1, 0, {}, [], 'x'.repeat(67)];
  if (s.enum) out.push(...s.enum, [s.enum[0]]);
  for (const n of [s.minimum, s.maximum]) if (n !== undefined) out.push(n, n - 1, n + 1);
  for (const n of [s.minLength, s.maxLength]) if (n !== undefined) out.push('a'.repeat(n), 'a'.repeat(Math.max(0, n - 1)), 'a'.repeat(n + 1));
  if (s.items) {
    const item = s.items.enum?.[0] ?? (s.items.$ref ? { pubkey: PUBKEY } : 'a');
    out.push([item], [item, item], [], ['bogus'], Array.from({ length: (s.maxItems ?? 50) + 1 }, () => item));
    if (s.items.$ref) out.push([{ pubkey: PUBKEY, capacity: 20_000 }], [{ pubkey: PUBKEY, capacity: 19_999 }], [{ pubkey: 'zz' }], [{ pubkey: PUBKEY, extra: 1 }]);
  }
  out.push(PUBKEY, PUBKEY.toUpperCase(), '04' + PUBKEY.slice(2), 'ACINQ', 'a\u0007b', 'fr', 'en', 'de', false);
  return out;
}

async function pipeAccepts(tool: (typeof MCP_TOOLS)[number], args: unknown): Promise<boolean> {
  try {
    await pipe.transform(args, { type: 'body', metatype: tool.args, data: '' });
    return true;
  } catch {
    return false;
  }
}

describe('MCP tool input schemas agree with the REST DTOs the tools validate with', () => {
  it('every tool has schemas, and every schema a tool', () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual(MCP_TOOLS.map((t) => t.name).sort());
    expect(Object.keys(BASE).sort()).toEqual(MCP_TOOLS.map((t) => t.name).sort());
  });

  it.each(MCP_TOOLS.map((t) => [t.name, t] as const))('%s: the schema accepts exactly what the pipe accepts', async (name, tool) => {
    const validate = ajv.compile(SCHEMAS[name].input);
    const disagreements: string[] = [];
    const required = new Set(SCHEMAS[name].input.required ?? []);
    const check = async (args: Record<string, unknown>, field?: string) => {
      const bySchema = validate(args);
      const byPipe = await pipeAccepts(tool, args);
      if (field !== undefined && args[field] === null && !required.has(field) && byPipe && !bySchema) return;
      if (bySchema !== byPipe) disagreements.push(`${JSON.stringify(args).slice(0, 400)}: schema ${bySchema ? 'accepts' : 'refuses'}, pipe ${byPipe ? 'accepts' : 'refuses'}`);
    };
    await check(BASE[name]);
    expect(validate(BASE[name])).toBe(true);
    await check({ ...BASE[name], unknown_field: 1 });
    for (const required of SCHEMAS[name].input.required ?? []) {
      const rest = { ...BASE[name] };
      delete rest[required];
      await check(rest);
    }
    for (const [field, schema] of Object.entries(SCHEMAS[name].input.properties ?? {})) {
      for (const value of samples(schema)) await check({ ...BASE[name], [field]: value }, field);
    }
    expect(disagreements).toEqual([]);
  });
});
