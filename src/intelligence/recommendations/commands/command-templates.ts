/**
 * Ready-to-run command lines, built only from templates and validated parameters: no free text, no alias,
 * nothing a model wrote ever reaches a command. Where the data lacks an identifier a command needs, the line
 * carries a clearly marked placeholder and says how to find the value.
 */
export interface Placeholder {
  token: string;
  meaning: string;
  how_to_find: string;
}

export interface CommandSet {
  /** LND (`lncli`), or null when LND has no command for it. */
  lnd: string | null;
  /** Core Lightning (`lightning-cli`), or null when CLN has no command for it. */
  cln: string | null;
  /** The commands that restore the current values, when the change can be undone. */
  revert: { lnd: string | null; cln: string | null } | null;
  placeholders: Placeholder[];
  notes: string[];
}

const PUBKEY = /^0[23][0-9a-f]{64}$/;
const SCID = /^\d{1,8}x\d{1,6}x\d{1,5}$/;
const CHAN_POINT = /^[0-9a-f]{64}:\d{1,5}$/;

export class CommandParameterError extends Error {}

function int(name: string, v: number, min: number, max: number): number {
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new CommandParameterError(`${name}=${v} is outside ${min}..${max}`);
  return v;
}

function pubkey(v: string): string {
  if (!PUBKEY.test(v)) throw new CommandParameterError('not a node pubkey');
  return v;
}

const CHAN_POINT_TOKEN = '<CHANNEL_POINT>';
const HOST_TOKEN = '<HOST:PORT>';

function chanPointPlaceholder(peer: string): Placeholder {
  return {
    token: CHAN_POINT_TOKEN,
    meaning: 'funding outpoint txid:index of this channel (not in the graph snapshot)',
    how_to_find: `lncli listchannels --peer ${peer} | jq -r '.channels[].channel_point'`,
  };
}

function hostPlaceholder(peer: string): Placeholder {
  return {
    token: HOST_TOKEN,
    meaning: 'the peer’s public address (not in the graph snapshot)',
    how_to_find: `lncli getnodeinfo --pub_key ${peer} | jq -r '.node.addresses[].addr'  # or: lightning-cli listnodes ${peer}`,
  };
}

export interface ChannelRef {
  peerPubkey: string;
  shortChannelId: string | null;
  channelPoint: string | null;
}

/** LND's channel selector (`--chan_point`), or the placeholder when the snapshot has no channel point. */
function lndChannel(ref: ChannelRef, placeholders: Placeholder[]): string {
  if (ref.channelPoint && CHAN_POINT.test(ref.channelPoint)) return ref.channelPoint;
  if (!placeholders.some((p) => p.token === CHAN_POINT_TOKEN)) placeholders.push(chanPointPlaceholder(pubkey(ref.peerPubkey)));
  return CHAN_POINT_TOKEN;
}

/** CLN's `id` accepts a short channel id or a peer id (then it applies to every channel with that peer). */
function clnChannel(ref: ChannelRef): string {
  return ref.shortChannelId && SCID.test(ref.shortChannelId) ? ref.shortChannelId : pubkey(ref.peerPubkey);
}

export interface FeePolicy {
  baseFeeMsat: number;
  feeRatePpm: number;
  cltvDelta: number;
}

function lndUpdatePolicy(chan: string, p: FeePolicy, maxHtlcMsat?: number): string {
  // base_fee_msat, the fee rate and time_lock_delta are all required by updatechanpolicy; --fee_rate_ppm is
  // in ppm (--fee_rate would be a fraction). Without --chan_point it would change every channel.
  const parts = [
    'lncli updatechanpolicy',
    `--base_fee_msat ${int('base_fee_msat', p.baseFeeMsat, 0, 100_000_000)}`,
    `--fee_rate_ppm ${int('fee_rate_ppm', p.feeRatePpm, 0, 100_000_000)}`,
    `--time_lock_delta ${int('time_lock_delta', p.cltvDelta, 1, 65535)}`,
  ];
  if (maxHtlcMsat !== undefined) parts.push(`--max_htlc_msat ${int('max_htlc_msat', maxHtlcMsat, 1, 2_100_000_000_000_000)}`);
  parts.push(`--chan_point ${chan}`);
  return parts.join(' ');
}

function clnSetChannelFees(id: string, p: FeePolicy): string {
  return `lightning-cli setchannel ${id} ${int('feebase', p.baseFeeMsat, 0, 100_000_000)} ${int('feeppm', p.feeRatePpm, 0, 100_000_000)}`;
}

/** Change a channel's fees (and optionally CLTV delta), with the lines that put the current policy back. */
export function feeChangeCommands(ref: ChannelRef, current: FeePolicy, next: FeePolicy): CommandSet {
  const placeholders: Placeholder[] = [];
  const chan = lndChannel(ref, placeholders);
  const id = clnChannel(ref);
  const notes: string[] = [];
  if (next.cltvDelta !== current.cltvDelta) notes.push('Core Lightning sets cltv-delta for all channels in its configuration, not per channel.');
  if (!ref.shortChannelId) notes.push('The lightning-cli line uses the peer id: it applies to every channel with this peer.');
  return {
    lnd: lndUpdatePolicy(chan, next),
    cln: clnSetChannelFees(id, next),
    revert: { lnd: lndUpdatePolicy(chan, current), cln: clnSetChannelFees(id, current) },
    placeholders,
    notes,
  };
}

/** Raise max_htlc so the channel can carry useful payments. */
export function maxHtlcCommands(ref: ChannelRef, current: FeePolicy & { maxHtlcMsat: number }, nextMaxHtlcMsat: number): CommandSet {
  const placeholders: Placeholder[] = [];
  const chan = lndChannel(ref, placeholders);
  const id = clnChannel(ref);
  const cln = (v: number) => `lightning-cli -k setchannel id=${id} htlcmax=${int('htlcmax', v, 1, 2_100_000_000_000_000)}`;
  return {
    lnd: lndUpdatePolicy(chan, current, nextMaxHtlcMsat),
    cln: cln(nextMaxHtlcMsat),
    revert: { lnd: lndUpdatePolicy(chan, current, current.maxHtlcMsat), cln: cln(current.maxHtlcMsat) },
    placeholders,
    notes: [],
  };
}

/** Re-enable a channel the node itself disabled. CLN disables a channel while its peer is disconnected. */
export function enableChannelCommands(ref: ChannelRef): CommandSet {
  const placeholders: Placeholder[] = [];
  const chan = lndChannel(ref, placeholders);
  return {
    lnd: `lncli updatechanstatus --chan_point ${chan} --action enable`,
    cln: `lightning-cli connect ${pubkey(ref.peerPubkey)}`,
    revert: { lnd: `lncli updatechanstatus --chan_point ${chan} --action auto`, cln: null },
    placeholders,
    notes: ['If the peer stays offline, the channel stays disabled: consider closing it.'],
  };
}

/** Open a channel of `amountSat` to `peer`. Not revertible: closing costs on-chain fees. */
export function openChannelCommands(peer: string, amountSat: number): CommandSet {
  const pk = pubkey(peer);
  const amt = int('local_amt', amountSat, 20_000, 2_100_000_000_000_000);
  return {
    lnd: `lncli openchannel --node_key ${pk} --connect ${HOST_TOKEN} --local_amt ${amt}`,
    cln: `lightning-cli connect ${pk}@${HOST_TOKEN} && lightning-cli fundchannel ${pk} ${amt}`,
    revert: null,
    placeholders: [hostPlaceholder(pk)],
    notes: ['Opening costs an on-chain transaction; check the fee rate first (e.g. mempool.space).'],
  };
}

/** Cooperatively close a channel. Not revertible. */
export function closeChannelCommands(ref: ChannelRef): CommandSet {
  const placeholders: Placeholder[] = [];
  const chan = lndChannel(ref, placeholders);
  return {
    lnd: `lncli closechannel --chan_point ${chan}`,
    cln: `lightning-cli close ${clnChannel(ref)}`,
    revert: null,
    placeholders,
    notes: ['A cooperative close needs the peer online; a force close locks the funds for the CSV delay.'],
  };
}

/** LND's numeric channel id, which encodes the short channel id (block << 40 | tx << 16 | output). */
export function lndChanIdOfScid(scid: string): string {
  const [b, t, o] = scid.split('x').map((x) => BigInt(x));
  return ((b << 40n) | (t << 16n) | o).toString();
}

/** Move outbound liquidity off-chain → on-chain with Lightning Loop (`loop` is its own CLI, not lncli). */
export function loopOutCommands(ref: ChannelRef, amountSat: number): CommandSet {
  const amt = int('amt', amountSat, 250_000, 2_100_000_000_000_000);
  const known = ref.shortChannelId && SCID.test(ref.shortChannelId) ? lndChanIdOfScid(ref.shortChannelId) : null;
  return {
    lnd: `loop out --amt ${amt} --channel ${known ?? '<CHAN_ID>'}`,
    cln: null,
    revert: null,
    placeholders: known
      ? []
      : [{ token: '<CHAN_ID>', meaning: 'LND numeric channel id of this channel', how_to_find: `lncli listchannels --peer ${pubkey(ref.peerPubkey)} | jq -r '.channels[].chan_id'` }],
    notes: ['Loop (Lightning Labs) runs alongside LND; Core Lightning users can use a submarine swap service instead.'],
  };
}
