import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { accommodationText, eventDateText } from '../format.js';
import type { RosterRow } from '../roster.js';
import { contentWidth } from './draw.js';

const COLS: Array<{ header: string; width: number; value: (x: RosterRow) => string }> = [
  { header: '受付', width: 34, value: () => '□' },
  { header: '番号', width: 36, value: (x) => String(x.r.number) },
  { header: '氏名', width: 100, value: (x) => x.p.name },
  { header: 'ふりがな', width: 100, value: (x) => x.p.nameKana },
  { header: '所属団体', width: 120, value: (x) => [x.p.organization, x.p.orgRole].filter(Boolean).join(' ') },
  { header: 'G', width: 24, value: (x) => (x.group ? String(x.group) : '') },
  { header: '配慮', width: 0, value: (x) => accommodationText(x.r.accommodations, x.p.accommodationNote) },
];

/** 受付名簿: confirmed in-person participants in kana order with a tick box, for the reception desk. */
export function drawReceptionList(doc: Pdf, program: Program, rows: RosterRow[]): void {
  const cfg = eventConfig(program);
  const x0 = doc.page.margins.left;
  const widths = COLS.map((c) => c.width || contentWidth(doc) - COLS.reduce((s, k) => s + k.width, 0));
  const header = () => {
    doc.font('jp-bold').fontSize(13).text(`${program.name} 受付名簿`, x0, doc.page.margins.top);
    doc.font('jp').fontSize(9).text(`${eventDateText(cfg)}　${cfg.venueName}　会場参加 ${rows.length}名`);
    doc.moveDown(0.4);
    row(COLS.map((c) => c.header), true);
  };
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = x0;
    doc.font(bold ? 'jp-bold' : 'jp').fontSize(9);
    const h = 20;
    cells.forEach((t, i) => {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.text(t, x + 3, y + 5, { width: widths[i]! - 6, height: h - 6, lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  header();
  for (const r of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 24) {
      doc.addPage();
      header();
    }
    row(COLS.map((c) => c.value(r)));
  }
}
