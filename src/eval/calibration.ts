import { z } from "zod";
import type { MeetingAgents } from "../agents/contracts.js";
import { markdownTitle } from "../domain/brief.js";
import { chooseSeats } from "../agents/seats.js";
import { analyseBrief } from "../domain/analysis.js";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { ANTI_PATTERN_IDS, CheckIdSchema, type CheckId } from "../domain/finding.js";
import { ReasonKindSchema, type Reason } from "../domain/argument.js";
import { DecisionValueSchema, type DecisionValue as Verdict, type Memo } from "../domain/memo.js";
import { CreateReviewSchema } from "../domain/run.js";
import { runMeeting } from "../graph/meeting.js";
import type { PersonaLibrary } from "../personas/loader.js";
import { selectPersonas } from "../personas/select.js";
import { lintMarkdown } from "../rubric/index.js";
import { baselineVerdict } from "./baseline.js";
import { paraphrases } from "./paraphrase.js";

const figure = z.number().nullable();

/** Figures computed by hand from a brief: what the economics model must reproduce. */
export const LabelEconomicsSchema = z.object({
  currency: z.enum(["USD", "GBP", "EUR"]).nullable(),
  pricePerMonth: figure,
  costToServePerMonth: figure,
  grossMarginPct: figure,
  marketCustomers: figure,
  tamPerYear: figure,
  valuePerYear: figure,
  buildCost: figure,
});

/** One labelled brief of a calibration set (`test/fixtures/calibration*` + `labels.json`). */
export const CalibrationLabelSchema = z.object({
  expected: DecisionValueSchema.describe("The verdict a competent Working Backwards review reaches"),
  split: z.enum(["tune", "holdout"]).describe("tune: used to develop the offline engine; holdout: labelled before any run, kept out of tuning and test output"),
  format: z.string().describe("How the brief is written (headings, bullets, one paragraph, ...)"),
  reason: z.string().describe("Why it deserves that verdict"),
  reasonKinds: z.array(ReasonKindSchema).describe("For a kill: the kinds of reason the memo's first reason must be one of"),
  antiPatterns: z.array(CheckIdSchema).describe("The anti-patterns the brief shows"),
  hardCase: z.string().optional().describe("Which hard case it is, if any"),
  representative: z.string().nullable().describe("The representative customer the brief names, or null"),
  economics: LabelEconomicsSchema,
  history: z.string().optional().describe("Where the brief came from when it joined the set later (a former held-back set)"),
});
export type CalibrationLabel = z.infer<typeof CalibrationLabelSchema>;

export const CalibrationLabelsSchema = z.object({ briefs: z.record(z.string(), CalibrationLabelSchema) });

/** The labelled PR/FAQ set for the rubric: file name → the anti-patterns the document contains. */
export const RubricLabelsSchema = z.record(z.string(), z.array(CheckIdSchema));

export type CalibrationBrief = { file: string; text: string; label: CalibrationLabel };

/** What one review of one brief concluded. */
export type Outcome = {
  file: string;
  /** Seated customer personas: id and name. */
  personas: { id: string; name: string }[];
  decision: Verdict;
  confidence: number;
  score: number;
  headline: string;
  reasons: Reason[];
  memo: Memo;
  /** True when two consecutive versions of the draft were identical. */
  repeatedVersion: boolean;
};

/**
 * One brief's result: the verdict with the default seats, with two other persona selections, the
 * trivial baseline's verdict, and the verdicts on rule-made paraphrases of the brief.
 */
export type BriefResult = {
  brief: CalibrationBrief;
  outcome: Outcome;
  variants: Outcome[];
  baseline: Verdict;
  paraphrases: { kind: string; decision: Verdict }[];
};
/**
 * Three different persona selections for a brief, so the verdict's dependence on who sits in the
 * customer seats can be measured: the default (up to three best matches), then the first two distinct
 * from it and from each other of: the best match alone, the next best matches without the first, and
 * the library's other customers one at a time.
 */
export function personaSelections(text: string, library: PersonaLibrary): (string[] | undefined)[] {
  const facts = extractBriefFacts({ title: markdownTitle(text), text });
  // The default seats exactly as the meeting chooses them (one owner: chooseSeats); the brief's own customer sits in all three.
  const auto = chooseSeats(facts, analyseBrief(facts), library, undefined).seats.filter((s) => s.role === "customer" && !s.fromBrief).map((s) => s.agent.replace(/^customer:/, ""));
  const input = { customerText: facts.customer, fullText: Object.values(facts).join("\n") };
  const ranked = selectPersonas(input, library, { max: 20 }).selected.map((p) => p.persona.id);
  const candidates = [ranked.slice(0, 1), ranked.slice(1, 3), ranked.slice(1, 2), ranked.slice(2, 4), ...library.customers().map((p) => [p.id])];
  const seen = new Set([auto.join(",")]);
  const picked: string[][] = [];
  for (const ids of candidates) {
    if (ids.length === 0 || seen.has(ids.join(","))) continue;
    seen.add(ids.join(","));
    picked.push(ids);
    if (picked.length === 2) break;
  }
  return [undefined, ...picked];
}

/** Runs one review meeting of a brief to its memo, in this process. */
export async function reviewBrief(
  brief: CalibrationBrief,
  deps: { agents: MeetingAgents; personas: PersonaLibrary; rounds: number; personaIds?: string[] | undefined },
): Promise<Outcome> {
  const request = CreateReviewSchema.parse({
    brief: { title: markdownTitle(brief.text) || brief.file, text: brief.text },
    options: { rounds: deps.rounds, ...(deps.personaIds ? { personas: deps.personaIds } : {}) },
  });
  let personas: { id: string; name: string }[] = [];
  const drafts: string[] = [];
  const { memo } = await runMeeting({
    runId: `eval-${brief.file}`,
    createdAt: "2026-01-01T00:00:00.000Z",
    request,
    agents: deps.agents,
    personas: deps.personas,
    emit: async (event) => {
      if (event.type === "run.started") personas = event.personas.map((p) => ({ id: p.id, name: p.name }));
      if (event.type === "draft.ready") drafts.push(event.markdown);
    },
  });
  return {
    file: brief.file,
    personas,
    decision: memo.decision,
    confidence: memo.confidence,
    score: memo.scorecard.at(-1)?.score ?? 0,
    headline: memo.headline,
    reasons: memo.reasons,
    memo,
    repeatedVersion: drafts.some((d, i) => i > 0 && d === drafts[i - 1]),
  };
}

/**
 * Evaluates one brief: the meeting with the default seats and with two other persona selections,
 * the trivial baseline, and the meeting on each rule-made paraphrase. One owner for the script and the test.
 */
export async function evaluateBrief(
  brief: CalibrationBrief,
  deps: { agents: MeetingAgents; personas: PersonaLibrary; rounds: number; paraphrase?: boolean; variants?: boolean },
): Promise<BriefResult> {
  const [first, ...others] = personaSelections(brief.text, deps.personas);
  const outcome = await reviewBrief(brief, { ...deps, personaIds: first });
  const variants = deps.variants === false ? [] : await Promise.all(others.map((ids) => reviewBrief(brief, { ...deps, personaIds: ids })));
  const rewrites = deps.paraphrase === false ? [] : paraphrases(brief.text);
  const paraphrased = await Promise.all(
    rewrites.map(async (p) => ({ kind: p.kind, decision: (await reviewBrief({ ...brief, text: p.text }, deps)).decision })),
  );
  return { brief, outcome, variants, baseline: baselineVerdict(brief.text), paraphrases: paraphrased };
}

/** Rows are the expected verdict, columns the meeting's. */
export type Confusion = Record<Verdict, Record<Verdict, number>>;

/** A share with what it is a share of. */
export type Rate = { right: number; of: number; rate: number };
const rateOf = (right: number, of: number): Rate => ({ right, of, rate: of === 0 ? 1 : right / of });

export type CalibrationSummary = {
  briefs: number;
  confusion: Confusion;
  accuracy: number;
  /** Accuracy per split (tune / holdout). */
  bySplit: Record<string, { briefs: number; accuracy: number }>;
  /** The trivial baseline (fund when the text has a currency amount and a percentage) on the same briefs. */
  baseline: Rate;
  /** Kills for the right reason: correct kills whose memo's first reason is of a labelled kind. */
  firstReason: Rate;
  /** Gross margin within 1 point of the hand-computed figure, where the label has one. */
  margin: Rate;
  /** Customers in the market within 2% of the hand-computed count, where the label has one. */
  market: Rate;
  /** The brief's named representative customer seated, where the label names one. */
  representative: Rate;
  /** Paraphrased briefs that get their original's verdict. */
  paraphrase: Rate;
  /** Runs in which two consecutive versions were identical. */
  repeatedVersions: number;
  /** Memos missing a crux, door, stage, next test or dissent list, or (funds) kill criteria. */
  incompleteMemos: number;
  /** Share of briefs whose three persona selections all reach the same verdict. */
  stability: number;
  misjudged: BriefResult[];
  wrongReason: BriefResult[];
  unstable: BriefResult[];
};

const within = (actual: number | null, expected: number, tolerance: (e: number) => number) => actual !== null && Math.abs(actual - expected) <= tolerance(expected);

/** Scores a set of results. Pure. */
export function summarise(results: BriefResult[]): CalibrationSummary {
  const confusion: Confusion = { fund: { fund: 0, kill: 0 }, kill: { fund: 0, kill: 0 } };
  for (const r of results) confusion[r.brief.label.expected][r.outcome.decision] += 1;
  const right = (rs: BriefResult[]) => rs.filter((r) => r.outcome.decision === r.brief.label.expected).length;
  const bySplit: CalibrationSummary["bySplit"] = {};
  for (const split of [...new Set(results.map((r) => r.brief.label.split))].sort()) {
    const rs = results.filter((r) => r.brief.label.split === split);
    bySplit[split] = { briefs: rs.length, accuracy: ratio(right(rs), rs.length) };
  }
  const kills = results.filter((r) => r.brief.label.expected === "kill" && r.outcome.decision === "kill");
  const wrongReason = kills.filter((r) => !r.brief.label.reasonKinds.includes(r.outcome.reasons[0]?.kind ?? "evidence"));
  const withMargin = results.filter((r) => r.brief.label.economics.grossMarginPct !== null);
  const withMarket = results.filter((r) => r.brief.label.economics.marketCustomers !== null);
  const withRep = results.filter((r) => r.brief.label.representative !== null);
  const paraphrased = results.flatMap((r) => r.paraphrases.map((p) => p.decision === r.outcome.decision));
  const complete = (m: Memo) =>
    m.crux.trim() !== "" && m.nextTest.trim() !== "" && Array.isArray(m.dissent) && (m.door === "one-way" || m.door === "two-way") && m.stage !== undefined && (m.decision === "kill" || m.killCriteria.length > 0);
  const unstable = results.filter((r) => r.variants.some((v) => v.decision !== r.outcome.decision));
  return {
    briefs: results.length,
    confusion,
    accuracy: ratio(right(results), results.length),
    bySplit,
    baseline: rateOf(results.filter((r) => r.baseline === r.brief.label.expected).length, results.length),
    firstReason: rateOf(kills.length - wrongReason.length, kills.length),
    margin: rateOf(withMargin.filter((r) => within(r.outcome.memo.economics.grossMarginPct, r.brief.label.economics.grossMarginPct ?? 0, () => 1)).length, withMargin.length),
    market: rateOf(withMarket.filter((r) => within(r.outcome.memo.economics.marketCustomers, r.brief.label.economics.marketCustomers ?? 0, (e) => Math.abs(e) * 0.02)).length, withMarket.length),
    representative: rateOf(withRep.filter((r) => r.outcome.personas.some((p) => p.name.includes(r.brief.label.representative ?? "\u0000"))).length, withRep.length),
    paraphrase: rateOf(paraphrased.filter(Boolean).length, paraphrased.length),
    repeatedVersions: results.filter((r) => r.outcome.repeatedVersion || r.variants.some((v) => v.repeatedVersion)).length,
    incompleteMemos: results.filter((r) => !complete(r.outcome.memo)).length,
    stability: ratio(results.length - unstable.length, results.length),
    misjudged: results.filter((r) => r.outcome.decision !== r.brief.label.expected),
    wrongReason,
    unstable,
  };
}

/** A labelled PR/FAQ: its markdown and the anti-patterns it contains. */
export type RubricDoc = { file: string; text: string; expected: CheckId[] };

type Counts = { truePositives: number; falsePositives: number; falseNegatives: number };
export type CheckScore = Counts & { check: CheckId; precision: number; recall: number };

/** Precision and recall from counts; with nothing found and nothing to find, a check is neither imprecise nor forgetful. */
function rates(c: Counts): Counts & { precision: number; recall: number } {
  return {
    ...c,
    precision: c.truePositives + c.falsePositives === 0 ? 1 : c.truePositives / (c.truePositives + c.falsePositives),
    recall: c.truePositives + c.falseNegatives === 0 ? 1 : c.truePositives / (c.truePositives + c.falseNegatives),
  };
}

/** Per-check and overall precision and recall of the rubric on labelled PR/FAQ documents. Pure. */
export function scoreRubric(docs: RubricDoc[]): {
  checks: CheckScore[];
  total: Counts & { precision: number; recall: number };
  misses: { file: string; check: CheckId; kind: "false positive" | "false negative" }[];
} {
  const misses: { file: string; check: CheckId; kind: "false positive" | "false negative" }[] = [];
  const counts = new Map<CheckId, { tp: number; fp: number; fn: number }>(ANTI_PATTERN_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    const found = new Set(lintMarkdown(doc.text).findings.map((f) => f.check));
    for (const id of ANTI_PATTERN_IDS) {
      const c = counts.get(id);
      if (!c) continue;
      const expected = doc.expected.includes(id);
      if (expected && found.has(id)) c.tp += 1;
      else if (found.has(id)) (c.fp += 1), misses.push({ file: doc.file, check: id, kind: "false positive" });
      else if (expected) (c.fn += 1), misses.push({ file: doc.file, check: id, kind: "false negative" });
    }
  }
  const checks = [...counts].map(([check, c]) => ({ check, ...rates({ truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn }) }));
  const sum = (k: keyof Counts) => checks.reduce((n, c) => n + c[k], 0);
  const total = rates({ truePositives: sum("truePositives"), falsePositives: sum("falsePositives"), falseNegatives: sum("falseNegatives") });
  return { checks, total, misses };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * Renders a summary as the text `npm run eval` prints. Pure. With `reveal: false` (a held-back set)
 * only figures are printed: no brief's name or text, so nobody tunes to what they read.
 */
export function formatSummary(s: CalibrationSummary, engine: string, opts: { name?: string; reveal?: boolean } = {}): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rate = (r: Rate) => `${pct(r.rate)} (${r.right} of ${r.of})`;
  const reveal = opts.reveal ?? true;
  const lines = [
    `calibration${opts.name ? ` (${opts.name})` : ""}: ${s.briefs} briefs, engine ${engine}`,
    "",
    "                 meeting: fund   meeting: kill",
    `  expected fund  ${String(s.confusion.fund.fund).padStart(13)}   ${String(s.confusion.fund.kill).padStart(13)}`,
    `  expected kill  ${String(s.confusion.kill.fund).padStart(13)}   ${String(s.confusion.kill.kill).padStart(13)}`,
    "",
    `verdict accuracy:         ${pct(s.accuracy)} (${Object.entries(s.bySplit).map(([k, v]) => `${k} ${pct(v.accuracy)} of ${v.briefs}`).join(", ")})`,
    `trivial baseline:         ${rate(s.baseline)}  (fund when the text has a currency amount and a percentage)`,
    `kills for the right reason: ${rate(s.firstReason)}  (first reason of a labelled kind)`,
    `gross margin within 1 pt: ${rate(s.margin)}`,
    `market within 2%:         ${rate(s.market)}`,
    `representative seated:    ${rate(s.representative)}`,
    `paraphrases, same verdict: ${rate(s.paraphrase)}`,
    `stability over 3 persona selections: ${pct(s.stability)} of briefs reach one verdict`,
    `identical consecutive versions: ${s.repeatedVersions} run(s); incomplete memos: ${s.incompleteMemos}`,
  ];
  if (!reveal) {
    lines.push("", `misjudged: ${s.misjudged.length}; killed for another reason: ${s.wrongReason.length}; unstable: ${s.unstable.length} (names withheld: a held-back set)`);
    return lines.join("\n");
  }
  if (s.misjudged.length > 0) {
    lines.push("", "misjudged:");
    for (const r of s.misjudged) {
      lines.push(`- ${r.brief.file}: expected ${r.brief.label.expected}, meeting said ${r.outcome.decision} (score ${r.outcome.score}, confidence ${r.outcome.confidence})`);
      lines.push(`    label: ${r.brief.label.reason}`);
      for (const reason of r.outcome.reasons) lines.push(`    memo: [${reason.kind}] ${reason.text}`);
    }
  } else lines.push("", "misjudged: none");
  if (s.wrongReason.length > 0) {
    lines.push("", "killed for another reason than labelled:");
    for (const r of s.wrongReason) lines.push(`- ${r.brief.file}: first reason [${r.outcome.reasons[0]?.kind}], labelled ${r.brief.label.reasonKinds.join(" or ")}`);
  }
  if (s.unstable.length > 0) {
    lines.push("", "unstable (the verdict changed with the persona selection):");
    for (const r of s.unstable) {
      lines.push(`- ${r.brief.file}: ${[r.outcome, ...r.variants].map((o) => `${o.decision} with [${o.personas.map((p) => p.id).join(", ")}]`).join("; ")}`);
    }
  }
  return lines.join("\n");
}
