import type { RunEvent } from "../domain/events.js";
import type { Memo } from "../domain/memo.js";
import { formatEvent, type FormatOptions } from "./format.js";
import { IDLE, nextProgress, progressText, type Progress } from "./progress.js";

/** Where the printer writes: stdout in the CLI, a collecting fake in tests. */
export type Output = { write(text: string): unknown };

/** Options of {@link createEventPrinter}. */
export type PrinterOptions = FormatOptions & {
  out: Output;
  /** Where notes (reconnecting, reconnected) go: stderr, so `--json` output stays NDJSON only. */
  err: Output;
  /** NDJSON: one event per line exactly as parsed, nothing else on this stream. */
  json: boolean;
  /** The output is a terminal: draw the progress spinner (never in `json` mode). */
  tty: boolean;
  /** Spinner frame interval in ms. Default 80. */
  frameMs?: number;
};

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR_LINE = "\r\u001b[2K";

/**
 * Prints a run's events as they arrive, the same for a server's stream and a `--local` run: a line per
 * event with the lines under it that {@link formatEvent} adds (objections, change requests, the crux), or
 * NDJSON; a spinner line on a terminal while an agent works, cleared before the next line.
 * Remembers the last sequence number printed and drops anything at or below it, so a resumed stream
 * never prints an event twice.
 */
export function createEventPrinter(opts: PrinterOptions) {
  let lastSeq = 0;
  let progress: Progress = IDLE;
  let memo: Memo | undefined;
  let terminal: RunEvent | undefined;
  let status: string | undefined;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let drawn = false;
  const spinning = opts.tty && !opts.json;

  const clear = () => {
    if (drawn) opts.out.write(CLEAR_LINE);
    drawn = false;
  };
  const draw = () => {
    const text = status ?? progressText(progress);
    if (!text) return clear();
    const glyph = FRAMES[frame++ % FRAMES.length] ?? "";
    // Never wider than the terminal, or the line wraps and \r can no longer clear it.
    opts.out.write(`${CLEAR_LINE}${glyph} ${text}`.slice(0, opts.width + CLEAR_LINE.length));
    drawn = true;
  };
  const refresh = () => {
    if (!spinning) return;
    const active = Boolean(status ?? progressText(progress));
    if (active) {
      draw();
      timer ??= setInterval(draw, opts.frameMs ?? 80);
      timer.unref();
    } else {
      clear();
      if (timer) clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    /** Prints `event` unless it was printed already; returns whether it was new. */
    print(event: RunEvent): boolean {
      if (event.seq <= lastSeq) return false;
      lastSeq = event.seq;
      progress = nextProgress(progress, event);
      if (event.type === "memo.ready") memo = event.memo;
      if (event.type === "run.completed" || event.type === "run.failed" || event.type === "run.cancelled") terminal = event;
      if (opts.json) {
        opts.out.write(`${JSON.stringify(event)}\n`);
        return true;
      }
      const line = formatEvent(event, opts);
      if (line !== undefined) {
        clear();
        opts.out.write(`${line}\n`);
      }
      refresh();
      return true;
    },
    /** A note on its own line on `err`, with the spinner cleared first. */
    note(text: string): void {
      clear();
      opts.err.write(`${text}\n`);
      refresh();
    },
    /** A transient status on the spinner line (e.g. "reconnecting..."); undefined removes it. TTY only. */
    status(text: string | undefined): void {
      status = text;
      refresh();
    },
    /** Stops the spinner and clears its line. */
    stop(): void {
      status = undefined;
      progress = IDLE;
      refresh();
    },
    /** The last sequence number printed (0 before any): where a resumed stream starts. */
    get lastSeq(): number {
      return lastSeq;
    },
    /** The memo from `memo.ready`, once seen. */
    get memo(): Memo | undefined {
      return memo;
    },
    /** The terminal event (`run.completed`, `run.failed`, `run.cancelled`), once seen. */
    get terminal(): RunEvent | undefined {
      return terminal;
    },
  };
}

export type EventPrinter = ReturnType<typeof createEventPrinter>;
