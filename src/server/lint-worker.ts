import { lintMarkdown } from "../rubric/index.js";

/**
 * Runs in a worker thread of the lint pool (lint-pool.ts): the rubric is pure CPU, up to about a second
 * for a 60,000-character document of short paragraphs. Answers the response body, serialised here too,
 * so the API's event loop neither lints nor stringifies.
 */
export default function lint(text: string): string {
  const { prfaq, findings, score } = lintMarkdown(text);
  return JSON.stringify({ score, findings, prfaq });
}
