import { readFileSync } from "node:fs";
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

// A PR/FAQ as it was published: YAML front matter, a cover image, HTML comments (one over several lines), a
// `#### FAQ` heading with twelve numbered questions in bold, a founder quoted by name ("says <name>,
// founder") and a customer quoted by description ("A project lead who tested the prompt describes ...").
describe("a real published PR/FAQ (test/fixtures/documents/kickoffkit-published.md)", () => {
  const markdown = readFileSync(new URL("../../test/fixtures/documents/kickoffkit-published.md", import.meta.url), "utf8");
  const doc = parsePrfaqMarkdown(markdown);

  it("is read with its title and its own heading", () => {
    expect(doc.title).toBe("KickoffKit: launch press release and FAQ");
    expect(doc.pressRelease.heading).toBe("KickoffKit Turns a Kickoff Call into a Project Plan Before the Call Ends");
    expect(doc.pressRelease.dateline).toBe("LONDON, May 12, 2027");
    expect(doc.pressRelease.summary).toMatch(/^KickoffKit opens today for project leads/);
  });

  it("takes the spokesperson's quote as the leader quote and the described customer's as the customer quote", () => {
    expect(doc.pressRelease.leaderQuote).toMatch(/^"Every project lead we met had the same Monday/);
    expect(doc.pressRelease.leaderQuote).toContain("says Amara Okafor, founder of KickoffKit.");
    expect(doc.pressRelease.customerQuote).toMatch(/^A project lead who tested the prompt at a 40-person design agency in Leeds describes the difference: "I used to lose/);
    expect(doc.pressRelease.customerQuote).not.toContain("Okafor");
  });

  it("has all twelve numbered questions in the FAQ, each with its answer", () => {
    expect(doc.externalFaq.map((f) => f.question)).toEqual([
      "Who is KickoffKit for?",
      "What does it cost?",
      "Which meeting and planning tools does it work with?",
      "What does the project lead have to do?",
      "How do I know the plan is right?",
      "What happens to our clients' calls?",
      "What evidence is there that project leads want this?",
      "What does it cost us to serve a project lead?",
      "Who else could do this, and what if they copy it?",
      "What will the first version get wrong?",
      "How will we know it is working?",
      "What would make us stop?",
    ]);
    expect(doc.externalFaq.every((f) => f.answer.length > 20 && !f.answer.includes("**"))).toBe(true);
    expect(doc.internalFaq).toEqual([]);
  });

  it("leaves the front matter, the cover image and the comments out of the document", () => {
    expect(JSON.stringify(doc)).not.toMatch(/cover\.png|Legal asked|trial log|CMS|agreed with sales|tags:|draft: false/);
  });

  it("is version 1 of a review as it was written: the parsed document, with its heading as the title", () => {
    const { brief, authored } = readReviewInputs(CreateReviewSchema.parse({ prfaq: { markdown } }));
    expect(authored).toEqual(doc);
    expect(brief.title).toBe(doc.pressRelease.heading);
    expect(brief.text).not.toMatch(/^---|cover\.png|<!--/);
  });
});
