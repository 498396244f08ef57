import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("has sensible defaults: loopback, port 3000, private Redis, offline engine", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", PRFAQ_DATA_DIR: ".prfaq", PRFAQ_ENGINE: "offline", LOG_LEVEL: "info", PRFAQ_WORKER_CONCURRENCY: 20 });
    expect(c.REDIS_URL).toBeUndefined();
  });

  it("defaults to the openai engine when a model endpoint is configured", () => {
    expect(loadConfig({ OPENAI_API_KEY: "sk-x" }).PRFAQ_ENGINE).toBe("openai");
    expect(loadConfig({ OPENAI_BASE_URL: "http://localhost:11434/v1" }).PRFAQ_ENGINE).toBe("openai");
    expect(loadConfig({ OPENAI_API_KEY: "sk-x", PRFAQ_ENGINE: "offline" }).PRFAQ_ENGINE).toBe("offline");
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ REDIS_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad variable at once", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "http", REDIS_URL: "not a url", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path).sort()).toEqual(["LOG_LEVEL", "PORT", "REDIS_URL"]);
    expect((error as ConfigError).message).toContain("PORT:");
  });

  it("lets requests choose only the configured models unless PRFAQ_ALLOWED_MODELS says more; model names are validated", () => {
    expect(loadConfig({}).PRFAQ_ALLOWED_MODELS).toEqual(["gpt-4.1-mini"]);
    expect(loadConfig({ PRFAQ_MODEL: "llama3.1", PRFAQ_MODEL_LEADER: "gpt-4.1" }).PRFAQ_ALLOWED_MODELS).toEqual(["llama3.1", "gpt-4.1"]);
    expect(loadConfig({ PRFAQ_ALLOWED_MODELS: "a, b ,," }).PRFAQ_ALLOWED_MODELS).toEqual(["a", "b"]);
    expect(() => loadConfig({ PRFAQ_MODEL: "gpt\nx" })).toThrow(/PRFAQ_MODEL: a model name/);
    expect(() => loadConfig({ PRFAQ_ALLOWED_MODELS: "ok, not ok" })).toThrow(/PRFAQ_ALLOWED_MODELS/);
  });
});
