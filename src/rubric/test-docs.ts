import type { CheckId, Finding } from "../domain/finding.js";
import type { FaqItem, PressRelease, Prfaq } from "../domain/prfaq.js";
import type { RubricContext } from "./checks.js";
import { runRubric } from "./index.js";

// Test support only (imported by *.test.ts): a document that passes every check, to perturb one
// section at a time so each test shows exactly what makes a check fire.

const PRESS_RELEASE: PressRelease = {
  heading: "RefillReady Ends the Refill Phone Tag at Vet Clinics",
  subheading: "Pet owners request refills by text and hear back the same day",
  dateline: "BOISE, Idaho, April 1, 2027",
  summary:
    "RefillReady launched today for independent veterinary clinics. Pet owners text a refill request, the vet approves it in one tap, and the owner is told when the medication is ready. In a six-week pilot at two clinics, refill phone calls fell by 58%.",
  problem:
    "Refill requests are almost a third of the calls a small clinic's front desk takes. Each one means pulling the record, catching a vet between appointments and calling the owner back, and one owner in seven waited more than a day for an answer.",
  solution:
    "With RefillReady, the owner's text arrives in the vet's approval queue with the pet's record and last dose attached. The vet approves or declines with one tap, and the owner gets a text when the medication can be picked up.",
  leaderQuote:
    "\"Our front desks were spending their day on the phone instead of with the pets in the lobby,\" said Sam Okafor, founder of RefillReady. \"We want every refill answered the same day.\"",
  howItWorks: "Clinics on Cornerstone or ezyVet can turn RefillReady on in an afternoon for $119 per month.",
  customerQuote:
    "\"I used to have twenty sticky notes of refill callbacks by noon. Now the vets clear the queue between appointments and I don't call anyone back,\" said Elena Ruiz, front-desk lead at Riverside Animal Clinic in Boise.",
  callToAction: "Clinics can start a free 30-day trial at refillready.example.",
};

const EXTERNAL: FaqItem[] = [
  { question: "How much does it cost?", answer: "$119 per clinic per month; free for pet owners." },
  { question: "Which systems does it work with?", answer: "Cornerstone and ezyVet at launch." },
  { question: "Can an owner request a controlled drug?", answer: "No. Controlled substances always need a call or visit." },
];

const INTERNAL: FaqItem[] = [
  { question: "How many clinics could use this?", answer: "About 18,000 US clinics with 2 to 6 vets." },
  { question: "What if a practice-management vendor copies it?", answer: "Likely within two years; we compete on multi-system support and price." },
  { question: "What will we get wrong first?", answer: "State dispensing rules differ; we launch in 10 states we have reviewed." },
  { question: "Unit economics?", answer: "About $14 per clinic per month to serve; 88% gross margin." },
  { question: "How do we measure success?", answer: "Refill calls down 50% within 60 days for each clinic; 500 clinics in 12 months." },
  { question: "What would make us stop?", answer: "If fewer than half of pilot clinics see calls fall by 30% in 60 days." },
];

/** A strong PR/FAQ (the shared RefillReady fixture) that raises no finding. */
export function cleanDoc(): Prfaq {
  return { title: "RefillReady", pressRelease: { ...PRESS_RELEASE }, externalFaq: [...EXTERNAL], internalFaq: [...INTERNAL] };
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
