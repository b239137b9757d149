import type { Pdf } from '../../platform/pdf/index.js';
import { drawQr } from './qr.js';

export interface CardFacility {
  name: string;
  url: string;
}

/**
 * For each facility: an A4 poster (title, large QR code, URL) and a sheet of 8 hand-out cards
 * (cut along the lines), each with the QR code to the survey carrying the facility code.
 */
export function drawCards(doc: Pdf, title: string, facilities: CardFacility[]): void {
  facilities.forEach((f, i) => {
    if (i > 0) doc.addPage();
    const w = doc.page.width;
    doc.font('jp-bold').fontSize(26).text('アンケートにご協力ください', 50, 70, { width: w - 100, align: 'center' });
    doc.font('jp').fontSize(14).text(title, { width: w - 100, align: 'center' });
    doc.fontSize(11).text('Please answer our survey (Japanese / English)', { width: w - 100, align: 'center' });
    drawQr(doc, f.url, (w - 260) / 2, 200, 260);
    doc.font('jp').fontSize(11).text('スマートフォンで読み取ってください。抽選でプレゼントが当たります。', 50, 480, { width: w - 100, align: 'center' });
    doc.fontSize(9).text(f.url, { width: w - 100, align: 'center' });
    doc.fontSize(12).text(f.name, 50, 540, { width: w - 100, align: 'center' });
    // Hand-out cards: 2 x 4 on the next page.
    doc.addPage();
    const cw = (w - 60) / 2;
    const ch = (doc.page.height - 60) / 4;
    for (let k = 0; k < 8; k++) {
      const x = 30 + (k % 2) * cw;
      const y = 30 + Math.floor(k / 2) * ch;
      doc.save().dash(3, { space: 3 }).rect(x, y, cw, ch).stroke('#999').undash().restore();
      drawQr(doc, f.url, x + 12, y + (ch - 110) / 2, 110);
      doc.font('jp-bold').fontSize(11).fillColor('#000').text('アンケートのお願い', x + 132, y + 30, { width: cw - 144 });
      doc.font('jp').fontSize(8.5).text(title, x + 132, y + 50, { width: cw - 144 });
      doc.fontSize(8).text('Survey (English available)', x + 132, y + 90, { width: cw - 144 });
      doc.fontSize(8).text(f.name, x + 132, y + 110, { width: cw - 144 });
    }
  });
}
