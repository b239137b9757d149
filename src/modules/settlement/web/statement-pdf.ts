import { formatJaDate } from '../../../platform/calendar/index.js';
import type { Pdf } from '../../../platform/pdf/index.js';
import { sm } from '../messages.js';
import type { MonthLine } from '../reports.js';

const num = (n: number) => n.toLocaleString('ja-JP');

/** 支払明細書: one business, one closed month. */
export function drawStatement(doc: Pdf, programName: string, line: MonthLine): void {
  // line.month is a closed month, always YYYY-MM (the route validates it with monthParam)
  const year = line.month.slice(0, 4);
  const month = line.month.slice(5);
  doc.font('jp-bold').fontSize(18).text(sm('pdf.title'), { align: 'center' });
  doc.moveDown();
  doc.font('jp').fontSize(11);
  doc.text(sm('pdf.addressee', { name: line.name }));
  doc.moveDown(0.5);
  doc.text(sm('pdf.field', { label: sm('pdf.programName'), value: programName }));
  doc.text(sm('pdf.field', { label: sm('term.month'), value: sm('pdf.month', { year, month }) }));
  doc.text(sm('pdf.field', { label: sm('pdf.createdOn'), value: formatJaDate(new Date()) }));
  doc.moveDown();
  const rows: Array<[string, string]> = [
    [sm('term.claimCount'), sm('pdf.count', { count: num(line.claims) })],
    [sm('pdf.guests'), sm('pdf.guestsValue', { count: num(line.guests) })],
    [sm('pdf.nights'), sm('pdf.nightsValue', { count: num(line.nights) })],
    [sm('pdf.amount'), sm('pdf.yen', { amount: num(line.amount) })],
  ];
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.text(k, 70, y, { width: 220 });
    doc.text(v, 290, y, { width: 220, align: 'right' });
    doc.moveDown(0.4);
  }
  doc.moveDown();
  doc.fontSize(9).text(sm('pdf.note'), 70);
}
