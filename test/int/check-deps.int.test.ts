import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/check-deps.mjs", import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "prfaq-deps-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the dependency check on a tree of `files` (path -> source); resolves with its exit code and output. */
async function check(name: string, files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = path.join(root, name);
  for (const [file, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), source);
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, dir]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("the dependency check (npm run lint)", () => {
  it("passes a server that reaches Redis only through the store", async () => {
    const result = await check("clean", {
      "store/ledger.ts": 'import type { Redis } from "ioredis";\nexport type L = { redis?: Redis };\n',
      "server/app.ts": 'import type { L } from "../store/ledger.js";\nexport const app = (l: L) => l;\n',
    });
    expect(result).toEqual({ code: 0, output: "Dependency check: 2 files, no cycles, layering respected.\n" });
  });

  it("fails a server file that imports a Redis client or BullMQ, even as a type", async () => {
    const result = await check("redis-in-server", {
      "server/a.ts": 'import type { Redis } from "ioredis";\nexport type A = Redis;\n',
      "server/b.ts": 'export type B = import("bullmq").Job;\n',
    });
    expect(result.code).toBe(1);
    expect(result.output).toBe(
      "Dependency check failed:\n" +
        "  server/a.ts imports ioredis: server may not use a Redis client or BullMQ (go through store, queue or runtime)\n" +
        "  server/b.ts imports bullmq: server may not use a Redis client or BullMQ (go through store, queue or runtime)\n",
    );
  });
});
