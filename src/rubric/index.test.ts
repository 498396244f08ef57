import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANTI_PATTERN_IDS, RubricResultSchema, STRUCTURE_CHECK_IDS } from "../domain/finding.js";
import { CHECKS, lintMarkdown, runRubric } from "./index.js";
import { cleanDoc, docWith } from "./test-docs.js";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/prfaqs/${name}`, import.meta.url), "utf8");
const labels: Record<string, string[]> = JSON.parse(fixture("labels.json"));

describe("CHECKS", () => {
  it("lists the 14 anti-patterns and the 2 structure checks, once each, with the method's severities", () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...ANTI_PATTERN_IDS, ...STRUCTURE_CHECK_IDS]);
    const bySeverity = (s: string) => CHECKS.filter((c) => c.severity === s).map((c) => c.id);
    expect(bySeverity("critical")).toEqual(["solution-first-thinking", "missing-problem-paragraph", "vague-customer-definition", "writing-pr-after-building", "internal-jargon-in-pr"]);
    expect(bySeverity("high")).toEqual(["faq-avoids-hard-questions", "hyperbole-instead-of-specifics", "customer-quote-sounds-fake", "too-many-features", "no-measurable-outcome", "combining-ideas"]);
  });
});

describe("runRubric", () => {
  it("scores a clean document 100 with no findings", () => {
    expect(runRubric(cleanDoc())).toEqual({ findings: [], score: 100 });
  });

  it("costs each check its severity weight once, plus 2 per repeat", () => {
    expect(runRubric(docWith({ subheading: "" })).score).toBe(95);
    expect(runRubric(docWith({ subheading: "", callToAction: "" })).score).toBe(93);
    expect(runRubric(docWith({ problem: "" })).score).toBe(75);
    expect(runRubric(docWith({ solution: "It is best-in-class." })).score).toBe(88);
  });

  it("floors the score at 0 and sorts findings critical, high, medium", () => {
    const result = runRubric(lintMarkdown(fixture("weak-launch-announcement.md")).prfaq);
    expect(result.score).toBe(0);
    const ranks = result.findings.map((f) => ({ critical: 0, high: 1, medium: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(RubricResultSchema.parse(result)).toEqual(result);
  });

  it("gives a document the same result every time, whatever it read before", () => {
    const doc = docWith({ subheading: "", solution: "It is best-in-class." });
    const expected = {
      score: 83,
      findings: [
        expect.objectContaining({ check: "hyperbole-instead-of-specifics", severity: "high", evidence: "It is best-in-class." }),
        expect.objectContaining({ check: "missing-section", severity: "medium", evidence: "subheading" }),
      ],
    };
    expect(runRubric(doc)).toEqual(expected);
    for (const file of Object.keys(labels)) lintMarkdown(fixture(file));
    expect(runRubric(doc)).toEqual(expected);
  });

  it("reads skipping-the-iteration from the context", () => {
    expect(runRubric(cleanDoc(), { version: 1, revised: false })).toMatchObject({ score: 95, findings: [{ check: "skipping-the-iteration" }] });
  });
});

describe("shared fixtures", () => {
  it("finds the strong RefillReady PR/FAQ nearly clean", () => {
    const result = lintMarkdown(fixture("strong-refillready.md"));
    expect(result.score).toBeGreaterThanOrEqual(85);
    expect(result.findings.filter((f) => f.severity === "critical")).toEqual([]);
  });

  it("finds what is wrong with the weak launch announcement", () => {
    const checks = new Set(lintMarkdown(fixture("weak-launch-announcement.md")).findings.map((f) => f.check));
    for (const id of ["hyperbole-instead-of-specifics", "customer-quote-sounds-fake", "internal-jargon-in-pr", "missing-the-date", "missing-problem-paragraph", "faq-too-short", "faq-avoids-hard-questions"] as const) {
      expect(checks).toContain(id);
    }
  });
});

describe("labelled set (test/fixtures/prfaqs/labels.json)", () => {
  it.each(Object.entries(labels))("%s yields exactly its labelled anti-patterns", (file, expected) => {
    const found = new Set(lintMarkdown(fixture(file)).findings.map((f) => f.check));
    const antiPatterns = ANTI_PATTERN_IDS.filter((id) => found.has(id));
    expect(antiPatterns).toEqual(ANTI_PATTERN_IDS.filter((id) => expected.includes(id)));
  });

  it("quotes evidence that appears in the document or names a part of it", () => {
    for (const file of Object.keys(labels)) {
      const text = fixture(file).replace(/\s+/g, " ");
      for (const f of lintMarkdown(fixture(file)).findings) {
        const quoted = text.includes(f.evidence);
        const named = /^(?:[a-z -]+(?: \(.+\))?|External FAQ: .+|Internal FAQ .+|press release \(\d+ words\))$/.test(f.evidence);
        expect(quoted || named, `${file}: ${f.check} evidence "${f.evidence}"`).toBe(true);
      }
    }
  });
});
