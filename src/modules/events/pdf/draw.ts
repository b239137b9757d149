import type { Pdf } from '../../../platform/pdf/index.js';
import { am } from '../messages.js';

/** Small drawing helpers shared by the event's printouts (A4, Noto Sans JP). */
export function heading(doc: Pdf, text: string, size = 18): void {
  doc.font('jp-bold').fontSize(size).text(text, { align: 'center' });
  doc.moveDown(0.6);
  doc.font('jp').fontSize(10.5);
}

/** A labelled box row: label cell on the left, value (or blank for handwriting) on the right. */
export function boxRow(doc: Pdf, label: string, value: string, height = 30): void {
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const labelWidth = 120;
  const y = doc.y;
  doc.rect(x, y, labelWidth, height).stroke();
  doc.rect(x + labelWidth, y, width - labelWidth, height).stroke();
  doc.font('jp-bold').fontSize(10).text(label, x + 6, y + 8, { width: labelWidth - 12 });
  doc.font('jp').fontSize(10.5).text(value, x + labelWidth + 6, y + 8, { width: width - labelWidth - 12, height: height - 10 });
  doc.x = x;
  doc.y = y + height;
}

/** Plain label：value lines. */
export function lines(doc: Pdf, rows: Array<[string, string]>): void {
  for (const [label, value] of rows) doc.font('jp').fontSize(10.5).text(am('pdf.field', { label, value }));
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
