// The deliberately trivial baseline the engine must beat: fund any brief that names a price in money and a percentage.
import type { DecisionValue } from "../domain/memo.js";

/** A currency sign before a digit (`$12`, `£ 900`, `€3`), or a number before a currency name (`4,000 USD`, `2 million euros`). */
const CURRENCY = /[$£€]\s?\d|\d(?:[\d,.]*\d)?\s*(?:(?:thousand|million|billion|k|m|bn)\s+)?(?:USD|GBP|EUR|dollars?|pounds?|euros?)\b/i;
/** A number followed by `%` (optionally after a space) or by "percent" / "per cent". */
const PERCENTAGE = /\d\s?%|\d\s*(?:percent|per\s+cent)\b/i;

/** "fund" if and only if the text contains both a currency amount and a percentage; "kill" otherwise. */
export function baselineVerdict(text: string): DecisionValue {
  return CURRENCY.test(text) && PERCENTAGE.test(text) ? "fund" : "kill";
}
