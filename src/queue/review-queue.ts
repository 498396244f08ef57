import { Queue, Worker, type Processor } from "bullmq";
import type { Redis } from "ioredis";
import { ReviewJobSchema, type ReviewJob } from "../domain/run.js";
import type { RedisKeys } from "../store/keys.js";
import { noTracing, type Tracing } from "../telemetry/tracing.js";

/** Retention of finished BullMQ jobs: the run record and transcript are the record, the job is not. */
const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 5000 };

/** The queue the API puts reviews on. One job per run; the job id is the run id, so a double submit is one job. */
export class ReviewQueue {
  private readonly queue: Queue;

  /**
   * `onError`: connection errors while Redis is away (the queue reconnects by itself); without it BullMQ
   * prints them to stderr. `tracing`: each enqueue is a span, and its trace context goes with the job.
   */
  constructor(connection: Redis, keys: RedisKeys, onError: (err: Error) => void = () => undefined, private readonly tracing: Tracing = noTracing) {
    this.queue = new Queue(keys.queueName(), { connection });
    this.queue.on("error", onError);
  }

  /** The BullMQ queue itself, for the queue dashboard (runtime/admin.ts); nothing else should need it. */
  get bullmq(): Queue {
    return this.queue;
  }

  /** Queues a run; with tracing on, the job carries the trace context of this enqueue's span (the worker's run is its child). */
  async enqueue(job: ReviewJob): Promise<void> {
    const attributes = { "messaging.system": "bullmq", "messaging.operation.type": "send", "messaging.destination.name": this.queue.name, "prfaq.run_id": job.runId };
    await this.tracing.span(
      "queue.enqueue",
      attributes,
      async () => {
        const trace = this.tracing.carrier();
        const data = ReviewJobSchema.parse(trace ? { ...job, trace } : job);
        await this.queue.add("review", data, {
          jobId: data.runId,
          attempts: 3,
          backoff: { type: "exponential", delay: 2000 },
          removeOnComplete: KEEP_COMPLETED,
          removeOnFail: KEEP_FAILED,
        });
      },
      { kind: "producer" },
    );
  }

  /** Removes a job that has not started; false when it is running (locked) or gone. */
  async removeWaiting(runId: string): Promise<boolean> {
    return (await this.queue.remove(runId)) === 1;
  }

  /** Jobs waiting or running, for metrics and readiness. */
  async depth(): Promise<{ waiting: number; active: number; delayed: number }> {
    const c = await this.queue.getJobCounts("waiting", "active", "delayed");
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0 };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** BullMQ's contract as the worker sees it: a job, and the error that tells BullMQ not to retry. */
export { UnrecoverableError } from "bullmq";
export type { Job as QueueJob } from "bullmq";
/** A Redis connection as the queue and the store take it (the worker never names the client library). */
export type QueueConnection = Redis;

/**
 * Consumes review jobs: a BullMQ worker on the review queue, `concurrency` at a time. A dead worker's job
 * is taken over about `lockMs` after it died (BullMQ's stalled-job check runs every half lock).
 */
export function consumeReviewJobs(options: { connection: Redis; queueName: string; concurrency: number; lockMs: number; process: Processor }) {
  return new Worker(options.queueName, options.process, {
    connection: options.connection,
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: Math.max(500, Math.floor(options.lockMs / 2)),
    maxStalledCount: 3,
  });
}
