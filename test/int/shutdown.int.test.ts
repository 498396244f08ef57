import { afterAll, describe, expect, inject, it } from "vitest";
import { RunEventSchema } from "../../src/domain/events.js";
import { freePort } from "../../src/runtime/redis-server.js";
import { testPrefix } from "../helpers/prefix.js";
import { exited, spawnPrfaq } from "../helpers/process.js";
import { readSse } from "../helpers/sse.js";

const children: ReturnType<typeof spawnPrfaq>[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

async function startDev(env: Record<string, string>, url: string) {
  const child = spawnPrfaq(["dev"], env);
  children.push(child);
  // Ready when /healthz answers; a child that exits never will. No time budget: the test timeout catches a hang.
  while (child.exitCode === null && child.signalCode === null) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prfaq dev exited before it was ready: ${child.output()}`);
}

describe("graceful shutdown", () => {
  it("SIGTERM ends SSE streams with a final comment, exits 0, and a restarted process finishes the run", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      REDIS_URL: inject("redisUrl"),
      PORT: String(port),
      PRFAQ_PREFIX: testPrefix("shutdown"),
      PRFAQ_OFFLINE_PACE_MS: "40",
      PRFAQ_SHUTDOWN_TIMEOUT_MS: "300",
      PRFAQ_JOB_LOCK_MS: "2000",
      LOG_LEVEL: "silent",
    };
    const first = await startDev(env, url);
    const res = await fetch(`${url}/v1/reviews`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brief: { title: "PickPath", text: "## Customer\nShift managers at 12,000 m2 warehouses.\n## Problem\nPickers walk 15 km a shift." }, options: { rounds: 2 } }),
    });
    const { id } = (await res.json()) as { id: string };
    // A watcher that stays connected through the shutdown.
    const watching = readSse(`${url}/v1/reviews/${id}/events`);
    await readSse(`${url}/v1/reviews/${id}/events`, {}, (m) => m.event === "review.ready");
    first.kill("SIGTERM");
    expect(await exited(first)).toBe(0);
    const before = await watching;
    expect(before.comments.some((c) => c.startsWith("server shutting down"))).toBe(true);
    const seen = before.messages.map((m) => Number(m.id));
    expect(before.messages.at(-1)?.event).not.toBe("run.completed");

    const second = await startDev(env, url);
    const rest = await readSse(`${url}/v1/reviews/${id}/events`, { headers: { "last-event-id": String(seen.at(-1)) } });
    const all = [...seen, ...rest.messages.map((m) => Number(m.id))];
    expect(all).toEqual(all.map((_, i) => i + 1));
    expect(RunEventSchema.parse(JSON.parse(rest.messages.at(-1)?.data ?? "{}")).type).toBe("run.completed");
    second.kill("SIGTERM");
    expect(await exited(second)).toBe(0);
    // Two starts of `prfaq dev` (each bundles the web page and starts a worker) took 20-26 s each on 2 busy
    // cores: the timeout is there to catch a hang, so it leaves room for a loaded machine.
  }, 180_000);
});
