/**
 * How large a channel a node should open: sized to the node's own capital, not to the candidate's habits
 * (an operator with 37,000 sat in channels does not open 10,000,000 sat; one whose channels are 20 M sat
 * each does not open 500,000 sat).
 */

/** LND's default minimum channel size; nothing smaller can be opened with default settings. */
export const MIN_OPEN_SAT = 20_000;
/** One new channel commits at most a quarter of the capital the node already has in channels (or one median channel, if larger). */
export const MAX_OPEN_SHARE_OF_CAPACITY = 0.25;
/**
 * Channels under 100k sat route little and cost as much on chain as big ones: the advice calls them small
 * (`small_channel`), so a plan never sizes an open down below this to fit a budget.
 */
export const MIN_USEFUL_CHANNEL_SAT = 100_000;
/** Suggested sizes are rounded down to 10,000 sat: a figure an operator would type, never above the cap. */
export const OPEN_ROUNDING_SAT = 10_000;

/** The node's own capital, as the sizing sees it. */
export interface OwnCapital {
  /** Every announced channel of the node, sat. */
  totalCapacitySat: number;
  /** Median size of those channels; null when the node has none. */
  medianChannelSat: number | null;
}

export interface OpenSize {
  amountSat: number;
  /** Largest open the node's capital allows (before any budget). */
  capSat: number;
  /** The rule in words, with the figures used. */
  basis: string;
}

const roundDown = (x: number) => Math.floor(x / OPEN_ROUNDING_SAT) * OPEN_ROUNDING_SAT;
// Grouping by hand: toLocaleString goes through ICU and costs more than the sizing itself.
function fmt(x: number): string {
  const [int, frac] = String(x).split('.');
  let out = '';
  for (let i = 0; i < int.length; i++) out += (i > 0 && (int.length - i) % 3 === 0 ? ',' : '') + int.charAt(i);
  return frac === undefined ? out : `${out}.${frac}`;
}

/**
 * The largest open the node's capital allows: max(its median channel, 25 % of its total capacity), never
 * below {@link MIN_OPEN_SAT}. A node without any channel has no capital to size from: `fallbackSat` (the
 * network's median channel) is the cap then.
 */
export function openCap(own: OwnCapital, fallbackSat: number): number {
  if (own.totalCapacitySat <= 0 || own.medianChannelSat === null) return Math.max(MIN_OPEN_SAT, roundDown(fallbackSat));
  return Math.max(MIN_OPEN_SAT, roundDown(Math.max(own.medianChannelSat, MAX_OPEN_SHARE_OF_CAPACITY * own.totalCapacitySat)));
}

/** {@link sizeOpen}'s amount alone, without the wording (the rules ask it for every small node). */
export function openAmount(own: OwnCapital, candidateIdealSat: number, cap: number): number {
  // Never below what the advice calls a small channel, unless the node's capital caps it lower.
  const wanted = Math.max(own.medianChannelSat ?? 0, candidateIdealSat, MIN_USEFUL_CHANNEL_SAT);
  return Math.max(MIN_OPEN_SAT, Math.min(cap, roundDown(wanted)));
}

/**
 * The size to suggest for one new channel: the candidate's usual channel (`candidateIdealSat`), raised to the
 * node's own median channel (a large node keeps its usual size), capped by {@link openCap}, rounded down to
 * 10,000 sat and at least {@link MIN_OPEN_SAT}.
 */
export function sizeOpen(own: OwnCapital, candidateIdealSat: number, fallbackSat: number): OpenSize {
  const cap = openCap(own, fallbackSat);
  const amount = openAmount(own, candidateIdealSat, cap);
  const basis =
    own.medianChannelSat === null || own.totalCapacitySat <= 0
      ? `the node has no channel to size from: the candidate’s usual channel (${fmt(candidateIdealSat)} sat), at most the network’s median channel (${fmt(fallbackSat)} sat)`
      : `the larger of the candidate’s usual channel (${fmt(candidateIdealSat)} sat) and the node’s median channel (${fmt(own.medianChannelSat)} sat), ` +
        `capped at ${fmt(cap)} sat = max(median channel, ${MAX_OPEN_SHARE_OF_CAPACITY * 100} % of the node’s ${fmt(own.totalCapacitySat)} sat), rounded down to 10,000 sat, at least ${fmt(MIN_OPEN_SAT)} sat`;
  return { amountSat: amount, capSat: cap, basis };
}

/**
 * An open bounded by what is left of a budget once the on-chain fee is paid: rounded down to 10,000 sat;
 * null when that leaves less than {@link MIN_OPEN_SAT}, or sizes the channel below
 * {@link MIN_USEFUL_CHANNEL_SAT} when it was not that small already (the advice would then call it too small
 * to keep): the open does not fit.
 */
export function fitOpenToBudget(amountSat: number, budgetSat: number | null, onchainFeeSat: number): number | null {
  if (budgetSat === null || amountSat + onchainFeeSat <= budgetSat) return amountSat;
  const fitted = roundDown(budgetSat - onchainFeeSat);
  return fitted >= Math.max(MIN_OPEN_SAT, Math.min(amountSat, MIN_USEFUL_CHANNEL_SAT)) ? fitted : null;
}
