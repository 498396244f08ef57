import type { Analysis } from "../../domain/analysis.js";
import { absoluteClaims } from "../../domain/claims.js";
import { displayDate } from "../../domain/dates.js";
import type { Finding } from "../../domain/finding.js";
import { factsOf } from "../../domain/ledger.js";
import { PRESS_RELEASE_SECTIONS, PrfaqSchema, type PressReleaseSection, type Prfaq } from "../../domain/prfaq.js";
import type { ChangeRequest } from "../../domain/review.js";
import type { DraftInput, DraftOutput } from "../contracts.js";
import { engineeringOf } from "../engineer/offline.js";
import { clause, excerpt, lowerFirst, period, sentences, upperFirst } from "../shared/text.js";

/** How the technical answer introduces the engineer's inference (and how a revision knows it is there). */
export const HARDEST = "The hardest problem:";

/** Marks an answer the brief does not give: the drafter asks instead of inventing. */
export const OPEN_QUESTION = "Open question: the brief does not say.";

/** The outcome of one requested change: a line for the transcript, or the question it leaves the author. */
type Applied = { done: string } | { open: string } | undefined;

type Ctx = { doc: Prfaq; findings: Finding[]; analysis: Analysis; createdAt: string };

const PROSE: readonly PressReleaseSection[] = PRESS_RELEASE_SECTIONS.filter((k) => k !== "heading" && k !== "dateline");

/** Adds ledger ids to what a part of the document rests on. */
function tag(doc: Prfaq, where: string, ids: string[]): void {
  doc.sources = { ...(doc.sources ?? {}), [where]: [...new Set([...(doc.sources?.[where] ?? []), ...ids])] };
}

/** The sentences of the document a finding of `check` quoted, or that make an absolute claim. */
function offending(ctx: Ctx, check: string): string[] {
  const quoted = ctx.findings.filter((f) => f.check === check && f.evidence).map((f) => clause(f.evidence.replace(/^["“]|["”]$/g, "")));
  const absolute = check === "hyperbole-instead-of-specifics" ? absoluteClaims(PROSE.flatMap((k) => sentences(ctx.doc.pressRelease[k]))).map((c) => clause(c.sentence)) : [];
  return [...new Set([...quoted, ...absolute])].filter((q) => q.length > 8);
}

/** Removes the given sentences from the press release's prose sections; returns how many went. */
function removeSentences(doc: Prfaq, targets: string[]): number {
  let removed = 0;
  for (const key of PROSE) {
    const kept = sentences(doc.pressRelease[key]).filter((s) => {
      const hit = targets.some((q) => s.includes(q) || q.includes(clause(s)));
      if (hit) removed += 1;
      return !hit;
    });
    doc.pressRelease[key] = kept.join(" ");
  }
  return removed;
}

/** The brief's figures (evidence first, then problem) that the document does not carry yet. */
function unusedFigures(ctx: Ctx): { text: string; id: string }[] {
  const text = JSON.stringify(ctx.doc.pressRelease);
  return [...factsOf(ctx.analysis.ledger, "evidence"), ...factsOf(ctx.analysis.ledger, "problem")]
    .filter((f) => /\d/.test(f.text) && !text.includes(f.text))
    .map((f) => ({ text: f.text, id: f.id }));
}

/** Each kind of change, applied to its target from the ledger alone. */
const APPLY: Record<ChangeRequest["kind"], (req: ChangeRequest, ctx: Ctx) => Applied> = {
  "add-date": (_req, ctx) => {
    if (ctx.doc.pressRelease.dateline.trim()) return undefined;
    // A hypothetical date is part of the method; it is labelled as an assumption, six months out.
    const created = new Date(ctx.createdAt);
    const y = created.getUTCFullYear() + (created.getUTCMonth() + 6 >= 12 ? 1 : 0);
    const date = displayDate(y, (created.getUTCMonth() + 6) % 12, 1);
    ctx.doc.pressRelease.dateline = `${date} (assumed launch date; the brief gives none)`;
    tag(ctx.doc, "dateline", ["assumption"]);
    return { done: `Added an assumed launch date, ${date}, marked as an assumption.` };
  },
  "fix-claim": (req, ctx) => {
    const targets = offending(ctx, req.check ?? "hyperbole-instead-of-specifics");
    const removed = removeSentences(ctx.doc, targets);
    if (removed === 0) return undefined;
    const figure = unusedFigures(ctx)[0];
    if (figure) {
      ctx.doc.pressRelease.summary = [ctx.doc.pressRelease.summary, figure.text].filter(Boolean).join(" ");
      tag(ctx.doc, "summary", [figure.id]);
      return { done: `Replaced ${removed} sentence(s) of unsupported claims with the brief's own figure: "${excerpt(figure.text, 120)}" [${figure.id}].` };
    }
    return { done: `Removed ${removed} sentence(s) of unsupported claims; the brief has no figure to put in their place.` };
  },
  "remove-text": (req, ctx) => {
    const pr = ctx.doc.pressRelease;
    if (req.target === "customerQuote" || req.check === "customer-quote-sounds-fake") {
      if (!pr.customerQuote) return undefined;
      pr.customerQuote = "";
      if (ctx.doc.sources) delete ctx.doc.sources.customerQuote;
      return { done: "Removed the generic customer quote until a real customer's before-and-after is gathered.", };
    }
    if (req.check === "press-release-length") {
      const before = JSON.stringify(pr);
      for (const key of ["problem", "solution", "howItWorks"] as const) pr[key] = sentences(pr[key]).slice(0, 4).join(" ");
      return JSON.stringify(pr) === before ? undefined : { done: "Trimmed the long press-release paragraphs to four sentences each." };
    }
    const targets = offending(ctx, req.check ?? "internal-jargon-in-pr");
    const removed = removeSentences(ctx.doc, targets);
    if (removed === 0) return undefined;
    if (req.check === "internal-jargon-in-pr") ctx.doc.internalFaq.push({ question: "What technology is behind it?", answer: targets.map(period).join(" ") });
    return { done: `Moved ${removed} sentence(s) of internal detail out of the press release${req.check === "internal-jargon-in-pr" ? " into the internal FAQ" : ""}.` };
  },
  "add-evidence": (req, ctx) => {
    if (req.target === "internalFaq" && req.question) {
      // The technical answer gains the engineer's inference from the ledger: the hardest problem and what must be true.
      const item = ctx.doc.internalFaq.find((q) => q.question === req.question);
      const eng = engineeringOf(ctx.analysis);
      const addition = [`${HARDEST} ${lowerFirst(eng.hardestProblem)}`, eng.mustBeTrue[0] ? `It must be true that ${lowerFirst(eng.mustBeTrue[0])}` : ""].filter(Boolean).join(" ");
      if (!item || item.answer.includes(HARDEST)) return undefined;
      item.answer = item.answer === OPEN_QUESTION ? addition : `${item.answer} ${addition}`;
      tag(ctx.doc, `internalFaq.${ctx.doc.internalFaq.indexOf(item)}`, eng.hardestBasis);
      return { done: `Answered "${excerpt(item.question, 80)}" with the hardest problem and what must be true [${eng.hardestBasis.join(", ")}].` };
    }
    const figure = unusedFigures(ctx)[0];
    if (!figure) return { open: `What observed result can the release cite for "${excerpt(req.change, 100)}"?` };
    const target = req.target === "problem" ? "problem" : "summary";
    ctx.doc.pressRelease[target] = [ctx.doc.pressRelease[target], figure.text].filter(Boolean).join(" ");
    tag(ctx.doc, target, [figure.id]);
    return { done: `Added the brief's own figure to the ${target}: "${excerpt(figure.text, 120)}" [${figure.id}].` };
  },
  "rewrite-section": (req, ctx) => {
    const pr = ctx.doc.pressRelease;
    if (req.target === "problem") {
      const facts = factsOf(ctx.analysis.ledger, "problem");
      const text = facts.map((f) => f.text).join(" ");
      if (!text || text === pr.problem) return { open: "What is the customer's pain today, with a figure that shows it?" };
      pr.problem = text;
      tag(ctx.doc, "problem", facts.map((f) => f.id));
      return { done: `Rewrote the problem paragraph from the brief's own pain sentences [${facts.map((f) => f.id).join(", ")}].` };
    }
    if (req.target === "subheading") {
      const rep = ctx.analysis.representative;
      const customer = factsOf(ctx.analysis.ledger, "customer").find((f) => /\d/.test(f.text));
      if (!rep && !customer) return { open: "Who exactly is the customer? Name a representative person and how many like them exist." };
      const who = rep ? `${lowerFirst(clause(rep.role))}, like ${rep.name}` : lowerFirst(clause(customer?.text ?? ""));
      const next = period(`For ${who.replace(/^for\s+/i, "")}`);
      if (next === pr.subheading) return undefined;
      pr.subheading = next;
      tag(ctx.doc, "subheading", rep ? rep.sources : customer ? [customer.id] : []);
      return { done: "Named the specific customer in the subheading." };
    }
    return { open: `${upperFirst(clause(req.change))}: the brief has nothing to rewrite it from.` };
  },
  "cut-scope": (_req, ctx) => {
    const pr = ctx.doc.pressRelease;
    const parts = sentences(pr.solution);
    if (parts.length < 2) return { open: "Which one product and one benefit is v1? The brief describes several." };
    pr.solution = parts[0] ?? "";
    ctx.doc.internalFaq.push({ question: "What is left out of v1?", answer: parts.slice(1).join(" ") });
    return { done: `Cut the solution to its first benefit; ${parts.length - 1} other sentence(s) moved to "What is left out of v1?" in the internal FAQ.` };
  },
  "answer-question": (req, ctx) => {
    const faq = [...ctx.doc.externalFaq, ...ctx.doc.internalFaq];
    const item = faq.find((q) => q.question === req.question) ?? faq.find((q) => q.answer === OPEN_QUESTION && req.question !== undefined && q.question.toLowerCase() === req.question.toLowerCase());
    if (!item) return req.question ? { open: req.question } : undefined;
    if (item.answer !== OPEN_QUESTION) return undefined;
    const answer = answerFromLedger(item.question, ctx.analysis);
    if (!answer) return { open: item.question };
    item.answer = answer.text;
    const index = ctx.doc.internalFaq.indexOf(item);
    tag(ctx.doc, index >= 0 ? `internalFaq.${index}` : `externalFaq.${ctx.doc.externalFaq.indexOf(item)}`, answer.sources);
    return { done: `Answered "${excerpt(item.question, 80)}" from the ledger [${answer.sources.join(", ")}].` };
  },
};

/** Which part of the ledger answers an FAQ question: by the question's subject, never by guessing. */
const SUBJECT: [RegExp, string[]][] = [
  [/\b(cost|price|pay|economics|margin)\b/i, ["business"]],
  [/\b(measure|success|metric)\b/i, ["metrics"]],
  [/\b(stop)\b/i, ["metrics"]],
  [/\b(risk|wrong|technical|dependenc)\b/i, ["risks"]],
  [/\b(evidence|want this|proof)\b/i, ["evidence"]],
  [/\b(who|customer|how many)\b/i, ["customer"]],
  [/\b(start|launch|when)\b/i, ["launch"]],
  [/\b(replace|today)\b/i, ["problem"]],
];

function answerFromLedger(question: string, analysis: Analysis): { text: string; sources: string[] } | undefined {
  const parts = SUBJECT.find(([re]) => re.test(question))?.[1];
  if (!parts) return undefined;
  const facts = analysis.ledger.filter((e) => e.kind === "fact" && parts.includes(e.part));
  if (facts.length === 0) return undefined;
  return { text: facts.slice(0, 3).map((f) => period(f.text)).join(" "), sources: facts.slice(0, 3).map((f) => f.id) };
}

/**
 * Applies the leader's typed changes to the previous version, each to its target and from the ledger
 * alone. A change the ledger cannot support becomes an open question for the author, never a line in
 * the document; a reviewer's own question is never pasted into it.
 */
export function reviseOffline(input: DraftInput & { previous: Prfaq }): DraftOutput {
  const doc = PrfaqSchema.parse(structuredClone(input.previous));
  const ctx: Ctx = { doc, findings: input.findings, analysis: input.analysis, createdAt: input.createdAt };
  const changes: string[] = [];
  const assumptions: string[] = [];
  const openQuestions: string[] = [];
  for (const request of input.changes) {
    const out = APPLY[request.kind](request, ctx);
    if (!out) continue;
    if ("open" in out) openQuestions.push(out.open);
    else {
      changes.push(out.done);
      if (request.kind === "add-date") assumptions.push(out.done);
    }
  }
  if (changes.length === 0) changes.push("No requested change could be made from the brief's facts; the open questions go to the author.");
  return { prfaq: doc, changes, assumptions, openQuestions: [...new Set(openQuestions)] };
}

/** What a revision would change, without keeping it: the leader asks before it iterates. */
export function wouldChange(input: DraftInput & { previous: Prfaq }): boolean {
  const next = reviseOffline(input).prfaq;
  return JSON.stringify({ ...next, sources: undefined }) !== JSON.stringify({ ...input.previous, sources: undefined });
}
