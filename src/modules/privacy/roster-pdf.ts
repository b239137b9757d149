import { formatJaDate, tokyoDate } from '../../platform/calendar/index.js';
import type { Pdf } from '../../platform/pdf/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { pm, type PrivacyMessageKey } from './messages.js';
import type { StaffRow } from './queries.js';

const dateOr = (d: string | null) => (d ? formatJaDate(d) : pm('pdf.none'));

/** The roster and its history as the City's notification form (作業従事者名簿). */
export function drawRoster(doc: Pdf, program: Program, rows: StaffRow[], now: Date): void {
  doc.font('jp-bold').fontSize(16).text(pm('pdf.title'), { align: 'center' });
  doc.moveDown();
  doc.font('jp').fontSize(10).text(pm('pdf.program', { name: program.name }));
  doc.text(pm('pdf.issued', { date: formatJaDate(tokyoDate(now)) }));
  doc.moveDown();
  doc.font('jp-bold').fontSize(12).text(pm('pdf.current'));
  doc.font('jp').fontSize(9);
  const approved = rows.filter((r) => r.status === 'approved');
  if (!approved.length) doc.text(pm('pdf.none'));
  for (const r of approved) {
    doc.text(
      pm('pdf.line', {
        kind: pm(`kind.${r.kind}` as PrivacyMessageKey),
        name: r.name || r.email,
        affiliation: r.affiliation || '—',
        duties: r.duties,
        trained: dateOr(r.trainedOn),
        pledged: dateOr(r.pledgedOn),
      }),
    );
  }
  doc.moveDown();
  doc.font('jp-bold').fontSize(12).text(pm('pdf.history'));
  doc.font('jp').fontSize(9);
  for (const r of rows) {
    doc.text(
      pm('pdf.historyLine', {
        at: formatJaDate(tokyoDate(r.requestedAt)),
        kind: pm(`kind.${r.kind}` as PrivacyMessageKey),
        name: r.name || r.email,
        status: pm(`status.${r.status}` as PrivacyMessageKey),
        reason: r.reason || '—',
        decided: r.decidedAt ? `${formatJaDate(tokyoDate(r.decidedAt))} ${r.decisionComment}` : '—',
      }),
    );
  }
}
