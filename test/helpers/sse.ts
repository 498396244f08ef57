/** One server-sent event as received. */
export type SseMessage = { id?: string; event: string; data: string };

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
  let buffer = "";
  let frame: Partial<SseMessage> & { data?: string } = {};
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, "");
        buffer = buffer.slice(nl + 1);
        if (line === "") {
          if (frame.data !== undefined) {
            const msg: SseMessage = { event: frame.event ?? "message", data: frame.data, ...(frame.id !== undefined ? { id: frame.id } : {}) };
            messages.push(msg);
            if (until(msg)) {
              controller.abort();
              return { status: res.status, contentType: res.headers.get("content-type") ?? "", messages, comments };
            }
          }
          frame = {};
        } else if (line.startsWith(":")) comments.push(line.slice(1).trim());
        else {
          const idx = line.indexOf(":");
          const field = idx < 0 ? line : line.slice(0, idx);
          const value = idx < 0 ? "" : line.slice(idx + 1).replace(/^ /, "");
          if (field === "data") frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
          else if (field === "event") frame.event = value;
          else if (field === "id") frame.id = value;
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", messages, comments };
}
