import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../helpers/property.js";
import { useStack } from "../helpers/stack.js";

const stack = useStack({ roles: { api: true, worker: false }, env: { PRFAQ_RATE_LIMIT_PER_MIN: "1000000", PRFAQ_MAX_ACTIVE_RUNS: "1000000" } });

/** Bodies shaped like a review request but wrong in every way fast-check can think of. */
const almost = fc.record(
  {
    brief: fc.oneof(
      fc.record({ title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), text: fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string())), launchDate: fc.oneof(fc.string(), fc.constant("2027-02-30")) }, { requiredKeys: [] }),
      fc.anything(),
    ),
    options: fc.oneof(fc.record({ rounds: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double(), fc.string()), personas: fc.oneof(fc.array(fc.string(), { maxLength: 8 }), fc.string()), engine: fc.string(), maxTokens: fc.integer() }, { requiredKeys: [] }), fc.anything()),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  almost.map((v) => ({ type: "application/json", text: JSON.stringify(v) })),
  fc.json().map((text) => ({ type: "application/json", text })),
  fc.string({ maxLength: 400 }).map((text) => ({ type: "application/json", text })),
  fc.string({ maxLength: 400 }).map((text) => ({ type: "text/markdown", text })),
  fc
    .tuple(fc.constantFrom("application/json", "text/markdown", "application/octet-stream", ""), fc.uint8Array({ maxLength: 400 }))
    .map(([type, bytes]) => ({ type, text: Buffer.from(bytes).toString("latin1") })),
);

const target = fc.constantFrom("/v1/reviews", "/v1/lint", "/v1/reviews?rounds=abc", "/v1/reviews?personas=,,x", "/v1/reviews/rv_nope/cancel");

describe("thousands of random and malformed bodies", () => {
  it("never get a 5xx, and every error is problem+json", async () => {
    let requests = 0;
    const params = propertyParams<[string, { type: string; text: string }]>(2500);
    await fc.assert(
      fc.asyncProperty(target, body, async (path, b) => {
        requests += 1;
        const res = await fetch(`${stack().url}${path}`, { method: "POST", headers: b.type ? { "content-type": b.type } : {}, body: b.text });
        const text = await res.text();
        expect(res.status, `${path} ${b.type} ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toContain("application/problem+json");
          const problem = JSON.parse(text) as { status: number; title: string; detail: string };
          expect(problem.status).toBe(res.status);
          expect(problem.title).toBeTruthy();
          expect(problem.detail).toBeTruthy();
        }
      }),
      params,
    );
    expect(requests).toBe(params.numRuns);
  });
});
