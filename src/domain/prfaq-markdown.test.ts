import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../test/helpers/property.js";
import { parsePrfaqMarkdown, renderPrfaqMarkdown } from "./prfaq-markdown.js";
import { emptyPrfaq, PRESS_RELEASE_SECTIONS, PrfaqSchema, type FaqItem, type Prfaq } from "./prfaq.js";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/prfaqs/${name}`, import.meta.url), "utf8");

function doc(pr: Partial<Prfaq["pressRelease"]>, externalFaq: FaqItem[] = [], internalFaq: FaqItem[] = [], title = ""): Prfaq {
  const d = emptyPrfaq(title);
  return { ...d, pressRelease: { ...d.pressRelease, ...pr }, externalFaq, internalFaq };
}

const FULL = doc(
  {
    heading: "RefillReady Ends the Refill Phone Tag",
    subheading: "Pet owners request refills by text",
    dateline: "BOISE, Idaho, April 1, 2027",
    summary: "RefillReady launched today for vet clinics.",
    problem: "Refill calls are 31% of a front desk's calls.",
    solution: "With RefillReady, the owner texts and the vet approves in one tap.",
    leaderQuote: '"We want every refill answered the same day," said Sam Okafor, founder of RefillReady.',
    howItWorks: "Clinics turn it on in an afternoon for $119 per month.",
    customerQuote: '"I used to call back twenty owners every morning," said Elena Ruiz, front-desk lead at Riverside Animal Clinic.',
    callToAction: "Start a free trial at refillready.example.",
  },
  [{ question: "How much does it cost?", answer: "$119 per clinic per month." }],
  [{ question: "What would make us stop?", answer: "Calls down less than 30% in 60 days." }],
  "RefillReady",
);

describe("renderPrfaqMarkdown", () => {
  it("renders the sections in order, the dateline leading the summary, FAQ items in bold", () => {
    expect(renderPrfaqMarkdown(FULL)).toBe(
      [
        "# RefillReady Ends the Refill Phone Tag",
        "## Pet owners request refills by text",
        "BOISE, Idaho, April 1, 2027 — RefillReady launched today for vet clinics.",
        FULL.pressRelease.problem,
        FULL.pressRelease.solution,
        FULL.pressRelease.leaderQuote,
        FULL.pressRelease.howItWorks,
        FULL.pressRelease.customerQuote,
        FULL.pressRelease.callToAction,
        "## Frequently Asked Questions",
        "### External FAQ",
        "**How much does it cost?** $119 per clinic per month.",
        "### Internal FAQ",
        "**What would make us stop?** Calls down less than 30% in 60 days.",
      ].join("\n\n") + "\n",
    );
  });

  it("labels sections with invisible comments only when positions would be ambiguous", () => {
    const gap = { ...FULL, pressRelease: { ...FULL.pressRelease, problem: "", solution: "Owners text the clinic and the vet replies." } };
    const md = renderPrfaqMarkdown(gap);
    expect(md).toContain("<!-- prfaq:solution -->\nOwners text the clinic");
    expect(parsePrfaqMarkdown(md)).toEqual(gap);
    expect(renderPrfaqMarkdown(FULL)).not.toContain("<!--");
  });

  it("keeps a title the heading does not imply, and a drafter-style dateline", () => {
    const odd = { ...FULL, title: "Project RR", pressRelease: { ...FULL.pressRelease, dateline: "April 1, 2027 (assumed launch date; the brief gives none) —" } };
    expect(parsePrfaqMarkdown(renderPrfaqMarkdown(odd))).toEqual(odd);
  });

  it("keeps sections of several paragraphs, and an answer paragraph that reads like an FAQ heading, in place", () => {
    const long = {
      ...FULL,
      pressRelease: {
        ...FULL.pressRelease,
        summary: "RefillReady launched today for vet clinics.\n\nOwners text, vets tap.",
        leaderQuote: `${FULL.pressRelease.leaderQuote}\n\n"It started at our own desk," said Sam Okafor.`,
      },
      internalFaq: [{ question: "Who asks what?", answer: "Two parts.\n\nCustomer FAQ\n\nWhy now? Because the calls grew." }],
    };
    const md = renderPrfaqMarkdown(long);
    expect(md).toContain("<!-- prfaq:answer -->\nCustomer FAQ");
    expect(parsePrfaqMarkdown(md)).toEqual(long);
  });

  it("escapes HTML and block syntax in every field, and reads the escaped text back exactly", () => {
    const hostile = {
      ...FULL,
      title: "<!-- x --> <script>",
      pressRelease: {
        ...FULL.pressRelease,
        heading: "# RefillReady <img src=x onerror=alert(1)>",
        problem: "> Calls\n\n- one\n\n1. two\n\n--- <!-- hidden",
        solution: "Text `<script>alert(1)</script>` &lt; a\\*b",
      },
      externalFaq: [{ question: "<b>How</b> much?", answer: "## $119\n\n| a | b |" }],
    };
    const md = renderPrfaqMarkdown(hostile);
    expect(md).not.toMatch(/<(?:script|img|b>|!-- (?!prfaq:))/);
    expect(md).toContain("# \\# RefillReady &lt;img");
    expect(parsePrfaqMarkdown(md)).toEqual(hostile);
  });

  it("round-trips the shared fixtures after one parse", () => {
    for (const name of ["strong-refillready.md", "weak-launch-announcement.md"]) {
      const parsed = parsePrfaqMarkdown(fixture(name));
      expect(parsePrfaqMarkdown(renderPrfaqMarkdown(parsed))).toEqual(parsed);
    }
  });
});

// Realistic words, including the ones the parser reacts to (quotes, "said", prices, dates, FAQ words, HTML, escapes).
const WORDS = [
  "the", "clinic", "owners", "wait", "hours", "for", "refills", "with", "RefillReady", "now", "said", "founder", "CEO", "of",
  "Elena", "Ruiz", "customer", "$119", "per", "month", "start", "sign", "up", "at", "refillready.example", "today", "April",
  "1,", "2027", "—", "Boise,", "Idaho,", "58%", "problem", "FAQ", "Internal", "questions", "visit", "\"We", "want\"", "free",
  "trial", "why?", "how", "much", "does", "it", "cost?", "Q3", "in", "one", "tap", "Project", "Falcon", "API", "<b>", "&lt;", "a\\*b",
];
// Lean on purpose (10,000 documents must stay quick): words and paragraphs are picked by index, and the document is
// built directly, without a schema parse.
const sentence = fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 8 }).map((w) => w.map((i) => WORDS[i]).join(" "));
// Paragraphs the parser has opinions about: FAQ part labels, questions, datelines, attributed quotes, prices, and
// paragraphs that would open a markdown block or raw HTML if they were not escaped.
const TRICKY = [
  "Customer FAQ", "Internal FAQ", "Frequently Asked Questions", "Internal questions", "Q & A", "FAQ", "Internal", "External",
  "Why now?", "How much does it cost?", "SEATTLE — the clinic", "April 1, 2027", "BOISE, Idaho, April 1, 2027 — today",
  "\"We want it,\" said Elena Ruiz, founder of RefillReady.", "\"I used to wait,\" said Elena Ruiz, a customer.", "$119 per month.",
  "Visit refillready.example.", "The Problem", "Solution:", "For immediate release",
  "# Not a heading", "- not a list", "1. not a list", "> not a quote", "--- not a rule", "<!-- not a comment -->", "<script>alert(1)</script>",
];
const paragraph = fc.oneof(
  { weight: 4, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 2 }).map((s) => s.join(". ")) },
  { weight: 1, arbitrary: fc.nat(TRICKY.length - 1).map((i) => TRICKY[i] ?? "") },
);
const field = fc.oneof(fc.constant(""), paragraph);
// Sections of one to three paragraphs: a PR/FAQ's sections often run to more than one.
const several = fc.array(paragraph, { minLength: 2, maxLength: 3 }).map((p) => p.join("\n\n"));
const multi = fc.oneof(field, several);
const item = fc.record({ question: sentence.map((s) => `${s}?`), answer: multi });
const docArb: fc.Arbitrary<Prfaq> = fc.record({
  title: fc.oneof(fc.constant(""), sentence),
  pressRelease: fc.record({
    heading: field, subheading: field, dateline: field, summary: multi, problem: multi, solution: multi,
    leaderQuote: multi, howItWorks: multi, customerQuote: multi, callToAction: multi,
  }),
  externalFaq: fc.array(item, { maxLength: 3 }),
  internalFaq: fc.array(item, { maxLength: 3 }),
});

// The round-trip domain: no paragraph opens with the reader's own Q:/A: syntax (markdown block syntax is escaped).
const BLOCKY = /^(?:Q|A|Question|Answer)\s*\d*\s*[:.)]/i;
const paragraphsOf = (d: Prfaq) => [...Object.values(d.pressRelease), ...[...d.externalFaq, ...d.internalFaq].map((f) => f.answer)].map((t) => t.split("\n\n"));
const inDomain = (d: Prfaq) => paragraphsOf(d).every((ps) => ps.every((p) => !BLOCKY.test(p)));

describe("round trip (property)", () => {
  it("parse(render(doc)) equals doc over 10,000 documents, sections of several paragraphs included", () => {
    let severalParagraphs = 0;
    const params = propertyParams<[Prfaq]>(10_000);
    fc.assert(
      fc.property(docArb.filter(inDomain), (d) => {
        if (paragraphsOf(d).some((ps) => ps.length > 1)) severalParagraphs++;
        const back = parsePrfaqMarkdown(renderPrfaqMarkdown(d));
        // Compared as JSON first (the generator builds keys in the parser's order), with a full diff on a mismatch.
        if (JSON.stringify(back) !== JSON.stringify(d)) expect(back).toEqual(d);
      }),
      params,
    );
    // The generator does produce what the property is about: most documents have a section of several paragraphs.
    expect(severalParagraphs).toBeGreaterThan((params.numRuns ?? 0) / 2);
  });
});

describe("parsePrfaqMarkdown never throws", () => {
  it("on arbitrary strings, returning a valid document", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        expect(PrfaqSchema.safeParse(parsePrfaqMarkdown(s)).success).toBe(true);
      }),
      propertyParams(500),
    );
  });

  it("on arbitrary markdown-like lines", () => {
    const line = fc.oneof(
      fc.constantFrom("#", "## FAQ", "### Internal", "Q:", "A:", "**", "**Q?**", "1.", "- ", "> ", "---", "===", "<!-- prfaq:problem -->", "<!-- prfaq:title \"x -->", "", "SEATTLE –", "(March 3, 2027) –"),
      sentence,
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        expect(PrfaqSchema.safeParse(parsePrfaqMarkdown(lines.join("\n"))).success).toBe(true);
      }),
      propertyParams(500),
    );
  });
});

const qa = (question: string, answer: string) => ({ question, answer });

describe("parsePrfaqMarkdown: datelines", () => {
  it.each([
    ["BOISE, Idaho, April 1, 2027 — RefillReady launched today.", "BOISE, Idaho, April 1, 2027"],
    ["SEATTLE – (March 3, 2027) – RefillReady launched today.", "SEATTLE – (March 3, 2027)"],
    ["London, 15 January 2027: RefillReady launched today.", "London, 15 January 2027"],
    ["2027-03-03 — RefillReady launched today.", "2027-03-03"],
    ["SEATTLE — RefillReady launched today.", "SEATTLE"],
    ["April 1, 2027 (assumed launch date) — RefillReady launched today.", "April 1, 2027 (assumed launch date)"],
  ])("reads %j", (line, dateline) => {
    const d = parsePrfaqMarkdown(`# RefillReady\n\n${line}\n\nRefill calls are 31% of calls.`);
    expect(d.pressRelease.dateline).toBe(dateline);
    expect(d.pressRelease.summary).toBe("RefillReady launched today.");
  });

  it("takes the next paragraph as the summary when the dateline stands alone", () => {
    const d = parsePrfaqMarkdown("# RefillReady\n\n2027-03-03\n\nRefillReady launched today.\n\nOwners wait a day.");
    expect(d.pressRelease).toMatchObject({ dateline: "2027-03-03", summary: "RefillReady launched today.", problem: "Owners wait a day." });
  });

  it("does not mistake a sentence that starts with a date for a dateline", () => {
    const d = parsePrfaqMarkdown("# X\n\nIn March 2027, clinics lost 31% of calls to refills.");
    expect(d.pressRelease).toMatchObject({ dateline: "", summary: "In March 2027, clinics lost 31% of calls to refills." });
  });
});

describe("parsePrfaqMarkdown: press release without labels", () => {
  const body = [
    "RefillReady Ends Refill Phone Tag",
    "Pet owners get refills answered the same day",
    "BOISE, Idaho, April 1, 2027 — RefillReady launched today for vet clinics.",
    "Front desks spend a third of their calls on refills, and owners wait a day for answers.",
    "With RefillReady, owners text a request and the vet approves it in one tap.",
    '"I used to keep twenty callbacks on a notepad," said Elena Ruiz, front-desk lead at Riverside Animal Clinic.',
    "Clinics turn it on in an afternoon for $119 per month.",
    '"We want every refill answered the same day," said Sam Okafor, founder and CEO of RefillReady.',
    "Clinics can start a free trial at refillready.example.",
  ];
  const d = parsePrfaqMarkdown(body.join("\n\n"));

  it("finds heading and subheading with no markdown headings", () => {
    expect(d.pressRelease).toMatchObject({ heading: body[0], subheading: body[1], dateline: "BOISE, Idaho, April 1, 2027" });
    expect(d.title).toBe("RefillReady");
  });

  it("assigns quotes by attribution, not position", () => {
    expect(d.pressRelease.leaderQuote).toBe(body[7]);
    expect(d.pressRelease.customerQuote).toBe(body[5]);
  });

  it("assigns prose by position and content (price to how it works, link to call to action)", () => {
    expect(d.pressRelease).toMatchObject({ problem: body[3], solution: body[4], howItWorks: body[6], callToAction: body[8] });
  });

  it("reads labelled sections as headings or inline labels", () => {
    const labelled = parsePrfaqMarkdown(
      "# Acme\n\n## The Problem\n\nOwners wait a day.\n\nThey phone twice.\n\n**Solution:** Text the clinic.\n\n## Pricing and availability\n\n$119 per month.",
    );
    expect(labelled.pressRelease).toMatchObject({ problem: "Owners wait a day.\n\nThey phone twice.", solution: "Text the clinic.", howItWorks: "$119 per month." });
  });

  it("reads the title from YAML front matter", () => {
    expect(parsePrfaqMarkdown("---\ntitle: Refill Ready\n---\n# RefillReady Ends Phone Tag\n").title).toBe("Refill Ready");
  });
});

// Quotes written for this test; none comes from a fixture.
describe("parsePrfaqMarkdown: a spokesperson quote is never taken for the customer quote", () => {
  const SPOKESPERSON = [
    '"We want the plan waiting when the call ends," says Amara Okafor, founder of KickoffKit.',
    '"We want the plan waiting when the call ends," said Amara Okafor, KickoffKit\'s chief executive.',
    'Amara Okafor, who founded KickoffKit, explains: "We want the plan waiting when the call ends."',
    'According to Amara Okafor, head of product at KickoffKit, "the plan should be waiting when the call ends."',
    '"We want the plan waiting when the call ends," a spokesperson for KickoffKit said.',
    '"We want the plan waiting when the call ends." — Amara Okafor, co-founder and CEO',
    '"Agencies should not lose an evening to a write-up," adds Ben Ito, who runs KickoffKit\'s agency team.',
  ];
  const CUSTOMER = [
    'A project lead who tested the prompt at a 12-person studio describes it: "I used to spend my Monday evening on the plan; now I fix two lines."',
    '"I used to spend my Monday evening on the plan; now I fix two lines," said Priya Shah, project lead at Northwind Design in Bristol.',
    'One operations manager who tried it in the spring puts it simply: "I used to spend my Monday evening on the plan; now I fix two lines."',
  ];
  const page = (...quotes: string[]) =>
    [
      "# KickoffKit Turns a Kickoff Call into a Plan",
      "LONDON, May 12, 2027 — KickoffKit opens today for project leads at agencies.",
      "Project leads spend 3 hours writing up each kickoff call.",
      "With KickoffKit, the plan is drafted from the transcript.",
      quotes[0],
      "It costs £24 per project lead per month.",
      quotes[1],
      "Join the waiting list at kickoffkit.example.",
    ]
      .filter((p): p is string => p !== undefined)
      .join("\n\n");

  it.each(SPOKESPERSON)("alone, it is the leader quote: %s", (spokesperson) => {
    const pr = parsePrfaqMarkdown(page(spokesperson)).pressRelease;
    expect(pr.leaderQuote).toBe(spokesperson);
    expect(pr.customerQuote).toBe("");
  });

  it.each(SPOKESPERSON.flatMap((s) => CUSTOMER.map((c) => [s, c])))("beside a customer, before or after it, it is still the leader quote: %s / %s", (spokesperson, customer) => {
    for (const order of [[spokesperson, customer], [customer, spokesperson]]) {
      const pr = parsePrfaqMarkdown(page(...order)).pressRelease;
      expect(pr.leaderQuote).toBe(spokesperson);
      expect(pr.customerQuote).toBe(customer);
    }
  });

  it("a customer's quote alone, attributed by description or by name, is the customer quote", () => {
    for (const customer of CUSTOMER) {
      const pr = parsePrfaqMarkdown(page(customer)).pressRelease;
      expect(pr.customerQuote, customer).toBe(customer);
      expect(pr.leaderQuote, customer).toBe("");
    }
  });
});

describe("parsePrfaqMarkdown: FAQ formats", () => {
  const faq = (text: string) => parsePrfaqMarkdown(`# X\n\nSummary here.\n\n${text}`);

  it("reads Q:/A: pairs under a plain 'FAQ' line", () => {
    expect(faq("FAQ\nQ: When can I get it?\nA: Soon.\n\nQ: Price?\nA: $5.").externalFaq).toEqual([qa("When can I get it?", "Soon."), qa("Price?", "$5.")]);
  });

  it("reads bold questions with the answer on the same or next line", () => {
    expect(faq("## FAQ\n\n**How much?** $119.\n\n**Which systems?**\nCornerstone and ezyVet.").externalFaq).toEqual([
      qa("How much?", "$119."),
      qa("Which systems?", "Cornerstone and ezyVet."),
    ]);
  });

  it("reads numbered questions, bold or plain", () => {
    expect(faq("## Frequently Asked Questions\n\n1. **How much?** $119.\n2. What if it fails? We call you.").externalFaq).toEqual([
      qa("How much?", "$119."),
      qa("What if it fails?", "We call you."),
    ]);
  });

  it("reads ### questions with multi-paragraph answers", () => {
    expect(faq("## FAQ\n\n### 1. How much does it cost?\nNothing.\n\nThe district pays.\n\n### Who sees my number?\nOnly us.").externalFaq).toEqual([
      qa("How much does it cost?", "Nothing.\n\nThe district pays."),
      qa("Who sees my number?", "Only us."),
    ]);
  });

  it.each([
    ["### Customer FAQ", "### Internal FAQ"],
    ["### For clinics and pet owners", "### Internal"],
    ["### External FAQ", "### Internal questions"],
  ])("splits the parts under %j and %j", (ext, int) => {
    const d = faq(`## Frequently Asked Questions\n\n${ext}\n\n**A?** a.\n\n${int}\n\n**B?** b.`);
    expect(d.externalFaq).toEqual([qa("A?", "a.")]);
    expect(d.internalFaq).toEqual([qa("B?", "b.")]);
  });

  it("reads a top-level 'Internal FAQ' heading and 'Customer FAQ' lines without markdown", () => {
    expect(faq("## Internal FAQ\n\n**Cost?** $14.").internalFaq).toEqual([qa("Cost?", "$14.")]);
    const d = faq("Customer FAQ\n\nQ: Price?\nA: $5.\n\nInternal FAQ\n\nQ: Margin?\nA: 88%.");
    expect([d.externalFaq, d.internalFaq]).toEqual([[qa("Price?", "$5.")], [qa("Margin?", "88%.")]]);
  });

  it("reads plain question paragraphs when no question is marked up", () => {
    expect(faq("Frequently Asked Questions\n\nWhat is Vibe? A social network.\n\nIs it free? Yes.").externalFaq).toEqual([
      qa("What is Vibe?", "A social network."),
      qa("Is it free?", "Yes."),
    ]);
  });
});

describe("renderPrfaqMarkdown remembers what it rendered, by content", () => {
  it("renders a document once, and again after the document changed", () => {
    const d = structuredClone(FULL);
    const first = renderPrfaqMarkdown(d);
    expect(renderPrfaqMarkdown(d)).toBe(first);
    expect(renderPrfaqMarkdown(structuredClone(d))).toBe(first);
    d.pressRelease.heading = "RefillReady Ends Phone Tag for Good";
    d.internalFaq.push({ question: "Who builds it?", answer: "Two engineers." });
    const second = renderPrfaqMarkdown(d);
    expect(second).toContain("# RefillReady Ends Phone Tag for Good");
    expect(second).toContain("**Who builds it?** Two engineers.");
    expect(parsePrfaqMarkdown(second)).toEqual(d);
  });
});

// Layouts seen in hand-written PR/FAQs; every document here is written for the test.
describe("parsePrfaqMarkdown: layouts of hand-written PR/FAQs", () => {
  it.each([
    ["bold", "**LEEDS, 4 May 2027** - KilnBook launched today for pottery studios."],
    ["italic", "*LEEDS, 4 May 2027* — KilnBook launched today for pottery studios."],
  ])("reads a dateline set in %s without its emphasis", (_how, line) => {
    const d = parsePrfaqMarkdown(`# KilnBook\n\n${line}\n\nPotters wait a week for a kiln slot.`);
    expect(d.pressRelease).toMatchObject({ dateline: "LEEDS, 4 May 2027", summary: "KilnBook launched today for pottery studios." });
  });

  it("takes a line set wholly in italics between the heading and the dateline as the subheading, even a full sentence", () => {
    const standfirst = "Pottery studios with one shared kiln let members book a firing from their phone instead of a clipboard by the kiln room door.";
    const d = parsePrfaqMarkdown(`# KilnBook\n\n*${standfirst}*\n\nLEEDS, 4 May 2027 — KilnBook launched today.\n\nPotters wait a week for a slot.`);
    expect(d.pressRelease).toMatchObject({ subheading: standfirst, summary: "KilnBook launched today.", problem: "Potters wait a week for a slot." });
  });

  it("adds a third heading before the body to the subheading", () => {
    const d = parsePrfaqMarkdown("# KilnBook\n\n## Book the kiln from your phone\n\n### For members of shared pottery studios\n\nLEEDS, 4 May 2027 — KilnBook launched today.");
    expect(d.pressRelease.subheading).toBe("Book the kiln from your phone\n\nFor members of shared pottery studios");
  });

  it("puts prose before the dateline (a note ahead of the release) at the head of the summary, not in the problem paragraph", () => {
    const note = "This draft is for the studio owners' meeting in June.";
    const d = parsePrfaqMarkdown(`# KilnBook\n\n${note}\n\n## Press release\n\nLEEDS, 4 May 2027 — KilnBook launched today.\n\nPotters wait a week for a slot.`);
    expect(d.pressRelease).toMatchObject({ summary: `${note}\n\nKilnBook launched today.`, problem: "Potters wait a week for a slot." });
  });

  it("reads an FAQ part headed 'from inside' the company as internal, and a question tagged (internal) as internal wherever it stands", () => {
    const d = parsePrfaqMarkdown(
      [
        "# KilnBook",
        "## FAQ",
        "### Questions potters ask",
        "**How much is it?** £20 a month.",
        "**Q (internal): What if a studio-software firm copies it?** We compete on price.",
        "### Questions from inside Clayworks",
        "**What does it cost to run?** £3 a studio a month.",
      ].join("\n\n"),
    );
    expect(d.externalFaq.map((f) => f.question)).toEqual(["How much is it?"]);
    expect(d.internalFaq.map((f) => f.question)).toEqual(["What if a studio-software firm copies it?", "What does it cost to run?"]);
  });

  it("takes a paragraph that introduces a person and then quotes them at length as the customer quote", () => {
    const quote =
      'Maya Lind teaches evening classes at a studio in Hebden Bridge. "Before, the kiln sheet was a mess of crossings-out and two people turned up for the same firing every week. Now the bookings sit on my phone and nobody argues at the door."';
    const d = parsePrfaqMarkdown(`# KilnBook\n\nLEEDS, 4 May 2027 — KilnBook launched today.\n\nPotters wait a week for a slot.\n\n${quote}\n\nStudios can sign up at kilnbook.example.`);
    expect(d.pressRelease.customerQuote).toBe(quote);
  });

  it("does not take prose with a few quoted words (a text message, what callers ask) for a quote", () => {
    const prose =
      'Each member gets a text the day before: "Your firing is at 10:00 tomorrow." Studio staff used to answer twenty calls a week asking when the kiln was free, and members told us they gave up on booking.';
    const d = parsePrfaqMarkdown(`# KilnBook\n\nLEEDS, 4 May 2027 — KilnBook launched today.\n\n${prose}\n\nStudios can sign up at kilnbook.example.`);
    expect(d.pressRelease.customerQuote).toBe("");
    expect(d.pressRelease.leaderQuote).toBe("");
  });

  it("takes a list the product 'includes:' as the solution, not the problem", () => {
    const d = parsePrfaqMarkdown(
      "# KilnBook\n\nLEEDS, 4 May 2027 — KilnBook launched today.\n\nKilnBook includes:\n\n- Kiln booking\n- Firing logs\n- Glaze stock counts\n- Member messages\n\nStudios can sign up at kilnbook.example.",
    );
    expect(d.pressRelease.problem).toBe("");
    expect(d.pressRelease.solution).toMatch(/^KilnBook includes:/);
  });
});

describe("parsePrfaqMarkdown: notes before the title, and questions tagged at their end", () => {
  it("takes a top-level # heading after a revision note as the heading, the note opening the summary", () => {
    const md = [
      "_Draft 4 - changed after the pool managers' review._",
      "# LaneLine: a lap lane that is free when you arrive",
      "## Lap swimmers at council pools book a lane from their phone",
      "LEEDS, 4 May 2027 - LaneLine opens today at twelve council pools.",
      "Swimmers are turned away one morning in five.",
    ].join("\n\n");
    const d = parsePrfaqMarkdown(md);
    expect(d.pressRelease.heading).toBe("LaneLine: a lap lane that is free when you arrive");
    expect(d.pressRelease.subheading).toBe("Lap swimmers at council pools book a lane from their phone");
    expect(d.pressRelease.dateline).toBe("LEEDS, 4 May 2027");
    expect(d.pressRelease.summary).toContain("Draft 4");
    expect(d.pressRelease.summary).toContain("LaneLine opens today at twelve council pools.");
  });

  it("puts a question tagged '(internal)' at its end into the internal FAQ, without the tag", () => {
    const md = [
      "# LaneLine",
      "## FAQ",
      "**1. How much does it cost?**",
      "£149 per pool per month.",
      "**2. What if a booking vendor copies it? (internal)**",
      "They could within a year.",
      "**3. Which pools come first? [internal]**",
      "The twelve in the trial.",
    ].join("\n\n");
    const d = parsePrfaqMarkdown(md);
    expect(d.externalFaq.map((f) => f.question)).toEqual(["How much does it cost?"]);
    expect(d.internalFaq).toEqual([
      { question: "What if a booking vendor copies it?", answer: "They could within a year." },
      { question: "Which pools come first?", answer: "The twelve in the trial." },
    ]);
  });
});

describe("parsePrfaqMarkdown: a standfirst with a revision note between it and the dateline", () => {
  const dateline = "LEEDS, 4 May 2027 - LaneLine opens today at twelve council pools.";

  it("reads the line after the title as the subheading when a revision note stands before the dateline", () => {
    for (const standfirst of [
      "**Lap swimmers at council pools book a lane from their phone and find it free when they arrive.**",
      "Lap swimmers at council pools book a lane from their phone and find it free when they arrive.",
    ]) {
      const md = ["# LaneLine: a lap lane that is free when you arrive", standfirst, "Version 3, after the review by two duty managers.", dateline].join("\n\n");
      const d = parsePrfaqMarkdown(md);
      expect(d.pressRelease.subheading, standfirst).toBe("Lap swimmers at council pools book a lane from their phone and find it free when they arrive.");
      expect(d.pressRelease.summary).toMatch(/^Version 3, after the review by two duty managers\.\n\nLaneLine opens today/);
    }
  });

  it("reads a heading below the title and a blockquoted draft note as the subheading", () => {
    const md = ["# LaneLine", "> Draft 2 - changed after the pool managers' review.", "### Lap swimmers book a lane from their phone", dateline].join("\n\n");
    const d = parsePrfaqMarkdown(md);
    expect(d.pressRelease.subheading).toBe("Lap swimmers book a lane from their phone");
    expect(d.pressRelease.summary).toContain("Draft 2");
  });

  it("reads a bold standfirst of up to 60 words before the dateline as the subheading", () => {
    const long =
      "For lap swimmers at council-run pools in West Yorkshire who swim before work and are often turned away at the door, LaneLine books a 45-minute lane slot from their phone the night before, so the lane is free when they arrive and nobody argues at the desk about who was there first.";
    const d = parsePrfaqMarkdown(["# LaneLine", `**${long}**`, dateline].join("\n\n"));
    expect(d.pressRelease.subheading).toBe(long);
  });
});
