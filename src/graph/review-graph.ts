import { RunnableLambda } from "@langchain/core/runnables";
import { START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { AgentContext, DraftOutput, MeetingAgents, ReviewInput } from "../agents/contracts.js";
import type { Prfaq } from "../domain/prfaq.js";
import type { Review } from "../domain/review.js";
import { FINAL_ROLES } from "../domain/roles.js";
import { eventKey, type DraftSource, type EventDraft } from "../domain/events.js";
import { addCost, sumUsage, type UsageTotals } from "../domain/run.js";
import { renderPrfaqMarkdown } from "../domain/prfaq-markdown.js";
import { runRubric } from "../rubric/index.js";
import type { PersonaLibrary } from "../personas/loader.js";
import { readIntake } from "./intake.js";
import { completeMemo } from "./memo.js";
import { routeAfterLeader, routeToReviewers, type ReviewerInput } from "./routes.js";
import { addUsage, MeetingState, NODES, type MeetingStateType, type MeetingUpdate } from "./state.js";
import type { Tracing } from "../telemetry/tracing.js";

/** What the graph needs from outside: the agents (one engine) and where events go. */
export type ReviewGraphDeps = {
  agents: MeetingAgents;
  /**
   * Appends an event to the run's transcript (idempotent per event key), in call order: the graph sends
   * `decision` and `usage` without waiting for the first, so their writes share a round trip.
   */
  emit: (event: EventDraft) => Promise<void>;
  checkpointer?: BaseCheckpointSaver;
  /** Aborted when the run is cancelled. */
  signal?: AbortSignal;
  /** Told how long each step took (for metrics). */
  onStep?: (node: string, ms: number) => void;
  /** The persona library, for a run that starts from a bare request (`{ request }`, as in Studio). */
  personas?: PersonaLibrary;
  /** Each timed step is a `review.step` span (its model calls are its children); unset: none. */
  tracing?: Tracing;
};

const ONE_CALL: UsageTotals = { calls: 1, promptTokens: 0, completionTokens: 0, costUsd: 0 };

/**
 * One model call's usage as the model engine reports it (src/llm/structured.ts): `priced: false` when the
 * model has no known price, its `costUsd` then meaning nothing. AgentContext's type does not name
 * `priced` yet; declaring it optional here is sound (the offline engine and older engines omit it).
 */
type CallUsage = { promptTokens: number; completionTokens: number; costUsd: number; priced?: boolean };

/** Two versions say the same thing when their text is equal (what each part cites may differ). */
function sameDocument(a: Prfaq, b: Prfaq): boolean {
  return JSON.stringify({ ...a, sources: undefined }) === JSON.stringify({ ...b, sources: undefined });
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Builds the review meeting: drafter → reviewers in parallel (Send fan-out) → leader → drafter again
 * or the memo. Nodes emit transcript events as they happen; nothing here reads config or does I/O
 * besides the injected `emit`.
 */
export function createReviewGraph(deps: ReviewGraphDeps) {
  const { agents, emit } = deps;

  /** Usage of one agent call: the engine reports tokens through the context. */
  function callContext(agent: string, round: number): { ctx: AgentContext; usage: () => Record<string, UsageTotals> } {
    const usage: UsageTotals = { ...ONE_CALL };
    let retry = 0;
    return {
      ctx: {
        ...(deps.signal ? { signal: deps.signal } : {}),
        onRetry: (r) => void emit({ type: "agent.retrying", key: eventKey("agent.retrying", round, agent, String((retry += 1))), round, agent, ...r }),
        onUsage: (u: CallUsage) => {
          usage.promptTokens += u.promptTokens;
          usage.completionTokens += u.completionTokens;
          // An unpriced call makes the agent's cost unknown, never $0 (see PRFAQ_PRICES).
          usage.costUsd = addCost(usage.costUsd, u.priced === false ? null : u.costUsd);
        },
      },
      // Usage is kept per role: customer:<persona> agents count as "customer".
      usage: () => ({ [agent.split(":")[0] ?? agent]: usage }),
    };
  }

  /**
   * Intake: a run started with its brief already read (runMeeting, which announced the seats) passes
   * through; one started from a bare `{ request }` (LangGraph Studio) reads it here.
   */
  async function intake(state: MeetingStateType): Promise<MeetingUpdate> {
    if (state.facts || !state.request) return {};
    if (!deps.personas) throw new Error("the graph needs a persona library to read a request");
    const { facts, analysis, seats, authored } = readIntake(state.request, deps.personas);
    return { facts, analysis, seats, rounds: state.request.options.rounds, maxTokens: state.request.options.maxTokens, ...(authored ? { authored } : {}) };
  }

  async function drafter(state: MeetingStateType): Promise<MeetingUpdate> {
    const { facts, analysis } = state;
    if (!facts || !analysis) throw new Error("the meeting has no brief");
    const round = state.round + 1;
    const version = state.version + 1;
    const call = callContext("drafter", round);
    const input = {
      facts,
      analysis,
      version,
      ...(state.prfaq ? { previous: state.prfaq } : {}),
      changes: state.decisions.at(-1)?.changes ?? [],
      findings: state.findings,
      createdAt: state.createdAt,
    };
    // The author's own document is version 1 as it was written: no drafter call, no redraft.
    if (version === 1 && state.authored) {
      await emit({ type: "round.started", key: eventKey("round.started", round), round, source: "author" });
      return publish(state, { prfaq: state.authored, changes: [], assumptions: [] }, round, version, {}, "author");
    }
    // A revision that leaves the document as it was earns no round: nothing is announced, the memo follows.
    if (state.prfaq && version > 1) {
      const out = await agents.draft(input, call.ctx);
      if (sameDocument(out.prfaq, state.prfaq)) {
        return { unchanged: true, authorQuestions: [...new Set([...state.authorQuestions, ...(out.openQuestions ?? [])])], usage: call.usage() };
      }
      await emit({ type: "round.started", key: eventKey("round.started", round), round, source: "drafter" });
      await emit({ type: "agent.started", key: eventKey("agent.started", round, "drafter"), round, agent: "drafter" });
      return publish(state, out, round, version, call.usage());
    }
    const announced = emit({ type: "round.started", key: eventKey("round.started", round), round, source: "drafter" }).then(() =>
      emit({ type: "agent.started", key: eventKey("agent.started", round, "drafter"), round, agent: "drafter" }),
    );
    const out = await alongside(announced, () => agents.draft(input, call.ctx));
    return publish(state, out, round, version, call.usage());
  }

  /** Emits a new version and its rubric findings, and records what changed. */
  async function publish(
    state: MeetingStateType,
    out: DraftOutput,
    round: number,
    version: number,
    usage: Record<string, UsageTotals>,
    source: DraftSource = "drafter",
  ): Promise<MeetingUpdate> {
    const markdown = renderPrfaqMarkdown(out.prfaq);
    const faqText = [...out.prfaq.externalFaq, ...out.prfaq.internalFaq].map((q) => `${q.question} ${q.answer}`).join(" ");
    // The draft goes out first; the rubric is read while it is being written.
    const drafted = emit({
      type: "draft.ready",
      key: eventKey("draft.ready", round, "drafter", String(version)),
      round,
      version,
      source,
      prfaq: out.prfaq,
      markdown,
      wordCounts: { pressRelease: wordCount(Object.values(out.prfaq.pressRelease).join(" ")), faq: wordCount(faqText) },
      changes: out.changes,
      assumptions: out.assumptions,
    });
    const rubric = runRubric(out.prfaq, { version, revised: version > 1 });
    // Findings never land without their draft, even when the draft's write fails.
    await drafted;
    await emit({ type: "rubric.findings", key: eventKey("rubric.findings", round, "rubric", String(version)), round, version, ...rubric });
    return {
      round,
      version,
      prfaq: out.prfaq,
      findings: rubric.findings,
      score: rubric.score,
      assumptions: [...state.assumptions, ...out.assumptions],
      revisions: version > 1 ? [...state.revisions.filter((r) => r.version !== version), { version, changes: out.changes }] : state.revisions,
      authorQuestions: [...new Set([...state.authorQuestions, ...(out.openQuestions ?? [])])],
      usage,
    };
  }

  async function reviewer(state: ReviewerInput): Promise<MeetingUpdate> {
    const { seat, prfaq, round, version } = state;
    if (!seat || !prfaq || round === undefined || version === undefined) throw new Error("a reviewer step needs a seat and a draft");
    const announced = emit({ type: "agent.started", key: eventKey("agent.started", round, seat.agent), round, agent: seat.agent });
    const call = callContext(seat.agent, round);
    // Silent reading: the input holds only what this seat may see (routeToReviewers), never another reviewer's review.
    const input: ReviewInput =
      seat.role === "customer"
        ? (() => {
            if (!seat.persona) throw new Error(`customer seat ${seat.agent} has no persona`);
            return { agent: seat.agent, role: "customer", persona: seat.persona, round, version, prfaq, fromBrief: seat.fromBrief === true };
          })()
        : (() => {
            const { facts, analysis } = state;
            if (!facts || !analysis) throw new Error(`${seat.agent} needs the brief and its analysis`);
            return { agent: seat.agent, role: seat.role, ...(seat.persona ? { persona: seat.persona } : {}), round, version, prfaq, findings: state.findings ?? [], score: state.score ?? 0, facts, analysis };
          })();
    // A child run named for the seat (customer:<persona>, engineer, finance), so a LangSmith trace tells the
    // parallel reviewer steps apart; it inherits the meeting's tags (the run id) from the node's config.
    const review = await alongside(announced, () => RunnableLambda.from(() => agents.review(input, call.ctx)).invoke(undefined, { runName: seat.agent, metadata: { round, version } }));
    await emit({ type: "review.ready", key: eventKey("review.ready", round, seat.agent), round, review });
    return { reviews: [review], usage: call.usage() };
  }

  async function leader(state: MeetingStateType): Promise<MeetingUpdate> {
    const facts = state.facts;
    if (!facts) throw new Error("the meeting has no brief");
    const round = state.round;
    const summary = {
      round,
      version: state.version,
      score: state.score,
      findings: state.findings,
      reviews: state.reviews.filter((r) => r.version === state.version).sort((a, b) => a.agent.localeCompare(b.agent)),
    };
    const history = [...state.history.filter((h) => h.round !== round), summary];
    const announced = emit({ type: "agent.started", key: eventKey("agent.started", round, "leader"), round, agent: "leader" });
    const call = callContext("leader", round);
    const soFar = sumUsage(state.usage);
    const spent = soFar.promptTokens + soFar.completionTokens;
    const budgetExhausted = state.maxTokens !== undefined && spent >= state.maxTokens;
    const analysis = state.analysis;
    if (!analysis) throw new Error("the meeting has no analysis");
    const proposed = await alongside(announced, () =>
      agents.decide({ round, rounds: state.rounds, history, facts, budgetExhausted, analysis, createdAt: state.createdAt, ...(state.prfaq ? { prfaq: state.prfaq } : {}) }, call.ctx),
    );
    // The limits hold whatever the engine's leader says: no round past `rounds`, none past the budget.
    const mustConclude = round >= state.rounds || budgetExhausted;
    const decision =
      proposed.action === "iterate" && mustConclude
        ? { ...proposed, action: "conclude" as const, changes: [], rationale: `${proposed.rationale} Concluding: ${budgetExhausted ? "the token budget is spent" : `round ${round} of ${state.rounds} was the last`}.` }
        : proposed;
    const usage = call.usage();
    await Promise.all([
      emit({ type: "decision", key: eventKey("decision", round, "leader"), round, decision }),
      emit({ type: "usage", key: eventKey("usage", round, "leader"), round, usage: sumUsage(addUsage(state.usage, usage)) }),
    ]);
    return { history, decisions: [...state.decisions.filter((d) => d.round !== round), decision], usage };
  }

  async function memoWriter(state: MeetingStateType): Promise<MeetingUpdate> {
    const { facts, prfaq, analysis } = state;
    if (!facts || !prfaq || !analysis) throw new Error("the memo needs a brief and a draft");
    const round = state.round;
    // The final seats (src/domain/roles.ts: the bar raiser) read the concluded draft once, cold, before the memo.
    const lean = state.decisions.at(-1)?.leaning ?? "kill";
    const finalReads: Review[] = [];
    const readUsage: Record<string, UsageTotals>[] = [];
    for (const role of FINAL_ROLES) {
      const read = callContext(role, round);
      const announced = emit({ type: "agent.started", key: eventKey("agent.started", round, role), round, agent: role });
      const review = await alongside(announced, () =>
        agents.review({ agent: role, role, round, version: state.version, prfaq, findings: state.findings, score: state.score, facts, analysis, lean }, read.ctx),
      );
      await emit({ type: "review.ready", key: eventKey("review.ready", round, role), round, review });
      finalReads.push(review);
      readUsage.push(read.usage());
    }
    await emit({ type: "agent.started", key: eventKey("agent.started", round, "leader", "memo"), round, agent: "leader" });
    const call = callContext("leader", round);
    const draft = await agents.writeMemo(
      { runId: state.runId, engine: agents.engine, facts, history: state.history, decisions: state.decisions, finalPrfaq: prfaq, finalVersion: state.version, assumptions: state.assumptions, analysis, revisions: state.revisions, finalReads },
      call.ctx,
    );
    const memo = completeMemo(draft, {
      runId: state.runId,
      title: facts.title,
      engine: agents.engine,
      history: state.history,
      finalPrfaq: prfaq,
      finalVersion: state.version,
      analysis,
      revisions: state.revisions,
      authorQuestions: state.authorQuestions,
      finalReads,
    });
    const usage = [...readUsage, call.usage()].reduce(addUsage, {});
    // The memo's call counts too: the last usage event carries the run's final totals.
    await Promise.all([
      emit({ type: "usage", key: eventKey("usage", round, "leader", "memo"), round, usage: sumUsage(addUsage(state.usage, usage)) }),
      emit({ type: "memo.ready", key: eventKey("memo.ready", round), round, memo }),
    ]);
    return { memo, usage };
  }

  /** Times a node for `onStep` (and traces it as a span); failed steps are not timed (they are retried). */
  const timed =
    (node: string, fn: (state: MeetingStateType) => Promise<MeetingUpdate>) =>
    async (state: MeetingStateType): Promise<MeetingUpdate> => {
      const step = async () => {
        const started = performance.now();
        const update = await fn(state);
        deps.onStep?.(node, performance.now() - started);
        return update;
      };
      return deps.tracing ? deps.tracing.span("review.step", { "prfaq.node": node, "prfaq.round": state.round }, step) : step();
    };

  return new StateGraph(MeetingState)
    .addNode(NODES.intake, intake)
    .addNode(NODES.drafter, timed(NODES.drafter, drafter))
    .addNode(NODES.reviewer, timed(NODES.reviewer, reviewer))
    .addNode(NODES.leader, timed(NODES.leader, leader))
    .addNode(NODES.memoWriter, timed(NODES.memoWriter, memoWriter))
    .addEdge(START, NODES.intake)
    .addEdge(NODES.intake, NODES.drafter)
    .addConditionalEdges(NODES.drafter, routeToReviewers, [NODES.reviewer, NODES.memoWriter])
    .addEdge(NODES.reviewer, NODES.leader)
    .addConditionalEdges(NODES.leader, routeAfterLeader, [NODES.drafter, NODES.memoWriter])
    .addEdge(NODES.memoWriter, "__end__")
    .compile(deps.checkpointer ? { checkpointer: deps.checkpointer } : {});
}
export type ReviewGraph = ReturnType<typeof createReviewGraph>;

/**
 * Runs an agent's work while its announcement (`agent.started`) is being written, so the write's round
 * trips are off the model call's critical path. Both are awaited before the step emits anything else,
 * so the announcement still comes first in the transcript; if it fails (the run was cancelled), the
 * step fails with it.
 */
async function alongside<T>(announced: Promise<void>, work: () => Promise<T>): Promise<T> {
  const [, out] = await Promise.all([announced, work()]);
  return out;
}
