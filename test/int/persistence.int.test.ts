import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pino from "pino";
import { loadConfig } from "../../src/config.js";
import { startServices } from "../../src/runtime/services.js";
import { readSse } from "../helpers/sse.js";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("npm start's private Redis", () => {
  it("keeps finished runs and their events across a stop and a restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "prfaq-data-"));
    dirs.push(dataDir);
    const config = loadConfig({ PORT: "0", PRFAQ_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const logger = pino({ level: "silent" });

    const first = await startServices(config, { api: true, worker: true }, { logger });
    expect(first.privateRedis).toBeDefined();
    const res = await fetch(`${first.url}/v1/reviews`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brief: { title: "Vibe", text: "A social network for everyone." }, options: { rounds: 1 } }),
    });
    const { id } = (await res.json()) as { id: string };
    const before = await readSse(`${first.url}/v1/reviews/${id}/events`);
    expect(before.messages.at(-1)?.event).toBe("run.completed");
    await first.stop();

    const second = await startServices(config, { api: true, worker: true }, { logger });
    try {
      expect(second.redisUrl).not.toBe("");
      const run = (await (await fetch(`${second.url}/v1/reviews/${id}`)).json()) as { status: string };
      expect(run.status).toBe("completed");
      const after = await readSse(`${second.url}/v1/reviews/${id}/events`);
      expect(after.messages).toEqual(before.messages);
      const memo = await fetch(`${second.url}/v1/reviews/${id}/memo`);
      expect(memo.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
