import { formatWareki, tokyoDate } from '../../../../platform/calendar/index.js';
import type { Column } from '../../../../platform/exports/index.js';
import { pdfToBuffer, type Pdf } from '../../../../platform/pdf/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { addressee } from '../notices/pdf.js';
import { pp } from '../messages.js';
import type { MonthlyReport, ReportFigure } from '../schema.js';
import { settingText } from '../settings.js';
import { xlsxBuffer } from '../xlsx-buffer.js';
import { moduleTitle, monthRange } from './collect.js';
import { warekiMonth } from './month.js';

type ReportContent = Pick<MonthlyReport, 'month' | 'figures' | 'summary' | 'issues' | 'plans' | 'sentAt' | 'updatedAt'>;

/** 月次報告書（令和8年11月分） */
export function reportFilename(r: Pick<MonthlyReport, 'month'>): string {
  return `${pp('monthly.title')}（${warekiMonth(r.month, formatWareki)}分）`;
}

const formatValue = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('ja-JP') : v);

/** The figures grouped by module, in the order given. */
export function groupFigures(figures: ReportFigure[]): Array<{ module: string; title: string; rows: ReportFigure[] }> {
  const groups: Array<{ module: string; title: string; rows: ReportFigure[] }> = [];
  for (const f of figures) {
    let g = groups.find((x) => x.module === f.module);
    if (!g) groups.push((g = { module: f.module, title: moduleTitle(f.module), rows: [] }));
    g.rows.push(f);
  }
  return groups;
}

function drawReport(doc: Pdf, program: Program, r: ReportContent): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const { from, to } = monthRange(r.month);
  doc.font('jp').fontSize(11).text(formatWareki(tokyoDate(r.sentAt ?? r.updatedAt)), { align: 'right' });
  doc.moveDown();
  doc.text(pp('notice.to', { client: addressee(program.client) }));
  doc.text(program.contractor || pp('notice.unset'), { align: 'right' });
  if (settingText(program, 'leadPerson')) doc.text(`${pp('notice.item.lead')}　${settingText(program, 'leadPerson')}`, { align: 'right' });
  doc.moveDown();
  doc.font('jp-bold').fontSize(16).text(reportFilename(r), { align: 'center', width });
  doc.moveDown();
  doc.font('jp').fontSize(10).text(pp('monthly.programLine', { name: program.name }));
  doc.text(pp('monthly.periodLine', { from: formatWareki(from), to: formatWareki(to) }));
  doc.moveDown();
  doc.font('jp-bold').fontSize(12).text(`1　${pp('monthly.figures')}`);
  doc.font('jp').fontSize(10);
  const groups = groupFigures(r.figures);
  if (!groups.length) doc.text(`　${pp('monthly.noFigures')}`);
  for (const g of groups) {
    doc.moveDown(0.3);
    doc.font('jp-bold').text(`（${g.title}）`);
    doc.font('jp');
    for (const f of g.rows) {
      const y = doc.y;
      doc.text(`　${f.label}`, doc.page.margins.left, y, { width: width * 0.7 });
      const after = doc.y;
      doc.text(formatValue(f.value), doc.page.margins.left + width * 0.7, y, { width: width * 0.3, align: 'right' });
      doc.x = doc.page.margins.left;
      doc.y = Math.max(after, doc.y);
    }
  }
  const section = (n: number, title: string, text: string) => {
    doc.moveDown();
    doc.font('jp-bold').fontSize(12).text(`${n}　${title}`, doc.page.margins.left, undefined, { width });
    doc.font('jp').fontSize(10).text(text.trim() || pp('monthly.none'), { width });
  };
  section(2, pp('monthly.summary'), r.summary);
  section(3, pp('monthly.issues'), r.issues);
  section(4, pp('monthly.plans'), r.plans);
}

export function renderMonthlyReport(program: Program, r: ReportContent): Promise<Buffer> {
  return pdfToBuffer((doc) => drawReport(doc, program, r), { title: `${reportFilename(r)}（${program.name}）` });
}

const figureColumns: Column<ReportFigure>[] = [
  { header: pp('monthly.col.module'), value: (f) => moduleTitle(f.module), width: 22 },
  { header: pp('monthly.col.label'), value: (f) => f.label, width: 40 },
  { header: pp('monthly.col.value'), value: (f) => f.value, width: 18 },
];
const textColumns: Column<[string, string]>[] = [
  { header: pp('monthly.col.label'), value: (t) => t[0], width: 24 },
  { header: pp('monthly.col.value'), value: (t) => t[1], width: 90 },
];

/** The report as a workbook: the figures, and the operator's text. */
export function monthlyReportWorkbook(r: ReportContent): Promise<Buffer> {
  return xlsxBuffer<[ReportFigure, [string, string]]>([
    { name: pp('monthly.sheet.figures'), rows: r.figures, columns: figureColumns },
    {
      name: pp('monthly.sheet.text'),
      rows: [
        [pp('monthly.summary'), r.summary],
        [pp('monthly.issues'), r.issues],
        [pp('monthly.plans'), r.plans],
      ],
      columns: textColumns,
    },
  ]);
}
