/**
 * What each CLI accepts, written from the tools' documentation (lncli help, lightning-cli man pages, loop
 * help), independently of our templates: a generated line must use a known subcommand, only its flags, and
 * every flag it requires.
 */
interface Spec {
  flags: string[];
  required: string[];
  positional: [number, number];
}

const LNCLI: Record<string, Spec> = {
  updatechanpolicy: {
    flags: ['base_fee_msat', 'fee_rate', 'fee_rate_ppm', 'time_lock_delta', 'min_htlc_msat', 'max_htlc_msat', 'chan_point', 'inbound_base_fee_msat', 'inbound_fee_rate_ppm', 'create_missing_edge'],
    required: ['base_fee_msat', 'time_lock_delta'],
    positional: [0, 0],
  },
  updatechanstatus: { flags: ['chan_point', 'funding_txid', 'output_index', 'action'], required: ['chan_point', 'action'], positional: [0, 0] },
  openchannel: {
    flags: ['node_key', 'connect', 'local_amt', 'push_amt', 'sat_per_vbyte', 'private', 'min_htlc_msat', 'remote_csv_delay', 'min_confs', 'close_address', 'channel_type', 'fundmax', 'memo'],
    required: ['node_key', 'local_amt'],
    positional: [0, 0],
  },
  closechannel: { flags: ['chan_point', 'funding_txid', 'output_index', 'force', 'sat_per_vbyte', 'delivery_addr', 'max_fee_rate'], required: ['chan_point'], positional: [0, 0] },
  listchannels: { flags: ['peer', 'active_only', 'inactive_only', 'public_only', 'private_only', 'peer_alias_lookup'], required: [], positional: [0, 0] },
  getnodeinfo: { flags: ['pub_key', 'include_channels'], required: ['pub_key'], positional: [0, 0] },
};

const LIGHTNING_CLI: Record<string, { positional: [number, number]; keywords?: string[] }> = {
  setchannel: { positional: [1, 7], keywords: ['id', 'feebase', 'feeppm', 'htlcmin', 'htlcmax', 'enforcedelay', 'ignorefeelimits'] },
  fundchannel: { positional: [2, 9] },
  close: { positional: [1, 5] },
  connect: { positional: [1, 3] },
  listnodes: { positional: [0, 1] },
};

const LOOP: Record<string, Spec> = {
  out: { flags: ['amt', 'channel', 'addr', 'conf_target', 'max_swap_routing_fee', 'fast', 'label'], required: ['amt'], positional: [0, 0] },
};

const PLACEHOLDER = /^<[A-Z_:]+(_\d+)?>$/;
/** Flags that take no value (lncli's boolean flags). */
const BOOLEAN_FLAGS = new Set(['force', 'private', 'fundmax', 'create_missing_edge', 'active_only', 'inactive_only', 'public_only', 'private_only', 'peer_alias_lookup', 'include_channels', 'fast']);

function parseFlags(tokens: string[]): { flags: Map<string, string>; positional: string[]; errors: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.startsWith('--')) {
      const [name, inline] = t.slice(2).split('=');
      if (BOOLEAN_FLAGS.has(name) && inline === undefined) {
        flags.set(name, '');
        continue;
      }
      const value = inline ?? tokens[++i];
      if (value === undefined || value.startsWith('--')) errors.push(`flag --${name} has no value`);
      flags.set(name, value ?? '');
    } else positional.push(t);
  }
  return { flags, positional, errors };
}

/** Problems with one command line (possibly two joined by `&&`); empty when it is well formed. */
export function commandProblems(line: string): string[] {
  return line.split(' && ').flatMap((part) => {
    const tokens = part.trim().split(/\s+/);
    const [tool, ...rest] = tokens;
    if (tool === 'lncli' || tool === 'loop') {
      const [sub, ...args] = rest;
      const spec = (tool === 'lncli' ? LNCLI : LOOP)[sub];
      if (!spec) return [`${tool}: unknown subcommand ${sub}`];
      const { flags, positional, errors } = parseFlags(args);
      for (const f of flags.keys()) if (!spec.flags.includes(f)) errors.push(`${tool} ${sub}: unknown flag --${f}`);
      for (const r of spec.required) if (!flags.has(r)) errors.push(`${tool} ${sub}: missing --${r}`);
      if (tool === 'lncli' && sub === 'updatechanpolicy' && !flags.has('fee_rate_ppm') && !flags.has('fee_rate')) errors.push('updatechanpolicy needs a fee rate');
      if (tool === 'lncli' && sub === 'updatechanpolicy' && flags.has('fee_rate')) errors.push('--fee_rate is a fraction; templates use --fee_rate_ppm');
      if (positional.length < spec.positional[0] || positional.length > spec.positional[1]) errors.push(`${tool} ${sub}: ${positional.length} positional arguments`);
      for (const [f, v] of flags) if (v !== '' && !PLACEHOLDER.test(v) && /[<>]/.test(v)) errors.push(`--${f} has a malformed value ${v}`);
      return errors;
    }
    if (tool === 'lightning-cli') {
      let args = rest;
      const keywordMode = args[0] === '-k';
      if (keywordMode) args = args.slice(1);
      const [sub, ...params] = args;
      const spec = LIGHTNING_CLI[sub];
      if (!spec) return [`lightning-cli: unknown command ${sub}`];
      if (keywordMode) {
        return params.filter((p) => !spec.keywords?.includes(p.split('=')[0]) || !p.includes('=')).map((p) => `lightning-cli ${sub}: bad keyword argument ${p}`);
      }
      if (params.length < spec.positional[0] || params.length > spec.positional[1]) return [`lightning-cli ${sub}: ${params.length} arguments`];
      return [];
    }
    return [`unknown tool ${tool}`];
  });
}
