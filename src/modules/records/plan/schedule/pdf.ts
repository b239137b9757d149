import { formatJaDate } from '../../../../platform/calendar/index.js';
import { pdfToBuffer } from '../../../../platform/pdf/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { plm } from '../messages.js';
import type { ScheduleTask } from '../schema.js';
import { chartScale } from './gantt.js';
import { isLate } from './queries.js';

const ownerText = (t: ScheduleTask) => `${plm(`owner.${t.owner}`)}${t.ownerName ? `（${t.ownerName}）` : ''}`;

/**
 * The schedule as an A3 landscape PDF (業務工程表, the `schedule` deliverable): a table of tasks
 * (title, dates, owner, progress) with the Gantt bars beside it, a line for the day it was made,
 * late tasks in red. Continues on further pages when the tasks do not fit.
 */
export async function schedulePdf(program: Program, tasks: ScheduleTask[], today: string): Promise<Buffer> {
  return pdfToBuffer(
    (doc) => {
      const margin = 36;
      const pageW = doc.page.width;
      const pageH = doc.page.height;
      const cols = { title: margin, starts: margin + 250, ends: margin + 320, owner: margin + 390, progress: margin + 500 };
      const chartX = margin + 545;
      const chartW = pageW - margin - chartX;
      const { months, totalDays, dayOffset, inRange } = chartScale(tasks, today);
      const dayW = chartW / Math.max(totalDays, 1);
      const rowH = 20;
      const header = () => {
        doc.font('jp-bold').fontSize(18).text(plm('pdf.title'), margin, margin, { width: pageW - 2 * margin, align: 'center' });
        doc.font('jp').fontSize(10).text(plm('pdf.program', { name: program.name }), margin, margin + 30);
        doc.text(plm('pdf.made', { date: formatJaDate(today), contractor: program.contractor || '—', client: program.client }), margin, margin + 45);
        doc.fontSize(8).text(plm('pdf.legend'), margin, margin + 60);
        const y = margin + 80;
        doc.font('jp-bold').fontSize(9);
        doc.text(plm('col.title'), cols.title, y);
        doc.text(plm('col.starts'), cols.starts, y);
        doc.text(plm('col.ends'), cols.ends, y);
        doc.text(plm('col.owner'), cols.owner, y);
        doc.text(plm('col.progress'), cols.progress, y);
        let x = chartX;
        for (const m of months) {
          doc.text(`${m.first.slice(0, 4)}年${Number(m.first.slice(5, 7))}月`, x + 2, y, { width: m.days * dayW - 2, lineBreak: false });
          doc.moveTo(x, y - 2).lineTo(x, pageH - margin).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
          x += m.days * dayW;
        }
        doc.moveTo(margin, y + 14).lineTo(pageW - margin, y + 14).lineWidth(0.8).strokeColor('#333333').stroke();
        doc.font('jp').fontSize(9);
        return y + 20;
      };
      const todayLine = (top: number) => {
        if (!inRange(today)) return;
        const x = chartX + dayOffset(today) * dayW;
        doc.moveTo(x, top).lineTo(x, pageH - margin).dash(3, { space: 2 }).lineWidth(1).strokeColor('#ce0000').stroke().undash();
      };
      let top = header();
      let y = top;
      for (const t of tasks) {
        if (y + rowH > pageH - margin) {
          todayLine(top);
          doc.addPage();
          top = header();
          y = top;
        }
        const late = isLate(t, today);
        const colour = late ? '#ce0000' : t.progress >= 100 ? '#197a4b' : '#0017c1';
        doc.fillColor(late ? '#ce0000' : '#1a1a1a');
        doc.text(`${t.milestone ? '◆ ' : ''}${t.title}${late ? `（${plm('status.late')}）` : ''}`, cols.title, y + 4, { width: 245, lineBreak: false, ellipsis: true });
        doc.fillColor('#1a1a1a');
        doc.text(t.startsOn.slice(5).replace('-', '/'), cols.starts, y + 4);
        doc.text(t.endsOn.slice(5).replace('-', '/'), cols.ends, y + 4);
        doc.text(ownerText(t), cols.owner, y + 4, { width: 105, lineBreak: false, ellipsis: true });
        doc.text(`${t.progress}%`, cols.progress, y + 4);
        const x0 = chartX + dayOffset(t.startsOn) * dayW;
        const x1 = chartX + (dayOffset(t.endsOn) + 1) * dayW;
        if (t.milestone) {
          const cx = chartX + (dayOffset(t.endsOn) + 0.5) * dayW;
          doc.polygon([cx, y + 3], [cx + 6, y + 10], [cx, y + 17], [cx - 6, y + 10]).fillColor(colour).fill();
        } else {
          doc.rect(x0, y + 4, Math.max(x1 - x0, 1), 12).lineWidth(0.8).strokeColor(colour).stroke();
          if (t.progress > 0) doc.rect(x0, y + 4, ((x1 - x0) * t.progress) / 100, 12).fillColor(colour).fill();
        }
        doc.fillColor('#1a1a1a');
        doc.moveTo(margin, y + rowH).lineTo(pageW - margin, y + rowH).lineWidth(0.2).strokeColor('#dddddd').stroke();
        y += rowH;
      }
      todayLine(top);
    },
    { title: plm('pdf.title'), size: 'A3', layout: 'landscape', margin: 36 },
  );
}
