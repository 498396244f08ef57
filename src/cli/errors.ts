import { formatProblem, type ProblemView } from "./format.js";

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
