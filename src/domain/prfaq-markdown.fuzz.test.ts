import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintMarkdown } from "../rubric/index.js";
import { PrfaqSchema } from "./prfaq.js";
import { parsePrfaqMarkdown } from "./prfaq-markdown.js";

// Speed on these inputs is measured by bench/parser.ts (tests never fail on time); here: never throws, always a valid document.
const fixtures = ["strong-refillready", "weak-launch-announcement", "strong-trialmatch", "mixed-busbell"].map((n) =>
  readFileSync(new URL(`../../test/fixtures/prfaqs/${n}.md`, import.meta.url), "utf8"),
);

const valid = (text: string) => PrfaqSchema.safeParse(parsePrfaqMarkdown(text)).success;

describe("parser and rubric fuzz", () => {
  it("truncated real documents: every prefix parses and lints", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.nat(), (doc, cut) => {
        const text = doc.slice(0, cut % (doc.length + 1));
        expect(valid(text)).toBe(true);
        const { score } = lintMarkdown(text);
        expect(score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("binary garbage (random bytes decoded as UTF-8)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        const text = Buffer.from(bytes).toString("utf8");
        expect(valid(text)).toBe(true);
        expect(() => lintMarkdown(text)).not.toThrow();
      }),
      { numRuns: 200 },
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
