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

/** The last pubkey that passed: one finding's command lines validate the same peer's key several times over. */
let lastValidPubkey = '';

function pubkey(v: string): string {
  if (v === lastValidPubkey) return v;
  if (!PUBKEY.test(v)) throw new CommandParameterError('not a node pubkey');
  lastValidPubkey = v;
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

/**
 * Raise max_htlc, to a value the operator reads from the node: LND refuses one above the channel's max
 * in-flight amount (`local_constraints.max_pending_amt_msat`), which the graph does not show.
 */
export function maxHtlcCommands(ref: ChannelRef, current: FeePolicy & { maxHtlcMsat: number }): CommandSet {
  const placeholders: Placeholder[] = [];
  const chan = lndChannel(ref, placeholders);
  const id = clnChannel(ref);
  const token = '<MAX_HTLC_MSAT>';
  placeholders.push({
    token,
    meaning: 'the new max_htlc in msat: at most the channel’s max in-flight amount (LND refuses more), e.g. half the capacity',
    how_to_find: `lncli listchannels --peer ${pubkey(ref.peerPubkey)} | jq -r '.channels[].local_constraints.max_pending_amt_msat'  # CLN: lightning-cli listpeerchannels ${pubkey(ref.peerPubkey)} | jq '.channels[].their_max_htlc_value_in_flight_msat'`,
  });
  const cln = (v: string) => `lightning-cli -k setchannel id=${id} htlcmax=${v}`;
  return {
    lnd: `${lndUpdatePolicy(chan, current)} --max_htlc_msat ${token}`.replace(` --chan_point ${chan} --max_htlc_msat ${token}`, ` --max_htlc_msat ${token} --chan_point ${chan}`),
    cln: cln(token),
    revert: { lnd: lndUpdatePolicy(chan, current, current.maxHtlcMsat), cln: cln(String(int('htlcmax', current.maxHtlcMsat, 1, 2_100_000_000_000_000))) },
    placeholders,
    notes: ['A small max_htlc is often deliberate (a liquidity signal); keep it if it is.'],
  };
}

/**
 * Re-enable channels whose own direction is disabled while the peer's is enabled. CLN disables a channel while
 * its peer is disconnected, so reconnecting is its way to re-enable; LND also re-enables on reconnection, and
 * `updatechanstatus --action enable` forces it once the peer is back.
 */
export function enableChannelCommands(ref: ChannelRef, others: ChannelRef[] = [], graceDays = 3): CommandSet {
  const refs = [ref, ...others];
  const placeholders: Placeholder[] = [];
  const lines = refs.map((r, i) => `lncli updatechanstatus --chan_point ${lndChannelNumbered(r, refs.length > 1 ? i + 1 : 0, placeholders)} --action enable`);
  const revert = refs.map((r, i) => `lncli updatechanstatus --chan_point ${lndChannelNumbered(r, refs.length > 1 ? i + 1 : 0, placeholders)} --action auto`);
  return {
    lnd: lines.join(' && '),
    cln: `lightning-cli connect ${pubkey(ref.peerPubkey)}`,
    revert: { lnd: revert.join(' && '), cln: null },
    placeholders,
    notes: [
      `First check that the peer is connected: lncli listpeers | grep ${pubkey(ref.peerPubkey)} (lightning-cli listpeers ${pubkey(ref.peerPubkey)}).`,
      `If the direction is still disabled after a grace period of about ${graceDays} days, close the channel: the peer announces its side, so a cooperative close (lncli closechannel --chan_point …) should work.`,
    ],
  };
}

/** LND's channel selector, numbered (`<CHANNEL_POINT_2>`) when one command line covers several channels. */
function lndChannelNumbered(ref: ChannelRef & { capacitySat?: number }, n: number, placeholders: Placeholder[]): string {
  if (ref.channelPoint && CHAN_POINT.test(ref.channelPoint)) return ref.channelPoint;
  if (n === 0) return lndChannel(ref, placeholders);
  const token = `<CHANNEL_POINT_${n}>`;
  if (!placeholders.some((p) => p.token === token)) {
    placeholders.push({
      token,
      meaning: `funding outpoint txid:index of channel ${n} with this peer${ref.capacitySat ? ` (the ${ref.capacitySat} sat one)` : ''}: not in the graph snapshot`,
      how_to_find: `lncli listchannels --peer ${pubkey(ref.peerPubkey)} | jq -r '.channels[] | "\\(.capacity) \\(.channel_point)"'`,
    });
  }
  return token;
}

/** CLN's per-channel id: the short channel id, or a numbered placeholder when the snapshot lacks it. */
function clnChannelNumbered(ref: ChannelRef & { capacitySat?: number }, n: number, placeholders: Placeholder[]): string {
  if (ref.shortChannelId && SCID.test(ref.shortChannelId)) return ref.shortChannelId;
  const token = n === 0 ? '<SHORT_CHANNEL_ID>' : `<SHORT_CHANNEL_ID_${n}>`;
  if (!placeholders.some((p) => p.token === token)) {
    placeholders.push({
      token,
      meaning: `short channel id of ${n === 0 ? 'this channel' : `channel ${n} with this peer`}${ref.capacitySat ? ` (the ${ref.capacitySat} sat one)` : ''}: not in the graph snapshot`,
      how_to_find: `lightning-cli listpeerchannels ${pubkey(ref.peerPubkey)} | jq -r '.channels[] | "\\(.total_msat) \\(.short_channel_id)"'`,
    });
  }
  return token;
}

export interface PolicyChangeRef extends ChannelRef {
  capacitySat: number;
}

/**
 * Policy changes for one peer relationship: one `updatechanpolicy` per changed channel (LND), and on Core
 * Lightning the peer id only when every channel with the peer gets the same fees, since `setchannel <peer_id>`
 * changes them all; otherwise one `setchannel` per short channel id.
 */
export function peerPolicyCommands(changes: Array<{ ref: PolicyChangeRef; current: FeePolicy; next: FeePolicy }>, peerChannelCount: number): CommandSet {
  const placeholders: Placeholder[] = [];
  const numbered = changes.length > 1 || peerChannelCount > 1;
  const sameFees = changes.every((c) => c.next.baseFeeMsat === changes[0].next.baseFeeMsat && c.next.feeRatePpm === changes[0].next.feeRatePpm);
  const peer = pubkey(changes[0].ref.peerPubkey);
  const hasScid = (r: ChannelRef) => !!r.shortChannelId && SCID.test(r.shortChannelId);
  // Peer-wide only when that is exactly what is meant: every channel with the peer, the same fees.
  const peerWide = changes.length === peerChannelCount && sameFees && !changes.some((c) => hasScid(c.ref));
  const rows = changes.map((c, i) => ({
    current: c.current,
    next: c.next,
    chan: lndChannelNumbered(c.ref, numbered ? i + 1 : 0, placeholders),
    id: peerWide ? peer : clnChannelNumbered(c.ref, numbered ? i + 1 : 0, placeholders),
  }));
  const cln = (pick: (r: (typeof rows)[number]) => FeePolicy) => (peerWide ? clnSetChannelFees(peer, pick(rows[0])) : rows.map((r) => clnSetChannelFees(r.id, pick(r))).join(' && '));
  const notes: string[] = [];
  if (changes.some((c) => c.next.cltvDelta !== c.current.cltvDelta)) notes.push('Core Lightning sets cltv-delta for all channels in its configuration, not per channel.');
  if (peerWide && peerChannelCount > 1) notes.push(`The lightning-cli line uses the peer id: it sets the same fees on all ${peerChannelCount} channels with this peer, which is intended here.`);
  if (peerChannelCount > 1 && changes.length < peerChannelCount) notes.push(`Only ${changes.length} of your ${peerChannelCount} channels with this peer change: the others keep their policy.`);
  return {
    lnd: rows.map((r) => lndUpdatePolicy(r.chan, r.next)).join(' && '),
    cln: cln((r) => r.next),
    revert: { lnd: rows.map((r) => lndUpdatePolicy(r.chan, r.current)).join(' && '), cln: cln((r) => r.current) },
    placeholders,
    notes,
  };
}

/**
 * Force-close channels with no enabled direction: the peer is gone, and a cooperative close needs it online.
 * Core Lightning closes by short channel id with a unilateral timeout of 1 s (`close <id> <peer_id>` would be
 * ambiguous with several channels).
 */
export function forceCloseCommands(refs: PolicyChangeRef[], maxLines: number): CommandSet {
  const placeholders: Placeholder[] = [];
  const shown = refs.slice(0, maxLines);
  const numbered = refs.length > 1;
  const notes = [
    'A force close needs no cooperation from the peer; the funds come back after your to_self_delay (often 144–2016 blocks: lncli pendingchannels shows the maturity height).',
    'Each force close is an on-chain commitment transaction plus a sweep: batch them when on-chain fees are low (e.g. mempool.space).',
  ];
  if (refs.length > shown.length) notes.push(`Commands are listed for the ${shown.length} largest channels; the other ${refs.length - shown.length} follow the same pattern.`);
  return {
    lnd: shown.map((r, i) => `lncli closechannel --force --chan_point ${lndChannelNumbered(r, numbered ? i + 1 : 0, placeholders)}`).join(' && '),
    cln: shown.map((r, i) => `lightning-cli close ${clnChannelNumbered(r, numbered ? i + 1 : 0, placeholders)} 1`).join(' && '),
    revert: null,
    placeholders,
    notes,
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

/**
 * Cooperatively close channels with one peer (the peer must be online). Core Lightning's `close <peer_id>`
 * only closes "the active channel" with the peer, so with parallel channels each is closed by its own id.
 */
export function closeChannelCommands(ref: ChannelRef, others: ChannelRef[] = [], peerChannelCount = 1 + others.length): CommandSet {
  const refs = [ref, ...others];
  const placeholders: Placeholder[] = [];
  const numbered = refs.length > 1;
  const cln = refs.map((r, i) =>
    peerChannelCount === 1 && !(r.shortChannelId && SCID.test(r.shortChannelId)) ? `lightning-cli close ${pubkey(r.peerPubkey)}` : `lightning-cli close ${clnChannelNumbered(r, numbered ? i + 1 : 0, placeholders)}`,
  );
  return {
    lnd: refs.map((r, i) => `lncli closechannel --chan_point ${lndChannelNumbered(r, numbered ? i + 1 : 0, placeholders)}`).join(' && '),
    cln: cln.join(' && '),
    revert: null,
    placeholders,
    notes: ['A cooperative close needs the peer online; a force close locks the funds for the CSV delay.'],
  };
}

/**
 * An inbound-fee discount (LND 0.18+, bLIP-18) on one channel: pulls flow in through it without touching its
 * outbound fee. Omitting the inbound flags would keep the current inbound fee (lnd#8758), so the revert sets
 * the current one back explicitly. Core Lightning has no inbound fees.
 */
export function inboundDiscountCommands(ref: ChannelRef, current: FeePolicy & { inboundBaseFeeMsat: number; inboundFeeRatePpm: number }, discountPpm: number): CommandSet {
  const placeholders: Placeholder[] = [];
  const chan = lndChannel(ref, placeholders);
  const line = (base: number, rate: number) =>
    lndUpdatePolicy(chan, current).replace(` --chan_point ${chan}`, ` --inbound_base_fee_msat ${int('inbound_base_fee_msat', base, -100_000_000, 0)} --inbound_fee_rate_ppm ${int('inbound_fee_rate_ppm', rate, -100_000_000, 0)} --chan_point ${chan}`);
  return {
    lnd: line(0, -int('discount', discountPpm, 1, 100_000_000)),
    cln: null,
    revert: { lnd: line(Math.min(0, current.inboundBaseFeeMsat), Math.min(0, current.inboundFeeRatePpm)), cln: null },
    placeholders,
    notes: ['Needs LND 0.18 or later; Core Lightning has no inbound fees.', 'The discount is at most your lowest outbound fee rate, so no forward’s total fee can go below zero.'],
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
