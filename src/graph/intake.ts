import { chooseSeats, type Seat } from "../agents/seats.js";
import { analyseBrief, type Analysis } from "../domain/analysis.js";
import { readReviewInputs } from "../domain/author-document.js";
import type { BriefFacts } from "../domain/brief.js";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { toPersona } from "../domain/persona.js";
import type { Prfaq } from "../domain/prfaq.js";
import type { CreateReview } from "../domain/run.js";
import type { PersonaLibrary } from "../personas/loader.js";

/** What the meeting starts from: the brief's facts, the ledger and figures, and who sits at the table. */
export type Intake = {
  facts: BriefFacts;
  analysis: Analysis;
  seats: Seat[];
  /** Who was seated and why (the run.started event). */
  personas: { id: string; name: string; why: string }[];
  /** The author's own PR/FAQ, when the request brought one: it is version 1. */
  authored?: Prfaq;
};

/**
 * Reads a review request: the brief (or the author's PR/FAQ), its facts, the evidence ledger and computed
 * figures (built once, shared by every seat and both engines), and the seats. Pure. The graph's intake
 * node runs it when a run starts from a bare request (LangGraph Studio); runMeeting runs it first, since it
 * announces the seats before the graph starts.
 */
export function readIntake(request: CreateReview, library: PersonaLibrary): Intake {
  const { brief, authored } = readReviewInputs(request);
  const facts = extractBriefFacts(brief);
  const inline = brief.persona ? toPersona(brief.persona) : undefined;
  const analysis = analyseBrief(facts);
  const { seats, personas } = chooseSeats(facts, analysis, library, request.options.personas, inline);
  return { facts, analysis, seats, personas, ...(authored ? { authored } : {}) };
}
