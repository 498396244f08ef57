import { Redis } from "ioredis";
import { afterAll, beforeAll, inject } from "vitest";
import { EventHub } from "../../src/store/event-hub.js";
import { redisKeys } from "../../src/store/keys.js";
import { RedisRunLedger } from "../../src/store/redis-ledger.js";
import { ledgerContract } from "../helpers/ledger-contract.js";
import { testPrefix } from "../helpers/prefix.js";

let redis: Redis;
let subscriber: Redis;
const hubs: EventHub[] = [];
const prefixes: string[] = [];

beforeAll(() => {
  redis = new Redis(inject("redisUrl"));
  subscriber = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  for (const hub of hubs) await hub.stop();
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
  subscriber.disconnect();
});

// The same contract suite as the memory ledger (src/store/memory-ledger.test.ts), on the suite's redis-server.
ledgerContract("redis", async ({ now, checkpoints }) => {
  const prefix = testPrefix("ledger");
  prefixes.push(prefix);
  const keys = redisKeys(prefix);
  const hub = new EventHub(subscriber.duplicate(), keys);
  hubs.push(hub);
  await hub.start();
  return new RedisRunLedger({ redis, keys, hub, checkpoints, now });
});
