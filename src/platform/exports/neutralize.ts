/**
 * CSV/formula injection: spreadsheet programs run a cell that starts with one of these as a formula
 * (tab and CR because Excel strips them and then sees the next character). A leading apostrophe
 * makes the cell plain text.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralizeFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}
