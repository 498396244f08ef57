import { BRIEF_LIMITS, type Brief } from "./brief.js";
import { documentBody, parsePrfaqMarkdown } from "./prfaq-markdown.js";
import type { Prfaq } from "./prfaq.js";
import type { CreateReview } from "./run.js";

/** What a review starts from: the brief the meeting reads, and the author's own PR/FAQ when there is one (its version 1). */
export type ReviewInputs = { brief: Brief; authored?: Prfaq };

/**
 * Reads a review request. A brief is read as it is; an author's PR/FAQ is parsed as version 1, and its text
 * (without front matter, images and comments) is also the brief the facts and the analysis come from, with
 * its heading as the title. Pure.
 */
export function readReviewInputs(request: CreateReview): ReviewInputs {
  if (request.brief) return { brief: request.brief };
  const markdown = request.prfaq?.markdown ?? "";
  const authored = parsePrfaqMarkdown(markdown);
  const title = (authored.pressRelease.heading || authored.title || "Untitled PR/FAQ").slice(0, BRIEF_LIMITS.titleMax);
  return { brief: { title, text: documentBody(markdown) || markdown }, authored };
}

/** The title of a review request (the run record's title). */
export function requestTitle(request: CreateReview): string {
  return readReviewInputs(request).brief.title;
}
