import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelAgents } from "../../src/agents/model.js";
import { ANTI_PATTERN_IDS } from "../../src/domain/finding.js";
import { CreateReviewSchema } from "../../src/domain/run.js";
import { runMeeting } from "../../src/graph/meeting.js";
import { createModelFactory, type ModelRole } from "../../src/llm/factory.js";
import { defaultPersonaDir, loadPersonaLibrary, type PersonaLibrary } from "../../src/personas/loader.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";

// The model engine through the real @langchain/openai client against a local fake server: what each seat is sent.
let library: PersonaLibrary;
const fakes: { close: () => Promise<void> }[] = [];
beforeAll(async () => {
  library = await loadPersonaLibrary(defaultPersonaDir());
});
afterAll(async () => {
  for (const f of fakes) await f.close();
});

async function meeting(fake: Awaited<ReturnType<typeof startFakeOpenAI>>, roleModels: Partial<Record<ModelRole, string>> = {}) {
  fakes.push(fake);
  const models = createModelFactory({ apiKey: "test-key", baseURL: fake.url, defaultModel: "gpt-4.1-mini", roleModels, timeoutMs: 10_000, maxRetries: 0 });
  const agents = createModelAgents({ modelFor: (role) => models(role, {}), method: "jsonSchema" });
  const text = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
  const request = CreateReviewSchema.parse({ brief: { title: "RefillReady: prescription refills for veterinary clinics", text }, options: { engine: "openai", rounds: 2 } });
  return runMeeting({ runId: "rv_model", createdAt: "2026-11-25T00:00:00.000Z", request, agents, personas: library, emit: async () => undefined });
}

describe("the model engine's prompts", () => {
  it("customers get no rubric check ids or process notes; finance gets the computed margin and market", async () => {
    const fake = await startFakeOpenAI();
    const { memo } = await meeting(fake);
    const customer = fake.requests.filter((r) => r.name === "customer_review").map((r) => r.messages.map((m) => m.content).join("\n"));
    expect(customer.length).toBeGreaterThan(0);
    for (const prompt of customer) {
      for (const id of ANTI_PATTERN_IDS) expect(prompt).not.toContain(id);
      expect(prompt).not.toMatch(/Rubric score|Evidence ledger|Computed economics|brief's own facts/);
    }
    const finance = fake.requests.filter((r) => r.name === "finance_review").map((r) => r.messages.map((m) => m.content).join("\n"));
    expect(finance.length).toBeGreaterThan(0);
    for (const prompt of finance) {
      expect(prompt).toContain(`grossMarginPct: ${memo.economics.grossMarginPct}`);
      expect(prompt).toContain(`marketCustomers: ${memo.economics.marketCustomers}`);
    }
    // The memo's figures are the economics model's, whatever the model wrote.
    expect(memo.economics.grossMarginPct).toBe(88.24);
    expect(memo.ledger.length).toBeGreaterThan(10);
  });

  it("sends back, once, an answer whose margin disagrees with the economics model or cites a ledger id that does not exist", async () => {
    const wrong = {
      stance: "fund",
      scores: { pricing: 4, unitEconomics: 4, marketSize: 4, measurableOutcome: 4 },
      summary: "A healthy gross margin of 50% [L999].",
      objections: [],
      questions: [],
      quote: "x",
    };
    const fake = await startFakeOpenAI({ override: (name, before) => (name === "finance_review" && before === 0 ? wrong : undefined) });
    await meeting(fake);
    const finance = fake.requests.filter((r) => r.name === "finance_review");
    const retry = finance[1]?.messages.at(-1)?.content ?? "";
    expect(retry).toMatch(/^Your answer was invalid: it cites ledger ids that do not exist \(L999\)/);
    expect(retry).toContain("it states a gross margin of 50% but the economics model computed 88.24%");
  });
});

describe("the model engine's cost", () => {
  it("is unknown (null), never $0, for a role whose model has no price; the priced roles keep theirs", async () => {
    const fake = await startFakeOpenAI();
    const { usage } = await meeting(fake, { engineer: "local-llama" });
    expect(fake.requests.filter((r) => r.model === "local-llama").length).toBeGreaterThan(0);
    const byRole = usage.byRole ?? {};
    expect(byRole.engineer).toMatchObject({ costUsd: null });
    expect(byRole.engineer?.promptTokens).toBeGreaterThan(0);
    for (const role of ["drafter", "customer", "finance", "leader"]) expect(byRole[role]?.costUsd, role).toBeGreaterThan(0);
    // The run's total is unknown: a sum of the priced roles would read as the whole cost.
    expect(usage.costUsd).toBeNull();
    expect(usage.promptTokens).toBe(fake.usage.promptTokens);
  });
});
