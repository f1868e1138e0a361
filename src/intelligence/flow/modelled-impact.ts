import type { FlowFigures, Spread } from '../../graph/flow-model.view';
import type { Language } from '../recommendations/i18n/messages';
import { spreadDto } from './flow.mapper';

/** What the market comparison says a fee change does to the node's revenue. */
export type MarketExpectation = 'more_revenue' | 'more_flow';

export interface ModelledChange {
  before: Spread;
  after: Spread;
}

/** The payment-flow model's answer to one recommendation, as the API returns it. */
export interface ModelledImpact {
  /** The node's forwards per day before and after the recommended first step. */
  forwards_per_day: ModelledChange;
  /** The node's routing revenue per day, sat, before and after. */
  revenue_sat_per_day: ModelledChange;
  /**
   * True when the model's median moves the way the market comparison expects (revenue up for a raise, forwards up
   * for a cut); false when it moves the other way or not at all (the note then says which).
   */
  agrees_with_market: boolean;
  /** Plain-language reading: it is a model, on which demand, and where it disagrees with the market comparison. */
  note: string;
}

/** Percent change, to whole percents, or to 0.01 % when under 1 % (a hub's "+0 %" hid a real move). */
const pct = (before: number, after: number) => {
  if (before <= 0) return null;
  const p = ((after - before) / before) * 100;
  return Math.abs(p) >= 1 ? Math.round(p) : Math.round(p * 100) / 100;
};
/** Moves within half a percent of the larger value are not material: the model's noise, or a hub's rounding. */
export const MATERIAL_SHARE = 0.005;
export const flat = (a: number, b: number) => Math.abs(a - b) <= MATERIAL_SHARE * Math.max(a, b);
export const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toString() : x.toFixed(2));
const fmtDelta = (x: number) => `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`;

/**
 * Reads a what-if on a fee recommendation. The market comparison expects either more revenue (raising an
 * underpriced fee, or a base fee cut with no flow loss) or more flow (cutting an overpriced fee): where the
 * model's median disagrees, the note says so instead of hiding one of the two.
 */
export function modelledImpact(before: FlowFigures, after: FlowFigures, expectation: MarketExpectation, demand: string, lang: Language): ModelledImpact {
  const rb = before.revenueSatPerDay.p50;
  const ra = after.revenueSatPerDay.p50;
  const fb = before.forwardsPerDay.p50;
  const fa = after.forwardsPerDay.p50;
  // Under half a percent (or both zero) the model sees no effect: the channel carries (almost) none of the
  // simulated payments at either fee. That is neither agreement nor contradiction, and the note says so.
  const unchanged = flat(ra, rb) && flat(fa, fb);
  // What the market comparison predicts moves (revenue for a raise, forwards for a cut) without a material change:
  // neither agreement nor contradiction, even when the other figure moves.
  const targetFlat = !unchanged && (expectation === 'more_revenue' ? flat(ra, rb) : flat(fa, fb));
  const agrees = !unchanged && !targetFlat && (expectation === 'more_revenue' ? ra > rb : fa > fb);
  const revPct = pct(rb, ra);
  const fr = lang === 'fr';
  const head = fr
    ? `Modèle de flux de paiements (pas une mesure ; demande supposée : ${demand}, sans soldes ni canaux privés) : revenu médian ${fmt(rb)} → ${fmt(ra)} sat/jour${revPct !== null ? ` (${revPct >= 0 ? '+' : ''}${revPct} %)` : ''}, transferts ${fmt(fb)} → ${fmt(fa)} par jour.`
    : `Payment-flow model (not a measurement; assumed demand: ${demand}, no balances or private channels): median revenue ${fmt(rb)} → ${fmt(ra)} sat/day${revPct !== null ? ` (${revPct >= 0 ? '+' : ''}${revPct} %)` : ''}, forwards ${fmt(fb)} → ${fmt(fa)} per day.`;
  const noMaterial = fr
    ? expectation === 'more_revenue'
      ? ` Le modèle ne voit pas de changement notable de votre revenu (${fmtDelta(ra - rb)} sat/jour) : ce que ce canal gagne ou perd se reporte sur vos autres canaux. La comparaison au marché est ici le principal argument.`
      : ` Le modèle ne voit pas de changement notable de vos transferts (${fmtDelta(fa - fb)} par jour). La comparaison au marché est ici le principal argument.`
    : expectation === 'more_revenue'
      ? ` The model sees no material change in your revenue (${fmtDelta(ra - rb)} sat/day): what this channel gains or loses moves to or from your other channels. The market comparison is the main argument here.`
      : ` The model sees no material change in your forwards (${fmtDelta(fa - fb)} per day). The market comparison is the main argument here.`;
  const disagree = agrees
    ? ''
    : targetFlat
      ? noMaterial
      : unchanged
      ? fr
        ? ' Le modèle ne voit aucun effet : dans sa demande simulée, ce canal ne porte (presque) aucun paiement, à l’ancien comme au nouveau tarif. La comparaison au marché est ici le seul argument ; vos propres transferts diront si le canal est utilisé.'
        : ' The model sees no effect: in its simulated demand this channel carries (almost) none of the payments at either fee. The market comparison is the only argument here; your own forwards will tell whether the channel is used.'
      : expectation === 'more_revenue'
      ? fr
        ? ' Le modèle contredit la comparaison au marché : il prévoit moins de revenu après ce changement (les paiements modélisés passent par d’autres routes). Observez vos transferts avant d’aller plus loin.'
        : ' The model disagrees with the market comparison: it expects less revenue after this change (modelled payments take other routes). Watch your forwards before going further.'
      : fr
        ? ' Le modèle contredit la comparaison au marché : il ne prévoit pas plus de transferts après cette baisse. La comparaison au marché reste un argument ; le modèle ignore les soldes.'
        : ' The model disagrees with the market comparison: it expects no more forwards after this cut. The market comparison still stands; the model does not know balances.';
  return {
    forwards_per_day: { before: spreadDto(before.forwardsPerDay), after: spreadDto(after.forwardsPerDay) },
    revenue_sat_per_day: { before: spreadDto(before.revenueSatPerDay), after: spreadDto(after.revenueSatPerDay) },
    agrees_with_market: agrees,
    note: head + disagree,
  };
}
