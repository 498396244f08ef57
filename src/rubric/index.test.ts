import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../test/helpers/property.js";
import { ANTI_PATTERN_IDS, RubricResultSchema, STRUCTURE_CHECK_IDS } from "../domain/finding.js";
import { PRESS_RELEASE_SECTIONS, PrfaqSchema, type Prfaq } from "../domain/prfaq.js";
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
    // No problem paragraph, and a summary that states no pain either (a pain with evidence there would count).
    expect(runRubric(docWith({ problem: "", summary: "LaneLine launched today for council-run swimming pools. Lap swimmers book a lane slot from their phone." })).score).toBe(75);
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

  it("quotes evidence verbatim from the parsed document, or names a part of it", () => {
    for (const file of Object.keys(labels)) {
      const { prfaq, findings } = lintMarkdown(fixture(file));
      for (const f of findings) expect(quotesOrNames(prfaq, f.evidence), `${file}: ${f.check} evidence "${f.evidence}"`).toBe(true);
    }
  });
});

// The evidence a check gives when there is nothing to quote: the part that is missing or a count.
const NAMED =
  /^(?:problem paragraph|solution paragraph|dateline|heading|subheading|summary paragraph|leader quote|how-it-works paragraph|customer quote|call to action|customer \(not named[^)]*\)|version 1 \(not yet revised\)|success measure \(none in the document\)|dateline \(no launch date\)|External FAQ: .+|Internal FAQ .+|press release \(\d+ words\))$/;

function quotesOrNames(doc: Prfaq, evidence: string): boolean {
  const fields = [...PRESS_RELEASE_SECTIONS.map((s) => doc.pressRelease[s]), ...[...doc.externalFaq, ...doc.internalFaq].flatMap((f) => [f.question, f.answer])];
  return (evidence.trim() !== "" && fields.some((t) => t.includes(evidence))) || NAMED.test(evidence);
}

describe("evidence (property)", () => {
  // Sentences that make most checks fire, so that many findings quote the text.
  const SENTENCES = [
    "LaneLine is a revolutionary, state-of-the-art booking tool.",
    "It runs on a Kubernetes cluster with an LLM and an API gateway.",
    "Everyone will love it.",
    "We have already built the whole thing.",
    "This is the final version for approval.",
    "It adds a planner, a wallet, a marketplace, a messenger and a tracker.",
    "\"It is amazing,\" said a happy customer.",
    "Swimmers wait 20 minutes for a lane and 12% of them give up.",
    "Launch: when it is ready.",
    "Powered by our new booking engine, it fills every lane at every pool.",
  ];
  // Whitespace as people and models type it: double spaces, tabs, hard-wrapped lines, blank lines between paragraphs.
  const gap = fc.constantFrom(" ", "  ", "\t", "\n", " \n  ", "\n\n", "\n \n");
  const text = fc
    .array(fc.tuple(fc.constantFrom(...SENTENCES), gap), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.map(([sentence, sep]) => sentence.replace(/ /g, () => sep) + " ").join(""));
  const field = fc.oneof(fc.constant(""), text);
  const doc = fc
    .record({
      pr: fc.record(Object.fromEntries(PRESS_RELEASE_SECTIONS.map((s) => [s, field]))),
      faq: fc.array(fc.record({ question: fc.constantFrom("How much does it cost?", "Who is it for?", "What if a competitor copies it?"), answer: text }), { maxLength: 4 }),
    })
    .map((r) => PrfaqSchema.parse({ title: "LaneLine", pressRelease: r.pr, externalFaq: r.faq, internalFaq: r.faq.slice(1) }));

  it("every finding quotes the document's own text, spaces and line breaks as written, or names a missing part", () => {
    fc.assert(
      fc.property(doc, (d) => {
        for (const f of runRubric(d).findings) expect(quotesOrNames(d, f.evidence), `${f.check}: ${JSON.stringify(f.evidence)}`).toBe(true);
      }),
      propertyParams(300),
    );
  });
});
