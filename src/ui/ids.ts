/**
 * Element ids shared by form fields and the error summary, so summary links always land on the
 * control they describe. A field named `applicant.email` gets the id `applicant-email`; groups of
 * radios or checkboxes give that id to their first option and `${id}-2`, `${id}-3`… to the rest.
 */

export function fieldId(name: string): string {
  return name.replace(/[.\[\]\s]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Id of the n-th option (0-based) of a radio or checkbox group. */
export function optionId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

/** The `aria-describedby` value: error first, then hint; undefined when neither is shown. */
export function describedBy(id: string, opts: { error?: unknown; hint?: unknown }): string | undefined {
  const ids: string[] = [];
  if (hasContent(opts.error)) ids.push(errorId(id));
  if (hasContent(opts.hint)) ids.push(hintId(id));
  return ids.length ? ids.join(' ') : undefined;
}

export function hasContent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && v !== '';
}
