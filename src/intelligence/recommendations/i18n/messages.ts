/**
 * Message catalogues: every sentence the engine can say, in French and English. Parameters are values the
 * rules computed; aliases come in as quoted data.
 */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type P = Record<string, string | number>;
interface Texts {
  action: (p: P) => string;
  reason: (p: P) => string;
  impact: (p: P) => string;
}

// One formatter per language: `toLocaleString` builds a fresh one on every call, and a whole-graph run formats hundreds of thousands.
const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-US') };
// The two locales' group separators: what Intl.NumberFormat puts between groups of three digits.
const GROUP_SEPARATORS: Record<Language, string> = { fr: '\u202f', en: ',' };
/** Non-negative safe integers (nearly every figure) grouped by hand: the same text as Intl, without an ICU call each. */
function groupDigits(n: number, sep: string): string {
  const s = String(n);
  if (s.length <= 3) return s;
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let i = out.length; i < s.length; i += 3) out += sep + s.slice(i, i + 3);
  return out;
}
export const fmt = (n: string | number, lang: Language) =>
  typeof n !== 'number'
    ? n
    : Number.isSafeInteger(n) && n >= 0
      ? // eslint-disable-next-line security/detect-object-injection -- lang is a Language
        groupDigits(n, GROUP_SEPARATORS[lang])
      : // eslint-disable-next-line security/detect-object-injection -- lang is a Language
        NUMBER_FORMATS[lang].format(n);
const q = (s: string | number) => `“${s}”`;
/** English "a 1,000,000" but "an 8,480,000" / "an 11,000" / "an 18 …": the article follows the spoken number. */
export const aEn = (n: string | number) => {
  const spoken = String(fmt(n, 'en'));
  const lead = spoken.split(',')[0];
  return `${/^8/.test(lead) || lead === '11' || lead === '18' ? 'an' : 'a'} ${spoken}`;
};
const stepsEn = (p: P) => (Number(p.steps) > 1 ? `, in ${p.steps} steps a few days apart (first ${fmt(p.firstStep, 'en')} ppm)` : '');
const stepsFr = (p: P) => (Number(p.steps) > 1 ? `, en ${p.steps} étapes espacées de quelques jours (d’abord ${fmt(p.firstStep, 'fr')} ppm)` : '');
const medianFr = (p: P) => (p.medianName === 'median' ? 'en médiane' : 'en médiane basse (n pair)');

export const MESSAGES = {
  fee_underpriced: {
    fr: {
      action: (p: P) => `Augmenter les frais du canal vers ${q(p.peer)} de ${fmt(p.current, 'fr')} à ${fmt(p.suggested, 'fr')} ppm${stepsFr(p)}`,
      reason: (p: P) => `Vous facturez ${fmt(p.current, 'fr')} ppm alors que les ${fmt(p.competitors, 'fr')} autres canaux vers ce pair facturent ${medianFr(p)} ${fmt(p.median, 'fr')} ppm`,
      impact: (p: P) => `Position parmi les concurrents : moins cher que ${p.pctAfter} % d’entre eux au lieu de ${p.pctBefore} % ; le volume routé peut baisser, les données publiques ne disent pas de combien`,
    },
    en: {
      action: (p: P) => `Raise the fee on the channel to ${q(p.peer)} from ${fmt(p.current, 'en')} to ${fmt(p.suggested, 'en')} ppm${stepsEn(p)}`,
      reason: (p: P) => `You charge ${fmt(p.current, 'en')} ppm while the ${fmt(p.competitors, 'en')} other channels into this peer charge a ${p.medianName} of ${fmt(p.median, 'en')} ppm`,
      impact: (p: P) => `Position among competitors: still cheaper than ${p.pctAfter}% of them instead of ${p.pctBefore}%; volume may drop, and public data cannot say by how much`,
    },
  },
  fee_overpriced: {
    fr: {
      action: (p: P) => `Baisser les frais du canal vers ${q(p.peer)} de ${fmt(p.current, 'fr')} à ${fmt(p.suggested, 'fr')} ppm${stepsFr(p)}`,
      reason: (p: P) => `Vous facturez ${fmt(p.current, 'fr')} ppm, plus de ${p.multiple}× ${medianFr(p)} (${fmt(p.median, 'fr')} ppm) des ${fmt(p.competitors, 'fr')} autres canaux vers ce pair et au-dessus de leur 90e centile : la recherche de route préfère des chemins moins chers`,
      impact: (p: P) => `Position parmi les concurrents : plus cher que ${p.pctAfter} % d’entre eux au lieu de ${p.pctBefore} % ; les données publiques ne disent pas combien de paiements suivront`,
    },
    en: {
      action: (p: P) => `Lower the fee on the channel to ${q(p.peer)} from ${fmt(p.current, 'en')} to ${fmt(p.suggested, 'en')} ppm${stepsEn(p)}`,
      reason: (p: P) => `You charge ${fmt(p.current, 'en')} ppm, over ${p.multiple}× the ${p.medianName} (${fmt(p.median, 'en')} ppm) of the ${fmt(p.competitors, 'en')} other channels into this peer and above their 90th percentile: pathfinding prefers cheaper routes`,
      impact: (p: P) => `Position among competitors: dearer than ${p.pctAfter}% of them instead of ${p.pctBefore}%; public data cannot say how many payments will follow`,
    },
  },
  fee_free_routing: {
    fr: {
      action: (p: P) => `Si ce n’est pas voulu, fixer des frais sur le canal vers ${q(p.peer)} (actuellement 0 msat + 0 ppm) : ${fmt(p.suggested, 'fr')} ppm${stepsFr(p)}`,
      reason: () => `Ce canal route gratuitement. C’est souvent délibéré (vider un surplus de liquidité sortante) ; sinon sa liquidité s’épuise sans rien rapporter`,
      impact: (p: P) => `${fmt(p.suggested, 'fr')} ppm rapportent ${fmt(p.perMillion, 'fr')} sat par million de sat routé ; le volume peut baisser`,
    },
    en: {
      action: (p: P) => `If it is not deliberate, set a fee on the channel to ${q(p.peer)} (now 0 msat + 0 ppm): ${fmt(p.suggested, 'en')} ppm${stepsEn(p)}`,
      reason: () => `This channel routes for free. That is often deliberate (draining surplus outbound liquidity); if not, its liquidity drains and earns nothing`,
      impact: (p: P) => `${fmt(p.suggested, 'en')} ppm earns ${fmt(p.perMillion, 'en')} sat per million sat routed; volume may drop`,
    },
  },
  fee_high_base: {
    fr: {
      action: (p: P) => `Réduire les frais de base du canal vers ${q(p.peer)} de ${fmt(p.current, 'fr')} à ${fmt(p.suggested, 'fr')} msat`,
      reason: (p: P) => `${fmt(p.current, 'fr')} msat de frais fixes rendent les petits paiements chers ; la médiane du réseau est de ${fmt(p.networkMedian, 'fr')} msat`,
      impact: () => `Les petits paiements (la majorité) deviennent moins chers par ce canal ; les données publiques ne disent pas combien suivront`,
    },
    en: {
      action: (p: P) => `Cut the base fee on the channel to ${q(p.peer)} from ${fmt(p.current, 'en')} to ${fmt(p.suggested, 'en')} msat`,
      reason: (p: P) => `A ${fmt(p.current, 'en')} msat fixed fee makes small payments expensive; the network median is ${fmt(p.networkMedian, 'en')} msat`,
      impact: () => `Small payments (most of them) become cheaper through this channel; public data cannot say how many will follow`,
    },
  },
  fee_own_outlier: {
    fr: {
      action: (p: P) => `Vérifier les frais du canal vers ${q(p.peer)} (${fmt(p.current, 'fr')} ppm) ; s’ils ne sont pas voulus : ${fmt(p.suggested, 'fr')} ppm${stepsFr(p)}`,
      reason: (p: P) => `Ils s’écartent d’un facteur ${p.multiple} de votre médiane (${fmt(p.ownMedian, 'fr')} ppm) et ce pair n’a pas de marché exploitable (${fmt(p.competitors, 'fr')} canaux concurrents) : souvent un réglage par défaut oublié, parfois un choix`,
      impact: () => `Une politique cohérente évite de brader ou de bloquer un canal par erreur ; sans marché, c’est une indication faible`,
    },
    en: {
      action: (p: P) => `Review the fee on the channel to ${q(p.peer)} (${fmt(p.current, 'en')} ppm); if it is not deliberate: ${fmt(p.suggested, 'en')} ppm${stepsEn(p)}`,
      reason: (p: P) => `It is ${p.multiple}× away from your own median (${fmt(p.ownMedian, 'en')} ppm) and this peer has no usable market (${fmt(p.competitors, 'en')} competing channels): often a forgotten default, sometimes a choice`,
      impact: () => `A consistent policy avoids underselling or blocking a channel by mistake; without a market this is weak evidence`,
    },
  },
  fee_sparkseer: {
    fr: {
      action: (p: P) => `Appliquer le tarif suggéré par Sparkseer sur le canal vers ${q(p.peer)} : ${fmt(p.suggested, 'fr')} ppm`,
      reason: (p: P) => `Sparkseer suggère ${fmt(p.passive, 'fr')} ppm (passif) à ${fmt(p.active, 'fr')} ppm (actif) ; vous facturez ${fmt(p.current, 'fr')} ppm`,
      impact: () => `Tarif aligné sur l’analyse de flux de Sparkseer pour votre nœud`,
    },
    en: {
      action: (p: P) => `Apply Sparkseer’s suggested fee on the channel to ${q(p.peer)}: ${fmt(p.suggested, 'en')} ppm`,
      reason: (p: P) => `Sparkseer suggests ${fmt(p.passive, 'en')} ppm (passive) to ${fmt(p.active, 'en')} ppm (active); you charge ${fmt(p.current, 'en')} ppm`,
      impact: () => `Fee aligned with Sparkseer’s flow analysis of your node`,
    },
  },
  not_routable: {
    fr: {
      action: () => `Rétablir au moins un canal utilisable`,
      reason: (p: P) => `Aucun de vos ${fmt(p.channels, 'fr')} canaux annoncés n’a de direction active : le nœud ne peut ni router ni être atteint`,
      impact: () => `Sans canal actif, aucun revenu de routage n’est possible`,
    },
    en: {
      action: () => `Bring at least one channel back into a usable state`,
      reason: (p: P) => `None of your ${fmt(p.channels, 'en')} announced channels has an enabled direction: the node can neither route nor be reached`,
      impact: () => `Without an active channel no routing revenue is possible`,
    },
  },
  few_channels: {
    fr: {
      action: (p: P) => (Number(p.missing) > 1 ? `Ouvrir un canal de ${fmt(p.amount, 'fr')} sat vers ${q(p.target)}, le premier des ${fmt(p.missing, 'fr')} nouveaux pairs qui manquent` : `Ouvrir un canal de ${fmt(p.amount, 'fr')} sat vers un pair de plus, par exemple ${q(p.target)}`),
      reason: (p: P) =>
        Number(p.active) === 0
          ? `Aucun pair avec un canal actif dans les deux sens : le nœud ne peut rien transférer`
          : Number(p.active) === 1
          ? `Seulement ${fmt(p.active, 'fr')} pair distinct avec un canal actif dans les deux sens : un seul pair hors ligne suffit à couper le nœud du réseau`
          : `Seulement ${fmt(p.active, 'fr')} pairs distincts avec un canal actif dans les deux sens : chaque pair hors ligne retire une part de ses routes, et le nœud dépend de ces ${fmt(p.active, 'fr')} pairs`,
      impact: (p: P) => `Redondance et plus de routes : objectif ${fmt(p.goal, 'fr')} pairs distincts ; une fois ce canal ouvert, le conseil nomme le suivant`,
    },
    en: {
      action: (p: P) => (Number(p.missing) > 1 ? `Open ${aEn(p.amount)} sat channel to ${q(p.target)}, the first of the ${fmt(p.missing, 'en')} new peers the node lacks` : `Open ${aEn(p.amount)} sat channel to one more peer, e.g. ${q(p.target)}`),
      reason: (p: P) =>
        Number(p.active) === 0
          ? `No peer with a channel enabled both ways: the node cannot forward anything`
          : Number(p.active) === 1
          ? `Only ${fmt(p.active, 'en')} distinct peer with a channel enabled both ways: one peer going offline is enough to cut the node off`
          : `Only ${fmt(p.active, 'en')} distinct peers with a channel enabled both ways: every peer that goes offline takes a share of its routes, and the node depends on these ${fmt(p.active, 'en')} peers`,
      impact: (p: P) => `Redundancy and more routes: aim for ${fmt(p.goal, 'en')} distinct peers; once this channel is open the advice names the next one`,
    },
  },
  no_hub: {
    fr: {
      action: (p: P) => `Ouvrir un canal de ${fmt(p.amount, 'fr')} sat vers un nœud très connecté, par exemple ${q(p.target)}`,
      reason: (p: P) => `Aucun de vos pairs n’est parmi les ${fmt(p.hubCount, 'fr')} nœuds les mieux connectés du réseau`,
      impact: () => `Chemins plus courts vers la majorité du réseau, donc plus de paiements qui peuvent vous traverser`,
    },
    en: {
      action: (p: P) => `Open ${aEn(p.amount)} sat channel to a well-connected node, e.g. ${q(p.target)}`,
      reason: (p: P) => `None of your peers is among the ${fmt(p.hubCount, 'en')} best-connected nodes of the network`,
      impact: () => `Shorter paths to most of the network, so more payments can route through you`,
    },
  },
  channel_candidate: {
    fr: {
      action: (p: P) => `Ouvrir un canal de ${fmt(p.amount, 'fr')} sat vers ${q(p.target)}`,
      reason: (p: P) => `La simulation sur le graphe donne un gain de rang de ${fmt(p.betweenness, 'fr')} en intermédiarité et de ${fmt(p.closeness, 'fr')} en proximité`,
      impact: (p: P) => `Rang d’intermédiarité ${Number(p.betweenness) >= 0 ? '+' : ''}${fmt(p.betweenness, 'fr')} places`,
    },
    en: {
      action: (p: P) => `Open ${aEn(p.amount)} sat channel to ${q(p.target)}`,
      reason: (p: P) => `Simulating it on the graph gains ${fmt(p.betweenness, 'en')} betweenness rank places and ${fmt(p.closeness, 'en')} closeness rank places`,
      impact: (p: P) => `Betweenness rank ${Number(p.betweenness) >= 0 ? '+' : ''}${fmt(p.betweenness, 'en')} places`,
    },
  },
  channel_candidate_sink: {
    fr: {
      action: (p: P) => `Ouvrir un canal de ${fmt(p.amount, 'fr')} sat vers ${q(p.target)} pour la portée de vos propres paiements`,
      reason: (p: P) =>
        `Vos frais disent au réseau de ne pas router par vous : un gain d’intermédiarité ne rapporterait rien. La simulation sur le graphe donne ${fmt(p.closeness, 'fr')} places de rang en proximité (chemins plus courts et moins chers pour vos paiements). Un canal ouvert par vous est de la liquidité sortante ; pour recevoir, il faut de la liquidité entrante (que le pair ouvre vers vous, ou l’acheter)`,
      impact: (p: P) => `Rang de proximité ${Number(p.closeness) >= 0 ? '+' : ''}${fmt(p.closeness, 'fr')} places`,
    },
    en: {
      action: (p: P) => `Open ${aEn(p.amount)} sat channel to ${q(p.target)} for the reach of your own payments`,
      reason: (p: P) =>
        `Your fees tell the network not to route through you, so a betweenness gain would earn nothing. Simulating it on the graph gains ${fmt(p.closeness, 'en')} closeness rank places (shorter, cheaper paths for your own payments). A channel you open is outbound liquidity; to receive you need inbound (the peer opening to you, or bought)`,
      impact: (p: P) => `Closeness rank ${Number(p.closeness) >= 0 ? '+' : ''}${fmt(p.closeness, 'en')} places`,
    },
  },
  channel_candidate_merchant: {
    fr: {
      action: (p: P) => `Ouvrir un canal de ${fmt(p.amount, 'fr')} sat vers ${q(p.target)} pour la portée de vos propres paiements`,
      reason: (p: P) =>
        `Vos frais (1 ppm ou moins) ne rapportent rien au routage : un gain d’intermédiarité n’apporterait pas de revenu. La simulation sur le graphe donne ${fmt(p.closeness, 'fr')} places de rang en proximité (chemins plus courts et moins chers pour vos paiements). Un canal ouvert par vous est de la liquidité sortante ; pour recevoir, il faut de la liquidité entrante (que le pair ouvre vers vous, ou l’acheter)`,
      impact: (p: P) => `Rang de proximité ${Number(p.closeness) >= 0 ? '+' : ''}${fmt(p.closeness, 'fr')} places`,
    },
    en: {
      action: (p: P) => `Open ${aEn(p.amount)} sat channel to ${q(p.target)} for the reach of your own payments`,
      reason: (p: P) =>
        `Your fees (1 ppm or less) earn nothing from routing, so a betweenness gain would bring no revenue. Simulating it on the graph gains ${fmt(p.closeness, 'en')} closeness rank places (shorter, cheaper paths for your own payments). A channel you open is outbound liquidity; to receive you need inbound (the peer opening to you, or bought)`,
      impact: (p: P) => `Closeness rank ${Number(p.closeness) >= 0 ? '+' : ''}${fmt(p.closeness, 'en')} places`,
    },
  },
  channel_disabled: {
    fr: {
      action: (p: P) => `Réactiver votre côté du canal vers ${q(p.peer)}, ou le fermer s’il reste désactivé après ${p.days} jours`,
      reason: () => `Votre direction n’est pas active (désactivée ou jamais annoncée) alors que le pair garde la sienne active : le canal ne peut rien faire sortir de chez vous`,
      impact: (p: P) => `${fmt(p.capacity, 'fr')} sat de capacité de nouveau utilisables pour router vers ce pair`,
    },
    en: {
      action: (p: P) => `Re-enable your side of the channel to ${q(p.peer)}, or close it if it stays disabled after ${p.days} days`,
      reason: () => `Your direction is not enabled (disabled or never announced) while the peer keeps its own enabled: nothing can leave your node through this channel`,
      impact: (p: P) => `${fmt(p.capacity, 'en')} sat of capacity usable again for routing toward this peer`,
    },
  },
  zombie_channels: {
    fr: {
      action: (p: P) => `Fermer de force les ${fmt(p.count, 'fr')} canaux inutilisables (aucune direction active)`,
      reason: (p: P) => `${fmt(p.count, 'fr')} canaux (${fmt(p.capacity, 'fr')} sat) n’ont de politique active dans aucun sens : le pair a très probablement disparu, une fermeture coopérative échouerait`,
      impact: (p: P) => `Récupère ${fmt(p.capacity, 'fr')} sat après votre to_self_delay ; coût on-chain d’environ ${fmt(p.vbytes, 'fr')} vB au total`,
    },
    en: {
      action: (p: P) => `Force-close the ${fmt(p.count, 'en')} unusable channels (no enabled direction)`,
      reason: (p: P) => `${fmt(p.count, 'en')} channels (${fmt(p.capacity, 'en')} sat) have no enabled policy in either direction: the peer is almost certainly gone, so a cooperative close would fail`,
      impact: (p: P) => `Recovers ${fmt(p.capacity, 'en')} sat after your to_self_delay; about ${fmt(p.vbytes, 'en')} vB on chain in total`,
    },
  },
  cltv_low: {
    fr: {
      action: (p: P) => `Relever le CLTV delta du canal vers ${q(p.peer)} de ${p.current} à ${p.suggested} blocs`,
      reason: (p: P) => `${p.current} blocs laissent peu de temps pour faire confirmer un HTLC on-chain en cas de fermeture forcée pendant un pic de frais`,
      impact: () => `Réduit le risque de perdre un HTLC`,
    },
    en: {
      action: (p: P) => `Raise the CLTV delta on the channel to ${q(p.peer)} from ${p.current} to ${p.suggested} blocks`,
      reason: (p: P) => `${p.current} blocks leave little time to confirm an HTLC on chain after a force close during a fee spike`,
      impact: () => `Lowers the risk of losing an HTLC`,
    },
  },
  cltv_high: {
    fr: {
      action: (p: P) => `Baisser le CLTV delta du canal vers ${q(p.peer)} de ${p.current} à ${p.suggested} blocs`,
      reason: (p: P) => `${p.current} blocs, c’est bien au-dessus de la médiane du réseau (${p.networkMedian}) : les routeurs évitent les longs verrouillages`,
      impact: () => `Plus de chemins acceptent de passer par ce canal`,
    },
    en: {
      action: (p: P) => `Lower the CLTV delta on the channel to ${q(p.peer)} from ${p.current} to ${p.suggested} blocks`,
      reason: (p: P) => `${p.current} blocks is far above the network median (${p.networkMedian}): pathfinding avoids long lock times`,
      impact: () => `More paths accept to route through this channel`,
    },
  },
  max_htlc_small: {
    fr: {
      action: (p: P) => `Vérifier si le max_htlc de ${fmt(p.currentSat, 'fr')} sat du canal vers ${q(p.peer)} est voulu`,
      reason: (p: P) => `Un max_htlc de ${fmt(p.currentSat, 'fr')} sat sur un canal de ${fmt(p.capacity, 'fr')} sat écarte les gros paiements ; c’est souvent un signal de liquidité délibéré`,
      impact: () => `S’il ne l’est pas : le canal peut transporter des paiements plus gros (valeur à lire sur le nœud, plafonnée par le montant maximal en vol)`,
    },
    en: {
      action: (p: P) => `Check whether the ${fmt(p.currentSat, 'en')} sat max_htlc on the channel to ${q(p.peer)} is deliberate`,
      reason: (p: P) => `${aEn(p.currentSat).replace(/^a/, 'A')} sat max_htlc on ${aEn(p.capacity)} sat channel turns larger payments away; it is often a deliberate liquidity signal`,
      impact: () => `If not: the channel can carry larger payments (the value to read from your node, capped by its max in-flight amount)`,
    },
  },
  small_channel: {
    fr: {
      action: (p: P) => `Envisager de fermer le petit canal vers ${q(p.peer)} (${fmt(p.capacity, 'fr')} sat)`,
      reason: (p: P) => `Sous ${fmt(p.threshold, 'fr')} sat, un canal route peu et coûte presque autant à fermer qu’il ne rapporte`,
      impact: () => `Capacité regroupée dans des canaux plus utiles`,
    },
    en: {
      action: (p: P) => `Consider closing the small channel to ${q(p.peer)} (${fmt(p.capacity, 'en')} sat)`,
      reason: (p: P) => `Below ${fmt(p.threshold, 'en')} sat a channel routes little and costs about as much to close as it earns`,
      impact: () => `Capacity consolidated into more useful channels`,
    },
  },
  concentration: {
    fr: {
      action: (p: P) => `Diversifier : ${p.share} % de votre capacité active est chez ${q(p.peer)}`,
      reason: () => `Si ce pair tombe ou se comporte mal, la majorité de votre capacité de routage disparaît`,
      impact: () => `Moins de dépendance à un seul pair`,
    },
    en: {
      action: (p: P) => `Diversify: ${p.share}% of your active capacity is with ${q(p.peer)}`,
      reason: () => `If this peer goes down or misbehaves, most of your routing capacity goes with it`,
      impact: () => `Less dependence on a single peer`,
    },
  },
  liquidity_depleted: {
    fr: {
      action: (p: P) => `Rééquilibrer le canal vers ${q(p.peer)} : il ne reste que ${p.localPct} % côté local${Number(p.discount) > 0 ? ` (ou attirer du flux entrant avec une remise de ${fmt(p.discount, 'fr')} ppm en frais entrants)` : ''}${Number(p.existingDiscount) > 0 ? ` (une remise entrante de ${fmt(p.existingDiscount, 'fr')} ppm est déjà en place)` : ''}`,
      reason: () => `Sans liquidité sortante, ce canal ne peut plus router vers ce pair ; une remise entrante attire les paiements qui le rempliront sans baisser ses frais sortants`,
      impact: (p: P) => `Environ ${fmt(p.amount, 'fr')} sat à ramener côté local`,
    },
    en: {
      action: (p: P) => `Rebalance the channel to ${q(p.peer)}: only ${p.localPct}% is on your side${Number(p.discount) > 0 ? ` (or draw inbound flow with ${aEn(p.discount)} ppm inbound-fee discount)` : ''}${Number(p.existingDiscount) > 0 ? ` (${aEn(p.existingDiscount)} ppm inbound discount is already set)` : ''}`,
      reason: () => `Without outbound liquidity this channel cannot route toward this peer; an inbound discount draws the payments that refill it without cutting its outbound fee`,
      impact: (p: P) => `About ${fmt(p.amount, 'en')} sat to bring back to your side`,
    },
  },
  liquidity_saturated: {
    fr: {
      action: (p: P) => `Libérer de la liquidité entrante sur le canal vers ${q(p.peer)} (${p.localPct} % côté local)`,
      reason: () => `Le canal ne peut presque plus recevoir : les paiements entrants par ce pair échouent`,
      impact: (p: P) => `Environ ${fmt(p.amount, 'fr')} sat à déplacer (Loop Out ou paiement circulaire)`,
    },
    en: {
      action: (p: P) => `Free inbound liquidity on the channel to ${q(p.peer)} (${p.localPct}% on your side)`,
      reason: () => `The channel can hardly receive: payments coming in through this peer fail`,
      impact: (p: P) => `About ${fmt(p.amount, 'en')} sat to move (Loop Out or a circular payment)`,
    },
  },
  idle_channel: {
    fr: {
      action: (p: P) => `Fermer ou retarifer le canal vers ${q(p.peer)} : aucun revenu en ${p.days} jours`,
      reason: (p: P) => `${fmt(p.capacity, 'fr')} sat immobilisés sans un seul transfert payant sur la période`,
      impact: (p: P) => `${fmt(p.capacity, 'fr')} sat à redéployer vers un pair plus actif`,
    },
    en: {
      action: (p: P) => `Close or reprice the channel to ${q(p.peer)}: no revenue in ${p.days} days`,
      reason: (p: P) => `${fmt(p.capacity, 'en')} sat locked without a single paid forward over the period`,
      impact: (p: P) => `${fmt(p.capacity, 'en')} sat to redeploy toward a busier peer`,
    },
  },
  fee_underpriced_stance: {
    fr: {
      action: (p: P) => `Vérifier si les frais à 0 ppm du canal vers ${q(p.peer)} sont voulus ; sinon les monter à ${fmt(p.suggested, 'fr')} ppm${stepsFr(p)}`,
      reason: (p: P) => `0 ppm est souvent délibéré (vider un surplus de liquidité sortante) ; les ${fmt(p.competitors, 'fr')} autres canaux vers ce pair facturent ${medianFr(p)} ${fmt(p.median, 'fr')} ppm`,
      impact: (p: P) => `Si ce n’est pas voulu : moins cher que ${p.pctAfter} % des concurrents au lieu de ${p.pctBefore} %, au lieu de router gratuitement`,
    },
    en: {
      action: (p: P) => `Check whether 0 ppm on the channel to ${q(p.peer)} is deliberate; if not, raise it to ${fmt(p.suggested, 'en')} ppm${stepsEn(p)}`,
      reason: (p: P) => `0 ppm is often deliberate (draining surplus outbound liquidity); the ${fmt(p.competitors, 'en')} other channels into this peer charge a ${p.medianName} of ${fmt(p.median, 'en')} ppm`,
      impact: (p: P) => `If not deliberate: cheaper than ${p.pctAfter}% of competitors instead of ${p.pctBefore}%, rather than routing for free`,
    },
  },
  fee_overpriced_stance: {
    fr: {
      action: (p: P) => `Vérifier si ${fmt(p.current, 'fr')} ppm sur le canal vers ${q(p.peer)} est voulu ; sinon descendre vers ${fmt(p.suggested, 'fr')} ppm${stepsFr(p)}`,
      reason: (p: P) => `Un tarif de 10 000 ppm ou plus signifie souvent « ne pas router par moi » (garder le canal plein) ; les ${fmt(p.competitors, 'fr')} autres canaux vers ce pair facturent ${medianFr(p)} ${fmt(p.median, 'fr')} ppm`,
      impact: (p: P) => `Si ce n’est pas voulu : plus cher que ${p.pctAfter} % des concurrents au lieu de ${p.pctBefore} %`,
    },
    en: {
      action: (p: P) => `Check whether ${fmt(p.current, 'en')} ppm on the channel to ${q(p.peer)} is deliberate; if not, lower it toward ${fmt(p.suggested, 'en')} ppm${stepsEn(p)}`,
      reason: (p: P) => `A fee of 10,000 ppm or more often means "do not route through me" (keeping the channel full); the ${fmt(p.competitors, 'en')} other channels into this peer charge a ${p.medianName} of ${fmt(p.median, 'en')} ppm`,
      impact: (p: P) => `If not deliberate: dearer than ${p.pctAfter}% of competitors instead of ${p.pctBefore}%`,
    },
  },
  concentration_single_peer: {
    fr: {
      action: (p: P) => `Ouvrir un canal vers un second pair indépendant : toute votre capacité active (${fmt(p.channels, 'fr')} canal(aux)) est chez ${q(p.peer)}`,
      reason: () => `Avec un seul pair, le nœud ne peut router aucun paiement et dépend entièrement de lui ; sinon, assumer le rôle de feuille (garder ce LSP, envisager des canaux privés)`,
      impact: () => `Un second pair bien tenu rend le nœud joignable même si le premier tombe`,
    },
    en: {
      action: (p: P) => `Open a channel to a second, independent peer: all your active capacity (${fmt(p.channels, 'en')} channel(s)) is with ${q(p.peer)}`,
      reason: () => `With one peer the node cannot route anything and depends on it entirely; otherwise accept the leaf role (keep this LSP, consider private channels)`,
      impact: () => `A second, well-run peer keeps the node reachable when the first one goes down`,
    },
  },
  channel_disabled_more: {
    fr: {
      action: (p: P) => `Réactiver votre côté de ${fmt(p.count, 'fr')} autres canaux (${fmt(p.peers, 'fr')} pairs), ou les fermer s’ils restent désactivés`,
      reason: () => `Votre direction n’est pas active alors que celle du pair l’est : ces canaux ne peuvent rien faire sortir de chez vous`,
      impact: (p: P) => `${fmt(p.capacity, 'fr')} sat de capacité de nouveau utilisables`,
    },
    en: {
      action: (p: P) => `Re-enable your side of ${fmt(p.count, 'en')} more channels (${fmt(p.peers, 'en')} peers), or close those that stay disabled`,
      reason: () => `Your direction is not enabled while the peer's is: nothing can leave your node through these channels`,
      impact: (p: P) => `${fmt(p.capacity, 'en')} sat of capacity usable again`,
    },
  },
  covers_channels: {
    fr: { action: (p: P) => ` (${fmt(p.count, 'fr')} canaux avec ce pair)`, reason: () => '', impact: () => '' },
    en: { action: (p: P) => ` (${fmt(p.count, 'en')} channels with this peer)`, reason: () => '', impact: () => '' },
  },
} satisfies Record<string, Record<Language, Texts>>;

export type MessageKey = keyof typeof MESSAGES;

export function render(key: MessageKey, lang: Language, params: P): { action: string; reason: string; estimated_impact: string } {
  // eslint-disable-next-line security/detect-object-injection -- key is a MessageKey set by the rules, lang from negotiateLanguage
  const t: Texts = MESSAGES[key][lang];
  return { action: t.action(params), reason: t.reason(params), estimated_impact: t.impact(params) };
}

/** Picks fr or en from an Accept-Language header by quality, else the default. */
export function negotiateLanguage(header: string | undefined, fallback: Language): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const qv = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: qv ? Number(qv.slice(2)) : 1 };
    })
    .filter((x) => !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => (LANGUAGES as readonly string[]).includes(r.lang))?.lang as Language) ?? fallback;
}
