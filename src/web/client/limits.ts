// The limits this server enforces, for the form: the domain's defaults, lowered where the operator set
// PRFAQ_MAX_ROUNDS, PRFAQ_MAX_PERSONAS or PRFAQ_MAX_BRIEF_CHARS (the server writes them into a meta tag).
import { z } from "zod";
import { BRIEF_LIMITS } from "../../domain/brief.js";
import { RUN_LIMITS } from "../../domain/run.js";

export type PageLimits = { rounds: number; personas: number; briefChars: number };

export const DEFAULT_LIMITS: PageLimits = { rounds: RUN_LIMITS.roundsMax, personas: RUN_LIMITS.personasMax, briefChars: BRIEF_LIMITS.textMax };

const LimitsSchema = z.object({
  rounds: z.coerce.number().int().min(1).max(RUN_LIMITS.roundsMax),
  personas: z.coerce.number().int().min(1).max(RUN_LIMITS.personasMax),
  briefChars: z.coerce.number().int().min(1).max(BRIEF_LIMITS.textMax),
});

/** Reads `rounds=6,personas=5,briefChars=20000`; anything missing or out of range keeps its default. */
export function parseLimits(content: string): PageLimits {
  const pairs = Object.fromEntries(content.split(",").map((kv) => kv.split("=").map((x) => x.trim())).filter((kv) => kv.length === 2));
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as (keyof PageLimits)[]) {
    const one = LimitsSchema.shape[key].safeParse(pairs[key]);
    if (pairs[key] !== undefined && one.success) out[key] = one.data;
  }
  return out;
}

/** The limits on this page (from `<meta name="prfaq-limits">`). */
export function pageLimits(): PageLimits {
  return parseLimits(document.querySelector('meta[name="prfaq-limits"]')?.getAttribute("content") ?? "");
}
