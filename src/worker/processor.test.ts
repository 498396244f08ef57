import { AsyncLocalStorage } from "node:async_hooks";
import { readFile } from "node:fs/promises";
import { UnrecoverableError } from "bullmq";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingAgents } from "../agents/contracts.js";
import { createOfflineAgents } from "../agents/offline.js";
import { AppError } from "../domain/errors.js";
import type { EventDraft } from "../domain/events.js";
import { ZERO_USAGE, type CreateReview, type RunRecord } from "../domain/run.js";
import { defaultPersonaDir, loadPersonaLibrary, type PersonaLibrary } from "../personas/loader.js";
import type { Appended } from "../store/run-ledger.js";
import { MemoryRunLedger } from "../store/memory-ledger.js";
import type { SpanAttributes, SpanOptions, Tracing } from "../telemetry/tracing.js";
import { createAbandonedJobHandler, createReviewProcessor, type ReviewJobRun } from "./processor.js";

let personas: PersonaLibrary;
let request: CreateReview;
beforeAll(async () => {
  personas = await loadPersonaLibrary(defaultPersonaDir());
  const text = await readFile(new URL("../../test/fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
  request = { brief: { title: "RefillReady", text }, options: { rounds: 2 } };
});

const logger = pino({ level: "silent" });
const offline = () => createOfflineAgents();
let n = 0;

/** A queued run on `ledger` and its job at attempt `attemptsMade + 1` of 3. */
async function queued(ledger: MemoryRunLedger, attemptsMade = 0): Promise<{ run: RunRecord; job: ReviewJobRun }> {
  n += 1;
  const run: RunRecord = { id: `rv_processor${String(n).padStart(10, "0")}`, status: "queued", title: "RefillReady", engine: "offline", round: 0, rounds: 2, createdAt: "2027-01-01T00:00:00.000Z", usage: ZERO_USAGE, owner: "local" };
  await ledger.create({ record: run, request });
  return { run, job: { id: run.id, data: { runId: run.id, request }, attemptsMade, opts: { attempts: 3 } } };
}

const types = async (ledger: MemoryRunLedger, id: string) => (await ledger.readAll(id)).map((e) => e.type);

/** Agents whose every call fails with `error`. */
function failing(error: Error): MeetingAgents {
  const fail = async (): Promise<never> => {
    throw error;
  };
  return { engine: "offline", note: "failing", draft: fail, review: fail, decide: fail, writeMemo: fail };
}

describe("the review processor", () => {
  it("runs the meeting into the ledger and finishes the run with its memo", async () => {
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger);
    const result = await createReviewProcessor({ ledger, personas, agentsFor: offline, logger })(job);
    const finished = await ledger.get(run.id);
    expect(finished).toMatchObject({ status: "completed", verdict: { decision: result.decision } });
    expect((await ledger.memo(run.id))?.decision).toBe(result.decision);
    const events = await types(ledger, run.id);
    expect(events.slice(0, 3)).toEqual(["run.queued", "run.started", "round.started"]);
    expect(events.at(-1)).toBe("run.completed");
    expect(events.filter((t) => t === "run.completed")).toHaveLength(1);
    // Replayed (at-least-once delivery): a finished run is left alone.
    expect(await createReviewProcessor({ ledger, personas, agentsFor: offline, logger })(job)).toEqual(result);
    expect(await types(ledger, run.id)).toEqual(events);
  });

  it("traces the run as review.run under the trace context its job carries, each step a review.step inside it", async () => {
    // A tracing port that records its spans and the span current when each began, kept like OpenTelemetry
    // keeps it, in async context (the real port is src/runtime/otel.ts).
    const spans: { name: string; attributes: SpanAttributes; options: SpanOptions; inside: string | undefined }[] = [];
    const current = new AsyncLocalStorage<string>();
    const tracing: Tracing = {
      span(name, attributes, fn, options = {}) {
        const span = { name, attributes: { ...attributes }, options, inside: current.getStore() };
        spans.push(span);
        return current.run(name, () => fn({ setAttributes: (more) => void Object.assign(span.attributes, more) }));
      },
      carrier: () => undefined,
    };
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger);
    const trace = { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
    const result = await createReviewProcessor({ ledger, personas, agentsFor: offline, logger, tracing })({ ...job, data: { ...job.data, trace } });
    const runSpan = spans.find((s) => s.name === "review.run");
    expect(runSpan).toMatchObject({ inside: undefined, options: { kind: "consumer", parent: trace } });
    expect(runSpan?.attributes).toMatchObject({ "prfaq.run_id": run.id, "prfaq.attempt": 1, "prfaq.tenant": "local", "prfaq.engine": "offline", "prfaq.decision": result.decision });
    const steps = spans.filter((s) => s.name === "review.step");
    expect(new Set(steps.map((s) => s.attributes["prfaq.node"]))).toEqual(new Set(["drafter", "reviewer", "leader", "memoWriter"]));
    expect(steps.every((s) => s.inside === "review.run")).toBe(true);
  });

  it("a cancel requested before the job starts: run.cancelled at once, no meeting", async () => {
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger);
    await ledger.requestCancel(run.id);
    expect(await createReviewProcessor({ ledger, personas, agentsFor: offline, logger })(job)).toEqual({ decision: "cancelled" });
    expect(await types(ledger, run.id)).toEqual(["run.queued", "run.cancelled"]);
    expect((await ledger.get(run.id))?.status).toBe("cancelled");
  });

  it("a cancel requested mid-run stops it at the next event: run.cancelled last, no memo", async () => {
    // The cancel lands while the first round's findings are being written.
    class CancelMidRun extends MemoryRunLedger {
      override async append(runId: string, event: EventDraft): Promise<Appended> {
        if (event.type === "rubric.findings") await this.requestCancel(runId);
        return super.append(runId, event);
      }
    }
    const ledger = new CancelMidRun();
    const { run, job } = await queued(ledger);
    expect(await createReviewProcessor({ ledger, personas, agentsFor: offline, logger })(job)).toEqual({ decision: "cancelled" });
    const events = await types(ledger, run.id);
    expect(events.at(-1)).toBe("run.cancelled");
    expect(events).not.toContain("rubric.findings");
    expect(events).not.toContain("memo.ready");
    expect(await ledger.memo(run.id)).toBeUndefined();
    expect((await ledger.get(run.id))?.status).toBe("cancelled");
  });

  it("a transient failure before the last attempt is rethrown for BullMQ to retry; the run stays running", async () => {
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger, 0);
    const error = new Error("model timed out");
    await expect(createReviewProcessor({ ledger, personas, agentsFor: () => failing(error), logger })(job)).rejects.toBe(error);
    expect((await ledger.get(run.id))?.status).toBe("running");
    expect(await types(ledger, run.id)).not.toContain("run.failed");
    // The retry starts the same run again, not fresh (it may have checkpoints), and can complete it.
    const retried = { ...job, attemptsMade: 1 };
    await createReviewProcessor({ ledger, personas, agentsFor: offline, logger })(retried);
    expect((await ledger.get(run.id))?.status).toBe("completed");
    expect((await types(ledger, run.id)).filter((t) => t === "run.started")).toHaveLength(1);
  });

  it("the last attempt's failure fails the run (run.failed with code and message) and is unrecoverable", async () => {
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger, 2);
    await expect(createReviewProcessor({ ledger, personas, agentsFor: () => failing(new Error("model timed out")), logger })(job)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await ledger.get(run.id)).toMatchObject({ status: "failed", error: { code: "internal", message: "model timed out" } });
    expect((await ledger.readAll(run.id)).at(-1)).toMatchObject({ type: "run.failed", error: { code: "internal", message: "model timed out" } });
  });

  it("a permanent error fails the run on its first attempt", async () => {
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger, 0);
    const agentsFor = () => {
      throw new AppError("engine_unavailable", "The openai engine needs OPENAI_API_KEY or OPENAI_BASE_URL on the worker.");
    };
    await expect(createReviewProcessor({ ledger, personas, agentsFor, logger })(job)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await ledger.get(run.id)).toMatchObject({ status: "failed", error: { code: "engine_unavailable" } });
  });

  it("job data that is not a review job, or names no run, is unrecoverable", async () => {
    const ledger = new MemoryRunLedger();
    const process = createReviewProcessor({ ledger, personas, agentsFor: offline, logger });
    await expect(process({ id: "x", data: { nonsense: true }, attemptsMade: 0, opts: {} })).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(process({ id: "x", data: { runId: "rv_gone00000000000", request }, attemptsMade: 0, opts: {} })).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it("a job BullMQ failed on its own (stalled too often) fails its run; a retried one or a finished run is left alone", async () => {
    const ledger = new MemoryRunLedger();
    const { run, job } = await queued(ledger);
    await ledger.start(run.id);
    const fail = createAbandonedJobHandler({ ledger, logger });
    await fail({ id: job.id, data: job.data, finishedOn: undefined }, new Error("job stalled more than allowable limit"));
    expect((await ledger.get(run.id))?.status).toBe("running");
    await fail({ id: job.id, data: job.data, finishedOn: 1 }, new Error("job stalled more than allowable limit"));
    expect(await ledger.get(run.id)).toMatchObject({ status: "failed", error: { code: "internal", message: "the review was abandoned by its workers: job stalled more than allowable limit" } });
    const events = await types(ledger, run.id);
    await fail({ id: job.id, data: job.data, finishedOn: 2 }, new Error("again"));
    expect(await types(ledger, run.id)).toEqual(events);
  });
});
