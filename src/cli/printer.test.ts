import { afterEach, describe, expect, it, vi } from "vitest";
import { RunEventSchema, type RunEvent } from "../domain/events.js";
import { createEventPrinter } from "./printer.js";

const base = { runId: "r", at: "2027-01-01T00:00:00.000Z" };
const ev = (e: Record<string, unknown>): RunEvent => RunEventSchema.parse({ ...base, ...e });
const events = [
  ev({ seq: 1, type: "run.queued", engine: "offline", rounds: 3, title: "T" }),
  ev({ seq: 2, round: 1, type: "agent.started", agent: "engineer" }),
  ev({
    seq: 3,
    round: 1,
    type: "review.ready",
    review: { agent: "engineer", role: "engineer", round: 1, version: 1, stance: "kill", scores: {}, summary: "No.", objections: [], questions: [], quote: "q" },
  }),
];

function sink() {
  let text = "";
  return { write: (t: string) => (text += t), text: () => text };
}

afterEach(() => vi.useRealTimers());

describe("createEventPrinter", () => {
  it("not a terminal: plain lines only, no spinner, no control characters; an event seen twice prints once", () => {
    const out = sink();
    const printer = createEventPrinter({ out, err: sink(), json: false, tty: false, color: false, width: 100 });
    for (const e of [...events, events[2]!]) printer.print(e);
    printer.stop();
    expect(out.text()).toBe('[run]     run       queued     "T" · offline engine · up to 3 rounds\n[round 1] engineer  kill       No.\n');
    expect(printer.lastSeq).toBe(3);
  });

  it("an event's lines under it (an abstaining seat, objections, change requests) print with it, once", () => {
    const out = sink();
    const printer = createEventPrinter({ out, err: sink(), json: false, tty: false, color: false, width: 100 });
    const abstain = ev({
      seq: 4,
      round: 1,
      type: "review.ready",
      review: { agent: "customer:family-farmer", role: "customer", round: 1, version: 1, stance: "abstain", scores: {}, summary: "Not for me.", objections: [], questions: [], quote: "q" },
    });
    const finance = ev({
      seq: 5,
      round: 1,
      type: "review.ready",
      review: {
        agent: "finance", role: "finance", round: 1, version: 1, stance: "kill", scores: {}, summary: "No.", questions: [], quote: "q",
        objections: [{ kind: "economics", text: "Serving one costs more than the price.", basis: ["L4"], blocking: true }],
      },
    });
    const decision = ev({
      seq: 6,
      round: 1,
      type: "decision",
      decision: { round: 1, action: "iterate", leaning: "kill", rationale: "One fix.", changes: [{ priority: 1, kind: "add-evidence", target: "problem", change: "Put the pilot's figure in.", why: "finance", basis: ["L9"] }] },
    });
    for (const e of [abstain, finance, finance, decision]) printer.print(e);
    expect(out.text()).toBe(
      [
        "[round 1] customer  abstain    not a vote: Not for me.",
        "[round 1] finance   kill       No.",
        "          - economics, blocking: Serving one costs more than the price. [L4]",
        "[round 1] leader    iterate    1 change · leaning kill: One fix.",
        "          1. add-evidence -> problem: Put the pilot's figure in. (finance) [L9]",
        "",
      ].join("\n"),
    );
  });

  it("--json: one event per line, exactly the event, even on a terminal", () => {
    const out = sink();
    const printer = createEventPrinter({ out, err: sink(), json: true, tty: true, color: true, width: 100 });
    for (const e of events) printer.print(e);
    printer.stop();
    expect(out.text().trimEnd().split("\n").map((l) => RunEventSchema.parse(JSON.parse(l)))).toEqual(events);
  });

  it("on a terminal: a spinner while the engineer reads, cleared before the next line", () => {
    vi.useFakeTimers();
    const out = sink();
    const printer = createEventPrinter({ out, err: sink(), json: false, tty: true, color: false, width: 100, frameMs: 80 });
    printer.print(events[0]!);
    printer.print(events[1]!);
    vi.advanceTimersByTime(200);
    const spinning = out.text();
    expect(spinning.match(/engineer is reading v0\.\.\./g)?.length).toBe(3);
    printer.print(events[2]!);
    expect(out.text().slice(spinning.length)).toBe("\r\u001b[2K[round 1] engineer  kill       No.\n");
    vi.advanceTimersByTime(200);
    printer.stop();
    expect(out.text().endsWith("No.\n")).toBe(true);
  });
});
