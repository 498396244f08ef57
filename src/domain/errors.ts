/** Error codes the service raises; the server maps them to HTTP, the worker to job outcomes. */
export type AppErrorCode =
  | "not_found"
  | "conflict"
  | "validation"
  | "unknown_persona"
  | "redis_unavailable"
  | "engine_unavailable"
  | "model_output_invalid"
  | "model_unavailable"
  | "cancelled"
  | "internal";

/** Base of every error the service raises on purpose. Match on `code` or `instanceof`, never on message text. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super("conflict", message);
  }
}

/** Invalid input with field paths (from zod or our own checks). */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
    code: "validation" | "unknown_persona" = "validation",
  ) {
    super(code, message);
  }
}

/** "1 problem", "3 problems": how many field errors a refusal lists, in words a person reads. */
export function problemCount(n: number): string {
  return `${n} problem${n === 1 ? "" : "s"}`;
}
