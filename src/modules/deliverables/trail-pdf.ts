import { formatJaDate, tokyoDateTime } from '../../platform/calendar/index.js';
import type { Pdf } from '../../platform/pdf/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { dm } from './messages.js';
import type { RoundView } from './queries.js';
import type { Deliverable } from './schema.js';

const when = (d: Date) => tokyoDateTime(d);

/** The proof trail of one deliverable: each round, the version sent, the answer, its comments, who and when. */
export function drawTrail(doc: Pdf, program: Program, d: Deliverable, rounds: RoundView[], receivedByName: string | null): void {
  doc.font('jp-bold').fontSize(16).text(dm('trail.title', { title: d.title }));
  doc.font('jp').fontSize(10).text(dm('trail.program', { name: program.name }));
  doc.text(`${dm('item.note')}: ${d.note || dm('list.none')}　${dm('item.required')}: ${d.requiredRounds}　${dm('list.status')}: ${dm(`status.${d.status}`)}`);
  doc.moveDown();
  if (!rounds.length) doc.text(dm('trail.none'));
  for (const r of rounds) {
    doc.font('jp-bold').fontSize(12).text(dm('trail.round', { n: r.number, version: r.versionNumber, file: r.filename }));
    doc.font('jp').fontSize(10).text(dm('trail.sent', { when: when(r.sentAt), who: r.sentByName ?? '' }));
    if (r.answeredAt) {
      doc.text(dm('trail.answered', { when: when(r.answeredAt), who: r.answeredByName ?? '', decision: r.decision === 'approve' ? dm('status.approved') : dm('form.decision.comments') }));
      if (r.reason) doc.text(dm('trail.reason', { reason: r.reason }));
    } else {
      doc.text(dm('item.awaiting'));
    }
    r.comments.forEach((c, i) => {
      const where = c.page ? (c.x !== null && c.y !== null ? dm('item.pageSpot', { page: c.page, x: Math.round(c.x * 100), y: Math.round(c.y * 100) }) : `${c.page}ページ`) : dm('item.general');
      doc.text(dm('trail.comment', { where: `${i + 1}. ${where}`, text: c.text }), { indent: 12 });
    });
    doc.moveDown(0.6);
  }
  if (d.deliveredAt && d.deliveredOn) {
    doc.moveDown();
    doc.text(dm('trail.delivery', { date: formatJaDate(d.deliveredOn), form: d.deliveryForm ?? '', quantity: d.deliveryQuantity ?? '', when: when(d.deliveredAt) }));
    if (d.receivedAt) doc.text(dm('trail.receipt', { when: when(d.receivedAt), who: receivedByName ?? '' }));
  }
}
