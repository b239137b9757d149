/**
 * Streaming xlsx with exceljs' WorkbookWriter: each row is committed as soon as it is written,
 * so large exports do not build the workbook in memory.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { isIsoDate, TOKYO_OFFSET_MS, tokyoDate } from '../calendar/index.js';
import type { CellValue, Column, ColumnKind, Rows } from './columns.js';
import { neutralizeFormula } from './neutralize.js';

export interface XlsxSheet<T> {
  name: string;
  rows: Rows<T>;
  columns: readonly Column<T>[];
}

/**
 * exceljs is loaded on the first export, not at start: importing it costs about as much as the
 * rest of the application together, and most processes (CLI commands, a fresh server) never export.
 */
let excel: Promise<typeof import('exceljs')> | undefined;
const loadExcel = () => (excel ??= import('exceljs').then((m) => (m as { default?: typeof import('exceljs') }).default ?? m));

const NUM_FMT = { yen: '#,##0', int: '0', date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm' } as const;
/** Rows between checks for a slow reader; also lets the zip stage compress what we have so far. */
const ROWS_PER_TURN = 500;

type XlsxCell = { value: string | number | Date | null; numFmt?: string };

/** Excel dates carry no time zone and exceljs writes a Date's UTC fields: a day is its UTC midnight. */
function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function xlsxCell(value: CellValue, kind: ColumnKind = 'text'): XlsxCell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: null };
    return kind === 'yen' || kind === 'int' ? { value, numFmt: NUM_FMT[kind] } : { value };
  }
  if (value instanceof Date) {
    if (kind === 'date') return { value: excelDate(tokyoDate(value)), numFmt: NUM_FMT.date };
    // Shifted so that the UTC fields exceljs writes read as Tokyo wall-clock time.
    return { value: new Date(value.getTime() + TOKYO_OFFSET_MS), numFmt: NUM_FMT.dateTime };
  }
  if (kind === 'date' && isIsoDate(value)) return { value: excelDate(value), numFmt: NUM_FMT.date };
  // exceljs never turns a string into a formula, but a user who re-saves the sheet as CSV would.
  return { value: neutralizeFormula(value) };
}

/** Roughly how many character cells `s` takes: East Asian wide characters count as two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0xff && !(ch >= '\uff61' && ch <= '\uff9f') ? 2 : 1;
  return w;
}

function defaultWidth(c: Column<unknown>): number {
  const byKind = c.kind === 'date' ? 12 : c.kind === 'yen' ? 14 : 10;
  return Math.max(byKind, displayWidth(c.header) + 2);
}

/** Excel refuses these names; replacing is kinder than failing an export over a sheet title. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  return Array.from(cleaned || 'Sheet').slice(0, 31).join('');
}

async function letReaderCatchUp(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  } else {
    await nextTurn();
  }
  // A closed output means the client went away: stop reading rows (and the cursor behind them).
  if (stream.destroyed) throw new Error('xlsx output stream closed before the workbook was complete');
}

/**
 * Writes the workbook to `stream` and resolves once the stream has taken all of it (ends it).
 * Each sheet has its own row type, hence the mapped tuple.
 * On failure the stream is destroyed (a partial zip is of no use) without an error event, which
 * could crash a process whose stream has no 'error' listener; readers see a premature close.
 */
export async function writeXlsxWorkbook<S extends readonly unknown[]>(
  sheets: { readonly [K in keyof S]: XlsxSheet<S[K]> },
  stream: Writable,
): Promise<void> {
  const names = new Set<string>();
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  try {
    for (const sheet of sheets as readonly XlsxSheet<unknown>[]) {
      const name = safeSheetName(sheet.name);
      if (names.has(name.toLowerCase())) throw new RangeError(`duplicate sheet name: ${name}`);
      names.add(name.toLowerCase());

      const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = sheet.columns.map((c) => ({ width: c.width ?? defaultWidth(c) }));

      const header = ws.addRow(sheet.columns.map((c) => neutralizeFormula(c.header)));
      header.font = { bold: true };
      header.commit();

      let n = 0;
      for await (const row of sheet.rows) {
        const r = ws.addRow([]);
        sheet.columns.forEach((c, i) => {
          const cell = xlsxCell(c.value(row), c.kind);
          if (cell.value === null) return;
          const target = r.getCell(i + 1);
          target.value = cell.value;
          if (cell.numFmt) target.numFmt = cell.numFmt;
        });
        r.commit();
        if (++n % ROWS_PER_TURN === 0) await letReaderCatchUp(stream);
      }
      ws.commit();
    }
    await workbook.commit();
  } catch (e) {
    if (!stream.destroyed) stream.destroy();
    throw e;
  }
}

export function writeXlsx<T>(
  rows: Rows<T>,
  columns: readonly Column<T>[],
  opts: { sheetName: string; stream: Writable },
): Promise<void> {
  return writeXlsxWorkbook<[T]>([{ name: opts.sheetName, rows, columns }], opts.stream);
}
