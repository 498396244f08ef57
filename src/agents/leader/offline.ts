import type { Analysis } from "../../domain/analysis.js";
import { byDecisiveness, KIND_OF_CHECK, type Argument, type Reason, type ReasonKind } from "../../domain/argument.js";
import { fmt, marketCanRepay, PAYBACK_HORIZON_MONTHS } from "../../domain/economics.js";
import { NO_ONE_IN_PARTICULAR, PAIN } from "../../domain/vocabulary.js";
import type { CheckId, Finding } from "../../domain/finding.js";
import type { Prfaq } from "../../domain/prfaq.js";
import { vetoOf, type ChangeRequest, type Decision } from "../../domain/review.js";
import type { LeaderInput, MemoDraft, MemoInput, RoundSummary } from "../contracts.js";
import { HARDEST, OPEN_QUESTION, wouldChange } from "../drafter/index.js";
import { engineeringOf } from "../engineer/offline.js";
import { readSignals } from "../shared/facts.js";
import { cite, clause, lowerFirst, sentences, upperFirst } from "../shared/text.js";

/**
 * An argument as the leader weighs it: who made it, whether a revision could answer it, and its tier:
 * 0 a computed fact (the economics model, an absolute claim the product rests on, a product built
 * without customers); 1 a flaw of the brief itself (bundled products, technology first, no one
 * specific, no pain); 2 a missing input (no price, nothing tested). Lower tiers decide first.
 */
export type Weighed = Argument & { seat: string; hard: boolean; tier: number };

/** Checks whose fix needs the author, not the drafter: the brief itself has the flaw. */
const AUTHOR_CHECKS: readonly CheckId[] = ["solution-first-thinking", "combining-ideas", "writing-pr-after-building"];
/** Kinds that are facts of the plan, not of its wording: no revision of the document answers them. */
const HARD_KINDS: readonly ReasonKind[] = ["economics", "claims", "process", "scope", "strategy", "evidence", "feasibility"];

/** The organisation's own people as a tool's users: "three of our editorial assistants", "I'm one of six pre-award officers". */
const OWN_PEOPLE = /\b(?:our|one of (?:our |the )?)\s+(?:\d[\d,]*\s+|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:[\p{L}-]+(?:ers|ors|ists|ants|ents|ians)|staff|teams?|crews?|people|colleagues|nurses|clerks|agents|foremen)\b/iu;

/** What a decisive argument of each kind is about, as the crux names it. */
const CRUX_TOPIC: Record<ReasonKind, string> = {
  customer: "who the customer is",
  problem: "the customer's problem",
  evidence: "the evidence",
  economics: "the economics",
  feasibility: "whether it can be built",
  claims: "a claim the product rests on",
  scope: "the scope",
  strategy: "the strategy",
  process: "how the decision is being made",
};

/** The internal FAQ's question on what v1 gets wrong and the hard technical problems. */
export const TECHNICAL_QUESTION = /\b(hardest technical|technical problems|v1 get wrong)\b/i;

/** What each rubric finding asks the drafter to do, typed. */
const CHANGE_FOR: Partial<Record<CheckId, Pick<ChangeRequest, "kind" | "target"> & { question?: string }>> = {
  "missing-the-date": { kind: "add-date", target: "dateline" },
  "hyperbole-instead-of-specifics": { kind: "fix-claim", target: "summary" },
  "customer-quote-sounds-fake": { kind: "remove-text", target: "customerQuote" },
  "internal-jargon-in-pr": { kind: "remove-text", target: "solution" },
  "press-release-length": { kind: "remove-text", target: "problem" },
  "vague-customer-definition": { kind: "rewrite-section", target: "subheading" },
  "missing-problem-paragraph": { kind: "rewrite-section", target: "problem" },
  "too-many-features": { kind: "cut-scope", target: "solution" },
  "no-measurable-outcome": { kind: "answer-question", target: "internalFaq", question: "How do we measure success, and by when?" },
};

/** A wish in place of a problem: "Homes could be smarter.", "Work should be easier." */
const WISH = /\b(?:could|should|would|might|can) be (?:\w+ )?(?:smarter|better|easier|faster|simpler|more \w+|improved)\b/i;
/** The brief states a problem: a problem sentence that is more than a wish, or that names a harm or a figure. */
const statesAProblem = (a: Analysis) => a.ledger.some((e) => e.kind === "fact" && e.part === "problem" && (PAIN.test(e.text) || /\d/.test(e.text) || !WISH.test(e.text)));

/**
 * The brief itself names no one in particular: its customer part opens by saying so ("Everyone who lives in a
 * home."), whoever it goes on to mention; or it has no customer part, no representative and no market it counts.
 */
function saysNoOne(analysis: Analysis, customerFacts: string[]): boolean {
  const said = analysis.ledger.filter((e) => customerFacts.includes(e.id));
  if (said.length > 0) return NO_ONE_IN_PARTICULAR.test(said[0]?.text ?? "") || said.every((e) => NO_ONE_IN_PARTICULAR.test(e.text));
  return !analysis.representative && analysis.economics.marketCustomers === null;
}

/**
 * Every argument standing after a round, most decisive first: the reviewers' objections (abstaining
 * seats say nothing), then the leader's own: no customer in the room, a critical flaw of the brief the
 * rubric found, and an idea nobody has tested. Duplicates of one kind and basis are kept once.
 */
export function standingArguments(round: RoundSummary, analysis: Analysis): Weighed[] {
  const out: Weighed[] = [];
  const computed = new Set(analysis.ledger.filter((e) => e.source === "computed" || e.kind === "claim").map((e) => e.id));
  const builtIds = new Set([...(analysis.alreadyBuilt?.sources ?? []), ...(analysis.afterTheFact?.sources ?? [])]);
  const claimIds = new Set(analysis.claims.flatMap((c) => c.sources));
  const tierOf = (a: Argument): number => {
    // Missing money inputs weigh least for a hypothesis: what it owes first is a cheap test, not a P&L.
    if (a.kind === "economics") return a.basis.some((b) => computed.has(b)) || analysis.economicsProblems.some((p) => p.text === a.text) ? 0 : analysis.stage === "hypothesis" ? 3 : 2;
    if (a.kind === "claims" && a.basis.some((b) => claimIds.has(b))) return 0;
    if (a.kind === "process" && a.basis.some((b) => builtIds.has(b))) return 0;
    if (a.kind === "evidence") return 2;
    return 1;
  };
  const voices = round.reviews.filter((r) => r.stance !== "abstain");
  for (const r of voices) {
    for (const o of r.objections) {
      const authorCheck = o.basis.some((b) => (AUTHOR_CHECKS as readonly string[]).includes(b));
      const fromLedger = o.basis.some((b) => /^L\d+$/.test(b)) || r.role !== "customer";
      out.push({ ...o, seat: r.agent, hard: authorCheck || (HARD_KINDS.includes(o.kind) && fromLedger), tier: tierOf(o) });
    }
  }
  const customers = round.reviews.filter((r) => r.role === "customer");
  const customerFacts = analysis.ledger.filter((e) => e.kind === "fact" && e.part === "customer").map((e) => e.id);
  // An empty customer seat is a gap in the meeting, not evidence against the idea: it blocks only together
  // with the rubric finding no specific customer in the document (that finding is an argument of its own below).
  // A market the economics model could count ("about 900 independent plants in the UK") is a segment one can name,
  // so a draft that failed to name it owes a better subheading, not a verdict.
  const vague = round.findings.some((f) => f.check === "vague-customer-definition") && analysis.economics.marketCustomers === null;
  if (customers.length === 0) {
    // A brief with no customer part, no representative and no market it counts names nobody: that blocks whatever the draft's subheading says.
    // An internal tool names its users as the team's own people ("three of our editorial assistants"): that is somebody.
    const nobody = customerFacts.length === 0 && saysNoOne(analysis, customerFacts) && !analysis.ledger.some((e) => e.kind === "fact" && OWN_PEOPLE.test(e.text));
    out.push({ kind: "customer", text: nobody ? "No customer could take a seat: the brief says nowhere who the customer is, names no one, and counts no market." : "No customer could take a seat: the brief names no specific customer a reviewer could speak for.", basis: customerFacts, blocking: vague || nobody, seat: "leader", hard: true, tier: 1 });
  } else if (customers.every((r) => r.stance === "abstain")) {
    out.push({ kind: "customer", text: "Every customer seated abstained: none recognised the product as meant for them.", basis: customers.map((r) => r.agent), blocking: vague, seat: "leader", hard: true, tier: 1 });
  }
  for (const f of round.findings.filter((x) => x.severity === "critical")) {
    const kind = KIND_OF_CHECK[f.check];
    const needsAuthor = AUTHOR_CHECKS.includes(f.check) || (f.check === "vague-customer-definition" && saysNoOne(analysis, customerFacts)) || (f.check === "missing-problem-paragraph" && !statesAProblem(analysis));
    if (!needsAuthor) continue;
    out.push({ kind, text: `${f.message}${f.evidence ? ` ("${clause(f.evidence)}")` : ""}`, basis: [f.check], blocking: true, seat: "rubric", hard: true, tier: 1 });
  }
  // What a hypothesis owes is a cheap test, not a P&L: untested is decisive only for a bet that is hard to reverse.
  if (analysis.stage === "hypothesis") {
    const oneWay = analysis.door === "one-way";
    out.push({
      kind: "evidence",
      text: `Nothing customers did with it has been observed${oneWay ? ", and the bet is hard to reverse" : ""}. ${analysis.stageWhy.text}`,
      basis: analysis.stageWhy.sources,
      blocking: oneWay,
      seat: "leader",
      hard: true,
      tier: 2,
    });
  }
  const seen = new Set<string>();
  // Within a tier, an argument that several seats reached independently outweighs one seat's.
  const support = new Map<string, number>();
  for (const kind of new Set(out.map((a) => a.kind))) support.set(kind, new Set(out.filter((a) => a.kind === kind && a.blocking).map((a) => a.seat)).size);
  return byDecisiveness(out)
    .sort((a, b) => Number(b.blocking) - Number(a.blocking) || a.tier - b.tier || (support.get(b.kind) ?? 0) - (support.get(a.kind) ?? 0))
    .filter((a) => {
    const key = `${a.kind}|${a.text.slice(0, 60)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The meeting's leaning: arguments, not votes. Any blocking argument standing means kill; otherwise
 * fund when at least one seat would back it. A seat that is "not yet" convinced (undecided) has said
 * what it lacks, and that is a condition on the fund, not a reason to kill.
 */
export function leaning(round: RoundSummary, analysis: Analysis): "fund" | "kill" {
  const args = standingArguments(round, analysis);
  if (args.some((a) => a.blocking)) return "kill";
  return round.reviews.some((r) => r.stance === "fund") ? "fund" : "kill";
}

/** The typed changes a revision could make, each answering a finding or an argument. */
function changeList(round: RoundSummary, args: Weighed[], doc: Prfaq | undefined): ChangeRequest[] {
  const out: Omit<ChangeRequest, "priority">[] = [];
  const seen = new Set<string>();
  const push = (c: Omit<ChangeRequest, "priority">) => {
    const key = `${c.kind}|${c.target}|${c.question ?? ""}`;
    if (!seen.has(key)) (seen.add(key), out.push(c));
  };
  const findings: Finding[] = [...round.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : b.severity === "critical" ? 1 : a.severity === "high" ? -1 : 1));
  for (const f of findings) {
    const c = CHANGE_FOR[f.check];
    if (c) push({ ...c, change: f.message, why: `rubric: ${f.check} (${f.severity})`, basis: [f.check], check: f.check });
  }
  for (const a of args.filter((x) => !x.hard)) {
    if (a.kind === "problem") push({ kind: "add-evidence", target: "problem", change: "Put the brief's figures for the pain in the problem paragraph.", why: `${a.seat}: ${a.text}`, basis: a.basis });
    if (a.kind === "evidence") push({ kind: "add-evidence", target: "summary", change: "Put the observed result in the summary.", why: `${a.seat}: ${a.text}`, basis: a.basis });
    if (a.kind === "customer") push({ kind: "rewrite-section", target: "subheading", change: "Name the specific customer.", why: `${a.seat}: ${a.text}`, basis: a.basis });
  }
  // The engineer's inference answers the internal FAQ's technical question better than the brief's risk list alone.
  const technical = doc?.internalFaq.find((q) => TECHNICAL_QUESTION.test(q.question));
  const engineer = round.reviews.find((r) => r.role === "engineer" && r.engineering);
  if (technical && engineer?.engineering && !technical.answer.includes(HARDEST)) {
    push({ kind: "add-evidence", target: "internalFaq", change: "Answer the technical question with the hardest problem and what must be true.", why: `${engineer.agent}: ${engineer.engineering.hardestProblem}`, basis: [engineer.agent], question: technical.question });
  }
  for (const q of [...(doc?.externalFaq ?? []), ...(doc?.internalFaq ?? [])].filter((x) => x.answer === OPEN_QUESTION)) {
    const target = doc?.externalFaq.includes(q) ? "externalFaq" : "internalFaq";
    push({ kind: "answer-question", target, change: `Answer "${q.question}" from the brief.`, why: "the FAQ leaves it open", basis: [], question: q.question });
  }
  return out.map((c, i) => ({ ...c, priority: Math.min(5, i + 1) }));
}

/**
 * The offline leader. Weighs arguments, not votes: a blocking argument that is a fact of
 * the plan (economics, claims the product rests on, an untested idea, bundled products, a product
 * already built) ends the meeting at once, since no draft can change it. Otherwise it asks for the
 * typed changes a revision can actually make from the ledger, and concludes when none would change
 * the document. Never funds a first draft that could still be improved.
 */
export function decideOffline(input: LeaderInput): Decision {
  const latest = input.history.at(-1);
  if (!latest) throw new Error("the leader decides after a round of reviews");
  const args = standingArguments(latest, input.analysis);
  const lean = leaning(latest, input.analysis);
  const hard = args.filter((a) => a.blocking && a.hard);
  const doc = input.prfaq;
  // Only changes that would change the document are asked for; the rest are the author's to answer.
  const candidates = changeList(latest, args, doc);
  const changes = doc
    ? candidates.filter((c) => wouldChange({ facts: input.facts, version: latest.version + 1, previous: doc, changes: [c], findings: latest.findings, createdAt: input.createdAt, analysis: input.analysis })).slice(0, 5).map((c, i) => ({ ...c, priority: i + 1 }))
    : [];
  let why: string;
  let conclude = true;
  if (input.budgetExhausted) why = "The token budget is spent; concluding with what the meeting has.";
  else if (input.round >= input.rounds) why = `Round ${input.round} of ${input.rounds} was the last.`;
  else if (hard.length > 0) why = `${upperFirst(hard[0]?.kind ?? "")} decides it: ${lowerFirst(clause(sentences(hard[0]?.text ?? "")[0] ?? ""))}${cite(hard[0]?.basis ?? [])}. That is a fact of the plan, not of its wording, so another draft cannot change it.`;
  else if (changes.length === 0) why = `No change the brief's facts support would alter version ${latest.version}; what is left needs the author.`;
  else {
    conclude = false;
    why = `Version ${latest.version} can be improved from the ledger: ${changes.map((c) => `${c.kind} (${c.target})`).join(", ")}.`;
  }
  return { round: input.round, action: conclude ? "conclude" : "iterate", leaning: lean, rationale: why, changes: conclude ? [] : changes };
}

/**
 * Which money problem decides: a loss first, then a market too small, a tool worth less than its build, a
 * target that never repays the build, then a goal beyond the market; a loss (or none) asks for a price test.
 */
function economicsCase(a: Analysis): "loss" | "market" | "value" | "payback" | "goal" {
  const kinds = new Set(a.economicsProblems.map((p) => p.kind));
  if (kinds.has("loss") || kinds.has("no-revenue")) return "loss";
  for (const k of ["market", "value", "payback", "goal"] as const) if (kinds.has(k)) return k;
  return "loss";
}

/** What would have to be true to overturn a reason of each kind: the inverse, stated as a test. */
const OVERTURN: Record<ReasonKind, (a: Analysis) => string> = {
  economics: (a) => {
    const e = a.economics;
    const m = (n: number) => fmt(n, e.currency);
    switch (economicsCase(a)) {
      case "market":
        return `A build the whole market can repay: at most ${m(marketCanRepay(e) ?? 0)} of engineering (every one of the ${(e.marketCustomers ?? 0).toLocaleString("en-US")} customers for ${PAYBACK_HORIZON_MONTHS} months), or a larger market counted bottom-up.`;
      case "goal":
        return `A revenue goal inside the market it is counted from (${m(e.tamPerYear ?? 0)} a year if every customer bought), and a build that goal repays.`;
      case "value":
        return `Hours saved worth more than the build (${m(e.buildCost ?? 0)}) within ${PAYBACK_HORIZON_MONTHS / 12} years, measured on the job, or a build small enough for the ${m(e.valuePerYear ?? 0)} a year it returns.`;
      case "payback":
        return `A build the target repays within ${PAYBACK_HORIZON_MONTHS / 12} years: at least ${(e.breakEvenCustomers ?? 0).toLocaleString("en-US")} paying customers, or a smaller build.`;
      default:
        return `A price above the cost to serve${e.costToServePerMonth !== null ? ` (${m(e.costToServePerMonth)} a customer a month)` : ""} that customers accept, and a market large enough to repay the build.`;
    }
  },
  claims: () => "The absolute claims restated as measured rates, with what happens when the product is wrong.",
  process: () => "Customers using what was built, observed, before any launch is decided.",
  scope: () => "One product for one customer with one benefit, in its own PR/FAQ.",
  strategy: () => "A customer problem found first, with evidence, that this technology solves better than what they do today.",
  customer: () => "A named, specific customer: who they are, how many exist, and one representative person.",
  problem: () => "The customer's pain today, with a figure that shows it.",
  feasibility: () => "A working version of the hardest step.",
  evidence: () => "Something customers did with it, observed: a pilot, a concierge trial, pre-orders.",
};

/** The cheapest experiment that could settle it, by the kind of reason that decides. */
const NEXT_TEST: Record<ReasonKind, (a: Analysis, who: string) => string> = {
  economics: (a, who) => {
    switch (economicsCase(a)) {
      case "market":
        return `Scope the smallest version the whole market can repay (at most ${fmt(marketCanRepay(a.economics) ?? 0, a.economics.currency)} of engineering) and walk five ${who} through it; stop if it cannot be built for that or they would not pay for it.`;
      case "goal":
        return `Count the market bottom-up again and restate the goal inside it; stop if no goal the market allows repays the build.`;
      case "value":
        return `Time the job with five of the people it is for over two weeks; stop if the hours it would save are worth less than the build over ${PAYBACK_HORIZON_MONTHS / 12} years.`;
      case "payback":
        return `Sell it by hand to ten ${who} before building; stop if the orders do not point to ${(a.economics.breakEvenCustomers ?? 0).toLocaleString("en-US")} paying customers within ${PAYBACK_HORIZON_MONTHS / 12} years.`;
      default:
        return `Quote ${who} a price above the cost to serve${a.economics.costToServePerMonth !== null ? ` (${fmt(a.economics.costToServePerMonth, a.economics.currency)} a month)` : ""} in ten sales conversations; kill it for good if fewer than three accept.`;
    }
  },
  claims: () => "Run it on 100 real cases and publish the measured error rate; restate the promise from that number or stop.",
  process: (_a, who) => `Put what was built in front of five ${who} for two weeks and watch whether they use it twice; decide after.`,
  scope: (_a, who) => `Write the PR/FAQ for the one product ${who} need most and interview five of them; drop the rest.`,
  strategy: (_a, who) => `Interview ten ${who} about their week without mentioning the technology; stop if fewer than three name the problem unprompted.`,
  customer: () => "Name one representative customer and interview five people like them this month; stop if they do not share the problem.",
  problem: (_a, who) => `Interview five ${who}; stop if fewer than three describe the pain unprompted.`,
  feasibility: () => "Build the hardest step alone, as a two-week spike, on one customer's real data.",
  evidence: (_a, who) => `A two-week concierge test, done by hand, with five ${who}; stop if fewer than three use it twice.`,
};

function customerWord(input: MemoInput): string {
  const rep = input.analysis.representative;
  const noun = /\b(?:at|of|for)\s+(?:[\w-]+\s+){0,3}?(\w+s)\b/.exec(input.facts.customer)?.[1];
  return noun ?? (rep ? "customers like them" : "target customers");
}

/** One-line key for de-duplication across the memo's sections. */
const key = (t: string) => t.toLowerCase().replace(/\[[^\]]*\]/g, "").replace(/[^a-z0-9]+/g, " ").trim().slice(0, 80);

/**
 * The offline memo: a decision document. Reasons are arguments with their basis, most decisive first;
 * the crux is the one sentence the decision turns on; kill criteria, the next test and what would
 * change it are computed from the analysis; nothing repeats across sections.
 */
export function writeMemoOffline(input: MemoInput): MemoDraft {
  const last = input.history.at(-1);
  if (!last) throw new Error("a memo needs at least one round");
  const a = input.analysis;
  const e = a.economics;
  const m = (n: number) => fmt(n, e.currency);
  const lean = input.decisions.at(-1)?.leaning ?? leaning(last, a);
  // The bar raiser's veto stops a fund: its blocking objections come first, the meeting's own arguments after.
  const veto = vetoOf(input.finalReads);
  const decision = lean === "fund" && veto ? "kill" : lean;
  const vetoArgs: Weighed[] = decision !== lean && veto ? veto.objections.filter((o) => o.blocking).map((o) => ({ ...o, seat: veto.agent, hard: true, tier: 0 })) : [];
  const args = [...vetoArgs, ...standingArguments(last, a)];
  const signals = readSignals(input.facts, a);
  const eng = engineeringOf(a);
  const who = customerWord(input);
  const line = (label: string) => e.lines.find((l) => l.label === label);

  let reasons: Reason[];
  if (decision === "kill") {
    const blocking = args.filter((x) => x.blocking);
    const byKind = new Map<ReasonKind, Weighed>();
    for (const x of blocking.length > 0 ? blocking : args) if (!byKind.has(x.kind)) byKind.set(x.kind, x);
    reasons = [...byKind.values()].slice(0, 5).map(({ kind, text, basis }) => ({ kind, text, basis }));
  } else {
    const rep = a.representative;
    const trial = a.stage !== "hypothesis" ? a.stageWhy : undefined;
    const backer = last.reviews.find((r) => r.role === "customer" && r.stance === "fund");
    const candidates: (Reason | undefined)[] = [
      trial ? { kind: "evidence" as const, text: trial.text, basis: trial.sources } : undefined,
      rep ? { kind: "customer" as const, text: `A specific customer: ${rep.name}, ${clause(rep.role)}${e.marketCustomers !== null ? `, one of ${e.marketCustomers.toLocaleString("en-US")} the brief counts` : ""}.`, basis: [...rep.sources, ...(line("customers in the market")?.sources ?? [])] } : undefined,
      e.grossMarginPct !== null || e.valuePerYear !== null
        ? { kind: "economics" as const, text: e.grossMarginPct !== null ? `The unit economics work: ${e.grossMarginPct}% gross margin${e.tamPerYear !== null ? `, a market of ${m(e.tamPerYear)} a year` : ""}${e.targetRevenuePerYear !== null ? `, ${m(e.targetRevenuePerYear)} a year at the target` : ""}.` : `It repays itself: ${m(e.valuePerYear ?? 0)} a year of time saved${e.buildCost !== null ? ` against a build of ${m(e.buildCost)}` : ""}.`, basis: [...(line("gross margin %")?.sources ?? []), ...(line("value per year")?.sources ?? [])] }
        : undefined,
      // "Joanne: I would switch. ..." reads in the memo as "Joanne would switch. ...", in the seat's own words.
      backer ? { kind: "customer" as const, text: `${clause(backer.summary.replace(/^([^:]{1,80}):\s*I would switch\.?\s*/, "$1 would switch. "))}.`, basis: [backer.agent] } : undefined,
      { kind: "feasibility" as const, text: `The hard part is known and bounded: ${lowerFirst(eng.hardestProblem)}`, basis: eng.hardestBasis },
    ];
    reasons = candidates.filter((x): x is Reason => x !== undefined);
  }
  if (reasons.length === 0) reasons = [{ kind: "evidence", text: "Nobody in the room would back it, and nothing observed argues for it.", basis: [] }];

  const top = reasons[0];
  const topSentence = clause(sentences(top?.text ?? "")[0] ?? "");
  const crux =
    decision === "kill"
      ? `It turns on ${CRUX_TOPIC[top?.kind ?? "evidence"]}: ${lowerFirst(topSentence)}${cite((top?.basis ?? []).filter((b) => /^L\d+$/.test(b)))}, and that is a fact of the plan, not of its wording.`
      : `It turns on whether ${lowerFirst(clause(eng.mustBeTrue[0] ?? "the trial's result holds beyond the trial"))}; ${a.stage === "growth" ? "paying customers" : "the trial"}${e.grossMarginPct !== null ? ` and ${/^(8|11|18)(\D|$)/.test(String(Math.trunc(e.grossMarginPct))) || /^8/.test(String(e.grossMarginPct)) ? "an" : "a"} ${e.grossMarginPct}% margin` : ""} say it can.`;
  const killCriteria =
    decision === "fund"
      ? [
          signals.metric ? `Stop if the success measure is missed: ${lowerFirst(clause(signals.metric))}.` : "",
          e.grossMarginPct !== null ? `Stop if gross margin falls below ${Math.max(0, Math.round(e.grossMarginPct / 2))}% (it is ${e.grossMarginPct}% now).` : "",
          e.breakEvenCustomers !== null ? `Stop if fewer than ${e.breakEvenCustomers} customers pay by month 36: that many repay the build.` : "",
          a.stage === "validated" ? "Stop if the next three customers do not reproduce the trial's result within 60 days." : "",
          // A tool with no price answers to the return it promises and the build it must repay.
          e.valuePerYear !== null && e.pricePerMonth === null ? `Stop if the time saved after 90 days is worth less than half the stated return (${fmt(e.valuePerYear / 2, e.currency)} a year).` : "",
          e.paybackMonths !== null && e.pricePerMonth === null ? `Stop if the build is not repaid within ${Math.max(12, Math.ceil(e.paybackMonths * 2))} months (${e.paybackMonths} months at the stated return).` : "",
        ].filter(Boolean)
      : [];
  // A fund the brief gives no number to hold it to still gets one: the method's cheapest stop, use by the first customers.
  if (decision === "fund" && killCriteria.length === 0) killCriteria.push(`Stop if fewer than 5 of the first 10 ${who} use it every week after eight weeks: the brief states no success measure to hold it to.`);
  const nextTest = decision === "kill" ? NEXT_TEST[top?.kind ?? "evidence"](a, who) : `Before building, test what it rests on: ${lowerFirst(clause(eng.mustBeTrue[0] ?? "the trial's result"))}, with three new ${who}; stop if it fails for two.`;
  const used = new Set<string>([...reasons.map((r) => key(r.text)), key(crux)]);
  const fresh = (items: string[], max: number) => {
    const out: string[] = [];
    for (const item of items) {
      const k = key(item);
      if (!item.trim() || used.has(k)) continue;
      used.add(k);
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  };
  const whatWouldChange = decision === "kill" ? fresh(reasons.map((r) => OVERTURN[r.kind](a)), 5) : [];
  const conditions = decision === "fund" ? fresh([...last.findings.filter((f) => f.severity !== "medium").map((f) => f.message)], 3) : [];
  const risks = fresh([eng.hardestProblem, ...eng.dependencies, ...eng.oneWayDoors, ...eng.claimsChallenged], 5);
  const openQuestions = fresh(
    [...input.finalPrfaq.externalFaq, ...input.finalPrfaq.internalFaq].filter((q) => q.answer === OPEN_QUESTION).map((q) => q.question).concat(last.reviews.flatMap((r) => r.questions)),
    8,
  );
  const customers = last.reviews.filter((r) => r.role === "customer" && r.stance !== "abstain");
  const agree = last.reviews.filter((r) => r.stance === decision).length;
  const voices = Math.max(1, last.reviews.filter((r) => r.stance !== "abstain").length);
  const hard = args.filter((x) => x.blocking && x.hard).length;
  const confidence =
    decision === "kill"
      ? Math.min(0.95, 0.6 + 0.1 * Math.min(3, hard) + (a.economicsProblems.length > 0 ? 0.05 : 0))
      : Math.min(0.9, 0.5 + 0.3 * (agree / voices) + (a.stage === "growth" ? 0.1 : 0.05) + (customers.some((r) => r.stance === "fund") ? 0.05 : 0));
  const buildTest = {
    whyUs: citedFact(a, /\b(we|our)\s+(already\s+)?(have|own|run|serve|built|know|hold)\b|\bour (data|customers|access|network|team|relationships?)\b/i) ?? "The brief does not say why this team is the one to build it.",
    whyNow: citedFact(a, /\b(now that|(?:is|are|has|have|can) now|newly|recent(ly)?|since \d{4}|changed|new (law|rule|regulation|requirement)|deadline|no longer)\b/i) ?? "The brief does not say why now.",
    giveUp: e.buildCost !== null ? `${m(e.buildCost)} of engineering (${line("build cost")?.formula ?? ""})${cite(line("build cost")?.sources ?? [])}, and whatever else that team would build.` : "The brief states no build effort, so what the team gives up cannot be weighed.",
  };
  const product = input.facts.title.split(/\s*[:–—|]\s*/)[0] ?? input.facts.title;
  return {
    decision,
    confidence: Math.round(confidence * 100) / 100,
    headline:
      decision === "fund"
        ? `Fund ${product}: ${a.stage === "growth" ? "customers already pay" : a.stage === "validated" ? "customers have used it" : "a cheap test first"}${e.grossMarginPct !== null ? `, and the numbers hold (${e.grossMarginPct}% gross margin)` : e.valuePerYear !== null ? `, and it repays itself (${m(e.valuePerYear)} a year)` : ""}.`
        : `Kill ${product} as it stands: ${lowerFirst(topSentence)}.`,
    crux,
    reasons,
    buildTest,
    conditions,
    killCriteria,
    nextTest,
    whatWouldChange,
    risks,
    openQuestions,
    stances: [...last.reviews, ...input.finalReads].map((r) => ({ agent: r.agent, stance: r.stance, rationale: r.summary })),
  };
}

/** The first brief sentence matching `re`, with its ledger id. */
function citedFact(a: Analysis, re: RegExp): string | undefined {
  const f = a.ledger.find((x) => x.kind === "fact" && x.source !== "computed" && re.test(x.text));
  return f ? `${f.text}${cite([f.id])}` : undefined;
}

