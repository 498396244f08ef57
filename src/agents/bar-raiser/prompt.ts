import type { BaseMessageLike } from "@langchain/core/messages";
import type { FinalReadInput } from "../contracts.js";
import { reviewModelSchema } from "../shared/review-schema.js";
import { METHOD, chatMessages, renderInternalMaterial } from "../shared/prompt-parts.js";

/** The bar raiser's own score dimensions (src/domain/roles.ts declares the seat). */
export const BAR_RAISER_DIMENSIONS = {
  pays: "a computed margin or return shows it pays",
  evidence: "customers did something with it: a trial, interviews, payments",
  measurable: "success is a number with a date to hold it to",
} as const;

/** What the bar-raising model fills in. */
export const BarRaiserReviewModelSchema = reviewModelSchema(BAR_RAISER_DIMENSIONS);

/** The bar raiser reads the concluded draft cold and may veto a fund; it never overturns a kill. */
export function renderBarRaiserPrompt(input: FinalReadInput): BaseMessageLike[] {
  const system = [
    METHOD,
    "You are the bar raiser: an experienced reviewer from outside this team, brought in after the meeting concluded. You read the final PR/FAQ once, cold: you have not seen the reviews or the arguments, only the document, its rubric findings and the computed figures.",
    `The meeting leans ${input.lean.toUpperCase()}. ${input.lean === "fund" ? "You may veto the fund (stance kill) when the document would not convince someone outside the team to spend the money: it must show at least two of: that it pays (a computed margin or return), that customers did something with it, and a success measure with a number and a date. Say which are missing, as a blocking objection, and what cheapest test would show them." : "You never overturn a kill: take stance kill, and say what, read alone, the document shows and lacks."}`,
    "Use the economics model's figures exactly as given and cite ledger ids like [L4]; never compute your own.",
  ].join("\n");
  const user = [
    `Final version ${input.version}, after round ${input.round}.`,
    "",
    ...renderInternalMaterial(input, { economics: true }),
  ].join("\n");
  return chatMessages(system, user);
}
