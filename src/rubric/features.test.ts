import { describe, expect, it } from "vitest";
import { lintMarkdown } from "./index.js";
import { capabilitiesIn } from "./features.js";
import { listItems } from "./lists.js";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

// Every sentence here is written for these tests (a lane-booking product for public pools); none comes from a
// fixture. Each test names the general pattern it checks.

describe("too-many-features", () => {
  it("fires on a list of four or more features in the opening, counting the items", () => {
    const s = "LaneLine adds lane booking, swim-lesson sign-up, a locker finder, a café pre-order and a parking pass to your pool's app.";
    const [f] = findingsOf(docWith({ summary: s }), "too-many-features");
    expect(f).toMatchObject({ severity: "high", evidence: s });
    expect(f?.message).toContain("lists 5 features");
  });

  it("fires on a list introduced as what the product has, outside the opening", () => {
    const s = "LaneLine fixes that with bookings, reminders, waiting lists, lane maps and payments.";
    const doc = docWith({ problem: `Swimmers are turned away 2,300 times a month across our three pools. ${s}` });
    expect(findingsOf(doc, "too-many-features")).toEqual([expect.objectContaining({ evidence: s })]);
  });

  it("does not fire on the steps of one benefit", () => {
    expect(findingsOf(cleanDoc(), "too-many-features")).toEqual([]);
  });

  it("does not fire on a list of integrations", () => {
    const doc = docWith({ solution: "LaneLine works with Legend, Gladstone, Xplor and ClubRight, so the desk sees every booking." });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("does not count clauses joined by 'and' as list items", () => {
    const s = "With LaneLine, a swimmer picks a lane and a time and gets a reminder an hour before.";
    expect(listItems(s)).toEqual([]);
    expect(findingsOf(docWith({ solution: s }), "too-many-features")).toEqual([]);
  });

  it("counts list items, keeping the first item's own words", () => {
    expect(listItems("It adds lane booking, locker finding, a café menu and a parking pass.")).toEqual([
      "It adds lane booking",
      "locker finding",
      "a café menu",
      "a parking pass",
    ]);
  });

  it("counts one job described with two or three verbs in one sentence as one feature", () => {
    for (const s of [
      "LaneLine books the lane and texts the swimmer a reminder.",
      "LaneLine holds a lane for each booked swimmer, releases it after ten minutes and offers it to the waiting list.",
      "The desk tablet opens lanes, closes them for lessons and moves the booked swimmers, so nobody argues at the desk.",
    ]) {
      expect(capabilitiesIn(s), s).toEqual([]);
      expect(findingsOf(docWith({ solution: s }), "too-many-features"), s).toEqual([]);
    }
  });

  it("raises no false too-many-features on a single-job product written in several verb-rich sentences", () => {
    const doc = docWith({
      summary: "LaneLine launched today for council-run pools. It books a lap lane, reminds the swimmer and frees the lane when nobody turns up.",
      solution: "A swimmer picks a lane and a time; LaneLine confirms the slot by text and moves it when the pool closes a lane. The duty manager sees bookings, late arrivals, no-shows and closed lanes on one screen.",
      howItWorks: "LaneLine texts the swimmer at each change (booked, moved, cancelled, lane closed) for £149 per pool per month.",
    });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("counts four or more verb phrases sharing one subject as separate capabilities", () => {
    const s = "LaneLine books lanes, sells swim lessons, rents lockers and takes café orders.";
    expect(capabilitiesIn(s)).toHaveLength(4);
    const [f] = findingsOf(docWith({ solution: s }), "too-many-features");
    expect(f?.message).toContain("lists 4 features");
  });

  it("counts verbs after 'lets you' or 'can' the same way", () => {
    expect(capabilitiesIn("Swimmers can book lanes, pay for lessons, hire lockers and order coffee.")).toHaveLength(4);
    expect(capabilitiesIn("LaneLine lets swimmers book a lane and pay for it.")).toEqual([]);
  });

  it("counts a list of activities or tools as capabilities, whatever verb leads into it", () => {
    const s = "The desk tablet handles lane booking, lesson scheduling, locker hire and a café ordering screen.";
    expect(capabilitiesIn(s)).toHaveLength(4);
    expect(findingsOf(docWith({ solution: s }), "too-many-features")).toHaveLength(1);
  });

  it("counts a list handed over by a short label and a colon", () => {
    const s = "Inside the app: lane booking, lesson sign-up, locker hire, café orders and parking passes.";
    expect(capabilitiesIn(s)).toHaveLength(5);
  });

  it("reads a heading that is only a list as a feature list", () => {
    const [f] = findingsOf(docWith({ heading: "Lane Booking, Swim Lessons, Lockers and Café Orders in One App" }), "too-many-features");
    expect(f?.message).toContain("The opening lists 4 features");
  });

  it("does not count what one action touches, who it is for, asides or dates as capabilities", () => {
    for (const s of [
      "The duty manager sees bookings, cancellations, late arrivals and empty lanes on one screen.",
      "It adapts to every pool, every timetable and every lane plan.",
      "LaneLine texts the swimmer at each change (booked, moved, cancelled, lane closed).",
      "For council pools: lap swimmers, parents, coaches and duty managers.",
      "LaneLine comes with a lane plan for swimmers, parents, coaches and duty managers.",
    ]) {
      expect(capabilitiesIn(s), s).toEqual([]);
      expect(findingsOf(docWith({ solution: s }), "too-many-features"), s).toEqual([]);
    }
  });

  it("counts each item of a bulleted feature list, and not the steps of one job or a list of results", () => {
    const items = ["Lane booking", "Swim-lesson sign-up", "Locker hire", "Café pre-orders", "Parking passes", "Gym inductions"];
    const doc = docWith({ solution: ["Every pool gets:", ...items].join("\n\n") });
    const [f] = findingsOf(doc, "too-many-features");
    expect(f).toMatchObject({ evidence: "Every pool gets:" });
    expect(f?.message).toContain("lists 6 features");
    const steps = ["The swimmer picks a lane.", "LaneLine texts a code.", "The swimmer shows the code at the turnstile.", "Then the lane light turns green."];
    expect(findingsOf(docWith({ solution: ["Here is how it works:", ...steps].join("\n\n") }), "too-many-features")).toEqual([]);
    const results = ["21% fewer swimmers turned away", "4 minutes saved per booking", "3 lane plans a week instead of 15", "90% of bookings made the evening before"];
    expect(findingsOf(docWith({ solution: ["In the eight-week trial:", ...results].join("\n\n") }), "too-many-features")).toEqual([]);
  });

  it("reads a markdown bulleted list of twelve features as one list, however it is marked", () => {
    const features = [
      "Lane booking", "Swim-lesson sign-up", "Locker hire", "Café pre-orders", "Parking passes", "Gym inductions",
      "Sauna slots", "Kids' party booking", "Aqua-fit classes", "Member cards", "Gift vouchers", "Towel hire",
    ];
    for (const marker of ["-", "*", "1."]) {
      const markdown = [
        "# LaneLine: Everything for Your Pool",
        "## For council-run swimming pools",
        "LEEDS, England, May 4, 2027 — LaneLine launches today for council-run pools in England.",
        "At peak hours one lap swimmer in five is turned away at the door.",
        "LaneLine gives every pool:",
        features.map((f) => `${marker} ${f}`).join("\n"),
        '"We built it for every pool in the country," said Ruth Adeyemi, founder of LaneLine.',
        "Visit laneline.example.",
      ].join("\n\n");
      const { prfaq, findings } = lintMarkdown(markdown);
      expect(prfaq.pressRelease.solution.split("\n\n"), marker).toEqual(["LaneLine gives every pool:", ...features]);
      const f = findings.find((x) => x.check === "too-many-features");
      expect(f?.message, marker).toContain("lists 12 features");
    }
  });
});
