import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { accommodationText, eventDateText } from '../format.js';
import { am } from '../messages.js';
import type { RosterRow } from '../roster.js';
import { contentWidth } from './draw.js';

const COLS: Array<{ header: string; width: number; value: (x: RosterRow) => string }> = [
  { header: am('receptionPdf.tick'), width: 34, value: () => '□' },
  { header: am('term.no'), width: 36, value: (x) => String(x.r.number) },
  { header: am('term.name'), width: 100, value: (x) => x.p.name },
  { header: am('term.nameKana'), width: 100, value: (x) => x.p.nameKana },
  { header: am('term.organization'), width: 120, value: (x) => [x.p.organization, x.p.orgRole].filter(Boolean).join(' ') },
  { header: am('receptionPdf.group'), width: 24, value: (x) => (x.group ? String(x.group) : '') },
  { header: am('term.needs'), width: 0, value: (x) => accommodationText(x.r.accommodations, x.p.accommodationNote) },
];

/** 受付名簿: confirmed in-person participants in kana order with a tick box, for the reception desk. */
export function drawReceptionList(doc: Pdf, program: Program, rows: RosterRow[]): void {
  const cfg = eventConfig(program);
  const x0 = doc.page.margins.left;
  const widths = COLS.map((c) => c.width || contentWidth(doc) - COLS.reduce((s, k) => s + k.width, 0));
  const header = () => {
    doc.font('jp-bold').fontSize(13).text(am('receptionPdf.heading', { program: program.name }), x0, doc.page.margins.top);
    doc.font('jp').fontSize(9).text(am('receptionPdf.sub', { date: eventDateText(cfg), venue: cfg.venueName, count: rows.length }));
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
