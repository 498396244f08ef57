import { describe, expect, it } from "vitest";
import type { RunEvent } from "../domain/events.js";
import { ApiError, CliError } from "./errors.js";
import { followEvents } from "./follow.js";

const at = "2027-01-01T00:00:00.000Z";
const frame = (e: Record<string, unknown>) => `id: ${String(e.seq)}\nevent: ${String(e.type)}\ndata: ${JSON.stringify({ runId: "rv_x", at, ...e })}\n\n`;
const started = (seq: number) => frame({ seq, round: 1, type: "agent.started", agent: "engineer" });
const completed = (seq: number) => frame({ seq, type: "run.completed", status: "completed", verdict: { decision: "fund", confidence: 0.9, score: 90 } });
const sse = (body: string) => new Response(body, { headers: { "content-type": "text/event-stream" } });
const fast = { initialMs: 1, maxMs: 4, giveUpMs: 50 };

/** A fake server: answers each connection with the next scripted response (or throws it). */
function scripted(answers: ((after: number) => Response | Error)[]) {
  const afters: number[] = [];
  return {
    afters,
    client: {
      server: "http://test",
      async events(_id: string, after: number) {
        afters.push(after);
        const answer = (answers.shift() ?? (() => new CliError("unreachable", "down")))(after);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
  };
}

describe("followEvents", () => {
  it("resumes after the last event it delivered and never delivers one twice", async () => {
    const server = scripted([
      () => sse(started(1) + started(2)), // the connection ends mid-run
      () => new CliError("unreachable", "restarting"),
      () => sse(started(2) + started(3) + completed(4)), // a server that replays one too many
    ]);
    const seen: RunEvent[] = [];
    const reconnecting: number[] = [];
    // No give-up deadline here: on a loaded machine a 50 ms budget could run out between two scripted answers.
    const patient = { ...fast, giveUpMs: 600_000 };
    const terminal = await followEvents({ client: server.client, id: "rv_x", after: 0, onEvent: (e) => seen.push(e), onReconnecting: (i) => reconnecting.push(i.attempt), backoff: patient });
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(terminal.type).toBe("run.completed");
    expect(server.afters).toEqual([0, 2, 2]);
    expect(reconnecting).toEqual([1, 2]);
  });

  it("gives up after giveUpMs without the stream, naming the last event and how to resume", async () => {
    const server = scripted([() => sse(started(1))]);
    await expect(followEvents({ client: server.client, id: "rv_x", after: 0, onEvent: () => undefined, backoff: fast })).rejects.toThrow(
      /^lost the event stream of rv_x at http:\/\/test for 0 s \(down\); the last event shown was 1\. Resume with `prfaq watch rv_x`\.$/,
    );
  });

  it("a 4xx is final; an unreachable server before the first connection fails at once", async () => {
    const notFound = scripted([() => new ApiError("the server refused the event stream of rv_x", { status: 404, detail: "review rv_x not found" })]);
    await expect(followEvents({ client: notFound.client, id: "rv_x", after: 0, onEvent: () => undefined, backoff: fast })).rejects.toBeInstanceOf(ApiError);
    expect(notFound.afters).toEqual([0]);
    const down = scripted([]);
    await expect(followEvents({ client: down.client, id: "rv_x", after: 0, onEvent: () => undefined, backoff: fast })).rejects.toMatchObject({ code: "unreachable" });
    expect(down.afters).toEqual([0]);
  });

  it("an event that does not match RunEventSchema is an error, not a retry", async () => {
    const server = scripted([() => sse(frame({ seq: 1, type: "run.exploded" }))]);
    await expect(followEvents({ client: server.client, id: "rv_x", after: 0, onEvent: () => undefined, backoff: fast })).rejects.toMatchObject({ code: "api" });
  });
});
