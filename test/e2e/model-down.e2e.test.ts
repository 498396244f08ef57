import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";
import { freePort } from "../../src/runtime/redis-server.js";
import { readSse } from "../helpers/sse.js";
import { startStack, type Stack } from "../helpers/stack.js";

const stacks: Stack[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.stop()));
  for (const s of servers) s.close();
});

/** Runs a review on the openai engine against `baseUrl` and returns its whole transcript. */
async function review(baseUrl: string): Promise<RunEvent[]> {
  const stack = await startStack({ env: { OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: "sk-test-key", PRFAQ_ENGINE: "openai" } });
  stacks.push(stack);
  const res = await fetch(`${stack.url}/v1/reviews`, { method: "POST", headers: { "content-type": "text/markdown" }, body: "# Fetchly\n\nDog walkers in Leeds lose 3 hours a week to scheduling." });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const stream = await readSse(`${stack.url}/v1/reviews/${id}/events`);
  return stream.messages.map((m) => RunEventSchema.parse(JSON.parse(m.data)));
}

describe("the model endpoint down or refusing", () => {
  it("shows each retry in the transcript as it happens, then fails naming host:port and what to check", async () => {
    const port = await freePort(); // nothing listens there
    const events = await review(`http://127.0.0.1:${port}/v1`);
    const retries = events.filter((e) => e.type === "agent.retrying");
    expect(retries.map((e) => e.type === "agent.retrying" && [e.agent, e.attempt, e.waitMs, e.reason])).toEqual([
      ["drafter", 1, 1000, "unreachable (ECONNREFUSED)"],
      ["drafter", 2, 2000, "unreachable (ECONNREFUSED)"],
      ["drafter", 3, 4000, "unreachable (ECONNREFUSED)"],
    ]);
    const failed = events.at(-1);
    expect(failed?.type).toBe("run.failed");
    if (failed?.type !== "run.failed") return;
    expect(failed.error).toEqual({
      code: "engine_unavailable",
      message: `The model endpoint 127.0.0.1:${port} could not be reached (ECONNREFUSED) after 4 attempts: check that the server is running and that OPENAI_BASE_URL is right.`,
    });
    // Failed once, at once: no job retries after an endpoint that cannot be reached.
    expect(events.filter((e) => e.type === "run.started")).toHaveLength(1);
  });

  it("fails at once, without retries, when the key is refused", async () => {
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Incorrect API key provided: sk-test-key.", type: "invalid_request_error", code: "invalid_api_key" } }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const events = await review(`http://127.0.0.1:${port}/v1`);
    expect(events.filter((e) => e.type === "agent.retrying")).toEqual([]);
    const failed = events.at(-1);
    expect(failed?.type).toBe("run.failed");
    if (failed?.type !== "run.failed") return;
    expect(failed.error.code).toBe("engine_unavailable");
    expect(failed.error.message).toMatch(new RegExp(`^The model endpoint 127\\.0\\.0\\.1:${port} refused the API key \\(401\\) on the prfaq_draft step: check OPENAI_API_KEY`));
    expect(failed.error.message).not.toMatch(/Troubleshooting URL|\.\.$/);
  });
});
