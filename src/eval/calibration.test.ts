import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createOfflineAgents } from "../agents/offline.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import {
  CalibrationLabelsSchema,
  personaSelections,
  reviewBrief,
  RubricLabelsSchema,
  scoreRubric,
  summarise,
  titleOf,
  type BriefResult,
  type CalibrationBrief,
  type Outcome,
} from "./calibration.js";

const dir = new URL("../../test/fixtures/calibration/", import.meta.url);
const labels = CalibrationLabelsSchema.parse(JSON.parse(readFileSync(new URL("labels.json", dir), "utf8")));
const briefs: CalibrationBrief[] = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, dir), "utf8"), label: labels.briefs[file]! }));

describe("the calibration set", () => {
  it("has at least 30 labelled briefs, half fund and half kill, with a holdout split", () => {
    expect(briefs.length).toBeGreaterThanOrEqual(30);
    expect(briefs.every((b) => b.label)).toBe(true);
    expect(Object.keys(labels.briefs).sort()).toEqual(briefs.map((b) => b.file));
    const fund = briefs.filter((b) => b.label.expected === "fund").length;
    expect(fund).toBe(briefs.length - fund);
    expect(briefs.filter((b) => b.label.split === "holdout").length).toBeGreaterThanOrEqual(10);
    // The hard cases the issue names are all present.
    const hard = new Set(briefs.map((b) => b.label.hardCase).filter(Boolean));
    for (const h of ["strong idea badly written", "well-written idea with no economics", "real problem, solution-first pitch", "already-built product", "bundled ideas"]) expect(hard).toContain(h);
  });
});

describe("the offline engine on the calibration set", () => {
  it("decides at least 90% right, kills no strong brief, and holds its verdict over 3 persona selections", async () => {
    const personas = await loadPersonaLibrary(defaultPersonaDir());
    const agents = createOfflineAgents();
    const results: BriefResult[] = [];
    for (const brief of briefs) {
      const [first, ...others] = personaSelections(brief.text, titleOf(brief.text, brief.file), personas);
      const outcome = await reviewBrief(brief, { agents, personas, rounds: 3, personaIds: first });
      const variants = await Promise.all(others.map((ids) => reviewBrief(brief, { agents, personas, rounds: 3, personaIds: ids })));
      // The three selections really are different seats.
      expect(new Set([outcome, ...variants].map((o) => o.personas.join(","))).size).toBe(1 + variants.length);
      results.push({ brief, outcome, variants });
    }
    const s = summarise(results);
    const misjudged = s.misjudged.map((r) => `${r.brief.file}: ${r.outcome.headline}`);
    expect(s.accuracy, misjudged.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(s.confusion.fund.kill, misjudged.join("\n")).toBe(0);
    expect(s.bySplit.holdout?.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.stability).toBeGreaterThanOrEqual(0.9);
    // A kill says why, in the brief's own terms: every kill memo has reasons.
    for (const r of results.filter((x) => x.outcome.decision === "kill")) expect(r.outcome.reasons.length).toBeGreaterThan(0);
  }, 120_000);
});

describe("summarise", () => {
  const label = (expected: "fund" | "kill", split: "tune" | "holdout") => ({ expected, split, format: "f", reason: "r", antiPatterns: [] });
  const outcome = (decision: "fund" | "kill", personas = ["a"]): Outcome => ({ file: "x", personas, decision, confidence: 0.7, score: 80, headline: "h", reasons: [] });
  it("counts the confusion matrix, accuracy by split and stability", () => {
    const results: BriefResult[] = [
      { brief: { file: "a", text: "", label: label("fund", "tune") }, outcome: outcome("fund"), variants: [outcome("fund"), outcome("fund")] },
      { brief: { file: "b", text: "", label: label("fund", "holdout") }, outcome: outcome("kill"), variants: [outcome("kill"), outcome("fund")] },
      { brief: { file: "c", text: "", label: label("kill", "tune") }, outcome: outcome("kill"), variants: [outcome("kill"), outcome("kill")] },
      { brief: { file: "d", text: "", label: label("kill", "holdout") }, outcome: outcome("kill"), variants: [] },
    ];
    const s = summarise(results);
    expect(s.confusion).toEqual({ fund: { fund: 1, kill: 1 }, kill: { fund: 0, kill: 2 } });
    expect(s.accuracy).toBe(0.75);
    expect(s.bySplit).toEqual({ holdout: { briefs: 2, accuracy: 0.5 }, tune: { briefs: 2, accuracy: 1 } });
    expect(s.stability).toBe(0.75);
    expect(s.misjudged.map((r) => r.brief.file)).toEqual(["b"]);
    expect(s.unstable.map((r) => r.brief.file)).toEqual(["b"]);
  });
});

describe("scoreRubric", () => {
  it("scores each check's precision and recall against labels", () => {
    const prfaqs = new URL("../../test/fixtures/prfaqs/", import.meta.url);
    const rubricLabels = RubricLabelsSchema.parse(JSON.parse(readFileSync(new URL("labels.json", prfaqs), "utf8")));
    const docs = Object.entries(rubricLabels).map(([file, expected]) => ({ file, expected, text: readFileSync(new URL(file, prfaqs), "utf8") }));
    const right = scoreRubric(docs);
    expect(right.checks).toHaveLength(14);
    // Mislabel one document: the rubric's answer is now a false positive and a false negative.
    const wrong = scoreRubric([{ ...docs.find((d) => d.file === "weak-vibe.md")!, expected: ["skipping-the-iteration"] }]);
    const fake = wrong.checks.find((c) => c.check === "customer-quote-sounds-fake")!;
    expect(fake).toMatchObject({ truePositives: 0, falsePositives: 1, precision: 0 });
    expect(wrong.checks.find((c) => c.check === "skipping-the-iteration")).toMatchObject({ falseNegatives: 1, recall: 0 });
    expect(right.misses).toEqual([]);
  });

  it("keeps precision and recall over 0.8 on the holdout PR/FAQs it was never tuned on", () => {
    const holdout = new URL("../../test/fixtures/prfaqs-holdout/", import.meta.url);
    const holdoutLabels = RubricLabelsSchema.parse(JSON.parse(readFileSync(new URL("labels.json", holdout), "utf8")));
    const docs = Object.entries(holdoutLabels).map(([file, expected]) => ({ file, expected, text: readFileSync(new URL(file, holdout), "utf8") }));
    const { checks } = scoreRubric(docs);
    const tp = checks.reduce((a, c) => a + c.truePositives, 0);
    const fp = checks.reduce((a, c) => a + c.falsePositives, 0);
    const fn = checks.reduce((a, c) => a + c.falseNegatives, 0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.8);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.8);
  });
});
