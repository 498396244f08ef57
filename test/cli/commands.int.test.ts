import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { RunEventSchema } from "../../src/domain/events.js";
import { MemoSchema } from "../../src/domain/memo.js";
import { PersonaSchema } from "../../src/domain/persona.js";
import { useStack } from "../helpers/stack.js";
import { fixture, ndjson, runCli } from "./cli.js";

const stack = useStack();
const server = () => `--server=${stack().url}`;
let dir = "";
let fundId = "";
let killId = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-cli-"));
  // Two finished reviews to watch and fetch memos of.
  const fund = await runCli(["review", server(), "--json", fixture("briefs/strong-warehouse-picking.md")]);
  const kill = await runCli(["review", server(), "--json", "--no-fail", fixture("briefs/weak-social-for-everyone.md")]);
  fundId = ndjson(fund.stdout)[0]!.runId;
  killId = ndjson(kill.stdout)[0]!.runId;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("prfaq watch", () => {
  it("replays a finished review from the first event, with the memo, and exits by its verdict", async () => {
    const fund = await runCli(["watch", server(), fundId]);
    expect(fund.code).toBe(0);
    expect(fund.stdout.split("\n")[0]).toMatch(/^\[run\] {5}run {7}queued {5}"/);
    expect(fund.stdout).toMatch(/\n# FUND: /);
    const kill = await runCli(["watch", server(), killId]);
    expect(kill.code).toBe(10);
    expect(kill.stdout).toMatch(/\n# KILL: /);
  });

  it("--json: exactly the server's transcript", async () => {
    const { code, stdout } = await runCli(["watch", server(), "--json", "--no-fail", killId]);
    expect(code).toBe(0);
    const res = await fetch(`${stack().url}/v1/reviews/${killId}/events?format=json`);
    expect(ndjson(stdout)).toEqual(RunEventSchema.array().parse(await res.json()));
  });

  it("an unknown id: the 404 problem, exit 1", async () => {
    const { code, stderr } = await runCli(["watch", server(), "rv_doesnotexist123"]);
    expect(code).toBe(1);
    expect(stderr).toBe("prfaq: the server refused the event stream of rv_doesnotexist123 (404 Not Found): review rv_doesnotexist123 not found\n");
  });
});

describe("prfaq memo", () => {
  it("prints the memo markdown (as GET memo sends it), --json parses as a Memo, -o writes a file", async () => {
    const md = await runCli(["memo", server(), fundId]);
    expect(md.code).toBe(0);
    const res = await fetch(`${stack().url}/v1/reviews/${fundId}/memo`, { headers: { accept: "text/markdown" } });
    expect(md.stdout).toBe(await res.text());
    const json = await runCli(["memo", server(), "--json", killId]);
    expect(json.code).toBe(0);
    expect(MemoSchema.parse(JSON.parse(json.stdout)).decision).toBe("kill");
    const out = path.join(dir, "memo.md");
    const saved = await runCli(["memo", server(), "-o", out, fundId]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe("");
    expect(await readFile(out, "utf8")).toBe(md.stdout);
  });

  it("an unknown id: exit 1 with the server's detail", async () => {
    const { code, stderr } = await runCli(["memo", server(), "rv_doesnotexist123"]);
    expect(code).toBe(1);
    expect(stderr).toBe("prfaq: no memo for rv_doesnotexist123 (404 Not Found): review rv_doesnotexist123 not found\n");
  });
});

describe("prfaq personas", () => {
  it("lists the server's personas, customers first; --json parses; --local reads the files", async () => {
    const list = await runCli(["personas", server()]);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^customer {2}accounting-manager +Priya Raman: /);
    expect(lines.at(-1)).toMatch(/^engineer {2}skeptical-engineer +Raj Menon: /);
    const json = await runCli(["personas", server(), "--json"]);
    const personas = z.object({ personas: z.array(PersonaSchema) }).parse(JSON.parse(json.stdout)).personas;
    expect(personas).toHaveLength(lines.length);
    const local = await runCli(["personas", "--local"]);
    expect(local.code).toBe(0);
    expect(local.stdout).toBe(list.stdout);
  });
});

describe("help and usage", () => {
  it("--help on every command, exit 0", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["review", "watch", "memo", "lint", "personas", "dev", "serve", "worker"]) expect(top.stdout).toContain(`prfaq ${command}`);
    expect(top.stdout).toContain("0 the verdict is fund, 10 it is kill, 1 an error");
    // One at a time: a burst of processes would only slow the suite's timing-sensitive tests.
    const helps = [];
    for (const c of ["review", "watch", "memo", "lint", "personas", "dev", "serve", "worker"]) helps.push({ c, ...(await runCli([c, "--help"])) });
    for (const { c, code, stdout } of helps) {
      expect(code).toBe(0);
      expect(stdout.startsWith(`prfaq ${c}`)).toBe(true);
    }
    expect(helps[0]?.stdout).toContain("--memo-out FILE");
    expect((await runCli(["help", "watch"])).stdout).toBe(helps[1]?.stdout);
  });

  it("unknown commands and options exit 1", async () => {
    const command = await runCli(["frobnicate"]);
    expect(command.code).toBe(1);
    expect(command.stderr.startsWith("prfaq: unknown command 'frobnicate'\n\nprfaq - simulated")).toBe(true);
    const option = await runCli(["watch", "--bogus", "x"]);
    expect(option.code).toBe(1);
    expect(option.stderr).toMatch(/^prfaq: Unknown option '--bogus'.*\nRun prfaq watch --help for its options.\n$/s);
    const missing = await runCli(["watch"]);
    expect(missing.stderr).toBe("prfaq: watch needs a review ID\nRun prfaq watch --help for its options.\n");
  });
});
