import { describe, expect, it } from "vitest";
import { readReviewInputs, requestTitle } from "./author-document.js";
import { documentBody, parsePrfaqMarkdown } from "./prfaq-markdown.js";
import { CreateReviewSchema } from "./run.js";

const DOC = [
  "---",
  "title: LanePass",
  "tags: [swim, booking]",
  "features: 4",
  "---",
  "",
  "![Cover](img/cover.png)",
  "",
  "<!--",
  "draft notes: do not publish",
  "-->",
  "",
  "SEATTLE, Washington, May 3, 2027 — LanePass lets lap swimmers book a lane from their phone.",
  "",
  "Today swimmers queue at the desk; 40% of morning swimmers wait more than 10 minutes.",
  "",
  "[![Badge](img/badge.svg)](https://example.com)",
  "",
  "## FAQ",
  "",
  "1. **What does it cost?** $6 a month.",
  "2. **Which pools?** Every city pool in Seattle.",
].join("\n");

describe("the parser on a document as authors keep it", () => {
  it("reads a front-matter title as the heading when the body has no # heading", () => {
    const doc = parsePrfaqMarkdown(DOC);
    expect(doc.title).toBe("LanePass");
    expect(doc.pressRelease.heading).toBe("LanePass");
    expect(doc.pressRelease.dateline).toBe("SEATTLE, Washington, May 3, 2027");
    expect(doc.externalFaq.map((f) => f.question)).toEqual(["What does it cost?", "Which pools?"]);
  });

  it("keeps the body's own # heading over the front matter's title", () => {
    const doc = parsePrfaqMarkdown(`---\ntitle: lanepass-prfaq\n---\n# LanePass: a lane in two taps\n\n${DOC.split("\n").slice(12).join("\n")}`);
    expect(doc.pressRelease.heading).toBe("LanePass: a lane in two taps");
  });

  it("ignores image lines and HTML comments, including one over several lines", () => {
    const text = JSON.stringify(parsePrfaqMarkdown(DOC));
    expect(text).not.toMatch(/Cover|cover\.png|Badge|draft notes|do not publish|features: 4/);
  });
});

describe("documentBody", () => {
  it("drops front matter, image lines and comments, and keeps the prose", () => {
    const body = documentBody(DOC);
    expect(body).not.toMatch(/title:|tags:|cover\.png|badge\.svg|draft notes|<!--|-->/);
    expect(body.startsWith("SEATTLE, Washington")).toBe(true);
    expect(body).toContain("1. **What does it cost?** $6 a month.");
  });
});

describe("readReviewInputs", () => {
  it("an author's PR/FAQ: the parsed document, and its text and heading as the brief", () => {
    const request = CreateReviewSchema.parse({ prfaq: { markdown: `# LanePass books a lane\n\n${DOC.split("\n").slice(12).join("\n")}` } });
    const { brief, authored } = readReviewInputs(request);
    expect(authored?.pressRelease.heading).toBe("LanePass books a lane");
    expect(brief.title).toBe("LanePass books a lane");
    expect(brief.text).toContain("40% of morning swimmers wait more than 10 minutes");
    expect(brief.text).not.toContain("Badge");
    expect(requestTitle(request)).toBe("LanePass books a lane");
  });

  it("a brief is read as it is, with no authored version", () => {
    const request = CreateReviewSchema.parse({ brief: { title: "LanePass", text: "Lap swimmers wait." } });
    expect(readReviewInputs(request)).toEqual({ brief: request.brief });
  });

  it("the request schema takes exactly one of brief and prfaq", () => {
    const paths = (body: unknown) => {
      const r = CreateReviewSchema.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ brief: { title: "T", text: "x" }, prfaq: { markdown: "# T" } })).toEqual(["brief", "prfaq"]);
    expect(paths({})).toEqual(["brief"]);
    expect(paths({ prfaq: { markdown: "# T" } })).toEqual([]);
  });
});
