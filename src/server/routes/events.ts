import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { RunLedger } from "../../store/run-ledger.js";
import { HttpProblem } from "../problem.js";
import type { ReviewService } from "../review-service.js";
import type { AppEnv } from "../env.js";
import type { SseRegistry } from "../sse-registry.js";
import { serialiseOnce } from "../shared-reads.js";
import { RunEventSchema } from "../../domain/events.js";
import { parameters, problem, route, sends, text } from "../openapi.js";
import { RunPathSchema, runNotFound } from "./reviews.js";

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

const EventsQuerySchema = z.object({
  after: Cursor.optional().describe("Send only events with a larger seq (wins over Last-Event-ID)"),
  format: z.enum(["json"]).optional().describe("`json`: the events so far as a JSON array, no streaming"),
  access_token: z.string().optional().describe("The API key, for clients that cannot send headers (EventSource); accepted on GET requests only"),
});
const EventsHeadersSchema = z.object({ "Last-Event-ID": Cursor.optional().describe("Resume after this event (its seq)") });

const EVENT_STREAM_FORMAT = [
  "Server-Sent Events. Each message has `id:` (the event's seq: 1, 2, 3, ...), `event:` (its type) and `data:` (the event as JSON, a RunEvent).",
  "The stream replays the transcript from the cursor, follows it live, and ends after run.completed, run.failed or run.cancelled.",
  "A `: keep-alive` comment every 15 s; on server shutdown a final comment, then the stream ends (resume with Last-Event-ID).",
].join(" ");

/** GET /v1/reviews/:id/events: the transcript as SSE (replay, then follow) or, with ?format=json, as an array. */
export function createEventRoutes(deps: EventRoutesDeps) {
  const app = new Hono<AppEnv>();
  // The streams of one run get the same event objects from the ledger: each is serialised once for all.
  const data = serialiseOnce();

  app.get(
    "/:id/events",
    parameters("param", RunPathSchema),
    parameters("query", EventsQuerySchema),
    parameters("header", EventsHeadersSchema),
    route({
      operationId: "getReviewEvents",
      tags: ["reviews"],
      summary: "Stream the transcript",
      description: `${EVENT_STREAM_FORMAT} Resume after an event with the \`Last-Event-ID\` header (what EventSource sends on reconnect) or \`?after=N\`: only later events are sent, none twice. \`?format=json\` returns the events so far as a JSON array instead.`,
      responses: {
        200: {
          description: "The transcript: an event stream, or with ?format=json an array of events",
          content: {
            "text/event-stream": text(EVENT_STREAM_FORMAT),
            "application/json": { schema: sends(z.array(RunEventSchema)) },
          },
        },
        400: problem(400, "The cursor (?after or Last-Event-ID) is not a non-negative integer."),
        404: runNotFound,
        429: problem(429, "With API keys: this key already holds PRFAQ_MAX_STREAMS_PER_KEY event streams open on this API process; close one, or read `?format=json`."),
      },
    }),
    async (c) => {
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
    },
  );

  return app;
}
