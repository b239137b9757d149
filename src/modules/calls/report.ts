/**
 * The daily and monthly tally reports to the City (xlsx and PDF): counts by caller type and
 * category, count-only calls, and for a month the total of each day. No personal data.
 */
import { PassThrough } from 'node:stream';
import type { Conn } from '../../db/client.js';
import { formatJaDate } from '../../platform/calendar/index.js';
import { writeXlsxWorkbook, type Column } from '../../platform/exports/index.js';
import { pdfToBuffer } from '../../platform/pdf/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { dailyDueAt, monthlyDueOn, tokyoIso } from './due.js';
import { cm } from './messages.js';
import { dailyTally, monthlyTally, type Tally } from './queries.js';
import { CALLER_TYPES, CATEGORIES, type CallerType } from './schema.js';

export interface Report {
  period: 'daily' | 'monthly';
  key: string;
  title: string;
  due: string;
  tally: Tally;
  byDay: Array<{ date: string; total: number }>;
}

export async function buildReport(conn: Conn, program: Program, period: 'daily' | 'monthly', key: string): Promise<Report> {
  if (period === 'daily') {
    const tally = await dailyTally(conn, program.id, key);
    return { period, key, title: `${program.name} 問い合わせ日次集計 ${formatJaDate(key)}`, due: `${tokyoIso(dailyDueAt(key)).slice(0, 16).replace('T', ' ')}`, tally, byDay: [] };
  }
  const t = await monthlyTally(conn, program.id, key);
  const [y, m] = key.split('-');
  return { period, key, title: `${program.name} 問い合わせ月次集計 ${y}年${Number(m)}月`, due: monthlyDueOn(key), tally: t, byDay: t.byDay };
}

type CrossRow = { label: string; counts: Record<string, number>; total: number };

/** Caller type × category, with a total row and column. */
export function crossRows(t: Tally): CrossRow[] {
  const rows: CrossRow[] = CALLER_TYPES.map((ct: CallerType) => ({ label: cm(`callerType.${ct}`), counts: t.cross[ct], total: t.byCallerType[ct] }));
  rows.push({ label: '合計', counts: t.byCategory, total: t.total });
  return rows;
}

const CROSS_COLUMNS: Column<CrossRow>[] = [
  { header: '区分', value: (r) => r.label, width: 12 },
  ...CATEGORIES.map((k) => ({ header: cm(`category.${k}`), value: (r: CrossRow) => r.counts[k] ?? 0, kind: 'int' as const, width: 18 })),
  { header: '計', value: (r) => r.total, kind: 'int', width: 10 },
];

type Line = { item: string; value: string | number };
const LINE_COLUMNS: Column<Line>[] = [
  { header: '項目', value: (r) => r.item, width: 28 },
  { header: '値', value: (r) => r.value, width: 28 },
];
type Day = { date: string; total: number };
const DAY_COLUMNS: Column<Day>[] = [
  { header: '日付', value: (r) => r.date, width: 14 },
  { header: '件数', value: (r) => r.total, kind: 'int', width: 10 },
];

function summaryLines(r: Report): Line[] {
  return [
    { item: '集計', value: r.title },
    { item: '提出期限', value: r.due },
    { item: '件数（合計）', value: r.tally.total },
    { item: 'うち件数のみの記録', value: r.tally.simple },
    { item: 'うち詳細な記録', value: r.tally.total - r.tally.simple },
    { item: '不在着信（合計に含まない）', value: r.tally.missed },
  ];
}

export async function reportXlsx(r: Report): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const sheets = [
    { name: '概要', rows: summaryLines(r), columns: LINE_COLUMNS },
    { name: '区分・分類別', rows: crossRows(r.tally), columns: CROSS_COLUMNS },
    ...(r.period === 'monthly' ? [{ name: '日別', rows: r.byDay, columns: DAY_COLUMNS }] : []),
  ] as const;
  await writeXlsxWorkbook(sheets as never, stream);
  await done;
  return Buffer.concat(chunks);
}

export function reportPdf(r: Report): Promise<Buffer> {
  return pdfToBuffer(
    (doc) => {
      doc.font('jp-bold').fontSize(14).text(r.title);
      doc.moveDown(0.5).font('jp').fontSize(10);
      for (const l of summaryLines(r).slice(1)) doc.text(`${l.item}：${l.value}`);
      doc.moveDown();
      doc.font('jp-bold').text('区分・分類別の件数');
      doc.font('jp').fontSize(9);
      const x0 = doc.page.margins.left;
      const widths = [60, ...CATEGORIES.map(() => 72), 40];
      const header = ['区分', ...CATEGORIES.map((k) => cm(`category.${k}`)), '計'];
      const row = (cells: string[], bold = false) => {
        const y = doc.y;
        let x = x0;
        doc.font(bold ? 'jp-bold' : 'jp');
        let h = 0;
        cells.forEach((text, i) => {
          doc.text(text, x + 2, y, { width: widths[i]! - 4 });
          h = Math.max(h, doc.y - y);
          x += widths[i]!;
        });
        doc.y = y + h + 4;
        doc.x = x0;
      };
      row(header, true);
      for (const cr of crossRows(r.tally)) row([cr.label, ...CATEGORIES.map((k) => String(cr.counts[k] ?? 0)), String(cr.total)], cr.label === '合計');
      if (r.period === 'monthly') {
        doc.moveDown();
        doc.font('jp-bold').fontSize(10).text('日別の件数');
        const max = Math.max(1, ...r.byDay.map((d) => d.total));
        doc.font('jp').fontSize(8);
        for (const d of r.byDay) {
          const y = doc.y;
          doc.text(`${d.date.slice(5)}  ${d.total}`, x0, y, { width: 70 });
          if (d.total > 0) doc.rect(x0 + 72, y + 2, (d.total / max) * 300, 6).fill('#1a5fb4').fillColor('black');
          doc.y = Math.max(doc.y, y + 10);
          doc.x = x0;
          if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
        }
      }
    },
    { title: r.title },
  );
}
