// Shared helpers of the benchmarks: a private Redis in a temp dir, the fake OpenAI server, the
// services in-process or as child processes, an SSE reader, percentiles, tables and JSON results.
// Benchmarks print figures and never assert on time.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { createSseParser } from "../src/cli/sse.js";
import { loadConfig } from "../src/config.js";
import { startPrivateRedis, type PrivateRedis } from "../src/runtime/redis-server.js";
import { startServices, type Roles, type Running } from "../src/runtime/services.js";

import { FakeStateSchema, type FakeOpenAIOptions, type FakeState } from "../test/helpers/fake-openai.js";
export { startFakeOpenAI, type FakeRequest, type FakeState } from "../test/helpers/fake-openai.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "bin/prfaq.js");

/** Cleanups run in reverse order at the end, on an error, or on Ctrl-C: nothing is left behind. */
const cleanups: (() => Promise<void> | void)[] = [];
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}
export async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch {
      // best effort
    }
  }
}
const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of children) c.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanupAll().finally(() => process.exit(130));
  });
}

/** Runs a benchmark body, always cleaning up; exits non-zero only when the bench itself broke. */
export async function main(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanupAll();
  }
}

/** A private redis-server without persistence in a fresh temp dir, removed afterwards. */
export async function benchRedis(name: string): Promise<PrivateRedis & { dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `prfaq-bench-${name}-`));
  const redis = await startPrivateRedis({ dir, persist: false });
  onCleanup(async () => {
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return { ...redis, dir };
}

export const quiet = pino({ level: "silent" });

/** Starts API and/or worker in this process against `redisUrl`. Stopped at cleanup (or by calling stop). */
export async function inProcess(env: Record<string, string>, roles: Roles): Promise<Running & { url: string }> {
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env });
  const running = await startServices(config, roles, { logger: quiet });
  onCleanup(() => running.stop());
  return { ...running, url: running.url ?? "" };
}

export type Child = { child: ChildProcess; pid: number; url?: string; stop: () => Promise<void> };

/** Starts `prfaq serve|worker` as a child process (one node process: bin/prfaq.js registers tsx in-process). */
export async function spawnService(role: "serve" | "worker" | "fake-model", env: Record<string, string>, script?: string): Promise<Child> {
  // BENCH_CPU_PROF=<dir>: each service writes a V8 CPU profile there when it stops (open in Chrome DevTools).
  // One directory per service: Node names each thread's profile itself (a fixed --cpu-prof-name would let
  // tsx's module-loader thread overwrite the main thread's profile).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-interval=250", `--cpu-prof-dir=${path.join(process.env.BENCH_CPU_PROF, `${role}-${Date.now()}`)}`] : [];
  const args = [...profile, ...(script ? ["--import", "tsx", path.join(ROOT, script)] : [BIN, role])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string | undefined>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`prfaq ${role} did not start in 60 s:\n${out}${output}`)), 60_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (/running/.test(out)) {
        clearTimeout(timer);
        resolve(/at (http:\/\/\S+)/.exec(out)?.[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prfaq ${role} exited with ${code}:\n${out}${output}`));
    });
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    })();
    return stopping;
  };
  onCleanup(stop);
  return { child, pid: child.pid ?? 0, ...(url ? { url } : {}), stop };
}

/**
 * API and worker as two child processes: what is measured then runs apart from the bench's own fake
 * model server, as it would run apart from a real model.
 */
export async function childStack(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const api = await spawnService("serve", env);
  const worker = await spawnService("worker", env);
  if (!api.url) throw new Error("prfaq serve printed no URL");
  return { url: api.url, stop: async () => void (await Promise.all([worker.stop(), api.stop()])) };
}

/**
 * The fake model (test/helpers/fake-openai.ts) in a child process, apart from the bench's own event loop
 * as a real model server is apart from ours. `state(since)` fetches the calls it has answered so far (from the `since`th on).
 */
export async function startFakeModelProcess(options: FakeOpenAIOptions): Promise<{ url: string; state: (since?: number) => Promise<FakeState>; stop: () => Promise<void> }> {
  const child = await spawnService("fake-model", { FAKE_OPENAI_OPTIONS: JSON.stringify(options) }, "bench/fake-model.ts");
  if (!child.url) throw new Error("the fake model printed no URL");
  const base = child.url.replace(/\/v1$/, "");
  const state = async (since = 0) => FakeStateSchema.parse(await (await fetch(`${base}/_fake/state?since=${since}`)).json());
  return { url: child.url, state, stop: child.stop };
}

/** Resident set size of a process, in bytes (Linux /proc). */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command name: state is field 3, utime field 14, stime field 15 (1-based over the whole line).
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

export const BRIEF_TEXT = readFileSync(path.join(ROOT, "test/fixtures/briefs/strong-vet-clinic-refills.md"), "utf8");

/** POST /v1/reviews; returns the run id. */
export async function postReview(url: string, options: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/v1/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ brief: { title: "RefillReady", text: BRIEF_TEXT }, options }),
  });
  const body = (await res.json()) as { id?: string; detail?: string };
  if (res.status !== 202 || !body.id) throw new Error(`POST /v1/reviews answered ${res.status}: ${body.detail ?? JSON.stringify(body)}`);
  return body.id;
}

export type SseEvent = { id: number; event: string; data: string; receivedAt: number };

/**
 * Reads an SSE stream with plain node:http (no EventSource, no fetch), calling `onEvent` with each event
 * and the time it arrived (performance.now()). Resolves when the server ends the stream.
 */
export function streamSse(url: string, onEvent: (e: SseEvent) => void, onOpen?: () => void): { done: Promise<void>; abort: () => void } {
  let req: ReturnType<typeof httpRequest> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    req = httpRequest(url, { agent: false, headers: { accept: "text/event-stream" } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET ${url} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      onOpen?.();
      res.setEncoding("utf8");
      const parser = createSseParser();
      res.on("data", (chunk: string) => {
        const receivedAt = performance.now();
        for (const m of parser.push(chunk).messages) onEvent({ id: Number(m.id ?? 0), event: m.event, data: m.data, receivedAt });
      });
      res.on("end", () => resolve());
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
  return { done, abort: () => req?.destroy() };
}

/** Waits until `fn` is true, polling every `everyMs`. */
export async function until(fn: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The p-th percentile (0-100, nearest rank) of `values`. */
export function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
export const median = (values: number[]) => pct(values, 50);
export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Prints rows as an aligned table. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (typeof v === "number" ? String(round(v)) : (v ?? ""));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `  ${vals.map((v, i) => v.padEnd(widths[i]!)).join("  ")}`;
  console.log(line(cols));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

/** The 1, 5 and 15 minute load averages when the bench started: other work on the machine skews every figure. */
const LOAD_AT_START = os.loadavg().map((l) => round(l, 2));

/** Writes the bench's figures to bench/results/<name>.json, with the machine they were measured on. */
export async function writeResults(name: string, figures: unknown): Promise<string> {
  const dir = path.join(ROOT, "bench/results");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const cpus = os.cpus();
  const machine = { loadAverageAtStart: LOAD_AT_START, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)), cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", memGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` };
  await writeFile(file, `${JSON.stringify({ bench: name, measuredAt: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  console.log(`\nfigures written to ${path.relative(ROOT, file)}`);
  return file;
}

export type ProxyRecord = { name: string; messages: { role: string; content: string }[]; answer: string; startedAt: number; endedAt: number };

/**
 * An HTTP proxy in front of the fake OpenAI server that records each call's prompt and answer and, with
 * `serial`, lets one call through at a time (a model endpoint with a concurrency of one).
 */
export async function startModelProxy(targetBaseUrl: string, options: { serial: boolean }) {
  const target = new URL(targetBaseUrl);
  const records: ProxyRecord[] = [];
  let chain: Promise<void> = Promise.resolve();
  const forward = async (req: IncomingMessage, raw: string): Promise<{ status: number; body: string }> => {
    const res = await fetch(`${target.origin}${req.url ?? "/"}`, { method: req.method ?? "POST", headers: { "content-type": "application/json", authorization: req.headers.authorization ?? "" }, body: raw });
    return { status: res.status, body: await res.text() };
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    const run = async () => {
      const startedAt = Date.now();
      const out = await forward(req, raw);
      records.push({ ...describeCall(raw, out.body), startedAt, endedAt: Date.now() });
      return out;
    };
    let out: { status: number; body: string };
    if (options.serial) {
      const turn = chain.then(run);
      chain = turn.then(
        () => undefined,
        () => undefined,
      );
      out = await turn;
    } else out = await run();
    res.writeHead(out.status, { "content-type": "application/json" }).end(out.body);
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => { if (!res.headersSent) res.writeHead(502); res.end(); }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  onCleanup(close);
  return { url: `http://127.0.0.1:${port}${target.pathname}`, records, close };
}

function describeCall(rawRequest: string, rawResponse: string): { name: string; messages: { role: string; content: string }[]; answer: string } {
  type Body = { messages?: { role: string; content?: unknown }[]; tools?: { function?: { name?: string } }[]; response_format?: { json_schema?: { name?: string } } };
  type Answer = { choices?: { message?: { content?: string | null; tool_calls?: { function?: { arguments?: string } }[] } }[] };
  const body = JSON.parse(rawRequest || "{}") as Body;
  let answer = "";
  try {
    const parsed = JSON.parse(rawResponse) as Answer;
    const msg = parsed.choices?.[0]?.message;
    answer = msg?.tool_calls?.[0]?.function?.arguments ?? msg?.content ?? "";
  } catch {
    answer = "";
  }
  return {
    name: body.tools?.[0]?.function?.name ?? body.response_format?.json_schema?.name ?? "unknown",
    messages: (body.messages ?? []).map((m) => ({ role: m.role, content: typeof m.content === "string" ? m.content : "" })),
    answer,
  };
}
