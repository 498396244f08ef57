import { Hono, type Context, type MiddlewareHandler } from "hono";
import { matcher } from "./auth.js";
import type { FailedAuthLimiter } from "./failed-auth.js";
import { clientAddress } from "./guards.js";
import { problem, sendProblem } from "./problem.js";

/** Where the queue dashboard is served. */
export const ADMIN_PATH = "/admin/queues";

export type AdminDeps = {
  /** The queue dashboard (bull-board's Hono app), built by the entry point: the server never touches BullMQ. */
  dashboard: Hono;
  /** Keys that open it (PRFAQ_ADMIN_KEYS, else the API keys); none: open, as the whole API is then (loopback only). */
  keys: readonly string[];
};

/**
 * The key a request presents: `Authorization: Bearer <key>`, or Basic with the key as the password (any
 * user name), which a browser asks for once and then sends with each of the dashboard's own requests.
 */
function presentedKey(c: Context): string | undefined {
  const header = c.req.header("authorization") ?? "";
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer) return bearer;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
  if (!basic) return undefined;
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1) || undefined;
}

function adminAuth(keys: readonly string[], failures: FailedAuthLimiter): MiddlewareHandler {
  const isKey = matcher(keys);
  return async (c, next) => {
    c.header("Cache-Control", "no-store");
    if (keys.length === 0) return next();
    const address = clientAddress(c);
    const wait = failures.retryAfter(address);
    if (wait > 0) return sendProblem(c, problem(429, "too-many-failed-logins", `Too many requests with a missing or wrong key from this address; retry in ${wait} s.`), { "Retry-After": String(wait) });
    const presented = presentedKey(c);
    if (isKey(presented)) return next();
    failures.fail(address);
    return sendProblem(c, problem(401, "unauthorized", presented ? "The key is not valid." : "The queue dashboard needs a key: Authorization: Bearer <key>, or the key as the password."), {
      "WWW-Authenticate": 'Basic realm="prfaq-sim queues", charset="UTF-8"',
    });
  };
}

/** GET /admin/queues: bull-board, behind the admin keys, counted in the same failed-login limit as the API. */
export function createAdminRoutes(deps: AdminDeps & { failures: FailedAuthLimiter }) {
  const app = new Hono();
  const auth = adminAuth(deps.keys, deps.failures);
  app.use(ADMIN_PATH, auth);
  app.use(`${ADMIN_PATH}/*`, auth);
  app.route(ADMIN_PATH, deps.dashboard);
  return app;
}
