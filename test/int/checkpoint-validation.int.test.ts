import * as vitest from "vitest";
import { Redis } from "ioredis";
import { redisKeys } from "../../src/store/keys.js";
import { RedisCheckpointSaver } from "../../src/store/redis-checkpointer.js";
import { testPrefix } from "../helpers/prefix.js";

/**
 * LangGraph's own conformance suite for checkpoint savers (@langchain/langgraph-checkpoint-validation),
 * run on our Redis saver against the suite's redis-server. The suite is written for Jest-style globals
 * (`describe`, `it`, `expect`, hooks at the top level); this repository's vitest runs without globals,
 * so this file lends it vitest's own before loading it.
 */
Object.assign(globalThis, {
  describe: vitest.describe,
  it: vitest.it,
  test: vitest.test,
  expect: vitest.expect,
  beforeAll: vitest.beforeAll,
  afterAll: vitest.afterAll,
  beforeEach: vitest.beforeEach,
  afterEach: vitest.afterEach,
});
const { validate } = await import("@langchain/langgraph-checkpoint-validation");

let redis: Redis;
/** Each checkpointer the suite creates gets a prefix of its own: no instance reads another's state. */
const prefixes = new Map<RedisCheckpointSaver, string>();

validate({
  checkpointerName: "RedisCheckpointSaver",
  beforeAll() {
    redis = new Redis(vitest.inject("redisUrl"));
  },
  async afterAll() {
    redis.disconnect();
  },
  createCheckpointer() {
    const prefix = testPrefix("cpv");
    const saver = new RedisCheckpointSaver(redis, redisKeys(prefix));
    prefixes.set(saver, prefix);
    return saver;
  },
  async destroyCheckpointer(saver) {
    const prefix = prefixes.get(saver);
    prefixes.delete(saver);
    const keys = prefix ? await redis.keys(`${prefix}:*`) : [];
    if (keys.length) await redis.del(...keys);
  },
});
