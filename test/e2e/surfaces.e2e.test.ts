import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../helpers/stack.js";

const KEY = "surfaces-key-0123456789";
const TOKEN = "metrics-token-0123456789";
const BRIEF = "# Fetchly\n\nDog walkers in Leeds lose 3 hours a week to scheduling.";

/** A request with headers fetch will not send (Host), over node:http. */
function raw(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const problemOf = (r: { headers: Record<string, unknown>; body: string }) => {
  expect(String(r.headers["content-type"])).toContain("application/problem+json");
  return JSON.parse(r.body) as { status: number; detail: string };
};

describe("without API keys: only this machine's own pages and names", () => {
  let open: Stack;
  beforeAll(async () => {
    open = await startStack({ roles: { api: true, worker: false }, env: { PRFAQ_ALLOWED_HOSTS: "prfaq.internal" } });
  });
  afterAll(() => open.stop());

  it("refuses a cross-site request (a simple text/plain POST from any web page) with 403, on every route", async () => {
    const self = new URL(open.url).host;
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { origin: `http://${self}.evil.example` }, { "sec-fetch-site": "cross-site" }];
    for (const headers of crossSite) {
      const post = await raw(open.url, "/v1/reviews", { method: "POST", headers: { "content-type": "text/plain", ...headers }, body: BRIEF });
      expect(post.status, JSON.stringify(headers)).toBe(403);
      expect(problemOf(post).detail).toMatch(/other web sites are refused/);
      expect((await raw(open.url, "/v1/reviews", { headers })).status).toBe(403);
      expect((await raw(open.url, "/metrics", { headers })).status).toBe(403);
    }
    // The server's own page (same origin) works.
    const own = await raw(open.url, "/v1/reviews", { method: "POST", headers: { "content-type": "text/plain", origin: `http://${self}`, "sec-fetch-site": "same-origin" }, body: BRIEF });
    expect(own.status).toBe(202);
  });

  it("serves only loopback names and PRFAQ_ALLOWED_HOSTS (421 otherwise: DNS rebinding)", async () => {
    const port = new URL(open.url).port;
    for (const host of ["evil.example", `evil.example:${port}`, "10.0.0.7", "localhost.evil.example"]) {
      const res = await raw(open.url, "/v1/reviews", { headers: { host } });
      expect(res.status, host).toBe(421);
      expect(problemOf(res).detail).toMatch(/PRFAQ_ALLOWED_HOSTS/);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`, `prfaq.internal:${port}`, "PRFAQ.internal"]) {
      expect((await raw(open.url, "/v1/reviews", { headers: { host } })).status, host).toBe(200);
    }
  });
});

describe("with API keys", () => {
  let keyed: Stack;
  beforeAll(async () => {
    keyed = await startStack({ roles: { api: true, worker: false }, env: { PRFAQ_API_KEYS: KEY, PRFAQ_METRICS_TOKEN: TOKEN, PRFAQ_AUTH_FAILURES_PER_MIN: "5" } });
  });
  afterAll(() => keyed.stop());

  it("/metrics needs an API key or the metrics token", async () => {
    expect((await fetch(`${keyed.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
    expect((await fetch(`${keyed.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    // The metrics token opens /metrics only.
    expect((await fetch(`${keyed.url}/v1/reviews`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);
    const none = await fetch(`${keyed.url}/metrics`);
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain("prfaq_");
  });

  it("throttles failed authentication per client address: 429 with Retry-After, even for the right key then", async () => {
    // This file's earlier test failed twice from this address (no key, the token on /v1); five is the limit.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${keyed.url}/v1/reviews`, { headers: { authorization: `Bearer wrong-key-${i}-0123456789` } })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    const right = await fetch(`${keyed.url}/v1/reviews`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await right.json()) as { detail: string }).detail).toMatch(/Too many requests with a missing or wrong API key/);
    expect((await fetch(`${keyed.url}/healthz`)).status).toBe(200);
  });

  it("answers any Origin and Host: the key is the credential", async () => {
    const res = await raw(keyed.url, "/v1/personas", { headers: { origin: "https://elsewhere.example", host: "api.example.com", authorization: `Bearer ${KEY}` } });
    expect(res.status).not.toBe(403);
    expect(res.status).not.toBe(421);
  });
});
