import type { NewChannelEdit, WhatIfOutcome } from '../../graph/flow-model.view';
import { aEn, fmt as fmtInt, type Language } from '../recommendations/i18n/messages';
import { spreadDto } from './flow.mapper';
import { flat, fmt, MATERIAL_SHARE, type ModelledChange } from './modelled-impact';

type SpreadOut = ReturnType<typeof spreadDto>;

/** The payment-flow model's reading of one channel candidate: what opening the channel does to the node. */
export interface CandidateModelledFlow {
  /** The node's forwards per day before and after the open. */
  node_forwards_per_day: ModelledChange;
  /** The node's routing revenue per day, sat, before and after. */
  node_revenue_sat_per_day: ModelledChange;
  /** Payments the node would forward per day out through the new channel (toward the candidate). */
  channel_forwards_per_day: SpreadOut;
  /** Revenue the node would earn per day on the new channel's outgoing direction, sat. */
  channel_revenue_sat_per_day: SpreadOut;
  /** The what-if that was modelled: size and both sides' fees. */
  assumed: { capacity_sat: number; local_fee_rate_ppm: number; local_base_fee_msat: number; remote_fee_rate_ppm: number; remote_base_fee_msat: number };
  /** True when the model's median forwards of the node rise with the channel. */
  adds_flow: boolean;
  /** Plain-language reading: a model, under which demand, and what it cannot see. */
  note: string;
}

export function candidateModelledFlow(o: WhatIfOutcome, edit: NewChannelEdit, demand: string, lang: Language): CandidateModelledFlow {
  const fresh = o.channels.find((c) => c.newIndex === 0)?.after;
  const zero = { p10: 0, p50: 0, p90: 0 };
  const fb = o.before.forwardsPerDay.p50;
  const fa = o.after.forwardsPerDay.p50;
  const rb = o.before.revenueSatPerDay.p50;
  const ra = o.after.revenueSatPerDay.p50;
  const chanFwd = fresh?.forwardsPerDay.p50 ?? 0;
  // Under half a percent the model sees no new flow (the fee recommendations' materiality).
  const addsFlow = fa > fb && !flat(fa, fb);
  const fr = lang === 'fr';
  const head = fr
    ? `Modèle de flux de paiements (pas une mesure ; demande supposée : ${demand}, sans soldes ni canaux privés) : un canal de ${fmtInt(edit.capacitySat, 'fr')} sat à ${edit.local.feeRatePpm} ppm (côté candidat à ${edit.remote.feeRatePpm} ppm, sa médiane) fait passer vos transferts de ${fmt(fb)} à ${fmt(fa)} par jour et votre revenu médian de ${fmt(rb)} à ${fmt(ra)} sat/jour ; le canal lui-même transférerait ${fmt(chanFwd)} paiements par jour vers le candidat.`
    : `Payment-flow model (not a measurement; assumed demand: ${demand}, no balances or private channels): ${aEn(edit.capacitySat)} sat channel at ${edit.local.feeRatePpm} ppm (the candidate's side at its median ${edit.remote.feeRatePpm} ppm) moves your forwards from ${fmt(fb)} to ${fmt(fa)} per day and your median revenue from ${fmt(rb)} to ${fmt(ra)} sat/day; the channel itself would forward ${fmt(chanFwd)} payments a day toward the candidate.`;
  // Forwards gained while none leave through the new channel arrive over it from the candidate: a fresh channel
  // has no balance on the candidate's side, so that gain waits for a rebalance or outgoing payments through it.
  const arrivalsOnly = addsFlow && chanFwd <= MATERIAL_SHARE * fa;
  const tail = arrivalsOnly
    ? fr
      ? ' Aucun paiement modélisé ne sort par ce canal : le gain vient de paiements arrivant du candidat, qui demandent du solde de son côté. À l’ouverture tous les fonds sont de votre côté : ce gain suppose d’abord un rééquilibrage (ou des paiements sortants par ce canal).'
      : ' None of the modelled payments leave through this channel: the gain comes from payments arriving from the candidate, which need balance on its side. At open all funds are on your side, so this gain first needs a rebalance (or outgoing payments through the channel).'
    : addsFlow
    ? fr
      ? ' Le modèle suppose de la liquidité des deux côtés ; un canal neuf a tous ses fonds de votre côté : les transferts arrivant du candidat ne commencent qu’après des paiements sortis par ce canal.'
      : ' The model assumes liquidity on both sides; a newly opened channel has all its funds on your side, so forwards arriving from the candidate only start once payments have gone out through it.'
    : fr
      ? ' Le modèle ne voit pas de nouveaux transferts par ce canal : les gains de centralité restent un argument (position, chemins plus courts), pas un revenu attendu.'
      : ' The model sees no new forwards through this channel: the centrality gains remain an argument (position, shorter paths), not an expected revenue.';
  return {
    node_forwards_per_day: { before: spreadDto(o.before.forwardsPerDay), after: spreadDto(o.after.forwardsPerDay) },
    node_revenue_sat_per_day: { before: spreadDto(o.before.revenueSatPerDay), after: spreadDto(o.after.revenueSatPerDay) },
    channel_forwards_per_day: spreadDto(fresh?.forwardsPerDay ?? zero),
    channel_revenue_sat_per_day: spreadDto(fresh?.revenueSatPerDay ?? zero),
    assumed: {
      capacity_sat: edit.capacitySat,
      local_fee_rate_ppm: edit.local.feeRatePpm,
      local_base_fee_msat: edit.local.baseFeeMsat,
      remote_fee_rate_ppm: edit.remote.feeRatePpm,
      remote_base_fee_msat: edit.remote.baseFeeMsat,
    },
    adds_flow: addsFlow,
    note: head + tail,
  };
}
