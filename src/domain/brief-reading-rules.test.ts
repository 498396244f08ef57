import { describe, expect, it } from "vitest";
import { analyseBrief } from "./analysis.js";
import { markdownTitle } from "./brief.js";
import { extractBriefFacts, statesGoal } from "./brief-facts.js";

// Every text here is written for the test and names the general rule it checks; none comes from a fixture.
const read = (text: string) => extractBriefFacts({ title: markdownTitle(text), text });
const analyse = (text: string) => analyseBrief(read(text));
const blank = { title: "T", customer: "", problem: "", solution: "", evidence: "", business: "", metrics: "", launch: "", risks: "", other: "" };
const economics = (parts: Partial<typeof blank>) => analyseBrief({ ...blank, ...parts }).economics;
const problems = (parts: Partial<typeof blank>) => analyseBrief({ ...blank, ...parts }).economicsProblems.map((p) => p.text);

describe("the title of a brief", () => {
  it("drops emphasis, skips front matter and email headers, and takes an email's subject", () => {
    expect(markdownTitle("**TideTable: berth bookings**\n\nText.")).toBe("TideTable: berth bookings");
    expect(markdownTitle("---\nlayout: post\n---\n# Ferry freight\n")).toBe("Ferry freight");
    expect(markdownTitle("From: Ana\nTo: Raj\nSubject: Two engineers for ferry freight?\n\nRaj,\n")).toBe("Two engineers for ferry freight?");
    expect(markdownTitle("Ferry freight\n\n## Problem\n")).toBe("Ferry freight");
  });
});

describe("a goal is a number to reach by a deadline, wherever it stands", () => {
  it("reads a commitment, not a report of what happened", () => {
    expect(statesGoal("80 kennels live by 30 September 2028.")).toBe(true);
    expect(statesGoal("Fewer than 2% missed feeds within 30 days of switching on.")).toBe(true);
    expect(statesGoal("Bookings rose 40% by March 2026.")).toBe(false);
    expect(statesGoal("We ask for £200,000 by June 2027.")).toBe(false);
    expect(statesGoal("£1.5m of recurring revenue by the end of 2028.")).toBe(true);
  });

  it("puts a goal under a heading that names no part in the success measure, and a start date in the launch", () => {
    const f = read("# Kennel Cam\n\n## Where this ends up\n60 kennels signed by 31 May 2028, each sending 90% of owners a daily clip.\n\n## Off we go\nOpens 1 March 2027 in Bristol.");
    expect(f.metrics).toMatch(/^60 kennels signed/);
    expect(f.launch).toMatch(/^Opens 1 March 2027/);
  });
});

describe("headings named in plain words", () => {
  it("reads how-we-will-know, start, worries and what-happens-now headings", () => {
    const f = read("# Rota\n\n## What happens now\nShifts are swapped by group chat and two go unfilled each week.\n\n## How we will know\nUnfilled shifts under one a month.\n\n## Start\nSpring 2027.\n\n## Things that worry me\nUnions may object.");
    expect(f.problem).toMatch(/^Shifts are swapped/);
    expect(f.metrics).toMatch(/^Unfilled shifts/);
    expect(f.launch).toBe("Spring 2027.");
    expect(f.risks).toBe("Unions may object.");
  });

  it("reads a bold label with its colon inside the bold", () => {
    expect(read("**For:** mobile dog groomers in Ohio; about 1,400 of them.").customer).toMatch(/^mobile dog groomers/);
  });
});

describe("a sentence without a cue continues its paragraph's topic", () => {
  it("keeps a story about the pain together, and a sentence about what we build apart from it", () => {
    const f = read("# Sheet\n\nFarm shops lose a tray of eggs to breakage most weeks. One shop in Kent counted nine trays in March.\n\nWe print a padded carton that clips to the shelf.");
    expect(f.problem).toContain("One shop in Kent counted nine trays in March.");
    expect(f.solution).toBe("We print a padded carton that clips to the shelf.");
  });
});

describe("the customer a brief names without saying so", () => {
  it("is the group an opening sentence is about", () => {
    const f = read("# Racks\n\nCommunity bike workshops in Scotland with two to six volunteers (about 140 workshops) keep donated parts in boxes nobody can search.");
    expect(f.customer).toMatch(/^Community bike workshops in Scotland/);
  });
});

describe("the representative customer", () => {
  it("is a person introduced by an appositive or a verb of work, never a common noun at a sentence's start", () => {
    expect(analyse("## Customer\nHarbour cafés in Devon.\n\n## Problem\nPriya, the café's manager, throws out 30 scones a week.").representative?.name).toBe("Priya");
    expect(analyse("## Customer\nSmall joinery shops.\n\n## Problem\nOwen directs a six-person shop in Hull.").representative?.name).toBe("Owen");
    expect(analyse("## Customer\nSmall joinery shops.\n\n## Problem\nTimber is paid for in cash; the timber arrives late.").representative).toBeNull();
  });
});

describe("stage", () => {
  it("is a hypothesis when the brief says no customer has seen it, whatever else it says", () => {
    const a = analyse("## Customer\nOur 300 customers, billed at renewal.\n\n## Proof\nWe have not shown it to customers yet. The build is finished.");
    expect(a.stage).toBe("hypothesis");
  });

  it("counts a trial named by a label whose results follow in the next sentence", () => {
    const a = analyse("## Customer\nTutoring centres in Leeds.\n\n## Tried\nPilot: 6 weeks, 4 centres. No-shows fell from 18% to 7%.");
    expect(a.stage).toBe("validated");
  });
});

describe("more ways briefs are written (rules written for the test)", () => {
  it("reads figures written in words as numerals, leaving a lone small number and a numeral's scale word alone", async () => {
    const { numeralsFromWords } = await import("./quantities.js");
    expect(numeralsFromWords("about twelve hundred members")).toBe("about 1200 members");
    expect(numeralsFromWords("a hundred and five boats")).toBe("105 boats");
    expect(numeralsFromWords("nine pounds a month")).toBe("9 pounds a month");
    expect(numeralsFromWords("two engineers for one month")).toBe("two engineers for one month");
    expect(numeralsFromWords("$3 million of sales")).toBe("$3 million of sales");
  });

  it("reads question headings and bold lead-in labels ending in a full stop", () => {
    const f = read("# Kiln\n\n**Q: How often does it happen?**\nA firing fails about once a fortnight.\n\n**Q: Has anyone used it?**\nFour studios for six weeks.\n\n**Who it's for.** Pottery studios with two kilns.");
    expect(f.problem).toBe("A firing fails about once a fortnight.");
    expect(f.evidence).toBe("Four studios for six weeks.");
    expect(f.customer).toBe("Pottery studios with two kilns.");
  });

  it("reads labelled items run together in one paragraph, one per label", () => {
    const f = read("# Kiln\n\n(1) **Customer.** Pottery studios. (2) **Price.** $40 a month. (3) **Launch.** 1 May 2027.");
    expect(f.customer).toBe("Pottery studios.");
    expect(f.business).toBe("Price: $40 a month.");
    expect(f.launch).toBe("1 May 2027.");
  });

  it("takes the title heading for the product, not for a part ('Service dates' is not a launch)", () => {
    expect(read("# Service-date tags for kayak hire\n\nKayak hire firms lose paddles.").launch).toBe("");
  });
});

describe("economics problems that decide on their own (rules written for the test)", () => {
  it("a revenue goal larger than the whole market", () => {
    expect(problems({ customer: "Community choirs in Wales; there are about 800 choirs.", business: "£20 per choir per month.", metrics: "£1 million in annual recurring revenue by 31 December 2028." }).join(" ")).toMatch(/more than the whole market/);
  });

  it("a market counted in a label with the build it cannot repay", () => {
    const e = economics({ customer: "Harp makers.", business: "Harp workshops in Ireland: 25. £150 per workshop per month. Build: 4 engineers x 10 months x £9,000 loaded." });
    expect(e.marketCustomers).toBe(25);
    expect(problems({ customer: "Harp makers.", business: "Harp workshops in Ireland: 25. £150 per workshop per month. Build: 4 engineers x 10 months x £9,000 loaded." }).join(" ")).toMatch(/whole market cannot repay/);
  });

  it("a return the brief works out itself", () => {
    expect(economics({ customer: "Our 30 claims clerks.", business: "Return: 2 hours x 30 clerks x 46 working weeks x $40 loaded an hour." }).valuePerYear).toBe(110_400);
  });
});

describe("process", () => {
  it("a built product the document is asked to justify is a decision made after the fact", () => {
    const a = analyse("# Yard board\n\nThe yard board went live at both depots in March. I'd like the PR/FAQ to show the board it was the right call and approve phase 2.");
    expect(a.afterTheFact?.text).toMatch(/right call/);
  });
});

describe("briefs read at stop 18 (rules written for the test)", () => {
  it("reads a run-in heading at a paragraph's start as a label, but not a short sentence", () => {
    const f = read("Subject: Ferry freight slots\n\nWhat we tried. In May we gave 9 hauliers a booking link. Seven used it every week.\n\nMoney. £60 a month per haulier.\n\nHow we'll know. 200 paying hauliers by 1 June 2028.\n\nWe tried. Nobody came back.");
    expect(f.evidence).toMatch(/^In May we gave 9 hauliers/);
    expect(f.business).toMatch(/^£60 a month per haulier/);
    expect(f.metrics).toMatch(/^200 paying hauliers/);
    expect(f.evidence).not.toMatch(/^We tried: /);
  });

  it("names the evidence part by 'what we know' and 'what we found'", () => {
    expect(read("# Pier nets\n\nWhat we know: in a four-week trial 12 anglers rented nets 40 times.").evidence).toMatch(/four-week trial/);
  });

  it("counts a try told with number words and 'we gave N ... a ...' as evidence of use", () => {
    const a = analyse("# Ferry freight\n\n## Evidence\nIn May we gave 9 hauliers a booking link. Seven of them used it every week.");
    expect(a.stage).toBe("validated");
  });

  it("never takes a holiday or 'take' in the middle of a sentence for a representative's name", () => {
    const a = analyse("# Bakery orders\n\nBakers take Easter orders on paper and lose some every year. Priya, who runs a bakery in Leeds, lost nine last Easter.");
    expect(a.representative?.name).toBe("Priya");
  });

  it("prefers a count said like a market to a count of the paying unit that is not ('the 9 hauliers' of a trial)", () => {
    const e = economics({ customer: "Small hauliers.", solution: "It also books return loads, which most of the 9 hauliers also arrange by phone.", business: "£60 a month per haulier. There are around 4,200 independent freight firms in the UK." });
    expect(e.marketCustomers).toBe(4200);
  });

  it("a market labelled in people, and a per-visit price times visits a month stated without a noun", () => {
    const e = economics({ customer: "People who keep horses at livery.", business: "Price: £25 a visit. A horse owner typically needs three a month. Running costs per customer per month: £40. Market: about 9,000 people keep horses at livery in the region." });
    expect(e.pricePerMonth).toBe(75);
    expect(e.marketCustomers).toBe(9000);
  });

  it("keeps a list in the solution as one paragraph per item, its items in the part of the line that opens it", () => {
    const f = read("# Pub hub\n\nPub Hub puts it all in one place.\n\nWhat's in it:\n\n- Table bookings with dynamic pricing\n- A podcast for regulars\n- Staff rota\n\nPrice: £99 a month.");
    expect(f.solution.split("\n\n")).toEqual(["Pub Hub puts it all in one place. What's in it:", "Table bookings with dynamic pricing.", "A podcast for regulars.", "Staff rota."]);
    expect(f.business).toBe("Price: £99 a month.");
  });

  it("counts people in a country as the market ('about 4,000 people in the UK ride ...')", () => {
    expect(economics({ customer: "Unicyclists.", other: "About 4,000 people in the UK ride a unicycle every week.", business: "£12 a month." }).marketCustomers).toBe(4000);
  });

  it("reads a stated return over a season's weeks ('22 weeks of season')", () => {
    expect(economics({ customer: "Our 10 dispatchers.", business: "Value: 2 hours x 10 dispatchers x 20 weeks of season x £30 an hour loaded." }).valuePerYear).toBe(12_000);
  });

  it("a table row labelled with a number names its part ('Success, 12 months after launch')", () => {
    expect(read("# Tally\n\n| | |\n|---|---|\n| Success, 12 months after launch | 300 paying farms |").metrics).toMatch(/300 paying farms/);
  });

  it("finds what the product does in the evidence when no part says it ('a phone checklist that can only be done at the van')", () => {
    expect(read("# Van checks\n\n## What we tried\n4 depots, 6 weeks. A QR code on each van and a phone checklist that can only be done at the van.").solution).toMatch(/phone checklist/);
  });

  it("takes the one the brief says pays for the customer, and the units each one serves ('A typical caterer serves 1,400 children')", () => {
    const e = economics({ customer: "Parents at nurseries.", business: "The caterer pays: €0.50 per child per month. A typical caterer serves 800 children. There are about 700 nursery caterers in Austria." });
    expect(e.pricePerMonth).toBe(400);
    expect(e.lines.find((l) => l.label === "price per customer per month")?.formula).toMatch(/800 children per caterer/);
  });

  it("reads an internal tool's users from 'our night porters (40 of them ...)' and a success measure after 'success ='", () => {
    const f = read("@sam quick one\n\nevery week our night porters (40 of them across 12 sites) key the logbook into a sheet by hand.\n\nsuccess = all 12 sites live by end of Q2, keying under 5 min a night");
    expect(f.customer).toBe("Our 40 night porters.");
    expect(f.metrics).toMatch(/^all 12 sites live/);
  });

  it("with no problem part, takes the solution's sentences of harm today as the problem; skips 'Hi all,' and 'the decision we want'", () => {
    const f = read("Subject: update\n\nHi all,\n\nNow the decision we want your view on.\n\n**The proposal.** Turn the free log into a paid service. Today a yard manager keeps a list and the checks slip. Ana found 9 of her 30 hoists were overdue.");
    expect(f.problem).toMatch(/^Today a yard manager keeps a list and the checks slip\. Ana found 9/);
    expect(f.solution).toMatch(/Turn the free log into a paid service/);
    expect(f.solution).not.toMatch(/Hi all/);
    expect(f.customer).not.toMatch(/decision/);
  });

  it("reads 'sell X a €49-a-month service' as the price wherever it stands", () => {
    expect(economics({ customer: "Sailing clubs.", solution: "We want to sell clubs like hers a €49-a-month service that tags every boat." }).pricePerMonth).toBe(49);
  });

  it("reads amounts written with a currency code ('USD 90 a month', 'GBP 1,500')", () => {
    expect(economics({ customer: "Bowling alleys.", business: "Pricing: USD 90 a month per alley. Cost to serve is about USD 15 a month per alley." })).toMatchObject({ currency: "USD", pricePerMonth: 90, grossMarginPct: 83.33 });
  });

  it("reads a stated return in any order of its figures ('6 hrs/week x 14 staff x £24/hr loaded x 46 working weeks')", () => {
    expect(economics({ customer: "Our lab reception team.", business: "Saving = 5 hrs/week x 12 staff x £20/hr loaded x 40 working weeks." }).valuePerYear).toBe(48_000);
  });

  it("values hours a week per person 'that would go', over 'all 38' of them", () => {
    const e = economics({ customer: "Council contact centre advisers.", solution: "A time study of all 20 advisers: these calls take about 2 hours a week per adviser that would go. Advisers cost £20 an hour loaded." });
    expect(e.valuePerYear).toBe(2 * 20 * 46 * 20);
  });

  it("reads a casual note: its first line as the title only, 'farms that dry their own corn:' as the customer, 'sold 31 ... still running' as paying use", () => {
    const text = "kiln alarm - notes for Jo\n\npotteries that fire their own kilns: someone checks the kiln at 3am.\n\nsold 24 hand-built boxes at a craft fair, 20 still running in spring.";
    const f = read(text);
    expect(f.customer).toBe("Potteries that fire their own kilns.");
    expect(f.problem).toMatch(/^Someone checks the kiln at 3am/);
    expect(f.solution).not.toMatch(/notes for Jo/);
    expect(analyse(text).stage).toBe("growth");
  });

  it("with no customer part, the brief's own count of who could buy names the customer", () => {
    expect(read("Notes\n\nAn app for subs.\n\nPrice: £5 a month per team. There are about 4,000 village cricket clubs in England with junior sections.").customer).toBe("Village cricket clubs in England with junior sections.");
  });

  it("reads 'between five and thirty' as two numbers, 'one pound forty' as £1.40, and 'runs twelve lorries' for a typical customer", () => {
    const e = analyse("# Van checks\n\n1. Who: owners of removal firms running between five and thirty vans.\n2. Price: eight pounds per van per month. A typical firm we spoke to runs ten vans.\n3. Cost to serve: about one pound twenty per van per month.\n4. Market: roughly three thousand removal firms in Britain.").economics;
    expect(e).toMatchObject({ pricePerMonth: 80, costToServePerMonth: 12, marketCustomers: 3000 });
  });

  it("prices per service times the services a month, and heads 'Why hasn't someone done it?' as a risk, not the customer", () => {
    expect(economics({ customer: "Sole-trader locksmiths.", business: "Pricing: £3 per service booked. A typical locksmith books about 40 services a month." }).pricePerMonth).toBe(120);
    const f = read("# Keys\n\n## Who\nSole-trader locksmiths.\n\n## Why hasn't someone done it?\nThe big systems do, but 9 of the 12 locksmiths we met use paper.");
    expect(f.customer).toBe("Sole-trader locksmiths.");
  });

  it("counts 'customers and how many? ...: about 2,300 in Ireland' as the market", () => {
    expect(economics({ customer: "Owners of judo clubs running children's classes: about 1,200 in Ireland and Belgium.", business: "€39 a month per club." }).marketCustomers).toBe(1200);
  });

  it("names the customer from a sentence that opens with an approximate count ('About 5,000 US vets and pet clinics ...'), never a ratio ('for every 3,000 students')", () => {
    expect(read("Notes\n\nWe would text owners.\n\nAbout 5,000 US vets and pet clinics book dental cleanings.").customer).toBe("US vets and pet clinics.");
    expect(economics({ customer: "Final-year students.", solution: "Careers services have about one adviser for every 3,000 students. About 450,000 final-year students in the UK.", business: "£5 a month." }).marketCustomers).toBe(450_000);
  });

  it("seats the representative under the name as the brief writes it in full ('Alan Pryce', 'Frau Huber')", () => {
    expect(analyse("# Launch sheets\n\nAlan Pryce, treasurer of a club in the Cotswolds, types sixty launches each flying day.").representative?.name).toBe("Alan Pryce");
    expect(analyse("# Guest forms\n\nFrau Huber, who has nine rooms near Zell am See, told us it takes an evening.").representative?.name).toBe("Frau Huber");
    expect(analyse("# Lockers\n\n\"I had a binder,\" said Dwayne Carter, who manages a 600-unit facility.").representative?.name).toBe("Dwayne Carter");
  });

  it("prices per shop times a typical customer's shops when the customer 'runs five or more shops', and counts 'About 260 in the UK.'", () => {
    const e = economics({ customer: "Charities that run five or more shops. About 300 in the UK. Typical customer: 12 shops.", business: "£20 per shop per month. Our cost: £4 per shop per month." });
    expect(e).toMatchObject({ pricePerMonth: 240, costToServePerMonth: 48, marketCustomers: 300 });
  });

  it("never seats a compass point ('in the North East') and reads a long appositive ('Maureen Doyle, area manager for 14 shops of ...')", () => {
    expect(analyse("# Pricing\n\nVolunteers guess prices. Maureen Doyle, area manager for 14 shops of a hospice charity in the North East, put it simply: \"We guess.\"").representative?.name).toBe("Maureen Doyle");
  });

  it("reads a label alone on its line ('What we saw:') as the part of the list under it, and 'Market: about 4,000 boatyards ...' as who the customer is", () => {
    const f = read("# Haul-outs\n\nWe ran it at five yards.\n\nWhat we saw:\n- 900 slots booked through it\n- No-shows fell by half\n\nMarket: about 3,000 marinas in the US with a crane.");
    expect(f.evidence).toMatch(/900 slots booked/);
    expect(f.customer).toBe("Marinas in the US with a crane.");
  });

  it("takes the group before a colon as the customer's head noun ('Mobile knife sharpeners: one person with a van ...')", () => {
    expect(economics({ customer: "Mobile bike mechanics: one person with a van, on a round of office car parks. A typical one fixes bikes for 30 offices.", business: "$20 a month. About 2,000 mobile mechanics in the US." }).marketCustomers).toBe(2000);
  });

  it("prices per survey times surveys a month, and keeps 'plus £5 a month per firm' a cost like the amount before it", () => {
    const e = economics({ customer: "Small roofing firms.", business: "We would charge £3 a survey, and a typical firm does about 20 surveys a month; our cost is about £0.50 a survey for transcription, plus £4 a month per firm for hosting." });
    expect(e.pricePerMonth).toBe(60);
    expect(e.costToServePerMonth).not.toBeNull();
    expect(e.grossMarginPct).toBeGreaterThan(50);
  });
});


describe("stop 19: cost lists under a question, an introducing line, a total line, and a use rate in the price's own unit", () => {
  it("adds up a cost list headed by a question about what each unit costs us, with an aside after the heading", () => {
    const f = read("# Quilt Post\n\n3. **Price.** £40 a quilt, one quilt a month.\n\n4. **What each quilt costs us to sew and post** (quotes from two workshops, May):\n   1. fabric and wadding: £21.50\n   2. sewing time: £14.00\n   3. courier: £6.30\n");
    expect(f.business).toMatch(/Cost to serve per quilt: fabric and wadding: £21\.50; sewing time: £14\.00; courier: £6\.30\./);
    // £40 a quilt, one a month, against £41.80 a quilt: a loss once read.
    expect(analyseBrief(f).economics.grossMarginPct).toBe(-4.5);
  });

  it("takes a list's total line as the cost, on the basis the total or the introducing line names", () => {
    const f = read("# Bin Round\n\n## Price\n£20 per bin per month.\n\n## Costs\nOur depot manager costed each collection from last winter's rounds:\n- driver time: £6.10\n- tipping fee: £3.40\n- **Total per collection: £9.50**\n");
    expect(f.business).toMatch(/Costs, per collection: £9\.50\./);
    expect(f.business).not.toMatch(/£6\.10/);
  });

  it("counts uses a month in the price's own unit before any other per-use noun", () => {
    const e = economics({ business: "Each box is packed to order: 2 orders a week reach the packing bench. Price: $30 a box, one box a month. Packing and postage cost us $12 a box." });
    expect(e.pricePerMonth).toBe(30);
    expect(e.grossMarginPct).toBe(60);
  });
});

describe("stop 19: what the team did to learn is not the customer, and a run-on brief splits at its semicolons", () => {
  it("never takes 'interviews' or 'visits' as the paying unit, so the market is the customers counted", () => {
    const e = economics({ customer: "In our interviews with 31 bakery owners, 24 said they waste bread every day.", business: "Price: $9 per oven per month; a typical bakery has 3 ovens. About 9,000 independent bakeries in the US." });
    expect(e.marketCustomers).toBe(9000);
    expect(e.lines.find((l) => l.label === "price per customer per month")?.formula).toBe("$9 a month per oven x 3 ovens per bakery");
  });

  it("reads a paragraph written as one long sentence clause by clause, after its semicolons, even when a clause lists single words", () => {
    const f = read("Kit Run\n\nThe people we build for are stage managers at small theatres who pack props, lights, cables, tape and gaffer for every touring date, and every week they lose at least one item between venues; over the autumn we tracked the kit of nine companies by hand with printed tags and lost items fell from four a month to one; the product scans each tag at load-out and load-in, and flags what is missing before the van leaves; we will charge £25 a month per company and it costs us about £3 a month per company to run; there are about 2,400 small touring theatre companies in the UK.");
    // Each clause is a fact of its own part: the money clause alone is business, the product clause alone is the solution.
    expect(f.business).toBe("we will charge £25 a month per company and it costs us about £3 a month per company to run.");
    expect(f.solution).toMatch(/^the product scans each tag/);
    expect(f.customer).toMatch(/2,400 small touring theatre companies/);
  });
});

describe("stop 19: the person a brief presents as typical is its representative customer", () => {
  const rep = (text: string) => analyse(text).representative?.name;
  it("takes the name in a sentence that calls someone typical, however the sentence is built", () => {
    expect(rep("# Kiln Log\n\nCustomer: small pottery studios in Wales. Bryony Pask runs a three-wheel studio in Conwy and is typical of the 40 studios we visited.")).toBe("Bryony Pask");
    expect(rep("# Kiln Log\n\nCustomer: small pottery studios. Our typical member is still Idris Vaughan: two kilns, one assistant, fires twice a week.")).toBe("Idris Vaughan");
    expect(rep("# Kiln Log\n\nWho: pottery studio owners. Mair Lloyd, 64, a potter in Bala whom the suppliers describe as typical of their trade accounts, fires every Friday.")).toBe("Mair Lloyd");
    expect(rep("# Kiln Log\n\nWho: pottery studio owners. Tom ap Rhys fires every Friday in Bala. He is pretty much exactly the kind of owner we keep meeting.")).toBe("Tom ap Rhys");
  });

  it("takes 'a good example', 'the person we picture', 'the guy we built it round' and 'so typical' as presenting the typical one", () => {
    expect(rep("# Kiln Log\n\nWho: potters. Carys Bevan has fired at her studio in Rhyl for ten years and is a good example: two kilns, one assistant.")).toBe("Carys Bevan");
    expect(rep("# Kiln Log\n\nWho: potters. The person we picture is Ifan Rowlands, a potter in Ruthin with one kiln.")).toBe("Ifan Rowlands");
    expect(rep("# Kiln Log\n\nWho: potters. the guy we built it round is Emyr Price, two kilns in Bangor.")).toBe("Emyr Price");
  });

  it("reads a person told about by first and last name ('Anwen Hughes runs a studio ...', 'Anwen Hughes is the only potter at ...')", () => {
    expect(rep("# Kiln Log\n\nWho: potters in Wales.\n\nAnwen Hughes runs a two-kiln studio in Aberaeron and fires every week.")).toBe("Anwen Hughes");
    expect(rep("# Kiln Log\n\nWho: potters in Wales.\n\nAnwen Hughes is the only potter at a craft centre in Tenby.")).toBe("Anwen Hughes");
  });

  it("keeps particles in a name and reads a customer part that opens with a person", () => {
    expect(rep("# Kiln Log\n\nCustomer: Anke van der Berg, potter near Leiden, two kilns, sells at markets.")).toBe("Anke van der Berg");
  });

  it("does not take a speaker's label, a heading or a place for the typical person", () => {
    expect(rep("# Kiln Log\n\n- **Rhian (sales):** Our typical buyer is still Gwen Morris: one kiln, fires on Sundays.")).toBe("Gwen Morris");
    expect(rep("# Kiln Log\n\n**Kiln Log summary.** Dafydd Owen manages a studio in Reading and is typical of the 30 owners we met.")).toBe("Dafydd Owen");
  });
});

describe("stop 19: an email's greeting opens no paragraph", () => {
  it("reads the first paragraph after 'Hey Sam,' as the opening, where a story without a cue tells the customer's situation", () => {
    const f = read("Hey Sam,\n\nRemember Carys at the Ludlow bakery? She bins about a fifth of her bread every Saturday. Most of it is sourdough.\n\nWe built a little order form for her regulars.");
    expect(f.problem).toMatch(/^Remember Carys at the Ludlow bakery\? She bins about a fifth/);
  });

  it("files a sentence about the message itself ('Quick rundown before Thursday.') under no part of the idea", () => {
    const f = read("Hey Sam,\n\nQuick rundown before Thursday. Carys bins about a fifth of her bread every Saturday.");
    expect(f.other).toBe("Quick rundown before Thursday.");
    expect(f.problem).toMatch(/^Carys bins about a fifth/);
  });
});

describe("stop 19: a brief that says it is several products in one, and asides to the reader", () => {
  it("marks a brief bundled when it says so: one app for everything, all N modules, none offers all N", () => {
    expect(analyse("# Harbour Hub\n\nHarbour Hub is one app for everything a marina needs: berths, fuel, the café till and the chandlery.").bundled?.text).toMatch(/one app for everything/);
    expect(analyse("# Harbour Hub\n\nWho: marinas in Wales.\n\nPlan: all five modules live by 1 May 2028.").bundled?.text).toMatch(/all five modules/);
    expect(analyse("# Harbour Hub\n\nRisks: rivals exist for each part, but none offers all six in one place.").bundled).not.toBeNull();
    // Said only in the title, it is quoted from the title, which cites no ledger fact.
    expect(analyse("# Harbour Hub: one app for everything a marina needs\n\nWho: marinas in Wales.").bundled).toEqual({ text: "Harbour Hub: one app for everything a marina needs", sources: [] });
    // One product with several steps is not a bundle.
    expect(analyse("# Berth Book\n\nBerth Book takes the booking, the deposit and the arrival time for visiting boats, in one form.").bundled).toBeNull();
  });

  it("reads past an aside to the reader ('For anyone new: ...') and files 'here's where we are' under no part", () => {
    const f = read("Subject: update\n\nHi all,\n\nSeason's done, so here's where we are.\n\nFor anyone new: on hop farms, pickers are paid by the kilo. Today the weights are written on card.");
    expect(f.other).toBe("Season's done, so here's where we are.");
    expect(Object.values(f).join(" ")).not.toMatch(/anyone new/);
    expect(Object.values(f).join(" ")).toMatch(/On hop farms, pickers are paid by the kilo\./);
  });
});

describe("stop 19: evidence the brief says is not there, a launch without a pilot, and a package of everything", () => {
  it("reads 'we have not yet signed customers or letters of intent' as no customer evidence", () => {
    const a = analyse("# Cold Store\n\nWho: seafood importers in Rotterdam.\n\nEvidence: We have not yet signed customers or letters of intent from the 14 importers we met: they wait until a store exists.");
    expect(a.stage).toBe("hypothesis");
  });

  it("reads 'went live in all 12 depots without a pilot and without showing it to drivers first' as built before anyone saw it", () => {
    const a = analyse("# Depot Slots\n\nWho: our delivery drivers.\n\nOn 1 March we went live in all 12 depots without a pilot and without showing it to drivers first, because the board wanted one switch.");
    expect(a.alreadyBuilt?.text).toMatch(/went live in all 12 depots/);
    expect(a.stage).toBe("hypothesis");
  });

  it("reads 'everything she asked for in one package' as several products sold as one", () => {
    expect(analyse("# Croft Pack\n\nMorag runs a croft near Ullapool. We have put together everything she asked for in one package: a feed order app, a vet booking line, a grant helper and a sales stall.").bundled).not.toBeNull();
  });
});

describe("who the brief is about, read in unusual forms (stop 20)", () => {
  it("a person after any short label in the customer part, or after 'person:' alone on the line", () => {
    expect(analyse("## Customer\nWho we mean: Tomasz Nowak, head baker at a 12-person bakery in Leeds.\n\n## Problem\nHe rewrites the order sheet every night.").representative?.name).toBe("Tomasz Nowak");
    const alone = analyse("Notes\n\nperson: Ines Duarte. runs a two-chair barbershop in Porto, about 60 cuts a week.\n\nShe loses 5 bookings a week to no-shows.").representative;
    expect(alone?.name).toBe("Ines Duarte");
    expect(alone?.role).toMatch(/^runs a two-chair barbershop/);
  });

  it("a label asking whose it is names the customer part", () => {
    expect(read("Whose problem this is: Farid, a school bursar in Bradford.\n\nHe matches 300 payments a month by hand.").customer).toMatch(/Farid/);
  });

  it("watching today's work is research, not a try of the product", () => {
    const a = analyse("## Customer\nIndependent key cutters.\n\n## Evidence\nWe shadowed 5 shops for 3 weeks and 1 in 8 keys was cut twice.");
    expect(a.maturity).toBe("nothing");
    expect(a.stageWhy.text).toMatch(/^Customers were interviewed or watched at work/);
  });

  it("a wish with 'we'd like' is not something observed", () => {
    const a = analyse("## Customer\nAbout 2,000 UK florists.\n\n## Plan\nWe'd like 800 signed up in the first year.");
    expect(a.stage).toBe("hypothesis");
  });
});
