import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createOfflineAgents } from "../agents/offline.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import { MemoSchema, type Memo } from "../domain/memo.js";
import { emptyPrfaq } from "../domain/prfaq.js";
import { evaluateBrief, formatSummary, scoreRubric, summarise, type BriefResult, type CalibrationBrief, type CalibrationLabel, type Outcome } from "./calibration.js";
import { loadCalibrationSet, loadRubricSet } from "./fixtures.js";

/**
 * The held-back set guards against regressions at its first-run figure (docs/calibration.md). `null` while a
 * newly written set has not had its first run: the test then leaves it alone, so that first run happens once,
 * by `npm run eval -- --set holdout` on a committed engine, and never by accident inside `npm test`.
 * The sixteenth set (written blind at stop 19, the first measured with the bar raiser) scored 16 of 24 (66.7%,
 * baseline 45.8%) on its first run at b2e8aef. The goal of 95% is not met, and is not asserted: a test is no
 * place to pretend it is.
 */
const HOLDOUT_FLOOR: number | null = 16 / 24;

const fixtures = (name: string) => fileURLToPath(new URL(`../../test/fixtures/${name}/`, import.meta.url));
const tune = await loadCalibrationSet(fixtures("calibration"));
const holdout = await loadCalibrationSet(fixtures("calibration-holdout"));

describe("the calibration sets", () => {
  it("a tuning set of at least 30 labelled briefs with the hard cases and the traps", () => {
    expect(tune.length).toBeGreaterThanOrEqual(30);
    expect(tune.every((b) => b.label.split === "tune")).toBe(true);
    const hard = new Set(tune.map((b) => b.label.hardCase).filter(Boolean));
    for (const h of ["strong idea badly written", "well-written idea with no economics", "real problem, solution-first pitch", "already-built product", "bundled ideas"]) expect(hard).toContain(h);
    // Every kill names the kinds of reason it must be killed for.
    for (const b of tune.filter((x) => x.label.expected === "kill")) expect(b.label.reasonKinds.length).toBeGreaterThan(0);
  });

  it("a held-back set of at least 20 briefs, half to fund, labelled like the tuning set", () => {
    expect(holdout.length).toBeGreaterThanOrEqual(20);
    expect(holdout.every((b) => b.label.split === "holdout")).toBe(true);
    const fund = holdout.filter((b) => b.label.expected === "fund").length;
    expect(Math.abs(fund * 2 - holdout.length)).toBeLessThanOrEqual(2);
  });
});

/**
 * Every brief's verdict, reason and figures; the persona selections and paraphrases of every `sample`-th
 * brief (a fixed half of the tuning set keeps `npm test` inside its time budget; `npm run eval` runs them all).
 */
async function evaluate(briefs: CalibrationBrief[], sample = 1): Promise<BriefResult[]> {
  const personas = await loadPersonaLibrary(defaultPersonaDir());
  const agents = createOfflineAgents();
  const results: BriefResult[] = [];
  for (const [i, brief] of briefs.entries()) {
    const all = i % sample === 0;
    results.push(await evaluateBrief(brief, { agents, personas, rounds: 3, paraphrase: all, variants: all }));
  }
  return results;
}

describe("the offline engine on the tuning set", () => {
  it("decides right for the right reason, computes the economics, seats the brief's customer, and holds under paraphrase", async () => {
    const results = await evaluate(tune, 2);
    for (const r of results) expect(new Set([r.outcome, ...r.variants].map((o) => o.personas.map((p) => p.id).join(","))).size).toBe(1 + r.variants.length);
    const s = summarise(results);
    const report = formatSummary(s, "offline", { name: "tune" });
    expect(s.accuracy, report).toBeGreaterThanOrEqual(0.9);
    // Regression floors a little under the figures measured at stop 19 on 376 briefs (docs/calibration.md).
    expect(s.confusion.fund.kill, report).toBeLessThanOrEqual(14);
    expect(s.firstReason.rate, report).toBeGreaterThanOrEqual(0.82);
    expect(s.margin.rate, report).toBeGreaterThanOrEqual(0.69);
    expect(s.market.rate, report).toBeGreaterThanOrEqual(0.81);
    expect(s.representative.rate, report).toBeGreaterThanOrEqual(0.81);
    expect(s.paraphrase.rate, report).toBeGreaterThanOrEqual(0.93);
    expect(s.stability, report).toBeGreaterThanOrEqual(0.9);
    expect(s.repeatedVersions, report).toBe(0);
    expect(s.incompleteMemos, report).toBe(0);
    expect(s.accuracy, report).toBeGreaterThan(s.baseline.rate);
  }, 240_000);
});

describe("the offline engine on the held-back set", () => {
  // Figures only: a failure here prints no brief's name or text (formatSummary with reveal: false).
  it.skipIf(HOLDOUT_FLOOR === null)("does no worse than its recorded figure (names withheld)", async () => {
    const s = summarise(await evaluate(holdout));
    const report = formatSummary(s, "offline", { name: "holdout", reveal: false });
    expect(s.accuracy, report).toBeGreaterThanOrEqual(HOLDOUT_FLOOR ?? 1);
    expect(s.incompleteMemos, report).toBe(0);
    expect(s.repeatedVersions, report).toBe(0);
  }, 240_000);
});

describe("loadCalibrationSet", () => {
  it("refuses a brief without a label and a label without its brief", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "calibration-"));
    const label = { expected: "fund", split: "tune", format: "f", reason: "r", reasonKinds: [], antiPatterns: [], representative: null, economics: { currency: null, pricePerMonth: null, costToServePerMonth: null, grossMarginPct: null, marketCustomers: null, tamPerYear: null, valuePerYear: null, buildCost: null } };
    await writeFile(path.join(dir, "a.md"), "# A\nText.");
    await writeFile(path.join(dir, "labels.json"), JSON.stringify({ briefs: {} }));
    await expect(loadCalibrationSet(dir)).rejects.toThrow("briefs without a label");
    await writeFile(path.join(dir, "labels.json"), JSON.stringify({ briefs: { "a.md": label, "b.md": label } }));
    await expect(loadCalibrationSet(dir)).rejects.toThrow("labels in");
    await writeFile(path.join(dir, "labels.json"), JSON.stringify({ briefs: { "a.md": label } }));
    expect((await loadCalibrationSet(dir)).map((b) => b.file)).toEqual(["a.md"]);
  });
});

describe("summarise", () => {
  const economics = { currency: null, pricePerMonth: null, costToServePerMonth: null, grossMarginPct: null, marketCustomers: null, tamPerYear: null, valuePerYear: null, buildCost: null };
  const label = (expected: "fund" | "kill", split: "tune" | "holdout", extra: Partial<CalibrationLabel> = {}): CalibrationLabel => ({
    expected, split, format: "f", reason: "r", reasonKinds: expected === "kill" ? ["economics"] : [], antiPatterns: [], representative: null, economics, ...extra,
  });
  const memo = (decision: "fund" | "kill", margin: number | null, market: number | null): Memo =>
    MemoSchema.parse({
      runId: "r", title: "t", engine: "offline", decision, confidence: 0.7, headline: "h", crux: "c", ask: null, door: "two-way", doorWhy: "w", stage: "validated",
      economics: { ...economics, currency: "USD", grossMarginPct: margin, marketCustomers: market, targetCustomers: null, targetRevenuePerYear: null, paybackMonths: null, breakEvenCustomers: null, lines: [] },
      reasons: [{ kind: decision === "kill" ? "economics" : "evidence", text: "x", basis: [] }], buildTest: { whyUs: "u", whyNow: "n", giveUp: "g" },
      conditions: [], killCriteria: decision === "fund" ? ["k"] : [], nextTest: "t", whatWouldChange: [], risks: [], openQuestions: [], dissent: [], stances: [], ledger: [], changes: [],
      scorecard: [], fixedFindings: [], remainingFindings: [], rounds: 1, finalVersion: 1, finalPrfaq: emptyPrfaq("t"),
    });
  const outcome = (decision: "fund" | "kill", opts: { personas?: string[]; margin?: number | null; market?: number | null; kind?: "economics" | "scope" } = {}): Outcome => {
    const m = memo(decision, opts.margin ?? null, opts.market ?? null);
    const reasons = opts.kind ? [{ kind: opts.kind, text: "x", basis: [] }] : m.reasons;
    return { file: "x", personas: (opts.personas ?? ["a"]).map((id) => ({ id, name: id })), decision, confidence: 0.7, score: 80, headline: "h", reasons, memo: { ...m, reasons }, repeatedVersion: false };
  };
  const result = (file: string, l: CalibrationLabel, o: Outcome, variants: Outcome[], extra: Partial<BriefResult> = {}): BriefResult => ({ brief: { file, text: "", label: l }, outcome: o, variants, baseline: "fund", paraphrases: [], ...extra });

  it("counts the confusion matrix, accuracy by split, stability and the baseline", () => {
    const results: BriefResult[] = [
      result("a", label("fund", "tune"), outcome("fund"), [outcome("fund"), outcome("fund")]),
      result("b", label("fund", "holdout"), outcome("kill"), [outcome("kill"), outcome("fund")]),
      result("c", label("kill", "tune"), outcome("kill"), [outcome("kill"), outcome("kill")]),
      result("d", label("kill", "holdout"), outcome("kill"), []),
    ];
    const s = summarise(results);
    expect(s.confusion).toEqual({ fund: { fund: 1, kill: 1 }, kill: { fund: 0, kill: 2 } });
    expect(s.accuracy).toBe(0.75);
    expect(s.bySplit).toEqual({ holdout: { briefs: 2, accuracy: 0.5 }, tune: { briefs: 2, accuracy: 1 } });
    expect(s.stability).toBe(0.75);
    expect(s.baseline).toEqual({ right: 2, of: 4, rate: 0.5 });
    expect(s.misjudged.map((r) => r.brief.file)).toEqual(["b"]);
    expect(s.unstable.map((r) => r.brief.file)).toEqual(["b"]);
  });

  it("scores kills for the right reason, economics within tolerance, the representative and paraphrases", () => {
    const results: BriefResult[] = [
      result("a", label("kill", "tune"), outcome("kill", { kind: "economics" }), []),
      result("b", label("kill", "tune"), outcome("kill", { kind: "scope" }), []),
      result("c", label("fund", "tune", { representative: "Dana", economics: { ...economics, grossMarginPct: 80, marketCustomers: 1000 } }), outcome("fund", { personas: ["Dana"], margin: 80.9, market: 1019 }), [], {
        paraphrases: [{ kind: "synonyms", decision: "fund" }, { kind: "headings", decision: "kill" }],
      }),
      result("d", label("fund", "tune", { representative: "Lee", economics: { ...economics, grossMarginPct: 80, marketCustomers: 1000 } }), outcome("fund", { margin: 81.5, market: 1021 }), []),
    ];
    const s = summarise(results);
    expect(s.firstReason).toEqual({ right: 1, of: 2, rate: 0.5 });
    expect(s.wrongReason.map((r) => r.brief.file)).toEqual(["b"]);
    expect(s.margin).toEqual({ right: 1, of: 2, rate: 0.5 });
    expect(s.market).toEqual({ right: 1, of: 2, rate: 0.5 });
    expect(s.representative).toEqual({ right: 1, of: 2, rate: 0.5 });
    expect(s.paraphrase).toEqual({ right: 1, of: 2, rate: 0.5 });
    // A held-back summary names no brief.
    expect(formatSummary(s, "offline", { reveal: false })).not.toMatch(/\b[abcd]\b:/);
  });
});

describe("scoreRubric", () => {
  it("scores each check's precision and recall against labels", async () => {
    const docs = await loadRubricSet(fixtures("prfaqs"));
    const right = scoreRubric(docs);
    expect(right.checks).toHaveLength(14);
    // Mislabel one document: the rubric's answer is now a false positive and a false negative.
    const wrong = scoreRubric([{ ...docs.find((d) => d.file === "weak-vibe.md")!, expected: ["skipping-the-iteration"] }]);
    const fake = wrong.checks.find((c) => c.check === "customer-quote-sounds-fake")!;
    expect(fake).toMatchObject({ truePositives: 0, falsePositives: 1, precision: 0 });
    expect(wrong.checks.find((c) => c.check === "skipping-the-iteration")).toMatchObject({ falseNegatives: 1, recall: 0 });
    expect(right.misses).toEqual([]);
  });

  it("keeps precision and recall over 0.8 on the first held-back PR/FAQs (spent: read and tuned on at stop 16)", async () => {
    const { total } = scoreRubric(await loadRubricSet(fixtures("prfaqs-holdout-1")));
    expect(total.truePositives).toBeGreaterThan(0);
    expect(total.precision).toBeGreaterThanOrEqual(0.8);
    expect(total.recall).toBeGreaterThanOrEqual(0.8);
  });

  // Each spent PR/FAQ set keeps the figure it was tuned to after its first run was recorded (docs/calibration.md).
  it.each([
    ["second", "prfaqs-holdout-2", 14, "stop 17; first run 0.44 / 0.79"],
    ["third", "prfaqs-holdout-3", 23, "stop 18; first run 0.67 / 0.78"],
    ["fourth", "prfaqs-holdout-4", 15, "stop 18; first run 0.71 / 0.80"],
    ["fifth", "prfaqs-holdout-5", 16, "stop 18; first run 0.54 / 0.88"],
    ["sixth", "prfaqs-holdout-6", 15, "stop 19; first run 0.55 / 0.80"],
  ] as const)("keeps the %s PR/FAQ set's tuned figure (%s: at least %i found, no false fire; %s)", async (_name, dir, found, _when) => {
    const { total } = scoreRubric(await loadRubricSet(fixtures(dir)));
    expect(total.truePositives).toBeGreaterThanOrEqual(found);
    expect(total.falsePositives).toBe(0);
  });
});
