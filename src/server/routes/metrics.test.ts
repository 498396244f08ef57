import { describe, expect, it } from "vitest";
import { addCounters, finishIncrements, statsFromCounters } from "../../store/run-ledger-stats.js";
import { STEP_SECONDS_BUCKETS } from "../../store/run-ledger.js";
import { histogramValues, renderPrometheus } from "./metrics.js";

describe("duration histograms on /metrics", () => {
  it("renders cumulative buckets, +Inf as the count, then sum and count, with the series' labels before le", () => {
    const d = { sum: 7.5, count: 4, buckets: { "1": 1, "5": 2 } }; // one run over 5 s is only in +Inf
    const text = renderPrometheus([{ name: "x_seconds", help: "X.", type: "histogram", values: histogramValues([1, 5, 15], d, { node: "drafter" }) }]);
    expect(text.split("\n")).toEqual([
      "# HELP x_seconds X.",
      "# TYPE x_seconds histogram",
      'x_seconds_bucket{node="drafter",le="1"} 1',
      'x_seconds_bucket{node="drafter",le="5"} 3',
      'x_seconds_bucket{node="drafter",le="15"} 3',
      'x_seconds_bucket{node="drafter",le="+Inf"} 4',
      'x_seconds_sum{node="drafter"} 7.5',
      'x_seconds_count{node="drafter"} 4',
      "",
    ]);
  });

  it("a finished run's steps land in their node's buckets, read back from the flat counters (a node may hold a colon)", () => {
    const counters = new Map<string, number>();
    const steps = [
      { node: "drafter", ms: 3 },
      { node: "drafter", ms: 2_000 },
      { node: "customer:pat", ms: 400_000 }, // over the last bound: only in +Inf
    ];
    addCounters(counters, finishIncrements({ status: "cancelled", steps }, undefined));
    const stats = statsFromCounters(Object.fromEntries(counters));
    expect(stats.steps.drafter).toEqual({ sum: 2.003, count: 2, buckets: { "0.01": 1, "5": 1 } });
    expect(stats.steps["customer:pat"]).toEqual({ sum: 400, count: 1, buckets: {} });
    const drafter = histogramValues(STEP_SECONDS_BUCKETS, stats.steps.drafter!, { node: "drafter" }).filter((v) => v.suffix === "_bucket");
    expect(drafter.map((v) => [v.labels?.le, v.value])).toEqual([
      ["0.01", 1],
      ["0.05", 1],
      ["0.25", 1],
      ["1", 1],
      ["5", 2],
      ["15", 2],
      ["30", 2],
      ["60", 2],
      ["120", 2],
      ["300", 2],
      ["+Inf", 2],
    ]);
  });
});
