import { describe, expect, it } from "vitest";
import { modelFailure, type NamedModel } from "./structured.js";

const http = (status: number, message: string) => Object.assign(new Error(message), { status });
const model = { name: "m", endpoint: "localhost:11434" } as unknown as NamedModel;
const refused = Object.assign(new Error("Connection error."), { cause: Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:11434"), { code: "ECONNREFUSED" }) }) });

describe("modelFailure", () => {
  it("names rate limits, server errors and timeouts as model_unavailable (the job is retried later)", () => {
    expect(modelFailure(model, "memo", http(429, "Rate limit reached."), 4)).toMatchObject({ code: "model_unavailable", message: "m at localhost:11434 kept rate-limiting (429) on the memo step after 4 attempts: Rate limit reached." });
    expect(modelFailure(model, "memo", http(503, "busy")).message).toBe("m at localhost:11434 kept failing (503) on the memo step: busy.");
    expect(modelFailure(model, "memo", Object.assign(new Error("Request timed out."), { name: "APIConnectionTimeoutError" })).message).toContain("timed out");
  });

  it("makes an unreachable endpoint permanent, naming host:port and what to check", () => {
    const e = modelFailure(model, "prfaq_draft", refused, 4);
    expect(e.code).toBe("engine_unavailable");
    expect(e.message).toBe("The model endpoint localhost:11434 could not be reached (ECONNREFUSED) after 4 attempts: check that the server is running and that OPENAI_BASE_URL is right.");
  });

  it("says a refused key was refused, once, without LangChain's troubleshooting link or a doubled period", () => {
    const e = modelFailure(model, "prfaq_draft", http(401, "Incorrect API key provided.\n\nTroubleshooting URL: https://js.langchain.com/docs/troubleshooting/errors/MODEL_AUTHENTICATION/\n"));
    expect(e.code).toBe("engine_unavailable");
    expect(e.message).toBe("The model endpoint localhost:11434 refused the API key (401) on the prfaq_draft step: check OPENAI_API_KEY: Incorrect API key provided.");
    expect(modelFailure(model, "prfaq_draft", http(404, "model not found")).code).toBe("engine_unavailable");
  });
});
