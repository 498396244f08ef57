import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";
import { MemoSchema } from "../../src/domain/memo.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { readSse } from "../helpers/sse.js";
import { startStack } from "../helpers/stack.js";

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

async function setup(fake: Awaited<ReturnType<typeof startFakeOpenAI>>) {
  const stack = await startStack({
    env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "test-key", PRFAQ_MODEL: "gpt-4.1-mini", PRFAQ_MODEL_LEADER: "gpt-4.1", PRFAQ_MODEL_MAX_RETRIES: "2", PRFAQ_ALLOWED_MODELS: "gpt-4.1-mini,gpt-4.1,gpt-4.1-nano" },
  });
  stops.push(() => fake.close(), () => stack.stop());
  return stack;
}

async function review(url: string, options: Record<string, unknown>): Promise<{ id: string; events: RunEvent[] }> {
  const text = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
  const res = await fetch(`${url}/v1/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ brief: { title: "RefillReady", text }, options: { engine: "openai", ...options } }),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const { messages } = await readSse(`${url}/v1/reviews/${id}/events`);
  return { id, events: messages.map((m) => RunEventSchema.parse(JSON.parse(m.data))) };
}

describe("the openai engine through @langchain/openai against a local fake server", () => {
  it("runs a full review, surviving a 429 and a malformed JSON answer; usage matches the server's", async () => {
    const fake = await startFakeOpenAI({ faults: [{ kind: "429" }, { name: "engineer_review", kind: "malformed" }] });
    const stack = await setup(fake);
    const { id, events } = await review(stack.url, { rounds: 3, models: { customer: "gpt-4.1-nano" } });
    expect(events.at(-1)?.type).toBe("run.completed");
    const started = events.find((e) => e.type === "run.started");
    expect(started?.type === "run.started" && started.engine).toBe("openai");
    expect(started?.type === "run.started" && started.note).toMatch(/^Model engine: /);

    // The 429 was retried by the client, the malformed answer by us with the validation error.
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
    const engineerCalls = fake.requests.filter((r) => r.name === "engineer_review");
    expect(engineerCalls[1]?.messages.at(-1)?.content).toMatch(/^Your answer was invalid: the answer was not valid JSON/);

    // Per-role models: the run's choice for customers, the environment's for the leader.
    expect(new Set(fake.requests.filter((r) => r.name === "customer_review").map((r) => r.model))).toEqual(new Set(["gpt-4.1-nano"]));
    expect(new Set(fake.requests.filter((r) => r.name === "leader_decision").map((r) => r.model))).toEqual(new Set(["gpt-4.1"]));

    const run = (await (await fetch(`${stack.url}/v1/reviews/${id}`)).json()) as { usage: { promptTokens: number; completionTokens: number; costUsd: number; byRole?: Record<string, { promptTokens: number }> }; verdict: { decision: string } };
    expect(run.usage.promptTokens).toBe(fake.usage.promptTokens);
    expect(run.usage.completionTokens).toBe(fake.usage.completionTokens);
    expect(run.usage.costUsd).toBeGreaterThan(0);
    // Per role: the leader's tokens are billed at gpt-4.1's price, the rest add up to the total.
    const byRole = run.usage.byRole ?? {};
    expect(Object.keys(byRole).sort()).toEqual(["bar-raiser", "customer", "drafter", "engineer", "finance", "leader"]);
    expect(Object.values(byRole).reduce((a, u) => a + u.promptTokens, 0)).toBe(run.usage.promptTokens);
    expect(run.verdict.decision).toBe("fund");
    const memo = MemoSchema.parse(await (await fetch(`${stack.url}/v1/reviews/${id}/memo`)).json());
    expect(memo).toMatchObject({ decision: "fund", engine: "openai", rounds: 2 });
    // The last usage event carries the run's totals as they stood after the last leader decision.
    const lastUsage = events.filter((e) => e.type === "usage").at(-1);
    expect(lastUsage?.type === "usage" && lastUsage.usage.promptTokens).toBeLessThanOrEqual(run.usage.promptTokens);
  });

  it("never sends the internal FAQ to a customer persona", async () => {
    const fake = await startFakeOpenAI();
    const stack = await setup(fake);
    await review(stack.url, { rounds: 1 });
    const customer = fake.requests.filter((r) => r.name === "customer_review");
    const engineer = fake.requests.filter((r) => r.name === "engineer_review");
    expect(customer.length).toBeGreaterThan(0);
    const text = (r: (typeof customer)[number]) => r.messages.map((m) => m.content).join("\n");
    for (const r of customer) {
      expect(text(r)).toContain("How much does it cost?");
      expect(text(r)).not.toContain("What would make us stop?");
      expect(text(r)).not.toContain("Unit economics?");
    }
    // The engineer does read the internal FAQ.
    expect(text(engineer[0]!)).toContain("What would make us stop?");
  });

  it("runs one round's reviews in parallel: with 300 ms per call their requests overlap", async () => {
    const fake = await startFakeOpenAI({ delayMs: 300 });
    const stack = await setup(fake);
    await review(stack.url, { rounds: 1 });
    // The round's reviews; the bar raiser reads alone, after the meeting concludes.
    const reviews = fake.requests.filter((r) => r.name.endsWith("_review") && r.name !== "bar_raiser_review");
    expect(reviews.length).toBeGreaterThanOrEqual(3);
    const lastStart = Math.max(...reviews.map((r) => r.startedAt));
    const firstEnd = Math.min(...reviews.map((r) => r.endedAt));
    // Every review request was in flight at the same moment (sequential calls would not overlap at all).
    expect(lastStart).toBeLessThan(firstEnd);
  });
});
