import type { Redis } from "ioredis";
import { NotFoundError } from "../domain/errors.js";
import { PrfaqSchema, type Prfaq } from "../domain/prfaq.js";
import { MemoSchema, type Memo } from "../domain/memo.js";
import { CreateReviewSchema, RunRecordSchema, type CreateReview, type RunRecord } from "../domain/run.js";
import type { RedisKeys } from "./keys.js";

/** Fields of the run hash holding JSON (the rest are plain strings or integers). */
const JSON_FIELDS = ["verdict", "usage", "error", "request"] as const;
const INT_FIELDS = ["round", "rounds"] as const;

export type RunPatch = Partial<Omit<RunRecord, "id" | "createdAt">>;

/** Run records (a Redis hash per run), the run index, memos and PR/FAQ versions. */
export class RunStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Writes a new run record with its request in one transaction (all or nothing). */
  async create(record: RunRecord, request: CreateReview): Promise<void> {
    const key = this.keys.run(record.id);
    await this.redis
      .multi()
      .hset(key, { ...toHash(record), request: JSON.stringify(request) })
      .zadd(this.keys.runIndex(), Date.parse(record.createdAt), record.id)
      .exec();
  }

  /** Removes every key of a run (used when a create could not be completed). */
  async remove(id: string): Promise<void> {
    await this.redis
      .multi()
      .del(this.keys.run(id), this.keys.events(id), this.keys.eventKeys(id), this.keys.memo(id), this.keys.drafts(id))
      .zrem(this.keys.runIndex(), id)
      .exec();
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

  /** Sets the given fields; fields set to undefined are left alone. */
  async update(id: string, patch: RunPatch): Promise<void> {
    const fields = toHash(patch);
    if (Object.keys(fields).length > 0) await this.redis.hset(this.keys.run(id), fields);
  }

  /** Marks a run's cancel as requested and tells every worker (pub/sub). */
  async requestCancel(id: string): Promise<void> {
    await this.redis.multi().hset(this.keys.run(id), "cancelRequested", "1").publish(this.keys.cancelChannel(), id).exec();
  }

  async isCancelRequested(id: string): Promise<boolean> {
    return (await this.redis.hget(this.keys.run(id), "cancelRequested")) === "1";
  }

  async saveMemo(id: string, memo: Memo): Promise<void> {
    await this.redis.set(this.keys.memo(id), JSON.stringify(memo));
  }

  async memo(id: string): Promise<Memo | undefined> {
    const raw = await this.redis.get(this.keys.memo(id));
    return raw === null ? undefined : MemoSchema.parse(JSON.parse(raw));
  }

  /** Stores a PR/FAQ version. */
  async saveDraft(id: string, version: number, draft: Prfaq): Promise<void> {
    await this.redis.hset(this.keys.drafts(id), String(version), JSON.stringify(draft));
  }

  /** A PR/FAQ version, or the latest when `version` is undefined. */
  async draft(id: string, version?: number): Promise<{ version: number; prfaq: Prfaq } | undefined> {
    const wanted = version ?? Math.max(0, ...(await this.redis.hkeys(this.keys.drafts(id))).map(Number));
    const raw = await this.redis.hget(this.keys.drafts(id), String(wanted));
    return raw === null ? undefined : { version: wanted, prfaq: PrfaqSchema.parse(JSON.parse(raw)) };
  }
}

function toHash(values: Record<string, unknown>): Record<string, string> {
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
    if (k === "request" || k === "cancelRequested") continue;
    if ((JSON_FIELDS as readonly string[]).includes(k)) out[k] = JSON.parse(v);
    else if ((INT_FIELDS as readonly string[]).includes(k)) out[k] = Number.parseInt(v, 10);
    else out[k] = v;
  }
  return out;
}
