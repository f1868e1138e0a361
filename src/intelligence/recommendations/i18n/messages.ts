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
// eslint-disable-next-line security/detect-object-injection -- lang is a Language
const fmt = (n: string | number, lang: Language) => (typeof n === 'number' ? NUMBER_FORMATS[lang].format(n) : n);
const q = (s: string | number) => `“${s}”`;

export const MESSAGES = {
  fee_underpriced: {
    fr: {
      action: (p: P) => `Augmenter les frais du canal vers ${q(p.peer)} de ${fmt(p.current, 'fr')} à ${fmt(p.suggested, 'fr')} ppm`,
      reason: (p: P) => `Vous facturez ${fmt(p.current, 'fr')} ppm alors que les ${fmt(p.competitors, 'fr')} autres canaux vers ce pair facturent en médiane ${fmt(p.median, 'fr')} ppm`,
      impact: (p: P) => `Revenu par satoshi routé ×${p.ratio} (à volume égal); le nouveau tarif reste sous ${p.pctAfter} % des concurrents`,
    },
    en: {
      action: (p: P) => `Raise the fee on the channel to ${q(p.peer)} from ${fmt(p.current, 'en')} to ${fmt(p.suggested, 'en')} ppm`,
      reason: (p: P) => `You charge ${fmt(p.current, 'en')} ppm while the ${fmt(p.competitors, 'en')} other channels into this peer charge a median of ${fmt(p.median, 'en')} ppm`,
      impact: (p: P) => `Revenue per routed satoshi ×${p.ratio} (same volume); the new rate still undercuts ${p.pctAfter}% of competitors`,
    },
  },
  fee_overpriced: {
    fr: {
      action: (p: P) => `Baisser les frais du canal vers ${q(p.peer)} de ${fmt(p.current, 'fr')} à ${fmt(p.suggested, 'fr')} ppm`,
      reason: (p: P) => `Vous facturez ${fmt(p.current, 'fr')} ppm, plus de ${p.multiple}× la médiane (${fmt(p.median, 'fr')} ppm) des ${fmt(p.competitors, 'fr')} autres canaux vers ce pair : les paiements passent ailleurs`,
      impact: (p: P) => `Redevient compétitif (plus cher que ${p.pctAfter} % des concurrents au lieu de ${p.pctBefore} %) : davantage de paiements routés`,
    },
    en: {
      action: (p: P) => `Lower the fee on the channel to ${q(p.peer)} from ${fmt(p.current, 'en')} to ${fmt(p.suggested, 'en')} ppm`,
      reason: (p: P) => `You charge ${fmt(p.current, 'en')} ppm, over ${p.multiple}× the median (${fmt(p.median, 'en')} ppm) of the ${fmt(p.competitors, 'en')} other channels into this peer: payments route elsewhere`,
      impact: (p: P) => `Competitive again (dearer than ${p.pctAfter}% of competitors instead of ${p.pctBefore}%): more payments routed`,
    },
  },
  fee_free_routing: {
    fr: {
      action: (p: P) => `Fixer des frais sur le canal vers ${q(p.peer)} (actuellement 0 msat + 0 ppm)`,
      reason: () => `Ce canal route gratuitement : sa liquidité s’épuise sans rien rapporter`,
      impact: (p: P) => `${fmt(p.suggested, 'fr')} ppm rapportent ${fmt(p.perMillion, 'fr')} sat par million de sat routé`,
    },
    en: {
      action: (p: P) => `Set a fee on the channel to ${q(p.peer)} (now 0 msat + 0 ppm)`,
      reason: () => `This channel routes for free: its liquidity drains and earns nothing`,
      impact: (p: P) => `${fmt(p.suggested, 'en')} ppm earns ${fmt(p.perMillion, 'en')} sat per million sat routed`,
    },
  },
  fee_high_base: {
    fr: {
      action: (p: P) => `Réduire les frais de base du canal vers ${q(p.peer)} de ${fmt(p.current, 'fr')} à ${fmt(p.suggested, 'fr')} msat`,
      reason: (p: P) => `${fmt(p.current, 'fr')} msat de frais fixes rendent les petits paiements chers ; la médiane du réseau est de ${fmt(p.networkMedian, 'fr')} msat`,
      impact: () => `Les petits paiements (la majorité) peuvent de nouveau passer par ce canal`,
    },
    en: {
      action: (p: P) => `Cut the base fee on the channel to ${q(p.peer)} from ${fmt(p.current, 'en')} to ${fmt(p.suggested, 'en')} msat`,
      reason: (p: P) => `A ${fmt(p.current, 'en')} msat fixed fee makes small payments expensive; the network median is ${fmt(p.networkMedian, 'en')} msat`,
      impact: () => `Small payments (most of them) can route through this channel again`,
    },
  },
  fee_own_outlier: {
    fr: {
      action: (p: P) => `Vérifier les frais du canal vers ${q(p.peer)} (${fmt(p.current, 'fr')} ppm)`,
      reason: (p: P) => `Ils s’écartent d’un facteur ${p.multiple} de votre médiane (${fmt(p.ownMedian, 'fr')} ppm) : souvent un réglage par défaut oublié`,
      impact: () => `Une politique cohérente évite de brader ou de bloquer un canal par erreur`,
    },
    en: {
      action: (p: P) => `Review the fee on the channel to ${q(p.peer)} (${fmt(p.current, 'en')} ppm)`,
      reason: (p: P) => `It is ${p.multiple}× away from your own median (${fmt(p.ownMedian, 'en')} ppm): often a forgotten default`,
      impact: () => `A consistent policy avoids underselling or blocking a channel by mistake`,
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
      action: (p: P) => `Ouvrir ${fmt(p.missing, 'fr')} canal(aux) de plus, par exemple vers ${q(p.target)}`,
      reason: (p: P) => `Seulement ${fmt(p.active, 'fr')} canal(aux) actif(s) : un seul pair hors ligne suffit à couper le nœud du réseau`,
      impact: (p: P) => `Redondance et plus de routes : objectif ${fmt(p.goal, 'fr')} canaux actifs`,
    },
    en: {
      action: (p: P) => `Open ${fmt(p.missing, 'en')} more channel(s), e.g. to ${q(p.target)}`,
      reason: (p: P) => `Only ${fmt(p.active, 'en')} active channel(s): one peer going offline is enough to cut the node off`,
      impact: (p: P) => `Redundancy and more routes: aim for ${fmt(p.goal, 'en')} active channels`,
    },
  },
  no_hub: {
    fr: {
      action: (p: P) => `Ouvrir un canal vers un nœud très connecté, par exemple ${q(p.target)}`,
      reason: (p: P) => `Aucun de vos pairs n’est parmi les ${fmt(p.hubCount, 'fr')} nœuds les mieux connectés du réseau`,
      impact: () => `Chemins plus courts vers la majorité du réseau, donc plus de paiements qui peuvent vous traverser`,
    },
    en: {
      action: (p: P) => `Open a channel to a well-connected node, e.g. ${q(p.target)}`,
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
      action: (p: P) => `Open a ${fmt(p.amount, 'en')} sat channel to ${q(p.target)}`,
      reason: (p: P) => `Simulating it on the graph gains ${fmt(p.betweenness, 'en')} betweenness rank places and ${fmt(p.closeness, 'en')} closeness rank places`,
      impact: (p: P) => `Betweenness rank ${Number(p.betweenness) >= 0 ? '+' : ''}${fmt(p.betweenness, 'en')} places`,
    },
  },
  channel_disabled: {
    fr: {
      action: (p: P) => `Réactiver le canal vers ${q(p.peer)} ou le fermer`,
      reason: () => `Votre direction est désactivée alors que le pair garde la sienne active : la capacité est immobilisée`,
      impact: (p: P) => `${fmt(p.capacity, 'fr')} sat de capacité de nouveau utilisables`,
    },
    en: {
      action: (p: P) => `Re-enable the channel to ${q(p.peer)} or close it`,
      reason: () => `Your direction is disabled while the peer keeps its own enabled: the capacity sits idle`,
      impact: (p: P) => `${fmt(p.capacity, 'en')} sat of capacity usable again`,
    },
  },
  zombie_channels: {
    fr: {
      action: (p: P) => `Fermer les ${fmt(p.count, 'fr')} canaux inutilisables (aucune direction active)`,
      reason: (p: P) => `${fmt(p.count, 'fr')} canaux (${fmt(p.capacity, 'fr')} sat) n’ont de politique active dans aucun sens : ils ne routent plus`,
      impact: (p: P) => `Libère ${fmt(p.capacity, 'fr')} sat à redéployer`,
    },
    en: {
      action: (p: P) => `Close the ${fmt(p.count, 'en')} unusable channels (no enabled direction)`,
      reason: (p: P) => `${fmt(p.count, 'en')} channels (${fmt(p.capacity, 'en')} sat) have no enabled policy in either direction: they no longer route`,
      impact: (p: P) => `Frees ${fmt(p.capacity, 'en')} sat to redeploy`,
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
      action: (p: P) => `Relever le max_htlc du canal vers ${q(p.peer)} de ${fmt(p.currentSat, 'fr')} à ${fmt(p.suggestedSat, 'fr')} sat`,
      reason: (p: P) => `Un max_htlc de ${fmt(p.currentSat, 'fr')} sat sur un canal de ${fmt(p.capacity, 'fr')} sat bloque la plupart des paiements`,
      impact: () => `Le canal peut transporter des paiements de taille utile`,
    },
    en: {
      action: (p: P) => `Raise max_htlc on the channel to ${q(p.peer)} from ${fmt(p.currentSat, 'en')} to ${fmt(p.suggestedSat, 'en')} sat`,
      reason: (p: P) => `A ${fmt(p.currentSat, 'en')} sat max_htlc on a ${fmt(p.capacity, 'en')} sat channel blocks most payments`,
      impact: () => `The channel can carry payments of a useful size`,
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
      action: (p: P) => `Rééquilibrer le canal vers ${q(p.peer)} : il ne reste que ${p.localPct} % côté local`,
      reason: () => `Sans liquidité sortante, ce canal ne peut plus router vers ce pair`,
      impact: (p: P) => `Environ ${fmt(p.amount, 'fr')} sat à ramener côté local`,
    },
    en: {
      action: (p: P) => `Rebalance the channel to ${q(p.peer)}: only ${p.localPct}% is on your side`,
      reason: () => `Without outbound liquidity this channel cannot route toward this peer`,
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
