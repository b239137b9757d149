/**
 * The success criteria of JIS X 8341-3:2016 at levels A and AA: those of WCAG 2.0, with the same
 * numbers. The test records and the public results table use these numbers.
 */
export const A11Y_STANDARD = 'JIS X 8341-3:2016 AA';

export interface Criterion {
  id: string;
  level: 'A' | 'AA';
}

const A = (ids: string) => ids.split(' ').map((id) => ({ id, level: 'A' as const }));
const AA = (ids: string) => ids.split(' ').map((id) => ({ id, level: 'AA' as const }));

export const CRITERIA: readonly Criterion[] = [
  ...A('1.1.1 1.2.1 1.2.2 1.2.3'),
  ...AA('1.2.4 1.2.5'),
  ...A('1.3.1 1.3.2 1.3.3 1.4.1 1.4.2'),
  ...AA('1.4.3 1.4.4 1.4.5'),
  ...A('2.1.1 2.1.2 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4'),
  ...AA('2.4.5 2.4.6 2.4.7'),
  ...A('3.1.1'),
  ...AA('3.1.2'),
  ...A('3.2.1 3.2.2'),
  ...AA('3.2.3 3.2.4'),
  ...A('3.3.1 3.3.2'),
  ...AA('3.3.3 3.3.4'),
  ...A('4.1.1 4.1.2'),
].sort((a, b) => compareCriteria(a.id, b.id));

export function compareCriteria(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

const IDS = new Set(CRITERIA.map((c) => c.id));
export const isCriterion = (id: string): boolean => IDS.has(id);

/**
 * The criterion an axe tag names ('wcag143' → '1.4.3', 'wcag1410' → '1.4.10'), or null for other
 * tags and for criteria outside JIS X 8341-3:2016 A/AA (WCAG 2.1's, such as 1.4.10).
 */
export function criterionOfAxeTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d+)$/.exec(tag);
  if (!m) return null;
  const id = `${m[1]}.${m[2]}.${m[3]}`;
  return IDS.has(id) ? id : null;
}
