import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { parsePrfaqMarkdown } from "../../src/domain/prfaq-markdown.js";

/** A fault to inject into the next request for `name` (or any request when name is omitted). */
export type FaultKind = "429" | "500" | "malformed" | "invalid" | "timeout" | "truncated";
export type Fault = { name?: string; kind: FaultKind };

export type FakeOpenAIOptions = {
  /** Latency of every call, in ms. */
  delayMs?: number;
  /** Faults injected in order, each into the next matching request. */
  faults?: Fault[];
  /** Probability (0..1) that any call gets a random fault of `randomKinds`; `seed` makes the sequence repeatable. */
  faultRate?: number;
  randomKinds?: FaultKind[];
  seed?: number;
  /** How long a "timeout" fault hangs before answering (the client should give up first). */
  hangMs?: number;
  /** The leader concludes at this round (default 2). */
  rounds?: number;
  /** Completion tokens reported per answer (default: the answer's length / 4). */
  completionTokens?: number;
  /** An answer of the test's own for a request (by schema name and how many calls of that name came before), instead of the script's. */
  override?: (name: string, callsBefore: number) => unknown;
};

/** A small seeded PRNG (mulberry32) so fault sequences can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One call the fake answered: its output schema's name, model, messages, times (epoch ms) and HTTP status. */
export const FakeRequestSchema = z.object({
  name: z.string(),
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })),
  startedAt: z.number(),
  endedAt: z.number(),
  status: z.number(),
});
export type FakeRequest = z.infer<typeof FakeRequestSchema>;
/** What GET /_fake/state?since=N answers: the calls so far (from the Nth on), the tokens reported, the faults injected by kind. */
export const FakeStateSchema = z.object({
  total: z.number(),
  requests: z.array(FakeRequestSchema),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
  injected: z.record(z.string(), z.number()),
});
export type FakeState = z.infer<typeof FakeStateSchema>;

const BodySchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.union([z.string(), z.null(), z.array(z.unknown())]).optional() }).passthrough()),
  response_format: z.object({ type: z.string(), json_schema: z.object({ name: z.string(), schema: z.record(z.string(), z.unknown()) }).optional() }).passthrough().optional(),
  tools: z.array(z.object({ function: z.object({ name: z.string(), parameters: z.record(z.string(), z.unknown()) }) })).optional(),
}).passthrough();

/** The output schema a request asks for, by either method (json_schema response format or a forced tool call). */
function requested(body: z.infer<typeof BodySchema>): { name: string; schema: unknown; viaTool: boolean } {
  const tool = body.tools?.[0]?.function;
  if (tool) return { name: tool.name, schema: tool.parameters, viaTool: true };
  if (body.response_format?.type === "json_object") {
    // JSON mode carries the schema in a system message.
    const text = body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
    const m = /Answer with only a JSON object for the (\w+) schema:\n(\{.*\})\s*$/s.exec(text);
    return { name: m?.[1] ?? "unknown", schema: m?.[2] ? JSON.parse(m[2]) : undefined, viaTool: false };
  }
  return { name: body.response_format?.json_schema?.name ?? "unknown", schema: body.response_format?.json_schema?.schema, viaTool: false };
}

const DOC = parsePrfaqMarkdown(readFileSync(new URL("../fixtures/prfaqs/strong-refillready.md", import.meta.url), "utf8"));
const tokens = (text: string) => Math.ceil(text.length / 4);

/** Scripted, schema-valid answers per output schema name: a review meeting that funds RefillReady in two rounds. */
function answer(name: string, schema: unknown, body: z.infer<typeof BodySchema>, rounds: number): unknown {
  const user = body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
  const round = Number(/Round (\d+)/.exec(user)?.[1] ?? "1");
  const scoreKeys = z
    .object({ properties: z.object({ scores: z.object({ properties: z.record(z.string(), z.unknown()) }) }) })
    .safeParse(schema);
  const version = Number(/Write version (\d+)/.exec(user)?.[1] ?? "1");
  const scores = Object.fromEntries(Object.keys(scoreKeys.success ? scoreKeys.data.properties.scores.properties : {}).map((k) => [k, 4]));
  const review = {
    stance: "fund",
    scores,
    summary: `${name.replace("_review", "")}: the refill queue removes a real daily pain.`,
    objections: [],
    questions: ["How fast can a clinic switch systems?"],
    quote: "In a six-week pilot at two clinics, refill phone calls fell by 58%.",
  };
  switch (name) {
    case "prfaq_draft": {
      // A revision answers the review: version 2 and later add the cost to serve to the internal FAQ.
      const prfaq = version > 1 ? { ...DOC, internalFaq: [...DOC.internalFaq, { question: "What does it cost to serve a clinic?", answer: "About $14 per clinic per month in texting and hosting." }] } : DOC;
      return { prfaq: { ...prfaq, sources: { summary: ["L1"] } }, changes: [version > 1 ? "Added the cost to serve to the internal FAQ." : "Wrote the document from the brief."], assumptions: [], openQuestions: [] };
    }
    case "customer_review":
      return { ...review, scenario: "On Monday the refill requests wait in one queue instead of on the phone." };
    case "engineer_review":
      return {
        ...review,
        engineering: { hardestProblem: "Writing refills back into each practice-management system.", mustBeTrue: ["Clinics' systems accept a third-party write."], oneWayDoors: [], dependencies: ["Cornerstone and ezyVet APIs"], claimsChallenged: [] },
      };
    case "finance_review":
      return review;
    case "leader_decision":
      return round < rounds
        ? {
            action: "iterate",
            leaning: "fund",
            rationale: "Strong first draft; tighten the FAQ.",
            decisive: [],
            changes: [{ priority: 1, kind: "answer-question", target: "internalFaq", change: "Add the cost to serve.", why: "finance", basis: [], question: "" }],
          }
        : { action: "conclude", leaning: "fund", rationale: "Every reviewer backs version 2.", decisive: [], changes: [] };
    case "memo":
      return {
        decision: "fund",
        confidence: 0.8,
        headline: "Fund RefillReady: a measured pilot and a clear price.",
        crux: "It turns on whether clinics' systems accept refills written back by a third party.",
        reasons: [{ kind: "evidence", text: "Refill calls fell by 58% in the pilot.", basis: [] }],
        buildTest: { whyUs: "The brief does not say.", whyNow: "The brief does not say.", giveUp: "The brief does not say." },
        conditions: ["Refill calls down 50% within 60 days at each clinic."],
        killCriteria: ["Stop if refill calls are not down 50% within 60 days."],
        nextTest: "Write refills back into one clinic's system for two weeks.",
        whatWouldChange: [],
        risks: ["Practice-management integrations vary."],
        openQuestions: ["How fast can a clinic switch systems?"],
        stances: [{ agent: "engineer", stance: "fund", rationale: "Buildable." }],
      };
    default:
      // Any other seat's review (src/agents/seat-agents.ts: the bar raiser, a seat added later): the shared review shape.
      return name.endsWith("_review") ? review : {};
  }
}

/**
 * A local OpenAI-compatible chat server for tests: answers /v1/chat/completions with scripted JSON for
 * each output schema, reports token usage, and injects faults on request. Real HTTP, so the real
 * `@langchain/openai` client is what is tested.
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}) {
  const faults = [...(options.faults ?? [])];
  const random = seededRandom(options.seed ?? 1);
  const randomKinds = options.randomKinds ?? ["429", "500", "malformed", "invalid", "timeout", "truncated"];
  const injected: Record<string, number> = {};
  const requests: FakeRequest[] = [];
  const usage = { promptTokens: 0, completionTokens: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = Date.now();
    if (req.method === "GET" && req.url?.startsWith("/_fake/state")) {
      // For a fake running in a process of its own (the benches): what it saw, from call number `since` on.
      const since = Number(new URL(req.url, "http://fake").searchParams.get("since") ?? 0) || 0;
      const state: FakeState = { total: requests.length, requests: requests.slice(since), usage, injected };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(state));
      return;
    }
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    const parsed = BodySchema.safeParse(JSON.parse(raw || "{}"));
    if (req.url !== "/v1/chat/completions" || !parsed.success) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = parsed.data;
    const { name, schema, viaTool } = requested(body);
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const messages = body.messages.map((m) => ({ role: m.role, content: typeof m.content === "string" ? m.content : "" }));
    const faultAt = faults.findIndex((f) => !f.name || f.name === name);
    let fault = faultAt >= 0 ? faults.splice(faultAt, 1)[0] : undefined;
    if (!fault && options.faultRate && random() < options.faultRate) fault = { kind: randomKinds[Math.floor(random() * randomKinds.length)] ?? "500" };
    if (fault) injected[fault.kind] = (injected[fault.kind] ?? 0) + 1;
    if (fault?.kind === "timeout") await new Promise((r) => setTimeout(r, options.hangMs ?? 30_000));
    // A call ends when its answer has been handed to the socket: serialising the answer is the model's time.
    const record = (status: number) => requests.push({ name, model: body.model, messages, startedAt, endedAt: Date.now(), status });
    if (fault?.kind === "429" || fault?.kind === "500") {
      res.writeHead(Number(fault.kind), { "content-type": "application/json", "retry-after-ms": "50" });
      res.end(JSON.stringify({ error: { message: fault.kind === "429" ? "Rate limit reached" : "Internal error", type: "server_error" } }));
      record(Number(fault.kind));
      return;
    }
    const callsBefore = requests.filter((r) => r.name === name).length;
    const good = JSON.stringify(options.override?.(name, callsBefore) ?? answer(name, schema, body, options.rounds ?? 2));
    const content =
      fault?.kind === "malformed"
        ? '{"stance": "fund", "scores": {'
        : fault?.kind === "truncated"
          ? good.slice(0, Math.floor(good.length / 2))
          : fault?.kind === "invalid"
            ? JSON.stringify({ stance: "maybe" })
            : good;
    const prompt = tokens(messages.map((m) => m.content).join(""));
    const completion = options.completionTokens ?? tokens(content);
    usage.promptTokens += prompt;
    usage.completionTokens += completion;
    const n = requests.length + 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${n}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          viaTool
            ? { index: 0, message: { role: "assistant", content: null, tool_calls: [{ id: `call_${n}`, type: "function", function: { name, arguments: content } }] }, finish_reason: "tool_calls" }
            : { index: 0, message: { role: "assistant", content }, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
      }),
    );
    record(200);
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => { if (!res.headersSent) res.writeHead(500); res.end(); }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    usage,
    /** Faults injected so far, by kind. */
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
