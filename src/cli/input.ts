import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { markdownTitle } from "../domain/brief.js";
import type { CreateReviewSchema, Engine } from "../domain/run.js";

/** A review request as the CLI builds it, before validation (the server, or `--local`, validates it). */
export type ReviewRequestBody = z.input<typeof CreateReviewSchema>;

/** The review options a command line can set. */
export type ReviewFlags = {
  rounds?: number | undefined;
  personas?: string[] | undefined;
  engine?: Engine | undefined;
  /** What the file is: a brief (the default), or a PR/FAQ the author already wrote (`--prfaq`). */
  input?: "brief" | "prfaq" | undefined;
};

/** Reads a file, or all of stdin for `-`. */
export async function readInput(file: string, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The review request for a markdown brief: the title is the first `#` heading, else the first line (as
 * the API does for a `text/markdown` body), the whole file is the text, and the flags become options.
 * With `input: "prfaq"` the file is a PR/FAQ the author already wrote, sent as `{prfaq: {markdown}}`.
 * `--persona` may be repeated or comma-separated. Pure.
 */
export function buildReviewRequest(markdown: string, flags: ReviewFlags): ReviewRequestBody {
  const personas = (flags.personas ?? []).flatMap((p) => p.split(",")).map((p) => p.trim()).filter(Boolean);
  return {
    ...(flags.input === "prfaq" ? { prfaq: { markdown } } : { brief: { title: markdownTitle(markdown), text: markdown } }),
    options: {
      ...(flags.rounds !== undefined ? { rounds: flags.rounds } : {}),
      ...(personas.length ? { personas } : {}),
      ...(flags.engine ? { engine: flags.engine } : {}),
    },
  };
}
