// The web page's routes over real HTTP: the HTML shell and its assets (types, CSP, ETag revalidation),
// open without a key; and the key as ?access_token= on GET, which is how the page's EventSource sends it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../helpers/stack.js";

const KEY = "k-web-e2e-0123456789";
let open: Stack;
let secured: Stack;

beforeAll(async () => {
  [open, secured] = await Promise.all([
    startStack({ roles: { api: true, worker: false } }),
    startStack({ roles: { api: true, worker: false }, env: { PRFAQ_API_KEYS: KEY } }),
  ]);
});

afterAll(async () => {
  await Promise.all([open?.stop(), secured?.stop()]);
});

describe("the page and its assets", () => {
  it("serves the same HTML shell at / and /reviews/:id, with a strict CSP and the engines", async () => {
    for (const path of ["/", "/reviews/rv_doesnotexist0000"]) {
      const res = await fetch(`${open.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('<script type="module" src="/assets/app.js"></script>');
      expect(html).toContain('<link rel="stylesheet" href="/assets/app.css">');
      expect(html).toContain('<meta name="prfaq-engines" content="offline">');
      // Nothing inline to run and nothing from elsewhere.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=|https?:\/\//i);
    }
  });

  it("serves the bundled script, the stylesheet and the icon with their types and ETags (304 when unchanged)", async () => {
    const cases = [
      ["/assets/app.js", "text/javascript; charset=utf-8"],
      ["/assets/app.css", "text/css; charset=utf-8"],
      ["/assets/icon.svg", "image/svg+xml"],
      ["/", "text/html; charset=utf-8"],
    ] as const;
    for (const [path, type] of cases) {
      const res = await fetch(`${open.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toBe(type);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      const etag = res.headers.get("etag") ?? "";
      // Compressed answers carry a weak ETag (W/"...").
      expect(etag, path).toMatch(/^(W\/)?"[A-Za-z0-9_.-]+"$/);
      const body = await res.text();
      expect(body.length, path).toBeGreaterThan(100);
      const again = await fetch(`${open.url}${path}`, { headers: { "if-none-match": etag } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      const changed = await fetch(`${open.url}${path}`, { headers: { "if-none-match": '"other"' } });
      expect(changed.status, path).toBe(200);
      await changed.arrayBuffer();
    }
    // The script goes out gzipped to a client that accepts it.
    const zipped = await fetch(`${open.url}/assets/app.js`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    await zipped.arrayBuffer();
    const js = await (await fetch(`${open.url}/assets/app.js`)).text();
    // The page builds its DOM with textContent only.
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(js).toContain("EventSource");
  });

  it("needs no API key when the API has keys", async () => {
    for (const path of ["/", "/reviews/rv_x", "/assets/app.js", "/assets/app.css"]) {
      const res = await fetch(`${secured.url}${path}`);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
    }
  });
});

describe("the API key as ?access_token= (for EventSource, which cannot send headers)", () => {
  it("is accepted on GET requests", async () => {
    const personas = await fetch(`${secured.url}/v1/personas?access_token=${KEY}`);
    expect(personas.status).toBe(200);
    // The key works, so an unknown run is a 404 (not a 401) on the events stream too.
    const events = await fetch(`${secured.url}/v1/reviews/rv_doesnotexist0000/events?access_token=${KEY}`);
    expect(events.status).toBe(404);
    await events.arrayBuffer();
  });

  it("is refused when wrong or missing", async () => {
    const wrong = await fetch(`${secured.url}/v1/reviews/rv_doesnotexist0000/events?access_token=nope`);
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { detail: string }).detail).toBe("The API key is not valid.");
    const missing = await fetch(`${secured.url}/v1/reviews?access_token=`);
    expect(missing.status).toBe(401);
    await missing.arrayBuffer();
  });

  it("is not accepted on a POST, so no state-changing request carries the key in its URL", async () => {
    const res = await fetch(`${secured.url}/v1/reviews?access_token=${KEY}`, { method: "POST", headers: { "content-type": "text/markdown" }, body: "# T\nText." });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toContain("Send an API key");
  });

  it("the page follows a run with the key: the same stream as with the header", async () => {
    const created = await fetch(`${secured.url}/v1/reviews`, {
      method: "POST",
      headers: { "content-type": "text/markdown", authorization: `Bearer ${KEY}` },
      body: "# KeyCheck\n## Customer\nFront-desk staff at vet clinics.",
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    const viaQuery = await fetch(`${secured.url}/v1/reviews/${id}/events?format=json&access_token=${KEY}`);
    const viaHeader = await fetch(`${secured.url}/v1/reviews/${id}/events?format=json`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(viaQuery.status).toBe(200);
    const events = (await viaQuery.json()) as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(["run.queued"]);
    expect(await viaHeader.json()).toEqual(events);
  });
});
