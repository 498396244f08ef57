import { createHash } from "node:crypto";
import type { ChainableCommander, Redis } from "ioredis";
import { RunEventSchema, type EventDraft, type RunEvent } from "../domain/events.js";
import type { RedisKeys } from "./keys.js";

/**
 * Appends an event exactly once per deterministic key: a replayed step gets back the seq it had.
 * The stream entry id is `<seq>-0`, so the stream's own ids are the event ids 1, 2, 3, ...
 * With ARGV[5] = '1', appends nothing once the run's cancel is requested (KEYS[3] is the run's hash)
 * and answers {-1, 0}: the worker's step boundary, checked in the same round trip as the write.
 */
const APPEND_SCRIPT = `
if ARGV[5] == '1' and redis.call('HGET', KEYS[3], 'cancelRequested') == '1' then return {-1, 0} end
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return {0, tonumber(existing)} end
local seq = redis.call('HINCRBY', KEYS[2], '#seq', 1)
redis.call('XADD', KEYS[1], seq .. '-0', 'key', ARGV[1], 'data', ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], seq)
redis.call('PUBLISH', ARGV[3], ARGV[4])
return {1, seq}
`;

/** The script's SHA1: appends send it instead of the script (EVALSHA), and fall back to EVAL when Redis does not know it yet. */
const APPEND_SHA = createHash("sha1").update(APPEND_SCRIPT).digest("hex");

/** Events per read, at most. */
export const READ_BATCH = 500;

/** The run's transcript: an append-only Redis stream of events. */
export class EventLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The append script's arguments after the script itself: key count, keys, then ARGV. */
  private scriptArgs(runId: string, draft: EventDraft, unlessCancelled = false): [number, string, string, string, string, string, string, string, string] {
    const { key, ...rest } = draft;
    const body = JSON.stringify({ ...rest, runId, at: this.now().toISOString() });
    return [3, this.keys.events(runId), this.keys.eventKeys(runId), this.keys.run(runId), key, body, this.keys.eventsChannel(), runId, unlessCancelled ? "1" : "0"];
  }

  /** Queues the append of `draft` on a transaction, so it lands atomically with the caller's other writes. */
  queueAppend(multi: ChainableCommander, runId: string, draft: EventDraft): void {
    multi.eval(APPEND_SCRIPT, ...this.scriptArgs(runId, draft));
  }

  /** Appends `draft` unless an event with the same key exists; returns the event's seq and whether it was new. */
  async append(runId: string, draft: EventDraft): Promise<{ seq: number; appended: boolean }> {
    const result = await this.evalAppend(runId, draft, false);
    if (!result) throw new Error("unexpected reply from event append script");
    return result;
  }

  /** As `append`, but appends nothing and answers `undefined` once the run's cancel has been requested. */
  async appendUnlessCancelled(runId: string, draft: EventDraft): Promise<{ seq: number; appended: boolean } | undefined> {
    return this.evalAppend(runId, draft, true);
  }

  private async evalAppend(runId: string, draft: EventDraft, unlessCancelled: boolean): Promise<{ seq: number; appended: boolean } | undefined> {
    const args = this.scriptArgs(runId, draft, unlessCancelled);
    const result: unknown = await this.redis.evalsha(APPEND_SHA, ...args).catch((error: unknown) => {
      // A fresh or restarted Redis has no script cache yet: EVAL loads the script for next time.
      if (error instanceof Error && error.message.startsWith("NOSCRIPT")) return this.redis.eval(APPEND_SCRIPT, ...args);
      throw error;
    });
    if (!Array.isArray(result) || typeof result[0] !== "number" || typeof result[1] !== "number") throw new Error("unexpected reply from event append script");
    return result[0] === -1 ? undefined : { seq: result[1], appended: result[0] === 1 };
  }

  /** Events with seq > `after`, oldest first, at most `count`. */
  async read(runId: string, after = 0, count = READ_BATCH): Promise<RunEvent[]> {
    const entries = await this.redis.xrange(this.keys.events(runId), `${after + 1}-0`, "+", "COUNT", count);
    return entries.map(([id, fields]) => parseEntry(id, fields));
  }

  /** Every event of the run. */
  async readAll(runId: string): Promise<RunEvent[]> {
    const all: RunEvent[] = [];
    for (;;) {
      const batch = await this.read(runId, all.at(-1)?.seq ?? 0);
      all.push(...batch);
      if (batch.length < READ_BATCH) return all;
    }
  }

  /** The highest seq so far (0 when empty). */
  async lastSeq(runId: string): Promise<number> {
    const last = await this.redis.xrevrange(this.keys.events(runId), "+", "-", "COUNT", 1);
    const id = last[0]?.[0];
    return id ? Number.parseInt(id, 10) : 0;
  }
}

function parseEntry(id: string, fields: string[]): RunEvent {
  const dataIndex = fields.indexOf("data");
  const raw = dataIndex >= 0 ? fields[dataIndex + 1] : undefined;
  if (raw === undefined) throw new Error(`event ${id} has no data`);
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null) throw new Error(`event ${id} is not an object`);
  return RunEventSchema.parse({ ...parsed, seq: Number.parseInt(id, 10) });
}
