import { PRESS_RELEASE_SECTIONS, type PressReleaseSection, type Prfaq } from "../domain/prfaq.js";
import { COUNTED_NOUNS, ROLE_NOUNS } from "./nouns.js";

/** A sentence and the press-release section it came from (evidence quotes it verbatim). */
export type PrSentence = { section: PressReleaseSection; text: string };

/** Section names as a reader would say them, for messages and missing-section evidence. */
export const SECTION_NAMES: Record<PressReleaseSection, string> = {
  heading: "heading",
  subheading: "subheading",
  dateline: "dateline",
  summary: "summary paragraph",
  problem: "problem paragraph",
  solution: "solution paragraph",
  leaderQuote: "leader quote",
  howItWorks: "how-it-works paragraph",
  customerQuote: "customer quote",
  callToAction: "call to action",
};

// "Dr." or "e.g." end no sentence; the next sentence must start like one (capital, digit, quote).
const ABBREVIATION = /(?:\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Inc|Ltd|Co|Corp|vs|etc|approx|No|Mt)|\be\.g|\bi\.e|\bU\.S|\ba\.m|\bp\.m)\.$/i;
const BOUNDARY = /[.!?]+["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9$£€])/g;

/** Splits prose into sentences, verbatim (each a substring of `text`), paragraph by paragraph. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const t = para.trim();
    let start = 0;
    for (const m of t.matchAll(BOUNDARY)) {
      const end = m.index + m[0].length;
      if (ABBREVIATION.test(t.slice(start, m.index + 1))) continue;
      out.push(t.slice(start, end).trim());
      start = end;
    }
    const rest = t.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** A text with each paragraph on one line, single-spaced, and paragraphs separated by one blank line. */
export function singleSpaced(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** The document as the checks read it: every field single-spaced, so that no pattern has to allow for line breaks. */
export function singleSpacedDoc(doc: Prfaq): Prfaq {
  const faq = (items: Prfaq["externalFaq"]) => items.map((f) => ({ question: singleSpaced(f.question), answer: singleSpaced(f.answer) }));
  const pressRelease = { ...doc.pressRelease };
  for (const s of PRESS_RELEASE_SECTIONS) pressRelease[s] = singleSpaced(doc.pressRelease[s]);
  return { ...doc, pressRelease, externalFaq: faq(doc.externalFaq), internalFaq: faq(doc.internalFaq) };
}

/**
 * The passage of the original document that `quote` (taken from its single-spaced form) stands for,
 * verbatim: the same words with the document's own spaces and line breaks. A quote the document does
 * not hold (the name of a missing part) comes back unchanged.
 */
export function verbatim(doc: Prfaq, quote: string): string {
  const fields = [...PRESS_RELEASE_SECTIONS.map((s) => doc.pressRelease[s]), ...[...doc.externalFaq, ...doc.internalFaq].flatMap((f) => [f.question, f.answer])];
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || fields.some((f) => f.includes(quote))) return quote;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
  for (const field of fields) {
    const m = re.exec(field);
    if (m) return m[0];
  }
  return quote;
}

/** The press release's sentences in document order, optionally only some sections. */
export function prSentences(doc: Prfaq, sections: readonly PressReleaseSection[] = PRESS_RELEASE_SECTIONS): PrSentence[] {
  return PRESS_RELEASE_SECTIONS.filter((s) => sections.includes(s)).flatMap((section) =>
    splitSentences(doc.pressRelease[section]).map((text) => ({ section, text })),
  );
}

/** Every FAQ answer sentence with the question it answers. */
export function faqSentences(doc: Prfaq, parts: readonly ("externalFaq" | "internalFaq")[] = ["externalFaq", "internalFaq"]) {
  return parts.flatMap((part) =>
    doc[part].flatMap((item) => splitSentences(item.answer).map((text) => ({ part, question: item.question, text }))),
  );
}

/** The whole document as one text: the press release, then every FAQ question and answer. */
export function documentText(doc: Prfaq): string {
  return [prText(doc), ...[...doc.externalFaq, ...doc.internalFaq].flatMap((f) => [f.question, f.answer])].join("\n\n");
}

/** The whole press release as one text. */
export function prText(doc: Prfaq, sections: readonly PressReleaseSection[] = PRESS_RELEASE_SECTIONS): string {
  return sections.map((s) => doc.pressRelease[s]).filter(Boolean).join("\n\n");
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%$£€-]*/gu)?.length ?? 0;
}

/** The distinct matches of `patterns` in `text`, as written (for messages). */
export function matchesOf(text: string, patterns: readonly RegExp[]): string[] {
  const found: string[] = [];
  for (const re of patterns) {
    const m = new RegExp(re.source, re.flags.replace("g", "")).exec(text);
    if (m && !found.some((f) => f.toLowerCase() === m[0].toLowerCase())) found.push(m[0]);
  }
  return found;
}

/** A quoted list for messages: "a", "b" and "c". */
export function quoteList(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

/**
 * A measured quantity: a percentage, money, a count or duration with its unit, a before/after pair,
 * a count of people, places or events ("40 refill requests", "12 clinics"), or a ratio in words ("one
 * owner in seven", "a third of"). Model numbers ("Model 3", "Wi-Fi 7") are not measurements.
 */
export const MEASUREMENT = new RegExp(
  String.raw`[$£€]\s?\d|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b|x\b|times\b|(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m2|kg|lbs?)\b)|\b\d[\d,.]*\s+(?:[a-z-]+\s+){0,2}(?:${COUNTED_NOUNS}|${ROLE_NOUNS})\b|\bfrom \d[\d,.]* to \d|\b(?:one|two|three|four|five|\d+) (?:\w+ ){0,2}(?:in|of|out of) (?:every )?(?:\w+)\b(?= |[,.;]|$)|\ba (?:third|quarter|half|fifth|tenth) of\b|\bhalf (?:of|the)\b`,
  "i",
);
