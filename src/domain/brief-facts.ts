import type { Brief, BriefFacts, BriefPart } from "./brief.js";

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
const METRIC_CUE = /\b(success (means|measure|is|looks like)|we will measure|north[- ]star|target: \d)/i;

/** Cues that place an unlabelled sentence in a part (weak briefs are often one paragraph). */
const SENTENCE_CUES: readonly (readonly [BriefPart, RegExp])[] = [
  ["launch", /\b(launch(es|ing)?|available|go[- ]live|ship(s|ping)?|release)\b.*|^\s*(launch|timing)\b/i],
  ["business", /(\$|£|€|\bprice\b|\bpricing\b|\bmonetis|\bmonetiz|\bper month\b|\bper year\b|\bsubscription\b|\brevenue\b|\bgross margin\b|\bcost(s)? (about|us)\b)/i],
  ["evidence", /\b(pilot|trial|we (found|measured|observed|interviewed|surveyed)|in a study|study (at|of|with)|time study|replay(ing|ed))\b/i],
  ["metrics", /\b(target:|kpis?)\b/i],
  ["risks", /\b(risks?|depends on|dependency|regulat)/i],
  ["problem", /\b(problem|pain|tired of|struggl\w*|frustrat\w*|wast\w*|miss(es|ed)?|takes? \d+|hours? a (day|week)|can't|cannot|hard to|too (long|slow|expensive))\b/i],
  ["customer", /^\s*(for|built for|designed for|aimed at)\b|\b(representative customer|our customers? (are|is))\b/i],
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
    for (const sentence of splitSentences(stripBullet(line))) {
      const label = /^\*{0,2}([A-Za-z][A-Za-z /&]{1,30}?)\*{0,2}\s*:\s*\*{0,2}\s*(.+)$/.exec(sentence);
      const labelPart = label ? partOf(label[1] ?? "") : undefined;
      // A success measure stated inside another section is still the success measure.
      if (METRIC_CUE.test(sentence)) parts.metrics.push(sentence);
      // "Representative customer: Dana..." inside Customer keeps its words; "Price: $9" elsewhere moves.
      // A label ("Price: $9", "Representative customer: Dana") keeps its words: they say what the value is.
      else if (label && labelPart) parts[labelPart].push(STRUCTURAL_LABEL.test(label[1] ?? "") ? (label[2] ?? "") : sentence.replace(/\*\*/g, ""));
      else parts[current ?? classify(sentence)].push(sentence);
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

function classify(sentence: string): BriefPart {
  return SENTENCE_CUES.find(([, re]) => re.test(sentence))?.[0] ?? "solution";
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
