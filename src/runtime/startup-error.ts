/**
 * The service cannot start, for a reason the operator can fix: the message is one line naming the
 * problem and the fix, printed as it is (no stack trace), and the process exits 1.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartupError";
  }
}
