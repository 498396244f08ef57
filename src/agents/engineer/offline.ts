import type { Analysis } from "../../domain/analysis.js";
import { KIND_OF_CHECK } from "../../domain/argument.js";
import type { LedgerEntry } from "../../domain/ledger.js";
import type { Engineering, Review } from "../../domain/review.js";
import type { InternalReviewInput } from "../contracts.js";
import { composeReview, findingsOf, score, visibleSentences, type Objection } from "../shared/lens.js";
import { cite, clause, firstSentence, lowerFirst, wholeSentence } from "../shared/text.js";

const ENGINEER_BLOCKING = ["solution-first-thinking", "combining-ideas", "too-many-features", "writing-pr-after-building"] as const;
const ENGINEER_CONCERNS = ["internal-jargon-in-pr", "press-release-length"] as const;

/** What the product must connect to: another system, a device, a data feed or an approval. */
const SYSTEM = /\b((?:scheduling|practice management|property management|warehouse management|point[- ]of[- ]sale|till|billing|accounting|inventory|dispatch|booking|payroll|ehr|emr|crm|erp|climate|building management|gps|telematics|pharmacy|lab|records?|case management|ticketing|banking|payment)\s+(?:systems?|software|data|units?|computers?|feeds?|platforms?)|(?:data|live|price|product|api|rss|xml)\s+feeds?|(?:system|software|computer|api|apis|integration|devices?|sensors?|hardware)s?)\b/i;
/** A prediction or judgement the product makes for the customer: quality on their data is the risk. */
const JUDGEMENT = /\b(predict\w*|forecast\w*|recommend\w*|ranks?|ranking|matches|matching|detects?|flags?|classif\w*|scores?|estimates?|proposes?|suggests?|reads?|recogni[sz]\w*|ai\b|model|learns?)\b/i;
/** Something people must do differently for it to work. */
const BEHAVIOUR = /\b(tap|taps|approve|approves|reply|replies|respond|confirm|sign up|opt in|consent|scan|check in|install|carry|wear|log|enter|text back|accept)\b/i;
const APPROVAL = /\b(approval|clearance|certif\w*|licen[cs]\w*|regulat\w*|consent|hipaa|gdpr|faa|fda|permit)\b/i;
/** Proper names in a list: the systems and partners the brief depends on ("Dentrix and Eaglesoft", "(Opera, Mews)"). */
const NAME = String.raw`(?:[A-Z][A-Za-z0-9]+|[a-z]+[A-Z][A-Za-z0-9]*)`;
const NAMED = new RegExp(String.raw`\b${NAME}(?:\s${NAME})?(?:,\s*|\s+(?:and|or)\s+)${NAME}(?:(?:,\s*|\s+(?:and|or)\s+)${NAME})*`);

function first<T>(xs: T[]): T | undefined {
  return xs[0];
}

/**
 * The engineer's structured judgement, inferred from the ledger: the hardest unsolved problem (what
 * the core promise depends on that the team does not control), what must be true, one-way doors,
 * dependencies, and the claims it does not accept. Every line cites the ledger entries it rests on.
 */
export function engineeringOf(analysis: Analysis): Engineering & { basis: string[]; hardestBasis: string[] } {
  const facts = analysis.ledger.filter((e) => e.kind === "fact");
  const solution = facts.filter((e) => e.part === "solution" || e.part === "other");
  const risks = facts.filter((e) => e.part === "risks");
  const launch = facts.filter((e) => e.part === "launch");
  // What the product connects to: said in the solution, or in the risks the brief names.
  const system = first([...solution, ...risks].filter((e) => SYSTEM.test(e.text)));
  const named = first([...risks, ...solution, ...launch].filter((e) => NAMED.test(e.text) && (SYSTEM.test(e.text) || /\b(integrat\w*|differ\w*|expose\w*|export\w*|vary|varies|on|with|for)\b/i.test(e.text))));
  const judgement = first(solution.filter((e) => JUDGEMENT.test(e.text)));
  const behaviour = first([...solution, ...risks].filter((e) => BEHAVIOUR.test(e.text)));
  const approval = first([...risks, ...solution, ...launch].filter((e) => /\b(approval|clearance|certif\w*|faa|fda|licen[cs]\w*)\b/i.test(e.text) && !/\b(approval queue|approves?|one tap)\b/i.test(e.text)));
  const trial = first(facts.filter((e) => e.part === "evidence" && /\d/.test(e.text)));
  const words = (e: LedgerEntry | undefined, re: RegExp) => (e ? re.exec(e.text)?.[0] ?? "" : "");

  let hardestProblem: string;
  let hardestBasis: string[];
  if (approval) {
    hardestProblem = `Getting the ${words(approval, APPROVAL).toLowerCase()} the launch depends on: it is outside the team's control and sets the date${cite([approval.id])}.`;
    hardestBasis = [approval.id];
  } else if (system && named) {
    hardestProblem = `Working with the systems customers already run (${NAMED.exec(named.text)?.[0] ?? "more than one"}): each exposes its data its own way, so each integration is its own project${cite([...new Set([system.id, named.id])])}.`;
    hardestBasis = [system.id, named.id];
  } else if (judgement && analysis.maturity !== "prototype" && analysis.maturity !== "shipped") {
    hardestProblem = `Whether the product's judgement ("${clause(words(judgement, JUDGEMENT))}") is good enough on customers' own data: nothing built has measured it yet${cite([judgement.id])}.`;
    hardestBasis = [judgement.id];
  } else if (system) {
    hardestProblem = `Getting access to ${words(system, SYSTEM).toLowerCase()} in each customer's setup${cite([system.id])}: the product does nothing until that data flows.`;
    hardestBasis = [system.id];
  } else if (behaviour) {
    hardestProblem = `People changing what they do ("${words(behaviour, BEHAVIOUR)}"): the product only works if they do it every time${cite([behaviour.id])}.`;
    hardestBasis = [behaviour.id];
  } else if (judgement) {
    hardestProblem = `Keeping the quality the trial showed as customers and their data vary${cite([judgement.id, ...(trial ? [trial.id] : [])])}.`;
    hardestBasis = [judgement.id];
  } else {
    hardestProblem = solution[0]
      ? `The brief does not say how the core step works ("${wholeSentence(clause(solution[0].text), 120)}"), so the hard part is still unnamed${cite([solution[0].id])}.`
      : "There is no description of how the product works, so the hard part cannot even be named.";
    hardestBasis = solution[0] ? [solution[0].id] : [];
  }

  const mustBeTrue = [
    system ? `Each customer's ${words(system, SYSTEM).toLowerCase()} can give a third party the data the product needs, at an acceptable cost${cite([system.id])}.` : "",
    trial ? `The trial's result holds beyond the trial's own customers${cite([trial.id])}.` : "Customers act on what it produces, which nothing observed shows yet.",
    behaviour ? `The people involved do "${words(behaviour, BEHAVIOUR)}" without being chased${cite([behaviour.id])}.` : "",
  ].filter(Boolean);
  const oneWayDoors = analysis.door === "one-way" ? [`${analysis.doorWhy.text}${cite(analysis.doorWhy.sources)}`] : [];
  const dependencies = [system, named, approval].filter((e): e is LedgerEntry => e !== undefined).map((e) => `${wholeSentence(clause(e.text), 160)}${cite([e.id])}`);
  const claimsChallenged = analysis.claims.map(
    (c) => `"${c.phrase}"${cite(c.sources)}: no product ${/data/i.test(c.phrase) ? "learns without data" : /cost/i.test(c.phrase) ? "runs at zero cost" : "is perfect"}; the document must say what the real rate is and what happens when it is wrong.`,
  );
  return { hardestProblem, mustBeTrue: [...new Set(mustBeTrue)], oneWayDoors, dependencies: [...new Set(dependencies)], claimsChallenged, basis: [...new Set([...hardestBasis])], hardestBasis };
}

/**
 * The offline skeptical engineer: finds the hard problem instead of echoing the brief's risk list,
 * challenges absolute claims, tells a paper mock-up from a working prototype from a shipped product,
 * and blocks on what cannot be built or should not be (bundled products, a technology looking for a
 * problem, a product already built and decided).
 */
export function reviewAsEngineerOffline(input: InternalReviewInput): Review {
  const doc = input.prfaq;
  const a = input.analysis;
  const visible = visibleSentences(doc, { internal: true });
  const eng = engineeringOf(a);
  const objections: Objection[] = findingsOf(input.findings, ENGINEER_BLOCKING).map((f) => ({
    kind: KIND_OF_CHECK[f.check],
    text: `${f.message} ("${wholeSentence(f.evidence, 160)}")`,
    blocking: f.severity === "critical" || f.check === "combining-ideas",
    basis: [f.check],
    quote: f.evidence,
  }));
  for (const c of a.claims) {
    objections.push({ kind: "claims", text: `The product rests on an absolute claim, "${c.phrase}": no product keeps it, and the plan has nothing behind it if it does not hold.`, basis: c.sources, blocking: c.blocking, quote: c.text });
  }
  // Built before anyone looked: the method's amendment allows a prototype customers used, not a product decided without them.
  if (a.alreadyBuilt && a.stage === "hypothesis") {
    objections.push({ kind: "process", text: `It is already built and no customer has used it: the PR/FAQ would justify a decision already made rather than test one ("${wholeSentence(a.alreadyBuilt.text, 140)}").`, basis: a.alreadyBuilt.sources, blocking: true, quote: a.alreadyBuilt.text });
  } else if (a.afterTheFact) {
    objections.push({ kind: "process", text: `The document is asked to justify a decision already made, not to test one ("${wholeSentence(a.afterTheFact.text, 140)}").`, basis: a.afterTheFact.sources, blocking: true, quote: a.afterTheFact.text });
  }
  // The brief says it is several products in one: each needs its own customer, evidence and PR/FAQ.
  if (a.bundled && !objections.some((o) => o.kind === "scope" && o.blocking)) {
    objections.push({ kind: "scope", text: `This is several products sold as one ("${wholeSentence(a.bundled.text, 140)}"): each has its own customer and its own evidence to find. Pick the one with the strongest evidence and write its PR/FAQ.`, basis: a.bundled.sources, blocking: true, quote: a.bundled.text });
  }
  // A missing description blocks only when nothing was built or run either: a pilot that ran shows it can be built, and the document then owes a description, not a verdict.
  if (!doc.pressRelease.solution.trim() && !input.facts.solution.trim()) {
    const ran = a.maturity === "prototype" || a.maturity === "shipped";
    objections.push({ kind: "feasibility", text: ran ? `The brief never says how the product works, though ${a.maturity === "shipped" ? "customers already use it" : "a working trial has run"}: the document must describe it before anyone can judge what v1 builds.` : "There is no description of how the product works, so nobody can judge whether it can be built.", basis: ran ? a.stageWhy.sources : [], blocking: !ran });
  }
  for (const f of findingsOf(input.findings, ENGINEER_CONCERNS)) objections.push({ kind: "process", text: f.message, blocking: false, basis: [f.check], quote: f.evidence });

  const maturity = {
    nothing: "Nothing has been built or tried, so feasibility is an assumption.",
    "mock-up": "Only a mock-up has been shown: it tested the idea's appeal, not whether it can be built; the core loop is unexercised.",
    prototype: "A working trial has run the core loop with real customers.",
    shipped: "The product is already built and in customers' hands.",
  }[a.maturity];
  const questions = [
    eng.dependencies[0] ? `Who owns ${lowerFirst(eng.dependencies[0].replace(/\s\[.*\]$/, ""))}, and what is the plan if it slips?` : undefined,
    a.maturity === "nothing" || a.maturity === "mock-up" ? "What is the smallest working version that tests the hardest problem, and how long does it take?" : undefined,
  ].filter((q): q is string => q !== undefined);
  const blocking = objections.filter((o) => o.blocking).length;
  const scores = {
    feasibility: score(5 - 2 * blocking - (a.maturity === "prototype" || a.maturity === "shipped" ? 0 : 1)),
    scopeFocus: score(5 - 2 * findingsOf(input.findings, ["too-many-features", "combining-ideas"]).length),
    riskAwareness: score(1 + Math.min(2, eng.dependencies.length) + (input.facts.risks.trim() ? 1 : 0) + (eng.mustBeTrue.length > 1 ? 1 : 0)),
    clarity: score(doc.pressRelease.solution.trim() ? 4 : 2),
  };
  return composeReview(input, {
    scores,
    objections,
    questions,
    anchor: firstSentence(doc.pressRelease.solution) || firstSentence(doc.pressRelease.summary),
    engineering: { hardestProblem: eng.hardestProblem, mustBeTrue: eng.mustBeTrue, oneWayDoors: eng.oneWayDoors, dependencies: eng.dependencies, claimsChallenged: eng.claimsChallenged },
    summary: (stance) => {
      const top = objections.find((o) => o.blocking) ?? objections[0];
      if (stance === "fund") return `Buildable, and the hard part is known. ${maturity} The hardest problem: ${lowerFirst(eng.hardestProblem)}`;
      return `${stance === "kill" ? "I would not staff this as written." : "Not yet buildable with confidence."} ${top ? `${top.text}${cite(top.basis.filter((b) => /^L\d+$/.test(b)))}` : ""} ${maturity}`.replace(/\s+/g, " ").trim();
    },
  }, visible);
}
