import type { Pdf } from '../../platform/pdf/index.js';

export interface Label {
  postalCode: string;
  address: string;
  name: string;
  prize: string;
}

const COLS = 2;
const ROWS = 6;

/** Address labels on A4 label sheets of 12 (2 × 6, 105 × 49.5 mm each, no margins). */
export function drawLabels(doc: Pdf, labels: Label[]): void {
  const w = doc.page.width / COLS;
  const h = doc.page.height / ROWS;
  labels.forEach((l, i) => {
    const k = i % (COLS * ROWS);
    if (i > 0 && k === 0) doc.addPage();
    const x = (k % COLS) * w + 18;
    const y = Math.floor(k / COLS) * h + 16;
    const pc = l.postalCode.replace(/^(\d{3})(\d{4})$/, '$1-$2');
    doc.font('jp').fontSize(10).fillColor('#000').text(`〒${pc}`, x, y, { width: w - 36, lineBreak: false });
    doc.fontSize(10).text(l.address, x, y + 16, { width: w - 36, height: 44 });
    doc.font('jp-bold').fontSize(13).text(`${l.name} 様`, x, y + 64, { width: w - 36, lineBreak: false, ellipsis: true });
    doc.font('jp').fontSize(7.5).text(`賞品：${l.prize}`, x, y + 90, { width: w - 36, lineBreak: false, ellipsis: true });
  });
}
