/** Export helpers used by every module: CSV (UTF-8 BOM or Shift_JIS), xlsx, and the HTTP response. */
export { neutralizeFormula } from './neutralize.js';
export type { CellValue, Column, ColumnKind, Rows } from './columns.js';
export { toCsv, type CsvEncoding, type CsvOptions } from './csv.js';
export { normalizeForCp932, CP932_SUBSTITUTES } from './cp932.js';
export { writeXlsx, writeXlsxWorkbook, type XlsxSheet } from './xlsx.js';
export { contentDisposition } from './content-disposition.js';
export { exportResponse, type ExportKind } from './response.js';
