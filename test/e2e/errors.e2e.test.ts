import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { inject } from "vitest";
import { useStack } from "../helpers/stack.js";

const stack = useStack({ roles: { api: true, worker: false } });

async function post(body: string, contentType = "application/json") {
  const res = await fetch(`${stack().url}/v1/reviews`, { method: "POST", headers: { "content-type": contentType }, body });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as Record<string, unknown> };
}

/** No run may be left behind by a rejected request. */
async function runCount(): Promise<number> {
  const redis = new Redis(inject("redisUrl"));
  try {
    return await redis.zcard(`${stack().prefix}:runs`);
  } finally {
    redis.disconnect();
  }
}

describe("bad input gets a clear problem+json and writes nothing", () => {
  it("400 with field paths for a schema violation", async () => {
    const r = await post(JSON.stringify({ brief: { title: "", text: 5 }, options: { rounds: 9 } }));
    expect(r.status).toBe(400);
    expect(r.type).toContain("application/problem+json");
    expect(r.body).toMatchObject({ status: 400, title: "Bad Request", type: expect.stringContaining("validation") });
    const paths = (r.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["brief.text", "brief.title", "options.rounds"]);
    expect(await runCount()).toBe(0);
  });

  it("400 for malformed JSON, 415 for another media type", async () => {
    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toContain("malformed-json");
    const wrongType = await post("<xml/>", "application/xml");
    expect(wrongType.status).toBe(415);
    expect(wrongType.type).toContain("application/problem+json");
    expect(await runCount()).toBe(0);
  });

  it("404 naming the unknown persona id with its path", async () => {
    const r = await post(JSON.stringify({ brief: { title: "T", text: "A brief." }, options: { personas: ["no-such-persona"] } }));
    expect(r.status).toBe(404);
    expect(r.body.errors).toEqual([{ path: "options.personas.0", message: "no customer persona with id 'no-such-persona'" }]);
    expect(await runCount()).toBe(0);
  });

  it("400 for a brief's persona that takes a library persona's id or another kind of seat, and nothing written", async () => {
    const before = await runCount();
    const persona = {
      id: "dental-office-manager", name: "Impostor", kind: "finance", role: "r", segment: "s", background: "b", dayToday: "d", goals: ["g"], frustrations: ["f"],
      paysForToday: "p", wouldPay: "w", decisionCriteria: ["c"], voice: "v", skepticism: 3, keywords: ["k"],
    };
    const r = await post(JSON.stringify({ brief: { title: "T", text: "A brief.", persona } }));
    expect(r.status).toBe(400);
    expect((r.body.errors as { path: string }[]).map((e) => e.path)).toEqual(["brief.persona.id", "brief.persona.kind"]);
    expect(await runCount()).toBe(before);
  });

  it("413 for a body over the limit", async () => {
    const r = await post(JSON.stringify({ brief: { title: "T", text: "x".repeat(70 * 1024) } }));
    expect(r.status).toBe(413);
    expect(r.type).toContain("application/problem+json");
  });

  it("404 problem for unknown runs and routes; 409 for the memo of an unfinished run", async () => {
    const unknown = await fetch(`${stack().url}/v1/reviews/rv_doesnotexist12345`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    const route = await fetch(`${stack().url}/nope`);
    expect(route.status).toBe(404);
    expect(((await route.json()) as { detail: string }).detail).toBe("No route for GET /nope.");
    // No worker runs in this stack, so the run stays queued.
    const created = await post(JSON.stringify({ brief: { title: "Queued", text: "A brief that waits." } }));
    expect(created.status).toBe(202);
    const memo = await fetch(`${stack().url}/v1/reviews/${String(created.body.id)}/memo`);
    expect(memo.status).toBe(409);
    expect(((await memo.json()) as { detail: string }).detail).toContain("is queued");
  });

  it("accepts a markdown brief with options in the query string", async () => {
    const res = await fetch(`${stack().url}/v1/reviews?rounds=2`, {
      method: "POST",
      headers: { "content-type": "text/markdown" },
      body: "# ChairFill\n\nFills cancelled dental appointments from a waitlist.",
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { title: string; rounds: number };
    expect(body).toMatchObject({ title: "ChairFill", rounds: 2 });
  });

  it("healthz is up; readyz says why it is not ready when no worker runs", async () => {
    expect(await (await fetch(`${stack().url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${stack().url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { detail: string }).detail).toMatch(/No worker/);
  });
});
