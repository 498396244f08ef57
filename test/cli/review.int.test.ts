import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunEventSchema } from "../../src/domain/events.js";
import { startStack, useStack, type Stack } from "../helpers/stack.js";
import { closedPort, fixture, ndjson, oneToN, runCli } from "./cli.js";

const FUND = fixture("briefs/strong-vet-clinic-refills.md");
const KILL = fixture("briefs/weak-feature-pile.md");
const stack = useStack();
const server = () => `--server=${stack().url}`;

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function transcript(id: string) {
  const res = await fetch(`${stack().url}/v1/reviews/${id}/events?format=json`);
  return RunEventSchema.array().parse(await res.json());
}

describe("prfaq review against a server", () => {
  it("follows the meeting: one line per event with round, role and gist, then the memo; exit 0 for fund", async () => {
    const { code, stdout, stderr } = await runCli(["review", server(), FUND]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe('[run]     run       queued     "RefillReady: prescription refills for veterinary clinics" · offline…');
    expect(lines).toContain("[round 1] meeting   round 1    the drafter writes the PR/FAQ; the reviewers read it in parallel");
    expect(lines.find((l) => l.startsWith("[round 1] drafter   v1         PR "))).toMatch(/^\[round 1\] drafter {3}v1 {9}PR \d+ words, FAQ \d+ words · 1 change: /);
    expect(lines.find((l) => l.startsWith("[round 1] rubric    score 95   v1: 1 finding; top: skipping-the-iteration (medium)"))).toBeDefined();
    for (const role of ["customer", "engineer", "finance", "bar-raiser"]) expect(lines.some((l) => l.startsWith(`[round 2] ${role.padEnd(9)} fund       `))).toBe(true);
    expect(lines.find((l) => /^\[round 1\] leader    iterate    1 change · leaning fund: Version 1 can be improved from the ledger/.test(l))).toBeDefined();
    expect(lines).toContain("[run]     run       FUND       completed: fund, confidence 90%, rubric score 100");
    expect(stdout).toContain("\n# FUND: RefillReady: prescription refills for veterinary clinics\n");
    // One line per event (a review, a decision or the memo may add indented lines under it).
    const eventLines = lines.slice(0, lines.indexOf("")).filter((l) => l.startsWith("["));
    expect(eventLines).toHaveLength(21); // 35 events (the bar raiser's cold read adds two), less 12 agent.started and 2 usage lines with nothing spent
    expect(eventLines.every((l) => l.length <= 100)).toBe(true);
    // Not a terminal: no spinner, no colour, no cursor control.
    expect(stdout).not.toMatch(/[\r\u001b]|reading v/);
    expect(stderr).toMatch(/^prfaq: review rv_\S+ started at http:\/\/127\.0\.0\.1:\d+ \(follow it again with: prfaq watch rv_\S+\)\n$/);
  });

  it("exits 10 for a kill verdict, and 0 with --no-fail", async () => {
    const killed = await runCli(["review", server(), KILL]);
    expect(killed.code).toBe(10);
    expect(killed.stdout).toContain("\n# KILL: OfficePlus\n");
    const noFail = await runCli(["review", server(), "--no-fail", KILL]);
    expect(noFail.code).toBe(0);
    expect(noFail.stdout).toContain("[run]     run       KILL       completed: kill");
  });

  it("--json prints NDJSON: every line a RunEvent, seq 1..n, exactly the server's transcript; --memo-out still saves the memo", async () => {
    const out = path.join(dir, "memo-json.md");
    const { code, stdout, stderr } = await runCli(["review", server(), "--json", "--memo-out", out, FUND]);
    expect(code).toBe(0);
    const events = ndjson(stdout);
    expect(events.map((e) => e.seq)).toEqual(oneToN(events.length));
    expect(events[0]?.type).toBe("run.queued");
    expect(events.at(-2)?.type).toBe("memo.ready");
    expect(events.at(-1)).toMatchObject({ type: "run.completed", verdict: { decision: "fund" } });
    expect(events).toEqual(await transcript(events[0]!.runId));
    expect(stderr).toBe("");
    const res = await fetch(`${stack().url}/v1/reviews/${events[0]!.runId}/memo`, { headers: { accept: "text/markdown" } });
    expect(await readFile(out, "utf8")).toBe(await res.text());
  });

  it("--memo-out saves the memo and prints only its verdict, headline and path", async () => {
    const out = path.join(dir, "memo.md");
    const { code, stdout } = await runCli(["review", server(), "--memo-out", out, KILL]);
    expect(code).toBe(10);
    expect((await readFile(out, "utf8")).startsWith("# KILL: OfficePlus\n")).toBe(true);
    expect(stdout).not.toContain("# KILL: OfficePlus");
    expect(stdout).toMatch(/\nKILL: Kill OfficePlus as it stands: .*\nMemo saved to .*memo\.md\n$/);
  });

  it("reads the brief from stdin with -; --rounds, repeated --persona and --engine reach the run", async () => {
    const args = ["review", server(), "--json", "--rounds", "1", "--persona", "vet-clinic-front-desk", "--persona", "working-parent", "--engine", "offline", "-"];
    const { code, stdout } = await runCli(args, { stdin: await readFile(FUND, "utf8") });
    expect(code).toBe(0);
    const events = ndjson(stdout);
    expect(events[0]).toMatchObject({ type: "run.queued", title: "RefillReady: prescription refills for veterinary clinics", rounds: 1, engine: "offline" });
    expect(events.filter((e) => e.type === "round.started")).toHaveLength(1);
    const started = events.find((e) => e.type === "run.started");
    // The brief's own customer sits first, then the personas named.
    expect(started?.type === "run.started" && started.personas.map((p) => p.id)).toEqual(["brief-elena", "vet-clinic-front-desk", "working-parent"]);
  });

  it("prints the server's problem (status, detail, every field error) and exits 1", async () => {
    const rounds = await runCli(["review", server(), "--rounds", "9", KILL]);
    expect(rounds.code).toBe(1);
    expect(rounds.stdout).toBe("");
    expect(rounds.stderr).toBe(
      "prfaq: the server refused the review (400 Bad Request): The review request is invalid: 1 problem, listed in errors.\n  options.rounds: Too big: expected number to be <=6\n",
    );
    const persona = await runCli(["review", server(), "--persona", "nobody", KILL]);
    expect(persona.code).toBe(1);
    expect(persona.stderr).toBe(
      "prfaq: the server refused the review (404 Not Found): Unknown customer persona id(s): nobody. GET /v1/personas lists them.\n  options.persona" +
        "s.0: no customer persona with id 'nobody'\n",
    );
  });

  it("exits 1 with a clear message when no server answers", async () => {
    const port = await closedPort();
    const { code, stderr } = await runCli(["review", `--server=http://127.0.0.1:${port}/`, KILL]);
    expect(code).toBe(1);
    expect(stderr).toBe(`prfaq: cannot reach the server at http://127.0.0.1:${port} (ECONNREFUSED). Start one with \`prfaq dev\`, pass --server URL, or run with --local.\n`);
  });

  it("exits 1 for bad arguments, pointing at the command's help", async () => {
    const { code, stderr } = await runCli(["review", "--rounds", "two", KILL]);
    expect(code).toBe(1);
    expect(stderr).toBe("prfaq: --rounds must be a whole number, not 'two'\nRun prfaq review --help for its options.\n");
    const missing = await runCli(["review", server(), path.join(dir, "nope.md")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("prfaq: ENOENT: no such file or directory");
  });
});

describe("prfaq review with API keys", () => {
  let keyed: Stack | undefined;
  beforeAll(async () => {
    keyed = await startStack({ env: { PRFAQ_API_KEYS: "k-cli-test-0123456789" } });
  });
  afterAll(async () => {
    await keyed?.stop();
  });

  it("sends PRFAQ_API_KEY as a Bearer token; without it the 401 is printed", async () => {
    const ok = await runCli(["review", `--server=${keyed!.url}`, "--json", KILL], { env: { PRFAQ_API_KEY: "k-cli-test-0123456789" } });
    expect(ok.code).toBe(10);
    expect(ndjson(ok.stdout).at(-1)?.type).toBe("run.completed");
    const refused = await runCli(["review", `--server=${keyed!.url}`, KILL]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe("prfaq: the server refused the review (401 Unauthorized): Send an API key: Authorization: Bearer <key>.\n");
  });
});
