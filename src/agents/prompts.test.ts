import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { defaultPersonaDir, loadPersonaLibrary, type PersonaLibrary } from "../personas/loader.js";
import { runRubric } from "../rubric/index.js";
import type { ReviewInput } from "./contracts.js";
import { renderCustomerPrompt } from "./customer/prompt.js";
import { draftOffline } from "./drafter/index.js";
import { renderDrafterPrompt } from "./drafter/prompt.js";
import { renderEngineerPrompt } from "./engineer/prompt.js";
import { renderFinancePrompt } from "./finance/prompt.js";
import { renderLeaderPrompt, renderMemoPrompt } from "./leader/prompt.js";
import { reviewAsEngineerOffline } from "./engineer/index.js";

// Rendered prompts are snapshots: a prompt edit shows up in review as a diff of what the model reads.
const text = readFileSync(new URL("../../test/fixtures/briefs/strong-warehouse-picking.md", import.meta.url), "utf8");
const facts = extractBriefFacts({ title: "PickPath: shorter walks for warehouse pickers", text });
const v1 = draftOffline({ facts, version: 1, changes: [], findings: [], createdAt: "2026-11-25T00:00:00.000Z" });
const rubric = runRubric(v1.prfaq, { version: 1, revised: false });
let library: PersonaLibrary;
beforeAll(async () => {
  library = await loadPersonaLibrary(defaultPersonaDir());
});

const input = (role: ReviewInput["role"]): ReviewInput => ({
  agent: role === "customer" ? "customer:warehouse-operations-manager" : role,
  role,
  ...(role === "customer" ? { persona: library.byId("warehouse-operations-manager")! } : { persona: library.role(role) }),
  round: 1,
  version: 1,
  prfaq: role === "customer" ? { ...v1.prfaq, internalFaq: [] } : v1.prfaq,
  findings: rubric.findings,
  score: rubric.score,
  facts,
});

const flat = (messages: unknown[]) => messages.map((m) => JSON.stringify(m, null, 1)).join("\n---\n");

describe("prompts", () => {
  it("drafter v1 and v2", () => {
    expect(flat(renderDrafterPrompt({ facts, version: 1, changes: [], findings: [], createdAt: "2026-11-25T00:00:00.000Z" }))).toMatchSnapshot();
    const v2 = renderDrafterPrompt({
      facts,
      version: 2,
      previous: v1.prfaq,
      changes: [{ priority: 1, section: "internal FAQ", change: "Add the cost to serve.", why: "finance" }],
      findings: rubric.findings,
      createdAt: "2026-11-25T00:00:00.000Z",
    });
    expect(flat(v2)).toMatchSnapshot();
  });

  it("the three reviewers; the customer sees no internal FAQ", () => {
    const customer = flat(renderCustomerPrompt(input("customer")));
    expect(customer).not.toContain("What would make us stop?");
    expect(customer).toContain(library.byId("warehouse-operations-manager")!.name);
    expect(customer).toMatchSnapshot();
    expect(flat(renderEngineerPrompt(input("engineer")))).toMatchSnapshot();
    expect(flat(renderFinancePrompt(input("finance")))).toMatchSnapshot();
  });

  it("the leader's decision and memo", () => {
    const review = reviewAsEngineerOffline(input("engineer"));
    const history = [{ round: 1, version: 1, score: rubric.score, findings: rubric.findings, reviews: [review] }];
    expect(flat(renderLeaderPrompt({ round: 1, rounds: 3, history, facts, budgetExhausted: false }))).toMatchSnapshot();
    expect(
      flat(renderMemoPrompt({ runId: "rv_x", engine: "openai", facts, history, decisions: [], finalPrfaq: v1.prfaq, finalVersion: 1, assumptions: [] })),
    ).toMatchSnapshot();
  });
});
