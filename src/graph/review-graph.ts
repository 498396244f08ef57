import { START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { AgentContext, MeetingAgents } from "../agents/contracts.js";
import { eventKey, type EventDraft } from "../domain/events.js";
import { sumUsage, type UsageTotals } from "../domain/run.js";
import { renderPrfaqMarkdown } from "../domain/prfaq-markdown.js";
import { runRubric } from "../rubric/index.js";
import { completeMemo } from "./memo.js";
import { routeAfterLeader, routeToReviewers, type ReviewerInput } from "./routes.js";
import { addUsage, MeetingState, NODES, type MeetingStateType, type MeetingUpdate } from "./state.js";

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
};

const ONE_CALL = { calls: 1, promptTokens: 0, completionTokens: 0, costUsd: 0 };

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
    const usage = { ...ONE_CALL };
    let chunk = 0;
    let retry = 0;
    return {
      ctx: {
        ...(deps.signal ? { signal: deps.signal } : {}),
        onDelta: (text) => void emit({ type: "agent.delta", key: eventKey("agent.delta", round, agent, String((chunk += 1))), round, agent, text }),
        onRetry: (r) => void emit({ type: "agent.retrying", key: eventKey("agent.retrying", round, agent, String((retry += 1))), round, agent, ...r }),
        onUsage: (u) => {
          usage.promptTokens += u.promptTokens;
          usage.completionTokens += u.completionTokens;
          usage.costUsd += u.costUsd;
        },
      },
      // Usage is kept per role: customer:<persona> agents count as "customer".
      usage: () => ({ [agent.split(":")[0] ?? agent]: usage }),
    };
  }

  async function drafter(state: MeetingStateType): Promise<MeetingUpdate> {
    const facts = state.facts;
    if (!facts) throw new Error("the meeting has no brief");
    const round = state.round + 1;
    const version = state.version + 1;
    const announced = emit({ type: "round.started", key: eventKey("round.started", round), round }).then(() =>
      emit({ type: "agent.started", key: eventKey("agent.started", round, "drafter"), round, agent: "drafter" }),
    );
    const call = callContext("drafter", round);
    const out = await alongside(announced, () => agents.draft(
      {
        facts,
        version,
        ...(state.prfaq ? { previous: state.prfaq } : {}),
        changes: state.decisions.at(-1)?.changes ?? [],
        findings: state.findings,
        createdAt: state.createdAt,
      },
      call.ctx,
    ));
    const markdown = renderPrfaqMarkdown(out.prfaq);
    const faqText = [...out.prfaq.externalFaq, ...out.prfaq.internalFaq].map((q) => `${q.question} ${q.answer}`).join(" ");
    // The draft goes out first; the rubric is read while it is being written.
    const drafted = emit({
      type: "draft.ready",
      key: eventKey("draft.ready", round, "drafter", String(version)),
      round,
      version,
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
      usage: call.usage(),
    };
  }

  async function reviewer(state: ReviewerInput): Promise<MeetingUpdate> {
    const { seat, prfaq, facts } = state;
    if (!seat || !prfaq || !facts) throw new Error("a reviewer step needs a seat and a draft");
    const round = state.round;
    const announced = emit({ type: "agent.started", key: eventKey("agent.started", round, seat.agent), round, agent: seat.agent });
    const call = callContext(seat.agent, round);
    // Silent reading: the input holds the draft and the findings as this seat may see them (routeToReviewers), never another reviewer's review.
    const review = await alongside(announced, () => agents.review(
      {
        agent: seat.agent,
        role: seat.role,
        ...(seat.persona ? { persona: seat.persona } : {}),
        round,
        version: state.version,
        prfaq,
        findings: state.findings,
        score: state.score,
        facts,
      },
      call.ctx,
    ));
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
    const proposed = await alongside(announced, () => agents.decide({ round, rounds: state.rounds, history, facts, budgetExhausted, ...(state.prfaq ? { prfaq: state.prfaq } : {}) }, call.ctx));
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
    const { facts, prfaq } = state;
    if (!facts || !prfaq) throw new Error("the memo needs a brief and a draft");
    const round = state.round;
    await emit({ type: "agent.started", key: eventKey("agent.started", round, "leader", "memo"), round, agent: "leader" });
    const call = callContext("leader", round);
    const draft = await agents.writeMemo(
      { runId: state.runId, engine: agents.engine, facts, history: state.history, decisions: state.decisions, finalPrfaq: prfaq, finalVersion: state.version, assumptions: state.assumptions },
      call.ctx,
    );
    const memo = completeMemo(draft, { runId: state.runId, title: facts.title, engine: agents.engine, history: state.history, finalPrfaq: prfaq, finalVersion: state.version });
    await emit({ type: "memo.ready", key: eventKey("memo.ready", round), round, memo });
    return { memo, usage: call.usage() };
  }

  /** Times a node for `onStep`; failed steps are not timed (they are retried). */
  const timed =
    (node: string, fn: (state: MeetingStateType) => Promise<MeetingUpdate>) =>
    async (state: MeetingStateType): Promise<MeetingUpdate> => {
      const started = performance.now();
      const update = await fn(state);
      deps.onStep?.(node, performance.now() - started);
      return update;
    };

  return new StateGraph(MeetingState)
    .addNode(NODES.drafter, timed(NODES.drafter, drafter))
    .addNode(NODES.reviewer, timed(NODES.reviewer, reviewer))
    .addNode(NODES.leader, timed(NODES.leader, leader))
    .addNode(NODES.memoWriter, timed(NODES.memoWriter, memoWriter))
    .addEdge(START, NODES.drafter)
    .addConditionalEdges(NODES.drafter, routeToReviewers, [NODES.reviewer])
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
