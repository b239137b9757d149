import { isFormControlField } from '../forms/field.js';
import type { AppContext } from './env.js';

/** The submitted urlencoded or multipart form as strings (files are left out; read them with formFiles). */
export async function formFields(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (isFormControlField(k)) continue;
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/** All string values of a repeated field (checkbox groups). */
export async function formList(c: AppContext, name: string): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string');
}
