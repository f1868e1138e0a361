import type { Language } from '../../recommendations/i18n/messages';
import type { Goal, Plan } from './plan.types';

const GOAL_WORDS: Record<Language, Record<Goal, string>> = {
  fr: { routing_revenue: 'revenus de routage', connectivity: 'connectivité', liquidity: 'liquidité', reliability: 'fiabilité', cost_optimization: 'réduction des coûts' },
  en: { routing_revenue: 'routing revenue', connectivity: 'connectivity', liquidity: 'liquidity', reliability: 'reliability', cost_optimization: 'cost reduction' },
};

/** The deterministic engine's account of its plan, in the request's language. */
export function planNarrative(plan: Plan, goals: Goal[], lang: Language): string {
  // eslint-disable-next-line security/detect-object-injection -- lang from negotiateLanguage, g a Goal validated by IsEnum
  const goalText = goals.map((g) => GOAL_WORDS[lang][g]).join(', ');
  const n = plan.actions.length;
  const manual = plan.actions.filter((a) => a.manual).length;
  const funded = plan.actions.filter((a) => a.committedCapital > 0).length;
  const fmt = (x: number) => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');
  if (n === 0) {
    return lang === 'fr'
      ? `Aucune action ne correspond aux objectifs (${goalText}) et au budget demandés : rien d’urgent n’a été détecté sur ce nœud, ou tout ce qui l’est coûte plus que le budget.`
      : `No action fits the requested goals (${goalText}) and budget: nothing pressing was found on this node, or what was found costs more than the budget.`;
  }
  const first = plan.actions[0].rec.action;
  const manualText = manual === 0 ? '' : lang === 'fr' ? ` ${manual} action(s) sont manuelles (sans commande, coût non estimé).` : ` ${manual} action(s) are manual (no command, cost not estimated).`;
  return lang === 'fr'
    ? `Plan de ${n} action(s), orienté ${goalText} : ${fmt(plan.totalCost)} sat de frais dépensés, ${fmt(plan.totalCapital)} sat de capital engagé dans ${funded} nouveau(x) canal(aux). Commencer par : ${first}.${manualText}`
    : `A ${n}-action plan aimed at ${goalText}: ${fmt(plan.totalCost)} sat spent in fees, ${fmt(plan.totalCapital)} sat of capital committed to ${funded} new channel(s). Start with: ${first}.${manualText}`;
}
