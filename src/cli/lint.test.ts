import { describe, expect, it } from "vitest";
import { formatLintReport, runLint } from "./lint.js";

const WEAK = `# StreamBox 2 Is Here

StreamBox 2 is the most advanced, revolutionary streaming device ever made, with our new Helix SoC.

"StreamBox 2 is incredible, I love it!" said a customer.

FAQ
Q: When can I get it?
A: Soon.
`;

describe("formatLintReport", () => {
  it("groups findings critical, high, medium with id, message and quoted evidence, then the score", () => {
    const report = formatLintReport(
      {
        score: 58,
        findings: [
          { check: "internal-jargon-in-pr", severity: "critical", message: "Say it plainly.", evidence: "It has a SoC." },
          { check: "missing-the-date", severity: "medium", message: "Add a date.", evidence: "Soon." },
          { check: "faq-too-short", severity: "medium", message: "Ask more.", evidence: "External FAQ: 1 question; Internal FAQ: missing" },
        ],
      },
      { color: false },
    );
    expect(report).toBe(
      [
        "CRITICAL (1)",
        "  internal-jargon-in-pr: Say it plainly.",
        '    > "It has a SoC."',
        "",
        "MEDIUM (2)",
        "  missing-the-date: Add a date.",
        '    > "Soon."',
        "  faq-too-short: Ask more.",
        '    > "External FAQ: 1 question; Internal FAQ: missing"',
        "",
        "Score: 58/100 (1 critical, 2 medium)",
        "",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to fix, and colours only when asked", () => {
    expect(formatLintReport({ score: 100, findings: [] }, { color: false })).toBe("No findings.\n\nScore: 100/100\n");
    expect(formatLintReport({ score: 100, findings: [] }, { color: true })).toContain("\u001b[1mScore: 100/100\u001b[0m");
  });
});

describe("runLint", () => {
  it("reports the weak document's findings and exits 0", () => {
    const { output, exitCode } = runLint(WEAK, { json: false, color: false });
    expect(exitCode).toBe(0);
    expect(output).toMatch(/^CRITICAL \(\d+\)\n/);
    expect(output).toContain('  internal-jargon-in-pr: "SoC" is internal language.');
    expect(output).toContain('    > "Soon."');
    expect(output).not.toContain("\u001b[");
    expect(output).toMatch(/Score: 0\/100 \(\d+ critical, \d+ high, \d+ medium\)\n$/);
  });

  it("prints the POST /v1/lint body as JSON", () => {
    const { output, exitCode } = runLint(WEAK, { json: true, color: true });
    const body = JSON.parse(output);
    expect(exitCode).toBe(0);
    expect(Object.keys(body)).toEqual(["score", "findings", "prfaq"]);
    expect(body.prfaq.externalFaq).toEqual([{ question: "When can I get it?", answer: "Soon." }]);
  });

  it("exits 0 on an empty document too", () => {
    expect(runLint("", { json: false, color: false }).exitCode).toBe(0);
  });

  it("with failUnder, exits 10 and says why when the score is below it, and 0 at or above it; the output is unchanged", () => {
    const plain = runLint(WEAK, { json: true, color: false });
    const below = runLint(WEAK, { json: true, color: false, failUnder: 1 });
    expect(below.exitCode).toBe(10);
    expect(below.output).toBe(plain.output);
    expect(below.error).toMatch(/^prfaq lint: score 0\/100 is below --fail-under 1 \(\d+ findings\)\.\n$/);
    const atThreshold = runLint(WEAK, { json: false, color: false, failUnder: 0 });
    expect(atThreshold).toEqual({ output: runLint(WEAK, { json: false, color: false }).output, exitCode: 0 });
  });
});
