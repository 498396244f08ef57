import type { CheckId, Finding } from "../domain/finding.js";
import type { FaqItem, PressRelease, Prfaq } from "../domain/prfaq.js";
import type { RubricContext } from "./checks.js";
import { runRubric } from "./index.js";

// Test support only (imported by *.test.ts): a document that passes every check, to perturb one
// section at a time so each test shows exactly what makes a check fire. Written for these tests:
// no sentence comes from a fixture, so a check that passes it was not tuned on it.

const PRESS_RELEASE: PressRelease = {
  heading: "LaneLine Ends the Wait for a Lap Lane at Public Pools",
  subheading: "Lap swimmers book a lane from their phone and find it free when they arrive",
  dateline: "LEEDS, England, May 4, 2027",
  summary:
    "LaneLine launched today for council-run swimming pools. Lap swimmers book a 45-minute lane slot from their phone, and the duty manager sees every lane's bookings on one screen. In an eight-week trial at three pools in Leeds, the share of swimmers turned away at the door fell from 21% to 4%.",
  problem:
    "At peak hours, one lap swimmer in five is turned away at the door or waits on the poolside for a lane. Duty managers still count swimmers by hand every half hour and redraw the lane plan on a whiteboard.",
  solution:
    "With LaneLine, a swimmer picks a lane and a time on their phone and gets a reminder an hour before. The duty manager opens or closes lanes from the desk tablet, and every booked swimmer hears about a change at once.",
  leaderQuote:
    "\"Nobody should drive to the pool before work and find every lane full,\" said Ruth Adeyemi, founder of LaneLine. \"We want every swimmer who books a lane to swim in it.\"",
  howItWorks: "Pools on the Legend or Gladstone booking systems can switch LaneLine on in a day for £149 per pool per month.",
  customerQuote:
    "\"I used to turn away a dozen swimmers every weekday morning. Now the lanes fill in the order people booked and nobody argues at the desk,\" said Tom Hale, duty manager at Kirkstall Leisure Centre in Leeds.",
  callToAction: "Pools can start a free 60-day trial at laneline.example.",
};

const EXTERNAL: FaqItem[] = [
  { question: "How much does it cost?", answer: "£149 per pool per month; free for swimmers." },
  { question: "Which booking systems does it work with?", answer: "Legend and Gladstone at launch." },
  { question: "What if a swimmer has no phone?", answer: "The desk books the lane for them on the tablet." },
];

const INTERNAL: FaqItem[] = [
  { question: "How many pools could use this?", answer: "About 1,100 council-run pools in the UK with 4 to 8 lanes." },
  { question: "What if a leisure-software vendor copies it?", answer: "Likely within two years; we compete on working with both systems and on price." },
  { question: "What will we get wrong first?", answer: "Lane rules differ from pool to pool; we launch with 20 pools whose rules we have mapped." },
  { question: "Unit economics?", answer: "About £21 per pool per month to serve; 86% gross margin." },
  { question: "How do we measure success?", answer: "Swimmers turned away down 60% within 90 days at each pool; 150 pools in 12 months." },
  { question: "What would make us stop?", answer: "If fewer than half of the trial pools see turn-aways fall by 30% in 90 days." },
];

/** A strong PR/FAQ, written for the tests and found in no fixture, that raises no finding. */
export function cleanDoc(): Prfaq {
  return { title: "LaneLine", pressRelease: { ...PRESS_RELEASE }, externalFaq: [...EXTERNAL], internalFaq: [...INTERNAL] };
}

/** The clean document with some press-release sections replaced and, optionally, other FAQ parts. */
export function docWith(pr: Partial<PressRelease>, faq: { externalFaq?: FaqItem[]; internalFaq?: FaqItem[] } = {}): Prfaq {
  const doc = cleanDoc();
  return { ...doc, pressRelease: { ...doc.pressRelease, ...pr }, ...faq };
}

/** The findings of one check for a document. */
export function findingsOf(doc: Prfaq, check: CheckId, ctx?: RubricContext): Finding[] {
  return runRubric(doc, ctx).findings.filter((f) => f.check === check);
}
