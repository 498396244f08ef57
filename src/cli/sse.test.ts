import { describe, expect, it } from "vitest";
import { createSseParser } from "./sse.js";

describe("createSseParser", () => {
  it("parses frames split anywhere, with CRLF, comments and multi-line data", () => {
    const text = 'id: 1\r\nevent: run.queued\r\ndata: {"a":1}\r\n\r\n: keep-alive\n\nid: 2\ndata: line1\ndata: line2\n\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      const parser = createSseParser();
      const messages = [];
      const comments = [];
      for (let i = 0; i < text.length; i += size) {
        const out = parser.push(text.slice(i, i + size));
        messages.push(...out.messages);
        comments.push(...out.comments);
      }
      expect(messages).toEqual([
        { id: "1", event: "run.queued", data: '{"a":1}' },
        { id: "2", event: "message", data: "line1\nline2" },
      ]);
      expect(comments).toEqual(["keep-alive"]);
    }
  });

  it("keeps an unfinished frame until its blank line arrives", () => {
    const parser = createSseParser();
    expect(parser.push("id: 3\ndata: x\n").messages).toEqual([]);
    expect(parser.push("\n").messages).toEqual([{ id: "3", event: "message", data: "x" }]);
  });
});
