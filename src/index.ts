// The package's library entry (`import { ... } from "prfaq-sim"`): the schemas of what crosses the API, the
// review graph, the rubric and the services, for a program that embeds the review rather than calling it
// over HTTP. The `prfaq` command (bin/) is the other way in.
export { ConfigSchema, loadConfig, type Config } from "./config.js";
export { CreateReviewSchema, RunRecordSchema, type CreateReview, type RunRecord } from "./domain/run.js";
export { RunEventSchema, type RunEvent } from "./domain/events.js";
export { MemoSchema, type Memo } from "./domain/memo.js";
export { lintMarkdown } from "./rubric/index.js";
export { createReviewGraph, type ReviewGraphDeps } from "./graph/review-graph.js";
export { startServices, type Roles, type Running } from "./runtime/services.js";
