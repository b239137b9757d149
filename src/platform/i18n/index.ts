/**
 * Message catalogues. Each module declares its own with `createCatalog`; Japanese is the source,
 * English is required for public pages and optional elsewhere (falls back to Japanese).
 * Placeholders are written `{name}`.
 */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export interface Catalog<K extends string> {
  (locale: Locale, key: K, params?: Params): string;
  keys: readonly K[];
  ja: Record<K, string>;
  en: Partial<Record<K, string>>;
}

export function createCatalog<const J extends Record<string, string>>(
  ja: J,
  en: Partial<Record<keyof J & string, string>> = {},
): Catalog<keyof J & string> {
  type K = keyof J & string;
  const fn = ((locale: Locale, key: K, params?: Params) => {
    const template = (locale === 'en' ? en[key] : undefined) ?? ja[key];
    if (template === undefined) throw new Error(`missing message: ${key}`);
    return format(template, params);
  }) as Catalog<K>;
  fn.keys = Object.keys(ja) as K[];
  fn.ja = ja;
  fn.en = en;
  return fn;
}

export function isLocale(v: unknown): v is Locale {
  return v === 'ja' || v === 'en';
}
