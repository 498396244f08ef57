import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF } from "./follow.js";
import { buildReviewRequest, readInput } from "./input.js";
import { EXIT, verdictExitCode } from "./review.js";

describe("buildReviewRequest", () => {
  it("title from the first heading, the whole file as text, flags as options (personas repeated or comma-separated)", () => {
    const md = "Intro line\n\n# RefillReady\n\n## Customer\nVets.";
    expect(buildReviewRequest(md, { rounds: 2, personas: ["a,b", " c "], engine: "offline" })).toEqual({
      brief: { title: "RefillReady", text: md },
      options: { rounds: 2, personas: ["a", "b", "c"], engine: "offline" },
    });
  });

  it("without a heading the first line is the title; no flags, no options", () => {
    expect(buildReviewRequest("\n  A plain idea\nmore", {})).toEqual({ brief: { title: "A plain idea", text: "\n  A plain idea\nmore" }, options: {} });
  });

  it("--prfaq: the file is the author's PR/FAQ, sent as {prfaq: {markdown}} with no brief", () => {
    const md = "---\ntitle: x\n---\n# RefillReady ends phone tag\n";
    expect(buildReviewRequest(md, { input: "prfaq", rounds: 1 })).toEqual({ prfaq: { markdown: md }, options: { rounds: 1 } });
  });

  it("reads - from stdin", async () => {
    expect(await readInput("-", Readable.from([Buffer.from("# T\n"), "body"]))).toBe("# T\nbody");
  });
});

describe("exit codes and backoff", () => {
  it("0 for fund, 10 for kill, 0 for kill with --no-fail", () => {
    expect(verdictExitCode("fund", false)).toBe(EXIT.fund);
    expect(verdictExitCode("kill", false)).toBe(10);
    expect(verdictExitCode("kill", true)).toBe(0);
  });

  it("reconnect waits: 250 ms doubling to 5 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((a) => backoffDelay(a))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(DEFAULT_BACKOFF.giveUpMs).toBe(60_000);
  });
});
