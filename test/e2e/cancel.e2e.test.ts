import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import { RunEventSchema } from "../../src/domain/events.js";
import { readSse } from "../helpers/sse.js";
import { useStack } from "../helpers/stack.js";


const stack = useStack({ env: { PRFAQ_OFFLINE_PACE_MS: "35" } });

const brief = { title: "RefillReady", text: "## Customer\nFront-desk staff at 18,000 US vet clinics.\n## Problem\nRefill calls are 31% of calls." };

async function post(path: string, body?: unknown) {
  const res = await fetch(`${stack().url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("cancel", () => {
  it("stops a running review at the next step: run.cancelled, no memo, no job left running", async () => {
    const { body } = await post("/v1/reviews", { brief, options: { rounds: 3 } });
    const id = String(body.id);
    await readSse(`${stack().url}/v1/reviews/${id}/events`, {}, (m) => m.event === "review.ready");
    const cancel = await post(`/v1/reviews/${id}/cancel`);
    expect(cancel.status).toBe(202);
    const { messages } = await readSse(`${stack().url}/v1/reviews/${id}/events`);
    const events = messages.map((m) => RunEventSchema.parse(JSON.parse(m.data)));
    expect(events.at(-1)?.type).toBe("run.cancelled");
    expect(events.some((e) => e.type === "memo.ready")).toBe(false);
    // Within one step: nothing of round 2 started.
    expect(events.some((e) => e.type === "round.started" && e.round === 2)).toBe(false);
    const run = (await (await fetch(`${stack().url}/v1/reviews/${id}`)).json()) as { status: string };
    expect(run.status).toBe("cancelled");
    expect((await fetch(`${stack().url}/v1/reviews/${id}/memo`)).status).toBe(409);
    const queue = new Queue(`${stack().prefix}-reviews`, { connection: new Redis(inject("redisUrl"), { maxRetriesPerRequest: null }) });
    try {
      expect((await queue.getJobCounts("active")).active).toBe(0);
    } finally {
      await queue.close();
    }
    // Cancelling a finished run is a conflict.
    const again = await post(`/v1/reviews/${id}/cancel`);
    expect(again.status).toBe(409);
    expect(String(again.body.detail)).toContain("already cancelled");
  });

  it("runs the three reviews of a round in parallel (their start/end intervals overlap)", async () => {
    const { body } = await post("/v1/reviews", { brief, options: { rounds: 1 } });
    const { messages } = await readSse(`${stack().url}/v1/reviews/${String(body.id)}/events`);
    const events = messages.map((m) => RunEventSchema.parse(JSON.parse(m.data)));
    // The round's reviewers; the bar raiser reads alone, after the meeting concludes.
    const reviewers = events.flatMap((e) => (e.type === "review.ready" && e.review.role !== "bar-raiser" ? [e.review.agent] : []));
    expect(reviewers.length).toBeGreaterThanOrEqual(3);
    const interval = (agent: string) => {
      const start = events.find((e) => e.type === "agent.started" && e.agent === agent && e.round === 1);
      const end = events.find((e) => e.type === "review.ready" && e.review.agent === agent);
      return [Date.parse(start?.at ?? ""), Date.parse(end?.at ?? "")] as const;
    };
    const spans = reviewers.map(interval);
    // Every reviewer started before any of them finished: their intervals all overlap.
    const lastStart = Math.max(...spans.map(([s]) => s));
    const firstEnd = Math.min(...spans.map(([, e]) => e));
    expect(lastStart).toBeLessThan(firstEnd);
  });
});
