import { describe, expect, it } from "vitest";
import { costOf, ModelNameSchema, priceOf } from "./pricing.js";

const tokens = { promptTokens: 1_000_000, completionTokens: 1_000_000 };

describe("costOf", () => {
  it("prices known models and their dated snapshots", () => {
    expect(costOf("gpt-4.1-mini", tokens)).toBe(2);
    expect(costOf("gpt-4.1-mini-2025-04-14", tokens)).toBe(2);
    expect(costOf("local-model", tokens, { "local-model": { input: 0, output: 0 } })).toBe(0);
  });

  it("says null (unknown), never 0, for a model without a price, and prices no name by a mere prefix", () => {
    expect(costOf("llama3.1", tokens)).toBeNull();
    expect(costOf("gpt-4.1-mini-but-bigger", tokens)).toBeNull();
    expect(costOf("gpt-4.1-mini\r\nX-Injected: 1", tokens)).toBeNull();
    expect(priceOf("constructor")).toBeUndefined();
  });
});

describe("ModelNameSchema", () => {
  it("takes the names servers use and refuses spaces and control characters", () => {
    for (const ok of ["gpt-4.1-mini", "Qwen/Qwen2.5-7B-Instruct", "llama3.1:8b", "o3"]) expect(ModelNameSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["gpt-4.1\r\nmini", "gpt 4", "", "-x", "a".repeat(101), "gpt-4.1-mini\u0000"]) expect(ModelNameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
