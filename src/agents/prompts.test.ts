import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseBrief } from "../domain/analysis.js";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { ANTI_PATTERN_IDS } from "../domain/finding.js";
import { defaultPersonaDir, loadPersonaLibrary, type PersonaLibrary } from "../personas/loader.js";
import { runRubric } from "../rubric/index.js";
import type { CustomerReviewInput, InternalReviewInput } from "./contracts.js";
import { renderCustomerPrompt } from "./customer/prompt.js";
import { draftOffline } from "./drafter/index.js";
import { renderDrafterPrompt } from "./drafter/prompt.js";
import { reviewAsEngineerOffline } from "./engineer/index.js";
import { renderEngineerPrompt } from "./engineer/prompt.js";
import { renderFinancePrompt } from "./finance/prompt.js";
import { renderLeaderPrompt, renderMemoPrompt } from "./leader/prompt.js";

// Rendered prompts are snapshots: a prompt edit shows up in review as a diff of what the model reads.
const text = readFileSync(new URL("../../test/fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
const facts = extractBriefFacts({ title: "RefillReady: prescription refills for veterinary clinics", text });
const analysis = analyseBrief(facts);
const createdAt = "2026-11-25T00:00:00.000Z";
const v1 = draftOffline({ facts, analysis, version: 1, changes: [], findings: [], createdAt });
const rubric = runRubric(v1.prfaq, { version: 1, revised: false });
let library: PersonaLibrary;
beforeAll(async () => {
  library = await loadPersonaLibrary(defaultPersonaDir());
});

const internal = (role: "engineer" | "finance"): InternalReviewInput => ({ agent: role, role, persona: library.role(role), round: 1, version: 1, prfaq: v1.prfaq, findings: rubric.findings, score: rubric.score, facts, analysis });
const customer = (): CustomerReviewInput => {
  const persona = library.byId("vet-clinic-front-desk");
  if (!persona) throw new Error("persona missing");
  return { agent: "customer:vet-clinic-front-desk", role: "customer", persona, round: 1, version: 1, prfaq: { ...v1.prfaq, internalFaq: [] }, fromBrief: false };
};

const flat = (messages: unknown[]) => messages.map((m) => JSON.stringify(m, null, 1)).join("\n---\n");

describe("prompts", () => {
  it("drafter v1 and v2: the ledger, the computed economics and typed changes", () => {
    const p1 = flat(renderDrafterPrompt({ facts, analysis, version: 1, changes: [], findings: [], createdAt }));
    expect(p1).toContain("Evidence ledger");
    expect(p1).toMatchSnapshot();
    const v2 = renderDrafterPrompt({
      facts, analysis, version: 2, previous: v1.prfaq, findings: rubric.findings, createdAt,
      changes: [{ priority: 1, kind: "answer-question", target: "internalFaq", change: "Answer the cannibalisation question.", why: "finance", basis: [], question: "What could it cannibalise?" }],
    });
    expect(flat(v2)).toContain('1. answer-question -> internalFaq (\\"What could it cannibalise?\\")');
    expect(flat(v2)).toMatchSnapshot();
  });

  it("a customer reads cold: no rubric check ids, no process notes, no brief, no ledger", () => {
    const prompt = flat(renderCustomerPrompt(customer()));
    for (const id of ANTI_PATTERN_IDS) expect(prompt).not.toContain(id);
    expect(prompt).not.toMatch(/Rubric score|Evidence ledger|Computed economics|The brief's own facts|What would make us stop\?/);
    expect(prompt).toContain(library.byId("vet-clinic-front-desk")?.name ?? "?");
    expect(prompt).toMatchSnapshot();
  });

  it("finance is handed the computed margin and market and told not to redo them", () => {
    const prompt = flat(renderFinancePrompt(internal("finance")));
    expect(analysis.economics.grossMarginPct).toBe(88.24);
    expect(prompt).toContain("grossMarginPct: 88.24");
    expect(prompt).toContain(`marketCustomers: ${analysis.economics.marketCustomers}`);
    expect(prompt).toContain("do not redo the arithmetic");
    expect(prompt).toMatchSnapshot();
  });

  it("the engineer is asked for the hard problem and handed the claims and the stage", () => {
    const prompt = flat(renderEngineerPrompt(internal("engineer")));
    expect(prompt).toContain("hardestProblem");
    expect(prompt).toContain("Stage: validated");
    expect(prompt).toMatchSnapshot();
  });

  it("the leader's decision and memo", () => {
    const review = reviewAsEngineerOffline(internal("engineer"));
    const history = [{ round: 1, version: 1, score: rubric.score, findings: rubric.findings, reviews: [review] }];
    const decision = flat(renderLeaderPrompt({ round: 1, rounds: 3, history, facts, budgetExhausted: false, analysis, createdAt }));
    expect(decision).toContain("Arguments win, not votes");
    expect(decision).toMatchSnapshot();
    expect(flat(renderMemoPrompt({ runId: "rv_x", engine: "openai", facts, history, decisions: [], finalPrfaq: v1.prfaq, finalVersion: 1, assumptions: [], analysis, revisions: [], finalReads: [] }))).toMatchSnapshot();
  });
});
