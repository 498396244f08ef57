import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FindingSchema } from "../../src/domain/finding.js";
import { exited, spawnPrfaq } from "../helpers/process.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/prfaqs/${name}`, import.meta.url));
const LintJson = z.object({ score: z.number(), findings: z.array(FindingSchema) });

async function lint(args: string[]) {
  const child = spawnPrfaq(["lint", ...args], { NO_COLOR: "1" });
  const code = await exited(child);
  return { code, output: child.output() };
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
});
