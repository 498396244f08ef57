import type { Economics } from "./economics.js";

/** How the economics' figures read in a memo: one list, for the markdown memo and the web page alike. */

const SYMBOL: Record<NonNullable<Economics["currency"]>, string> = { USD: "$", GBP: "£", EUR: "€" };

/** 1234.5 -> "1,234.5"; null -> "unknown". */
export function formatNumber(n: number | null): string {
  return n === null ? "unknown" : n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** Money in the economics' currency: -41 USD -> "-$41", null -> "unknown" . */
export function formatMoney(n: number | null, currency: Economics["currency"]): string {
  if (n === null) return "unknown";
  return `${n < 0 ? "-" : ""}${currency ? SYMBOL[currency] : ""}${formatNumber(Math.abs(n))}`;
}

/** The economics model's figures with their labels, in the memo's order; a figure the brief gives no inputs for reads "unknown". */
export function economicsFigures(e: Economics): [label: string, value: string][] {
  const money = (n: number | null) => formatMoney(n, e.currency);
  const unit = (n: number | null, suffix: string) => (n === null ? "unknown" : `${formatNumber(n)}${suffix}`);
  return [
    ["Price per customer a month", money(e.pricePerMonth)],
    ["Cost to serve per customer a month", money(e.costToServePerMonth)],
    ["Gross margin", unit(e.grossMarginPct, "%")],
    ["Customers in the market", formatNumber(e.marketCustomers)],
    ["Market per year", money(e.tamPerYear)],
    ["Target customers", formatNumber(e.targetCustomers)],
    ["Target revenue per year", money(e.targetRevenuePerYear)],
    ["Build cost", money(e.buildCost)],
    ["Payback", unit(e.paybackMonths, " months")],
    ["Break-even customers (36 months)", formatNumber(e.breakEvenCustomers)],
    ["Value per year (no price)", money(e.valuePerYear)],
  ];
}
