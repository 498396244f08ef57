/** The `prfaq --help` text. */
export const HELP = `prfaq - simulated Working Backwards reviews of product briefs

Usage:
  prfaq review FILE.md        review a brief on a server and follow the meeting live (- reads stdin)
  prfaq review --local FILE   run the same review in this process: no server, no Redis
  prfaq review --prfaq DOC.md review a PR/FAQ you already wrote (it is version 1; with --local too)
  prfaq watch ID              follow a review's meeting (from the start) until it ends
  prfaq memo ID               print a finished review's kill-or-fund memo
  prfaq lint FILE             rubric findings and score for a PR/FAQ markdown file
  prfaq personas              the customer personas a review can seat
  prfaq dev                   API + worker + a private Redis in one process (same as npm start)
  prfaq serve                 the HTTP API only (needs REDIS_URL or starts a private Redis)
  prfaq worker                a review worker only (point several at one REDIS_URL to scale out)

Options:
  -h, --help                  help for a command (prfaq help COMMAND works too)

Exit codes (review, watch): 0 the verdict is fund, 10 it is kill, 1 an error (bad input, server
unreachable, the review failed or was cancelled). --no-fail exits 0 on either verdict.

Environment: PRFAQ_SERVER (default server), PRFAQ_API_KEY (sent as a Bearer token), NO_COLOR.
The services read PORT, HOST, REDIS_URL, PRFAQ_DATA_DIR, ...; see the README.
`;

const SERVER_OPTIONS = `  --server URL        the prfaq-sim API (default $PRFAQ_SERVER or http://localhost:3000)
                      PRFAQ_API_KEY, when set, is sent as Authorization: Bearer <key>`;

const OUTCOME = `  --json              NDJSON: one transcript event per line (each matches RunEventSchema), nothing else
                      on stdout; notes and errors go to stderr
  --memo-out FILE     save the memo as markdown to FILE (prints only its headline and the path)
  --no-fail           exit 0 on a kill verdict too (errors still exit 1)`;

const EXIT_CODES = `Exit codes: 0 the verdict is fund, 10 it is kill (0 with --no-fail), 1 an error: bad input,
the server unreachable or refusing (its problem detail and field errors are printed), the review
failed or was cancelled, or the event stream lost for over 60 s.`;

/** Help per command, shown by `prfaq COMMAND --help`. */
export const COMMAND_HELP: Record<string, string> = {
  review: `prfaq review FILE.md [options]
       prfaq review --prfaq DOC.md [options]

Submits a brief (markdown; - reads stdin; the first # heading is the title) and follows the meeting
live: one line per event ([round N] role label gist), a spinner while an agent works (on a terminal
only), then the memo. If the connection drops (a server restart), it reconnects with backoff and
resumes after the last event shown, never showing an event twice.

Options:
${SERVER_OPTIONS}
  --prfaq DOC.md      review a PR/FAQ you already wrote (- reads stdin): the meeting starts from it as
                      version 1 and later versions revise it; front matter, images, comments ignored
  --local             run the review in this process: no server, no Redis; the same meeting and
                      transcript as a server's, on any engine (--engine openai needs OPENAI_API_KEY
                      or OPENAI_BASE_URL in this environment)
  --rounds N          most rounds of the meeting, 1-6 (default 3)
  --persona ID        seat this customer persona (repeat, or a,b; see prfaq personas)
  --engine NAME       offline or openai (default: the server's default)
${OUTCOME}
  -h, --help          this help

${EXIT_CODES}
`,
  watch: `prfaq watch ID [options]

Follows a review's meeting from its first event until it ends (a finished review is replayed), then
prints the memo, exactly as prfaq review does. Reconnects and resumes if the connection drops.

Options:
${SERVER_OPTIONS}
${OUTCOME}
  -h, --help          this help

${EXIT_CODES}
`,
  memo: `prfaq memo ID [options]

Prints the kill-or-fund memo of a finished review as markdown.

Options:
${SERVER_OPTIONS}
  --json              the memo as JSON instead
  -o, --out FILE      write it to FILE instead of stdout
  -h, --help          this help

Exit codes: 0 printed, 1 an error (for example 409: the review has not completed yet).
`,
  personas: `prfaq personas [options]

Lists the persona library: id, seat (customer, engineer, finance, leader), name and role. Customer
ids can be passed to prfaq review --persona.

Options:
${SERVER_OPTIONS}
  --local             read this installation's persona files (PRFAQ_PERSONAS_DIR) instead of a server
  --json              the personas as JSON
  -h, --help          this help

Exit codes: 0 listed, 1 an error.
`,
  lint: `prfaq lint FILE [--json] [--fail-under N]

Checks a PR/FAQ (markdown; - reads stdin) against the rubric: every anti-pattern with the quoted
evidence, grouped by severity, and a score 0-100.

Options:
  --json              the result as JSON (the POST /v1/lint body)
  --fail-under N      exit 10 when the score is below N (0-100), saying why on stderr: a CI gate
  -h, --help          this help

Exit codes: 0 the lint ran (whatever the score, unless --fail-under), 10 the score is below
--fail-under, 1 an error.
`,
  dev: `prfaq dev

Starts the API and one worker in one process (what npm start runs). Without REDIS_URL it starts a
private redis-server with its data in PRFAQ_DATA_DIR (default .prfaq/), kept across restarts.
`,
  serve: `prfaq serve

Starts the HTTP API only. Run workers with prfaq worker against the same REDIS_URL.
`,
  worker: `prfaq worker

Starts a review worker only (PRFAQ_WORKER_CONCURRENCY reviews at once). Run as many as you like
against one REDIS_URL.
`,
};
