import { createSseParser, type SseMessage } from "../../src/cli/sse.js";

export type { SseMessage };

/**
 * Reads an SSE response until the stream ends (or `until` says stop), parsing frames by the spec:
 * `id:`, `event:`, `data:` lines, comments ignored, a blank line ends a frame.
 */
export async function readSse(
  url: string,
  init: RequestInit = {},
  until: (m: SseMessage) => boolean = () => false,
): Promise<{ status: number; contentType: string; messages: SseMessage[]; comments: string[] }> {
  const controller = new AbortController();
  const res = await fetch(url, { ...init, signal: controller.signal });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  if (!res.body || !(res.headers.get("content-type") ?? "").includes("text/event-stream")) {
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", messages, comments };
  }
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parser.push(decoder.decode(value, { stream: true }));
      comments.push(...parsed.comments);
      for (const msg of parsed.messages) {
        messages.push(msg);
        if (until(msg)) {
          controller.abort();
          return { status: res.status, contentType: res.headers.get("content-type") ?? "", messages, comments };
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", messages, comments };
}
