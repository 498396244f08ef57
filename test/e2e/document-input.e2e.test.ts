import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";
import { parsePrfaqMarkdown } from "../../src/domain/prfaq-markdown.js";
import { PrfaqSchema } from "../../src/domain/prfaq.js";
import { readSse } from "../helpers/sse.js";
import { useStack } from "../helpers/stack.js";

// A published PR/FAQ as an author keeps it: YAML front matter, a cover image, HTML comments (one over
// several lines), a `#### FAQ` heading and eight numbered questions in bold.
const fixture = () => readFile(new URL("../fixtures/documents/refillready-published.md", import.meta.url), "utf8");
const HEADLINE = "RefillReady Ends Refill Phone Tag for Veterinary Clinics";
const QUESTIONS = [
  "Who is RefillReady for?",
  "What does it cost?",
  "Which practice-management systems does it work with?",
  "How do pet owners request a refill?",
  "What evidence is there that it works?",
  "What does it cost us to serve a clinic?",
  "What are the biggest risks?",
  "How will we know it is working?",
];

const stack = useStack();

async function post(body: string, contentType = "application/json", query = "") {
  const res = await fetch(`${stack().url}/v1/reviews${query}`, { method: "POST", headers: { "content-type": contentType }, body });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as Record<string, unknown> };
}

async function transcript(id: string): Promise<RunEvent[]> {
  const { messages } = await readSse(`${stack().url}/v1/reviews/${id}/events`);
  return messages.map((m) => RunEventSchema.parse(JSON.parse(m.data)));
}

function drafts(events: RunEvent[]) {
  return events.flatMap((e) => (e.type === "draft.ready" ? [e] : []));
}

/** The author's document is version 1 as written: its headline, every FAQ question, source "author". */
function expectAuthorsVersion1(events: RunEvent[]) {
  const [first, ...later] = drafts(events);
  expect(first?.version).toBe(1);
  expect(first?.round).toBe(1);
  expect(first?.source).toBe("author");
  expect(first?.prfaq.pressRelease.heading).toBe(HEADLINE);
  expect(first?.prfaq.externalFaq.map((q) => q.question)).toEqual(QUESTIONS);
  // No cover image, no comment, no YAML anywhere in the document the meeting reads.
  expect(JSON.stringify(first?.prfaq)).not.toMatch(/refillready-cover|Internal note|Reviewers:|tags:/);
  // Round 1 reviews it: the reviews of round 1 are of version 1.
  const round1 = events.flatMap((e) => (e.type === "review.ready" && e.round === 1 ? [e.review] : []));
  expect(round1.length).toBeGreaterThanOrEqual(2);
  expect(round1.every((r) => r.version === 1)).toBe(true);
  // The drafter writes no version 1, and every later version is the drafter's revision.
  expect(events.some((e) => e.type === "agent.started" && e.agent === "drafter" && e.round === 1)).toBe(false);
  for (const d of later) expect(d.source).toBe("drafter");
  // Each round says who wrote the version it reviews: round 1 the author, every later round the drafter.
  const rounds = events.flatMap((e) => (e.type === "round.started" ? [[e.round, e.source]] : []));
  expect(rounds).toEqual([[1, "author"], ...later.map((d) => [d.round, "drafter"])]);
  expect(events.at(-1)?.type).toBe("run.completed");
}

describe("reviewing a PR/FAQ the author already wrote", () => {
  it("JSON {prfaq: {markdown}}: version 1 is the author's document, reviewed in round 1", async () => {
    const markdown = await fixture();
    const r = await post(JSON.stringify({ prfaq: { markdown }, options: { rounds: 2 } }));
    expect(r.status).toBe(202);
    expect(r.body.title).toBe(HEADLINE);
    const events = await transcript(String(r.body.id));
    expectAuthorsVersion1(events);
    // GET /prfaq?version=1 serves the author's document as parsed.
    const v1 = await fetch(`${stack().url}/v1/reviews/${String(r.body.id)}/prfaq?version=1`);
    expect(v1.status).toBe(200);
    const served = PrfaqSchema.parse(((await v1.json()) as { prfaq: unknown }).prfaq);
    expect(served).toEqual(parsePrfaqMarkdown(markdown));
  });

  it("a text/markdown body with ?input=prfaq is the same document", async () => {
    const r = await post(await fixture(), "text/markdown", "?input=prfaq&rounds=1");
    expect(r.status).toBe(202);
    const events = await transcript(String(r.body.id));
    expectAuthorsVersion1(events);
    expect(drafts(events)).toHaveLength(1);
  });

  it("a brief's first draft is still the drafter's, and its round says so", async () => {
    const text = "## Customer\nFront-desk staff at US vet clinics.\n## Problem\nRefill calls are 31% of inbound calls.";
    const r = await post(JSON.stringify({ brief: { title: "RefillReady", text }, options: { rounds: 1 } }));
    expect(r.status).toBe(202);
    const events = await transcript(String(r.body.id));
    const [first] = drafts(events);
    expect(first?.version).toBe(1);
    expect(first?.source).toBe("drafter");
    expect(events.find((e) => e.type === "round.started")).toMatchObject({ round: 1, source: "drafter" });
  });

  it("a published PR/FAQ with twelve numbered FAQ questions: version 1 is the author's text, quotes in their places", async () => {
    const markdown = await readFile(new URL("../fixtures/documents/kickoffkit-published.md", import.meta.url), "utf8");
    const r = await post(JSON.stringify({ prfaq: { markdown }, options: { rounds: 2 } }));
    expect(r.status).toBe(202);
    expect(r.body.title).toBe("KickoffKit Turns a Kickoff Call into a Project Plan Before the Call Ends");
    const events = await transcript(String(r.body.id));
    const [first] = drafts(events);
    expect(first).toMatchObject({ round: 1, version: 1, source: "author" });
    // The author's text as the reader reads it: nothing redrafted, nothing added.
    expect(first?.prfaq).toEqual(parsePrfaqMarkdown(markdown));
    expect(first?.prfaq.title).toBe("KickoffKit: launch press release and FAQ");
    expect(first?.prfaq.pressRelease.leaderQuote).toContain("says Amara Okafor, founder of KickoffKit.");
    expect(first?.prfaq.pressRelease.customerQuote).toMatch(/^A project lead who tested the prompt/);
    expect(first?.prfaq.externalFaq).toHaveLength(12);
    expect(first?.prfaq.externalFaq.at(-1)?.question).toBe("What would make us stop?");
    expect(first?.changes).toEqual([]);
    expect(events.find((e) => e.type === "round.started")).toMatchObject({ round: 1, source: "author" });
    expect(events.at(-1)?.type).toBe("run.completed");
  });

  it("400 with field paths for both a brief and a prfaq, or neither", async () => {
    const both = await post(JSON.stringify({ brief: { title: "T", text: "x" }, prfaq: { markdown: "# T" } }));
    expect(both.status).toBe(400);
    expect(both.type).toContain("application/problem+json");
    expect(both.body).toMatchObject({ status: 400, type: expect.stringContaining("validation") });
    expect(both.body.errors).toEqual([
      { path: "brief", message: "send either brief or prfaq, not both" },
      { path: "prfaq", message: "send either brief or prfaq, not both" },
    ]);
    const neither = await post(JSON.stringify({ options: { rounds: 2 } }));
    expect(neither.status).toBe(400);
    expect(neither.type).toContain("application/problem+json");
    expect(neither.body.errors).toEqual([{ path: "brief", message: "send a brief, or a PR/FAQ you already wrote as prfaq" }]);
    const empty = await post(JSON.stringify({ prfaq: { markdown: "  " } }));
    expect(empty.status).toBe(400);
    expect((empty.body.errors as { path: string }[]).map((e) => e.path)).toEqual(["prfaq.markdown"]);
    const badInput = await post("# T", "text/markdown", "?input=memo");
    expect(badInput.status).toBe(400);
    expect((badInput.body.errors as { path: string }[]).map((e) => e.path)).toEqual(["input"]);
  });
});
