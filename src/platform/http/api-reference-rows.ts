import { apiReferenceMessages } from './messages.js';

/**
 * The OpenAPI document flattened into the rows the reference page shows: one row per field of a
 * body or answer (nested fields by dotted path, `items[].name` inside arrays), one per parameter,
 * each with its type and its constraints in words.
 */

type Schema = Record<string, any>;
const t = (key: Parameters<typeof apiReferenceMessages>[1], params?: Record<string, string | number>) => apiReferenceMessages('ja', key, params);

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  notes: string[];
}

/** Follows a local `$ref` (`#/components/...`) in `doc`; anything else is returned as it is. */
export function deref(doc: Schema, s: Schema | undefined): Schema | undefined {
  let at = s;
  for (let i = 0; at?.$ref && i < 10; i++) {
    const ref = String(at.$ref);
    if (!ref.startsWith('#/')) return at;
    at = ref
      .slice(2)
      .split('/')
      .reduce<Schema | undefined>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return at;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** `string`, `integer`, `string[]`, `string | null`, `object`, the name of a referenced schema… */
export function typeText(doc: Schema, s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) return String(s.$ref).split('/').pop()!;
  if (Array.isArray(s.anyOf)) return s.anyOf.map((x: Schema) => typeText(doc, x)).join(' | ');
  if (Array.isArray(s.oneOf)) return s.oneOf.map((x: Schema) => typeText(doc, x)).join(' | ');
  const types: string[] = [s.type ?? (s.properties ? 'object' : s.const !== undefined ? typeof s.const : 'any')].flat();
  return types.map((ty) => (ty === 'array' ? `${typeText(doc, s.items) || 'any'}[]` : ty)).join(' | ');
}

function range(min: unknown, max: unknown, both: 'length' | 'range', onlyMax: 'lengthMax' | 'rangeMax', onlyMin: 'lengthMin' | 'rangeMin'): string[] {
  if (min !== undefined && max !== undefined) return [t(both, { min: String(min), max: String(max) })];
  if (max !== undefined) return [t(onlyMax, { max: String(max) })];
  if (min !== undefined) return [t(onlyMin, { min: String(min) })];
  return [];
}

/** The constraints of one schema in words, then its description. */
export function notesOf(s: Schema): string[] {
  const notes: string[] = [];
  if (s.description) notes.push(String(s.description));
  const items = s.type === 'array' && s.items ? (s.items as Schema) : undefined;
  for (const x of [s, items].filter((v): v is Schema => !!v)) {
    if (Array.isArray(x.enum)) notes.push(t('values', { values: x.enum.map(show).join(', ') }));
    if (x.const !== undefined) notes.push(t('const', { value: show(x.const) }));
    if (x.format) notes.push(t('format', { format: String(x.format) }));
    notes.push(...range(x.minLength, x.maxLength, 'length', 'lengthMax', 'lengthMin'));
    notes.push(...range(x.minimum, x.maximum, 'range', 'rangeMax', 'rangeMin'));
    if (x.pattern) notes.push(t('pattern', { pattern: String(x.pattern) }));
  }
  if (s.default !== undefined) notes.push(t('default', { value: show(s.default) }));
  return notes;
}

/** The fields of a body or answer, nested ones by dotted path. A schema that is not an object is one row. */
export function schemaRows(doc: Schema, schema: Schema | undefined, prefix = ''): FieldRow[] {
  const s = deref(doc, schema);
  if (!s) return [];
  if (!s.properties) {
    if (s.type === 'array' && deref(doc, s.items)?.properties) return schemaRows(doc, s.items, `${prefix}[].`);
    return prefix ? [] : [{ name: t('whole'), type: typeText(doc, s), required: true, notes: notesOf(s) }];
  }
  const required = new Set<string>(s.required ?? []);
  return Object.entries(s.properties as Record<string, Schema>).flatMap(([key, raw]) => {
    const field = deref(doc, raw) ?? raw;
    const name = `${prefix}${key}`;
    const row: FieldRow = { name, type: typeText(doc, raw), required: required.has(key), notes: notesOf(field) };
    const isArray = [field.type].flat().includes('array');
    const nested = field.properties ? schemaRows(doc, field, `${name}.`) : isArray ? schemaRows(doc, field.items, `${name}[].`) : [];
    return [row, ...nested];
  });
}

export interface ParamRow extends FieldRow {
  in: string;
}

/** The parameters of an operation (path, query, header), in the document's order. */
export function parameterRows(doc: Schema, parameters: Schema[] | undefined): ParamRow[] {
  return (parameters ?? []).map((raw) => {
    const p = deref(doc, raw) ?? raw;
    const schema = (p.schema ?? {}) as Schema;
    const notes = [...(p.description ? [String(p.description)] : []), ...notesOf({ ...schema, description: undefined })];
    return { name: String(p.name), in: String(p.in), type: typeText(doc, schema), required: p.required === true, notes };
  });
}
