import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../test/helpers/property.js";
import { CHECKS, lintMarkdown } from "../rubric/index.js";
import type { CheckId, Finding } from "./finding.js";
import { PrfaqSchema } from "./prfaq.js";
import { parsePrfaqMarkdown } from "./prfaq-markdown.js";

// Speed on these inputs is measured by bench/parser.ts (tests never fail on time); here: never throws, always a valid document.
const fixtures = ["strong-refillready", "weak-launch-announcement", "strong-trialmatch", "mixed-busbell"].map((n) =>
  readFileSync(new URL(`../../test/fixtures/prfaqs/${n}.md`, import.meta.url), "utf8"),
);

const valid = (text: string) => PrfaqSchema.safeParse(parsePrfaqMarkdown(text)).success;

// The scoring contract as documented on runRubric, restated here rather than imported, so that a change to the
// weights or the repeat penalty in the code shows up as a failure: each check that fired costs its severity weight,
// plus 2 for each further finding of it (at most 3 of them), and the score never goes below 0.
const WEIGHT = { critical: 25, high: 12, medium: 5 } as const;
const RANK = { critical: 0, high: 1, medium: 2 } as const;
function expectedScore(findings: readonly Finding[]): number {
  const perCheck = new Map<CheckId, Finding[]>();
  for (const f of findings) perCheck.set(f.check, [...(perCheck.get(f.check) ?? []), f]);
  let score = 100;
  for (const [, list] of perCheck) score -= WEIGHT[list[0]!.severity] + 2 * Math.min(list.length - 1, 3);
  return Math.max(0, score);
}

describe("parser and rubric fuzz", () => {
  it("truncated real documents: every prefix parses, and its score is what its findings cost, in severity order", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.nat(), (doc, cut) => {
        const text = doc.slice(0, cut % (doc.length + 1));
        expect(valid(text)).toBe(true);
        const { findings, score } = lintMarkdown(text);
        for (const f of findings) expect(f.severity).toBe(CHECKS.find((c) => c.id === f.check)?.severity);
        expect(findings.map((f) => RANK[f.severity])).toEqual(findings.map((f) => RANK[f.severity]).sort((a, b) => a - b));
        expect(score).toBe(expectedScore(findings));
      }),
      propertyParams(300),
    );
  });

  it("binary garbage (random bytes decoded as UTF-8)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        const text = Buffer.from(bytes).toString("utf8");
        expect(valid(text)).toBe(true);
        expect(() => lintMarkdown(text)).not.toThrow();
      }),
      propertyParams(200),
    );
  });

  it("a 1 MB document (a real PR/FAQ repeated) and 1 MB of a single line", () => {
    const big = fixtures[0]!.repeat(Math.ceil(1_048_576 / fixtures[0]!.length)).slice(0, 1_048_576);
    expect(valid(big)).toBe(true);
    expect(parsePrfaqMarkdown(big).pressRelease.heading).toBe("RefillReady Ends the Refill Phone Tag at Vet Clinics");
    const line = "revolutionary ".repeat(75_000);
    expect(valid(line)).toBe(true);
    expect(() => lintMarkdown(line)).not.toThrow();
  });
});
