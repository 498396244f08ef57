import type { Redis } from "ioredis";
import { z } from "zod";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import { TERMINAL_EVENT_TYPES, type EventDraft, type RunEvent } from "../domain/events.js";
import type { Memo } from "../domain/memo.js";
import type { Prfaq } from "../domain/prfaq.js";
import { TERMINAL_STATUSES, type CreateReview, type RunRecord } from "../domain/run.js";
import type { EventHub } from "./event-hub.js";
import { EventLog } from "./event-log.js";
import type { StoreHealth } from "./health.js";
import type { RedisKeys } from "./keys.js";
import { finishedFields, queuedEvent, READ_BATCH, runSeconds, terminalEvent, TooManyActiveRunsError, type Appended, type CreateRun, type LedgerStats, type ListQuery, type RunLedger, type RunOutcome, type RunPage } from "./run-ledger.js";
import { finishIncrements, statsFromCounters, type ThreadCleaner } from "./run-ledger-stats.js";
import { RunStore, toHash } from "./runs.js";
import { coalesceReads } from "./shared-reads.js";

export type RedisRunLedgerOptions = {
  redis: Redis;
  keys: RedisKeys;
  /** How long a finished run and everything about it is kept. Default 30 days. */
  retentionSeconds?: number;
  /** Wakes followers when a run has news (one subscriber per process); without it `follow` polls. */
  hub?: EventHub;
  /** Tells a Redis outage from a real failure: a follower waits one out instead of ending. */
  health?: StoreHealth;
  /** The runs' graph checkpoints, deleted when a run finishes. */
  checkpoints?: ThreadCleaner;
  now?: () => Date;
};

/** How long an idempotency key is remembered. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** What an idempotency key remembers: the run it created and a hash of the body that created it. */
const IdempotencySlotSchema = z.object({ id: z.string().optional(), bodyHash: z.string().optional() });
/** How long a follower waits for news before it looks again by itself. */
const POLL_MS = 2000;
/** Failed reads in a row, with Redis reachable, after which a follower fails. */
const MAX_READ_FAILURES = 3;

/**
 * The {@link RunLedger} of the service: run hashes and indexes ({@link RunStore}), a Redis stream per
 * transcript ({@link EventLog}), appends and finishes as single scripts and transactions, so a reader
 * never sees a status without its event, and no event lands after the terminal one, whatever
 * connection wrote it.
 */
export class RedisRunLedger implements RunLedger {
  private readonly runs: RunStore;
  private readonly events: EventLog;
  private readonly now: () => Date;
  private readonly sharedRead: (runId: string, after: number) => Promise<RunEvent[]>;

  constructor(private readonly options: RedisRunLedgerOptions) {
    const { redis, keys } = options;
    this.now = options.now ?? (() => new Date());
    this.runs = new RunStore(redis, keys, options.retentionSeconds === undefined ? {} : { retentionSeconds: options.retentionSeconds });
    this.events = new EventLog(redis, keys, this.now);
    // The followers of one run wake together on its news: one read serves them all.
    const hub = options.hub;
    this.sharedRead = coalesceReads((runId, after) => this.events.read(runId, after), () => hub?.generation ?? 0);
  }

  private get redis(): Redis {
    return this.options.redis;
  }
  private get keys(): RedisKeys {
    return this.options.keys;
  }

  async create({ record, request, idempotency, maxActive }: CreateRun): Promise<{ run: RunRecord; replayed: boolean }> {
    const write = async (extra: Record<string, string> = {}) => {
      if (maxActive !== undefined && (await this.runs.activeCount(record.owner)) >= maxActive) throw new TooManyActiveRunsError(maxActive);
      await this.runs.create(record, request, extra, (multi) => this.events.queueAppend(multi, record.id, queuedEvent(record)));
    };
    if (!idempotency) {
      await write();
      return { run: record, replayed: false };
    }
    const slot = this.keys.idempotency(record.owner, idempotency.keyHash);
    const claimed = await this.redis.set(slot, JSON.stringify({ id: record.id, bodyHash: idempotency.bodyHash }), "EX", IDEMPOTENCY_TTL_SECONDS, "NX");
    if (claimed === "OK") {
      try {
        await write({ idempotency: slot });
      } catch (error) {
        await this.redis.del(slot);
        throw error;
      }
      return { run: record, replayed: false };
    }
    const previous = IdempotencySlotSchema.parse(JSON.parse((await this.redis.get(slot)) ?? "{}"));
    if (previous.bodyHash !== idempotency.bodyHash) throw new ConflictError("This Idempotency-Key was used with a different request body.");
    const run = previous.id ? await this.runs.get(previous.id) : undefined;
    if (!run) throw new ConflictError("A request with this Idempotency-Key is still being processed; retry in a moment.");
    return { run, replayed: true };
  }

  async discard(runId: string): Promise<void> {
    const [owner, slot] = await this.redis.hmget(this.keys.run(runId), "owner", "idempotency");
    if (!owner) return;
    await this.runs.remove(runId, owner);
    if (slot) await this.redis.del(slot);
  }

  get(runId: string): Promise<RunRecord | undefined> {
    return this.runs.get(runId);
  }

  request(runId: string): Promise<CreateReview> {
    return this.runs.request(runId);
  }

  async start(runId: string): Promise<{ run: RunRecord; fresh: boolean }> {
    const run = await this.runs.require(runId);
    const startedAt = run.startedAt ?? this.now().toISOString();
    await this.runs.update(runId, { status: "running", startedAt });
    return { run: { ...run, status: "running", startedAt }, fresh: run.startedAt === undefined };
  }

  append(runId: string, event: EventDraft): Promise<Appended> {
    return this.events.append(runId, event, true);
  }

  async finish(runId: string, outcome: RunOutcome): Promise<RunRecord> {
    const run = await this.runs.get(runId);
    if (!run) throw new NotFoundError(`review ${runId}`);
    if (TERMINAL_STATUSES.includes(run.status)) return run;
    const fields = finishedFields(outcome, this.now().toISOString());
    // Counted once, even when a finish is replayed after a crash between this and the transaction.
    const first = (await this.redis.hsetnx(this.keys.run(runId), "finishedCounted", "1")) === 1;
    const multi = this.redis.multi();
    this.events.queueAppend(multi, runId, terminalEvent(outcome));
    if (outcome.status === "completed") multi.set(this.keys.memo(runId), JSON.stringify(outcome.memo));
    multi.hset(this.keys.run(runId), toHash(fields)).srem(this.keys.ownerActive(run.owner), runId);
    this.runs.queueStatusIndex(multi, run.owner, runId, Date.parse(run.createdAt), fields.status);
    if (first) {
      // HINCRBYFLOAT for counts too: exact for integers, and a sum that happens to be whole stays addable.
      for (const [field, by] of finishIncrements(outcome, runSeconds(run.startedAt, fields.finishedAt))) multi.hincrbyfloat(this.keys.stats(), field, by);
    }
    for (const key of this.runs.runKeys(runId)) multi.expire(key, this.runs.retentionSeconds);
    await multi.exec();
    // The checkpoints only serve a resume; the transcript and memo are the record.
    await this.options.checkpoints?.deleteThread(runId).catch(() => undefined);
    return { ...run, ...fields };
  }

  /** Marks a run's cancel as requested and tells every worker (pub/sub). */
  requestCancel(runId: string): Promise<void> {
    return this.runs.requestCancel(runId);
  }

  isCancelRequested(runId: string): Promise<boolean> {
    return this.runs.isCancelRequested(runId);
  }

  read(runId: string, after = 0, count = READ_BATCH): Promise<RunEvent[]> {
    return this.events.read(runId, after, count);
  }

  readAll(runId: string): Promise<RunEvent[]> {
    return this.events.readAll(runId);
  }

  /**
   * Replays, then follows: after each batch the follower sleeps until the hub has news of the run (or
   * {@link POLL_MS} passes). While Redis is away it waits; only repeated failures of a reachable Redis end it.
   */
  async *follow(runId: string, after: number, signal?: AbortSignal): AsyncIterable<RunEvent> {
    let position = after;
    // Quiet polls in a row; the end check runs on the first read and on every fifth quiet poll.
    let quiet = 0;
    let failures = 0;
    while (!signal?.aborted) {
      // Registered before the read: news of an event the read misses still wakes this follower.
      const wait = this.waiter(runId, signal);
      let batch: RunEvent[];
      try {
        batch = await this.sharedRead(runId, position);
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures >= MAX_READ_FAILURES && !(await this.options.health?.isOutage(error))) {
          wait.cancel();
          throw error;
        }
        await wait.promise;
        continue;
      }
      for (const event of batch) {
        yield event;
        position = event.seq;
        if (TERMINAL_EVENT_TYPES.includes(event.type)) {
          wait.cancel();
          return;
        }
      }
      // A full batch: more are waiting already, with no news to come for them.
      if (batch.length >= READ_BATCH) {
        wait.cancel();
        continue;
      }
      if (batch.length === 0 && quiet % 5 === 0) {
        const ended = await this.endedBefore(runId, position).catch(async (error: unknown) => {
          if (await this.options.health?.isOutage(error)) return "unknown" as const;
          throw error;
        });
        if (ended === true) {
          wait.cancel();
          return;
        }
      }
      quiet = (await wait.promise) === "timeout" ? quiet + 1 : 1;
    }
  }

  /** True when the run is gone, or has ended with no event past `position`: nothing more will come. */
  private async endedBefore(runId: string, position: number): Promise<boolean> {
    const run = await this.runs.get(runId);
    return !run || (TERMINAL_STATUSES.includes(run.status) && (await this.events.lastSeq(runId)) <= position);
  }

  private waiter(runId: string, signal?: AbortSignal): { promise: Promise<"news" | "timeout" | "aborted">; cancel: () => void } {
    if (this.options.hub) return this.options.hub.waiter(runId, POLL_MS, signal);
    let done: (reason: "timeout" | "aborted") => void = () => {};
    const promise = new Promise<"timeout" | "aborted">((resolve) => {
      const timer = setTimeout(() => done("timeout"), POLL_MS);
      const aborted = () => done("aborted");
      done = (reason) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", aborted);
        resolve(reason);
      };
      signal?.addEventListener("abort", aborted, { once: true });
    });
    return { promise, cancel: () => done("aborted") };
  }

  list(owner: string, query: ListQuery): Promise<RunPage> {
    return this.runs.list(owner, query);
  }

  activeCount(owner: string): Promise<number> {
    return this.runs.activeCount(owner);
  }

  memo(runId: string): Promise<Memo | undefined> {
    return this.runs.memo(runId);
  }

  draft(runId: string, version?: number): Promise<{ version: number; prfaq: Prfaq } | undefined> {
    return this.runs.draft(runId, version);
  }

  async stats(): Promise<LedgerStats> {
    return statsFromCounters(await this.redis.hgetall(this.keys.stats()));
  }
}
