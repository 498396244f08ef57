import { RunEventSchema, TERMINAL_EVENT_TYPES, type RunEvent } from "../domain/events.js";
import type { ApiClient } from "./client.js";
import { ApiError, CliError } from "./errors.js";
import { createSseParser } from "./sse.js";

/** Reconnect timing: the first wait, the longest wait, and how long an outage may last before giving up. */
export type Backoff = { initialMs: number; maxMs: number; giveUpMs: number };

/** 250 ms doubling to 5 s; give up after a minute without the stream. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5_000, giveUpMs: 60_000 };

/** The wait before reconnect attempt `attempt` (0-based): `initialMs` doubling up to `maxMs`. Pure. */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
}

/** Options of {@link followEvents}. */
export type FollowOptions = {
  client: Pick<ApiClient, "events" | "server">;
  id: string;
  /** Resume after this sequence number (0 = from the start). */
  after: number;
  /** Called once per new event, in order, never twice for one seq. */
  onEvent: (event: RunEvent) => void;
  /** Called before each wait when the stream dropped; `attempt` counts from 1 within one outage. */
  onReconnecting?: (info: { attempt: number; delayMs: number; after: number; reason: string }) => void;
  /** Called when a connection opens again after a drop. */
  onReconnected?: (info: { after: number }) => void;
  backoff?: Backoff;
  /** A stream silent this long (the server sends a keep-alive every 15 s) counts as dropped. Default 45 s. */
  idleTimeoutMs?: number;
};

/** A drop the stream may recover from by reconnecting. */
class StreamDropped extends Error {}

/**
 * Follows a run's SSE transcript to its terminal event (returned), surviving server restarts: when the
 * connection drops or the server is briefly away or answers 5xx, it waits ({@link backoffDelay}) and
 * reconnects with `Last-Event-ID` = the last seq delivered, skipping anything at or below it. An outage
 * longer than `giveUpMs` throws a `stream_lost` {@link CliError}; a 4xx (unknown run, bad key) throws its
 * {@link ApiError} at once, as does an event that does not match `RunEventSchema`.
 */
export async function followEvents(opts: FollowOptions): Promise<RunEvent> {
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  let after = opts.after;
  let attempt = 0;
  let outageSince: number | undefined;
  let connectedOnce = false;
  let reconnectAnnounced = false;
  for (;;) {
    const controller = new AbortController();
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(new StreamDropped("no data or keep-alive for a while")), opts.idleTimeoutMs ?? 45_000);
    };
    let reason = "the stream ended before the run did";
    try {
      touch();
      const res = await opts.client.events(opts.id, after, controller.signal);
      if (outageSince !== undefined && !reconnectAnnounced) {
        reconnectAnnounced = true;
        opts.onReconnected?.({ after });
      }
      connectedOnce = true;
      const reader = res.body?.getReader();
      if (!reader) throw new StreamDropped("the response had no body");
      const parser = createSseParser();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        touch();
        const { messages, comments } = parser.push(decoder.decode(value, { stream: true }));
        // News or a keep-alive means the connection is healthy again: a later drop starts a fresh outage.
        if (messages.length > 0 || comments.includes("keep-alive")) {
          outageSince = undefined;
          attempt = 0;
          reconnectAnnounced = false;
        }
        for (const message of messages) {
          if (message.event === "error") throw new StreamDropped(`the server's stream failed: ${message.data}`);
          const event = parseEvent(message.data);
          if (event.seq <= after) continue;
          after = event.seq;
          opts.onEvent(event);
          if (TERMINAL_EVENT_TYPES.includes(event.type)) return event;
        }
      }
    } catch (error) {
      const retryable =
        error instanceof StreamDropped ||
        (error instanceof ApiError && error.problem.status >= 500) ||
        // Nothing answers: retry only once we know the server was there (a typo in --server should fail fast).
        (error instanceof CliError && error.code === "unreachable" && connectedOnce) ||
        // undici's TypeError "terminated" (other side closed) when the server goes away mid-body.
        (error instanceof TypeError && connectedOnce);
      if (!retryable) throw error;
      reason = controller.signal.reason instanceof StreamDropped ? controller.signal.reason.message : error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(idle);
      controller.abort();
    }
    const now = Date.now();
    outageSince ??= now;
    if (now - outageSince >= backoff.giveUpMs) {
      throw new CliError(
        "stream_lost",
        `lost the event stream of ${opts.id} at ${opts.client.server} for ${Math.round(backoff.giveUpMs / 1000)} s (${reason}); the last event shown was ${after}. Resume with \`prfaq watch ${opts.id}\`.`,
      );
    }
    const delayMs = backoffDelay(attempt++, backoff);
    opts.onReconnecting?.({ attempt, delayMs, after, reason });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

function parseEvent(data: string): RunEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new CliError("api", `the server sent an event that is not JSON: ${data.slice(0, 120)}`);
  }
  const parsed = RunEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError("api", `the server sent an event this prfaq does not understand (${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"})`);
  }
  return parsed.data;
}
