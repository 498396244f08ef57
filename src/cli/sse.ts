/** One server-sent event: `id:`, `event:` (default "message") and the joined `data:` lines. */
export type SseMessage = { id?: string; event: string; data: string };

/**
 * An incremental parser of a `text/event-stream` body (per the HTML spec): feed it text chunks as they
 * arrive, split anywhere; it returns the complete messages so far. Comments (`: keep-alive`) are
 * returned separately so a caller can tell a live connection from a dead one. No I/O.
 */
export function createSseParser() {
  let buffer = "";
  let id: string | undefined;
  let event: string | undefined;
  let data: string[] | undefined;

  return {
    push(chunk: string): { messages: SseMessage[]; comments: string[] } {
      buffer += chunk;
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
        if (buffer[nl] === "\r" && nl === buffer.length - 1) break;
        buffer = buffer.slice(nl + (buffer.startsWith("\r\n", nl) ? 2 : 1));
        if (line === "") {
          if (data !== undefined) messages.push({ event: event ?? "message", data: data.join("\n"), ...(id !== undefined ? { id } : {}) });
          id = undefined;
          event = undefined;
          data = undefined;
          continue;
        }
        if (line.startsWith(":")) {
          comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") (data ??= []).push(value);
        else if (field === "event") event = value;
        else if (field === "id") id = value;
      }
      return { messages, comments };
    },
  };
}
