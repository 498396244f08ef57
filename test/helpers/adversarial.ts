import fc from "fast-check";

/**
 * Adversarial request bodies, shared by the property test (test/e2e/adversarial-bodies.e2e.test.ts) and
 * the event-loop bench (bench/event-loop.ts): text made of the pieces that make parsers and regexes
 * backtrack or loop per line (newlines, spaces, markdown markers, repeated phrases, long lines), up to
 * the body limit.
 */

/** The default body limit (PRFAQ_BODY_LIMIT_BYTES). */
export const BODY_LIMIT = 65_536;

const PIECES = [
  "\n",
  "\r\n",
  " ",
  "\t",
  "\u00a0",
  "\u2028",
  "#",
  "# ",
  "## ",
  "### Q: ",
  "- ",
  "* ",
  "1. ",
  "> ",
  "**",
  "|",
  "Q: ",
  "A: ",
  "a\n\n",
  "a b\n\n",
  "We will.\n\n",
  "Customers love it! ",
  "$1 by 2027. ",
  "## Customer\n",
  "\"I love it,\" said Ana. ",
  "x".repeat(1000),
  "🙂",
] as const;

/** Cuts `text` to at most `bytes` UTF-8 bytes (on a character boundary). */
export function fitBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let cut = text.slice(0, bytes);
  while (Buffer.byteLength(cut) > bytes) cut = cut.slice(0, -Math.max(1, Math.ceil((Buffer.byteLength(cut) - bytes) / 4)));
  return cut;
}

/** `make(text)` as JSON, with `text` cut until the JSON is at most `bytes` long (escapes make JSON longer than its text). */
export function jsonWithin(bytes: number, text: string, make: (text: string) => unknown): string {
  let cut = text;
  let body = JSON.stringify(make(cut));
  while (Buffer.byteLength(body) > bytes) {
    cut = cut.slice(0, Math.floor(cut.length * Math.min(0.95, bytes / Buffer.byteLength(body))));
    body = JSON.stringify(make(cut));
  }
  return body;
}

/** A text of up to `maxBytes`: one to four runs of a piece repeated many times, or a few pieces interleaved. */
export function adversarialText(maxBytes = BODY_LIMIT): fc.Arbitrary<string> {
  const run = fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: maxBytes })).map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)));
  const runs = fc.array(run, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));
  const interleaved = fc
    .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: maxBytes }))
    .map(([pieces, n]) => pieces.join("").repeat(Math.ceil(n / pieces.join("").length)));
  return fc.oneof(runs, interleaved).map((text) => fitBytes(text, maxBytes));
}

/** The bodies that cost the most before the fixes: newlines for the title rule, short paragraphs for the rubric. */
export const WORST_CASE = {
  /** 65,536 newlines: the markdown title regex backtracked from every line start to the end (15 s). */
  newlines: "\n".repeat(BODY_LIMIT),
  /** About 20,000 one-word paragraphs, as much as the lint body allows: the rubric's slowest input. */
  paragraphs: "a\n\n".repeat(20_000),
} as const;
