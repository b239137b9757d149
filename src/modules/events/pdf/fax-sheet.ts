import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { dayText, eventDateText } from '../format.js';
import { am } from '../messages.js';
import { boxRow, heading, lines } from './draw.js';

/** The blank FAX application sheet: the person fills it in by hand and faxes it to the secretariat. */
export function drawFaxSheet(doc: Pdf, program: Program): void {
  const cfg = eventConfig(program);
  doc.font('jp-bold').fontSize(16).text(am('faxPdf.to', { fax: cfg.applyFax || am('faxPdf.toUnknown') }), { align: 'center' });
  doc.moveDown(0.5);
  heading(doc, am('faxPdf.heading', { program: program.name }), 15);
  lines(doc, [
    [am('term.date'), eventDateText(cfg)],
    [am('term.venue'), `${cfg.venueName}（${cfg.venueAddress}）`],
    [am('faxPdf.closes'), dayText(cfg.registrationCloses)],
  ]);
  doc.moveDown(0.8);
  boxRow(doc, am('term.nameKana'), '');
  boxRow(doc, am('term.name'), '', 36);
  boxRow(doc, am('faxPdf.organization'), '', 36);
  boxRow(doc, am('faxPdf.orgRole'), '');
  boxRow(doc, am('term.phone'), '');
  boxRow(doc, am('term.fax'), '');
  boxRow(doc, am('term.email'), '');
  boxRow(doc, am('term.attendance'), am(cfg.onlineEnabled ? 'faxPdf.attendanceBoth' : 'faxPdf.attendanceVenue'));
  boxRow(doc, am('faxPdf.accommodations'), am('faxPdf.accommodationChoices'), 48);
  boxRow(doc, am('faxPdf.question'), '', 70);
  doc.moveDown(0.8);
  doc.fontSize(9.5).text(am('faxPdf.consent'));
  doc.moveDown(0.4);
  doc.text(am('faxPdf.confirmation'));
  doc.text(am('faxPdf.waitlist'));
  if (cfg.contactPhone) doc.text(am('faxPdf.contact', { program: program.name, phone: cfg.contactPhone }));
}
