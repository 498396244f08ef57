import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { RunLedger } from "../../store/run-ledger.js";
import { HttpProblem } from "../problem.js";
import type { ReviewService } from "../review-service.js";
import type { AppEnv } from "../env.js";
import type { SseRegistry } from "../sse-registry.js";
import { serialiseOnce } from "../shared-reads.js";

export type EventRoutesDeps = {
  ledger: RunLedger;
  service: ReviewService;
  streams: SseRegistry;
  /** Keep-alive comment interval. Default 15 s. */
  keepAliveMs?: number;
  /** Streams one key may hold open on this process (429 beyond). Default 20. */
  maxStreamsPerKey?: number;
};

const Cursor = z.coerce.number().int().min(0);

/** GET /v1/reviews/:id/events: the transcript as SSE (replay, then follow) or, with ?format=json, as an array. */
export function createEventRoutes(deps: EventRoutesDeps) {
  const app = new Hono<AppEnv>();
  // The streams of one run get the same event objects from the ledger: each is serialised once for all.
  const data = serialiseOnce();

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
      const all = await deps.ledger.readAll(id);
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
      try {
        // The ledger replays, follows, waits out a Redis outage, and ends after the terminal event.
        for await (const event of deps.ledger.follow(id, cursor.data, closed.signal)) {
          await stream.writeSSE({ id: String(event.seq), event: event.type, data: data(event) });
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
