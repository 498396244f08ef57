// `npm run eval`: runs the full review over the calibration sets and prints, per set, a confusion matrix,
// verdict accuracy beside a trivial baseline, kills for the right reason, economics against hand-computed
// figures, the representative customer seated, verdicts on paraphrased briefs, and stability over 3
// persona selections. The held-back set (test/fixtures/calibration-holdout) prints figures only; its
// names and texts stay out of the output unless --reveal (which spoils it as a held-back set).
// `npm run eval -- --rubric`: per-check precision and recall of the rubric on the labelled PR/FAQs.
// Flags: --engine offline|openai (default offline; openai reads OPENAI_* and PRFAQ_MODEL* like the server),
// --rounds N (default 3), --set tune|holdout (default both), --no-paraphrase, --reveal, --json.
import path from "node:path";
import { parseArgs } from "node:util";
import { createOfflineAgents } from "../src/agents/offline.js";
import { loadConfig } from "../src/config.js";
import { EngineSchema } from "../src/domain/run.js";
import { evaluateBrief, formatSummary, scoreRubric, summarise, type BriefResult } from "../src/eval/calibration.js";
import { loadCalibrationSet, loadRubricSet } from "../src/eval/fixtures.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../src/personas/loader.js";
import { agentsFactory } from "../src/runtime/services.js";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "offline" },
    rounds: { type: "string", default: "3" },
    set: { type: "string" },
    rubric: { type: "boolean", default: false },
    "no-paraphrase": { type: "boolean", default: false },
    reveal: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

if (values.rubric) {
  const sets = [
    { name: "in-sample", dir: path.join(root, "test/fixtures/prfaqs"), note: "written alongside the checks" },
    { name: "first holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout-1"), note: "first held-back set; spent: the checks were changed after reading it" },
    { name: "second holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout-2"), note: "second held-back set; spent: the checks were changed after reading it" },
    { name: "third holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout-3"), note: "third held-back set; spent: the checks were changed after reading it" },
    { name: "fourth holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout-4"), note: "fourth held-back set; spent: the checks were changed after reading it" },
    { name: "fifth holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout-5"), note: "fifth held-back set; spent: the checks were changed after reading it" },
    { name: "sixth holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout-6"), note: "sixth held-back set; spent: the checks were changed after reading it" },
    { name: "holdout", dir: path.join(root, "test/fixtures/prfaqs-holdout"), note: "seventh held-back set, written blind and labelled before the checks first ran on it" },
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
const sets = [
  { name: "tune", dir: path.join(root, "test/fixtures/calibration"), reveal: true },
  { name: "holdout", dir: path.join(root, "test/fixtures/calibration-holdout"), reveal: values.reveal },
].filter((s) => !values.set || s.name === values.set);
const json = [];
for (const set of sets) {
  const started = performance.now();
  const results: BriefResult[] = [];
  for (const brief of await loadCalibrationSet(set.dir)) {
    results.push(await evaluateBrief(brief, { agents, personas, rounds, paraphrase: !values["no-paraphrase"] }));
    if (!values.json) process.stderr.write(".");
  }
  if (!values.json) process.stderr.write("\n");
  const summary = summarise(results);
  if (values.json) {
    json.push({ set: set.name, engine, rounds, ...summary, ...(set.reveal ? { results } : { misjudged: summary.misjudged.length, wrongReason: summary.wrongReason.length, unstable: summary.unstable.length }) });
  } else {
    const meetings = results.reduce((n, r) => n + 1 + r.variants.length + r.paraphrases.length, 0);
    console.log(formatSummary(summary, engine, { name: set.name, reveal: set.reveal }));
    console.log(`\n${meetings} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
if (values.json) console.log(JSON.stringify(json, null, 2));
