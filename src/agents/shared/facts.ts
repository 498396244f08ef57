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
};

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
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
