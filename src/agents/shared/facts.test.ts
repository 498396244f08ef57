import { describe, expect, it } from "vitest";
import { unitEconomicsOf } from "./facts.js";

describe("unitEconomicsOf", () => {
  it("compares price and cost per transaction", () => {
    expect(unitEconomicsOf("Delivery fee of $3.99 per order.", "Each delivery costs us $14 in drone operations.")).toEqual({ price: "$3.99", cost: "$14", basis: "order", margin: -2.51 });
  });

  it("converts periods and keeps the entity", () => {
    expect(unitEconomicsOf("€390 per hectare per year.", "Serving one grower costs us about €60 per year.")).toMatchObject({ basis: "hectare per year", margin: 0.85 });
    expect(unitEconomicsOf("$120 per clinic per month.", "It costs us $360 per clinic per quarter.")).toMatchObject({ cost: "$120", margin: 0 });
  });

  it("leaves unlike bases alone", () => {
    expect(unitEconomicsOf("$2,000 per practice per month.", "Build cost: 4 engineers for 8 months.")).toBeUndefined();
    expect(unitEconomicsOf("$9 per order.", "Hosting costs us $400 per month.")).toBeUndefined();
    expect(unitEconomicsOf("$9 per seat per month.", "It costs $3 per clinic per month.")).toBeUndefined();
    expect(unitEconomicsOf(undefined, "$3 per month")).toBeUndefined();
  });
});
