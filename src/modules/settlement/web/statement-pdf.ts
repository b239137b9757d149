import { formatJaDate } from '../../../platform/calendar/index.js';
import type { Pdf } from '../../../platform/pdf/index.js';
import type { MonthLine } from '../reports.js';

/** 支払明細書: one business, one closed month. */
export function drawStatement(doc: Pdf, programName: string, line: MonthLine): void {
  doc.font('jp-bold').fontSize(18).text('割引相当分 支払明細書', { align: 'center' });
  doc.moveDown();
  doc.font('jp').fontSize(11);
  doc.text(`${line.name} 様`);
  doc.moveDown(0.5);
  doc.text(`事業名：${programName}`);
  doc.text(`対象月：${line.month.replace('-', '年')}月（チェックアウト日基準）`);
  doc.text(`作成日：${formatJaDate(new Date())}`);
  doc.moveDown();
  const rows: Array<[string, string]> = [
    ['件数', `${line.claims.toLocaleString('ja-JP')} 件`],
    ['宿泊人数（延べ）', `${line.guests.toLocaleString('ja-JP')} 人`],
    ['泊数（延べ）', `${line.nights.toLocaleString('ja-JP')} 泊`],
    ['お支払額（割引相当分）', `${line.amount.toLocaleString('ja-JP')} 円`],
  ];
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.text(k, 70, y, { width: 220 });
    doc.text(v, 290, y, { width: 220, align: 'right' });
    doc.moveDown(0.4);
  }
  doc.moveDown();
  doc.fontSize(9).text('金額は円未満切り捨てで計算しています。ご不明な点は事務局までお問い合わせください。', 70);
}
