/**
 * Income tax withheld from an honorarium (報酬・料金等の源泉徴収, 所得税法204条, with the 復興特別所得税):
 * 10.21% of a payment up to 1,000,000 yen, and 20.42% of the part above it. The tax is floored to
 * whole yen (国税庁: 1円未満の端数は切り捨て), computed in integers so no float rounds it.
 */
export const WITHHOLDING_THRESHOLD = 1_000_000;

export function withholdingTax(gross: number): number {
  if (!Number.isSafeInteger(gross) || gross < 0) throw new RangeError('gross must be a non-negative integer');
  const lower = Math.min(gross, WITHHOLDING_THRESHOLD);
  const upper = gross - lower;
  return Math.floor((lower * 1021) / 10_000) + Math.floor((upper * 2042) / 10_000);
}

export function honorariumAmounts(gross: number): { gross: number; withholding: number; net: number } {
  const withholding = withholdingTax(gross);
  return { gross, withholding, net: gross - withholding };
}
