// `npm run eval`: runs the full review over the calibration set and prints a confusion matrix, accuracy,
// each misjudged brief with the memo's reasons, and the verdict's stability over 3 persona selections.
// `npm run eval -- --rubric`: per-check precision and recall of the rubric on the labelled PR/FAQs.
// Flags: --engine offline|openai (default offline; openai reads OPENAI_* and PRFAQ_MODEL* like the server),
// --rounds N (default 3), --split tune|holdout (default both), --dir <calibration folder>, --json.
import path from "node:path";
import { parseArgs } from "node:util";
import { createOfflineAgents } from "../src/agents/offline.js";
import { loadConfig } from "../src/config.js";
import { EngineSchema } from "../src/domain/run.js";
import { formatSummary, personaSelections, reviewBrief, scoreRubric, summarise, type BriefResult } from "../src/eval/calibration.js";
import { loadCalibrationSet, loadRubricSet } from "../src/eval/fixtures.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../src/personas/loader.js";
import { agentsFactory } from "../src/runtime/services.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "offline" },
    rounds: { type: "string", default: "3" },
    split: { type: "string" },
    dir: { type: "string", default: path.join(root, "test/fixtures/calibration") },
    rubric: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

if (values.rubric) {
  const sets = [
    { name: "in-sample", dir: path.join(root, "test/fixtures/prfaqs"), note: "written alongside the checks" },
    { name: "holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout"), note: "written after the checks, never used to tune them" },
  ];
  const out = [];
  for (const set of sets) {
    const docs = await loadRubricSet(set.dir);
    const { checks, total, misses } = scoreRubric(docs);
    out.push({ set: set.name, documents: docs.length, checks, total, misses });
    if (values.json) continue;
    console.log(`rubric, ${set.name}: ${docs.length} labelled PR/FAQs in ${path.relative(root, set.dir)} (${set.note})\n`);
    console.log(`${"check".padEnd(32)} ${"TP".padStart(3)} ${"FP".padStart(3)} ${"FN".padStart(3)}  precision  recall`);
    for (const [name, c] of [...checks.map((c) => [c.check, c] as const), ["all checks", total] as const]) {
      console.log(`${name.padEnd(32)} ${String(c.truePositives).padStart(3)} ${String(c.falsePositives).padStart(3)} ${String(c.falseNegatives).padStart(3)}  ${c.precision.toFixed(2).padStart(9)}  ${c.recall.toFixed(2).padStart(6)}`);
    }
    console.log(misses.length ? `\n${misses.map((m) => `- ${m.file}: ${m.check} (${m.kind})`).join("\n")}\n` : "\nno false positives or false negatives\n");
  }
  if (values.json) console.log(JSON.stringify(out, null, 2));
  process.exit(0);
}

const engine = EngineSchema.parse(values.engine);
const rounds = Number(values.rounds);
const agents = engine === "offline" ? createOfflineAgents() : agentsFactory(loadConfig(process.env))(engine);
const personas = await loadPersonaLibrary(defaultPersonaDir());
const briefs = await loadCalibrationSet(values.dir);
const chosen = briefs.filter((b) => !values.split || b.label.split === values.split);
const started = performance.now();
const results: BriefResult[] = [];
for (const brief of chosen) {
  const [first, ...others] = personaSelections(brief.text, personas);
  const outcome = await reviewBrief(brief, { agents, personas, rounds, personaIds: first });
  const variants = [];
  for (const ids of others) variants.push(await reviewBrief(brief, { agents, personas, rounds, personaIds: ids }));
  results.push({ brief, outcome, variants });
  if (!values.json) process.stderr.write(".");
}
if (!values.json) process.stderr.write("\n");
const summary = summarise(results);
if (values.json) {
  console.log(JSON.stringify({ engine, rounds, ...summary, results }, null, 2));
} else {
  console.log(formatSummary(summary, engine));
  console.log(`\n${results.length * 3} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
