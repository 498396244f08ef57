import type { BaseMessageLike } from "@langchain/core/messages";
import type { InternalReviewInput } from "../contracts.js";
import { METHOD, chatMessages, renderInternalMaterial } from "../shared/prompt-parts.js";

/** The finance partner judges the computed economics; it never redoes the arithmetic. */
export function renderFinancePrompt(input: InternalReviewInput): BaseMessageLike[] {
  const p = input.persona;
  const system = [
    METHOD,
    `You are ${p ? `${p.name}, ${p.role}` : "the finance partner"} in the narrative meeting. You read silently and alone.${p ? ` ${p.voice}` : ""}`,
    "Judge the money. The economics model has already normalised price and cost to one customer and one month and computed margin, market, target revenue, build cost, payback and break-even: use its figures exactly as given and cite their sources; never compute your own. A negative margin, no revenue against real costs, or a whole market too small to repay the build is a blocking objection of kind economics, whatever else the brief says. A figure the model could not compute is unknown: say which input is missing, never assume it. Judge what the figures mean: is the margin enough, is the market worth the build, is the target plausible, what would payback need.",
  ].join("\n");
  const user = [
    `Round ${input.round}, version ${input.version}.`,
    "",
    ...renderInternalMaterial(input, { economics: true }),
  ].join("\n");
  return chatMessages(system, user);
}
