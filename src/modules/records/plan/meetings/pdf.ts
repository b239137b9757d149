import { formatJaDate, tokyoDateTime } from '../../../../platform/calendar/index.js';
import { pdfToBuffer } from '../../../../platform/pdf/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { plm } from '../messages.js';
import type { ActionItem, Meeting } from '../schema.js';

export const placeText = (m: Meeting) => [m.place, m.online ? plm('online') : ''].filter(Boolean).join('・');

/** The minutes (打合せ議事録) as an A4 PDF; once confirmed it states the City's confirmation. */
export async function minutesPdf(program: Program, m: Meeting, items: ActionItem[]): Promise<Buffer> {
  return pdfToBuffer(
    (doc) => {
      doc.font('jp-bold').fontSize(16).text(plm('minutesPdf.title'), { align: 'center' });
      doc.moveDown();
      doc.font('jp').fontSize(10);
      const f = (label: string, value: string) => doc.text(plm('minutesPdf.field', { label, value: value || '—' }));
      f(plm('minutesPdf.program'), program.name);
      f(plm('f.heldOn'), `${formatJaDate(m.heldOn)}${m.startTime ? ` ${m.startTime}` : ''}`);
      f(plm('col.place'), placeText(m));
      f(plm('f.attendeesCity'), m.attendeesCity);
      f(plm('f.attendeesContractor'), m.attendeesContractor);
      doc.moveDown(0.5);
      doc.font('jp-bold').text(plm('f.agenda'));
      doc.font('jp').text(m.agenda);
      doc.moveDown(0.5);
      doc.font('jp-bold').text(plm('f.summary'));
      doc.font('jp').text(m.summary || '—');
      doc.moveDown(0.5);
      doc.font('jp-bold').text(plm('f.decisions'));
      doc.font('jp').text(m.decisions || '—');
      doc.moveDown(0.5);
      doc.font('jp-bold').text(plm('f.actionTitle'));
      doc.font('jp');
      if (!items.length) doc.text(plm('minutes.actionsEmpty'));
      for (const i of items) doc.text(`・${i.title}（${plm('col.owner')}：${plm(`owner.${i.owner}`)}${i.ownerName ? ` ${i.ownerName}` : ''}、${plm('f.dueOn')}：${formatJaDate(i.dueOn)}）`);
      doc.moveDown();
      doc.text(m.confirmedAt ? plm('minutesPdf.confirmed', { at: tokyoDateTime(m.confirmedAt) }) : plm('minutesPdf.unconfirmed'));
    },
    { title: plm('minutesPdf.title') },
  );
}
