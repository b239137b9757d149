/** A cell value as the text written into CSV. */
import { tokyoDate, tokyoDateTime } from '../calendar/index.js';
import type { CellValue, ColumnKind } from './columns.js';
import { neutralizeFormula } from './neutralize.js';

export function cellText(value: CellValue, kind: ColumnKind = 'text'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // NaN or Infinity would only be a bug upstream; a blank cell is less misleading than "NaN".
    return Number.isFinite(value) ? String(value) : '';
  }
  if (value instanceof Date) return kind === 'date' ? tokyoDate(value) : tokyoDateTime(value);
  return neutralizeFormula(value);
}

/** RFC 4180: quote when the field holds a comma, quote or line break; double the quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
