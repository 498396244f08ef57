import fc from "fast-check";

/** The environment variable that replays a property-test run: `PRFAQ_FC_SEED=123 npx vitest run <file>`. */
export const SEED_VARIABLE = "PRFAQ_FC_SEED";

/**
 * The seed every property test of this process runs with: `PRFAQ_FC_SEED` when it is set (to replay
 * a failure), otherwise a fresh one, so that each run explores new cases. Printed once, on first use.
 */
export function propertySeed(): number {
  if (seed === undefined) {
    seed = readSeed(process.env[SEED_VARIABLE]);
    process.stdout.write(`fast-check seed ${seed} (replay with ${SEED_VARIABLE}=${seed})\n`);
  }
  return seed;
}
let seed: number | undefined;

/** Reads a seed as fast-check takes it (a 32-bit integer); a malformed value fails loudly instead of running unseeded. */
export function readSeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return (Math.random() * 0x1_0000_0000) | 0;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < -0x8000_0000 || n > 0xffff_ffff) {
    throw new Error(`${SEED_VARIABLE} must be a 32-bit integer, got "${raw}"`);
  }
  return n | 0;
}

/** Overrides every property's number of runs, for a long search: `PRFAQ_FC_RUNS=10000`. */
export const RUNS_VARIABLE = "PRFAQ_FC_RUNS";

/**
 * The fast-check parameters for every `fc.assert` in the suite: the printed, replayable seed and the
 * number of runs. A failure names the seed and how to replay it, besides fast-check's own report.
 *
 * @param numRuns how many generated cases to try (`PRFAQ_FC_RUNS` overrides it).
 */
export function propertyParams<Ts>(numRuns: number): fc.Parameters<Ts> {
  const s = propertySeed();
  const runs = process.env[RUNS_VARIABLE];
  return {
    seed: s,
    numRuns: runs && /^\d+$/.test(runs.trim()) ? Number(runs) : numRuns,
    reporter(details) {
      if (!details.failed) return;
      const report = fc.defaultReportMessage(details) ?? "Property failed";
      throw new Error(`${report}\n\nReplay: ${SEED_VARIABLE}=${s} npx vitest run <this file>`, { cause: details.errorInstance });
    },
  };
}
