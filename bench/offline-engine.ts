// Offline engine throughput: complete review meetings per second on one core, in-process, no Redis.
// Prints figures; never fails on time. Usage: npm run bench [-- --runs 200]
import { readFile, readdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createOfflineAgents } from "../src/agents/offline.js";
import { CreateReviewSchema } from "../src/domain/run.js";
import { runMeeting } from "../src/graph/meeting.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../src/personas/loader.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "100" } } });
const runs = Number(values.runs);
const dir = new URL("../test/fixtures/briefs/", import.meta.url);
const files = (await readdir(dir)).filter((f) => f.endsWith(".md")).sort();
const briefs = await Promise.all(files.map(async (f) => {
  const text = await readFile(new URL(f, dir), "utf8");
  return CreateReviewSchema.parse({ brief: { title: /^#\s+(.+)$/m.exec(text)?.[1] ?? f, text } });
}));
const personas = await loadPersonaLibrary(defaultPersonaDir());
const agents = createOfflineAgents();

let events = 0;
const verdicts = { fund: 0, kill: 0 };
const started = process.hrtime.bigint();
for (let i = 0; i < runs; i++) {
  const request = briefs[i % briefs.length]!;
  const result = await runMeeting({
    runId: `bench-${i}`,
    createdAt: "2026-11-25T00:00:00.000Z",
    request,
    agents,
    personas,
    emit: async () => {
      events += 1;
    },
  });
  verdicts[result.memo.decision] += 1;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const mem = process.memoryUsage();
console.log(`offline engine: ${runs} meetings over ${briefs.length} briefs in ${seconds.toFixed(2)} s`);
console.log(`  ${(runs / seconds).toFixed(1)} meetings/s on one core, ${(events / runs).toFixed(1)} events per meeting, ${((seconds / runs) * 1000).toFixed(1)} ms per meeting`);
console.log(`  verdicts: ${verdicts.fund} fund, ${verdicts.kill} kill; rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB`);
