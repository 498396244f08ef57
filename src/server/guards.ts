import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { problem, sendProblem } from "./problem.js";

// Written here rather than with hono/csrf: that middleware looks only at form-like POSTs, and without API
// keys every cross-site request must be refused, whatever its method and media type.

/** A loopback name: localhost (and *.localhost), 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header value (`example.com:3000`, `[::1]:3000`), lowercased; "" when malformed. */
function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return "";
  }
}

/**
 * DNS rebinding guard: only requests whose `Host` names this service are served (421 otherwise), a
 * loopback name or one of `allowedHosts` (PRFAQ_ALLOWED_HOSTS). A page on evil.example that rebinds its
 * name to 127.0.0.1 still sends `Host: evil.example`.
 */
export function hostGuard(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = hostnameOf(c.req.header("host") ?? "");
    if (!host || !(isLoopbackHost(host) || allowed.has(host))) {
      return sendProblem(
        c,
        problem(421, "misdirected", `This server does not serve the host '${host || "(none)"}'. Use http://localhost:PORT, or add the name to PRFAQ_ALLOWED_HOSTS on the server.`),
      );
    }
    return next();
  };
}

/**
 * Cross-site guard for a server without API keys, where the network position is the only credential: a
 * request that a browser marks as coming from another site (an `Origin` other than this server's own
 * `Host`, `Origin: null`, or `Sec-Fetch-Site: cross-site`) is refused with 403, whatever its method, so
 * no web page the user visits can start reviews or read them.
 */
export function originGuard(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    if ((origin !== undefined && !sameOrigin(c, origin)) || site === "cross-site") {
      return sendProblem(c, problem(403, "cross-site", "Requests from other web sites are refused: this server has no API keys, so it serves only pages of its own."));
    }
    return next();
  };
}

function sameOrigin(c: Context, origin: string): boolean {
  try {
    const o = new URL(origin);
    return (o.protocol === "http:" || o.protocol === "https:") && o.host.toLowerCase() === (c.req.header("host") ?? "").toLowerCase();
  } catch {
    return false; // "null" and anything else that is not an origin
  }
}

/** The client's address, from the socket (forwarded headers are not trusted: any client can set them). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
