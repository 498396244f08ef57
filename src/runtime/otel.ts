import { httpInstrumentationMiddleware } from "@hono/otel";
import { context, diag, DiagLogLevel, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, detectResources, envDetector, hostDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type Span, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import type { MiddlewareHandler } from "hono";
import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import type { SpanAttributes, SpanOptions, Tracing } from "../telemetry/tracing.js";

// OpenTelemetry's SDK for the services. Only src/runtime/services.ts loads this file, with `await import`,
// and only when OTEL_EXPORTER_OTLP_ENDPOINT is set: without it no OpenTelemetry package is loaded.

export type TracingSettings = {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: an OTLP/HTTP receiver's base URL; spans go to its /v1/traces. */
  endpoint: string;
  serviceName: string;
  /** What this process runs: "api", "worker" or "api+worker" (the prfaq.process resource attribute). */
  process: string;
  logger: Logger;
};

export type RunningTracing = {
  tracing: Tracing;
  /** The HTTP server span of every request (hono's OpenTelemetry middleware), outermost. */
  httpMiddleware: MiddlewareHandler;
  /** Sends the spans still buffered and stops the SDK (on SIGTERM / Ctrl-C, through the services' stop). */
  shutdown(): Promise<void>;
};

const KINDS = { internal: SpanKind.INTERNAL, server: SpanKind.SERVER, client: SpanKind.CLIENT, producer: SpanKind.PRODUCER, consumer: SpanKind.CONSUMER } as const;

/** Attribute values without the undefined ones (OpenTelemetry drops them with a warning). */
function defined(attributes: SpanAttributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)) as Attributes;
}

/** GET requests may carry an API key as ?access_token= (EventSource cannot send headers): never into a span. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has("access_token")) return url;
    parsed.searchParams.set("access_token", "REDACTED");
    return parsed.href;
  } catch {
    return url;
  }
}

/** Rewrites url.full as each span starts (hono's middleware sets it from the request URL). */
const redactingProcessor: SpanProcessor = {
  onStart(span: Span) {
    const url = span.attributes["url.full"];
    if (typeof url === "string") span.setAttribute("url.full", redactUrl(url));
  },
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** Health probes and scrapes, every few seconds from every orchestrator: not worth a trace each. */
const UNTRACED = new Set(["/healthz", "/readyz", "/metrics"]);
function untracedProbes(traced: MiddlewareHandler): MiddlewareHandler {
  return (c, next) => (UNTRACED.has(c.req.path) ? next() : traced(c, next));
}

/** One SDK per process, shared by the API and the worker of `prfaq dev` (OpenTelemetry's globals are per process). */
let shared: { started: Promise<RunningTracing>; users: number } | undefined;

/**
 * Starts the SDK: a tracer provider exporting in batches over OTLP/HTTP (JSON) to `endpoint`/v1/traces,
 * registered as the process's global provider with W3C Trace Context propagation and an
 * AsyncLocalStorage context. The SDK reads its own variables (OTEL_EXPORTER_OTLP_HEADERS,
 * OTEL_EXPORTER_OTLP_TIMEOUT, OTEL_TRACES_SAMPLER, OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES, ...).
 */
export function startTracing(settings: TracingSettings): Promise<RunningTracing> {
  if (shared) {
    shared.users++;
    return shared.started.then((running) => ({ ...running, shutdown: release }));
  }
  const state = { started: start(settings), users: 1 };
  shared = state;
  state.started.catch(() => {
    if (shared === state) shared = undefined;
  });
  return state.started.then((running) => ({ ...running, shutdown: release }));

  async function release(): Promise<void> {
    if (!shared || --shared.users > 0) return;
    const running = await shared.started;
    shared = undefined;
    await running.shutdown();
  }
}

/** The package's version, for service.version. */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

async function start(settings: TracingSettings): Promise<RunningTracing> {
  const serviceVersion = packageVersion();
  // The SDK's own complaints (an export the collector refused, a bad header) go to our log, not stderr.
  const log = settings.logger.child({ component: "otel" });
  diag.setLogger(
    {
      error: (message, ...args) => log.warn({ args }, message),
      warn: (message, ...args) => log.warn({ args }, message),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );
  const detected = detectResources({ detectors: [envDetector, hostDetector] });
  const resource = defaultResource()
    .merge(detected)
    .merge(resourceFromAttributes({ "service.name": settings.serviceName, "service.version": serviceVersion, "prfaq.process": settings.process }));
  const url = `${settings.endpoint.replace(/\/+$/, "")}/v1/traces`;
  const provider = new NodeTracerProvider({ resource, spanProcessors: [redactingProcessor, new BatchSpanProcessor(new OTLPTraceExporter({ url }))] });
  provider.register();
  const tracer = provider.getTracer("prfaq-sim", serviceVersion);
  log.info({ url, serviceName: settings.serviceName }, "OpenTelemetry tracing on");

  const tracing: Tracing = {
    span(name, attributes, fn, options: SpanOptions = {}) {
      const parent = options.parent ? propagation.extract(ROOT_CONTEXT, options.parent) : context.active();
      return tracer.startActiveSpan(name, { kind: KINDS[options.kind ?? "internal"], attributes: defined(attributes) }, parent, async (span) => {
        try {
          return await fn({ setAttributes: (more) => void span.setAttributes(defined(more)) });
        } catch (error) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    carrier() {
      const headers: Record<string, string> = {};
      propagation.inject(context.active(), headers);
      if (!headers.traceparent) return undefined;
      return { traceparent: headers.traceparent, ...(headers.tracestate ? { tracestate: headers.tracestate } : {}) };
    },
  };

  return {
    tracing,
    httpMiddleware: untracedProbes(httpInstrumentationMiddleware({ tracerProvider: provider, serviceName: settings.serviceName, serviceVersion, captureActiveRequests: false })),
    async shutdown() {
      await provider.shutdown().catch((err: unknown) => log.warn({ err }, "could not send the last spans"));
      // Let a later start in this process (tests) register again.
      trace.disable();
      context.disable();
      propagation.disable();
      diag.disable();
    },
  };
}
