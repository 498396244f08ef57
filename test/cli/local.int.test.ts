import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useStack } from "../helpers/stack.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { closedPort, fixture, ndjson, oneToN, runCli, startCli } from "./cli.js";

const FUND = fixture("briefs/strong-vet-clinic-refills.md");
const KILL = fixture("briefs/weak-tech-looking-for-problem.md");
// A Redis nobody listens on: --local must never try to connect.
const NO_REDIS = { REDIS_URL: "redis://127.0.0.1:1" };
const stack = useStack();

describe("prfaq review --local", () => {
  it("runs the review in-process with no server or Redis: lines, the memo, exit 0 for fund", async () => {
    const { code, stdout, stderr } = await runCli(["review", "--local", FUND], { env: NO_REDIS });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^\[run\] {5}run {7}queued {5}"RefillReady/);
    expect(stdout).toContain("[round 2] leader    conclude   0 changes · leaning fund: ");
    expect(stdout).toContain("\n# FUND: RefillReady: prescription refills for veterinary clinics\n");
    expect(stdout).toContain("**Engine:** offline");
  });

  it("exits 10 for a kill fixture (--no-fail: see review.int.test.ts)", async () => {
    const killed = await runCli(["review", "--local", KILL], { env: NO_REDIS });
    expect(killed.code).toBe(10);
    expect(killed.stdout).toMatch(/\n# KILL: /);
  });

  it("--json: the server's transcript of the same brief, event by event (ids and times aside), numbered 1..n", async () => {
    const local = await runCli(["review", "--local", "--json", FUND], { env: NO_REDIS });
    const remote = await runCli(["review", `--server=${stack().url}`, "--json", FUND]);
    expect([local.code, remote.code]).toEqual([0, 0]);
    const events = ndjson(local.stdout);
    expect(events.map((e) => e.seq)).toEqual(oneToN(events.length));
    expect(new Set(events.map((e) => e.runId)).size).toBe(1);
    expect(events[0]?.runId).toMatch(/^local-[0-9a-f]{12}$/);
    const remoteEvents = ndjson(remote.stdout);
    expect(events.map((e) => `${e.type}@${e.round ?? 0}`)).toEqual(remoteEvents.map((e) => `${e.type}@${e.round ?? 0}`));
    // The same meeting on the memory ledger and on Redis: every event equal once its run id and time are set aside.
    const comparable = (list: typeof events) => {
      const runId = list[0]?.runId ?? "";
      return list.map((e) => JSON.parse(JSON.stringify({ ...e, at: "-" }).replaceAll(runId, "RUN")) as unknown);
    };
    expect(comparable(events)).toEqual(comparable(remoteEvents));
    expect(events.at(-1)).toMatchObject({ type: "run.completed", status: "completed", verdict: { decision: "fund", confidence: 0.9, score: 100 } });
  });

  it("reads stdin and honours --rounds and --persona", async () => {
    const { code, stdout } = await runCli(["review", "--local", "--json", "--rounds", "1", "--persona", "working-parent", "-"], { env: NO_REDIS, stdin: await readFile(FUND, "utf8") });
    expect(code).toBe(0);
    const events = ndjson(stdout);
    expect(events.filter((e) => e.type === "round.started")).toHaveLength(1);
    const started = events.find((e) => e.type === "run.started");
    expect(started?.type === "run.started" && started.personas.map((p) => p.id)).toEqual(["brief-elena", "working-parent"]);
  });

  it("bad input: every field listed, exit 1, nothing run", async () => {
    const empty = await runCli(["review", "--local", "-"], { env: NO_REDIS, stdin: "   \n" });
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toBe("prfaq: The brief is not a valid review request: 2 problems.\n  brief.title: a title is required\n  brief.text: the brief text is required\n");
    const persona = await runCli(["review", "--local", "--persona", "nobody", FUND], { env: NO_REDIS });
    expect(persona.code).toBe(1);
    expect(persona.stderr).toBe("prfaq: Unknown customer persona id(s): nobody. `prfaq personas --local` lists them.\n  options.personas.0: no customer persona with id 'nobody'\n");
  });

  it("--engine openai runs the model engine in-process against an OpenAI-compatible server; without one it says what to set", async () => {
    const asked = await runCli(["review", "--local", "--engine", "openai", FUND], { env: NO_REDIS });
    expect(asked.code).toBe(1);
    expect(asked.stdout).toBe("");
    expect(asked.stderr).toBe("prfaq: The openai engine needs OPENAI_API_KEY or OPENAI_BASE_URL on the worker.\n");
    const fake = await startFakeOpenAI();
    try {
      // The offline default asked for the model engine by name: the meeting runs on the fake server's model.
      const model = await runCli(["review", "--local", "--engine", "openai", "--json", FUND], { env: { ...NO_REDIS, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "sk-test", PRFAQ_ENGINE: "offline" } });
      const events = ndjson(model.stdout);
      const last = events.at(-1);
      expect(last?.type).toBe("run.completed");
      // Exit 0 for fund, 10 for kill, as with a server.
      expect(model.code).toBe(last?.type === "run.completed" && last.verdict.decision === "kill" ? 10 : 0);
      expect(events.map((e) => e.seq)).toEqual(oneToN(events.length));
      expect(events.find((e) => e.type === "run.started")).toMatchObject({ engine: "openai" });
      expect(events.find((e) => e.type === "memo.ready")).toMatchObject({ memo: { engine: "openai" } });
      expect(fake.requests.filter((r) => r.name === "prfaq_draft").length).toBeGreaterThan(0);
    } finally {
      await fake.close();
    }
    const unknown = await runCli(["review", "--local", "--engine", "gpt", FUND], { env: NO_REDIS });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("prfaq: --engine must be offline or openai, not 'gpt'\nRun prfaq review --help for its options.\n");
  });

  it("without --engine, a configured model is the environment's default engine", async () => {
    const fake = await startFakeOpenAI();
    try {
      const byDefault = await runCli(["review", "--local", "--json", "--rounds", "1", FUND], { env: { ...NO_REDIS, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "sk-test" } });
      expect(ndjson(byDefault.stdout).find((e) => e.type === "run.started")).toMatchObject({ engine: "openai" });
    } finally {
      await fake.close();
    }
  });

  it("shows each retry of a model call as it happens (agent, attempt, wait, reason), then the failure", async () => {
    const port = await closedPort();
    const cli = startCli(["review", "--local", FUND], { env: { ...NO_REDIS, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_API_KEY: "sk-test", PRFAQ_MODEL_MAX_RETRIES: "1" } });
    const line = "[round 1] drafter   retrying   attempt 1 failed, trying again in 1 s: unreachable (ECONNREFUSED)";
    // Live: the line is out while the drafter still waits for its next try (the process has not ended).
    await expect.poll(() => cli.stdout(), { timeout: 45_000, interval: 50 }).toContain(line);
    expect(cli.child.exitCode).toBeNull();
    const { code, stdout } = await cli.done;
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines.filter((l) => l.includes("retrying"))).toEqual([line]);
    expect(lines.findIndex((l) => l.includes("retrying"))).toBeLessThan(lines.findIndex((l) => l.includes("engine_unavailable")));
  });
});
