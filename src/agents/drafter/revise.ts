import { displayDate } from "../../domain/dates.js";
import type { CheckId, Finding } from "../../domain/finding.js";
import { PRESS_RELEASE_SECTIONS, PrfaqSchema, type Prfaq } from "../../domain/prfaq.js";
import type { DraftInput, DraftOutput } from "../contracts.js";
import { clause, excerpt, sentences } from "../shared/text.js";

/** Marks an answer the brief does not give: the drafter asks instead of inventing. */
export const OPEN_QUESTION = "Open question: the brief does not say.";

type Revision = (doc: Prfaq, findings: Finding[], input: DraftInput) => string | undefined;

/**
 * How the offline drafter answers each rubric check the leader asks it to fix. Checks missing here
 * (vague customer, missing problem, solution-first, no measurable outcome, ...) need facts only the
 * author has: the drafter does not invent them, and says so.
 */
const REVISIONS: Partial<Record<CheckId, Revision>> = {
  "missing-the-date": (doc, _f, input) => {
    // A hypothetical date is part of the method; it is labelled as an assumption, six months out.
    const created = new Date(input.createdAt);
    const y = created.getUTCFullYear() + (created.getUTCMonth() + 6 >= 12 ? 1 : 0);
    const m = (created.getUTCMonth() + 6) % 12;
    const date = displayDate(y, m, 1);
    doc.pressRelease.dateline = `${date} (assumed launch date; the brief gives none)`;
    return `Added an assumed launch date, ${date}, marked as an assumption.`;
  },
  "hyperbole-instead-of-specifics": (doc, findings, input) => {
    const removed = removeQuoted(doc, findings, "hyperbole-instead-of-specifics", "superlatives");
    if (!removed) return undefined;
    // Specifics instead: the brief's own numbers, where the document does not carry them yet.
    const text = JSON.stringify(doc);
    const numbers = sentences(`${input.facts.evidence} ${input.facts.problem}`).filter((x) => /\d/.test(x) && !text.includes(x));
    if (numbers[0]) {
      doc.pressRelease.summary = [doc.pressRelease.summary, numbers[0]].filter(Boolean).join(" ");
      return `${removed} Added the brief's own figure instead: "${excerpt(numbers[0], 100)}"`;
    }
    return removed;
  },
  "customer-quote-sounds-fake": (doc) => {
    if (!doc.pressRelease.customerQuote) return undefined;
    doc.pressRelease.customerQuote = "";
    doc.internalFaq.push({
      question: "Which customer will speak for the launch, about their day before and after?",
      answer: "Open question: the draft's quote was generic praise and was removed until a real customer's words are gathered.",
    });
    return "Removed the generic customer quote; asked for a real customer's before-and-after.";
  },
  "internal-jargon-in-pr": (doc, findings) => {
    const moved = quotedSentences(findings, "internal-jargon-in-pr");
    const removed = removeQuoted(doc, findings, "internal-jargon-in-pr", "internal jargon");
    if (removed && moved.length > 0) {
      doc.internalFaq.push({ question: "What technology is behind it?", answer: moved.join(" ") });
    }
    return removed && `${removed} Moved the technical detail to the internal FAQ.`;
  },
  "press-release-length": (doc) => {
    for (const key of ["problem", "solution", "howItWorks"] as const) {
      doc.pressRelease[key] = sentences(doc.pressRelease[key]).slice(0, 4).join(" ");
    }
    return "Trimmed the long press release paragraphs to four sentences each.";
  },
};

/** Checks a revision can fix without new facts from the author (a new version itself ends skipping-the-iteration). */
export const FIXABLE_CHECKS: readonly CheckId[] = [...(Object.keys(REVISIONS) as CheckId[]), "skipping-the-iteration"];

/** How the offline leader asks for a reviewer's question to be answered in the FAQ; the drafter reads it back. */
export const FAQ_REQUEST = "Answer in the internal FAQ: ";

/**
 * Adds a reviewer's question to the internal FAQ, answered with the brief's own sentences that share
 * its key words, or marked open. Skips questions the FAQ already asks.
 */
function addQuestion(doc: Prfaq, question: string, input: DraftInput): string | undefined {
  const asked = [...doc.externalFaq, ...doc.internalFaq].map((q) => q.question.toLowerCase());
  if (asked.includes(question.toLowerCase())) return undefined;
  const keys = keyWords(question);
  const source = sentences(Object.entries(input.facts).filter(([k]) => k !== "title").map(([, v]) => v).join(" "));
  const answers = source.filter((s) => keyWords(s).filter((w) => keys.includes(w)).length >= 2).slice(0, 2);
  doc.internalFaq.push({ question, answer: answers.length > 0 ? answers.join(" ") : OPEN_QUESTION });
  return `Added the reviewers' question "${excerpt(question, 90)}" to the internal FAQ${answers.length > 0 ? ", answered from the brief" : ", marked open"}.`;
}

const STOP = new Set(["what", "which", "when", "where", "does", "this", "that", "with", "from", "have", "they", "there", "their", "your", "about", "would", "could", "should", "like", "many", "much", "first"]);
function keyWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []).filter((w) => !STOP.has(w));
}

/** Applies the leader's changes to the previous version and reports each change made or declined. */
export function reviseOffline(input: DraftInput & { previous: Prfaq }): DraftOutput {
  const doc = PrfaqSchema.parse(structuredClone(input.previous));
  const changes: string[] = [];
  const assumptions: string[] = [];
  for (const request of input.changes) {
    if (request.check === "skipping-the-iteration") {
      changes.push(`Version ${input.version} answers the round ${input.version - 1} review.`);
      continue;
    }
    if (request.change.startsWith(FAQ_REQUEST)) {
      const done = addQuestion(doc, request.change.slice(FAQ_REQUEST.length), input);
      if (done) changes.push(done);
      continue;
    }
    const revision = request.check ? REVISIONS[request.check] : undefined;
    const done = revision?.(doc, input.findings, input);
    if (done) {
      changes.push(done);
      if (request.check === "missing-the-date") assumptions.push(done);
    } else {
      changes.push(`Not changed: "${excerpt(request.change, 100)}" needs facts from the author; left as an open question.`);
    }
  }
  if (changes.length === 0) changes.push("No changes requested; the draft stands as revised.");
  return { prfaq: doc, changes, assumptions };
}

function quotedSentences(findings: Finding[], check: CheckId): string[] {
  return findings.filter((f) => f.check === check && f.evidence).map((f) => f.evidence.replace(/^["“]|["”]$/g, ""));
}

/** Removes from the press release every sentence a finding of `check` quoted. */
function removeQuoted(doc: Prfaq, findings: Finding[], check: CheckId, what: string): string | undefined {
  const quoted = quotedSentences(findings, check).map((q) => clause(q));
  if (quoted.length === 0) return undefined;
  let removed = 0;
  for (const key of PRESS_RELEASE_SECTIONS) {
    if (key === "heading" || key === "dateline") continue;
    const kept = sentences(doc.pressRelease[key]).filter((s) => {
      const hit = quoted.some((q) => q.length > 8 && (s.includes(q) || q.includes(clause(s))));
      if (hit) removed += 1;
      return !hit;
    });
    doc.pressRelease[key] = kept.join(" ");
  }
  return removed > 0 ? `Removed ${removed} sentence(s) of ${what} from the press release.` : undefined;
}
