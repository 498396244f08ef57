import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { invokeStructured, type StructuredMethod } from "../../src/llm/structured.js";
import { startFakeOpenAI, type Fault } from "../helpers/fake-openai.js";

const Review = z.object({ stance: z.enum(["fund", "kill", "undecided"]), scores: z.object({ feasibility: z.number() }), summary: z.string(), objections: z.array(z.string()), questions: z.array(z.string()), quote: z.string() });
type Fake = Awaited<ReturnType<typeof startFakeOpenAI>>;
const fakes: Fake[] = [];
afterAll(async () => {
  for (const f of fakes) await f.close();
});

async function ask(method: StructuredMethod, faults: Fault[] = []) {
  const fake = await startFakeOpenAI({ faults });
  fakes.push(fake);
  const chat = new ChatOpenAI({ model: "gpt-4.1-mini", apiKey: "k", configuration: { baseURL: fake.url }, maxRetries: 1 });
  const usage: number[] = [];
  const run = invokeStructured({
    model: { chat, name: "gpt-4.1-mini" },
    schema: Review,
    name: "engineer_review",
    messages: [{ role: "user", content: "Round 1. Review this." }],
    method,
    onUsage: (u) => usage.push(u.promptTokens + u.completionTokens),
  });
  return { run, fake, usage };
}

describe("invokeStructured through the real @langchain/openai client", () => {
  it.each(["functionCalling", "jsonSchema", "jsonMode"] as const)("parses a valid %s answer with zod", async (method) => {
    const { run, fake } = await ask(method);
    const review = await run;
    expect(review.stance).toBe("fund");
    expect(fake.requests).toHaveLength(1);
  });

  it("retries a wrong-shaped answer once, quoting the validation error, and counts both calls' tokens", async () => {
    const { run, fake, usage } = await ask("functionCalling", [{ kind: "invalid" }]);
    expect((await run).stance).toBe("fund");
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]?.messages.at(-1)?.content).toMatch(/^Your answer was invalid: stance: Invalid option/);
    expect(usage.reduce((a, b) => a + b, 0)).toBe(fake.usage.promptTokens + fake.usage.completionTokens);
  });

  it("fails the step clearly when every attempt is invalid", async () => {
    const { run } = await ask("functionCalling", [{ kind: "malformed" }, { kind: "invalid" }]);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "model_output_invalid" });
    expect(String((error as Error).message)).toMatch(/^gpt-4\.1-mini gave no valid engineer_review after 2 attempts: stance: Invalid option/);
  });

  it("binds a model to an output schema once and reuses it for every later call", async () => {
    const fake = await startFakeOpenAI();
    fakes.push(fake);
    const chat = new ChatOpenAI({ model: "gpt-4.1-mini", apiKey: "k", configuration: { baseURL: fake.url }, maxRetries: 0 });
    const bind = vi.spyOn(chat, "bindTools");
    const call = (name: string) =>
      invokeStructured({ model: { chat, name: "gpt-4.1-mini" }, schema: Review, name, messages: [{ role: "user", content: "Round 1. Review this." }], method: "functionCalling" });
    const reviews = await Promise.all([call("engineer_review"), call("engineer_review"), call("engineer_review")]);
    expect(reviews.map((r) => r.stance)).toEqual(["fund", "fund", "fund"]);
    expect(bind).toHaveBeenCalledTimes(1);
    await call("finance_review");
    expect(bind).toHaveBeenCalledTimes(2);
    expect(fake.requests.map((r) => r.name)).toEqual(["engineer_review", "engineer_review", "engineer_review", "finance_review"]);
  });

  it("rides out a 500 with the client's own retry", async () => {
    const { run, fake } = await ask("functionCalling", [{ kind: "500" }]);
    expect((await run).stance).toBe("fund");
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
  });
});
