import { ConflictError, NotFoundError } from "../domain/errors.js";
import { RunEventSchema, TERMINAL_EVENT_TYPES, type EventDraft, type RunEvent } from "../domain/events.js";
import type { Memo } from "../domain/memo.js";
import type { Prfaq } from "../domain/prfaq.js";
import { TERMINAL_STATUSES, type CreateReview, type RunRecord } from "../domain/run.js";
import {
  decodeCursor,
  encodeCursor,
  finishedFields,
  projectEvent,
  queuedEvent,
  READ_BATCH,
  RunCancelledError,
  RunFinishedError,
  TooManyActiveRunsError,
  runSeconds,
  terminalEvent,
  type Appended,
  type CreateRun,
  type LedgerStats,
  type ListQuery,
  type RunLedger,
  type RunOutcome,
  type RunPage,
} from "./run-ledger.js";
import { addCounters, finishIncrements, statsFromCounters, type ThreadCleaner } from "./run-ledger-stats.js";

type Entry = {
  record: RunRecord;
  request: CreateReview;
  events: RunEvent[];
  keys: Map<string, number>;
  drafts: Map<number, Prfaq>;
  memo?: Memo;
  cancelRequested: boolean;
  counted: boolean;
};

export type MemoryRunLedgerOptions = {
  now?: () => Date;
  /** The run's checkpoints, deleted when it finishes. */
  checkpoints?: ThreadCleaner;
};

/**
 * A {@link RunLedger} in this process's memory: `prfaq review --local` runs the meeting on it, and unit
 * tests use it. Each step is synchronous between awaits, so it is atomic as the Redis one's scripts are.
 */
export class MemoryRunLedger implements RunLedger {
  private readonly runs = new Map<string, Entry>();
  private readonly idempotency = new Map<string, { id: string; bodyHash: string }>();
  /** The same flat counters the Redis ledger keeps in its stats hash. */
  private readonly counters = new Map<string, number>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly now: () => Date;

  constructor(private readonly options: MemoryRunLedgerOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  private entry(runId: string): Entry {
    const entry = this.runs.get(runId);
    if (!entry) throw new NotFoundError(`review ${runId}`);
    return entry;
  }

  async create({ record, request, idempotency, maxActive }: CreateRun): Promise<{ run: RunRecord; replayed: boolean }> {
    if (idempotency) {
      const slot = `${record.owner}\u0000${idempotency.keyHash}`;
      const previous = this.idempotency.get(slot);
      if (previous) {
        if (previous.bodyHash !== idempotency.bodyHash) throw new ConflictError("This Idempotency-Key was used with a different request body.");
        const run = this.runs.get(previous.id)?.record;
        if (!run) throw new ConflictError("A request with this Idempotency-Key is still being processed; retry in a moment.");
        return { run, replayed: true };
      }
    }
    if (maxActive !== undefined && (await this.activeCount(record.owner)) >= maxActive) throw new TooManyActiveRunsError(maxActive);
    if (idempotency) this.idempotency.set(`${record.owner}\u0000${idempotency.keyHash}`, { id: record.id, bodyHash: idempotency.bodyHash });
    this.runs.set(record.id, { record: { ...record }, request, events: [], keys: new Map(), drafts: new Map(), cancelRequested: false, counted: false });
    addCounters(this.counters, [["runs_created", 1]]);
    this.write(record.id, queuedEvent(record));
    return { run: { ...record }, replayed: false };
  }

  async discard(runId: string): Promise<void> {
    if (!this.runs.delete(runId)) return;
    addCounters(this.counters, [["runs_created", -1]]);
    for (const [slot, value] of this.idempotency) if (value.id === runId) this.idempotency.delete(slot);
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    const record = this.runs.get(runId)?.record;
    return record ? { ...record } : undefined;
  }

  async request(runId: string): Promise<CreateReview> {
    return this.entry(runId).request;
  }

  async start(runId: string): Promise<{ run: RunRecord; fresh: boolean }> {
    const entry = this.entry(runId);
    const fresh = entry.record.startedAt === undefined;
    entry.record = { ...entry.record, status: "running", startedAt: entry.record.startedAt ?? this.now().toISOString() };
    return { run: { ...entry.record }, fresh };
  }

  async append(runId: string, event: EventDraft): Promise<Appended> {
    const entry = this.entry(runId);
    if (entry.cancelRequested) throw new RunCancelledError(runId);
    if (TERMINAL_STATUSES.includes(entry.record.status)) throw new RunFinishedError(runId);
    return this.write(runId, event);
  }

  /** Appends without the checks (the first and the terminal event), projecting it onto the record. */
  private write(runId: string, event: EventDraft): Appended {
    const entry = this.entry(runId);
    const existing = entry.keys.get(event.key);
    if (existing !== undefined) return { seq: existing, appended: false };
    const { key, ...rest } = event;
    const seq = entry.events.length + 1;
    entry.events.push(RunEventSchema.parse({ ...rest, seq, runId, at: this.now().toISOString() }));
    entry.keys.set(key, seq);
    const projection = projectEvent(event);
    entry.record = { ...entry.record, ...projection.record };
    if (projection.draft) entry.drafts.set(projection.draft.version, projection.draft.prfaq);
    for (const wake of [...(this.listeners.get(runId) ?? [])]) wake();
    return { seq, appended: true };
  }

  async finish(runId: string, outcome: RunOutcome): Promise<RunRecord> {
    const entry = this.entry(runId);
    if (TERMINAL_STATUSES.includes(entry.record.status)) return { ...entry.record };
    const fields = finishedFields(outcome, this.now().toISOString());
    if (!entry.counted) {
      entry.counted = true;
      addCounters(this.counters, finishIncrements(outcome, runSeconds(entry.record.startedAt, fields.finishedAt)));
    }
    if (outcome.status === "completed") entry.memo = outcome.memo;
    entry.record = { ...entry.record, ...fields };
    this.write(runId, terminalEvent(outcome));
    await this.options.checkpoints?.deleteThread(runId).catch(() => undefined);
    return { ...entry.record };
  }

  async requestCancel(runId: string): Promise<void> {
    this.entry(runId).cancelRequested = true;
  }

  async isCancelRequested(runId: string): Promise<boolean> {
    return this.runs.get(runId)?.cancelRequested ?? false;
  }

  async read(runId: string, after = 0, count = READ_BATCH): Promise<RunEvent[]> {
    return (this.runs.get(runId)?.events ?? []).slice(after, after + count);
  }

  async readAll(runId: string): Promise<RunEvent[]> {
    return [...(this.runs.get(runId)?.events ?? [])];
  }

  async *follow(runId: string, after: number, signal?: AbortSignal): AsyncIterable<RunEvent> {
    let position = after;
    while (!signal?.aborted) {
      // Registered before the read, so an append between the two still wakes this follower.
      const news = this.waitForNews(runId, signal);
      const batch = await this.read(runId, position);
      for (const event of batch) {
        yield event;
        position = event.seq;
        if (TERMINAL_EVENT_TYPES.includes(event.type)) {
          news.cancel();
          return;
        }
      }
      const run = this.runs.get(runId)?.record;
      if (batch.length === 0 && (!run || TERMINAL_STATUSES.includes(run.status))) {
        news.cancel();
        return;
      }
      if (batch.length === 0) await news.promise;
      else news.cancel();
    }
  }

  private waitForNews(runId: string, signal?: AbortSignal): { promise: Promise<void>; cancel: () => void } {
    let done = () => {};
    const promise = new Promise<void>((resolve) => {
      const set = this.listeners.get(runId) ?? new Set<() => void>();
      this.listeners.set(runId, set);
      done = () => {
        set.delete(done);
        if (set.size === 0) this.listeners.delete(runId);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      set.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
    return { promise, cancel: () => done() };
  }

  async list(owner: string, query: ListQuery): Promise<RunPage> {
    const position = query.cursor ? decodeCursor(query.cursor) : undefined;
    const all = [...this.runs.values()]
      .map((e) => e.record)
      .filter((r) => r.owner === owner && (!query.status || r.status === query.status))
      .map((r) => ({ r, at: Date.parse(r.createdAt) }))
      .sort((a, b) => b.at - a.at || (a.r.id < b.r.id ? 1 : a.r.id > b.r.id ? -1 : 0))
      .filter(({ r, at }) => !position || at < position[0] || (at === position[0] && r.id < position[1]));
    const items = all.slice(0, query.limit);
    const last = items.at(-1);
    // As the Redis ledger: a full page has a cursor (the next page may be empty).
    return { items: items.map(({ r }) => ({ ...r })), nextCursor: last && items.length === query.limit ? encodeCursor([last.at, last.r.id]) : null };
  }

  async activeCount(owner: string): Promise<number> {
    return [...this.runs.values()].filter((e) => e.record.owner === owner && !TERMINAL_STATUSES.includes(e.record.status)).length;
  }

  async memo(runId: string): Promise<Memo | undefined> {
    return this.runs.get(runId)?.memo;
  }

  async draft(runId: string, version?: number): Promise<{ version: number; prfaq: Prfaq } | undefined> {
    const drafts = this.runs.get(runId)?.drafts;
    if (!drafts) return undefined;
    const wanted = version ?? Math.max(0, ...drafts.keys());
    const prfaq = drafts.get(wanted);
    return prfaq ? { version: wanted, prfaq } : undefined;
  }

  async stats(): Promise<LedgerStats> {
    return statsFromCounters(Object.fromEntries(this.counters));
  }
}
