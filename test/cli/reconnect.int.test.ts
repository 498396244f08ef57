import { afterAll, describe, expect, it } from "vitest";
import { RunEventSchema } from "../../src/domain/events.js";
import { startStack, testPrefix, type Stack } from "../helpers/stack.js";
import { fixture, ndjson, oneToN, startCli } from "./cli.js";

const stacks: Stack[] = [];
afterAll(async () => {
  for (const s of stacks.reverse()) await s.stop();
});

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("prfaq review survives a server restart", () => {
  it("reconnects with Last-Event-ID and prints every event exactly once (seq 1..n)", async () => {
    const prefix = testPrefix("cli-reconnect");
    // The worker lives apart from the API, so the run goes on while the API is down. 100 ms paces of think time per
    // agent call makes the meeting last a few seconds.
    stacks.push(await startStack({ prefix, roles: { api: false, worker: true }, env: { PRFAQ_OFFLINE_PACE_MS: "100" } }));
    const first = await startStack({ prefix, roles: { api: true, worker: false } });
    const port = new URL(first.url).port;

    const cli = startCli(["review", `--server=${first.url}`, "--json", fixture("briefs/strong-vet-clinic-refills.md")]);
    const lines = () => cli.stdout().split("\n").filter(Boolean).length;
    await until(() => lines() >= 6, "the first events");
    const beforeStop = lines();
    await first.stop();
    // Events happen while nobody serves the stream.
    await new Promise((r) => setTimeout(r, 1500));
    const second = await startStack({ prefix, roles: { api: true, worker: false }, env: { PORT: port } });
    stacks.push(second);

    const { code, stdout, stderr } = await cli.done;
    expect(code).toBe(0);
    const events = ndjson(stdout);
    expect(events.map((e) => e.seq)).toEqual(oneToN(events.length));
    expect(events.at(-1)).toMatchObject({ type: "run.completed", verdict: { decision: "fund" } });
    expect(events.length).toBeGreaterThan(beforeStop + 5);
    const res = await fetch(`${second.url}/v1/reviews/${events[0]!.runId}/events?format=json`);
    expect(events).toEqual(RunEventSchema.array().parse(await res.json()));
    // Each drop is announced, then its reconnect, resuming where it stopped. (There can be two: a reconnect may
    // reuse a kept-alive socket of the stopping server for up to a second before that server cuts it.)
    const notes = stderr.trimEnd().split("\n");
    expect(notes.length % 2).toBe(0);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < notes.length; i += 2) {
      const after = /reconnecting to resume after event (\d+)\.\.\.$/.exec(notes[i] ?? "")?.[1];
      expect(notes[i]).toMatch(/^prfaq: lost the event stream \(.+\); reconnecting to resume after event \d+\.\.\.$/);
      expect(notes[i + 1]).toBe(`prfaq: reconnected; resuming after event ${after}`);
      expect(Number(after)).toBeGreaterThanOrEqual(beforeStop);
    }
  });
});
