import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../domain/events.js";
import { CheckIdSchema, SeveritySchema } from "../domain/finding.js";
import { PersonaKindSchema } from "../domain/persona.js";
import { emptyPrfaq } from "../domain/prfaq.js";
import { EngineSchema, RunStatusSchema } from "../domain/run.js";
import pino from "pino";
import { createApp, type AppDeps } from "./app.js";
import { buildOpenApiDocument, type JsonSchema, type OpenApiDocument } from "./openapi.js";
import { escapeHtml, renderDocsHtml } from "./routes/docs.js";

/** Describing the routes runs none of them: a service any of them would call throws instead. */
const unused = new Proxy({}, { get: (_target, name) => { throw new Error(`called while describing the routes: ${String(name)}`); } });
const app = createApp({ ledger: unused, health: unused, rateLimiter: unused, queue: unused, personas: unused, linter: unused, logger: pino({ level: "silent" }), engines: ["offline"] } as unknown as AppDeps);
const doc = await buildOpenApiDocument(app);
const schemas = doc.components.schemas;
const schema = (name: string) => {
  const s = schemas[name];
  if (!s) throw new Error(`no component ${name}`);
  return s as JsonSchema & { properties: Record<string, JsonSchema>; required?: string[] };
};

/** A validator for one component, with every other component reachable through its $refs. */
function validatorFor(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: "https://prfaq-sim.test/openapi.json" });
  return ajv.compile({ $ref: `https://prfaq-sim.test/openapi.json#/components/schemas/${name}` });
}

function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refs(n, found);
  else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe("buildOpenApiDocument: component schemas", () => {
  it("has the domain types, the wire types and the Problem", () => {
    for (const name of [
      "CreateReview", "Brief", "ReviewOptions", "InlinePersona", "RunRecord", "RunLinks", "RunList", "RunStatus", "Engine", "Usage", "Verdict",
      "RunEvent", "Memo", "Prfaq", "PrfaqVersion", "PressRelease", "FaqItem", "Finding", "CheckId", "Severity", "Review", "Decision",
      "Persona", "PersonaKind", "PersonaList", "LintRequest", "LintResult", "Health", "Readiness", "Problem", "FieldError",
    ]) {
      expect(schemas, name).toHaveProperty(name);
    }
    for (const type of EVENT_TYPES) expect(schemas).toHaveProperty(`Event.${type}`);
  });

  it("Problem is an RFC 9457 document with field errors", () => {
    const problem = schema("Problem");
    expect(problem.type).toBe("object");
    expect(Object.keys(problem.properties)).toEqual(["type", "title", "status", "detail", "errors"]);
    expect(problem.required).toEqual(["type", "title", "status", "detail"]);
    expect(problem.properties.status).toMatchObject({ type: "integer", minimum: 400, maximum: 599 });
    expect(problem.properties.errors).toMatchObject({ type: "array", items: { $ref: "#/components/schemas/FieldError" } });
    expect(schema("FieldError").required).toEqual(["path", "message"]);
    const validate = validatorFor("Problem");
    expect(validate({ type: "https://prfaq-sim.dev/problems/validation", title: "Bad Request", status: 400, detail: "x", errors: [{ path: "brief.title", message: "required" }] })).toBe(true);
    expect(validate({ title: "Bad Request", status: 400 })).toBe(false);
  });

  it("converts request bodies as zod input: defaults make fields optional", () => {
    const create = schema("CreateReview");
    expect(create.required ?? []).toEqual([]);
    expect(create.oneOf).toEqual([{ required: ["brief"] }, { required: ["prfaq"] }]);
    expect(create.properties.brief).toEqual({ $ref: "#/components/schemas/Brief" });
    expect(create.properties.prfaq).toEqual({ $ref: "#/components/schemas/PrfaqDocument" });
    expect(schema("PrfaqDocument").required).toEqual(["markdown"]);
    expect(create.properties.options).toMatchObject({ $ref: "#/components/schemas/ReviewOptions", default: { rounds: 3 } });
    const options = schema("ReviewOptions");
    expect(options.required ?? []).not.toContain("rounds");
    expect(options.properties.rounds).toMatchObject({ type: "integer", minimum: 1, maximum: 6, default: 3 });
    expect(options.properties.engine).toEqual({ $ref: "#/components/schemas/Engine" });
    expect(schema("Brief").required).toEqual(["title", "text"]);
    expect(schema("Brief").properties.persona).toMatchObject({ $ref: "#/components/schemas/InlinePersona" });
    expect(schema("InlinePersona").required).not.toContain("kind");
    expect(schema("InlinePersona").required).not.toContain("id");
  });

  it("converts responses as zod output: the served run record has links and no owner", () => {
    const run = schema("RunRecord");
    expect(run.properties).not.toHaveProperty("owner");
    expect(run.required).toEqual(expect.arrayContaining(["id", "status", "title", "engine", "round", "rounds", "createdAt", "usage", "links"]));
    expect(run.properties.links).toEqual({ $ref: "#/components/schemas/RunLinks" });
    expect(schema("RunLinks").required).toEqual(["self", "events", "memo", "prfaq"]);
    expect(schema("RunList").properties.nextCursor).toMatchObject({ type: ["string", "null"] });
    expect(schema("Persona").required).toContain("kind");
  });

  it("keeps the enums of the domain", () => {
    expect(schema("RunStatus").enum).toEqual(RunStatusSchema.options);
    expect(schema("Engine").enum).toEqual(EngineSchema.options);
    expect(schema("CheckId").enum).toEqual(CheckIdSchema.options);
    expect(schema("Severity").enum).toEqual(SeveritySchema.options);
    expect(schema("PersonaKind").enum).toEqual(PersonaKindSchema.options);
  });

  it("RunEvent is a discriminated union of every event type", () => {
    const event = schema("RunEvent") as unknown as JsonSchema & { oneOf: { $ref: string }[]; discriminator: { propertyName: string; mapping: Record<string, string> } };
    expect(event.oneOf.map((o) => o.$ref)).toEqual(EVENT_TYPES.map((t) => `#/components/schemas/Event.${t}`));
    expect(event.discriminator.propertyName).toBe("type");
    expect(Object.keys(event.discriminator.mapping)).toEqual(EVENT_TYPES);
    for (const type of EVENT_TYPES) expect(schema(`Event.${type}`).properties.type).toEqual({ type: "string", const: type });
    const validate = validatorFor("RunEvent");
    expect(validate({ seq: 1, runId: "rv_x", at: "2026-01-01T00:00:00.000Z", type: "run.queued", engine: "offline", rounds: 3, title: "X" })).toBe(true);
    expect(validate({ seq: 1, runId: "rv_x", at: "2026-01-01T00:00:00.000Z", type: "run.queued", engine: "gpt", rounds: 3, title: "X" })).toBe(false);
    expect(validate({ seq: 0, runId: "rv_x", at: "t", type: "round.started", round: 1 })).toBe(false);
  });

  it("round.started and draft.ready say who wrote the version: the author or the drafter", () => {
    for (const type of ["round.started", "draft.ready"]) {
      expect(schema(`Event.${type}`).properties.source, type).toMatchObject({ enum: ["author", "drafter"], description: expect.stringContaining("author") });
    }
    const validate = validatorFor("RunEvent");
    const round = { seq: 2, runId: "rv_x", at: "2026-01-01T00:00:00.000Z", type: "round.started", round: 1 };
    expect(validate({ ...round, source: "author" })).toBe(true);
    expect(validate(round)).toBe(true);
    expect(validate({ ...round, source: "reviewer" })).toBe(false);
  });

  it("validates domain values: an empty PR/FAQ, a lint result", () => {
    expect(validatorFor("Prfaq")(emptyPrfaq("X"))).toBe(true);
    expect(validatorFor("LintResult")({ score: 12, findings: [{ check: "missing-the-date", severity: "high", message: "m", evidence: "e" }], prfaq: emptyPrfaq("X") })).toBe(true);
    expect(validatorFor("LintResult")({ score: 12, findings: [{ check: "not-a-check", severity: "high", message: "m", evidence: "e" }], prfaq: emptyPrfaq("X") })).toBe(false);
  });

  it("every component is plain JSON Schema under the document's dialect, every $ref resolves", () => {
    expect(doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    for (const [name, s] of Object.entries(schemas)) {
      expect(s, name).not.toHaveProperty("$schema");
      expect(s, name).not.toHaveProperty("$id");
      expect(typeof s.description, `${name} has a description`).toBe("string");
      expect(JSON.stringify(s), name).not.toContain(String(Number.MAX_SAFE_INTEGER));
    }
    expect(JSON.stringify(doc), "no safe-integer noise in parameters either").not.toContain(String(Number.MAX_SAFE_INTEGER));
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(50);
    for (const ref of all) {
      const [, kind, name] = /^#\/components\/(schemas|headers)\/(.+)$/.exec(ref) ?? [];
      expect(kind, ref).toBeDefined();
      expect((doc.components as unknown as Record<string, Record<string, unknown>>)[kind ?? ""]?.[name ?? ""], ref).toBeDefined();
    }
  });

  it("is the same document on every build", async () => {
    expect(JSON.stringify(await buildOpenApiDocument(app))).toBe(JSON.stringify(doc));
  });
});

describe("buildOpenApiDocument: the answers every route can give", () => {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, path, op })));
  /** Routes that never touch Redis (they keep answering while it is away). */
  const NO_REDIS = ["/healthz", "/openapi.json", "/docs", "/"];
  const problemOf = (op: (typeof operations)[number]["op"], status: string) => {
    const response = op.responses[status];
    expect(response?.content?.["application/problem+json"]?.schema, status).toEqual({ $ref: "#/components/schemas/Problem" });
    return response;
  };

  it("lists the 16 routes", () => {
    expect(operations).toHaveLength(16);
  });

  it("every route: 403 (a cross-site request without keys) and 421 (a Host it does not serve)", () => {
    for (const { where, op } of operations) {
      expect(problemOf(op, "403")?.description, where).toMatch(/another web site.*Origin/);
      expect(problemOf(op, "421")?.description, where).toMatch(/Host.*PRFAQ_ALLOWED_HOSTS/);
    }
  });

  it("every route that needs Redis: 503 with Retry-After; the others never say so", () => {
    for (const { where, path, op } of operations) {
      if (NO_REDIS.includes(path)) {
        expect(op.responses["503"], where).toBeUndefined();
        continue;
      }
      expect(problemOf(op, "503")?.description, where).toMatch(/Redis is unreachable/);
      expect(op.responses["503"]?.headers?.["Retry-After"], where).toEqual({ $ref: "#/components/headers/Retry-After" });
    }
    expect(doc.paths["/v1/lint"]?.post?.responses["503"]?.description).toMatch(/^The linter is busy.*Also: Redis is unreachable/);
    expect(doc.paths["/readyz"]?.get?.responses["503"]?.description).toMatch(/no worker.*Also: Redis is unreachable/);
  });

  it("every authenticated route: 401 and 429 with Retry-After (the rate limit, failed-auth throttling, and each route's own limit)", () => {
    for (const { where, path, op } of operations.filter((o) => o.path.startsWith("/v1/") || o.path === "/metrics")) {
      expect(problemOf(op, "401"), where).toBeDefined();
      const tooMany = problemOf(op, "429");
      expect(tooMany?.headers?.["Retry-After"], where).toEqual({ $ref: "#/components/headers/Retry-After" });
      expect(tooMany?.description, where).toMatch(/failed authentications.*PRFAQ_AUTH_FAILURES_PER_MIN/);
      if (path !== "/metrics") expect(tooMany?.description, where).toMatch(/PRFAQ_RATE_LIMIT_PER_MIN/);
    }
    expect(doc.paths["/v1/reviews/{id}/events"]?.get?.responses["429"]?.description).toMatch(/PRFAQ_MAX_STREAMS_PER_KEY/);
    expect(doc.paths["/v1/reviews"]?.post?.responses["429"]?.description).toMatch(/PRFAQ_MAX_ACTIVE_RUNS/);
    expect(doc.paths["/metrics"]?.get?.security).toEqual([{ apiKey: [] }, {}]);
    for (const path of NO_REDIS) expect(doc.paths[path]?.get?.responses["429"], path).toBeUndefined();
  });

  it("Usage: a cost is a number of USD, or null when a model's price is unknown", () => {
    const validate = validatorFor("Usage");
    expect(validate({ calls: 2, promptTokens: 10, completionTokens: 5, costUsd: 0.01 })).toBe(true);
    expect(validate({ calls: 2, promptTokens: 10, completionTokens: 5, costUsd: null, byRole: { engineer: { calls: 2, promptTokens: 10, completionTokens: 5, costUsd: null } } })).toBe(true);
    expect(validate({ calls: 2, promptTokens: 10, completionTokens: 5, costUsd: "unknown" })).toBe(false);
  });
});

describe("renderDocsHtml", () => {
  it("escapes every string of the document", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const hostile = structuredClone(doc) as OpenApiDocument;
    hostile.info.title = "<script>alert(1)</script>";
    hostile.info.description = `"><img src=x onerror=alert(2)>`;
    hostile.paths["/v1/personas"]!.get!.summary = "<b>bold</b>";
    hostile.components.schemas["Evil<svg onload=alert(3)>"] = { type: "object", description: "<iframe>", properties: { "<x>": { type: "string", description: "`<y>`" } } };
    const html = renderDocsHtml(hostile);
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<b>bold|<x>|<y>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<code>&lt;y&gt;</code>");
    expect(html).toContain('id="schema-Evil_svg_onload_alert_3__"');
  });

  it("renders every route and every schema", () => {
    const html = renderDocsHtml(doc);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) expect(html).toContain(`${method.toUpperCase()}</span> <code class="path">${escapeHtml(path)}</code>`);
    }
    for (const name of Object.keys(schemas)) expect(html).toContain(`id="schema-${name}"`);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });
});
