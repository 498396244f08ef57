import type { Brief, BriefFacts, BriefPart } from "./brief.js";
import { PAIN } from "./vocabulary.js";

/** Heading or label words that name each part of a brief. Checked in order; the first match wins. */
const PART_NAMES: readonly (readonly [BriefPart, RegExp])[] = [
  ["customer", /\b(customers?|who|target|audience|segment|persona|users?|buyers?)\b/i],
  ["problem", /\b(problem|pain|opportunity|need|why|challenge)\b/i],
  ["evidence", /\b(evidence|validation|results?|pilot|research|data|traction|proof)\b/i],
  ["metrics", /\b(metrics?|success|measure|kpis?|goals?|outcomes?)\b/i],
  ["business", /\b(business|pricing|price|economics|revenue|model|costs?|market|money)\b/i],
  ["launch", /\b(launch|timeline|date|when|availability|schedule)\b/i],
  ["risks", /\b(risks?|dependencies|concerns|assumptions)\b/i],
  ["solution", /\b(solution|product|idea|what|how|proposal|approach|features?|description)\b/i],
];

/** Labels that only name the part ("Problem: ..."); other labels ("Price: $9") say what the value is and stay. */
const STRUCTURAL_LABEL = /^\s*(customer|problem|solution|evidence|risks?|idea|product|who|why|what)\s*$/i;

/** A sentence that states how success is measured, wherever it stands. */
const METRIC_CUE = /\b(success (means|measure|is|looks like)|we will measure|we('ll| will) know (it'?s|it is) working|north[- ]star|target: \d)/i;

/** Money named as what a customer pays or what it costs us: the business part, wherever it stands. */
const PRICING = /\b(price[ds]?|pricing|charge|charging|fees?|subscriptions?|per month|per year|per seat|per user|revenue|gross margin|monetis\w*|monetiz\w*|costs? (about|us)|to serve)\b/i;
const MONEY = /[$£€]\s?\d/;

/** Cues that place an unlabelled sentence in a part (weak briefs are often one paragraph). Checked in order. */
const SENTENCE_CUES: readonly (readonly [BriefPart, RegExp])[] = [
  ["launch", /\b(launch(es|ing)?|available|go[- ]live|ship(s|ping)?|release|live (by|on|in|from))\b.*|^\s*(launch|timing)\b/i],
  ["business", PRICING],
  ["evidence", /\b(pilot(ed)?|trial|we (found|measured|observed|interviewed|surveyed|tried|tested|ran)|in a study|study (at|of|with)|time study|replay(ing|ed))\b/i],
  ["metrics", /\b(target:|kpis?)\b/i],
  ["risks", /\b(risks?|depends on|dependency|regulat)/i],
  ["problem", PAIN],
  // Money that is neither a price nor a cost to us is what the pain costs the customer, or else business.
  ["business", MONEY],
  ["customer", /^\s*(for|built for|designed for|aimed at)\b|\b(representative customer|our customers? (are|is)|the (people|customers?|users?|buyers?) we (want|serve|target|sell to))\b|\bthere(s|'s| is| are) (about|around|roughly|some|over)? ?[\d,.]+\b/i],
];

/**
 * Splits a brief into its named parts, from headings (`## Customer`), labels (`Customer: ...`,
 * `**Problem**`) or, failing those, from sentence cues. Structured fields of the brief override.
 * Pure and total: never throws, returns empty strings for what the brief does not say.
 */
export function extractBriefFacts(brief: Brief): BriefFacts {
  const parts: Record<BriefPart, string[]> = {
    customer: [], problem: [], solution: [], evidence: [], business: [], metrics: [], launch: [], risks: [], other: [],
  };
  let current: BriefPart | undefined;
  const product = productSubject(brief.title);
  for (const rawLine of brief.text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line) ?? /^\*\*([^*]{1,60})\*\*:?\s*$/.exec(line);
    if (heading) {
      const name = heading[1] ?? "";
      // The document title (a level-1 heading naming the product) starts no part.
      current = /^#\s/.test(line) ? partOf(name) : (partOf(name) ?? "other");
      continue;
    }
    // A label ("Problem: ...") names the part of every sentence after it on its line.
    let lineLabel: BriefPart | undefined;
    for (const sentence of splitSentences(stripBullet(line)).flatMap(clauses)) {
      const label = /^\*{0,2}([A-Za-z][A-Za-z /&]{1,30}?)\*{0,2}\s*:\s*\*{0,2}\s*(.+)$/.exec(sentence);
      const labelPart = label ? partOf(label[1] ?? "") : undefined;
      if (labelPart) lineLabel = labelPart;
      // A success measure stated inside another section is still the success measure.
      if (METRIC_CUE.test(sentence)) parts.metrics.push(sentence);
      // A label ("Price: $9", "Representative customer: Dana") keeps its words: they say what the value is.
      else if (label && labelPart) parts[labelPart].push(STRUCTURAL_LABEL.test(label[1] ?? "") ? (label[2] ?? "") : sentence.replace(/\*\*/g, ""));
      else parts[current ?? lineLabel ?? classify(sentence, product)].push(sentence);
    }
  }
  const join = (p: BriefPart) => parts[p].join(" ").replace(/\s+/g, " ").trim();
  const facts: BriefFacts = {
    title: brief.title,
    customer: brief.customer ?? join("customer"),
    problem: brief.problem ?? join("problem"),
    solution: brief.solution ?? join("solution"),
    evidence: brief.evidence ?? join("evidence"),
    business: brief.pricing ?? join("business"),
    metrics: brief.metrics ?? join("metrics"),
    launch: brief.launchDate ?? join("launch"),
    risks: brief.risks ?? join("risks"),
    other: join("other"),
  };
  // A brief written as prose often says what it is in its first unlabelled sentences.
  if (!facts.solution && facts.other) facts.solution = facts.other;
  return facts;
}

function partOf(name: string): BriefPart | undefined {
  return PART_NAMES.find(([, re]) => re.test(name))?.[0];
}

function classify(sentence: string, product: RegExp | undefined): BriefPart {
  const cue = SENTENCE_CUES.find(([, re]) => re.test(sentence))?.[0];
  // "StopWatch sends parents a text...": a sentence whose subject is the product describes the solution,
  // unless it names a price, a launch, a trial or a risk.
  if (product?.test(sentence) && (cue === undefined || cue === "problem" || cue === "customer")) return "solution";
  return cue ?? "solution";
}

/** The product name: the title up to a colon or dash ("RefillReady: refills for vets" → "RefillReady"). */
export function productName(title: string): string {
  const head = title.split(/\s*[:–—|]\s*|\s+-\s+/)[0]?.trim() ?? title;
  const name = head.replace(/\s+(for|by|to)\s+.*$/i, "").trim();
  return name || title.trim();
}

/** Matches a sentence that opens with the product's name, when the title gives one short enough to be a name. */
function productSubject(title: string): RegExp | undefined {
  const name = productName(title);
  if (!name || name.split(/\s+/).length > 3) return undefined;
  return new RegExp(`^(the )?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
}

/** A run-on "sentence" (a brief written without full stops) is read clause by clause: split at top-level commas. */
function clauses(sentence: string): string[] {
  if (sentence.length <= 240) return [sentence];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === "(") depth += 1;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0 && sentence[i + 1] === " " && !/\d/.test(sentence[i + 2] ?? "")) {
      out.push(sentence.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(sentence.slice(start).trim());
  // Only worth it when the pieces are clauses, not a list of words.
  return out.length >= 4 && out.every((c) => c.split(" ").length >= 3) ? out.filter(Boolean) : [sentence];
}

function stripBullet(line: string): string {
  return line.replace(/^([-*+]|\d+[.)])\s+/, "");
}

/** Splits prose into sentences, keeping decimals ("4.5") and common abbreviations intact. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9£$€])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
