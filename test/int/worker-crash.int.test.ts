import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";
import { MemoSchema, type Memo } from "../../src/domain/memo.js";
import { exited, spawnPrfaq } from "../helpers/process.js";
import { readSse } from "../helpers/sse.js";
import { startStack } from "../helpers/stack.js";

type Stack = Awaited<ReturnType<typeof startStack>>;
let api: Stack;
let workerEnv: Record<string, string>;
const children: ReturnType<typeof spawnPrfaq>[] = [];

beforeAll(async () => {
  api = await startStack({ roles: { api: true, worker: false } });
  // Paced so that "the middle of round 2" lasts long enough to aim a SIGKILL at; a short lock so
  // the second worker takes over within seconds.
  workerEnv = { REDIS_URL: inject("redisUrl"), PRFAQ_PREFIX: api.prefix, PRFAQ_OFFLINE_PACE_MS: "25", PRFAQ_JOB_LOCK_MS: "2000", LOG_LEVEL: "silent" };
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await api?.stop();
});

async function submit(): Promise<string> {
  const text = await readFile(new URL("../fixtures/briefs/strong-warehouse-picking.md", import.meta.url), "utf8");
  const res = await fetch(`${api.url}/v1/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ brief: { title: "PickPath", text }, options: { rounds: 3 } }),
  });
  return ((await res.json()) as { id: string }).id;
}

async function transcript(id: string): Promise<RunEvent[]> {
  const { messages } = await readSse(`${api.url}/v1/reviews/${id}/events`);
  return messages.map((m) => RunEventSchema.parse(JSON.parse(m.data)));
}

/** What identifies an event regardless of timing: type, round, agent. */
function identity(e: RunEvent): string {
  const agent = e.type === "agent.started" ? e.agent : e.type === "review.ready" ? e.review.agent : "";
  return `${e.type}|${e.round ?? ""}|${agent}`;
}

const withoutRunId = (memo: Memo) => ({ ...memo, runId: "" });

describe("a worker killed with SIGKILL in the middle of round 2", () => {
  it("is replaced by a second worker that finishes the run: no duplicate, no missing event, the same memo", async () => {
    const first = spawnPrfaq(["worker"], workerEnv);
    children.push(first);
    const id = await submit();
    // Follow the live stream; kill the worker as soon as round 2's first review is in.
    const live = await readSse(`${api.url}/v1/reviews/${id}/events`, {}, (m) => {
      const e = RunEventSchema.parse(JSON.parse(m.data));
      return e.type === "review.ready" && e.round === 2;
    });
    first.kill("SIGKILL");
    await exited(first);
    expect(live.messages.at(-1)?.event).toBe("review.ready");

    const second = spawnPrfaq(["worker"], workerEnv);
    children.push(second);
    const crashed = await transcript(id);
    expect(crashed.at(-1)?.type).toBe("run.completed");
    // Exact log: ids 1..n, every event once.
    expect(crashed.map((e) => e.seq)).toEqual(crashed.map((_, i) => i + 1));
    const rounds = crashed.filter((e) => e.type === "round.started").map((e) => e.round);
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    for (const round of rounds) {
      expect(crashed.filter((e) => e.type === "draft.ready" && e.round === round)).toHaveLength(1);
      expect(crashed.filter((e) => e.type === "decision" && e.round === round)).toHaveLength(1);
    }

    // The same brief, uninterrupted, on the surviving worker.
    const cleanId = await submit();
    const clean = await transcript(cleanId);
    // Same events, each as often as in the clean run (the reviewers' order within a round may differ).
    expect([...crashed.map(identity)].sort()).toEqual([...clean.map(identity)].sort());
    const memo = MemoSchema.parse(await (await fetch(`${api.url}/v1/reviews/${id}/memo`)).json());
    const cleanMemo = MemoSchema.parse(await (await fetch(`${api.url}/v1/reviews/${cleanId}/memo`)).json());
    expect(withoutRunId(memo)).toEqual(withoutRunId(cleanMemo));
    second.kill("SIGTERM");
    expect(await exited(second)).toBe(0);
  });
});
