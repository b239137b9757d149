import { formatJaDate } from '../../platform/calendar/index.js';
import type { Pdf } from '../../platform/pdf/index.js';
import type { Program } from '../../platform/programs/schema.js';
import type { Question } from './schema.js';
import type { QuestionTally, Tally } from './tally.js';

export interface CrossTable {
  a: Question;
  b: Question;
  cells: Array<{ a: string; b: string; n: number }>;
}

export interface ReportInput {
  program: Program;
  title: string;
  version: number;
  questions: Question[];
  tally: Tally;
  /** Responses per facility and the rate against approved stays, where known (campaigns). */
  rate?: { stays: number } | null;
  crossTabs: CrossTable[];
  period: string;
  today: string;
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '-');

function optionLabel(q: Question, value: string): string {
  return q.options?.find((o) => o.value === value)?.label ?? value;
}

/** A horizontal bar chart as SVG path data (one `M…Z` rectangle per bar), drawn with pdfkit's path. */
export function barChartPath(values: number[], width: number, barHeight: number, gap: number): string {
  const max = Math.max(1, ...values);
  return values
    .map((v, i) => {
      const w = Math.max(0.5, (v / max) * width);
      const y = i * (barHeight + gap);
      return `M0 ${y} H${w.toFixed(1)} V${(y + barHeight).toFixed(1)} H0 Z`;
    })
    .join(' ');
}

function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function table(doc: Pdf, head: string[], rows: string[][], widths: number[]): void {
  const x0 = doc.page.margins.left;
  const rowH = 16;
  const draw = (cells: string[], bold: boolean) => {
    ensureSpace(doc, rowH);
    const y = doc.y;
    let x = x0;
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i]!, rowH).lineWidth(0.5).stroke('#666');
      doc.font(bold ? 'jp-bold' : 'jp').fontSize(8.5).fillColor('#000').text(cell, x + 3, y + 3, { width: widths[i]! - 6, height: rowH - 4, lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
    doc.x = x0;
    doc.y = y + rowH;
  };
  draw(head, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.5);
}

function questionSection(doc: Pdf, q: Question, t: QuestionTally, index: number, total: number): void {
  ensureSpace(doc, 120);
  doc.font('jp-bold').fontSize(12).fillColor('#000').text(`問${index} ${q.label}`);
  doc.font('jp').fontSize(9).text(`回答 ${t.answered}件（回答率 ${pct(t.answered, total)}）${t.mean !== undefined ? `　平均 ${t.mean}` : ''}`);
  doc.moveDown(0.3);
  if (t.counts) {
    const entries = Object.entries(t.counts);
    const shown = q.type === 'number' ? entries.sort((a, b) => Number(a[0]) - Number(b[0])).slice(0, 20) : entries;
    const barH = 9;
    const gap = 4;
    const chartH = shown.length * (barH + gap);
    ensureSpace(doc, chartH + 20);
    const x0 = doc.page.margins.left;
    const y0 = doc.y;
    shown.forEach(([v], i) => doc.font('jp').fontSize(8).text(optionLabel(q, v), x0, y0 + i * (barH + gap), { width: 110, height: barH + 2, lineBreak: false, ellipsis: true }));
    doc.save().translate(x0 + 115, y0).path(barChartPath(shown.map(([, n]) => n), 250, barH, gap)).fill('#1f5fa8').restore();
    shown.forEach(([, n], i) => doc.font('jp').fontSize(8).fillColor('#000').text(`${n}（${pct(n, t.answered)}）`, x0 + 372, y0 + i * (barH + gap), { lineBreak: false }));
    doc.x = x0;
    doc.y = y0 + chartH + 6;
    table(doc, ['選択肢', '件数', '割合'], shown.map(([v, n]) => [optionLabel(q, v), String(n), pct(n, t.answered)]), [260, 80, 80]);
  }
  if (t.texts?.length) {
    doc.font('jp').fontSize(9).text(`自由記述（${t.texts.length}件${t.texts.length > 15 ? '、うち15件を掲載' : ''}）`);
    for (const text of t.texts.slice(0, 15)) {
      ensureSpace(doc, 14);
      doc.font('jp').fontSize(8.5).text(`・${text.slice(0, 200)}`, { width: 480 });
    }
    doc.moveDown(0.5);
  }
  doc.moveDown(0.6);
}

/** The report for the City: cover, method, counts and rate, one chart and table per question, cross-tabs, free-text digest. */
export function drawReport(doc: Pdf, r: ReportInput): void {
  doc.font('jp-bold').fontSize(20).text(r.title, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('jp').fontSize(12).text('アンケート調査 集計・分析報告書', { align: 'center' });
  doc.moveDown(1);
  doc.fontSize(11).text(r.program.name, { align: 'center' });
  doc.text(formatJaDate(r.today), { align: 'center' });
  doc.moveDown(2);
  doc.font('jp-bold').fontSize(13).text('1. 調査の方法');
  doc.font('jp').fontSize(10).text(`調査票：第${r.version}版（市の承認済み）。回答方法：Web（二次元コード・URL）と紙の調査票（2名による二重入力と照合で確定したもののみ集計）。集計期間：${r.period}。`);
  doc.moveDown(0.8);
  doc.font('jp-bold').fontSize(13).text('2. 回答数');
  doc.font('jp').fontSize(10).text(`回答数 ${r.tally.responses}件（Web ${r.tally.byChannel.web}件、紙 ${r.tally.byChannel.paper}件）`);
  if (r.rate && r.rate.stays > 0) doc.text(`回答率 ${pct(r.tally.responses, r.rate.stays)}（承認済みの宿泊 ${r.rate.stays}件に対して）`);
  doc.moveDown(0.8);
  doc.font('jp-bold').fontSize(13).text('3. 設問ごとの集計');
  doc.moveDown(0.4);
  const byId = new Map(r.tally.questions.map((t) => [t.id, t]));
  let n = 0;
  for (const q of r.questions) {
    if (q.type === 'heading') {
      ensureSpace(doc, 40);
      doc.font('jp-bold').fontSize(12).text(`■ ${q.label}`);
      doc.moveDown(0.3);
      continue;
    }
    n += 1;
    questionSection(doc, q, byId.get(q.id) ?? { id: q.id, type: q.type, label: q.label, answered: 0 }, n, r.tally.responses);
  }
  if (r.crossTabs.length) {
    ensureSpace(doc, 80);
    doc.font('jp-bold').fontSize(13).text('4. クロス集計');
    for (const x of r.crossTabs) {
      const cols = [...new Set(x.cells.map((c) => c.b))];
      const rows = [...new Set(x.cells.map((c) => c.a))];
      doc.font('jp').fontSize(10).text(`${x.a.label} × ${x.b.label}`);
      const w = Math.max(50, Math.floor(380 / Math.max(1, cols.length)));
      table(doc, ['', ...cols.map((c) => optionLabel(x.b, c))], rows.map((a) => [optionLabel(x.a, a), ...cols.map((b) => String(x.cells.find((c) => c.a === a && c.b === b)?.n ?? 0))]), [115, ...cols.map(() => w)]);
    }
  }
}
