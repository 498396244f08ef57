import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/runtime/redis-server.js";
import { submit } from "../faults/common.js";
import { exited } from "../helpers/process.js";

const bin = fileURLToPath(new URL("../../bin/prfaq.js", import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** `prfaq dev` in a process group of its own, as a terminal runs `npm start`: Ctrl-C goes to the whole group. */
function startDev(env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, "dev"], { env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, output: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen: ${output()}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("stopping npm start", () => {
  for (const how of ["Ctrl-C", "SIGTERM"] as const) {
    it(`${how} stops the API and worker first and Redis last, says goodbye in one line, exits 0, no stack trace`, async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), "prfaq-stop-"));
      dirs.push(dataDir);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const dev = startDev({ PORT: String(port), PRFAQ_DATA_DIR: dataDir, PRFAQ_OFFLINE_PACE_MS: "35", PRFAQ_SHUTDOWN_TIMEOUT_MS: "1000" });
      await waitFor(() => dev.output().includes("Ctrl-C stops"), "start-up", dev.output);
      // The start-up line says whether auth is on.
      expect(dev.output()).toMatch(/^prfaq-sim .*running at .*auth: off \(no PRFAQ_API_KEYS; loopback only\)\)\. Ctrl-C stops\.$/m);
      const redisPid = Number(await readFile(path.join(dataDir, "redis", "redis.pid"), "utf8"));
      // A review in flight while it stops.
      const id = await submit(url, 0);
      await waitFor(async () => ((await (await fetch(`${url}/v1/reviews/${id}`)).json()) as { status: string }).status === "running", "the review starting", dev.output);

      const pid = dev.child.pid ?? 0;
      // Ctrl-C: the terminal signals every process of the foreground group.
      if (how === "Ctrl-C") process.kill(-pid, "SIGINT");
      else process.kill(pid, "SIGTERM");
      const code = await exited(dev.child);
      const output = dev.output();
      expect(code, output).toBe(0);

      const lines = output.trim().split("\n");
      expect(lines.at(-1)).toMatch(/^prfaq-sim stopped \(API \+ worker, then Redis\) in \d+\.\d s\. Bye\.$/);
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toMatch(/ECONNREFUSED|"level":50/);
      expect(isAlive(redisPid)).toBe(false);
      // Redis was told to stop by the service, after the rest (SIGTERM), not by the Ctrl-C (SIGINT).
      const log = await readFile(path.join(dataDir, "redis", "redis.log"), "utf8");
      expect(log).toMatch(/Received SIGTERM scheduling shutdown/);
      expect(log).not.toMatch(/Received SIGINT/);
    });
  }
});
