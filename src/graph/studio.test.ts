import { readFileSync } from "node:fs";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateReviewSchema } from "../domain/run.js";
import { NODES } from "./state.js";

// langgraph.json is what `npx @langchain/langgraph-cli dev` reads: its graph must load, compile and run.
const LangGraphJsonSchema = z.object({ graphs: z.record(z.string(), z.string().regex(/^\.\/src\/.+\.ts:\w+$/)) });
const spec = LangGraphJsonSchema.parse(JSON.parse(readFileSync(new URL("../../langgraph.json", import.meta.url), "utf8"))).graphs.review ?? "";
const [file, exported] = spec.split(":");

/** Names and tags of the runs a traced meeting makes (what LangSmith would show). */
class RunNames extends BaseCallbackHandler {
  name = "run-names";
  runs: { name: string; tags: string[] }[] = [];
  override handleChainStart(_chain: unknown, _inputs: unknown, _runId: string, _parent?: string, tags?: string[], _metadata?: unknown, _type?: string, runName?: string) {
    if (runName) this.runs.push({ name: runName, tags: tags ?? [] });
  }
}

describe("langgraph.json's review graph (LangGraph Studio)", () => {
  it("is a factory whose graph compiles and runs a review from a bare request on the offline engine, seats named and tagged", async () => {
    const module: Record<string, unknown> = await import(new URL(`../../${file}`, import.meta.url).href);
    const factory = module[exported ?? ""];
    if (typeof factory !== "function") throw new Error(`${spec} is not a function`);
    const graph = await factory();
    expect(Object.keys(graph.getGraph().nodes)).toEqual(["__start__", NODES.intake, NODES.drafter, NODES.reviewer, NODES.leader, NODES.memoWriter, "__end__"]);
    const brief = readFileSync(new URL("../../test/fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
    const request = CreateReviewSchema.parse({ brief: { title: "RefillReady", text: brief }, options: { rounds: 2 } });
    const names = new RunNames();
    const final = await graph.invoke({ runId: "rv_studio", createdAt: "2026-12-01T00:00:00.000Z", request }, { recursionLimit: 30, callbacks: [names], tags: ["rv_studio"] });
    expect(final.memo.runId).toBe("rv_studio");
    expect(final.memo.decision).toBe("fund");
    expect(final.round).toBeLessThanOrEqual(2);
    // Each reviewer step's work is a run named for its seat, carrying the run id's tag.
    const seats = final.seats.map((s: { agent: string }) => s.agent);
    expect(seats).toEqual(expect.arrayContaining(["engineer", "finance"]));
    expect(seats.some((s: string) => s.startsWith("customer:"))).toBe(true);
    for (const seat of seats) {
      const runs = names.runs.filter((r) => r.name === seat);
      expect(runs.length, seat).toBe(final.round);
      for (const r of runs) expect(r.tags).toContain("rv_studio");
    }
  });
});
