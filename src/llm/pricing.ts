import { z } from "zod";

/** USD per million tokens. */
export const PriceSchema = z.object({ input: z.number().min(0), output: z.number().min(0) });
export type Price = z.infer<typeof PriceSchema>;
export const PriceTableSchema = z.record(z.string().min(1), PriceSchema);
export type PriceTable = z.infer<typeof PriceTableSchema>;

/**
 * List prices of common OpenAI models (USD per 1M tokens). Override or extend with PRFAQ_PRICES
 * (JSON `{"model": {"input": 0.4, "output": 1.6}}`); a model missing here costs 0 and the usage
 * still counts its tokens. Local servers (Ollama, vLLM) cost nothing.
 */
export const DEFAULT_PRICES: PriceTable = {
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "o4-mini": { input: 1.1, output: 4.4 },
  "o3": { input: 2, output: 8 },
};

/** Cost in USD of one call. Model names match exactly, then by longest known prefix ("gpt-4.1-mini-2025-04-14"). */
export function costOf(model: string, tokens: { promptTokens: number; completionTokens: number }, prices: PriceTable = DEFAULT_PRICES): number {
  const price = prices[model] ?? Object.entries(prices).filter(([name]) => model.startsWith(name)).sort((a, b) => b[0].length - a[0].length)[0]?.[1];
  if (!price) return 0;
  return Math.round(((tokens.promptTokens * price.input + tokens.completionTokens * price.output) / 1e6) * 1e8) / 1e8;
}
