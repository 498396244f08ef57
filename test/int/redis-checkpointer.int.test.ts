import { Annotation, MemorySaver, Send, START, StateGraph } from "@langchain/langgraph";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { redisKeys } from "../../src/store/keys.js";
import { RedisCheckpointSaver } from "../../src/store/redis-checkpointer.js";
import { testPrefix } from "../helpers/prefix.js";

let redis: Redis;
const prefix = testPrefix("cp");

beforeAll(() => {
  redis = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

/** A small graph shaped like the meeting: a step, a parallel fan-out, a loop. `failAt` makes one call throw once. */
function buildGraph(saver: RedisCheckpointSaver | MemorySaver, calls: string[], failAt?: string) {
  const failed = new Set<string>();
  const S = Annotation.Root({
    round: Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
    reviews: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    who: Annotation<string>({ reducer: (_a, b) => b, default: () => "" }),
    brief: Annotation<string>({ reducer: (_a, b) => b, default: () => "" }),
  });
  const step = (name: string) => {
    calls.push(name);
    if (name === failAt && !failed.has(name)) {
      failed.add(name);
      throw new Error(`crash in ${name}`);
    }
  };
  return new StateGraph(S)
    .addNode("draft", async (s) => {
      step(`draft@${s.round + 1}`);
      return { round: s.round + 1 };
    })
    .addNode("review", async (s) => {
      step(`review:${s.who}@${s.round}`);
      return { reviews: [`${s.who}@${s.round}`] };
    })
    .addNode("lead", async (s) => {
      step(`lead@${s.round}`);
      return {};
    })
    .addEdge(START, "draft")
    .addConditionalEdges("draft", (s) => ["a", "b", "c"].map((who) => new Send("review", { ...s, who })), ["review"])
    .addEdge("review", "lead")
    .addConditionalEdges("lead", (s) => (s.round < 3 ? "draft" : "__end__"), ["draft", "__end__"])
    .compile({ checkpointer: saver });
}

describe("RedisCheckpointSaver", () => {
  it("runs a graph to the same result as the in-memory saver, with its history listable", async () => {
    const saver = new RedisCheckpointSaver(redis, redisKeys(prefix));
    const calls: string[] = [];
    const result = await buildGraph(saver, calls).invoke({}, { configurable: { thread_id: "t1" } });
    const memoryResult = await buildGraph(new MemorySaver(), []).invoke({}, { configurable: { thread_id: "t1" } });
    expect(result).toEqual(memoryResult);
    expect(result.reviews).toEqual(["a@1", "b@1", "c@1", "a@2", "b@2", "c@2", "a@3", "b@3", "c@3"]);
    const history = [];
    for await (const t of saver.list({ configurable: { thread_id: "t1" } })) history.push(t);
    expect(history.length).toBeGreaterThan(9);
    // Newest first, each pointing at its parent.
    expect(history[0]?.parentConfig?.configurable?.checkpoint_id).toBe(history[1]?.config.configurable?.checkpoint_id);
    const latest = await saver.getTuple({ configurable: { thread_id: "t1" } });
    expect(latest?.checkpoint.id).toBe(history[0]?.checkpoint.id);
    const limited = [];
    for await (const t of saver.list({ configurable: { thread_id: "t1" } }, { limit: 2 })) limited.push(t);
    expect(limited).toHaveLength(2);
  });

  it("resumes after a crash mid-round without re-running finished steps", async () => {
    const saver = new RedisCheckpointSaver(redis, redisKeys(prefix));
    const calls: string[] = [];
    const graph = buildGraph(saver, calls, "review:b@2");
    const config = { configurable: { thread_id: "t2" } };
    await expect(graph.invoke({}, config)).rejects.toThrow("crash in review:b@2");
    const before = [...calls];
    // Resume: invoke with null input continues from the last checkpoint.
    const result = await graph.invoke(null, config);
    expect(result.reviews).toEqual(["a@1", "b@1", "c@1", "a@2", "b@2", "c@2", "a@3", "b@3", "c@3"]);
    const resumed = calls.slice(before.length);
    // Reviews a and c of round 2 finished before the crash: their writes were kept, only b runs again.
    expect(resumed[0]).toBe("review:b@2");
    expect(resumed.filter((c) => c.startsWith("draft@2"))).toHaveLength(0);
    expect(resumed.filter((c) => c === "review:a@2" || c === "review:c@2")).toHaveLength(0);
  });

  it("writes a channel's value once per version, not again with every checkpoint", async () => {
    const saver = new RedisCheckpointSaver(redis, redisKeys(prefix));
    const config = { configurable: { thread_id: "t4" } };
    await buildGraph(saver, []).invoke({ brief: "the brief" }, config);
    const blobs = Object.keys(await redis.hgetall(`${prefix}:cpb:t4:`));
    const checkpoints = (await redis.zrange(`${prefix}:cp:t4:`, "0", "-1")).length;
    // The brief is set once, at the input: one value, however many checkpoints follow.
    expect(checkpoints).toBeGreaterThan(9);
    expect(blobs.filter((f) => f.startsWith("brief\u0000"))).toHaveLength(1);
    expect(blobs.filter((f) => f.startsWith("round\u0000"))).toHaveLength(3);
    // Every checkpoint still reads back whole.
    for await (const t of saver.list(config)) if (t.metadata?.step !== undefined && t.metadata.step >= 0) expect(t.checkpoint.channel_values.brief).toBe("the brief");
  });

  it("reads a checkpoint written whole by the earlier format (values inline)", async () => {
    const saver = new RedisCheckpointSaver(redis, redisKeys(prefix));
    const config = { configurable: { thread_id: "t5" } };
    await buildGraph(saver, []).invoke({ brief: "old" }, config);
    const latest = await saver.getTuple(config);
    if (!latest) throw new Error("no checkpoint");
    // Rewrite the newest checkpoint as the earlier format stored it: channel values inside, no format field.
    const key = `${prefix}:cp:t5::${latest.checkpoint.id}`;
    const [type, bytes] = await saver.serde.dumpsTyped(latest.checkpoint);
    await redis.hset(key, { checkpoint: Buffer.from(bytes).toString("base64"), checkpointType: type });
    await redis.hdel(key, "format");
    await redis.del(`${prefix}:cpb:t5:`);
    const old = await saver.getTuple(config);
    expect(old?.checkpoint.channel_values).toEqual(latest.checkpoint.channel_values);
    expect(old?.checkpoint.channel_values.brief).toBe("old");
  });

  it("deletes every key of a thread", async () => {
    const saver = new RedisCheckpointSaver(redis, redisKeys(prefix));
    await buildGraph(saver, []).invoke({}, { configurable: { thread_id: "t3" } });
    expect((await redis.keys(`${prefix}:*:t3*`)).length).toBeGreaterThan(0);
    await saver.deleteThread("t3");
    expect(await redis.keys(`${prefix}:*:t3*`)).toEqual([]);
    expect(await saver.getTuple({ configurable: { thread_id: "t3" } })).toBeUndefined();
  });
});
