import { Hono } from "hono";
import { buildOpenApiDocument, route, text, type JsonSchema, type OpenApiDocument } from "../openapi.js";

/**
 * GET /openapi.json (the OpenAPI 3.1 document generated from the routes of `api`) and GET /docs (the same
 * document as a self-contained, server-rendered HTML page: no script, no external resource, every string
 * escaped). Both are built once, on first request, when every route of `api` is there.
 */
export function createDocsRoutes(api: Hono<any>) {
  const app = new Hono();
  let cache: Promise<{ json: string; html: string }> | undefined;
  const built = () =>
    (cache ??= buildOpenApiDocument(api).then((doc) => ({ json: JSON.stringify(doc), html: renderDocsHtml(doc) })));
  app.get(
    "/openapi.json",
    route({
      operationId: "openapi",
      tags: ["docs"],
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API, generated from the routes and the zod schemas the server validates with.",
      responses: { 200: { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" as const, description: "An OpenAPI 3.1 document" } } } } },
    }),
    async (c) => c.body((await built()).json, 200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" }),
  );
  app.get(
    "/docs",
    route({
      operationId: "docs",
      tags: ["docs"],
      summary: "API reference",
      description: "This document rendered as a self-contained HTML page.",
      responses: { 200: { description: "The reference page", content: { "text/html": text("The reference page") } } },
    }),
    async (c) =>
    c.body((await built()).html, 200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
      // The page loads nothing and runs nothing: inline styles only.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
    }),
  );
  return app;
}

// ---------------------------------------------------------------------------------------------
// Rendering.
// ---------------------------------------------------------------------------------------------

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** An id attribute (and #fragment) from any text: only safe characters survive. */
const anchor = (prefix: string, name: string) => `${prefix}-${name.replace(/[^A-Za-z0-9._-]/g, "_")}`;

/** Inline code spans (`x`) in descriptions, on already escaped text. */
const prose = (text: unknown) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
const paragraphs = (text: unknown) =>
  String(text ?? "")
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${prose(p)}</p>`)
    .join("");

const SCHEMA_PREFIX = "#/components/schemas/";
const isObject = (v: unknown): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);

function refLink(ref: string): string {
  if (!ref.startsWith(SCHEMA_PREFIX)) return `<code>${escapeHtml(ref)}</code>`;
  const name = ref.slice(SCHEMA_PREFIX.length);
  return `<a class="ref" href="#${escapeHtml(anchor("schema", name))}">${escapeHtml(name)}</a>`;
}

/** A short, one-line type: `string`, `integer`, `array of Finding`, `map of string → integer`, `"a" | "b"`. */
function typeLabel(schema: unknown): string {
  if (!isObject(schema)) return "any";
  if (typeof schema.$ref === "string") return refLink(schema.$ref);
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(" | ");
  const union = (schema.oneOf ?? schema.anyOf) as unknown;
  if (Array.isArray(union)) return union.map(typeLabel).join(" | ");
  if (Array.isArray(schema.allOf)) return schema.allOf.map(typeLabel).join(" &amp; ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (type === "array") return `array of ${typeLabel(schema.items)}`;
  if (type === "object" && !isObject(schema.properties) && isObject(schema.additionalProperties)) {
    return `map of ${typeLabel(schema.propertyNames ?? { type: "string" })} → ${typeLabel(schema.additionalProperties)}`;
  }
  return type === undefined ? "any" : escapeHtml(type);
}

/** Constraints worth telling a reader: bounds, pattern, default, format. */
function constraints(schema: unknown): string {
  if (!isObject(schema)) return "";
  const parts: string[] = [];
  const range = (lo: unknown, hi: unknown, unit: string) => {
    if (lo !== undefined && hi !== undefined) parts.push(`${unit}${escapeHtml(lo)}–${escapeHtml(hi)}`);
    else if (lo !== undefined) parts.push(`${unit}≥ ${escapeHtml(lo)}`);
    else if (hi !== undefined) parts.push(`${unit}≤ ${escapeHtml(hi)}`);
  };
  range(schema.minimum, schema.maximum, "");
  range(schema.minLength, schema.maxLength, "length ");
  range(schema.minItems, schema.maxItems, "items ");
  if (schema.exclusiveMinimum !== undefined) parts.push(`&gt; ${escapeHtml(schema.exclusiveMinimum)}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`&lt; ${escapeHtml(schema.exclusiveMaximum)}`);
  if (typeof schema.pattern === "string") parts.push(`pattern <code>${escapeHtml(schema.pattern)}</code>`);
  if (typeof schema.format === "string") parts.push(`format ${escapeHtml(schema.format)}`);
  if (schema.default !== undefined) parts.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  if (schema.type === "array" && isObject(schema.items) && schema.items.$ref === undefined) {
    const inner = constraints(schema.items);
    if (inner) parts.push(`each: ${inner}`);
  }
  return parts.join("; ");
}

/**
 * A schema as HTML: its type and constraints, then for objects a table of properties (nested objects
 * inline, up to a depth), for unions each alternative.
 */
function renderSchema(schema: unknown, depth = 0): string {
  if (!isObject(schema)) return `<span class="type">any</span>`;
  const head = [`<span class="type">${typeLabel(schema)}</span>`, constraints(schema)].filter(Boolean).join(" · ");
  const description = schema.description !== undefined && depth === 0 ? `<div class="desc">${prose(schema.description)}</div>` : "";
  return `<div class="schema">${head ? `<div>${head}</div>` : ""}${description}${schemaBody(schema, depth)}</div>`;
}

function schemaBody(schema: JsonSchema, depth: number): string {
  if (depth > 5) return "";
  if (isObject(schema.properties)) return propertiesTable(schema, depth);
  if (schema.type === "array" && isObject(schema.items) && (isObject(schema.items.properties) || Array.isArray(schema.items.oneOf))) {
    return schemaBody(schema.items, depth);
  }
  if (isObject(schema.additionalProperties) && isObject(schema.additionalProperties.properties)) return schemaBody(schema.additionalProperties, depth);
  const union = (schema.oneOf ?? schema.anyOf) as unknown;
  if (Array.isArray(union) && union.some((u) => isObject(u) && (isObject(u.properties) || u.$ref !== undefined))) {
    const discriminator = isObject(schema.discriminator) ? ` by <code>${escapeHtml(schema.discriminator.propertyName)}</code>` : "";
    return `<div class="union">One of${discriminator}:<ul>${union.map((u) => `<li>${renderSchema(u, depth + 1)}</li>`).join("")}</ul></div>`;
  }
  return "";
}

function propertiesTable(schema: JsonSchema, depth: number): string {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const rows = Object.entries(schema.properties as Record<string, unknown>).map(([name, prop]) => {
    const p = isObject(prop) ? prop : {};
    const nested = schemaBody(p, depth + 1);
    const detail = [constraints(p), p.description !== undefined ? prose(p.description) : ""].filter(Boolean).join("<br>");
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ` <span class="req" title="required">required</span>` : ""}</td><td>${typeLabel(p)}</td><td>${detail}${nested}</td></tr>`;
  });
  const closed = schema.additionalProperties === false ? `<div class="note">No other properties.</div>` : "";
  return `<table class="props"><thead><tr><th>property</th><th>type</th><th>details</th></tr></thead><tbody>${rows.join("")}</tbody></table>${closed}`;
}

type Param = { name: string; in: string; required?: boolean; description?: string; schema?: unknown; style?: string; explode?: boolean };
type Media = { schema?: unknown; example?: unknown };
type Resp = { description?: string; headers?: Record<string, unknown>; content?: Record<string, Media> };
type Op = { operationId?: string; summary?: string; description?: string; tags?: string[]; parameters?: Param[]; requestBody?: { required?: boolean; description?: string; content?: Record<string, Media> }; responses?: Record<string, Resp>; security?: unknown[] };

function resolveHeader(doc: OpenApiDocument, header: unknown): { description?: string; schema?: unknown } {
  if (isObject(header) && typeof header.$ref === "string") {
    const name = header.$ref.replace("#/components/headers/", "");
    return (doc.components.headers as Record<string, { description?: string; schema?: unknown }>)[name] ?? {};
  }
  return isObject(header) ? (header as { description?: string; schema?: unknown }) : {};
}

/** A body's schema: a component is named (a link) and its fields shown right there, one level deep. */
function renderBodySchema(doc: OpenApiDocument, schema: unknown, expand: boolean): string {
  if (expand && isObject(schema) && typeof schema.$ref === "string" && schema.$ref.startsWith(SCHEMA_PREFIX)) {
    const target = doc.components.schemas[schema.$ref.slice(SCHEMA_PREFIX.length)];
    const inner = target ? schemaBody(target, 4) : "";
    return `<div class="schema"><div><span class="type">${typeLabel(schema)}</span></div>${inner}</div>`;
  }
  return renderSchema(schema);
}

/** Bodies; `expand` shows the fields of a referenced component (request bodies and successes, not the Problem of every error). */
function renderContent(doc: OpenApiDocument, content: Record<string, Media> | undefined, expand = true): string {
  if (!content) return "";
  return Object.entries(content)
    .map(([type, media]) => {
      const example = media.example !== undefined ? `<details><summary>example</summary><pre>${escapeHtml(JSON.stringify(media.example, null, 2))}</pre></details>` : "";
      return `<div class="media"><div class="ctype">${escapeHtml(type)}</div>${renderBodySchema(doc, media.schema, expand)}${example}</div>`;
    })
    .join("");
}

function renderOperation(doc: OpenApiDocument, method: string, path: string, op: Op): string {
  const id = anchor("op", op.operationId ?? `${method}-${path}`);
  const secured = Array.isArray(op.security) && op.security.length > 0;
  const params = op.parameters ?? [];
  const paramsHtml = params.length
    ? `<h4>Parameters</h4><table class="params"><thead><tr><th>name</th><th>in</th><th>type</th><th>details</th></tr></thead><tbody>${params
        .map((p) => {
          const style = p.style ? `style ${escapeHtml(p.style)}${p.explode === false ? ", not exploded (a,b,c)" : ""}` : "";
          const detail = [prose(p.description ?? ""), constraints(p.schema), style].filter(Boolean).join("<br>");
          return `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ` <span class="req">required</span>` : ""}</td><td>${escapeHtml(p.in)}</td><td>${typeLabel(p.schema)}</td><td>${detail}</td></tr>`;
        })
        .join("")}</tbody></table>`
    : "";
  const body = op.requestBody
    ? `<h4>Request body${op.requestBody.required ? ` <span class="req">required</span>` : ""}</h4>${op.requestBody.description ? `<p>${prose(op.requestBody.description)}</p>` : ""}${renderContent(doc, op.requestBody.content)}`
    : "";
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const headers = Object.entries(r.headers ?? {});
      const headersHtml = headers.length
        ? `<table class="params"><thead><tr><th>header</th><th>type</th><th>details</th></tr></thead><tbody>${headers
            .map(([name, h]) => {
              const header = resolveHeader(doc, h);
              return `<tr><td><code>${escapeHtml(name)}</code></td><td>${typeLabel(header.schema)}</td><td>${prose(header.description ?? "")}</td></tr>`;
            })
            .join("")}</tbody></table>`
        : "";
      const cls = status.startsWith("2") ? "ok" : "err";
      return `<div class="response"><div><span class="status ${cls}">${escapeHtml(status)}</span> ${prose(r.description ?? "")}</div>${headersHtml}${renderContent(doc, r.content, cls === "ok")}</div>`;
    })
    .join("");
  return `<section class="op" id="${escapeHtml(id)}">
<h3><span class="method m-${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code class="path">${escapeHtml(path)}</code> <span class="summary">${escapeHtml(op.summary ?? "")}</span></h3>
${secured ? `<div class="auth">Needs <code>Authorization: Bearer &lt;key&gt;</code> when the server has API keys.</div>` : `<div class="auth open">No key needed.</div>`}
${paragraphs(op.description)}${paramsHtml}${body}<h4>Responses</h4>${responses}
</section>`;
}

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

/** The whole document as one HTML page. */
export function renderDocsHtml(doc: OpenApiDocument): string {
  const ops: { method: string; path: string; op: Op }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Op | undefined>)[method];
      if (op) ops.push({ method, path, op });
    }
  }
  const tags = doc.tags.map((t) => t.name);
  for (const o of ops) for (const t of o.op.tags ?? ["other"]) if (!tags.includes(t)) tags.push(t);
  const byTag = tags.map((tag) => ({ tag, description: doc.tags.find((t) => t.name === tag)?.description ?? "", ops: ops.filter((o) => (o.op.tags ?? ["other"])[0] === tag) })).filter((g) => g.ops.length > 0);
  const schemaNames = Object.keys(doc.components.schemas);

  const nav = `<nav><h2>Routes</h2>${byTag
    .map(
      (g) =>
        `<h3>${escapeHtml(g.tag)}</h3><ul>${g.ops
          .map((o) => `<li><a href="#${escapeHtml(anchor("op", o.op.operationId ?? `${o.method}-${o.path}`))}"><span class="method m-${escapeHtml(o.method)}">${escapeHtml(o.method.toUpperCase())}</span> ${escapeHtml(o.path)}</a></li>`)
          .join("")}</ul>`,
    )
    .join("")}<h2>Schemas</h2><ul>${schemaNames.map((n) => `<li><a href="#${escapeHtml(anchor("schema", n))}">${escapeHtml(n)}</a></li>`).join("")}</ul></nav>`;

  const security = Object.entries(doc.components.securitySchemes)
    .map(([name, s]) => `<p><strong>${escapeHtml(name)}</strong> (${escapeHtml(s.type)}${s.scheme ? ` ${escapeHtml(s.scheme)}` : ""}): ${prose(s.description ?? "")}</p>`)
    .join("");

  const routes = byTag.map((g) => `<h2 class="tag">${escapeHtml(g.tag)}</h2><p class="tagdesc">${prose(g.description)}</p>${g.ops.map((o) => renderOperation(doc, o.method, o.path, o.op)).join("\n")}`).join("\n");

  const schemas = schemaNames
    .map((name) => {
      const schema = doc.components.schemas[name];
      return `<section class="component" id="${escapeHtml(anchor("schema", name))}"><h3>${escapeHtml(name)}</h3>${renderSchema(schema)}<details><summary>JSON Schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details></section>`;
    })
    .join("\n");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)} · API reference</title>
<style>${CSS}</style>
</head>
<body>
${nav}
<main>
<header><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)} · OpenAPI ${escapeHtml(doc.openapi)}</small></h1>
<p class="lead">${prose(doc.info.summary)}</p>${paragraphs(doc.info.description)}
<h2>Authentication</h2>${security}
<p>The machine-readable document: <a href="openapi.json">openapi.json</a>.</p></header>
${routes}
<h2 class="tag">Schemas</h2>
${schemas}
</main>
</body>
</html>
`;
}

const CSS = `
:root{--fg:#1d2733;--muted:#5b6776;--line:#dde3ea;--bg:#fff;--soft:#f5f7fa;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);display:flex}
nav{position:sticky;top:0;height:100vh;overflow:auto;width:290px;flex:none;padding:16px;border-right:1px solid var(--line);background:var(--soft);font-size:13px}
nav h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:18px 0 6px}
nav h3{font-size:13px;margin:10px 0 4px}
nav ul{list-style:none;margin:0;padding:0}
nav li{margin:2px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
nav a{color:var(--fg);text-decoration:none}
nav a:hover{text-decoration:underline}
main{flex:1;min-width:0;padding:24px 32px;max-width:1100px}
h1 small{font-size:14px;color:var(--muted);font-weight:normal}
h2.tag{margin-top:40px;padding-bottom:4px;border-bottom:2px solid var(--line);text-transform:capitalize}
.tagdesc,.lead{color:var(--muted)}
section.op,section.component{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:16px 0}
section.op h3{margin:0 0 6px;font-size:16px}
h4{margin:14px 0 6px;font-size:14px}
.summary{color:var(--muted);font-weight:normal;margin-left:6px}
.method{display:inline-block;min-width:44px;text-align:center;font:600 11px/18px ui-monospace,monospace;border-radius:4px;color:#fff;padding:0 4px}
.m-get{background:#1f7a4d}.m-post{background:#0b5cad}.m-put,.m-patch{background:#a86500}.m-delete{background:#b3261e}
.auth{font-size:13px;color:#8a4b00}.auth.open{color:var(--muted)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
pre{background:var(--soft);padding:10px;border-radius:6px;overflow:auto;max-height:420px}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.req{font-size:11px;color:#b3261e}
.status{display:inline-block;font:600 12px/18px ui-monospace,monospace;border-radius:4px;padding:0 6px}
.status.ok{background:#e3f4ea;color:#1f7a4d}.status.err{background:#fbe9e7;color:#b3261e}
.response{margin:8px 0;padding-left:8px;border-left:3px solid var(--line)}
.media{margin:6px 0}
.ctype{font:600 12px ui-monospace,monospace;color:var(--muted)}
.schema .schema{margin-top:4px}
.desc,.note{color:var(--muted);font-size:13px}
.union ul{margin:4px 0;padding-left:18px}
a.ref{color:var(--accent)}
details summary{cursor:pointer;color:var(--muted);font-size:13px}
@media (max-width:800px){body{display:block}nav{position:static;height:auto;width:auto}}
`;
