import { z } from "zod";
import { ArgumentSchema } from "../../domain/argument.js";
import { EngineeringSchema, StanceSchema } from "../../domain/review.js";

const score = (what: string) => z.number().int().min(1).max(5).describe(`1-5: ${what}`);

/**
 * What a reviewing model fills in: the review without the bookkeeping (agent, round, version), with
 * the role's own named score dimensions. Every field required: strict JSON-schema servers need that.
 */
export function reviewModelSchema<D extends string>(dimensions: Record<D, string>) {
  const scores = Object.fromEntries(Object.entries<string>(dimensions).map(([k, what]) => [k, score(what)])) as Record<D, ReturnType<typeof score>>;
  return z.object({
    stance: StanceSchema.exclude(["abstain"]).describe("fund, kill or undecided: would you back this document as written?"),
    scores: z.object(scores).describe("Your scores on your own dimensions"),
    summary: z.string().min(1).describe("Your review in two or three sentences, in your own voice, citing ledger ids like [L4] for every fact you use"),
    objections: z.array(ArgumentSchema).max(6).describe("What is wrong, most serious first; empty if nothing. basis: the ledger ids (L4) or rubric check ids it rests on"),
    questions: z.array(z.string().min(1)).max(6).describe("What the document leaves unanswered"),
    quote: z.string().min(1).describe("The one sentence of the document, copied verbatim, that your review reacts to most"),
  });
}

export const CUSTOMER_DIMENSIONS = {
  relevance: "is this about someone like me and my day",
  problemClarity: "does it name my problem concretely",
  believability: "do I believe the claims and the quote",
  valueForMoney: "is the price worth it against what I pay today",
} as const;
export const ENGINEER_DIMENSIONS = {
  feasibility: "can v1 be built as described",
  scopeFocus: "one product, one benefit, a small v1",
  riskAwareness: "are the hard problems and dependencies named",
  clarity: "is how it works concrete, not hand-waved",
} as const;
export const FINANCE_DIMENSIONS = {
  pricing: "is there a price and a reason for it",
  unitEconomics: "price against cost to serve and to build",
  marketSize: "how many customers, counted bottom-up",
  measurableOutcome: "is success a number with a date",
} as const;

/** Customers may abstain and write a first-person scenario; their basis names press-release sections (pr:problem), never ledger ids they cannot see. */
export const CustomerReviewModelSchema = reviewModelSchema(CUSTOMER_DIMENSIONS).extend({
  stance: StanceSchema.describe("fund, kill or undecided; abstain when the product is not meant for someone like you"),
  scenario: z.string().min(1).describe("First person: a day of yours using it, from the press release and external FAQ alone"),
  objections: z.array(ArgumentSchema).max(6).describe("What is wrong, most serious first; basis: the press-release sections it rests on, e.g. pr:problem, externalFaq:price"),
});
export const EngineerReviewModelSchema = reviewModelSchema(ENGINEER_DIMENSIONS).extend({ engineering: EngineeringSchema });
export const FinanceReviewModelSchema = reviewModelSchema(FINANCE_DIMENSIONS);
