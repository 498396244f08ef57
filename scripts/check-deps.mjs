#!/usr/bin/env node
// Checks the import graph of src/: no cycles between files, and the one-way folder rules of
// shared/design/architecture.md (left may import right only).
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// The tree to check: src/ (an argument names another, as the check's own test does).
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "..", "src"));
/** Which top-level folders each folder may import (besides itself). */
const ALLOWED = {
  cli: ["server", "store", "queue", "domain", "runtime", "rubric", "graph", "agents", "personas", "llm", "config"],
  runtime: ["server", "worker", "graph", "store", "queue", "domain", "agents", "personas", "llm", "config", "telemetry"],
  server: ["store", "queue", "domain", "personas", "rubric", "web"],
  worker: ["graph", "store", "queue", "domain", "personas", "agents", "telemetry"],
  queue: ["domain", "store", "telemetry"],
  graph: ["agents", "rubric", "domain", "personas", "telemetry"],
  agents: ["llm", "rubric", "domain", "personas", "telemetry"],
  rubric: ["domain"],
  llm: ["domain", "telemetry"],
  // The tracing port and its no-op; the OpenTelemetry implementation is src/runtime/otel.ts.
  telemetry: [],
  personas: ["domain"],
  store: ["domain"],
  domain: [],
  web: ["domain"],
  eval: ["graph", "agents", "rubric", "domain", "personas"],
  config: ["llm"],
  // src/index.ts, the package's library entry: re-exports only.
  index: ["config", "domain", "rubric", "graph", "runtime"],
};

/**
 * Packages a folder may not import at all: the server and the worker hold no Redis client and no queue
 * internals (they reach storage through src/store, jobs through src/queue), so only those and the entry points do.
 */
const FORBIDDEN_PACKAGES = {
  server: [/^ioredis(\/|$)/, /^bullmq(\/|$)/],
  worker: [/^ioredis(\/|$)/, /^bullmq(\/|$)/],
};

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) files.push(full);
  }
})(root);

const folderOf = (file) => {
  const rel = path.relative(root, file).split(path.sep);
  return rel.length === 1 ? rel[0].replace(/\.ts$/, "") : rel[0];
};

const graph = new Map();
const problems = [];
for (const file of files) {
  const source = readFileSync(file, "utf8");
  const deps = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']/gms)) {
    const typeOnly = /^\s*(?:import|export)\s+type\s/.test(m[0]);
    const target = path.resolve(path.dirname(file), m[1]).replace(/\.js$/, ".ts");
    deps.push(target);
    const from = folderOf(file);
    const to = folderOf(target);
    if (from !== to && !(ALLOWED[from] ?? []).includes(to) && !(typeOnly && to === "domain")) {
      problems.push(`${path.relative(root, file)} imports ${path.relative(root, target)}: ${from} may not depend on ${to}`);
    }
  }
  for (const m of source.matchAll(/(?:^\s*(?:import|export)\s[^;]*?from\s+|import\(\s*)["']([^."'][^"']*)["']/gms)) {
    const from = folderOf(file);
    if ((FORBIDDEN_PACKAGES[from] ?? []).some((re) => re.test(m[1]))) {
      problems.push(`${path.relative(root, file)} imports ${m[1]}: ${from} may not use a Redis client or BullMQ (go through store, queue or runtime)`);
    }
  }
  // OpenTelemetry is optional and costs nothing when off: only runtime/otel.ts imports its packages, and
  // that file is only loaded with `await import` (a type-only import of it loads nothing).
  const rel = path.relative(root, file).split(path.sep).join("/");
  for (const m of source.matchAll(/(?:^\s*(?:import|export)\s[^;]*?from\s+|import\(\s*)["']((?:@opentelemetry\/|@hono\/otel)[^"']*)["']/gms)) {
    if (rel !== "runtime/otel.ts") problems.push(`${rel} imports ${m[1]}: only runtime/otel.ts may use OpenTelemetry (lazily loaded when OTEL_EXPORTER_OTLP_ENDPOINT is set)`);
  }
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']*\/otel\.js)["']/gms)) {
    if (!/^\s*(?:import|export)\s+type\s/.test(m[0])) problems.push(`${rel} imports ${m[1]} statically: load it with await import, only when tracing is on`);
  }
  graph.set(file, deps);
}

// Cycle detection (runtime and type imports alike).
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 1);
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (!graph.has(dep)) continue;
    if (state.get(dep) === 1) {
      const cycle = stack.slice(stack.indexOf(dep)).concat(dep).map((f) => path.relative(root, f));
      problems.push(`import cycle: ${cycle.join(" -> ")}`);
    } else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 2);
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

if (problems.length > 0) {
  process.stderr.write(`Dependency check failed:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stdout.write(`Dependency check: ${files.length} files, no cycles, layering respected.\n`);
