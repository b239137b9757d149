/** The column model shared by CSV and xlsx exports. */

export type CellValue = string | number | Date | null | undefined;

/**
 * `yen` and `int` columns hold numbers (xlsx number formats `#,##0` and `0`); `date` columns hold a
 * `YYYY-MM-DD` string or a Date (read as its Tokyo calendar day). A Date in any other column is
 * written as Tokyo date and time.
 */
export type ColumnKind = 'text' | 'yen' | 'int' | 'date';

export type Column<T> = {
  header: string;
  value: (row: T) => CellValue;
  width?: number;
  kind?: ColumnKind;
};

/** Arrays, generators and database cursors alike. */
export type Rows<T> = Iterable<T> | AsyncIterable<T>;
