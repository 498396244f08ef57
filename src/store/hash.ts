import { createHash } from "node:crypto";

/** SHA-256 hex of `text` (idempotency keys and request bodies are kept hashed). */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
