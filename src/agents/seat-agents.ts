import type { BaseMessageLike } from "@langchain/core/messages";
import type { z } from "zod";
import type { Review } from "../domain/review.js";
import type { ReviewingRole } from "../domain/roles.js";
import { reviewAsBarRaiserOffline } from "./bar-raiser/offline.js";
import { BarRaiserReviewModelSchema, renderBarRaiserPrompt } from "./bar-raiser/prompt.js";
import type { CustomerReviewInput, FinalReadInput, FinalRole, InternalReviewInput } from "./contracts.js";
import { reviewAsCustomerOffline } from "./customer/index.js";
import { renderCustomerPrompt } from "./customer/prompt.js";
import { reviewAsEngineerOffline } from "./engineer/index.js";
import { renderEngineerPrompt } from "./engineer/prompt.js";
import { reviewAsFinanceOffline } from "./finance/index.js";
import { renderFinancePrompt } from "./finance/prompt.js";
import { CustomerReviewModelSchema, EngineerReviewModelSchema, FinanceReviewModelSchema } from "./shared/review-schema.js";

/** What a reviewing seat reads, by its role. */
export type SeatInput<R extends ReviewingRole> = R extends "customer" ? CustomerReviewInput : R extends FinalRole ? FinalReadInput : InternalReviewInput;

/** A reviewing seat as each engine runs it: the offline analyst, and the model call (name, output schema, prompt). */
export type SeatAgent<R extends ReviewingRole> = {
  offline: (input: SeatInput<R>) => Review;
  model: {
    name: string;
    schema: z.ZodType<Omit<Review, "agent" | "role" | "round" | "version">>;
    prompt: (input: SeatInput<R>) => BaseMessageLike[];
    /** Checked against the evidence ledger (cited ids exist, the margin agrees); customers cite press-release sections instead. */
    ledgerChecked: boolean;
  };
};

/**
 * Every reviewing seat of src/domain/roles.ts, as the engines run it: one entry per role (TypeScript refuses
 * a role without one). Adding a seat is its entry in the role registry, its entry here, and its folder
 * (offline analyst, prompt and output schema); the graph, the transcript, the web page and the CLI follow.
 */
export const SEAT_AGENTS: { [R in ReviewingRole]: SeatAgent<R> } = {
  customer: { offline: reviewAsCustomerOffline, model: { name: "customer_review", schema: CustomerReviewModelSchema, prompt: renderCustomerPrompt, ledgerChecked: false } },
  engineer: { offline: reviewAsEngineerOffline, model: { name: "engineer_review", schema: EngineerReviewModelSchema, prompt: renderEngineerPrompt, ledgerChecked: true } },
  finance: { offline: reviewAsFinanceOffline, model: { name: "finance_review", schema: FinanceReviewModelSchema, prompt: renderFinancePrompt, ledgerChecked: true } },
  "bar-raiser": { offline: reviewAsBarRaiserOffline, model: { name: "bar_raiser_review", schema: BarRaiserReviewModelSchema, prompt: renderBarRaiserPrompt, ledgerChecked: true } },
};

/** The seat agent for an input's role, typed for that input (TypeScript does not correlate a union's members with a mapped type by itself). */
export function seatAgentFor<I extends SeatInput<ReviewingRole>>(input: I): SeatAgent<ReviewingRole> & { offline: (input: I) => Review; model: SeatAgent<ReviewingRole>["model"] & { prompt: (input: I) => BaseMessageLike[] } } {
  return SEAT_AGENTS[input.role] as never;
}
