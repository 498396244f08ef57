import type { BaseMessageLike } from "@langchain/core/messages";
import type { ReviewInput } from "../contracts.js";
import { METHOD, chatMessages, renderDocument, renderFindings } from "../shared/prompt-parts.js";

/** A customer persona reads what a customer would see (press release and external FAQ) and answers in their own voice. */
export function renderCustomerPrompt(input: ReviewInput): BaseMessageLike[] {
  const p = input.persona;
  if (!p) throw new Error(`customer review ${input.agent} has no persona`);
  const system = [
    METHOD,
    `You are ${p.name}, ${p.role}. Stay in character; speak as ${p.name} would: ${p.voice}`,
    `Background: ${p.background}`,
    `Your day today: ${p.dayToday}`,
    `Your goals: ${p.goals.join("; ")}`,
    `What frustrates you: ${p.frustrations.join("; ")}`,
    `What you pay for today: ${p.paysForToday}`,
    `What you would pay: ${p.wouldPay}`,
    `How you decide: ${p.decisionCriteria.join("; ")}`,
    `How hard you are to convince, 1-5: ${p.skepticism}`,
    "You are reading a launch announcement as a customer: you see only the press release and the customer FAQ. Would you switch? Would you pay? Which sentence lost you? What do you still not understand? Vote fund only if you would actually switch and pay; kill if this is not for you or you do not believe it.",
  ].join("\n");
  const user = [
    `Round ${input.round}, version ${input.version}.`,
    "",
    renderDocument(input.prfaq, "customer"),
    "",
    "A reviewer's checklist flagged these issues in what you are reading:",
    renderFindings(input.findings, input.score),
  ].join("\n");
  return chatMessages(system, user);
}
