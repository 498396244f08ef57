// No imports: `prfaq --help` loads this file, and format.ts's schemas would cost it a tenth of a second.

export type ProblemView = { status: number; title?: string; detail?: string; errors?: { path: string; message: string }[] };

/**
 * A problem+json answer for the terminal: what was refused, the status, the detail, and every field
 * error on its own line (`  options.rounds: Too big`).
 */
export function formatProblem(what: string, p: ProblemView): string {
  const head = `${what} (${p.status}${p.title ? ` ${p.title}` : ""})${p.detail ? `: ${p.detail}` : ""}`;
  const fields = (p.errors ?? []).map((e) => `  ${e.path}: ${e.message}`);
  return [head, ...fields].join("\n");
}


/** What went wrong in a `prfaq` command. Every one exits 1; `usage` also points at the command's help. */
export type CliErrorCode = "usage" | "input" | "api" | "unreachable" | "stream_lost" | "run_failed";

/** Base of the CLI's own errors: a message fit for the terminal. Match on `code`, never on text. */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad arguments; `command` names the command whose help to point at. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super("usage", message);
  }
}

/** The server answered with a problem+json (or another error status). */
export class ApiError extends CliError {
  constructor(
    what: string,
    readonly problem: ProblemView,
  ) {
    super("api", formatProblem(what, problem));
  }
}

/** Invalid input caught before anything ran (`--local`): the same field list a server would send. */
export class InputError extends CliError {
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
  ) {
    super("input", [message, ...errors.map((e) => `  ${e.path}: ${e.message}`)].join("\n"));
  }
}
