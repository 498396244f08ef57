import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { adversarialText, BODY_LIMIT, jsonWithin, WORST_CASE } from "../helpers/adversarial.js";
import { useStack } from "../helpers/stack.js";

/**
 * Bodies built to be slow (newlines, spaces, markdown markers, repeated phrases, long lines, up to the
 * body limit) on every route that takes a body: each gets a correct answer. How long they hold the event
 * loop is measured by bench/event-loop.ts, not asserted here.
 */
const stack = useStack({ roles: { api: true, worker: false }, env: { PRFAQ_RATE_LIMIT_PER_MIN: "1000000", PRFAQ_MAX_ACTIVE_RUNS: "1000000" } });

const fromEnv = Number.parseInt(process.env.PRFAQ_FC_SEED ?? "", 10);
const SEED = Number.isFinite(fromEnv) ? fromEnv : Date.now() % 2 ** 31;
console.log(`adversarial-bodies: fast-check seed=${SEED} (replay with PRFAQ_FC_SEED=${SEED})`);

const Problem = z.object({ type: z.string(), title: z.string().min(1), status: z.number().int(), detail: z.string().min(1) });
const Lint = z.object({ score: z.number().int().min(0).max(100), findings: z.array(z.object({ check: z.string() }).passthrough()) });
const Run = z.object({ id: z.string(), status: z.literal("queued"), title: z.string().min(1) });

type Case = { route: string; type: string; body: string };

/** One request: a route that takes a body, with the adversarial text as markdown or inside JSON. */
const request: fc.Arbitrary<Case> = fc.tuple(fc.constantFrom("reviews-md", "reviews-json", "lint-md", "lint-json", "cancel"), adversarialText(BODY_LIMIT), adversarialText(400)).map(([route, text, title]) => {
  switch (route) {
    case "reviews-md":
      return { route: "/v1/reviews", type: "text/markdown", body: text };
    case "reviews-json":
      return { route: "/v1/reviews", type: "application/json", body: jsonWithin(BODY_LIMIT, text, (t) => ({ brief: { title, text: t } })) };
    case "lint-md":
      return { route: "/v1/lint", type: "text/markdown", body: text };
    case "lint-json":
      return { route: "/v1/lint", type: "application/json", body: jsonWithin(BODY_LIMIT, text, (t) => ({ text: t })) };
    default:
      return { route: "/v1/reviews/rv_abcdefghijklmnopqrstuvwxyz01/cancel", type: "text/markdown", body: text };
  }
});

const EXAMPLES: [Case][] = [
  [{ route: "/v1/reviews", type: "text/markdown", body: `# Kiln alerts\n\n${"Pottery studios lose a firing a month. ".repeat(50)}` }],
  [{ route: "/v1/reviews", type: "text/markdown", body: "\n".repeat(2000) }],
  [{ route: "/v1/lint", type: "text/markdown", body: `# Kiln alerts\n\n${"A studio texts when a firing fails. ".repeat(50)}` }],
];

async function send(c: Case): Promise<Response> {
  return fetch(`${stack().url}${c.route}`, { method: "POST", headers: { "content-type": c.type }, body: c.body });
}

describe("adversarial bodies up to the limit, on every route that takes one", () => {
  it("each gets a correct answer: a run, a lint result, or a problem+json error naming the problem", async () => {
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (c) => {
        const res = await send(c);
        const text = await res.text();
        const label = `${c.route} ${c.type} ${Buffer.byteLength(c.body)} bytes starting ${JSON.stringify(c.body.slice(0, 40))}: ${res.status} ${text.slice(0, 200)}`;
        statuses.set(`${c.route} ${res.status}`, (statuses.get(`${c.route} ${res.status}`) ?? 0) + 1);
        if (res.status >= 400) {
          expect(res.headers.get("content-type"), label).toContain("application/problem+json");
          expect(Problem.parse(JSON.parse(text)).status, label).toBe(res.status);
        }
        if (c.route === "/v1/lint") {
          expect([200, 400], label).toContain(res.status);
          if (res.status === 200) Lint.parse(JSON.parse(text));
        } else if (c.route === "/v1/reviews") {
          expect([202, 400], label).toContain(res.status);
          if (res.status === 202) {
            const run = Run.parse(JSON.parse(text));
            const again = await fetch(`${stack().url}/v1/reviews/${run.id}`);
            expect(Run.parse(await again.json()).title, label).toBe(run.title);
          }
        } else {
          expect(res.status, label).toBe(404);
        }
      }),
      // Three cases always run besides the generated ones, so both outcomes of each route are reached whatever the seed.
      { seed: SEED, numRuns: 60, examples: EXAMPLES },
    );
    console.log(`adversarial-bodies: ${[...statuses].map(([k, n]) => `${k} x${n}`).join(", ")}`);
    // Both outcomes of each route were reached: the generators make valid documents as well as refused ones.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining(["/v1/lint 200", "/v1/reviews 202", "/v1/reviews 400"]));
  });

  it("answers /healthz while five worst-case lint bodies are still being linted, and refuses 64 KiB of newlines at once", async () => {
    const pending = new Set<number>();
    const lints = Array.from({ length: 5 }, (_, i) => {
      pending.add(i);
      return send({ route: "/v1/lint", type: "text/markdown", body: WORST_CASE.paragraphs }).then(async (res) => {
        pending.delete(i);
        return { status: res.status, body: Lint.parse(await res.json()) };
      });
    });
    const titles = Array.from({ length: 5 }, () => send({ route: "/v1/reviews", type: "text/markdown", body: WORST_CASE.newlines }));
    // Give the server the requests first: without the lint pool, the loop would be busy linting by now.
    await new Promise((r) => setTimeout(r, 50));
    const health = await fetch(`${stack().url}/healthz`);
    const stillLinting = pending.size;
    expect(health.status).toBe(200);
    // Ordering, not timing: /healthz was answered before any of the five lints (each ~0.5 s of CPU).
    expect(stillLinting).toBe(5);
    for (const lint of await Promise.all(lints)) expect(lint.status).toBe(200);
    for (const res of await Promise.all(titles)) {
      expect(res.status).toBe(400);
      expect((await res.json()) as unknown).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ path: "brief.title" })]) });
    }
  }, 30_000);
});
