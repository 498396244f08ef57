import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createOfflineAgents } from "../agents/offline.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import { personaSelections, reviewBrief, scoreRubric, summarise, type BriefResult, type Outcome } from "./calibration.js";
import { loadCalibrationSet, loadRubricSet } from "./fixtures.js";

const fixtures = (name: string) => fileURLToPath(new URL(`../../test/fixtures/${name}/`, import.meta.url));
const briefs = await loadCalibrationSet(fixtures("calibration"));

describe("the calibration set", () => {
  it("has at least 30 labelled briefs, half fund and half kill, with a holdout split", () => {
    expect(briefs.length).toBeGreaterThanOrEqual(30);
    expect(briefs.every((b) => b.label)).toBe(true);
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
      const [first, ...others] = personaSelections(brief.text, personas);
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

describe("loadCalibrationSet", () => {
  it("refuses a brief without a label and a label without its brief", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "calibration-"));
    const label = { expected: "fund", split: "tune", format: "f", reason: "r", antiPatterns: [] };
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

  it("keeps precision and recall over 0.8 on the holdout PR/FAQs it was never tuned on", async () => {
    const { total } = scoreRubric(await loadRubricSet(fixtures("prfaqs-holdout")));
    expect(total.truePositives).toBeGreaterThan(0);
    expect(total.precision).toBeGreaterThanOrEqual(0.8);
    expect(total.recall).toBeGreaterThanOrEqual(0.8);
  });
});
