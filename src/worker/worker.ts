import { consumeReviewJobs, type QueueConnection } from "../queue/review-queue.js";
import type { Logger } from "pino";
import type { RedisKeys } from "../store/keys.js";
import { WorkerPresence } from "../store/workers.js";
import { createAbandonedJobHandler, createReviewProcessor, type ProcessorDeps } from "./processor.js";

export type ReviewWorkerOptions = ProcessorDeps & {
  /** A dedicated connection (BullMQ blocks on it); `maxRetriesPerRequest: null`. */
  connection: QueueConnection;
  /** A second connection for the heartbeat that /readyz looks for. */
  heartbeat: QueueConnection;
  keys: RedisKeys;
  concurrency: number;
  /** Lock duration of a running job (default 30 s): a dead worker's job is taken over about this long after it died. */
  lockMs?: number;
  workerId: string;
  logger: Logger;
};

/**
 * A running worker: takes review jobs from the queue and runs them, `concurrency` at a time.
 * A worker that dies mid-run has its job picked up by another worker once the job's lock expires
 * (`lockMs`, default 30 s; BullMQ's stalled-job check runs every half lock), and the graph resumes from
 * its last checkpoint.
 */
export function startReviewWorker(options: ReviewWorkerOptions) {
  const worker = consumeReviewJobs({ connection: options.connection, queueName: options.keys.queueName(), concurrency: options.concurrency, lockMs: options.lockMs ?? 30_000, process: createReviewProcessor(options) });
  // Mostly connection errors while Redis is away (each retry raises one): a line each, no stack.
  worker.on("error", (err) => options.logger.warn({ err: err.message }, "worker error"));
  // A job BullMQ fails on its own (stalled too often) never reaches the processor: end its run here.
  const failAbandoned = createAbandonedJobHandler(options);
  worker.on("failed", (job, err) => void failAbandoned(job, err).catch((e: unknown) => options.logger.error({ err: e }, "could not fail an abandoned run")));
  const presence = new WorkerPresence(options.heartbeat, options.keys);
  const beat = () => presence.beat(options.workerId);
  const firstBeat = beat().catch(() => undefined);
  const timer = setInterval(() => void beat().catch(() => undefined), 10_000);
  timer.unref();
  return {
    worker,
    /** Resolves once the first heartbeat is written: from then on /readyz counts this worker. */
    ready: firstBeat,
    /** Stops taking jobs and waits for running ones to finish; `force` lets go of them at once (they resume elsewhere). */
    async close(force = false): Promise<void> {
      clearInterval(timer);
      await worker.close(force);
      await presence.leave(options.workerId).catch(() => undefined);
    },
  };
}
