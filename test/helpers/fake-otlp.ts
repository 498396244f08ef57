import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

// A stand-in for an OpenTelemetry Collector's OTLP/HTTP receiver (JSON encoding, what
// @opentelemetry/exporter-trace-otlp-http sends): keeps every span it is sent, flattened.

const AnyValueSchema = z.object({ stringValue: z.string().optional(), intValue: z.union([z.string(), z.number()]).optional(), doubleValue: z.number().optional(), boolValue: z.boolean().optional() });
const KeyValueSchema = z.object({ key: z.string(), value: AnyValueSchema });
const SpanSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string(),
  kind: z.number(),
  attributes: z.array(KeyValueSchema).default([]),
  status: z.object({ code: z.number().optional() }).optional(),
});
const ExportSchema = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: z.array(KeyValueSchema).default([]) }).optional(),
      scopeSpans: z.array(z.object({ spans: z.array(SpanSchema).default([]) })).default([]),
    }),
  ),
});

type Value = string | number | boolean | undefined;
export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, Value>;
  resource: Record<string, Value>;
};

const valueOf = (v: z.infer<typeof AnyValueSchema>): Value => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : undefined) ?? v.doubleValue ?? v.boolValue;
const record = (kvs: z.infer<typeof KeyValueSchema>[]) => Object.fromEntries(kvs.map((kv) => [kv.key, valueOf(kv.value)]));

/** Starts the receiver on a free loopback port: `url` is what OTEL_EXPORTER_OTLP_ENDPOINT takes. */
export async function startFakeOtlp() {
  const spans: ReceivedSpan[] = [];
  const requests: { path: string; contentType: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", contentType: req.headers["content-type"] ?? "" });
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      const body = ExportSchema.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      for (const rs of body.resourceSpans) {
        const resource = record(rs.resource?.attributes ?? []);
        for (const ss of rs.scopeSpans) {
          for (const s of ss.spans) {
            spans.push({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? "", name: s.name, kind: s.kind, attributes: record(s.attributes), resource });
          }
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
