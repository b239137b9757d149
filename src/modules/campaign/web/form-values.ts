import type { AppContext } from '../../../platform/http/env.js';
import { ERASED, programScope } from '../../../platform/vault/index.js';
import type { Deps } from '../../../platform/deps.js';
import type { Upload } from '../documents.js';
import { openPersonal, str } from '../personal.js';
import type { Application } from '../schema.js';
import { isFormControlField } from '../../../platform/forms/field.js';

/** The form as flat strings keyed by dotted names (`facility.name`), plus the checked features. */
export interface FormValues {
  fields: Record<string, string>;
  features: string[];
}

/** The flat form turned into the nested shape the validators and the API share. */
export function nestForm(v: FormValues): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = { facility: {}, operator: {}, license: {}, bankAccount: {} };
  for (const [k, value] of Object.entries(v.fields)) {
    const [group, key] = k.split('.', 2);
    if (group && key && out[group]) out[group]![key] = value;
  }
  out.facility!.features = v.features;
  return { ...out, agreeToTerms: v.fields.agreeToTerms === 'true' };
}

/** Reads the posted form, its features and its files (empty file inputs are ignored). */
export async function readApplicationForm(c: AppContext): Promise<{ values: FormValues; uploads: Upload[]; action: string }> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  const features: string[] = [];
  const uploads: Upload[] = [];
  for (const [k, raw] of Object.entries(body)) {
    if (isFormControlField(k)) continue;
    const list = Array.isArray(raw) ? raw : [raw];
    if (k === 'facility.features') {
      for (const x of list) if (typeof x === 'string') features.push(x);
      continue;
    }
    if (k === 'licenseFile' || k === 'photoFile') {
      for (const x of list) {
        if (typeof x !== 'string' && x.size > 0) uploads.push({ kind: k === 'licenseFile' ? 'license' : 'photo', filename: x.name, bytes: Buffer.from(await x.arrayBuffer()) });
      }
      continue;
    }
    if (typeof list[0] === 'string') fields[k] = list[0];
  }
  return { values: { fields, features }, uploads, action: fields.action ?? 'submit' };
}

/** The saved application as form values (the applicant's own data, for editing). */
export async function applicationFormValues(conn: Deps['db'], deps: Pick<Deps, 'vault'>, app: Application): Promise<FormValues> {
  const box = await deps.vault.box(conn, programScope(app.programId));
  const personal = openPersonal(box, app.personal);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(app.facility)) if (k !== 'features') fields[`facility.${k}`] = v === null ? '' : str(v);
  if (personal !== ERASED) {
    for (const [k, v] of Object.entries(personal.operator)) fields[`operator.${k}`] = str(v);
    for (const [k, v] of Object.entries(personal.bankAccount)) fields[`bankAccount.${k}`] = str(v);
    if (personal.license) for (const [k, v] of Object.entries(personal.license)) fields[`license.${k}`] = str(v);
  }
  if (app.licenseNumber) fields['license.number'] = app.licenseNumber;
  if (app.licenseIssuedOn) fields['license.issuedOn'] = app.licenseIssuedOn;
  if (app.agreedAt) fields.agreeToTerms = 'true';
  const features = Array.isArray(app.facility.features) ? (app.facility.features as unknown[]).map(str) : [];
  return { fields, features };
}
