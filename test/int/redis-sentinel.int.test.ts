import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { StartupError } from "../../src/runtime/startup-error.js";
import { startStack } from "../helpers/stack.js";

/** REDIS_SENTINELS: the service finds its Redis through a real redis-sentinel and runs a review on it. */
let dir: string;
let master: PrivateRedis;
let sentinel: ChildProcess;
let sentinelPort: number;
let password: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-sentinel-"));
  master = await startPrivateRedis({ dir: path.join(dir, "master"), persist: false });
  password = new URL(master.url).password;
  sentinelPort = await freePort();
  const conf = path.join(dir, "sentinel.conf");
  await writeFile(conf, [`port ${sentinelPort}`, "bind 127.0.0.1", `dir ${dir}`, `sentinel monitor reviews 127.0.0.1 ${master.port} 1`, `sentinel auth-pass reviews ${password}`, ""].join("\n"));
  sentinel = spawn("redis-server", [conf, "--sentinel"], { stdio: "ignore" });
  // Ready once it names the master.
  for (let i = 0; i < 100; i++) {
    const probe = new Redis({ port: sentinelPort, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on("error", () => undefined);
    const answer = await probe.connect().then(() => probe.call("SENTINEL", "get-master-addr-by-name", "reviews"), () => null).catch(() => null);
    probe.disconnect();
    if (Array.isArray(answer) && answer[1] === String(master.port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-sentinel did not start: ${await readFile(path.join(dir, "sentinel.log"), "utf8").catch(() => "")}`);
});
afterAll(async () => {
  sentinel?.kill("SIGTERM");
  await master?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("Redis through Sentinel (REDIS_SENTINELS)", () => {
  it("finds the master through the sentinel and runs a review on it; REDIS_URL gives only the password", async () => {
    const stack = await startStack({ env: { REDIS_URL: `redis://:${password}@not-used:1`, REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_MASTER: "reviews" } });
    try {
      const posted = await fetch(`${stack.url}/v1/reviews?rounds=1`, { method: "POST", headers: { "content-type": "text/markdown" }, body: await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8") });
      expect(posted.status).toBe(202);
      const { id } = (await posted.json()) as { id: string };
      let status = "";
      for (let i = 0; i < 600 && status !== "completed"; i++) {
        status = ((await (await fetch(`${stack.url}/v1/reviews/${id}`)).json()) as { status: string }).status;
        if (status !== "completed") await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe("completed");
      // The run is in the master the sentinel named.
      const direct = new Redis(master.url);
      expect(await direct.exists(`${stack.prefix}:run:${id}`)).toBe(1);
      direct.disconnect();
    } finally {
      await stack.stop();
    }
  });

  it("a master name the sentinels do not know stops the start-up with one line", async () => {
    const error = await startStack({ env: { REDIS_URL: `redis://:${password}@not-used:1`, REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`, REDIS_SENTINEL_MASTER: "nosuch" } }).then(
      async (s) => {
        await s.stop();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot reach the Redis at master nosuch of the sentinels 127\\.0\\.0\\.1:${sentinelPort} \\(.+\\): start that Redis or correct REDIS_URL`));
  });
});
