import { readFile } from "node:fs/promises";
import { request } from "node:http";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../helpers/stack.js";

type Json = Record<string, unknown>;
type Media = { schema: Json; example?: unknown };
type DocResponse = { description: string; headers?: Record<string, Json>; content?: Record<string, Media> };
type Parameter = { name: string; in: string; required?: boolean; schema: Json; style?: string; explode?: boolean };
type Operation = { operationId: string; summary: string; parameters?: Parameter[]; requestBody?: { content: Record<string, Media> }; responses: Record<string, DocResponse>; security?: Record<string, string[]>[] };
type Doc = { openapi: string; info: Json; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json>; headers: Record<string, Json> } };

const BASE = "https://prfaq-sim.test/openapi.json";

/** A request with headers fetch will not send (Host), over node:http. */
function raw(url: string, path: string, options: { method: string; headers: Record<string, string> }): Promise<{ status: number; type: string; body: string }> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: options.method, headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Every route of the service: method, path, the statuses it documents, the request media types and
 * the media types of its success answer.
 */
const ROUTES: { method: string; path: string; statuses: string[]; request?: string[]; success: string[] }[] = [
  { method: "post", path: "/v1/reviews", statuses: ["202", "400", "401", "403", "404", "409", "413", "415", "421", "429", "503"], request: ["application/json", "text/markdown"], success: ["application/json"] },
  { method: "get", path: "/v1/reviews", statuses: ["200", "400", "401", "403", "421", "429", "503"], success: ["application/json"] },
  { method: "get", path: "/v1/reviews/{id}", statuses: ["200", "401", "403", "404", "421", "429", "503"], success: ["application/json"] },
  { method: "get", path: "/v1/reviews/{id}/events", statuses: ["200", "400", "401", "403", "404", "421", "429", "503"], success: ["text/event-stream", "application/json"] },
  { method: "get", path: "/v1/reviews/{id}/memo", statuses: ["200", "401", "403", "404", "409", "421", "429", "503"], success: ["application/json", "text/markdown"] },
  { method: "get", path: "/v1/reviews/{id}/prfaq", statuses: ["200", "400", "401", "403", "404", "421", "429", "503"], success: ["application/json", "text/markdown"] },
  { method: "post", path: "/v1/reviews/{id}/cancel", statuses: ["202", "401", "403", "404", "409", "421", "429", "503"], success: ["application/json"] },
  { method: "post", path: "/v1/lint", statuses: ["200", "400", "401", "403", "413", "415", "421", "429", "503"], request: ["application/json", "text/markdown"], success: ["application/json"] },
  { method: "get", path: "/v1/personas", statuses: ["200", "401", "403", "421", "429", "503"], success: ["application/json"] },
  { method: "get", path: "/v1/personas/{id}", statuses: ["200", "401", "403", "404", "421", "429", "503"], success: ["application/json"] },
  { method: "get", path: "/healthz", statuses: ["200", "403", "421"], success: ["application/json"] },
  { method: "get", path: "/readyz", statuses: ["200", "403", "421", "503"], success: ["application/json"] },
  { method: "get", path: "/metrics", statuses: ["200", "401", "403", "421", "429", "503"], success: ["text/plain"] },
  { method: "get", path: "/openapi.json", statuses: ["200", "403", "421"], success: ["application/json"] },
  { method: "get", path: "/docs", statuses: ["200", "403", "421"], success: ["text/html"] },
  { method: "get", path: "/", statuses: ["200", "403", "421"], success: ["text/html"] },
];

/** Parameters each route must declare: `in:name`. */
const PARAMETERS: Record<string, string[]> = {
  "post /v1/reviews": ["header:Idempotency-Key", "query:rounds", "query:personas", "query:engine", "query:input"],
  "get /v1/reviews": ["query:limit", "query:cursor", "query:status"],
  "get /v1/reviews/{id}": ["path:id"],
  "get /v1/reviews/{id}/events": ["path:id", "query:after", "query:format", "header:Last-Event-ID", "query:access_token"],
  "get /v1/reviews/{id}/memo": ["path:id"],
  "get /v1/reviews/{id}/prfaq": ["path:id", "query:version"],
  "post /v1/reviews/{id}/cancel": ["path:id"],
  "get /v1/personas/{id}": ["path:id"],
};

let stack: Stack;
let doc: Doc;
let ajv: Ajv2020;

beforeAll(async () => {
  stack = await startStack({ roles: { api: true, worker: false } });
  const res = await fetch(`${stack.url}/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  doc = (await res.json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: BASE });
});

afterAll(async () => {
  await stack?.stop();
});

const pointer = (...parts: string[]) => `${BASE}#/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
const compiled = new Map<string, ValidateFunction>();
function validator(ref: string): ValidateFunction {
  let v = compiled.get(ref);
  if (!v) compiled.set(ref, (v = ajv.compile({ $ref: ref })));
  return v;
}
const componentValidator = (name: string) => validator(pointer("components", "schemas", name));

/** Resolves a local JSON pointer (`#/a/b`) in the document. */
function resolve(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? (node as Json)[key] : undefined;
  }
  return node;
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

function operation(method: string, path: string): Operation {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return op;
}

/**
 * Checks a real answer against the document: its status is documented for the route, its media type
 * is one the document lists for that status, and a JSON body matches the documented schema.
 */
async function expectDocumented(r: Response, method: string, path: string): Promise<unknown> {
  const status = String(r.status);
  const documented = operation(method, path).responses[status];
  expect(documented, `${method.toUpperCase()} ${path} documents ${status}`).toBeDefined();
  const type = (r.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  expect(Object.keys(documented?.content ?? {}), `${method.toUpperCase()} ${path} ${status} lists ${type}`).toContain(type);
  if (documented?.headers && "Location" in documented.headers) expect(r.headers.get("location"), `${status} has a Location`).toBeTruthy();
  if (documented?.headers && "Retry-After" in documented.headers && status === "429") expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
  if (!type.endsWith("json")) return r.text();
  const body: unknown = await r.json();
  const validate = validator(pointer("paths", path, method, "responses", status, "content", type, "schema"));
  expect(validate(body), `${method.toUpperCase()} ${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return body;
}

const brief = async () => {
  const text = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
  return { text, title: /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? "RefillReady" };
};

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  });

  it("is well formed: every $ref resolves, every operation answers, every path parameter is declared", () => {
    let count = 0;
    walk(doc, (key, value) => {
      if (key !== "$ref") return;
      count++;
      expect(typeof value).toBe("string");
      expect(resolve(String(value)), String(value)).toBeDefined();
    });
    expect(count).toBeGreaterThan(50);
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(ids.has(op.operationId), `${where} has a unique operationId`).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toBeTruthy();
        expect(Object.keys(op.responses).some((s) => s.startsWith("2")), `${where} has a success response`).toBe(true);
        const pathParams = (op.parameters ?? []).filter((p) => p.in === "path");
        expect(pathParams.map((p) => p.name).sort(), `${where} declares its path parameters`).toEqual([...templated].sort());
        for (const p of pathParams) expect(p.required, `${where} path parameter ${p.name} is required`).toBe(true);
        for (const p of op.parameters ?? []) expect(p.schema, `${where} ${p.name} has a schema`).toBeDefined();
        for (const [status, response] of Object.entries(op.responses)) {
          expect(response.description, `${where} ${status}`).toBeTruthy();
          if (Number(status) >= 400) {
            expect(Object.keys(response.content ?? {}), `${where} ${status} is a problem`).toEqual(["application/problem+json"]);
            expect(response.content?.["application/problem+json"]?.schema).toEqual({ $ref: "#/components/schemas/Problem" });
          }
        }
      }
    }
  });

  it("describes every route of the service with the right methods, statuses and media types", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const op = operation(route.method, route.path);
      const where = `${route.method.toUpperCase()} ${route.path}`;
      expect(Object.keys(op.responses).sort(), where).toEqual([...route.statuses].sort());
      const success = Object.entries(op.responses).find(([s]) => s.startsWith("2"))?.[1];
      expect(Object.keys(success?.content ?? {}), where).toEqual(route.success);
      if (route.request) expect(Object.keys(op.requestBody?.content ?? {}), where).toEqual(expect.arrayContaining(route.request));
      else expect(op.requestBody, where).toBeUndefined();
      const params = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect(params.sort(), where).toEqual([...(PARAMETERS[`${route.method} ${route.path}`] ?? [])].sort());
    }
  });

  it("documents the headers: Location, Idempotency-Key, Retry-After, Last-Event-ID", () => {
    const create = operation("post", "/v1/reviews");
    expect(create.responses["202"]?.headers).toHaveProperty("Location");
    expect(create.parameters?.find((p) => p.name === "Idempotency-Key")).toMatchObject({ in: "header", required: false });
    expect(create.parameters?.find((p) => p.name === "personas")).toMatchObject({ style: "form", explode: false, schema: { type: "array" } });
    const list = operation("get", "/v1/reviews");
    expect(list.parameters?.find((p) => p.name === "limit")?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 20 });
    expect(list.parameters?.find((p) => p.name === "status")?.schema).toEqual({ $ref: "#/components/schemas/RunStatus" });
    expect(resolve("#/components/schemas/RunStatus")).toMatchObject({ enum: ["queued", "running", "completed", "failed", "cancelled"] });
    for (const route of ROUTES.filter((r) => r.path.startsWith("/v1/"))) {
      const retry = operation(route.method, route.path).responses["429"]?.headers?.["Retry-After"] as Json | undefined;
      expect(retry, `${route.path} 429`).toEqual({ $ref: "#/components/headers/Retry-After" });
    }
    expect(resolve("#/components/headers/Retry-After")).toMatchObject({ schema: { type: "integer" } });
    const events = operation("get", "/v1/reviews/{id}/events");
    expect(events.responses["200"]?.content?.["application/json"]?.schema).toEqual({ type: "array", items: { $ref: "#/components/schemas/RunEvent" } });
    expect(events.parameters?.find((p) => p.name === "format")?.schema).toMatchObject({ enum: ["json"] });
  });

  it("secures every /v1 route with the bearer key and leaves the rest open", () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.apiKey?.description).toMatch(/PRFAQ_API_KEYS[\s\S]*loopback/);
    for (const route of ROUTES) {
      const op = operation(route.method, route.path);
      if (route.path.startsWith("/v1/")) {
        expect(op.security, route.path).toEqual([{ apiKey: [] }]);
        expect(op.responses["401"]?.content?.["application/problem+json"], route.path).toBeDefined();
      } else if (route.path === "/metrics") {
        // Open without keys or a metrics token; otherwise a key or the token.
        expect(op.security, route.path).toEqual([{ apiKey: [] }, {}]);
        expect(op.responses["401"]?.content?.["application/problem+json"], route.path).toBeDefined();
      } else {
        expect(op.security ?? [], route.path).toEqual([]);
        expect(op.responses["401"], route.path).toBeUndefined();
      }
    }
  });
});

describe("the document matches what the server does", () => {
  it("POST /v1/reviews: the request schema accepts a real body and rejects bad ones, as the server does", async () => {
    const { text, title } = await brief();
    const validate = componentValidator("CreateReview");
    expect(operation("post", "/v1/reviews").requestBody?.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/CreateReview" });

    const personas = (await (await fetch(`${stack.url}/v1/personas`)).json()) as { personas: { id: string; kind: string }[] };
    const customer = personas.personas.find((p) => p.kind === "customer")?.id ?? "";
    const good = { brief: { title, text, launchDate: "2027-04-01" }, options: { rounds: 2, personas: [customer], engine: "offline" } };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ brief: { title, text } })).toBe(true);
    const res = await fetch(`${stack.url}/v1/reviews`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(good) });
    expect(res.status).toBe(202);
    const run = (await expectDocumented(res, "post", "/v1/reviews")) as { id: string; links: { self: string } };
    expect(res.headers.get("location")).toBe(run.links.self);

    const bad: unknown[] = [
      { brief: { title } },
      { brief: { title, text }, options: { rounds: 9 } },
      { brief: { title, text }, options: { engine: "gpt-9" } },
      { brief: { title, text }, options: { personas: ["Not Kebab"] } },
      { brief: { title, text, launchDate: "next spring" } },
      { brief: "a string" },
      { options: { rounds: 2 } },
    ];
    for (const body of bad) {
      expect(validate(body), JSON.stringify(body)).toBe(false);
      const rejected = await fetch(`${stack.url}/v1/reviews`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(rejected.status, JSON.stringify(body)).toBe(400);
      await expectDocumented(rejected, "post", "/v1/reviews");
    }
  });

  it("review answers match their documented schemas, route by route", async () => {
    const { text } = await brief();
    const created = await fetch(`${stack.url}/v1/reviews?rounds=2`, { method: "POST", headers: { "content-type": "text/markdown", "idempotency-key": "openapi-e2e" }, body: text });
    const run = (await expectDocumented(created, "post", "/v1/reviews")) as { id: string };
    const again = await fetch(`${stack.url}/v1/reviews?rounds=2`, { method: "POST", headers: { "content-type": "text/markdown", "idempotency-key": "openapi-e2e" }, body: text });
    expect(((await expectDocumented(again, "post", "/v1/reviews")) as { id: string }).id).toBe(run.id);
    const conflict = await fetch(`${stack.url}/v1/reviews`, { method: "POST", headers: { "content-type": "text/markdown", "idempotency-key": "openapi-e2e" }, body: `${text}\nMore.` });
    expect(conflict.status).toBe(409);
    await expectDocumented(conflict, "post", "/v1/reviews");
    const unsupported = await fetch(`${stack.url}/v1/reviews`, { method: "POST", headers: { "content-type": "application/xml" }, body: "<brief/>" });
    expect(unsupported.status).toBe(415);
    await expectDocumented(unsupported, "post", "/v1/reviews");
    const unknownPersona = await fetch(`${stack.url}/v1/reviews?personas=no-such-persona`, { method: "POST", headers: { "content-type": "text/markdown" }, body: text });
    expect(unknownPersona.status).toBe(404);
    await expectDocumented(unknownPersona, "post", "/v1/reviews");

    const list = (await expectDocumented(await fetch(`${stack.url}/v1/reviews?limit=1`), "get", "/v1/reviews")) as { items: { id: string }[]; nextCursor: string | null };
    expect(list.items).toHaveLength(1);
    await expectDocumented(await fetch(`${stack.url}/v1/reviews?status=queued&cursor=${encodeURIComponent(list.nextCursor ?? "x")}`), "get", "/v1/reviews");
    await expectDocumented(await fetch(`${stack.url}/v1/reviews?limit=500`), "get", "/v1/reviews");

    await expectDocumented(await fetch(`${stack.url}/v1/reviews/${run.id}`), "get", "/v1/reviews/{id}");
    await expectDocumented(await fetch(`${stack.url}/v1/reviews/rv_doesnotexist0000`), "get", "/v1/reviews/{id}");
    await expectDocumented(await fetch(`${stack.url}/v1/reviews/${run.id}/memo`), "get", "/v1/reviews/{id}/memo");
    await expectDocumented(await fetch(`${stack.url}/v1/reviews/${run.id}/prfaq`), "get", "/v1/reviews/{id}/prfaq");
    await expectDocumented(await fetch(`${stack.url}/v1/reviews/${run.id}/prfaq?version=zero`), "get", "/v1/reviews/{id}/prfaq");

    const cancelled = await fetch(`${stack.url}/v1/reviews/${run.id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(202);
    await expectDocumented(cancelled, "post", "/v1/reviews/{id}/cancel");
    const twice = await fetch(`${stack.url}/v1/reviews/${run.id}/cancel`, { method: "POST" });
    expect(twice.status).toBe(409);
    await expectDocumented(twice, "post", "/v1/reviews/{id}/cancel");

    const events = (await expectDocumented(await fetch(`${stack.url}/v1/reviews/${run.id}/events?format=json`), "get", "/v1/reviews/{id}/events")) as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(["run.queued", "run.cancelled"]);
    const stream = await fetch(`${stack.url}/v1/reviews/${run.id}/events`, { headers: { "last-event-id": "1" } });
    expect(await expectDocumented(stream, "get", "/v1/reviews/{id}/events")).toContain("event: run.cancelled");
    await expectDocumented(await fetch(`${stack.url}/v1/reviews/${run.id}/events?after=-1`), "get", "/v1/reviews/{id}/events");
  });

  it("lint, personas and operations answers match their documented schemas", async () => {
    const prfaq = await readFile(new URL("../fixtures/prfaqs/strong-refillready.md", import.meta.url), "utf8");
    await expectDocumented(await fetch(`${stack.url}/v1/lint`, { method: "POST", headers: { "content-type": "text/markdown" }, body: prfaq }), "post", "/v1/lint");
    const lintJson = await fetch(`${stack.url}/v1/lint`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: prfaq }) });
    expect(componentValidator("LintRequest")({ text: prfaq })).toBe(true);
    await expectDocumented(lintJson, "post", "/v1/lint");
    await expectDocumented(await fetch(`${stack.url}/v1/lint`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "" }) }), "post", "/v1/lint");
    await expectDocumented(await fetch(`${stack.url}/v1/lint`, { method: "POST", headers: { "content-type": "image/png" }, body: "x" }), "post", "/v1/lint");
    await expectDocumented(await fetch(`${stack.url}/v1/lint`, { method: "POST", headers: { "content-type": "text/markdown" }, body: "x".repeat(70_000) }), "post", "/v1/lint");

    const personas = (await expectDocumented(await fetch(`${stack.url}/v1/personas`), "get", "/v1/personas")) as { personas: { id: string }[] };
    expect(personas.personas.length).toBeGreaterThan(0);
    await expectDocumented(await fetch(`${stack.url}/v1/personas/${personas.personas[0]?.id}`), "get", "/v1/personas/{id}");
    await expectDocumented(await fetch(`${stack.url}/v1/personas/no-such-persona`), "get", "/v1/personas/{id}");

    await expectDocumented(await fetch(`${stack.url}/healthz`), "get", "/healthz");
    const ready = await fetch(`${stack.url}/readyz`);
    expect(ready.status).toBe(503); // no worker in this stack
    await expectDocumented(ready, "get", "/readyz");
    expect(await expectDocumented(await fetch(`${stack.url}/metrics`), "get", "/metrics")).toContain("prfaq_runs_created_total");
    await expectDocumented(await fetch(`${stack.url}/openapi.json`), "get", "/openapi.json");
  });

  it("without keys, a Host it does not serve (421) and a cross-site request (403) are documented answers of every route", async () => {
    for (const route of ROUTES) {
      const path = route.path.replace("{id}", route.path.startsWith("/v1/personas") ? "no-such-persona" : "rv_doesnotexist0000");
      for (const [status, headers] of [[421, { host: "evil.example" }], [403, { origin: "https://evil.example" }]] as const) {
        const answer = await raw(stack.url, path, { method: route.method.toUpperCase(), headers });
        expect(answer.status, `${route.method.toUpperCase()} ${route.path} ${JSON.stringify(headers)}`).toBe(status);
        await expectDocumented(new Response(answer.body, { status: answer.status, headers: { "content-type": answer.type } }), route.method, route.path);
      }
    }
  });

  it("every documented route is served (none falls through to the unknown-route 404)", async () => {
    for (const route of ROUTES) {
      const url = `${stack.url}${route.path.replace("{id}", route.path.startsWith("/v1/personas") ? "no-such-persona" : "rv_doesnotexist0000")}`;
      const res = await fetch(url, { method: route.method.toUpperCase() });
      const body = await res.text();
      expect(body, `${route.method.toUpperCase()} ${route.path}`).not.toContain("No route for");
      expect(route.statuses, `${route.method.toUpperCase()} ${route.path} answered ${res.status}`).toContain(String(res.status));
    }
  });

  it("with API keys, /v1 routes answer the documented 401 (and 429 over the rate limit); the docs stay open", async () => {
    const secured = await startStack({ roles: { api: true, worker: false }, env: { PRFAQ_API_KEYS: "k-openapi-test-0123456789", PRFAQ_RATE_LIMIT_PER_MIN: "2" } });
    try {
      for (const route of ROUTES.filter((r) => r.path.startsWith("/v1/"))) {
        const res = await fetch(`${secured.url}${route.path.replace("{id}", "x")}`, { method: route.method.toUpperCase() });
        expect(res.status, route.path).toBe(401);
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
        await expectDocumented(res, route.method, route.path);
      }
      expect((await fetch(`${secured.url}/openapi.json`)).status).toBe(200);
      expect((await fetch(`${secured.url}/docs`)).status).toBe(200);
      const authed = () => fetch(`${secured.url}/v1/personas`, { headers: { authorization: "Bearer k-openapi-test-0123456789" } });
      const first = await authed();
      expect(first.headers.get("ratelimit-limit")).toBe("2");
      await expectDocumented(first, "get", "/v1/personas");
      await (await authed()).arrayBuffer();
      const limited = await authed();
      // A minute boundary between the calls resets the window; then the third call is allowed.
      if (limited.status !== 200) {
        expect(limited.status).toBe(429);
        await expectDocumented(limited, "get", "/v1/personas");
      }
    } finally {
      await secured.stop();
    }
  });
});

describe("GET /docs", () => {
  it("is a self-contained HTML page with every route and schema, escaped", async () => {
    const res = await fetch(`${stack.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    for (const route of ROUTES) {
      expect(html, `${route.method} ${route.path}`).toContain(`${route.method.toUpperCase()}</span> <code class="path">${route.path}</code>`);
      expect(html).toContain(`id="op-${operation(route.method, route.path).operationId}"`);
    }
    for (const name of Object.keys(doc.components.schemas)) expect(html, name).toContain(`id="schema-${name}"`);
    for (const name of ["Problem", "CreateReview", "RunRecord", "RunEvent", "Memo", "Persona"]) expect(html).toContain(`href="#schema-${name}"`);
    // Nothing loads from elsewhere, nothing runs.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#|openapi\.json$)/);
    // Strings of the document are escaped (the schemas hold regexes and markdown with < and >).
    expect(html).toContain("&lt;key&gt;");
    expect(html).not.toContain("Bearer <key>");
  });
});
