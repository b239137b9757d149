import { addBusinessDays, addDays, nextBusinessDay, isBusinessDay } from '../../../platform/calendar/index.js';

/** 速報: within 3–5 days of discovery; the product asks for it within 3 business days of the office calendar. */
export const PRELIMINARY_BUSINESS_DAYS = 3;
/** 確報: 30 days from discovery, 60 for a malicious act (個人情報保護法施行規則 第8条). */
export const FINAL_DAYS = 30;
export const FINAL_DAYS_MALICIOUS = 60;

/** The report deadlines of a reportable leak discovered on `discoveredOn`; a final deadline on a closed day moves to the next business day. */
export function incidentDeadlines(discoveredOn: string, malicious: boolean): { preliminaryDueOn: string; finalDueOn: string } {
  const final = addDays(discoveredOn, malicious ? FINAL_DAYS_MALICIOUS : FINAL_DAYS);
  return {
    preliminaryDueOn: addBusinessDays(discoveredOn, PRELIMINARY_BUSINESS_DAYS),
    finalDueOn: isBusinessDay(final) ? final : nextBusinessDay(final),
  };
}
