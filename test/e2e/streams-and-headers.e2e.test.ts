import { describe, expect, it } from "vitest";
import { useStack } from "../helpers/stack.js";

const KEY_A = "streams-key-a-0123456789";
const KEY_B = "streams-key-b-0123456789";
// No worker: runs stay queued, so their event streams stay open.
const stack = useStack({ roles: { api: true, worker: false }, env: { PRFAQ_API_KEYS: `${KEY_A},${KEY_B}`, PRFAQ_MAX_STREAMS_PER_KEY: "3", PRFAQ_RATE_LIMIT_PER_MIN: "1000000" } });

const auth = (key: string) => ({ authorization: `Bearer ${key}` });
async function newRun(key: string): Promise<string> {
  const res = await fetch(`${stack().url}/v1/reviews`, { method: "POST", headers: { ...auth(key), "content-type": "text/markdown" }, body: "# Fetchly\n\nDog walkers in Leeds lose 3 hours a week." });
  return ((await res.json()) as { id: string }).id;
}
async function sseClients(): Promise<number> {
  const text = await (await fetch(`${stack().url}/metrics`, { headers: auth(KEY_A) })).text();
  return Number(/^prfaq_sse_clients (\d+)$/m.exec(text)?.[1]);
}

describe("open event streams per key", () => {
  it("caps them (429 + Retry-After beyond), per key, and counts them in prfaq_sse_clients", async () => {
    const id = await newRun(KEY_A);
    const open = await Promise.all(Array.from({ length: 3 }, () => {
      const controller = new AbortController();
      return fetch(`${stack().url}/v1/reviews/${id}/events`, { headers: auth(KEY_A), signal: controller.signal }).then((res) => ({ res, controller }));
    }));
    expect(open.map((o) => o.res.status)).toEqual([200, 200, 200]);
    expect(await sseClients()).toBe(3);
    const fourth = await fetch(`${stack().url}/v1/reviews/${id}/events`, { headers: auth(KEY_A) });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get("retry-after")).toBe("5");
    expect(((await fourth.json()) as { detail: string }).detail).toMatch(/already has 3 event streams open/);
    // Another key has its own allowance.
    const other = new AbortController();
    const otherRes = await fetch(`${stack().url}/v1/reviews/${await newRun(KEY_B)}/events`, { headers: auth(KEY_B), signal: other.signal });
    expect(otherRes.status).toBe(200);
    other.abort();
    // A closed stream frees its place.
    open[0]?.controller.abort();
    for (let i = 0; i < 50 && (await sseClients()) > 2; i++) await new Promise((r) => setTimeout(r, 50));
    const again = new AbortController();
    expect((await fetch(`${stack().url}/v1/reviews/${id}/events`, { headers: auth(KEY_A), signal: again.signal })).status).toBe(200);
    again.abort();
    for (const o of open) o.controller.abort();
  });
});

describe("response headers", () => {
  it("API answers carry nosniff and Cache-Control: no-store, errors too; the web page keeps its revalidation", async () => {
    for (const [path, headers] of [["/v1/personas", auth(KEY_A)], ["/v1/reviews", {}], ["/healthz", {}], ["/readyz", {}], ["/metrics", auth(KEY_A)]] as const) {
      const res = await fetch(`${stack().url}${path}`, { headers });
      await res.arrayBuffer();
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    const page = await fetch(`${stack().url}/`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cache-control")).toBe("no-cache");
  });
});
