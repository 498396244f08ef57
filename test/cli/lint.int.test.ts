import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FindingSchema } from "../../src/domain/finding.js";
import { exited, spawnPrfaq } from "../helpers/process.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/prfaqs/${name}`, import.meta.url));
const LintJson = z.object({ score: z.number(), findings: z.array(FindingSchema) });

async function lint(args: string[]) {
  const child = spawnPrfaq(["lint", ...args], { NO_COLOR: "1" });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await exited(child);
  return { code, output: child.output(), stdout, stderr };
}

describe("prfaq lint", () => {
  it("--json prints {score, findings[{check, severity, message, evidence}]}", async () => {
    const { code, output } = await lint(["--json", fixture("weak-launch-announcement.md")]);
    expect(code).toBe(0);
    const result = LintJson.parse(JSON.parse(output));
    expect(result.score).toBeLessThan(40);
    expect(result.findings.map((f) => f.check)).toContain("hyperbole-instead-of-specifics");
  });

  it("prints findings grouped by severity with the evidence, and the score", async () => {
    const { code, output } = await lint([fixture("weak-launch-announcement.md")]);
    expect(code).toBe(0);
    expect(output.indexOf("critical")).toBeLessThan(output.indexOf("high"));
    expect(output).toContain("StreamBox 2 is the most advanced, revolutionary streaming device ever made");
    expect(output).toMatch(/Score: \d+\/100/);
  });

  it("exits 1 with a clear message for a missing file", async () => {
    const { code, output } = await lint(["/no/such/file.md"]);
    expect(code).toBe(1);
    expect(output).toContain("prfaq: ENOENT");
  });

  it("--fail-under N exits 10 below N with one sentence on stderr, 0 at or above it; --json unchanged", async () => {
    const doc = fixture("weak-launch-announcement.md");
    const plain = await lint(["--json", doc]);
    const { score } = LintJson.parse(JSON.parse(plain.stdout));
    const below = await lint(["--json", "--fail-under", String(score + 1), doc]);
    expect(below.code).toBe(10);
    expect(below.stdout).toBe(plain.stdout);
    expect(below.stderr).toMatch(new RegExp(`^prfaq lint: score ${score}/100 is below --fail-under ${score + 1} \\(\\d+ findings?\\)\\.\\n$`));
    const at = await lint(["--json", "--fail-under", String(score), doc]);
    expect(at.code).toBe(0);
    expect(at.stdout).toBe(plain.stdout);
    expect(at.stderr).toBe("");
  });

  it("--fail-under must be a whole number from 0 to 100", async () => {
    const { code, output } = await lint(["--fail-under", "high", fixture("weak-launch-announcement.md")]);
    expect(code).toBe(1);
    expect(output).toContain("--fail-under must be a whole number from 0 to 100, not 'high'");
  });
});
