import { SEVERITY_RANK, type Finding } from "../../domain/finding.js";
import type { Prfaq } from "../../domain/prfaq.js";
import type { ChangeRequest, Decision, Review } from "../../domain/review.js";
import type { LeaderInput, MemoDraft, MemoInput, RoundSummary } from "../contracts.js";
import { FAQ_REQUEST, FIXABLE_CHECKS, OPEN_QUESTION } from "../drafter/index.js";
import { readSignals } from "../shared/facts.js";
import { excerpt, sentences } from "../shared/text.js";

/** Where a check's fix goes in the document. */
const SECTION_OF: Partial<Record<Finding["check"], string>> = {
  "missing-the-date": "dateline",
  "vague-customer-definition": "subheading / customer",
  "missing-problem-paragraph": "problem",
  "customer-quote-sounds-fake": "customer quote",
  "faq-avoids-hard-questions": "internal FAQ",
  "faq-too-short": "FAQ",
  "no-measurable-outcome": "internal FAQ: success measure",
};

type Tally = { fund: number; kill: number; undecided: number; total: number };

function tally(reviews: Review[]): Tally {
  const t = { fund: 0, kill: 0, undecided: 0, total: reviews.length };
  for (const r of reviews) t[r.stance] += 1;
  return t;
}

/** Findings a revision cannot fix: they need facts from the author. */
function unfixable(findings: Finding[]): Finding[] {
  return findings.filter((f) => !FIXABLE_CHECKS.includes(f.check));
}

/**
 * The meeting's leaning after a round: fund only with a majority for, no critical finding, a good score,
 * and neither internal reviewer against: customers cannot outvote a plan that cannot be built or that
 * loses money on every sale.
 */
export function leaning(round: RoundSummary): "fund" | "kill" {
  const t = tally(round.reviews);
  const critical = round.findings.some((f) => f.severity === "critical");
  const vetoed = round.reviews.some((r) => r.role !== "customer" && r.stance === "kill");
  return t.fund > t.kill && t.fund * 2 >= t.total && !critical && !vetoed && round.score >= 70 ? "fund" : "kill";
}

/**
 * The offline leader (bar raiser). Concludes early in either direction: kill when the remaining
 * critical findings need facts only the author has and the room is against it; fund (never a first
 * draft) when the room is for it and the rubric is clean enough. Otherwise iterates with at most five
 * prioritised changes.
 */
export function decideOffline(input: LeaderInput): Decision {
  const latest = input.history.at(-1);
  if (!latest) throw new Error("the leader decides after a round of reviews");
  const t = tally(latest.reviews);
  const lean = leaning(latest);
  const fatal = unfixable(latest.findings).filter((f) => f.severity === "critical");
  const changes = changeList(latest, input.prfaq);
  const previous = input.history.at(-2);
  const stalled = previous !== undefined && latest.score <= previous.score;
  let conclude = false;
  let why: string;
  if (input.budgetExhausted) {
    conclude = true;
    why = "The token budget is spent; concluding with what the meeting has.";
  } else if (input.round >= input.rounds) {
    conclude = true;
    why = `Round ${input.round} of ${input.rounds} was the last.`;
  } else if (fatal.length > 0 && t.kill * 2 >= t.total) {
    conclude = true;
    why = `${fatal.length} critical finding(s) need facts the brief does not have (${fatal.map((f) => f.check).join(", ")}), and ${t.kill} of ${t.total} reviewers would kill it; another draft cannot fix that.`;
  } else if (lean === "fund" && latest.version > 1 && t.kill === 0) {
    conclude = true;
    why = `${t.fund} of ${t.total} reviewers would fund version ${latest.version}, nobody would kill it, and the rubric scores it ${latest.score}.`;
  } else if (stalled && changes.every((c) => !c.check || !FIXABLE_CHECKS.includes(c.check))) {
    conclude = true;
    why = `The last revision did not move the score (${previous.score} → ${latest.score}) and what is left needs the author.`;
  } else {
    why = `Version ${latest.version} scores ${latest.score} with ${t.fund} fund, ${t.kill} kill, ${t.undecided} undecided; another revision can address ${changes.length} change(s).`;
  }
  return {
    round: input.round,
    action: conclude ? "conclude" : "iterate",
    leaning: lean,
    rationale: why,
    changes: conclude ? [] : changes,
  };
}

/** At most five changes: rubric findings by severity, then the blocking objections no finding covers. */
function changeList(round: RoundSummary, doc: Prfaq | undefined): ChangeRequest[] {
  const seen = new Set<string>();
  const fromFindings = [...round.findings]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .filter((f) => (seen.has(f.check) ? false : (seen.add(f.check), true)))
    .map((f) => ({
      section: SECTION_OF[f.check] ?? "press release",
      change: f.message,
      why: `rubric: ${f.check} (${f.severity})${f.evidence ? ` on "${excerpt(f.evidence, 80)}"` : ""}`,
      check: f.check,
    }));
  const fromReviews = round.reviews
    .filter((r) => r.stance === "kill")
    .flatMap((r) => r.objections.slice(0, 1).map((o) => ({ section: "whole document", change: o, why: `${r.agent} would kill it` })));
  // Room left: the reviewers' questions go to the FAQ, so the next version answers what the room asked.
  const inFaq = new Set([...(doc?.externalFaq ?? []), ...(doc?.internalFaq ?? [])].map((q) => q.question.toLowerCase()));
  const asked = [...new Set(round.reviews.flatMap((r) => r.questions))].filter((q) => !inFaq.has(q.toLowerCase())).map((q) => ({
    section: "internal FAQ",
    change: `${FAQ_REQUEST}${q}`,
    why: `asked by ${round.reviews.filter((r) => r.questions.includes(q)).map((r) => r.agent).join(", ")}`,
  }));
  return [...fromFindings, ...fromReviews, ...asked].slice(0, 5).map((c, i) => ({ ...c, priority: i + 1 }));
}

/** The offline memo: every line is taken from the reviews, the findings and the brief. */
export function writeMemoOffline(input: MemoInput): MemoDraft {
  const last = input.history.at(-1);
  if (!last) throw new Error("a memo needs at least one round");
  const decision = input.decisions.at(-1)?.leaning ?? leaning(last);
  const t = tally(last.reviews);
  const agree = decision === "fund" ? t.fund : t.kill;
  const confidence = Math.round(Math.min(0.95, 0.5 + 0.45 * (agree / Math.max(1, t.total)) * (decision === "fund" ? last.score / 100 : 1 - last.score / 200)) * 100) / 100;
  const signals = readSignals(input.facts);
  const critical = last.findings.filter((f) => f.severity === "critical");
  const killers = last.reviews.filter((r) => r.stance === "kill");
  const vetoes = killers.filter((r) => r.role !== "customer").map((r) => r.role);
  const reasons =
    decision === "fund"
      ? [
          `${t.fund} of ${t.total} reviewers would fund version ${input.finalVersion}; the rubric scores it ${last.score}/100.`,
          ...[signals.customerIsSpecific ? `A specific customer: ${excerpt(sentences(input.facts.customer)[0] ?? "", 140)}` : undefined,
            input.facts.evidence ? `Observed evidence: ${excerpt(sentences(input.facts.evidence)[0] ?? "", 140)}` : undefined,
            signals.price ? `A price: ${excerpt(signals.price, 100)}` : undefined].filter((x): x is string => x !== undefined),
        ]
      : [...critical.map((f) => `${f.message} ("${excerpt(f.evidence, 80)}")`), ...groupedObjections(killers, critical)];
  if (reasons.length === 0) reasons.push(`The rubric scores the final version ${last.score}/100 and the reviewers did not back it (${t.fund} fund of ${t.total}).`);
  const openQuestions = [...input.finalPrfaq.externalFaq, ...input.finalPrfaq.internalFaq]
    .filter((q) => q.answer === OPEN_QUESTION)
    .map((q) => q.question);
  const remaining = last.findings.map((f) => `${f.check}: ${f.message}`);
  return {
    decision,
    confidence,
    headline:
      decision === "fund"
        ? `Fund ${input.facts.title}: ${t.fund} of ${t.total} reviewers back version ${input.finalVersion} (score ${last.score}).`
        : `Kill ${input.facts.title} as written: ${[
            critical.length > 0 ? `${critical.length} critical finding(s)` : undefined,
            `${t.kill} of ${t.total} reviewers against${vetoes.length > 0 ? ` (${vetoes.join(" and ")} would not back it)` : ""}`,
          ].filter(Boolean).join(", ")} (score ${last.score}).`,
    reasons: reasons.slice(0, 6),
    conditions: decision === "fund" ? [...(signals.metric ? [`Hold the team to its success measure: ${signals.metric}`] : []), ...remaining].slice(0, 5) : [],
    // The inverse of the reasons: the facts the author must bring, what the engineer or finance would need
    // to withdraw their objection, then the questions of those who would kill it.
    whatWouldChange:
      decision === "kill"
        ? [
            ...unfixable(last.findings).map((f) => f.message),
            ...killers.filter((r) => r.role !== "customer").flatMap((r) => r.objections.slice(0, 1).map((o) => `${r.role}: ${o}`)),
            ...killers.flatMap((r) => r.questions.slice(0, 1)),
          ].slice(0, 6)
        : [],
    risks: [...sentences(input.facts.risks), ...last.reviews.filter((r) => r.role === "engineer").flatMap((r) => r.objections)].slice(0, 6),
    openQuestions: [...new Set([...openQuestions, ...last.reviews.flatMap((r) => r.questions)])].slice(0, 8),
    stances: last.reviews.map((r) => ({ agent: r.agent, stance: r.stance, rationale: r.summary })),
  };
}

/**
 * Each distinct first objection of the reviewers who would kill, once, with every agent who raised it;
 * objections that only repeat a critical finding already listed are left out.
 */
function groupedObjections(killers: Review[], critical: Finding[]): string[] {
  const byText = new Map<string, string[]>();
  for (const r of killers) {
    const objection = r.objections[0] ?? r.summary;
    if (critical.some((f) => objection.startsWith(f.message))) continue;
    byText.set(objection, [...(byText.get(objection) ?? []), r.agent]);
  }
  return [...byText].map(([objection, agents]) => `${agents.join(", ")}: ${excerpt(objection, 180)}`);
}
