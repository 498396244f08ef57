import { writeFile } from "node:fs/promises";
import type { RunEvent } from "../domain/events.js";
import type { DecisionValue } from "../domain/memo.js";
import { renderMemoMarkdown } from "../domain/memo-markdown.js";
import { CreateReviewSchema, type Engine } from "../domain/run.js";
import { createApiClient, type ApiClient } from "./client.js";
import { problemCount } from "../domain/errors.js";
import { CliError, InputError } from "./errors.js";
import { followEvents } from "./follow.js";
import { formatMemoSaved } from "./format.js";
import { buildReviewRequest } from "./input.js";
import { createEventPrinter, type EventPrinter, type Output } from "./printer.js";

/** Exit codes of `review` and `watch`: a fund verdict, a kill verdict, anything that went wrong. */
export const EXIT = { fund: 0, error: 1, kill: 10 } as const;

/** The exit code for a verdict: 10 for kill unless `noFail`, else 0. Pure. */
export function verdictExitCode(decision: DecisionValue, noFail: boolean): number {
  return decision === "kill" && !noFail ? EXIT.kill : EXIT.fund;
}

/** The terminal the command talks to, decided once in main. */
export type Terminal = { stdout: Output; stderr: Output; tty: boolean; color: boolean; width: number };

/** Where a remote command finds its server. */
export type ServerFlags = { server: string; apiKey?: string | undefined };

/** What to do with the outcome of a followed run. */
export type OutcomeFlags = { json: boolean; memoOut?: string | undefined; noFail: boolean };

export type ReviewCommand = ServerFlags &
  OutcomeFlags & { local: boolean; input?: "brief" | "prfaq" | undefined; rounds?: number | undefined; personas?: string[] | undefined; engine?: Engine | undefined; env: Record<string, string | undefined> };

function printerFor(term: Terminal, json: boolean): EventPrinter {
  return createEventPrinter({ out: term.stdout, err: term.stderr, json, tty: term.tty, color: term.color, width: term.width });
}

/** On Ctrl-C: clear the spinner, say what goes on without us, and exit 130 as shells expect. */
function onInterrupt(printer: EventPrinter, term: Terminal, message: () => string | undefined): () => void {
  const handler = () => {
    printer.stop();
    const text = message();
    term.stderr.write(`\nprfaq: interrupted${text ? `; ${text}` : ""}\n`);
    process.exit(130);
  };
  process.once("SIGINT", handler);
  return () => process.off("SIGINT", handler);
}

/**
 * `prfaq review`: submits the brief (or with `--prfaq` the author's PR/FAQ) to a server and follows the meeting (or, with `local`, runs it in this
 * process), printing every event, then the memo. Returns the exit code ({@link EXIT}).
 */
export async function review(markdown: string, cmd: ReviewCommand, term: Terminal): Promise<number> {
  const body = buildReviewRequest(markdown, cmd);
  const printer = printerFor(term, cmd.json);
  if (cmd.local) {
    const parsed = CreateReviewSchema.safeParse(body);
    if (!parsed.success) {
      throw new InputError(
        `The ${cmd.input === "prfaq" ? "PR/FAQ" : "brief"} is not a valid review request: ${problemCount(parsed.error.issues.length)}.`,
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(request)", message: i.message })),
      );
    }
    // Loaded on demand: the agents and the graph are seconds of start-up a remote review does not need
    // (and an engine that cannot run here should say so before the graph loads).
    const [{ loadConfig }, { localAgents }] = await Promise.all([import("../config.js"), import("./local-agents.js")]);
    const env = loadConfig(cmd.env);
    const agents = localAgents({ env, engine: cmd.engine });
    const { runLocalReview } = await import("./local.js");
    const off = onInterrupt(printer, term, () => undefined);
    try {
      const terminal = await runLocalReview(parsed.data, { agents, personasDir: env.PRFAQ_PERSONAS_DIR, onEvent: (e) => printer.print(e) });
      return await finish(printer, terminal, cmd, term);
    } finally {
      off();
      printer.stop();
    }
  }
  const client = createApiClient(cmd);
  const { id } = await client.submit(body);
  if (!cmd.json) term.stderr.write(`prfaq: review ${id} started at ${client.server} (follow it again with: prfaq watch ${id})\n`);
  return follow(client, id, cmd, term, printer);
}

/** `prfaq watch ID`: follows an existing run's transcript from the start, as `review` does. */
export async function watch(id: string, cmd: ServerFlags & OutcomeFlags, term: Terminal): Promise<number> {
  return follow(createApiClient(cmd), id, cmd, term, printerFor(term, cmd.json));
}

async function follow(client: ApiClient, id: string, cmd: OutcomeFlags, term: Terminal, printer: EventPrinter): Promise<number> {
  const off = onInterrupt(printer, term, () => `review ${id} goes on at ${client.server}: prfaq watch ${id}`);
  try {
    const terminal = await followEvents({
      client,
      id,
      after: 0,
      onEvent: (e) => printer.print(e),
      onReconnecting: ({ attempt, delayMs, after, reason }) => {
        if (attempt === 1) printer.note(`prfaq: lost the event stream (${reason}); reconnecting to resume after event ${after}...`);
        printer.status(`reconnecting to ${client.server} (attempt ${attempt}, in ${delayMs} ms)...`);
      },
      onReconnected: ({ after }) => {
        printer.status(undefined);
        printer.note(`prfaq: reconnected; resuming after event ${after}`);
      },
    });
    return await finish(printer, terminal, cmd, term, () => client.memo(id));
  } finally {
    off();
    printer.stop();
  }
}

/** After the terminal event: the memo (printed, or saved with --memo-out) and the exit code. */
async function finish(printer: EventPrinter, terminal: RunEvent, cmd: OutcomeFlags, term: Terminal, fetchMemo?: () => ReturnType<ApiClient["memo"]>): Promise<number> {
  printer.stop();
  if (terminal.type === "run.failed") throw new CliError("run_failed", `the review failed (${terminal.error.code}): ${terminal.error.message}`);
  if (terminal.type !== "run.completed") throw new CliError("run_failed", "the review was cancelled; there is no memo");
  // The memo came with memo.ready; a stream resumed past it (or an old server) needs it fetched.
  const memo = printer.memo ?? (fetchMemo ? await fetchMemo() : undefined);
  if (!memo) throw new CliError("run_failed", "the review completed without a memo");
  const markdown = renderMemoMarkdown(memo);
  if (cmd.memoOut) {
    await writeFile(cmd.memoOut, markdown, "utf8");
    if (!cmd.json) term.stdout.write(`\n${formatMemoSaved(memo, cmd.memoOut, term)}`);
  } else if (!cmd.json) {
    term.stdout.write(`\n${markdown}`);
  }
  return verdictExitCode(terminal.verdict.decision, cmd.noFail);
}
