import { createOfflineAgents } from "../agents/offline.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import { createReviewGraph } from "./review-graph.js";

/**
 * The review meeting as LangGraph's tools load it (langgraph.json: `npx @langchain/langgraph-cli dev` opens
 * it in LangGraph Studio), on the offline engine: no model, no key. Its input is a review request, the body
 * of POST /v1/reviews: `{ "request": { "brief": { "title": "...", "text": "..." }, "options": { "rounds": 2 } } }`;
 * the intake node reads it, and the state shows each draft, review, decision and the memo. Transcript events
 * are not stored (the state is what Studio shows); the LangGraph server brings its own checkpointer.
 */
export async function reviewGraph() {
  const personas = await loadPersonaLibrary(defaultPersonaDir());
  return createReviewGraph({ agents: createOfflineAgents(), personas, emit: async () => undefined });
}
