import type { Analysis } from "../../domain/analysis.js";
import type { BriefFacts } from "../../domain/brief.js";
import { findDate, type FoundDate } from "../../domain/dates.js";
import { MONEY_AMOUNT } from "../../domain/quantities.js";
import { isMeasurableOutcome } from "../../rubric/outcome.js";
import { sentences } from "./text.js";

// A team's months and rates are the build, never the price: "2 developers for 3 months, £8,500 a month each".
const BUILD_WORDS = /\b(engineers?|developers?|devs|build|loaded|salar(?:y|ies))\b/i;
const COST_WORDS = /\b(cost|costs|to serve|hosting)\b/i;

const TIMEFRAME = /\b(within|in|by|after|over)\s+(the\s+first\s+)?\d+\s+(days?|weeks?|months?|quarters?|years?)\b|\bby (q[1-4]|\d{4})\b|\bper (month|week|quarter|year)\b/i;

/**
 * The brief's own sentences the offline roles quote: its price, its cost to serve, its success measure
 * and its launch date. The figures themselves are the economics model's (src/domain/economics.ts).
 */
export type FactSignals = {
  price?: string;
  costToServe?: string;
  metric?: string;
  launchDate?: FoundDate;
};

/** The brief's sentence an economics line rests on: the price is the sentence the model read as the price (one owner). */
function citedSentence(analysis: Pick<Analysis, "ledger" | "economics">, label: string, isCost: boolean): string | undefined {
  const line = analysis.economics.lines.find((l) => l.label === label);
  const fact = line ? analysis.ledger.find((e) => e.kind === "fact" && line.sources.includes(e.id))?.text : undefined;
  // "$119 per clinic per month; hosting costs us $14": the clause that states it, not what our costs are.
  const clauses = fact?.split(/;\s*/) ?? [];
  return clauses.find((c) => MONEY_AMOUNT.test(c) && COST_WORDS.test(c) === isCost) ?? fact;
}

/** Reads the sentences from the facts, the price and cost ones as the economics model read them. Pure. */
export function readSignals(facts: BriefFacts, analysis: Pick<Analysis, "ledger" | "economics">): FactSignals {
  const businessSentences = sentences(facts.business).flatMap((s) => s.split(/;\s*/)).map((s) => s.trim()).filter(Boolean);
  const allText = Object.values(facts).join(" ");
  const priceSentence = citedSentence(analysis, "price per customer per month", false) ?? businessSentences.find((s) => MONEY_AMOUNT.test(s) && !COST_WORDS.test(s) && !BUILD_WORDS.test(s));
  // A success measure: a number to reach and a time frame, as the rubric reads one (one owner: isMeasurableOutcome).
  const metricSentence = sentences(`${facts.metrics} ${facts.business}`).find((s) => !MONEY_AMOUNT.test(s) && (isMeasurableOutcome(s, "success") || (/\d/.test(s) && TIMEFRAME.test(s))));
  const launchDate = findDate(facts.launch) ?? findDate(allText);
  // A cost is money to serve or effort to build ("4 engineers for 8 months").
  const costSentence = citedSentence(analysis, "cost to serve per customer per month", true) ?? businessSentences.find((s) => /\d/.test(s) && /\b(cost|costs|to serve|hosting|engineers?|build)\b/i.test(s) && s !== priceSentence);
  return {
    ...(priceSentence ? { price: priceSentence } : {}),
    ...(costSentence ? { costToServe: costSentence } : {}),
    ...(metricSentence ? { metric: metricSentence.replace(/^[A-Za-z ]{2,30}:\s*/, "") } : {}),
    ...(launchDate ? { launchDate } : {}),
  };
}
