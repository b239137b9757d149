import { formatJaDate, tokyoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import type { Incident, IncidentUpdate } from '../schema.js';
import { im } from './messages.js';

/** The incident report as the City files it: the facts, the deadlines and the timeline. */
export function drawIncident(doc: Pdf, program: Program, i: Incident, timeline: IncidentUpdate[]): void {
  doc.font('jp-bold').fontSize(16).text(im('pdf.title'), { align: 'center' });
  doc.moveDown();
  doc.font('jp').fontSize(10).text(im('pdf.program', { name: program.name }));
  doc.text(im('pdf.no', { id: i.id, date: formatJaDate(tokyoDate(i.createdAt)) }));
  doc.moveDown();
  const f = (label: string, value: string) => doc.text(im('pdf.field', { label, value: value || '—' }));
  f(im('f.title'), i.title);
  f(im('f.occurredOn'), i.occurredOn ? formatJaDate(i.occurredOn) : im('unknown'));
  f(im('f.discoveredOn'), formatJaDate(i.discoveredOn));
  f(im('f.dataKinds'), i.dataKinds);
  f(im('f.people'), i.people == null ? im('unknown') : String(i.people));
  f(im('f.cause'), i.cause);
  f(im('f.measures'), i.measures);
  f(im('f.prevention'), i.prevention);
  f(im('f.reportable'), i.reportable ? im('yes') : im('no'));
  f(im('f.malicious'), i.malicious ? im('yes') : im('no'));
  if (i.reportable) {
    f(im('col.preliminary'), `${formatJaDate(i.preliminaryDueOn!)}${i.preliminaryReportedOn ? ' ' + im('reported', { date: formatJaDate(i.preliminaryReportedOn) }) : ''}`);
    f(im('col.final'), `${formatJaDate(i.finalDueOn!)}${i.finalReportedOn ? ' ' + im('reported', { date: formatJaDate(i.finalReportedOn) }) : ''}`);
  }
  f(im('col.status'), im(`status.${i.status}`));
  doc.moveDown();
  doc.font('jp-bold').text(im('timeline'));
  doc.font('jp');
  for (const u of timeline) doc.text(`${tokyoDateTime(u.at)}　${im(`kind.${u.kind}`)}　${u.note}`);
}
