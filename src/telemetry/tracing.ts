import type { TraceCarrier } from "../domain/run.js";

/** Attribute values a span takes; `undefined` ones are left out. */
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

/** What code inside a span may do with it: add what it learnt on the way (tokens, a decision). */
export type ActiveSpan = { setAttributes(attributes: SpanAttributes): void };

export type SpanOptions = {
  /** What the span is, in OpenTelemetry's terms (default internal). */
  kind?: "internal" | "server" | "client" | "producer" | "consumer";
  /** A parent carried across a process boundary (the queue); without it the current span is the parent. */
  parent?: TraceCarrier | undefined;
};

/**
 * Tracing as the rest of the code sees it: spans around work, and the current trace context as W3C
 * headers to carry across the queue. The OpenTelemetry implementation lives in src/runtime/otel.ts and is
 * loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set; everything else gets {@link noTracing}, which
 * costs a function call and loads nothing.
 */
export type Tracing = {
  /**
   * Runs `fn` in a span, the child of the current one (or of `options.parent`); the span ends when `fn`
   * settles, a throw marks it failed. Spans started inside `fn` are its children.
   */
  span<T>(name: string, attributes: SpanAttributes, fn: (span: ActiveSpan) => Promise<T>, options?: SpanOptions): Promise<T>;
  /** The current trace context as W3C Trace Context headers (`traceparent`, `tracestate`); undefined when off. */
  carrier(): TraceCarrier | undefined;
};

const NO_SPAN: ActiveSpan = { setAttributes: () => undefined };

/** Tracing off: runs the work, records nothing. */
export const noTracing: Tracing = {
  span: (_name, _attributes, fn) => fn(NO_SPAN),
  carrier: () => undefined,
};
