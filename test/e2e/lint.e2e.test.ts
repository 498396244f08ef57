import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FindingSchema } from "../../src/domain/finding.js";
import { useStack } from "../helpers/stack.js";

const stack = useStack({ roles: { api: true, worker: false } });

const LintResponse = z.object({ score: z.number().int(), findings: z.array(FindingSchema), prfaq: z.object({ title: z.string() }).passthrough() });
const fixture = (name: string) => readFile(new URL(`../fixtures/prfaqs/${name}.md`, import.meta.url), "utf8");

describe("POST /v1/lint", () => {
  it("lints markdown and {text} alike, synchronously", async () => {
    const text = await fixture("weak-launch-announcement");
    const asMarkdown = await fetch(`${stack().url}/v1/lint`, { method: "POST", headers: { "content-type": "text/markdown" }, body: text });
    const asJson = await fetch(`${stack().url}/v1/lint`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
    expect(asMarkdown.status).toBe(200);
    const a = LintResponse.parse(await asMarkdown.json());
    expect(LintResponse.parse(await asJson.json())).toEqual(a);
    expect(a.score).toBeLessThan(40);
    expect(a.findings.find((f) => f.check === "customer-quote-sounds-fake")?.evidence).toContain("StreamBox 2 is incredible, I love it!");
  });

  it("scores the strong fixture at least 85 with no critical or high finding", async () => {
    const res = await fetch(`${stack().url}/v1/lint`, { method: "POST", headers: { "content-type": "text/markdown" }, body: await fixture("strong-refillready") });
    const body = LintResponse.parse(await res.json());
    expect(body.score).toBeGreaterThanOrEqual(85);
    expect(body.findings.filter((f) => f.severity !== "medium")).toEqual([]);
  });

  it("400 with the path for an empty text", async () => {
    const res = await fetch(`${stack().url}/v1/lint`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["text"]);
  });
});
