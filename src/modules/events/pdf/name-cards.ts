import type { Pdf } from '../../../platform/pdf/index.js';
import { am } from '../messages.js';
import type { RosterRow } from '../roster.js';

/** 名札: 2 × 5 cards per A4 page (91 × 55 mm like a business card), name large, organisation above. */
export function drawNameCards(doc: Pdf, rows: RosterRow[]): void {
  const mm = 72 / 25.4;
  const w = 91 * mm;
  const h = 55 * mm;
  const left = (doc.page.width - 2 * w) / 2;
  const top = (doc.page.height - 5 * h) / 2;
  rows.forEach((r, i) => {
    const slot = i % 10;
    if (i > 0 && slot === 0) doc.addPage();
    const x = left + (slot % 2) * w;
    const y = top + Math.floor(slot / 2) * h;
    doc.save().lineWidth(0.3).dash(3, { space: 3 }).rect(x, y, w, h).stroke().undash().restore();
    doc.font('jp').fontSize(10).text([r.p.organization, r.p.orgRole].filter(Boolean).join(' '), x + 10, y + 14, { width: w - 20, align: 'center', lineBreak: false, ellipsis: true });
    doc.font('jp').fontSize(9).text(r.p.nameKana, x + 10, y + 50, { width: w - 20, align: 'center', lineBreak: false });
    doc.font('jp-bold').fontSize(24).text(r.p.name, x + 10, y + 64, { width: w - 20, align: 'center', lineBreak: false, ellipsis: true });
    doc.font('jp').fontSize(9).text(`${am('nameCardsPdf.number', { number: r.r.number })}${r.group ? am('nameCardsPdf.group', { number: r.group }) : ''}`, x + 10, y + h - 22, { width: w - 20, align: 'center' });
  });
  if (rows.length === 0) doc.font('jp').fontSize(12).text(am('nameCardsPdf.empty'));
}
