import { describe, expect, it } from "vitest";
import { useStack } from "../helpers/stack.js";
import { fixture, ndjson, runCli } from "./cli.js";

// A published PR/FAQ (front matter, cover image, comments, `#### FAQ`, eight numbered bold questions).
const DOC = fixture("documents/refillready-published.md");
const NO_REDIS = { REDIS_URL: "redis://127.0.0.1:1" };
const stack = useStack();

function firstDraft(stdout: string) {
  return ndjson(stdout).find((e) => e.type === "draft.ready");
}

describe("prfaq review --prfaq DOC.md", () => {
  it("on a server: the meeting starts from the author's document as version 1", async () => {
    const { code, stdout, stderr } = await runCli(["review", `--server=${stack().url}`, "--json", "--rounds", "1", "--prfaq", DOC]);
    expect(stderr).toBe("");
    expect([0, 10]).toContain(code);
    const draft = firstDraft(stdout);
    expect(draft?.type === "draft.ready" && [draft.version, draft.source, draft.prfaq.pressRelease.heading, draft.prfaq.externalFaq.length]).toEqual([
      1,
      "author",
      "RefillReady Ends Refill Phone Tag for Veterinary Clinics",
      8,
    ]);
  });

  it("--local: the same, in this process", async () => {
    const { code, stdout } = await runCli(["review", "--local", "--json", "--rounds", "1", "--prfaq", DOC], { env: NO_REDIS });
    expect([0, 10]).toContain(code);
    const draft = firstDraft(stdout);
    expect(draft?.type === "draft.ready" && [draft.version, draft.source]).toEqual([1, "author"]);
    expect(ndjson(stdout).at(-1)?.type).toBe("run.completed");
  });

  it("--local, as lines: round 1 reviews your document, which nobody redrafted", async () => {
    const { code, stdout } = await runCli(["review", "--local", "--rounds", "1", "--prfaq", DOC], { env: NO_REDIS });
    expect([0, 10]).toContain(code);
    const lines = stdout.split("\n");
    expect(lines).toContain("[round 1] meeting   round 1    the reviewers read your document in parallel");
    expect(lines.find((l) => l.startsWith("[round 1] author    v1 "))).toMatch(/your document as written: PR \d+ words, FAQ \d+ words$/);
    expect(stdout).not.toContain("the drafter writes the PR/FAQ");
  });

  it("a brief FILE and --prfaq together is a usage error", async () => {
    const { code, stderr } = await runCli(["review", "--local", "--prfaq", DOC, DOC], { env: NO_REDIS });
    expect(code).not.toBe(0);
    expect(stderr).toContain("review takes a brief FILE.md or --prfaq DOC.md, not both");
  });
});
