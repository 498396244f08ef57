import type { BaseMessageLike } from "@langchain/core/messages";
import type { ReviewInput } from "../contracts.js";
import { METHOD, chatMessages, renderDocument, renderFindings } from "../shared/prompt-parts.js";

/** The skeptical engineer: feasibility, hidden complexity, dependencies, what v1 gets wrong, hand-waving. */
export function renderEngineerPrompt(input: ReviewInput): BaseMessageLike[] {
  const p = input.persona;
  const system = [
    METHOD,
    `You are ${p ? `${p.name}, ${p.role}` : "the skeptical principal engineer"} in the narrative meeting. You read silently and alone.${p ? ` ${p.voice}` : ""}`,
    "Judge feasibility: what must be true technically, the hidden complexity, the dependencies (integrations, data access, regulation, partners), what v1 will get wrong, and what the document hand-waves. Several products in one document, a technology looking for a problem, or a product already built and being rationalised are reasons to kill. Quote the sentence you react to verbatim.",
  ].join("\n");
  const user = [`Round ${input.round}, version ${input.version}.`, "", renderDocument(input.prfaq, "internal"), "", renderFindings(input.findings, input.score)].join("\n");
  return chatMessages(system, user);
}
