import type { BriefFacts } from "../../domain/brief.js";
import { findDate, type FoundDate } from "../../domain/dates.js";
import { sentences } from "./text.js";

/** Words that name no one in particular. */
const VAGUE_CUSTOMER = /\b(everyone|everybody|all (users|people|businesses|companies)|anyone|companies of all sizes|businesses|enterprises?|large enterprises|users|people|consumers|the world)\b/i;
const MONEY = /[$£€]\s?\d|\b\d[\d,.]*\s?(usd|eur|gbp|dollars|euros|pounds)\b/i;
const TIMEFRAME = /\b(within|in|by|after|over)\s+(the\s+first\s+)?\d+\s+(days?|weeks?|months?|quarters?|years?)\b|\bby (q[1-4]|\d{4})\b|\bper (month|week|quarter|year)\b/i;

/** What the brief itself establishes, read once and shared by the offline roles. */
export type FactSignals = {
  /** A representative person named in the customer part ("Representative customer: Dana, ..."). */
  representative?: { name: string; role: string };
  customerIsSpecific: boolean;
  customerIsVague: boolean;
  problemHasEvidence: boolean;
  hasObservedEvidence: boolean;
  price?: string;
  costToServe?: string;
  marketSize?: string;
  metric?: string;
  launchDate?: FoundDate;
  risksNamed: number;
  /** Price against cost to serve, when both are stated on the same basis (per order, per customer per month...). */
  unitEconomics?: UnitEconomics;
};

export type UnitEconomics = { price: string; cost: string; basis: string; margin: number };

/** Reads the signals from the facts. Pure. */
export function readSignals(facts: BriefFacts): FactSignals {
  // The representative is named in the customer part, or where a run-on brief first tells their story.
  const rep = /(?:[Rr]epresentative customer|[Ff]or example|e\.g\.|[Mm]eet)\s*[:,]?\s*([A-Z][a-z]+)(?:,\s*|\s+is\s+)(?:the |a |an )?([^.;]+)/.exec(`${facts.customer} ${facts.problem}`);
  const businessSentences = sentences(facts.business).flatMap((s) => s.split(/;\s*/)).map((s) => s.trim()).filter(Boolean);
  const allText = Object.values(facts).join(" ");
  const priceSentence = businessSentences.find((s) => MONEY.test(s) && !/\b(cost|costs|to serve|hosting)\b/i.test(s)) ?? businessSentences.find((s) => MONEY.test(s));
  const metricSentence = sentences(`${facts.metrics} ${facts.business}`).find((s) => /\d/.test(s) && TIMEFRAME.test(s) && !MONEY.test(s));
  const marketSentence = sentences(`${facts.customer} ${facts.business} ${facts.other}`).find((s) =>
    /\b(about|around|roughly|over|some)?\s*\d[\d,.]*\s*(k|m|million|thousand)?\s+(clinics|practices|warehouses|stores|shops|schools|hospitals|companies|firms|teams|customers|households|farms|restaurants|developers|cities|agencies|users)\b/i.test(s),
  );
  const customerNumbers = /\d/.test(facts.customer);
  const customerIsVague = facts.customer === "" ? true : VAGUE_CUSTOMER.test(facts.customer) && !customerNumbers;
  const launchDate = findDate(facts.launch) ?? findDate(allText);
  const costSentence = businessSentences.find((s) => /\d/.test(s) && /\b(cost|costs|to serve|hosting|engineers?|build)\b/i.test(s) && s !== priceSentence);
  const unitEconomics = unitEconomicsOf(priceSentence, costSentence);
  return {
    ...(rep ? { representative: { name: rep[1] ?? "", role: (rep[2] ?? "").trim() } } : {}),
    customerIsSpecific: facts.customer !== "" && !customerIsVague && (customerNumbers || rep !== null),
    customerIsVague,
    problemHasEvidence: facts.problem !== "" && /\d/.test(facts.problem),
    hasObservedEvidence: /\d/.test(facts.evidence),
    ...optional("price", priceSentence),
    // A cost is money to serve or effort to build ("4 engineers for 8 months").
    ...optional("costToServe", costSentence),
    ...optional("marketSize", marketSentence),
    ...optional("metric", metricSentence?.replace(/^[A-Za-z ]{2,30}:\s*/, "")),
    ...(launchDate ? { launchDate } : {}),
    risksNamed: facts.risks.split(/[;.]\s*/).filter((r) => r.trim().length > 3).length,
    ...(unitEconomics ? { unitEconomics } : {}),
  };
}

/** Things a customer buys one at a time: prices and costs "per order" and "each delivery" compare. */
const TRANSACTION = /^(orders?|deliver(y|ies)|trips?|rides?|bookings?|rentals?|calls?|visits?|submissions?|shipments?|transactions?|boxe?s?|kits?|meals?)$/;
const PERIOD_PER_MONTH: Record<string, number> = { day: 30, week: 4.33, month: 1, quarter: 1 / 3, year: 1 / 12 };

type Amount = { value: number; symbol: string; period?: string; entity?: string; transaction?: string };

/** The first amount of money in a sentence and what it is per ("$249 per practice per month"). */
function amountOf(sentence: string): Amount | undefined {
  const m = /([$£€])\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m)?\b/i.exec(sentence);
  if (!m?.[2]) return undefined;
  const value = Number(m[2].replace(/,/g, "")) * (m[3]?.toLowerCase() === "k" ? 1e3 : m[3]?.toLowerCase() === "m" ? 1e6 : 1);
  const units = [...sentence.matchAll(/\b(?:per|each|every|a|an)\s+([a-z]+)/gi)].map((u) => (u[1] ?? "").toLowerCase().replace(/s$/, ""));
  const period = units.find((u) => u in PERIOD_PER_MONTH);
  const others = units.filter((u) => !(u in PERIOD_PER_MONTH) && !["few", "little", "lot", "one", "third", "half"].includes(u));
  const transaction = others.find((u) => TRANSACTION.test(u));
  return { value, symbol: m[1] ?? "", ...(period ? { period } : {}), ...(others[0] && !transaction ? { entity: others[0] } : {}), ...(transaction ? { transaction } : {}) };
}

/**
 * Compares the price with the cost to serve when both are stated on one basis: both per transaction,
 * or both per the same thing over a period. Anything less certain is left alone (undefined).
 */
export function unitEconomicsOf(priceSentence: string | undefined, costSentence: string | undefined): UnitEconomics | undefined {
  const price = priceSentence ? amountOf(priceSentence) : undefined;
  const cost = costSentence ? amountOf(costSentence) : undefined;
  if (!price || !cost) return undefined;
  let basis: string | undefined;
  let costValue = cost.value;
  if (price.transaction && cost.transaction && !price.period && !cost.period) basis = price.transaction;
  else if (price.period && cost.period && !price.transaction && !cost.transaction && (!price.entity || !cost.entity || price.entity === cost.entity)) {
    costValue = (cost.value * (PERIOD_PER_MONTH[cost.period] ?? 1)) / (PERIOD_PER_MONTH[price.period] ?? 1);
    basis = `${price.entity ?? cost.entity ?? "customer"} per ${price.period}`;
  }
  if (!basis) return undefined;
  const money = (symbol: string, n: number) => `${symbol}${Number.isInteger(n) ? n : n.toFixed(2)}`;
  return { price: money(price.symbol, price.value), cost: money(cost.symbol, Math.round(costValue * 100) / 100), basis, margin: Math.round(((price.value - costValue) / price.value) * 100) / 100 };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
