import { formatJaDate } from '../../../platform/calendar/index.js';
import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { ATTENDANCE_LABELS, STATUS_LABELS, accommodationText, eventDateText } from '../format.js';
import { am } from '../messages.js';
import type { Person } from '../person.js';
import type { EventRegistration } from '../schema.js';
import { boxRow, heading } from './draw.js';

/**
 * 受付完了のお知らせ for a FAX or postal applicant (or a promotion notice), printed by staff and
 * sent by FAX or post. Only the applicant's own data.
 */
export function drawConfirmationSheet(doc: Pdf, program: Program, r: EventRegistration, p: Person, manageLink: string, issuedOn: Date): void {
  const cfg = eventConfig(program);
  doc.fontSize(10.5).text(formatJaDate(issuedOn, { weekday: false }), { align: 'right' });
  if (p.fax) doc.text(am('pdf.faxTo', { fax: p.fax }), { align: 'left' });
  doc.moveDown(0.5);
  doc.font('jp-bold').fontSize(14).text(am('pdf.addressee', { name: p.name }));
  doc.moveDown(0.8);
  heading(doc, am(r.status === 'waitlisted' ? 'confirmationPdf.headingWaitlisted' : 'confirmationPdf.heading'));
  doc.text(am('confirmationPdf.lead', { program: program.name }));
  if (r.status === 'waitlisted') doc.text(am('confirmationPdf.waitlisted'));
  doc.moveDown(0.6);
  boxRow(doc, am('term.number'), String(r.number));
  boxRow(doc, am('term.status'), STATUS_LABELS[r.status]);
  boxRow(doc, am('term.name'), `${p.name}（${p.nameKana}）`);
  boxRow(doc, am('term.org'), [p.organization, p.orgRole].filter(Boolean).join(' ') || '—');
  boxRow(doc, am('term.attendance'), ATTENDANCE_LABELS[r.attendance]);
  boxRow(doc, am('confirmationPdf.accommodations'), accommodationText(r.accommodations, p.accommodationNote) || am('confirmationPdf.none'));
  boxRow(doc, am('term.date'), eventDateText(cfg));
  if (r.attendance === 'venue') boxRow(doc, am('term.venue'), `${cfg.venueName}\n${cfg.venueAddress}`, 40);
  else boxRow(doc, am('confirmationPdf.viewingUrl'), r.status === 'confirmed' && cfg.onlineUrl ? cfg.onlineUrl : am('confirmationPdf.viewingUrlLater'));
  doc.moveDown(0.8);
  doc.fontSize(10).text(am('confirmationPdf.manage'));
  doc.fontSize(8.5).text(manageLink);
  doc.moveDown(0.8);
  doc.fontSize(10.5).text(am('pdf.secretariat', { program: program.name }), { align: 'right' });
  if (cfg.contactPhone) doc.text(am('pdf.phone', { phone: cfg.contactPhone }), { align: 'right' });
}
