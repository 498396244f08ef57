import type { ChainableCommander, Redis } from "ioredis";
import { NotFoundError } from "../domain/errors.js";
import { PrfaqSchema, type Prfaq } from "../domain/prfaq.js";
import { decodeCursor, encodeCursor } from "./run-ledger.js";
import { MemoSchema, type Memo } from "../domain/memo.js";
import { CreateReviewSchema, RunRecordSchema, RunStatusSchema, type CreateReview, type RunRecord } from "../domain/run.js";
import type { RedisKeys } from "./keys.js";

/** Fields of the run hash holding JSON (the rest are plain strings or integers). */
const JSON_FIELDS = ["verdict", "usage", "error", "request"] as const;
const INT_FIELDS = ["round", "rounds"] as const;

export type RunPatch = Partial<Omit<RunRecord, "id" | "createdAt" | "owner">>;

export type RunStoreOptions = {
  /** How long a finished run and everything about it is kept. Default 30 days. */
  retentionSeconds?: number;
};

/**
 * Puts one run into the status index of its current status and takes it out of the others, atomically
 * (a script), so it cannot interleave with a status change, which moves the run in one transaction.
 * KEYS[1]: the run's hash; KEYS[2..]: the owner's status indexes. ARGV[1]: the score (created, ms);
 * ARGV[2]: the run id; ARGV[3..]: the statuses, in the order of KEYS[2..]. A run whose hash is gone
 * (expired, removed) is left alone.
 */
const INDEX_RUN_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 0 end
for i = 2, #KEYS do
  if ARGV[i + 1] == status then redis.call('ZADD', KEYS[i], ARGV[1], ARGV[2]) else redis.call('ZREM', KEYS[i], ARGV[2]) end
end
return 1
`;

/** Run records (a Redis hash per run), each owner's run index, memos and PR/FAQ versions: the Redis ledger's record part. */
export class RunStore {
  /** How long a finished run and everything about it is kept. */
  readonly retentionSeconds: number;
  /** The status-index backfill of this process: run once, before the first filtered list. */
  private statusIndexes: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    options: RunStoreOptions = {},
  ) {
    this.retentionSeconds = Math.max(1, Math.round(options.retentionSeconds ?? 30 * 86_400));
  }

  /** Every key of one run (deleted together, expired together). */
  runKeys(id: string): string[] {
    return [this.keys.run(id), this.keys.events(id), this.keys.eventKeys(id), this.keys.memo(id), this.keys.drafts(id)];
  }

  /**
   * Writes a new run record with its request in one transaction (all or nothing); `extra`: more fields of
   * its hash, `also`: more writes of the same transaction (its first event).
   */
  async create(record: RunRecord, request: CreateReview, extra: Record<string, string> = {}, also?: (multi: ChainableCommander) => void): Promise<void> {
    const key = this.keys.run(record.id);
    const multi = this.redis.multi();
    also?.(multi);
    await multi
      .hset(key, { ...toHash(record), ...extra, request: JSON.stringify(request) })
      .zadd(this.keys.ownerIndex(record.owner), Date.parse(record.createdAt), record.id)
      .zadd(this.keys.ownerStatusIndex(record.owner, record.status), Date.parse(record.createdAt), record.id)
      .sadd(this.keys.ownerActive(record.owner), record.id)
      .hincrby(this.keys.stats(), "runs_created", 1)
      .exec();
  }

  /** Removes every key of a run (used when a create could not be completed). */
  async remove(id: string, owner: string): Promise<void> {
    const multi = this.redis.multi();
    for (const status of RunStatusSchema.options) multi.zrem(this.keys.ownerStatusIndex(owner, status), id);
    await multi
      .del(...this.runKeys(id))
      .zrem(this.keys.ownerIndex(owner), id)
      .srem(this.keys.ownerActive(owner), id)
      .hincrby(this.keys.stats(), "runs_created", -1)
      .exec();
  }

  /** Runs the owner has queued or running. */
  async activeCount(owner: string): Promise<number> {
    return this.redis.scard(this.keys.ownerActive(owner));
  }

  /**
   * The owner's runs, newest first, `limit` at a time, optionally of one status. Runs past their
   * retention are dropped from the index as they are met.
   */
  async list(owner: string, opts: { limit: number; cursor?: string; status?: RunRecord["status"] }): Promise<{ items: RunRecord[]; nextCursor: string | null }> {
    // A status filter reads that status's own index: no scan over every run of the owner.
    if (opts.status) await this.ensureStatusIndexes();
    const index = opts.status ? this.keys.ownerStatusIndex(owner, opts.status) : this.keys.ownerIndex(owner);
    await this.redis.zremrangebyscore(index, "-inf", String(Date.now() - this.retentionSeconds * 1000));
    let position = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    const items: RunRecord[] = [];
    for (;;) {
      const max = position ? String(position[0]) : "+inf";
      const batch = await this.redis.zrevrangebyscore(index, max, "-inf", "WITHSCORES", "LIMIT", 0, 100);
      const entries: [number, string][] = [];
      for (let i = 0; i < batch.length; i += 2) entries.push([Number(batch[i + 1]), batch[i] ?? ""]);
      // Same-millisecond runs sort by id, descending, as ZREVRANGE does: skip up to and including the cursor.
      const after = position ? entries.filter(([score, id]) => score < position![0] || (score === position![0] && id < position![1])) : entries;
      if (after.length === 0) return { items, nextCursor: null };
      for (const [score, id] of after) {
        position = [score, id];
        const run = await this.get(id);
        if (!run) {
          await this.redis.zrem(index, id);
          continue;
        }
        if (opts.status && run.status !== opts.status) {
          // Left behind by a move that did not complete: repair the index.
          await this.redis.zrem(index, id);
          continue;
        }
        items.push(run);
        if (items.length === opts.limit) return { items, nextCursor: encodeCursor(position) };
      }
    }
  }

  /**
   * Makes sure runs created before the status indexes existed are in them: the first call in a process
   * runs {@link backfillStatusIndexes} (a no-op once any process has finished it), later calls wait for
   * that one; a failed backfill (Redis away) is tried again by the next call.
   */
  ensureStatusIndexes(): Promise<void> {
    const running =
      this.statusIndexes ??
      this.backfillStatusIndexes().then(
        () => undefined,
        (error: unknown) => {
          this.statusIndexes = undefined;
          throw error;
        },
      );
    this.statusIndexes = running;
    return running;
  }

  /**
   * One-time migration: every run in an owner's index is put into the status index of its status (runs
   * created before those indexes existed were in none, so `?status=` could not find them). Idempotent,
   * and safe from several processes at once: each run is indexed by one atomic script that reads its
   * status as it is then. Walks the keys with SCAN and each owner's index with ZSCAN (every page, never
   * just the first); a marker key makes every later call one GET. Returns the runs indexed.
   */
  async backfillStatusIndexes(): Promise<number> {
    const marker = this.keys.statusIndexesBackfilled();
    if ((await this.redis.get(marker)) !== null) return 0;
    const owners = this.keys.ownerIndex("");
    // Loaded once, run per run by its digest (a pipeline of EVALSHA sends the script's text only here).
    const sha = String(await this.redis.script("LOAD", INDEX_RUN_SCRIPT));
    let indexed = 0;
    let cursor = "0";
    do {
      const [next, found] = await this.redis.scan(cursor, "MATCH", `${owners}*`, "COUNT", 1000);
      cursor = next;
      // An owner's index is `<prefix>:runs:<owner>`; owner ids have no colon, the status indexes do.
      for (const key of found) if (!key.slice(owners.length).includes(":")) indexed += await this.backfillOwner(sha, key, key.slice(owners.length));
    } while (cursor !== "0");
    await this.redis.set(marker, new Date().toISOString());
    return indexed;
  }

  private async backfillOwner(sha: string, ownerIndex: string, owner: string): Promise<number> {
    const statuses = RunStatusSchema.options;
    const statusKeys = statuses.map((status) => this.keys.ownerStatusIndex(owner, status));
    let indexed = 0;
    let cursor = "0";
    do {
      const [next, page] = await this.redis.zscan(ownerIndex, cursor, "COUNT", 500);
      cursor = next;
      const pipeline = this.redis.pipeline();
      for (let i = 0; i + 1 < page.length; i += 2) {
        const id = page[i] ?? "";
        pipeline.evalsha(sha, 1 + statusKeys.length, this.keys.run(id), ...statusKeys, page[i + 1] ?? "0", id, ...statuses);
      }
      for (const [error, done] of (await pipeline.exec()) ?? []) {
        if (error) throw error;
        indexed += done === 1 ? 1 : 0;
      }
    } while (cursor !== "0");
    return indexed;
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const hash = await this.redis.hgetall(this.keys.run(id));
    if (!hash.id) return undefined;
    return RunRecordSchema.parse(fromHash(hash));
  }

  async require(id: string): Promise<RunRecord> {
    const run = await this.get(id);
    if (!run) throw new NotFoundError(`review ${id}`);
    return run;
  }

  async request(id: string): Promise<CreateReview> {
    const raw = await this.redis.hget(this.keys.run(id), "request");
    if (raw === null) throw new NotFoundError(`review ${id}`);
    return CreateReviewSchema.parse(JSON.parse(raw));
  }

  /** Sets the given fields; fields set to undefined are left alone. A new status moves the run between status indexes. */
  async update(id: string, patch: RunPatch): Promise<void> {
    const fields = toHash(patch);
    if (Object.keys(fields).length === 0) return;
    if (!patch.status) {
      await this.redis.hset(this.keys.run(id), fields);
      return;
    }
    const [owner, createdAt] = await this.redis.hmget(this.keys.run(id), "owner", "createdAt");
    const multi = this.redis.multi().hset(this.keys.run(id), fields);
    if (owner) this.queueStatusIndex(multi, owner, id, Date.parse(createdAt ?? ""), patch.status);
    await multi.exec();
  }

  /** Queues the move of a run into the index of `status` (and out of every other status's index). */
  queueStatusIndex(multi: ChainableCommander, owner: string, id: string, createdAtMs: number, status: RunRecord["status"]): void {
    for (const other of RunStatusSchema.options) if (other !== status) multi.zrem(this.keys.ownerStatusIndex(owner, other), id);
    multi.zadd(this.keys.ownerStatusIndex(owner, status), Number.isFinite(createdAtMs) ? createdAtMs : Date.now(), id);
  }

  /** Marks a run's cancel as requested and tells every worker (pub/sub). */
  async requestCancel(id: string): Promise<void> {
    await this.redis.multi().hset(this.keys.run(id), "cancelRequested", "1").publish(this.keys.cancelChannel(), id).exec();
  }

  async isCancelRequested(id: string): Promise<boolean> {
    return (await this.redis.hget(this.keys.run(id), "cancelRequested")) === "1";
  }

  async memo(id: string): Promise<Memo | undefined> {
    const raw = await this.redis.get(this.keys.memo(id));
    return raw === null ? undefined : MemoSchema.parse(JSON.parse(raw));
  }

  /** A PR/FAQ version, or the latest when `version` is undefined. */
  async draft(id: string, version?: number): Promise<{ version: number; prfaq: Prfaq } | undefined> {
    const wanted = version ?? Math.max(0, ...(await this.redis.hkeys(this.keys.drafts(id))).map(Number));
    const raw = await this.redis.hget(this.keys.drafts(id), String(wanted));
    return raw === null ? undefined : { version: wanted, prfaq: PrfaqSchema.parse(JSON.parse(raw)) };
  }
}

export function toHash(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    out[k] = (JSON_FIELDS as readonly string[]).includes(k) ? JSON.stringify(v) : String(v);
  }
  return out;
}

function fromHash(hash: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(hash)) {
    if (k === "request" || k === "cancelRequested" || k === "finishedCounted" || k === "idempotency") continue;
    if ((JSON_FIELDS as readonly string[]).includes(k)) out[k] = JSON.parse(v);
    else if ((INT_FIELDS as readonly string[]).includes(k)) out[k] = Number.parseInt(v, 10);
    else out[k] = v;
  }
  return out;
}
