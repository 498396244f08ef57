import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../helpers/stack.js";

const KEY = "operator-key-0123456789";
const ADMIN_KEY = "admin-key-0123456789abc";
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`ops:${password}`).toString("base64")}` });

/** A finished review, so the run-duration histogram has a run in it. */
async function finishOne(stack: Stack): Promise<void> {
  const brief = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
  const posted = await fetch(`${stack.url}/v1/reviews?rounds=1`, { method: "POST", headers: { ...bearer(KEY), "content-type": "text/markdown" }, body: brief });
  const { id } = (await posted.json()) as { id: string };
  for (let i = 0; i < 600; i++) {
    const run = (await (await fetch(`${stack.url}/v1/reviews/${id}`, { headers: bearer(KEY) })).json()) as { status: string };
    if (run.status === "completed") return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the review did not complete");
}

describe("what an operator gets: the queue dashboard and metrics", () => {
  let stack: Stack;
  let adminOff: Stack;
  beforeAll(async () => {
    [stack, adminOff] = await Promise.all([
      startStack({ env: { PRFAQ_API_KEYS: KEY, PRFAQ_ADMIN_KEYS: ADMIN_KEY } }),
      startStack({ roles: { api: true, worker: false }, env: { PRFAQ_API_KEYS: KEY, PRFAQ_ADMIN: "off" } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([stack?.stop(), adminOff?.stop()]);
  });

  it("/admin/queues shows the review queue to an admin key holder (Bearer, or the browser's login prompt), 401 with a login prompt otherwise", async () => {
    const none = await fetch(`${stack.url}/admin/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic realm="prfaq-sim queues"/);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    // An API key is not an admin key when PRFAQ_ADMIN_KEYS is set.
    expect((await fetch(`${stack.url}/admin/queues`, { headers: bearer(KEY) })).status).toBe(401);
    expect((await fetch(`${stack.url}/admin/queues/api/queues`, { headers: basic("wrong-key-0123456789") })).status).toBe(401);

    const page = await fetch(`${stack.url}/admin/queues`, { headers: basic(ADMIN_KEY) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("prfaq-sim queues");
    // The same security headers as the API, and never cached.
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(page.headers.get("cache-control")).toBe("no-store");

    const api = await fetch(`${stack.url}/admin/queues/api/queues`, { headers: bearer(ADMIN_KEY) });
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((q) => q.name)).toEqual([`${stack.prefix}-reviews`]);
  });

  it("PRFAQ_ADMIN=off: no dashboard (404), whatever the key", async () => {
    const off = await fetch(`${adminOff.url}/admin/queues`, { headers: bearer(KEY) });
    expect(off.status).toBe(404);
    expect(off.headers.get("content-type")).toContain("application/problem+json");
  });

  it("/metrics has the process's metrics, request histograms by route, method and status, and the run-duration histogram", async () => {
    await finishOne(stack);
    await fetch(`${stack.url}/v1/reviews/rv_nosuchrun0123456789`, { headers: bearer(KEY) });
    const res = await fetch(`${stack.url}/metrics`, { headers: bearer(KEY) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",route="\/v1\/reviews\/:id",method="GET",status="404"\} [1-9]/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/v1\/reviews",method="POST",status="202"\} 1$/m);
    expect(text).toContain("# TYPE prfaq_run_duration_seconds histogram");
    expect(text).toMatch(/^prfaq_run_duration_seconds_bucket\{le="\+Inf"\} 1$/m);
    expect(text).toMatch(/^prfaq_run_duration_seconds_count 1$/m);
    // Buckets are cumulative: each at least the one before, the last one the count.
    const buckets = [...text.matchAll(/^prfaq_run_duration_seconds_bucket\{le="[^"]+"\} (\d+)$/gm)].map((m) => Number(m[1]));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(1);
    // Steps too: a histogram by node, cumulative, its +Inf bucket the count.
    expect(text).toContain("# TYPE prfaq_step_duration_seconds histogram");
    const count = Number(/^prfaq_step_duration_seconds_count\{node="drafter"\} (\d+)$/m.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
    const steps = [...text.matchAll(/^prfaq_step_duration_seconds_bucket\{node="drafter",le="[^"]+"\} (\d+)$/gm)].map((m) => Number(m[1]));
    expect(steps.length).toBeGreaterThan(2);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.at(-1)).toBe(count);
  });
});
