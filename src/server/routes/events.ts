import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { TERMINAL_EVENT_TYPES } from "../../domain/events.js";
import { TERMINAL_STATUSES } from "../../domain/run.js";
import type { EventHub } from "../../store/event-hub.js";
import { READ_BATCH, type EventLog } from "../../store/event-log.js";
import type { RunStore } from "../../store/runs.js";
import { HttpProblem } from "../problem.js";
import type { ReviewService } from "../review-service.js";
import type { AppEnv } from "../env.js";
import type { SseRegistry } from "../sse-registry.js";
import { coalesceReads } from "../shared-reads.js";

export type EventRoutesDeps = {
  runs: RunStore;
  events: EventLog;
  hub: EventHub;
  service: ReviewService;
  streams: SseRegistry;
  /** Keep-alive comment interval. Default 15 s. */
  keepAliveMs?: number;
  /** Streams one key may hold open on this process (429 beyond). Default 20. */
  maxStreamsPerKey?: number;
  /** True when an error came from Redis being away: a stream then waits for it instead of ending. */
  isRedisOutage?: (error: unknown) => Promise<boolean>;
};

const Cursor = z.coerce.number().int().min(0);
/** How long a stream waits for news before it looks again by itself. */
const POLL_MS = 2000;
/** Failed reads in a row, with Redis reachable, after which a stream ends with an `error` event. */
const MAX_READ_FAILURES = 3;

/** GET /v1/reviews/:id/events: the transcript as SSE (replay, then follow) or, with ?format=json, as an array. */
export function createEventRoutes(deps: EventRoutesDeps) {
  const app = new Hono<AppEnv>();
  // The streams of one run wake together on its news: one read and one serialisation serve them all.
  const shared = coalesceReads((runId, after) => deps.events.read(runId, after), () => deps.hub.generation);

  app.get("/:id/events", async (c) => {
    const id = c.req.param("id");
    await deps.service.get(id, c.get("owner"));
    const rawCursor = c.req.query("after") ?? c.req.header("last-event-id") ?? "0";
    const cursor = Cursor.safeParse(rawCursor.trim() === "" ? "0" : rawCursor);
    if (!cursor.success) {
      throw new HttpProblem(400, "validation", "The event cursor must be a non-negative integer.", [
        { path: c.req.query("after") !== undefined ? "query.after" : "header.Last-Event-ID", message: `'${rawCursor}' is not an event id` },
      ]);
    }
    if (c.req.query("format") === "json") {
      const all = await deps.events.readAll(id);
      return c.json(all.filter((e) => e.seq > cursor.data));
    }

    // Each open stream holds buffers and a Redis reader's attention: one key cannot hold hundreds.
    const owner = c.get("owner");
    const cap = deps.maxStreamsPerKey ?? 20;
    if (deps.streams.countOf(owner) >= cap) {
      throw new HttpProblem(429, "too-many-streams", `This key already has ${cap} event streams open on this server; close one (or use ?format=json) and retry.`, undefined, { "Retry-After": "5" });
    }
    // Counted from now, before the stream's first byte, so a burst of connections cannot slip past the cap.
    let close: (comment: string) => Promise<void> = async () => undefined;
    const unregister = deps.streams.add(owner, (comment) => close(comment));
    c.header("X-Accel-Buffering", "no");
    c.header("Cache-Control", "no-store");
    return streamSSE(c, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      // On shutdown: a final comment, then the stream ends; the client resumes elsewhere with Last-Event-ID.
      close = async (comment) => {
        await stream.write(`: ${comment}\n\n`);
        closed.abort();
      };
      stream.onAbort(unregister);
      const keepAlive = setInterval(() => void stream.write(": keep-alive\n\n").catch(() => closed.abort()), deps.keepAliveMs ?? 15_000);
      let after = cursor.data;
      // Quiet polls in a row; the end check runs on the first read and on every fifth quiet poll.
      let quiet = 0;
      let failures = 0;
      try {
        while (!closed.signal.aborted) {
          // Registered before the read: news of an event the read misses still wakes this stream. After a
          // batch the stream sleeps until news (one read per event, not a second, empty one to make sure).
          const wait = deps.hub.waiter(id, POLL_MS, closed.signal);
          let batch: Awaited<ReturnType<typeof shared.read>>;
          try {
            batch = await shared.read(id, after);
            failures = 0;
          } catch (error) {
            // Redis away, or a read that timed out while this process was busy: the stream stays open
            // (keep-alives go on) and reads again after the next wake-up. Only repeated failures of a
            // reachable Redis end it.
            failures += 1;
            if (failures >= MAX_READ_FAILURES && !(await deps.isRedisOutage?.(error))) throw error;
            await wait.promise;
            continue;
          }
          for (const event of batch) {
            await stream.writeSSE({ id: String(event.seq), event: event.type, data: shared.data(event) });
            after = event.seq;
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
          // The client asked past the end of a finished run: nothing more will come. (A terminal status is
          // written in the same transaction as the terminal event, so a live stream always gets that event.)
          if (batch.length === 0 && quiet % 5 === 0) {
            const now = await deps.runs.get(id).catch(async (error: unknown) => {
              if (await deps.isRedisOutage?.(error)) return "unknown" as const;
              throw error;
            });
            if (now === "unknown") {
              await wait.promise;
              continue;
            }
            if (!now || (TERMINAL_STATUSES.includes(now.status) && (await deps.events.lastSeq(id)) <= after)) {
              wait.cancel();
              return;
            }
          }
          quiet = (await wait.promise) === "timeout" ? quiet + 1 : 1;
        }
      } catch (error) {
        const detail = error instanceof Error ? error.message : "stream failed";
        await stream.writeSSE({ event: "error", data: JSON.stringify({ type: "https://prfaq-sim.dev/problems/stream", title: "Stream failed", status: 500, detail }) }).catch(() => undefined);
      } finally {
        clearInterval(keepAlive);
        unregister();
      }
    });
  });

  return app;
}
