import { SEVERITY_RANK, type CheckId, type Finding, type RubricResult, type Severity } from "../domain/finding.js";
import { parsePrfaqMarkdown } from "../domain/prfaq-markdown.js";
import type { Prfaq } from "../domain/prfaq.js";
import { CHECKS, RubricContextSchema, type Check, type RubricContext } from "./checks.js";
import { checkCustomer } from "./customer.js";
import { checkDate, checkOutcome } from "./outcome.js";
import { checkFaqLength, checkHardQuestions } from "./faq.js";
import { checkHyperbole, checkJargon } from "./language.js";
import { checkAfterBuilding, checkIteration, checkSolutionFirst } from "./process.js";
import { checkProblem } from "./problem.js";
import { checkCustomerQuote } from "./quotes.js";
import { checkFeatureCount } from "./features.js";
import { checkCombining } from "./scope.js";
import { checkLength, checkSections } from "./structure.js";
import { singleSpacedDoc, verbatim } from "./text.js";

export { CHECKS, CheckInfoSchema, RubricContextSchema, type CheckInfo, type RubricContext } from "./checks.js";

/** Points a check costs at each severity. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 25, high: 12, medium: 5 };
/** Each further finding of a check already counted costs this much more, at most MAX_REPEATS times. */
export const REPEAT_PENALTY = 2;
const MAX_REPEATS = 3;
// A pathological document should not flood the report: the first few quotes make the point.
const MAX_FINDINGS_PER_CHECK = 8;

const FAMILIES: readonly Check[] = [
  checkSolutionFirst,
  checkProblem,
  checkCustomer,
  checkAfterBuilding,
  checkJargon,
  checkHardQuestions,
  checkHyperbole,
  checkCustomerQuote,
  checkFeatureCount,
  checkOutcome,
  checkCombining,
  checkIteration,
  checkDate,
  checkFaqLength,
  checkLength,
  checkSections,
];

const ORDER = new Map<CheckId, number>(CHECKS.map((c, i) => [c.id, i]));

/**
 * Runs every rubric check on a PR/FAQ. Findings come sorted by severity (critical first), then in
 * the order of {@link CHECKS}, then in document order; each quotes the document verbatim (or names the
 * part that is missing). Pure and deterministic.
 *
 * Score: 100 minus, per check that fired, its severity weight (critical 25, high 12, medium 5) plus
 * 2 points for each further finding of the same check (up to 3); floored at 0. A clean document scores 100.
 *
 * @param ctx `version` and `revised` let `skipping-the-iteration` fire for an unrevised version 1;
 *   without them that check reads only the text.
 */
export function runRubric(doc: Prfaq, ctx: RubricContext = {}): RubricResult {
  const context = RubricContextSchema.parse(ctx);
  const read = singleSpacedDoc(doc);
  const findings = FAMILIES.flatMap((check) => check(read, context));
  const kept: Finding[] = [];
  const perCheck = new Map<CheckId, number>();
  for (const f of findings) {
    const n = perCheck.get(f.check) ?? 0;
    perCheck.set(f.check, n + 1);
    // The checks quote the single-spaced text; the finding quotes the document as written.
    if (n < MAX_FINDINGS_PER_CHECK) kept.push({ ...f, evidence: verbatim(doc, f.evidence) });
  }
  kept.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (ORDER.get(a.check) ?? 0) - (ORDER.get(b.check) ?? 0),
  );
  return { findings: kept, score: score(perCheck) };
}

function score(perCheck: Map<CheckId, number>): number {
  let total = 100;
  for (const [id, count] of perCheck) {
    const severity = CHECKS.find((c) => c.id === id)?.severity ?? "medium";
    total -= SEVERITY_WEIGHT[severity] + REPEAT_PENALTY * Math.min(count - 1, MAX_REPEATS);
  }
  return Math.max(0, total);
}

/** Parses a PR/FAQ from markdown (leniently, never throws) and runs the rubric on it. */
export function lintMarkdown(text: string): { prfaq: Prfaq } & RubricResult {
  const prfaq = parsePrfaqMarkdown(text);
  return { prfaq, ...runRubric(prfaq) };
}
