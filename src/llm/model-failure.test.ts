import { describe, expect, it } from "vitest";
import { modelFailure } from "./structured.js";

const http = (status: number, message: string) => Object.assign(new Error(message), { status });

describe("modelFailure", () => {
  it("names rate limits, server errors, timeouts and unreachable servers as model_unavailable", () => {
    expect(modelFailure("m", "memo", http(429, "Rate limit reached"))).toMatchObject({ code: "model_unavailable", message: "m kept rate-limiting (429) on the memo step, after the client's retries: Rate limit reached" });
    expect(modelFailure("m", "memo", http(503, "busy")).message).toContain("kept failing (503)");
    expect(modelFailure("m", "memo", Object.assign(new Error("Request timed out."), { name: "APIConnectionTimeoutError" })).message).toContain("timed out");
    expect(modelFailure("m", "memo", new Error("connect ECONNREFUSED")).message).toContain("could not be reached");
  });

  it("makes a refused key or an unknown model permanent (engine_unavailable)", () => {
    expect(modelFailure("m", "prfaq_draft", http(401, "Incorrect API key")).code).toBe("engine_unavailable");
    expect(modelFailure("m", "prfaq_draft", http(404, "model not found")).code).toBe("engine_unavailable");
  });
});
