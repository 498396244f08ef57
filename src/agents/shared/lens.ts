import { SEVERITY_RANK, type CheckId, type Finding } from "../../domain/finding.js";
import type { Prfaq } from "../../domain/prfaq.js";
import { PRESS_RELEASE_SECTIONS } from "../../domain/prfaq.js";
import type { Argument } from "../../domain/argument.js";
import type { Engineering, Review, Stance } from "../../domain/review.js";
import type { ReviewInput } from "../contracts.js";
import { sentences } from "./text.js";

/** An argument with the sentence of the draft it reacts to: `blocking` ones make the reviewer vote kill. */
export type Objection = Argument & { quote?: string };

/** What one role's offline reviewer computes from the draft; {@link composeReview} turns it into a review. */
export type LensResult = {
  scores: Record<string, number>;
  objections: Objection[];
  questions: string[];
  /** The sentence the reviewer reacts to when nothing blocks (their strongest reason). */
  anchor: string;
  summary: (stance: Stance) => string;
  /** A stance decided by the role itself (a customer who abstains), instead of from the objections. */
  stance?: Stance;
  scenario?: string;
  engineering?: Engineering;
};

/** Findings of the given checks, most severe first. */
export function findingsOf(findings: Finding[], checks: readonly CheckId[]): Finding[] {
  return findings.filter((f) => checks.includes(f.check)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Every sentence of the press release and the given FAQ parts, as a reader sees them. */
export function visibleSentences(doc: Prfaq, parts: { internal: boolean }): string[] {
  const prose = PRESS_RELEASE_SECTIONS.map((k) => doc.pressRelease[k]);
  const faq = [...doc.externalFaq, ...(parts.internal ? doc.internalFaq : [])].flatMap((q) => [q.question, q.answer]);
  return [...prose, ...faq].flatMap((t) => sentences(t));
}

/** The visible sentence that contains `needle` (a finding's evidence), else undefined. */
export function locate(visible: string[], needle: string): string | undefined {
  const n = needle.replace(/^["“]|["”]$/g, "").trim();
  if (n.length < 4) return undefined;
  // The sentence that contains the evidence; a short sentence (a heading) only counts when it is the evidence.
  return visible.find((s) => s.includes(n)) ?? visible.find((s) => s.length >= 25 && n.includes(s));
}

/** Clamps a number to a 1-5 score. */
export function score(n: number): number {
  return Math.max(1, Math.min(5, Math.round(n)));
}

/** Turns a lens result into a review: kill on any blocking objection, fund when nothing is objected to and scores are good. */
export function composeReview(input: ReviewInput, lens: LensResult, visible: string[]): Review {
  const blocking = lens.objections.filter((o) => o.blocking);
  const values = Object.values(lens.scores);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const stance: Stance = lens.stance ?? (blocking.length > 0 ? "kill" : lens.objections.length <= 1 && mean >= 3.5 ? "fund" : "undecided");
  const reactTo = stance === "fund" ? lens.anchor : (blocking[0] ?? lens.objections[0])?.quote ?? lens.anchor;
  const quote = locate(visible, reactTo) ?? visible.find((s) => s.length > 20) ?? visible[0] ?? "";
  return {
    agent: input.agent,
    role: input.role,
    round: input.round,
    version: input.version,
    stance,
    scores: lens.scores,
    summary: lens.summary(stance),
    objections: lens.objections.map(({ kind, text, basis, blocking: b }) => ({ kind, text, basis, blocking: b })),
    questions: lens.questions,
    quote,
    ...(lens.scenario ? { scenario: lens.scenario } : {}),
    ...(lens.engineering ? { engineering: lens.engineering } : {}),
  };
}
