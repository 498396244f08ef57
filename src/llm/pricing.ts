import { z } from "zod";

/**
 * A model name as an OpenAI-compatible server takes it: letters, digits and `. _ : / -`, 1-100
 * characters (`gpt-4.1-mini`, `Qwen/Qwen2.5-7B-Instruct`, `llama3.1:8b`). No spaces or control
 * characters: a name goes into HTTP bodies, logs and metrics labels.
 */
export const ModelNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, "a model name: letters, digits and . _ : / - (at most 100 characters)");

/** USD per million tokens. */
export const PriceSchema = z.object({ input: z.number().min(0), output: z.number().min(0) });
export type Price = z.infer<typeof PriceSchema>;
export const PriceTableSchema = z.record(ModelNameSchema, PriceSchema);
export type PriceTable = z.infer<typeof PriceTableSchema>;

/**
 * List prices of common OpenAI models (USD per 1M tokens). Override or extend with PRFAQ_PRICES
 * (JSON `{"model": {"input": 0.4, "output": 1.6}}`); a model missing here has an unknown cost (never 0),
 * and the usage still counts its tokens. For a local server (Ollama, vLLM) price it at 0 in PRFAQ_PRICES.
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

/**
 * The price of `model`: an exact entry, or a dated snapshot of one (`gpt-4.1-mini-2025-04-14` is priced as
 * `gpt-4.1-mini`). `undefined` when unknown: its cost is then unknown, never taken as free.
 */
export function priceOf(model: string, prices: PriceTable = DEFAULT_PRICES): Price | undefined {
  if (Object.hasOwn(prices, model)) return prices[model];
  const snapshot = /^(.+)-\d{4}-\d{2}-\d{2}$/.exec(model)?.[1];
  return snapshot !== undefined && Object.hasOwn(prices, snapshot) ? prices[snapshot] : undefined;
}

/** Cost in USD of one call, or `null` when the model's price is unknown (set PRFAQ_PRICES for it). */
export function costOf(model: string, tokens: { promptTokens: number; completionTokens: number }, prices: PriceTable = DEFAULT_PRICES): number | null {
  const price = priceOf(model, prices);
  if (!price) return null;
  return Math.round(((tokens.promptTokens * price.input + tokens.completionTokens * price.output) / 1e6) * 1e8) / 1e8;
}
