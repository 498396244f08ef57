import { createServer, type Server } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startServices } from "../../src/runtime/services.js";
import { StartupError } from "../../src/runtime/startup-error.js";
import { freePort, startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { testPrefix } from "../helpers/prefix.js";
import { exited, spawnPrfaq } from "../helpers/process.js";

/**
 * What an operator gets wrong at start-up: the process exits 1 with one line naming the problem and the
 * fix, and no stack trace. (How fast is not asserted; each case ends in a second or two.)
 */
let busy: Server;
let busyPort: number;
let evicting: PrivateRedis;
let dir: string;
beforeAll(async () => {
  busyPort = await freePort();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(busyPort, "127.0.0.1", resolve));
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-evicting-"));
  evicting = await startPrivateRedis({ dir, persist: false });
  const client = new Redis(evicting.url);
  await client.config("SET", "maxmemory-policy", "allkeys-lru");
  client.disconnect();
});
afterAll(async () => {
  busy.close();
  await evicting.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The whole process, for the one-line, exit-1 promise. */
async function processFails(env: Record<string, string>): Promise<string> {
  const child = spawnPrfaq(["serve"], { REDIS_URL: inject("redisUrl"), PRFAQ_PREFIX: testPrefix("startup"), LOG_LEVEL: "silent", ...env });
  const code = await exited(child);
  const output = child.output();
  expect(code, output).toBe(1);
  expect(output).not.toMatch(/^\s+at /m);
  const lines = output.trim().split("\n");
  expect(lines, output).toHaveLength(1);
  return lines[0] ?? "";
}

/** The same start-up in this process (quicker): the line the process would print after "prfaq: ". */
async function fails(env: Record<string, string>): Promise<string> {
  const config = loadConfig({ REDIS_URL: inject("redisUrl"), PRFAQ_PREFIX: testPrefix("startup"), PORT: "0", LOG_LEVEL: "silent", ...env });
  const error = await startServices(config, { api: true, worker: false }, { logger: pino({ level: "silent" }) }).then(
    async (running) => {
      await running.stop();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  return `prfaq: ${(error as Error).message}`;
}

describe("start-up failures: one line naming the problem and the fix, exit 1", () => {
  it("a busy port: the process prints one line and exits 1", async () => {
    expect(await processFails({ PORT: String(busyPort) })).toBe(
      `prfaq: port ${busyPort} on 127.0.0.1 is already in use, perhaps by another prfaq-sim: stop that process, or choose another port with PORT (PORT=${busyPort + 1} npm start)`,
    );
  });

  it("a Redis that is not there, or not resolvable", async () => {
    const port = await freePort();
    expect(await fails({ REDIS_URL: `redis://127.0.0.1:${port}` })).toBe(
      `prfaq: cannot reach the Redis at 127.0.0.1:${port} (ECONNREFUSED): start that Redis or correct REDIS_URL, or unset REDIS_URL to use the private Redis`,
    );
    expect(await fails({ REDIS_URL: "redis://no-such-host.invalid:6379" })).toMatch(/^prfaq: cannot reach the Redis at no-such-host\.invalid:6379 \(its host name does not resolve\)/);
  });

  it("a Redis that evicts keys, and one that refuses our password", async () => {
    expect(await fails({ REDIS_URL: evicting.url })).toMatch(/^prfaq: the Redis at 127\.0\.0\.1:\d+ evicts keys \(maxmemory-policy allkeys-lru\).*set maxmemory-policy noeviction/);
    expect(await fails({ REDIS_URL: evicting.url.replace(/:\/\/:[0-9a-f]+@/, "://:wrong@") })).toMatch(/^prfaq: the Redis at 127\.0\.0\.1:\d+ refused our credentials \(WRONGPASS\)/);
  });

  it("the private Redis of the data directory left running without its append-only file: it is kept, and the line says how to turn the AOF on", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "prfaq-no-aof-"));
    // A server an earlier run left on this data directory, with its AOF turned off since.
    const leftOver = await startPrivateRedis({ dir: path.join(dataDir, "redis"), persist: false });
    try {
      const line = await fails({ REDIS_URL: "", PRFAQ_DATA_DIR: dataDir });
      expect(line).toBe(
        `prfaq: the private Redis in ${path.join(dataDir, "redis")} (port ${leftOver.port}, pid ${leftOver.pid}) runs without its append-only file, so its reviews would not survive a restart: turn it on with redis-cli -p ${leftOver.port} -a "$(cat ${path.join(dataDir, "redis", "redis.password")})" CONFIG SET appendonly yes, then start again`,
      );
      const client = new Redis(leftOver.url);
      expect(await client.ping()).toBe("PONG");
      client.disconnect();
    } finally {
      await leftOver.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("API keys that would turn auth off or are too short", async () => {
    expect(await fails({ PRFAQ_API_KEYS: ",,," })).toBe("prfaq: PRFAQ_API_KEYS holds no key; give at least one key, or unset it to run without auth on loopback");
    expect(await fails({ PRFAQ_API_KEYS: "#secret" })).toBe("prfaq: PRFAQ_API_KEYS: entry 1 is shorter than 16 characters; use long random keys (openssl rand -hex 24 makes one)");
  });
});

describe("start-up says whether auth is on", () => {
  it("logs auth on with the number of keys, or auth off (loopback only)", async () => {
    const said = async (env: Record<string, string>) => {
      const lines: string[] = [];
      const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
      const config = loadConfig({ REDIS_URL: inject("redisUrl"), PRFAQ_PREFIX: testPrefix("auth"), PORT: "0", LOG_LEVEL: "info", ...env });
      const running = await startServices(config, { api: true, worker: false }, { logger });
      await running.stop();
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => "auth" in l).map((l) => [l.auth, l.keys, l.msg]);
    };
    expect(await said({ PRFAQ_API_KEYS: "key-one-0123456789,key-two-0123456789" })).toEqual([[true, 2, "auth on"]]);
    expect(await said({})).toEqual([[false, 0, "auth off: no PRFAQ_API_KEYS, loopback only"]]);
  });
});
