/** Every Redis key the service uses, in one place. `prefix` isolates deployments and tests. */
export function redisKeys(prefix: string) {
  return {
    run: (id: string) => `${prefix}:run:${id}`,
    events: (id: string) => `${prefix}:run:${id}:events`,
    eventKeys: (id: string) => `${prefix}:run:${id}:eventkeys`,
    memo: (id: string) => `${prefix}:run:${id}:memo`,
    drafts: (id: string) => `${prefix}:run:${id}:drafts`,
    runIndex: () => `${prefix}:runs`,
    /** An owner's runs, newest first by creation time. */
    ownerIndex: (owner: string) => `${prefix}:runs:${owner}`,
    /** An owner's runs of one status, newest first (GET /v1/reviews?status=). */
    ownerStatusIndex: (owner: string, status: string) => `${prefix}:runs:${owner}:status:${status}`,
    /** Set once every run is in its status index (runs made before the status indexes were backfilled). */
    statusIndexesBackfilled: () => `${prefix}:migrated:status-indexes`,
    /** An owner's queued and running runs (for the active-runs limit). */
    ownerActive: (owner: string) => `${prefix}:active:${owner}`,
    idempotency: (owner: string, keyHash: string) => `${prefix}:idem:${owner}:${keyHash}`,
    /** An owner's recent requests (sliding-window rate limit). */
    rateLimit: (owner: string) => `${prefix}:rl:${owner}`,
    /** Counters for /metrics: runs by status, model usage by role, durations. */
    stats: () => `${prefix}:stats`,
    /** Pub/sub channel: a run id is published on it after each appended event. */
    eventsChannel: () => `${prefix}:events`,
    /** Pub/sub channel: a run id is published on it when its cancel is requested. */
    cancelChannel: () => `${prefix}:cancel`,
    /** Sorted set of live workers, scored by their last heartbeat in ms (for /readyz). */
    workers: () => `${prefix}:workers`,
    queueName: () => `${prefix}-reviews`,
    // LangGraph checkpoints of a thread (= run id) and namespace, for RedisCheckpointSaver:
    /** Sorted set of a thread's checkpoint ids (score 0: ids sort lexically, which is in time order). */
    checkpoints: (thread: string, ns: string) => `${prefix}:cp:${thread}:${ns}`,
    /** Hash: one checkpoint without its channel values, its metadata, parent id and format. */
    checkpoint: (thread: string, ns: string, id: string) => `${prefix}:cp:${thread}:${ns}:${id}`,
    /** Hash: `<channel>\0<version>` -> that channel version's value. */
    checkpointBlobs: (thread: string, ns: string) => `${prefix}:cpb:${thread}:${ns}`,
    /** Hash: `<taskId>,<idx>` -> a pending write of one checkpoint. */
    checkpointWrites: (thread: string, ns: string, id: string) => `${prefix}:cpw:${thread}:${ns}:${id}`,
    /** Set of every checkpoint key of a thread, for `deleteThread`. */
    checkpointThread: (thread: string) => `${prefix}:cpkeys:${thread}`,
    /** Set of a thread's checkpoint namespaces (a listing without `checkpoint_ns` reads them all). */
    checkpointNamespaces: (thread: string) => `${prefix}:cpns:${thread}`,
    /** Set of the threads that have checkpoints (a listing without `thread_id` reads them all). */
    checkpointThreads: () => `${prefix}:cpthreads`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
