import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";
import { MemoSchema } from "../../src/domain/memo.js";
import { readSse } from "../helpers/sse.js";
import { useStack } from "../helpers/stack.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/briefs/${name}.md`, import.meta.url), "utf8");
const titleOf = (md: string) => /^#\s+(.+)$/m.exec(md)?.[1] ?? "Untitled";


const stack = useStack();

async function submit(md: string, options: Record<string, unknown> = {}) {
  const res = await fetch(`${stack().url}/v1/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ brief: { title: titleOf(md), text: md }, options }),
  });
  return { res, body: (await res.json()) as { id: string; status: string; links: Record<string, string> } };
}

async function transcript(id: string, headers: Record<string, string> = {}, query = ""): Promise<RunEvent[]> {
  const { messages, contentType } = await readSse(`${stack().url}/v1/reviews/${id}/events${query}`, { headers });
  expect(contentType).toContain("text/event-stream");
  return messages.map((m) => {
    const event = RunEventSchema.parse(JSON.parse(m.data));
    // The SSE id and event name repeat what the data says.
    expect(m.id).toBe(String(event.seq));
    expect(m.event).toBe(event.type);
    return event;
  });
}

/** The transcript must read like the meeting: per round a draft, its findings, ≥3 reviews, a decision. */
function expectMeetingShape(events: RunEvent[]) {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events[0]?.type).toBe("run.queued");
  expect(events[1]?.type).toBe("run.started");
  expect(events.at(-2)?.type).toBe("memo.ready");
  expect(events.at(-1)?.type).toBe("run.completed");
  const rounds = events.filter((e) => e.type === "round.started").map((e) => e.round);
  expect(rounds.length).toBeGreaterThanOrEqual(1);
  expect(rounds).toEqual(rounds.map((_, i) => i + 1));
  // The bar raiser reads the concluded draft once: after the last round's decision, before the memo.
  const isFinal = (e: (typeof events)[number]) => e.type === "review.ready" && e.review.role === "bar-raiser";
  const finalAt = events.findIndex(isFinal);
  expect(events.filter(isFinal)).toHaveLength(1);
  expect(finalAt).toBeGreaterThan(events.findLastIndex((e) => e.type === "decision"));
  expect(finalAt).toBeLessThan(events.findIndex((e) => e.type === "memo.ready"));
  for (const round of rounds) {
    const inRound = events.filter((e) => e.round === round && !isFinal(e));
    const types = inRound.map((e) => e.type);
    expect(types[0]).toBe("round.started");
    expect(types.filter((t) => t === "draft.ready")).toHaveLength(1);
    expect(types.filter((t) => t === "rubric.findings")).toHaveLength(1);
    // The engineer and finance always; customers when one fits the brief (a vague brief seats none).
    expect(types.filter((t) => t === "review.ready").length).toBeGreaterThanOrEqual(2);
    expect(types.filter((t) => t === "decision")).toHaveLength(1);
    // Reviews come after the draft and before the decision.
    expect(types.indexOf("draft.ready")).toBeLessThan(types.indexOf("review.ready"));
    expect(types.lastIndexOf("review.ready")).toBeLessThan(types.indexOf("decision"));
  }
}

describe("a review over real HTTP with a real Redis and worker", () => {
  it("funds a strong brief: 202, a streamed meeting, a fund memo in JSON and markdown", async () => {
    const { res, body } = await submit(await fixture("strong-vet-clinic-refills"));
    expect(res.status).toBe(202);
    expect(res.headers.get("location")).toBe(`/v1/reviews/${body.id}`);
    expect(body.id).toMatch(/^rv_/);
    expect(body.status).toBe("queued");

    const events = await transcript(body.id);
    expectMeetingShape(events);
    const started = events.find((e) => e.type === "run.started");
    expect(started?.type === "run.started" && started.note).toMatch(/offline engine/i);
    const done = events.at(-1);
    expect(done?.type === "run.completed" && done.verdict.decision).toBe("fund");

    const memoRes = await fetch(`${stack().url}/v1/reviews/${body.id}/memo`);
    expect(memoRes.status).toBe(200);
    const memo = MemoSchema.parse(await memoRes.json());
    expect(memo.decision).toBe("fund");
    expect(memo.reasons.length).toBeGreaterThan(0);
    expect(memo.scorecard.length).toBe(events.filter((e) => e.type === "round.started").length);

    const md = await fetch(`${stack().url}/v1/reviews/${body.id}/memo`, { headers: { accept: "text/markdown" } });
    expect(md.headers.get("content-type")).toContain("text/markdown");
    const text = await md.text();
    expect(text).toMatch(/^# FUND: /);
    expect(text).toContain("## Reasons");

    const run = (await (await fetch(`${stack().url}/v1/reviews/${body.id}`)).json()) as { status: string; verdict: { decision: string } };
    expect(run.status).toBe("completed");
    expect(run.verdict.decision).toBe("fund");
  });

  it.each(["weak-social-for-everyone", "weak-tech-looking-for-problem", "weak-feature-pile"])(
    "kills %s (no specific customer, problem or numbers)",
    async (name) => {
      const { res, body } = await submit(await fixture(name));
      expect(res.status).toBe(202);
      const events = await transcript(body.id);
      expectMeetingShape(events);
      const memo = MemoSchema.parse(await (await fetch(`${stack().url}/v1/reviews/${body.id}/memo`)).json());
      expect(memo.decision).toBe("kill");
      expect(memo.reasons.length).toBeGreaterThan(0);
      expect(memo.whatWouldChange.length).toBeGreaterThan(0);
    },
  );

  it("resumes with Last-Event-ID and ?after= with exactly the later events", async () => {
    const { body } = await submit(await fixture("strong-warehouse-picking"), { rounds: 2 });
    const all = await transcript(body.id);
    const n = 5;
    const viaHeader = await transcript(body.id, { "last-event-id": String(n) });
    expect(viaHeader).toEqual(all.slice(n));
    const viaQuery = await transcript(body.id, {}, `?after=${n}`);
    expect(viaQuery).toEqual(all.slice(n));
    const json = (await (await fetch(`${stack().url}/v1/reviews/${body.id}/events?format=json&after=${all.length - 1}`)).json()) as unknown[];
    expect(json).toEqual([JSON.parse(JSON.stringify(all.at(-1)))]);
    // Past the end of a finished run, the stream ends at once with nothing.
    expect(await transcript(body.id, { "last-event-id": String(all.length) })).toEqual([]);
  });

  it("a client that connects mid-run replays then follows to the end", async () => {
    const { body } = await submit(await fixture("strong-clinical-trial-matching"));
    const first = await readSse(`${stack().url}/v1/reviews/${body.id}/events`, {}, (m) => m.event === "review.ready");
    const lastSeen = first.messages.at(-1)?.id ?? "0";
    const rest = await transcript(body.id, { "last-event-id": lastSeen });
    const whole = await transcript(body.id);
    expect([...first.messages.map((m) => Number(m.id)), ...rest.map((e) => e.seq)]).toEqual(whole.map((e) => e.seq));
  });
});

describe("personas", () => {
  it("lists the library and serves one persona; a brief may bring its own", async () => {
    const list = (await (await fetch(`${stack().url}/v1/personas`)).json()) as { personas: { id: string; kind: string }[] };
    expect(list.personas.filter((p) => p.kind === "customer").length).toBeGreaterThanOrEqual(10);
    expect(list.personas.map((p) => p.kind)).toEqual(expect.arrayContaining(["engineer", "finance", "leader"]));
    const one = await fetch(`${stack().url}/v1/personas/vet-clinic-front-desk`);
    expect(((await one.json()) as { name: string }).name).toBeTruthy();
    expect((await fetch(`${stack().url}/v1/personas/nobody`)).status).toBe(404);

    const persona = {
      name: "Priya Raman",
      role: "owner of a two-chair barbershop in Leeds",
      segment: "small-business",
      background: "Cut hair for 12 years; opened her own shop in 2021.",
      dayToday: "Cuts 14 clients a day, answers booking calls between cuts.",
      goals: ["Fewer no-shows"],
      frustrations: ["Three no-shows a week cost her about £90"],
      paysForToday: "A paper diary and £12 a month for texts.",
      wouldPay: "Up to £20 a month if no-shows halve.",
      decisionCriteria: ["Works from her phone"],
      voice: "Direct, Yorkshire, no patience for jargon.",
      skepticism: 3,
      keywords: ["barbershop", "salon", "booking"],
    };
    const { res, body } = await submit("# ChairFill\n\nBarbershops lose 3 bookings a week to no-shows.", { personas: ["working-parent"] });
    expect(res.status).toBe(202);
    const plain = await transcript(body.id);
    const res2 = await fetch(`${stack().url}/v1/reviews`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brief: { title: "ChairFill", text: "Barbershops lose 3 bookings a week to no-shows.", persona }, options: { rounds: 1 } }),
    });
    expect(res2.status).toBe(202);
    const withInline = await transcript(((await res2.json()) as { id: string }).id);
    const started = withInline.find((e) => e.type === "run.started");
    expect(started?.type === "run.started" && started.personas[0]).toEqual({ id: "priya-raman", name: "Priya Raman", why: "supplied with the brief" });
    expect(withInline.some((e) => e.type === "review.ready" && e.review.agent === "customer:priya-raman")).toBe(true);
    const explicit = plain.find((e) => e.type === "run.started");
    expect(explicit?.type === "run.started" && explicit.personas.map((p) => p.id)).toEqual(["working-parent"]);
  });
});
