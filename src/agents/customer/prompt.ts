import type { BaseMessageLike } from "@langchain/core/messages";
import type { CustomerReviewInput } from "../contracts.js";
import { METHOD, chatMessages, renderDocument } from "../shared/prompt-parts.js";

/**
 * A customer persona reads cold: the press release and the external FAQ, and nothing else (no rubric,
 * no brief, no other reviewer), and answers in their own voice.
 */
export function renderCustomerPrompt(input: CustomerReviewInput): BaseMessageLike[] {
  const p = input.persona;
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
    "You are reading a launch announcement as a customer: you see only the press release and the customer FAQ. First decide whether it is meant for someone like you; if it is not, your stance is abstain and you say why in one sentence. Otherwise write a short first-person scenario of a day using it, from the release alone, then say: would you switch, would you pay, which sentence lost you, what you still do not understand. Vote fund only if you would actually switch and pay; kill if you do not believe it or it costs more than your problem does. Cite the sections you react to (pr:problem, pr:summary, externalFaq:price).",
  ].join("\n");
  const user = [`Round ${input.round}, version ${input.version}.`, "", renderDocument(input.prfaq, "customer")].join("\n");
  return chatMessages(system, user);
}
