import { ERASED, type Box } from '../../platform/vault/index.js';
import { openPersonal, str } from './personal.js';
import type { ApplicationSnapshot } from './schema.js';

/** Every submitted value as `group.key` → text, for display and for the resubmission diff. */
export function flattenApplication(box: Box, s: ApplicationSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.facility)) out[`facility.${k}`] = Array.isArray(v) ? v.map(str).join('、') : v === null ? '' : str(v);
  const p = openPersonal(box, s.personal);
  if (p !== ERASED) {
    for (const [k, v] of Object.entries(p.operator)) out[`operator.${k}`] = str(v);
    for (const [k, v] of Object.entries(p.bankAccount)) out[`bankAccount.${k}`] = str(v);
  }
  out['license.number'] = s.licenseNumber ?? '';
  out['license.issuedOn'] = s.licenseIssuedOn ?? '';
  return out;
}

export interface Change {
  field: string;
  before: string;
  after: string;
}

/** What the applicant changed between the returned version and the resubmitted one. */
export function diffApplications(before: Record<string, string>, after: Record<string, string>): Change[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => (before[k] ?? '') !== (after[k] ?? '')).map((k) => ({ field: k, before: before[k] ?? '', after: after[k] ?? '' }));
}
