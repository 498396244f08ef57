import { describe, expect, it } from "vitest";
import { startStack, useStack } from "../helpers/stack.js";

const stack = useStack({ roles: { api: true, worker: false }, env: { PRFAQ_MODEL: "gpt-4.1-mini", PRFAQ_MODEL_LEADER: "gpt-4.1" } });
const brief = { title: "Fetchly", text: "Dog walkers in Leeds lose 3 hours a week to scheduling." };

async function post(url: string, models: Record<string, string>): Promise<{ status: number; errors: { path: string; message: string }[] }> {
  const res = await fetch(`${url}/v1/reviews`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ brief, options: { rounds: 1, models } }) });
  const body = (await res.json()) as { errors?: { path: string; message: string }[] };
  return { status: res.status, errors: body.errors ?? [] };
}

describe("options.models", () => {
  it("may name only the configured models by default (PRFAQ_MODEL and PRFAQ_MODEL_<ROLE>)", async () => {
    expect((await post(stack().url, { default: "gpt-4.1-mini", leader: "gpt-4.1" })).status).toBe(202);
    const dearer = await post(stack().url, { drafter: "o3" });
    expect(dearer.status).toBe(400);
    expect(dearer.errors).toEqual([{ path: "options.models.drafter", message: '"o3" is not allowed on this server; allowed: gpt-4.1-mini, gpt-4.1 (PRFAQ_ALLOWED_MODELS)' }]);
  });

  it("refuses names with control characters and keys that are not roles", async () => {
    const injected = await post(stack().url, { leader: "gpt-4.1\r\nmini" });
    expect(injected.status).toBe(400);
    expect(injected.errors[0]?.message).toContain('"gpt-4.1\\r\\nmini" is not allowed');
    const notRole = await post(stack().url, { janitor: "gpt-4.1" });
    expect(notRole.errors).toEqual([{ path: "options.models.janitor", message: "not a role: one of default, drafter, customer, engineer, finance, leader" }]);
  });

  it("PRFAQ_ALLOWED_MODELS widens the choice", async () => {
    const wide = await startStack({ roles: { api: true, worker: false }, env: { PRFAQ_ALLOWED_MODELS: "gpt-4.1-mini, o3" } });
    try {
      expect((await post(wide.url, { drafter: "o3" })).status).toBe(202);
      expect((await post(wide.url, { leader: "gpt-4.1" })).status).toBe(400);
    } finally {
      await wide.stop();
    }
  });
});
