import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { CalibrationLabelsSchema, RubricLabelsSchema, type CalibrationBrief, type RubricDoc } from "./calibration.js";

/**
 * Reads a calibration set: every `*.md` brief in `dir`, in name order, with its label from
 * `labels.json`. A brief without a label, or a label without its brief, is an error.
 */
export async function loadCalibrationSet(dir: string): Promise<CalibrationBrief[]> {
  const labels = CalibrationLabelsSchema.parse(JSON.parse(await readFile(path.join(dir, "labels.json"), "utf8"))).briefs;
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md")).sort();
  const unlabelled = files.filter((f) => !labels[f]);
  const missing = Object.keys(labels).filter((f) => !files.includes(f));
  if (unlabelled.length > 0) throw new Error(`briefs without a label in ${dir}/labels.json: ${unlabelled.join(", ")}`);
  if (missing.length > 0) throw new Error(`labels in ${dir}/labels.json without a brief: ${missing.join(", ")}`);
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(dir, file), "utf8"), label: labels[file]! })));
}

/** Reads a labelled PR/FAQ set: each document named in `labels.json` with the anti-patterns it contains. */
export async function loadRubricSet(dir: string): Promise<RubricDoc[]> {
  const labels = RubricLabelsSchema.parse(JSON.parse(await readFile(path.join(dir, "labels.json"), "utf8")));
  return Promise.all(Object.entries(labels).map(async ([file, expected]) => ({ file, expected, text: await readFile(path.join(dir, file), "utf8") })));
}
