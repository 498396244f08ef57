import { createHash } from "node:crypto";
import type { ChainableCommander, Redis } from "ioredis";
import { RunEventSchema, type EventDraft, type RunEvent } from "../domain/events.js";
import { projectEvent, READ_BATCH, RunCancelledError, RunFinishedError, type Appended } from "./run-ledger.js";
import { toHash } from "./runs.js";
import type { RedisKeys } from "./keys.js";

/**
 * Appends an event exactly once per deterministic key: a replayed step gets back the seq it had.
 * The stream entry id is `<seq>-0`, so the stream's own ids are the event ids 1, 2, 3, ...
 * KEYS: the stream, the key -> seq hash, the run's hash, the run's PR/FAQ versions.
 * ARGV: key, event JSON, channel, run id, check ('1': refuse once the cancel is requested {-1, 0}, or
 * once the run has ended {-2, 0}), run fields to set (a JSON object of strings), PR/FAQ version ('' for
 * none) and its JSON. The projection onto the run record is written with the event, never without it.
 */
const APPEND_SCRIPT = `
if ARGV[5] == '1' then
  if redis.call('HGET', KEYS[3], 'cancelRequested') == '1' then return {-1, 0} end
  local status = redis.call('HGET', KEYS[3], 'status')
  if status == 'completed' or status == 'failed' or status == 'cancelled' then return {-2, 0} end
end
local existing = redis.call('HGET', KEYS[2], ARGV[1])
if existing then return {0, tonumber(existing)} end
local seq = redis.call('HINCRBY', KEYS[2], '#seq', 1)
redis.call('XADD', KEYS[1], seq .. '-0', 'key', ARGV[1], 'data', ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], seq)
if ARGV[6] ~= '{}' and redis.call('EXISTS', KEYS[3]) == 1 then
  for field, value in pairs(cjson.decode(ARGV[6])) do redis.call('HSET', KEYS[3], field, value) end
end
if ARGV[7] ~= '' then redis.call('HSET', KEYS[4], ARGV[7], ARGV[8]) end
redis.call('PUBLISH', ARGV[3], ARGV[4])
return {1, seq}
`;

/** The script's SHA1: appends send it instead of the script (EVALSHA), and fall back to EVAL when Redis does not know it yet. */
const APPEND_SHA = createHash("sha1").update(APPEND_SCRIPT).digest("hex");


/** The run's transcript: an append-only Redis stream of events (the Redis ledger's part that writes and reads it). */
export class EventLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The append script's arguments after the script itself: key count, keys, then ARGV. */
  private scriptArgs(runId: string, draft: EventDraft, checked: boolean): [number, ...string[]] {
    const { key, ...rest } = draft;
    const body = JSON.stringify({ ...rest, runId, at: this.now().toISOString() });
    const { record, draft: version } = projectEvent(draft);
    const keys = [this.keys.events(runId), this.keys.eventKeys(runId), this.keys.run(runId), this.keys.drafts(runId)];
    return [keys.length, ...keys, key, body, this.keys.eventsChannel(), runId, checked ? "1" : "0", JSON.stringify(toHash(record)), version ? String(version.version) : "", version ? JSON.stringify(version.prfaq) : ""];
  }

  /** Queues the unchecked append of `draft` on a transaction (the terminal event, with the run's finish). */
  queueAppend(multi: ChainableCommander, runId: string, draft: EventDraft): void {
    multi.eval(APPEND_SCRIPT, ...this.scriptArgs(runId, draft, false));
  }

  /**
   * Appends `draft` unless an event with the same key exists, with its projection onto the run record.
   * `checked`: refuse once the run's cancel is requested ({@link RunCancelledError}) or it has ended
   * ({@link RunFinishedError}).
   */
  async append(runId: string, draft: EventDraft, checked = true): Promise<Appended> {
    const args = this.scriptArgs(runId, draft, checked);
    const result: unknown = await this.redis.evalsha(APPEND_SHA, ...args).catch((error: unknown) => {
      // A fresh or restarted Redis has no script cache yet: EVAL loads the script for next time.
      if (error instanceof Error && error.message.startsWith("NOSCRIPT")) return this.redis.eval(APPEND_SCRIPT, ...args);
      throw error;
    });
    if (!Array.isArray(result) || typeof result[0] !== "number" || typeof result[1] !== "number") throw new Error("unexpected reply from event append script");
    if (result[0] === -1) throw new RunCancelledError(runId);
    if (result[0] === -2) throw new RunFinishedError(runId);
    return { seq: result[1], appended: result[0] === 1 };
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
