import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfflineAgents } from "../../src/agents/offline.js";
import { ConflictError, NotFoundError } from "../../src/domain/errors.js";
import { eventKey, type EventDraft, type RunEvent } from "../../src/domain/events.js";
import type { Memo } from "../../src/domain/memo.js";
import type { Prfaq } from "../../src/domain/prfaq.js";
import { ZERO_USAGE, type CreateReview, type RunRecord, type Usage } from "../../src/domain/run.js";
import { runMeeting } from "../../src/graph/meeting.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../../src/personas/loader.js";
import { InvalidCursorError, RunCancelledError, RunFinishedError, TooManyActiveRunsError, type RunLedger } from "../../src/store/run-ledger.js";
import type { ThreadCleaner } from "../../src/store/run-ledger-stats.js";

/** What a contract run needs: a fresh, empty ledger per test, whose clock is `now` and whose checkpoints are `checkpoints`. */
export type LedgerFactory = (deps: { now: () => Date; checkpoints: ThreadCleaner }) => RunLedger | Promise<RunLedger>;

const REQUEST: CreateReview = { brief: { title: "RefillReady", text: "x" }, options: { rounds: 2 } };
const round = (n: number): EventDraft => ({ type: "round.started", key: eventKey("round.started", n), round: n });

/**
 * The contract every {@link RunLedger} keeps: the Redis ledger and the memory ledger run this same suite.
 * A real meeting (offline engine) supplies the memo, usage and PR/FAQ the finish and projection need.
 */
export function ledgerContract(name: string, factory: LedgerFactory): void {
  describe(`RunLedger contract: ${name}`, () => {
    let memo: Memo;
    let usage: Usage;
    let prfaq: Prfaq;
    beforeAll(async () => {
      const text = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
      const drafts: EventDraft[] = [];
      const result = await runMeeting({
        runId: "rv_contract",
        createdAt: "2027-01-01T00:00:00.000Z",
        request: { brief: { title: "RefillReady", text }, options: { rounds: 1 } },
        agents: createOfflineAgents(),
        personas: await loadPersonaLibrary(defaultPersonaDir()),
        emit: async (e) => void drafts.push(e),
      });
      memo = result.memo;
      usage = result.usage;
      const draft = drafts.find((e) => e.type === "draft.ready");
      if (draft?.type !== "draft.ready") throw new Error("the meeting wrote no draft");
      prfaq = draft.prfaq;
    });

    let clock = Date.parse("2027-03-01T10:00:00.000Z");
    const now = () => new Date(clock);
    const deleted: string[] = [];
    const make = () => factory({ now, checkpoints: { deleteThread: async (id) => void deleted.push(id) } });
    const owner = () => `o${randomBytes(4).toString("hex")}`;
    const record = (o: string, n = 0): RunRecord => ({
      id: `rv_${randomBytes(12).toString("base64url")}`,
      status: "queued",
      title: `Run ${n}`,
      engine: "offline",
      round: 0,
      rounds: 2,
      createdAt: new Date(clock + n * 1000).toISOString(),
      usage: ZERO_USAGE,
      owner: o,
    });
    const types = (events: RunEvent[]) => events.map((e) => `${e.seq}:${e.type}`);

    it("create: the record, its request and run.queued as event 1", async () => {
      const ledger = await make();
      const r = record(owner());
      expect(await ledger.create({ record: r, request: REQUEST })).toEqual({ run: r, replayed: false });
      expect(await ledger.get(r.id)).toEqual(r);
      expect(await ledger.request(r.id)).toEqual(REQUEST);
      expect(await ledger.readAll(r.id)).toEqual([{ seq: 1, runId: r.id, at: now().toISOString(), type: "run.queued", engine: "offline", rounds: 2, title: "Run 0" }]);
      expect(await ledger.activeCount(r.owner)).toBe(1);
      expect(await ledger.get("rv_nothing_here")).toBeUndefined();
      await expect(ledger.request("rv_nothing_here")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("create with an idempotency key: the same body replays the run, another body is a conflict, a discard frees the key", async () => {
      const ledger = await make();
      const o = owner();
      const first = record(o);
      const idempotency = { keyHash: "k1", bodyHash: "b1" };
      expect((await ledger.create({ record: first, request: REQUEST, idempotency })).replayed).toBe(false);
      expect(await ledger.create({ record: record(o, 1), request: REQUEST, idempotency })).toEqual({ run: first, replayed: true });
      await expect(ledger.create({ record: record(o, 2), request: REQUEST, idempotency: { keyHash: "k1", bodyHash: "b2" } })).rejects.toBeInstanceOf(ConflictError);
      // Another owner's key of the same text is another key.
      expect((await ledger.create({ record: record(owner()), request: REQUEST, idempotency })).replayed).toBe(false);
      await ledger.discard(first.id);
      expect(await ledger.get(first.id)).toBeUndefined();
      expect(await ledger.readAll(first.id)).toEqual([]);
      const again = record(o, 3);
      expect(await ledger.create({ record: again, request: REQUEST, idempotency })).toEqual({ run: again, replayed: false });
    });

    it("create past maxActive queued or running runs of the owner is refused; a finished run frees its slot; a replay is no new run", async () => {
      const ledger = await make();
      const o = owner();
      const first = record(o);
      const idempotency = { keyHash: "k", bodyHash: "b" };
      await ledger.create({ record: first, request: REQUEST, maxActive: 2, idempotency });
      await ledger.create({ record: record(o, 1), request: REQUEST, maxActive: 2 });
      await expect(ledger.create({ record: record(o, 2), request: REQUEST, maxActive: 2 })).rejects.toBeInstanceOf(TooManyActiveRunsError);
      // The refused run left nothing behind, and its idempotency key was not taken.
      expect((await ledger.list(o, { limit: 10 })).items).toHaveLength(2);
      expect(await ledger.create({ record: record(o, 3), request: REQUEST, maxActive: 2, idempotency })).toEqual({ run: first, replayed: true });
      await ledger.finish(first.id, { status: "cancelled" });
      expect((await ledger.create({ record: record(o, 4), request: REQUEST, maxActive: 2 })).replayed).toBe(false);
      expect(await ledger.activeCount(o)).toBe(2);
    });

    it("append: numbers 1, 2, 3 and appends each key once, however often a step replays", async () => {
      const ledger = await make();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      expect(await ledger.append(r.id, round(1))).toEqual({ seq: 2, appended: true });
      expect(await ledger.append(r.id, round(1))).toEqual({ seq: 2, appended: false });
      expect(await ledger.append(r.id, round(2))).toEqual({ seq: 3, appended: true });
      const all = await ledger.readAll(r.id);
      expect(types(all)).toEqual(["1:run.queued", "2:round.started", "3:round.started"]);
      expect(types(await ledger.read(r.id, 1))).toEqual(["2:round.started", "3:round.started"]);
      expect(types(await ledger.read(r.id, 0, 1))).toEqual(["1:run.queued"]);
      // Concurrent appends stay gap-free and unique.
      await Promise.all([3, 4, 5, 6, 7, 8].map((n) => ledger.append(r.id, round(n))));
      expect((await ledger.readAll(r.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it("append projects events onto the run record: round, usage, PR/FAQ versions", async () => {
      const ledger = await make();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      expect((await ledger.start(r.id)).fresh).toBe(true);
      await ledger.append(r.id, round(2));
      await ledger.append(r.id, { type: "usage", key: eventKey("usage", 2), round: 2, usage });
      const draft = (version: number): EventDraft => ({ type: "draft.ready", key: eventKey("draft.ready", version), round: version, version, prfaq, markdown: "m", wordCounts: { pressRelease: 1, faq: 1 }, changes: [], assumptions: [] });
      await ledger.append(r.id, draft(1));
      await ledger.append(r.id, draft(2));
      expect(await ledger.get(r.id)).toEqual({ ...r, status: "running", startedAt: now().toISOString(), round: 2, usage });
      expect(await ledger.draft(r.id)).toEqual({ version: 2, prfaq });
      expect(await ledger.draft(r.id, 1)).toEqual({ version: 1, prfaq });
      expect(await ledger.draft(r.id, 3)).toBeUndefined();
      // A second start keeps the first start time and says the run started before.
      clock += 5000;
      expect(await ledger.start(r.id)).toMatchObject({ fresh: false, run: { startedAt: new Date(clock - 5000).toISOString() } });
    });

    it("cancel: appends stop at once; the finish still writes run.cancelled, last", async () => {
      const ledger = await make();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      await ledger.append(r.id, round(1));
      expect(await ledger.isCancelRequested(r.id)).toBe(false);
      await ledger.requestCancel(r.id);
      expect(await ledger.isCancelRequested(r.id)).toBe(true);
      await expect(ledger.append(r.id, round(2))).rejects.toBeInstanceOf(RunCancelledError);
      const finished = await ledger.finish(r.id, { status: "cancelled" });
      expect(finished).toMatchObject({ status: "cancelled", finishedAt: now().toISOString() });
      expect(types(await ledger.readAll(r.id))).toEqual(["1:run.queued", "2:round.started", "3:run.cancelled"]);
      expect(await ledger.activeCount(r.owner)).toBe(0);
    });

    it("finish(completed): status, verdict, memo, terminal event and metrics together; nothing after it; a second finish changes nothing", async () => {
      const ledger = await make();
      const before = await ledger.stats();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      await ledger.start(r.id);
      clock += 4000;
      const finished = await ledger.finish(r.id, { status: "completed", memo, usage, round: 1, steps: [{ node: "draft", ms: 1500 }, { node: "draft", ms: 4 }] });
      const verdict = { decision: memo.decision, confidence: memo.confidence, score: memo.scorecard.at(-1)?.score ?? 0 };
      expect(finished).toMatchObject({ status: "completed", verdict, usage, round: 1, finishedAt: now().toISOString() });
      expect(await ledger.get(r.id)).toEqual(finished);
      expect(await ledger.memo(r.id)).toEqual(memo);
      const events = await ledger.readAll(r.id);
      expect(events.at(-1)).toMatchObject({ seq: 2, type: "run.completed", status: "completed", verdict });
      await expect(ledger.append(r.id, round(1))).rejects.toBeInstanceOf(RunFinishedError);
      expect(await ledger.finish(r.id, { status: "failed", error: { code: "internal", message: "late" } })).toEqual(finished);
      expect(await ledger.readAll(r.id)).toEqual(events);
      expect(deleted).toContain(r.id);
      const after = await ledger.stats();
      expect(after.runsCreated - before.runsCreated).toBe(1);
      expect(after.runsFinished.completed - before.runsFinished.completed).toBe(1);
      expect(after.runsFinished.failed - before.runsFinished.failed).toBe(0);
      expect(after.runSeconds.count - before.runSeconds.count).toBe(1);
      expect(after.runSeconds.sum - before.runSeconds.sum).toBeCloseTo(4, 6);
      // Each step in its histogram bucket (1.5 s in the 5 s one, 4 ms in the 10 ms one), the sum in seconds.
      const step = (s: typeof after, le: string) => s.steps.draft?.buckets[le] ?? 0;
      expect((after.steps.draft?.count ?? 0) - (before.steps.draft?.count ?? 0)).toBe(2);
      expect((after.steps.draft?.sum ?? 0) - (before.steps.draft?.sum ?? 0)).toBeCloseTo(1.504, 6);
      expect(step(after, "5") - step(before, "5")).toBe(1);
      expect(step(after, "0.01") - step(before, "0.01")).toBe(1);
      expect(step(after, "1") - step(before, "1")).toBe(0);
      const drafter = usage.byRole?.drafter;
      expect((after.byRole.drafter?.calls ?? 0) - (before.byRole.drafter?.calls ?? 0)).toBe(drafter?.calls);
    });

    it("finish(failed): the error on the record and in run.failed", async () => {
      const ledger = await make();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      const error = { code: "model_unavailable", message: "the model did not answer" };
      expect(await ledger.finish(r.id, { status: "failed", error })).toMatchObject({ status: "failed", error });
      expect((await ledger.readAll(r.id)).at(-1)).toMatchObject({ type: "run.failed", error });
      expect(await ledger.memo(r.id)).toBeUndefined();
      await expect(ledger.finish("rv_nothing_here", { status: "cancelled" })).rejects.toBeInstanceOf(NotFoundError);
    });

    it("follow: replays, follows live appends, and ends after the terminal event", async () => {
      const ledger = await make();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      const seen: string[] = [];
      const following = (async () => {
        for await (const event of ledger.follow(r.id, 0)) seen.push(`${event.seq}:${event.type}`);
      })();
      await ledger.append(r.id, round(1));
      await ledger.append(r.id, round(2));
      await ledger.finish(r.id, { status: "cancelled" });
      await following;
      expect(seen).toEqual(["1:run.queued", "2:round.started", "3:round.started", "4:run.cancelled"]);
      // A finished run: from a cursor, the rest; past the end, nothing, at once.
      const rest: number[] = [];
      for await (const event of ledger.follow(r.id, 2)) rest.push(event.seq);
      expect(rest).toEqual([3, 4]);
      for await (const event of ledger.follow(r.id, 4)) throw new Error(`unexpected event ${event.seq}`);
      for await (const event of ledger.follow("rv_nothing_here", 0)) throw new Error(`unexpected event ${event.seq}`);
    });

    it("follow ends when its signal aborts", async () => {
      const ledger = await make();
      const r = record(owner());
      await ledger.create({ record: r, request: REQUEST });
      const stop = new AbortController();
      const seen: number[] = [];
      for await (const event of ledger.follow(r.id, 0, stop.signal)) {
        seen.push(event.seq);
        stop.abort();
      }
      expect(seen).toEqual([1]);
    });

    it("list: an owner's runs newest first, in pages, by status; a foreign cursor is refused", async () => {
      const ledger = await make();
      const o = owner();
      const runs = [0, 1, 2, 3, 4].map((n) => record(o, n));
      for (const r of runs) await ledger.create({ record: r, request: REQUEST });
      await ledger.create({ record: record(owner()), request: REQUEST });
      await ledger.finish(runs[1]!.id, { status: "cancelled" });
      const first = await ledger.list(o, { limit: 2 });
      expect(first.items.map((r) => r.title)).toEqual(["Run 4", "Run 3"]);
      expect(first.nextCursor).not.toBeNull();
      const second = await ledger.list(o, { limit: 2, cursor: first.nextCursor ?? "" });
      expect(second.items.map((r) => r.title)).toEqual(["Run 2", "Run 1"]);
      const third = await ledger.list(o, { limit: 2, cursor: second.nextCursor ?? "" });
      expect(third).toEqual({ items: [expect.objectContaining({ title: "Run 0" })], nextCursor: null });
      expect((await ledger.list(o, { limit: 10, status: "cancelled" })).items.map((r) => r.title)).toEqual(["Run 1"]);
      expect((await ledger.list(o, { limit: 10, status: "queued" })).items.map((r) => r.title)).toEqual(["Run 4", "Run 3", "Run 2", "Run 0"]);
      await expect(ledger.list(o, { limit: 2, cursor: "not-a-cursor" })).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });
}
