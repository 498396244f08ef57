import { z } from "zod";

/**
 * The PR/FAQ document model (see shared design `prfaq-method.md`).
 * Every section is a string and may be empty: the lenient parser fills what it finds,
 * the rubric reports what is missing.
 */
export const PressReleaseSchema = z.object({
  heading: z.string().describe("Product name plus the one benefit, in customer words"),
  subheading: z.string().describe("Who the customer is and what they get, one sentence"),
  dateline: z.string().describe("City and a concrete launch date, e.g. 'BOISE, Idaho, April 1, 2027'"),
  summary: z.string().describe("The whole story in 3-4 sentences"),
  problem: z.string().describe("The customer's pain today, specific, with evidence"),
  solution: z.string().describe("How the product removes the pain, in customer terms"),
  leaderQuote: z.string().describe("Why the company built it, the customer outcome it aims at"),
  howItWorks: z.string().describe("How a customer starts, what it costs, where to get it"),
  customerQuote: z.string().describe("A believable named customer describing their day before and after"),
  callToAction: z.string().describe("One clear next step"),
});
export type PressRelease = z.infer<typeof PressReleaseSchema>;

/** The press release sections in document order. */
export const PRESS_RELEASE_SECTIONS = [
  "heading",
  "subheading",
  "dateline",
  "summary",
  "problem",
  "solution",
  "leaderQuote",
  "howItWorks",
  "customerQuote",
  "callToAction",
] as const satisfies readonly (keyof PressRelease)[];
export type PressReleaseSection = (typeof PRESS_RELEASE_SECTIONS)[number];

export const FaqItemSchema = z.object({
  question: z.string().min(1).describe("The question, as a customer or stakeholder would ask it"),
  answer: z.string().describe("A direct answer; unknowns are said to be unknown"),
});
export type FaqItem = z.infer<typeof FaqItemSchema>;

export const PrfaqSchema = z.object({
  title: z.string().describe("Product name"),
  pressRelease: PressReleaseSchema,
  externalFaq: z.array(FaqItemSchema).describe("What a customer asks: price, how to start, what it replaces, privacy, support"),
  internalFaq: z
    .array(FaqItemSchema)
    .describe("What skeptical stakeholders ask: market size, competition, cost, risk, v1 gaps, cannibalisation, metrics, when to stop"),
  sources: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe("What each part rests on: section (or externalFaq.N / internalFaq.N) -> ledger ids, 'assumption' or 'illustrative'"),
});
export type Prfaq = z.infer<typeof PrfaqSchema>;

/** An empty document, the starting point for the parser and the drafter. */
export function emptyPrfaq(title = ""): Prfaq {
  const pressRelease = Object.fromEntries(PRESS_RELEASE_SECTIONS.map((s) => [s, ""])) as PressRelease;
  return { title, pressRelease, externalFaq: [], internalFaq: [] };
}
