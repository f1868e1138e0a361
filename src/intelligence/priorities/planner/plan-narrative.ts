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
  const free = plan.actions.filter((a) => a.estimatedCost === 0).length;
  const fmt = (x: number) => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US');
  if (n === 0) {
    return lang === 'fr'
      ? `Aucune action ne correspond aux objectifs (${goalText}) et au budget demandés : rien d’urgent n’a été détecté sur ce nœud, ou tout ce qui l’est coûte plus que le budget.`
      : `No action fits the requested goals (${goalText}) and budget: nothing pressing was found on this node, or what was found costs more than the budget.`;
  }
  const first = plan.actions[0].rec.action;
  return lang === 'fr'
    ? `Plan de ${n} action(s) pour ${fmt(plan.totalCost)} sat au total, orienté ${goalText}. Commencer par : ${first}. ${free} action(s) ne coûtent rien (réglages de politique), ${n - free} engagent des fonds.`
    : `A ${n}-action plan costing ${fmt(plan.totalCost)} sat in total, aimed at ${goalText}. Start with: ${first}. ${free} action(s) cost nothing (policy settings), ${n - free} commit funds.`;
}
