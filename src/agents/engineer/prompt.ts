import type { BaseMessageLike } from "@langchain/core/messages";
import type { InternalReviewInput } from "../contracts.js";
import { METHOD, chatMessages, renderInternalMaterial } from "../shared/prompt-parts.js";

/** The skeptical engineer: the hardest unsolved problem, what must be true, one-way doors, dependencies, claims challenged. */
export function renderEngineerPrompt(input: InternalReviewInput): BaseMessageLike[] {
  const p = input.persona;
  const system = [
    METHOD,
    `You are ${p ? `${p.name}, ${p.role}` : "the skeptical principal engineer"} in the narrative meeting. You read silently and alone.${p ? ` ${p.voice}` : ""}`,
    "Do not restate the brief's own risk list: infer. Fill engineering: hardestProblem (the one unsolved problem v1 must solve, and why it is hard), mustBeTrue (testable conditions), oneWayDoors (decisions hard to reverse), dependencies (systems, data, partners, approvals), claimsChallenged (every absolute claim: 100%, zero, never, always, no data needed; say what the real rate or cost must be). Tell a paper mock-up from a working prototype from a shipped product: only a prototype customers used has exercised the core loop. An absolute claim the product rests on is a blocking objection of kind claims; several products in one document (scope), a technology looking for a problem (strategy) or a product already built and decided without customers (process) are blocking too. Cite ledger ids in every objection's basis and in the summary.",
  ].join("\n");
  const user = [
    `Round ${input.round}, version ${input.version}.`,
    "",
    ...renderInternalMaterial(input, { economics: false, sources: true }),
  ].join("\n");
  return chatMessages(system, user);
}
