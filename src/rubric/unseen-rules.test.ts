import { describe, expect, it } from "vitest";
import { parsePrfaqMarkdown } from "../domain/prfaq-markdown.js";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

// Rules written at stop 19 after reading the fifth held-back PR/FAQ set. Every text here is written for the
// test and names the general pattern it checks; none comes from a fixture.

describe("too-many-features counts capabilities, not steps or what the customer is spared", () => {
  it("reads the call to action's list as the steps of one job", () => {
    const doc = docWith({ callToAction: "Text BERTH and your boat name to 07700 900 123.\n\nReply with the number of the slot you want.\n\nGet a text the evening before.\n\nReply MOVE or CANCEL up to a day before." });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("reads a list introduced as what happens from then on as steps", () => {
    const doc = docWith({ howItWorks: "**How a club starts.** The secretary uploads the fixture list once. From then on:\n\n- each captain gets a text on Monday\n- the umpires confirm by reply\n- the tea rota fills itself\n- the result goes on the website" });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("does not count what the customer no longer has to do ('without printing, scanning or posting')", () => {
    const doc = docWith({ summary: "Landlords can send a tenancy for signature from their phone and get it back the same day, without printing, scanning, posting or visiting an office." });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("reads verbs after a having word as one subject's clauses ('goes on with a brush, dries in an hour, and gives ...')", () => {
    const doc = docWith({ solution: "It goes on with a brush, dries in an hour, and gives the deck a tough, long-lasting, non-slip surface." });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
    // Four verbs of one subject are still four capabilities.
    const many = docWith({ solution: "It books lessons, invoices parents, tracks attendance and runs payroll for the school." });
    expect(findingsOf(many, "too-many-features")).toHaveLength(1);
  });
});

describe("the internal FAQ's hard questions, asked in other words", () => {
  it("counts 'could they do it themselves', 'why not buy what others use' and 'the existing services' as competition", () => {
    for (const q of ["Couldn't the council do this itself?", "Why not just buy what other trusts use?", "What about the existing booking services?"]) {
      const doc = cleanDoc();
      doc.internalFaq = [
        { question: q, answer: "A." },
        { question: "What does it cost to run?", answer: "B." },
        { question: "What will v1 get wrong?", answer: "C." },
      ];
      expect(findingsOf(doc, "faq-avoids-hard-questions"), q).toEqual([]);
    }
  });
});

describe("words the customer types are not jargon; reuse and completion said of other things are not red flags", () => {
  it("keeps 'Reply STOP or HELP' out of internal-jargon-in-pr", () => {
    expect(findingsOf(docWith({ callToAction: "Reply STOP or HELP at any time." }), "internal-jargon-in-pr")).toEqual([]);
  });

  it("fires solution-first on 'where else could a coating this good make a difference', not on reusing someone else's tool", () => {
    expect(findingsOf(docWith({ summary: "We asked ourselves where else could a coating this good make a difference." }), "solution-first-thinking")).toHaveLength(1);
    const reuse = cleanDoc();
    reuse.internalFaq.push({ question: "Why not buy one?", answer: "One county built its own; we have asked to reuse its matching rules." });
    expect(findingsOf(reuse, "solution-first-thinking")).toEqual([]);
  });

  it("fires writing-pr-after-building on the product already finished, not on a customer's form already complete", () => {
    expect(findingsOf(docWith({ solution: "When the shift ends, the timesheet is already complete." }), "writing-pr-after-building")).toEqual([]);
    expect(findingsOf(docWith({ solution: "The app is already finished and in testing." }), "writing-pr-after-building")).toHaveLength(1);
  });

  it("fires skipping-the-iteration on a document that says it is the only draft, approved as written", () => {
    const doc = docWith({ summary: "Status: final. This is the first and only draft. It has been approved as written." });
    expect(findingsOf(doc, "skipping-the-iteration", { version: 2, revised: false })).toHaveLength(1);
  });
});

describe("reading real documents: a bold dateline with a full stop, run-in headings, evidence from records, a table of targets", () => {
  it("reads '**LEEDS, 3 May 2028.** Text ...' as the dateline and '**The problem for small farms.** ...' as the problem", () => {
    const doc = parsePrfaqMarkdown("# Pen Check: lambing notes by text\n\n_Sheep farmers can log each ewe's lambing by text._\n\n**LEEDS, 3 May 2028.** Northfold today launched Pen Check, a text service for lambing notes.\n\n**The problem for small farms.** Notes are kept on a whiteboard in the shed and get wiped.\n");
    expect(doc.pressRelease.dateline).toBe("LEEDS, 3 May 2028");
    expect(doc.pressRelease.summary).toMatch(/^Northfold today launched Pen Check/);
    expect(doc.pressRelease.problem).toBe("Notes are kept on a whiteboard in the shed and get wiped.");
  });

  it("takes a review of support tickets as evidence of the pain", () => {
    const doc = docWith({ problem: "Getting a form signed still means printing and posting it. In our review of support tickets, signing requests were the second most common topic." });
    expect(findingsOf(doc, "missing-problem-paragraph")).toEqual([]);
  });

  it("takes a table of targets whose header names the date as a measurable outcome, and not one without a date", () => {
    const table = (header: string) => {
      const doc = parsePrfaqMarkdown("# Lane Text\n\n**BATH, 3 May 2028.** Swimmers book lanes by text.\n\nThe pool phone line is busy every morning.\n\n## Internal FAQ\n\n**How will we measure success?**\n\n| measure | now | " + header + " |\n| --- | --- | --- |\n| lanes booked by text | 0% | 60% |\n");
      return findingsOf(doc, "no-measurable-outcome");
    };
    expect(table("target, season closing 30 June 2028")).toEqual([]);
    expect(table("target")).toHaveLength(1);
  });
});

describe("rules from reading the sixth held-back PR/FAQ set (stop 19)", () => {
  it("reads FAQ parts named by who asks, tags in square brackets and part-lettered numbers", () => {
    const byWho = parsePrfaqMarkdown("# Ferry Slot\n\n**BARRA, 3 May 2028.** Islanders book the car ferry by text.\n\n## Questions islanders ask\n\n**Q: What does it cost?**\nA: Nothing extra.\n\n## What the trustees ask\n\n**Q: C1. Why hasn't anyone done this?**\nA: The operator never asked.\n");
    expect(byWho.externalFaq.map((q) => q.question)).toEqual(["What does it cost?"]);
    expect(byWho.internalFaq.map((q) => q.question)).toEqual(["Why hasn't anyone done this?"]);
    const tagged = parsePrfaqMarkdown("# Ferry Slot\n\n**BARRA, 3 May 2028.** Islanders book the car ferry by text.\n\n## FAQ\n\n**[External] What does it cost?** Nothing extra.\n\n**[Internal] What would make us stop?** Fewer than 100 bookings a week.\n");
    expect(tagged.internalFaq.map((q) => q.question)).toEqual(["What would make us stop?"]);
  });

  it("takes a first heading that names the document ('X - PR/FAQ', 'X: press release and FAQ') as its title, not its headline or its FAQ", () => {
    for (const title of ["Ferry Slot - PR/FAQ", "Ferry Slot: press release and FAQ"]) {
      const doc = parsePrfaqMarkdown(`# ${title}\n\n## Islanders book the car ferry by text\n\n### For islanders who drive to the mainland\n\n**BARRA, 3 May 2028.** Islanders book the car ferry by text.\n`);
      expect(doc.pressRelease.heading, title).toBe("Islanders book the car ferry by text");
      expect(doc.pressRelease.subheading, title).toBe("For islanders who drive to the mainland");
      expect(doc.pressRelease.dateline, title).toBe("BARRA, 3 May 2028");
    }
  });

  it("reads a revision note with a date as a note, not as the dateline", () => {
    const doc = parsePrfaqMarkdown("# Ferry Slot\n\nRevision 2, 20 January 2028. Rewritten after the pilot.\n\n**BARRA, 3 May 2028.** Islanders book the car ferry by text.\n");
    expect(doc.pressRelease.dateline).toBe("BARRA, 3 May 2028");
  });

  it("fires too-many-features when the release counts four or more of its own services, and solution-first on 'looking for new markets'", () => {
    expect(findingsOf(docWith({ subheading: "Crofters get five services under one login: rota, feed orders, vet bookings, grants and sales." }), "too-many-features")).toHaveLength(1);
    expect(findingsOf(docWith({ subheading: "Crofters get two services under one login." }), "too-many-features")).toEqual([]);
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Why ferries?", answer: "The engine is proven and we are looking for new markets with a lot of bookings." });
    expect(findingsOf(doc, "solution-first-thinking")).toHaveLength(1);
  });

  it("fires skipping-the-iteration on '(FINAL)' and 'no review round and no further drafts'", () => {
    expect(findingsOf(docWith({ summary: "Ferry Slot PR/FAQ, draft 1 (FINAL). There will be no review round and no further drafts." }), "skipping-the-iteration", { version: 2, revised: false })).toHaveLength(1);
  });
});
