import {
  BaseCheckpointSaver,
  TASKS,
  WRITES_IDX_MAP,
  compareWritesSortKeys,
  copyCheckpoint,
  getCheckpointId,
  maxChannelVersion,
  writesSortKey,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  type PendingWrite,
  type SerializerProtocol,
} from "@langchain/langgraph-checkpoint";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { RedisKeys } from "./keys.js";

/** A stored write: task id, channel, serializer type, value (base64), task path. */
const StoredWriteSchema = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]);
/** A stored channel value: serializer type, value (base64). */
const StoredBlobSchema = z.tuple([z.string(), z.string()]);
/** A channel version that holds no value (the channel was empty when it got that version). */
const EMPTY_BLOB = "-";
/** Checkpoints written with their channel values apart, one blob per channel version. */
const BLOB_FORMAT = "2";

type Ids = { thread: string; ns: string };

/**
 * LangGraph checkpoints in plain Redis (hashes and sorted sets; no RedisJSON or RediSearch, so
 * Debian's Redis 7 works). Its keys per thread (= run id) are in the one key registry (`keys.ts`:
 * `checkpoints`, `checkpoint`, `checkpointBlobs`, `checkpointWrites`, `checkpointThread`). A checkpoint
 * writes only the channel values that changed since the one before (what LangGraph passes as
 * `newVersions`), so the brief, the seats and the history are not written again at every step.
 * Passes LangGraph's saver conformance suite (test/int/checkpoint-validation.int.test.ts).
 */
export class RedisCheckpointSaver extends BaseCheckpointSaver {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    serde?: SerializerProtocol,
  ) {
    super(serde);
  }

  private index({ thread, ns }: Ids) {
    return this.keys.checkpoints(thread, ns);
  }
  private checkpointKey({ thread, ns }: Ids, id: string) {
    return this.keys.checkpoint(thread, ns, id);
  }
  private blobsKey({ thread, ns }: Ids) {
    return this.keys.checkpointBlobs(thread, ns);
  }
  private writesKey({ thread, ns }: Ids, id: string) {
    return this.keys.checkpointWrites(thread, ns, id);
  }
  private threadKeys(thread: string) {
    return this.keys.checkpointThread(thread);
  }

  private async dump(value: unknown): Promise<[string, string]> {
    const [type, bytes] = await this.serde.dumpsTyped(value);
    return [type, Buffer.from(bytes).toString("base64")];
  }
  private async load(type: string, base64: string): Promise<unknown> {
    return this.serde.loadsTyped(type, new Uint8Array(Buffer.from(base64, "base64")));
  }

  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const thread = config.configurable?.thread_id;
    if (typeof thread !== "string") return undefined;
    const ids: Ids = { thread, ns: String(config.configurable?.checkpoint_ns ?? "") };
    const id = getCheckpointId(config) || (await this.redis.zrange(this.index(ids), "-1", "-1"))[0];
    if (!id) return undefined;
    return this.tuple(ids, id);
  }

  private async tuple(ids: Ids, id: string): Promise<CheckpointTuple | undefined> {
    const [hash, writes] = await Promise.all([this.redis.hgetall(this.checkpointKey(ids, id)), this.pendingWrites(ids, id)]);
    if (!hash.checkpoint || !hash.checkpointType || !hash.metadata || !hash.metadataType) return undefined;
    // Checkpoints are LangGraph's own format, written and read by its serializer; the graph validates
    // the state it restores, so the cast here does not trust foreign data.
    const checkpoint = (await this.load(hash.checkpointType, hash.checkpoint)) as Checkpoint;
    if (hash.format === BLOB_FORMAT) checkpoint.channel_values = await this.channelValues(ids, checkpoint.channel_versions);
    if (checkpoint.v < 4 && hash.parent) await this.migratePendingSends(checkpoint, ids, hash.parent);
    const metadata = (await this.load(hash.metadataType, hash.metadata)) as CheckpointMetadata;
    const configurable = { thread_id: ids.thread, checkpoint_ns: ids.ns };
    return {
      config: { configurable: { ...configurable, checkpoint_id: id } },
      checkpoint,
      metadata,
      pendingWrites: writes,
      ...(hash.parent ? { parentConfig: { configurable: { ...configurable, checkpoint_id: hash.parent } } } : {}),
    };
  }

  /** The values a checkpoint's channel versions point at (a version stored empty, or never stored, has none). */
  private async channelValues(ids: Ids, versions: ChannelVersions): Promise<Record<string, unknown>> {
    const entries = Object.entries(versions);
    if (entries.length === 0) return {};
    const raw = await this.redis.hmget(this.blobsKey(ids), ...entries.map(([channel, version]) => blobField(channel, version)));
    const values: Record<string, unknown> = {};
    for (const [i, [channel]] of entries.entries()) {
      const row = raw[i];
      if (row === null || row === undefined || row === EMPTY_BLOB) continue;
      const [type, data] = StoredBlobSchema.parse(JSON.parse(row));
      values[channel] = await this.load(type, data);
    }
    return values;
  }

  /**
   * A checkpoint of format 3 or older kept its pending sends as writes of its parent: they become the
   * TASKS channel's value, as LangGraph's own savers migrate them.
   */
  private async migratePendingSends(checkpoint: Checkpoint, ids: Ids, parent: string): Promise<void> {
    const sends = (await this.pendingWrites(ids, parent)).filter(([, channel]) => channel === TASKS).map(([, , value]) => value);
    checkpoint.channel_values ??= {};
    checkpoint.channel_values[TASKS] = sends;
    checkpoint.channel_versions ??= {};
    const versions = Object.values(checkpoint.channel_versions);
    checkpoint.channel_versions[TASKS] = versions.length > 0 ? maxChannelVersion(...versions) : this.getNextVersion(undefined);
  }

  /** The writes of one checkpoint in `writesSortKey` order, as live execution applies them. */
  private async pendingWrites(ids: Ids, id: string): Promise<CheckpointPendingWrite[]> {
    const raw = await this.redis.hgetall(this.writesKey(ids, id));
    const rows = Object.entries(raw).map(([field, value]) => {
      const [taskId, channel, type, data, taskPath] = StoredWriteSchema.parse(JSON.parse(value));
      const idx = Number(field.slice(field.lastIndexOf(",") + 1));
      return { key: writesSortKey(taskPath, taskId, idx), taskId, channel, type, data };
    });
    rows.sort((a, b) => compareWritesSortKeys(a.key, b.key));
    return Promise.all(rows.map(async (r): Promise<CheckpointPendingWrite> => [r.taskId, r.channel, await this.load(r.type, r.data)]));
  }

  /**
   * Checkpoints newest first: of one thread (`thread_id`) or of every thread, of one namespace
   * (`checkpoint_ns`) or of every namespace of the thread; `limit` counts across all of them.
   */
  async *list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    const thread = config.configurable?.thread_id;
    const threads = typeof thread === "string" ? [thread] : (await this.redis.smembers(this.keys.checkpointThreads())).sort();
    const ns = config.configurable?.checkpoint_ns;
    const before = options?.before?.configurable?.checkpoint_id;
    let remaining = options?.limit ?? Number.POSITIVE_INFINITY;
    const wanted = getCheckpointId(config);
    for (const t of threads) {
      const namespaces = ns === undefined ? (await this.redis.smembers(this.keys.checkpointNamespaces(t))).sort() : [String(ns)];
      for (const n of namespaces) {
        const ids: Ids = { thread: t, ns: n };
        const all = await this.redis.zrange(this.index(ids), "0", "-1");
        for (const id of all.reverse()) {
          if (remaining <= 0) return;
          if (wanted && id !== wanted) continue;
          if (before && id >= before) continue;
          const tuple = await this.tuple(ids, id);
          if (!tuple) continue;
          const filter = options?.filter;
          if (filter && !Object.entries(filter).every(([k, v]) => (tuple.metadata as Record<string, unknown> | undefined)?.[k] === v)) continue;
          remaining -= 1;
          yield tuple;
        }
      }
    }
  }

  async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions): Promise<RunnableConfig> {
    const thread = config.configurable?.thread_id;
    if (typeof thread !== "string") throw new Error("a checkpoint needs configurable.thread_id");
    const ids: Ids = { thread, ns: String(config.configurable?.checkpoint_ns ?? "") };
    const { channel_values: values, ...rest } = copyCheckpoint(checkpoint);
    // Only the channels whose version is new: every other version's value was written with an earlier checkpoint.
    const blobs: Record<string, string> = {};
    for (const [channel, version] of Object.entries(newVersions)) {
      blobs[blobField(channel, version)] = channel in values ? JSON.stringify(await this.dump(values[channel])) : EMPTY_BLOB;
    }
    const [[checkpointType, data], [metadataType, meta]] = await Promise.all([this.dump({ ...rest, channel_values: {} }), this.dump(metadata)]);
    const key = this.checkpointKey(ids, checkpoint.id);
    const parent = config.configurable?.checkpoint_id;
    const multi = this.redis.multi();
    // Blobs first: a checkpoint is never visible before the values it points at.
    if (Object.keys(blobs).length > 0) multi.hset(this.blobsKey(ids), blobs);
    await multi
      .hset(key, { checkpoint: data, checkpointType, metadata: meta, metadataType, format: BLOB_FORMAT, ...(typeof parent === "string" ? { parent } : {}) })
      .zadd(this.index(ids), 0, checkpoint.id)
      .sadd(this.threadKeys(thread), key, this.index(ids), this.blobsKey(ids), this.keys.checkpointNamespaces(thread))
      .sadd(this.keys.checkpointNamespaces(thread), ids.ns)
      .sadd(this.keys.checkpointThreads(), thread)
      .exec();
    return { configurable: { thread_id: thread, checkpoint_ns: ids.ns, checkpoint_id: checkpoint.id } };
  }

  async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    const thread = config.configurable?.thread_id;
    const id = config.configurable?.checkpoint_id;
    if (typeof thread !== "string" || typeof id !== "string") throw new Error("writes need configurable.thread_id and checkpoint_id");
    const ids: Ids = { thread, ns: String(config.configurable?.checkpoint_ns ?? "") };
    const key = this.writesKey(ids, id);
    const multi = this.redis.multi();
    for (const [idx, [channel, value]] of writes.entries()) {
      const [type, data] = await this.dump(value);
      const special = WRITES_IDX_MAP[channel];
      const field = `${taskId},${special ?? idx}`;
      const row = JSON.stringify([taskId, channel, type, data, taskPath ?? ""]);
      // Regular writes are written once (a replayed task must not overwrite); special ones (errors) are replaced.
      if (special !== undefined && special < 0) multi.hset(key, field, row);
      else multi.hsetnx(key, field, row);
    }
    multi.sadd(this.threadKeys(thread), key);
    await multi.exec();
  }

  async deleteThread(threadId: string): Promise<void> {
    const keys = await this.redis.smembers(this.threadKeys(threadId));
    await this.redis.multi().del(...keys, this.threadKeys(threadId)).srem(this.keys.checkpointThreads(), threadId).exec();
  }
}

/** The blob field of one channel version. */
function blobField(channel: string, version: string | number): string {
  return `${channel}\u0000${String(version)}`;
}
