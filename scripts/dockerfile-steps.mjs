#!/usr/bin/env node
// Runs the Dockerfile's steps without Docker (CI has no engine): each stage gets a directory of its own for
// a root, WORKDIR/COPY/RUN/ENV are carried out there with this machine's Node.js and npm (the image's are the
// same major version), then the final stage is started as the image would start it: the API (CMD) and a
// worker against a throwaway redis-server, its HEALTHCHECK command run until it passes, /readyz must see the
// worker, and one review must complete. It also fails if a build tool reached the final stage.
// Usage: node scripts/dockerfile-steps.mjs [--keep]   (run by .ci/run; about a minute)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "prfaq-dockerfile-"));
const children = [];
const say = (line) => process.stdout.write(`dockerfile-steps: ${line}\n`);

function fail(message) {
  process.stderr.write(`dockerfile-steps: FAILED: ${message}\n`);
  process.exitCode = 1;
  throw new Error(message);
}

/** The build context: the repository's files as git sees them (tracked and new, nothing ignored). */
function makeContext() {
  const context = path.join(work, "context");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    const from = path.join(root, file);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(context, file)), { recursive: true });
    cpSync(from, path.join(context, file));
  }
  return context;
}

/** The Dockerfile as instructions: comments dropped, continued lines joined. */
function instructions() {
  const text = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [, op, rest] = /^(\S+)\s+(.*)$/.exec(line) ?? fail(`cannot read the line '${line}'`);
      return { op: op.toUpperCase(), rest };
    });
}

/** `["a", "b"]` (exec form) or `a b` (shell form). */
const commandOf = (rest) => (rest.startsWith("[") ? JSON.parse(rest) : ["/bin/sh", "-c", rest]);

/** Docker's COPY: a folder's contents go into the destination; a file goes into a destination ending in `/`. */
function copy(from, to) {
  if (!existsSync(from)) fail(`COPY: ${from} does not exist`);
  const target = !statSync(from).isDirectory() && to.endsWith("/") ? path.join(to, path.basename(from)) : to;
  mkdirSync(statSync(from).isDirectory() ? target : path.dirname(target), { recursive: true });
  cpSync(from, target, { recursive: true });
}

/** Carries out every stage; answers the last one's root, workdir, environment and start-up commands. */
function build(context) {
  const stages = new Map();
  let stage;
  for (const { op, rest } of instructions()) {
    if (op === "FROM") {
      const name = /\sAS\s+(\S+)$/i.exec(rest)?.[1] ?? String(stages.size);
      stage = { name, root: path.join(work, "stages", name), cwd: "/", env: {}, user: "root" };
      mkdirSync(stage.root, { recursive: true });
      stages.set(name, stage);
      say(`stage ${name} (${rest.split(/\s/)[0]})`);
      continue;
    }
    if (!stage) fail(`${op} before FROM`);
    const inStage = (p) => path.join(stage.root, p.startsWith("/") ? p : path.join(stage.cwd, p));
    switch (op) {
      case "WORKDIR":
        stage.cwd = path.resolve(stage.cwd, rest);
        mkdirSync(inStage("."), { recursive: true });
        break;
      case "ENV":
        for (const [, key, value] of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[key] = value.replace(/^"|"$/g, "");
        break;
      case "COPY": {
        const parts = rest.split(/\s+/);
        const from = parts[0].startsWith("--from=") ? stages.get(parts.shift().slice(7)) : undefined;
        const dest = parts.pop();
        for (const src of parts) copy(from ? path.join(from.root, src) : path.join(context, src), inStage(dest));
        break;
      }
      case "RUN": {
        say(`RUN ${rest}`);
        const [cmd, ...args] = commandOf(rest);
        const done = spawnSync(cmd, args, { cwd: inStage("."), env: { ...process.env, ...stage.env }, stdio: "inherit" });
        if (done.status !== 0) fail(`RUN ${rest} exited ${done.status}`);
        break;
      }
      case "USER":
        stage.user = rest;
        break;
      case "HEALTHCHECK":
        stage.healthcheck = commandOf(rest.replace(/^(--\S+\s+)*CMD\s+/, ""));
        break;
      case "ENTRYPOINT":
        stage.entrypoint = commandOf(rest);
        break;
      case "CMD":
        stage.cmd = commandOf(rest);
        break;
      case "EXPOSE":
        break;
      default:
        fail(`the script does not know ${op}: teach it, or keep the Dockerfile to what it knows`);
    }
  }
  return stage;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function start(command, env, cwd, name) {
  const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  children.push(child);
  return Object.assign(child, { output: () => output, label: name });
}

async function until(what, check, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not happen within ${seconds} s\n${children.map((c) => `--- ${c.label}\n${c.output()}`).join("\n")}`);
}

async function main() {
  const final = build(makeContext());
  const app = path.join(final.root, final.cwd);
  if (final.user === "root") fail("the final stage runs as root: add a USER");
  if (!final.healthcheck) fail("the final stage has no HEALTHCHECK");
  const tools = ["typescript", "tsx", "esbuild", "vitest"].filter((p) => existsSync(path.join(app, "node_modules", p)));
  if (tools.length > 0) fail(`build tools in the final stage: ${tools.join(", ")}`);
  say(`final stage: ${app} (user ${final.user}, no build tools in node_modules)`);

  const password = randomBytes(16).toString("hex");
  const redisPort = await freePort();
  const redis = start(["redis-server", "--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", password, "--maxmemory-policy", "noeviction"], process.env, work, "redis-server");
  const port = await freePort();
  const apiKey = randomBytes(24).toString("hex");
  const env = { PATH: process.env.PATH, HOME: work, ...final.env, PORT: String(port), REDIS_URL: `redis://:${password}@127.0.0.1:${redisPort}`, PRFAQ_API_KEYS: apiKey, LOG_LEVEL: "warn" };
  const api = start([...final.entrypoint, ...final.cmd], env, app, "api");
  start([...final.entrypoint, "worker"], env, app, "worker");
  void redis;

  await until("the HEALTHCHECK passing", async () => spawnSync(final.healthcheck[0], final.healthcheck.slice(1), { cwd: app, env, stdio: "ignore" }).status === 0);
  say(`HEALTHCHECK passes: the API (${final.cmd.join(" ")}) answers /healthz on port ${port}`);
  const base = `http://127.0.0.1:${port}`;
  await until("/readyz seeing the worker", async () => (await fetch(`${base}/readyz`)).ok);
  const headers = { authorization: `Bearer ${apiKey}`, "content-type": "text/markdown" };
  const brief = readFileSync(path.join(root, "test/fixtures/briefs/strong-vet-clinic-refills.md"), "utf8");
  const posted = await fetch(`${base}/v1/reviews?rounds=1`, { method: "POST", headers, body: brief });
  if (posted.status !== 202) fail(`POST /v1/reviews answered ${posted.status}: ${await posted.text()}`);
  const { id } = await posted.json();
  let status = "";
  await until("the review completing", async () => {
    status = (await (await fetch(`${base}/v1/reviews/${id}`, { headers })).json()).status;
    return status === "completed" || status === "failed";
  });
  if (status !== "completed") fail(`the review ended ${status}`);
  say(`a review ran on the worker: ${id} completed`);
  // What an operator reads: the queue dashboard (its page and one of its static files) and the metrics.
  const dashboard = await fetch(`${base}/admin/queues`, { headers: { authorization: `Bearer ${apiKey}` } });
  const page = await dashboard.text();
  // Its page loads its scripts relative to <base href="/admin/queues/">.
  const asset = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page)?.[1];
  if (dashboard.status !== 200 || !asset) fail(`/admin/queues answered ${dashboard.status} without its script`);
  const script = await fetch(`${base}/admin/queues/${asset}`, { headers: { authorization: `Bearer ${apiKey}` } });
  if (script.status !== 200) fail(`${asset} answered ${script.status}`);
  const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${apiKey}` } })).text();
  for (const name of ["process_cpu_seconds_total", "http_request_duration_seconds_bucket", "prfaq_run_duration_seconds_bucket"]) {
    if (!metrics.includes(name)) fail(`/metrics has no ${name}`);
  }
  say("/admin/queues serves the dashboard and its script; /metrics has the process, HTTP and run-duration figures");
  void api;
}

try {
  await main();
  say("ok");
} catch (error) {
  if (!process.exitCode) process.stderr.write(`dockerfile-steps: FAILED: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
} finally {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue;
    child.kill("SIGTERM");
    await new Promise((r) => {
      child.once("exit", r);
      setTimeout(() => (child.kill("SIGKILL"), r()), 10_000).unref();
    });
  }
  if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true });
  else say(`kept ${work}`);
}
