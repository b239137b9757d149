import { Hono } from 'hono';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { exportResponse, type Column } from '../../../platform/exports/index.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { answerable, OTHER_VALUE } from '../questionnaire.js';
import { activeQuestionnaire, latestQuestionnaire, responsesForExport, type ExportRow } from '../queries.js';
import { drawReport, type CrossTable } from '../report.js';
import { crossTab, maskText, tallySurvey } from '../tally.js';
import { tallyFilter } from './api.js';
import { READ_ROLES, staffSurvey } from './load.js';

export const surveysAdminReport = new Hono<AppEnv>();

/** The report PDF for the City; `?cross=a:b` (repeatable) adds cross-tabulations; filters as the tally API. */
surveysAdminReport.get('/surveys/:slug/report.pdf', async (c) => {
  const { program, roles } = await staffSurvey(c, READ_ROLES);
  const filter = tallyFilter((k) => c.req.query(k));
  const db = c.get('deps').db;
  const q = (await activeQuestionnaire(db, program.id)) ?? (await latestQuestionnaire(db, program.id));
  const questions = q?.questions ?? [];
  const tally = await tallySurvey(db, program.id, questions, filter);
  const byId = new Map(questions.map((x) => [x.id, x]));
  const crossTabs: CrossTable[] = [];
  for (const pair of c.req.queries('cross') ?? []) {
    const [a, b] = pair.split(':');
    const qa = byId.get(a ?? '');
    const qb = byId.get(b ?? '');
    if (!qa || !qb || qa.type === 'text' || qb.type === 'text' || qa.type === 'heading' || qb.type === 'heading') {
      throw new AppError('validation-failed', 'クロス集計の質問を確認してください', { fieldErrors: [{ field: 'cross', message: `${pair}: 選択式・評価・数値の質問IDを「a:b」で指定してください` }] });
    }
    crossTabs.push({ a: qa, b: qb, cells: await crossTab(db, program.id, qa.id, qb.id, filter) });
  }
  const today = tokyoDate(c.get('deps').clock.now());
  await runAs(c, primaryRole(roles), async (ctx) =>
    ctx.audit({ action: 'surveys.report.exported', programId: program.id, targetType: 'program', targetId: program.id, diff: { what: 'report.pdf', filter: { ...filter }, cross: crossTabs.length } }),
  );
  const period = filter.from || filter.to ? `${filter.from ?? '開始'} 〜 ${filter.to ?? today}` : `〜 ${today}`;
  return pdfResponse(`アンケート報告書_${program.slug}_${today}`, (doc) => drawReport(doc, { program, title: q?.title ?? program.name, version: q?.version ?? 0, questions, tally, crossTabs, period, today }), { title: `${q?.title ?? program.name} 集計・分析報告書` });
});

/** The raw answers, one row per response, one column per question; no personal data (free text masked). */
async function rawExport(c: AppContext, kind: 'xlsx' | 'csv-utf8') {
  const { program, roles } = await staffSurvey(c, READ_ROLES);
  const db = c.get('deps').db;
  const q = (await activeQuestionnaire(db, program.id)) ?? (await latestQuestionnaire(db, program.id));
  const rows = await responsesForExport(db, program.id);
  const cell = (v: unknown): string | number | null => (v === undefined || v === null ? null : Array.isArray(v) ? v.join('|') : typeof v === 'number' ? v : maskText(String(v)));
  const columns: Column<ExportRow>[] = [
    { header: '回答ID', value: (r) => r.id, kind: 'int' },
    { header: '回答日時', value: (r) => r.createdAt },
    { header: '方法', value: (r) => (r.channel === 'paper' ? '紙' : 'Web') },
    { header: '施設コード', value: (r) => r.facilityCode },
    { header: '調査票の版', value: (r) => r.version, kind: 'int' },
    ...answerable(q?.questions ?? []).flatMap((x) => {
      const col: Column<ExportRow> = { header: `${x.id} ${x.label}`, value: (r) => cell(r.answers[x.id]) };
      return x.type === 'multi' && x.options?.some((o) => o.value === OTHER_VALUE) ? [col, { header: `${x.id}.other その他の内容`, value: (r: ExportRow) => cell(r.answers[`${x.id}.${OTHER_VALUE}`]) }] : [col];
    }),
  ];
  await runAs(c, primaryRole(roles), async (ctx) => ctx.audit({ action: 'surveys.report.exported', programId: program.id, targetType: 'program', targetId: program.id, diff: { what: `responses.${kind === 'xlsx' ? 'xlsx' : 'csv'}`, rows: rows.length } }));
  return exportResponse(kind, `アンケート回答_${program.slug}_${tokyoDate(c.get('deps').clock.now())}`, rows, columns, '回答');
}

surveysAdminReport.get('/surveys/:slug/responses.xlsx', (c) => rawExport(c, 'xlsx'));
surveysAdminReport.get('/surveys/:slug/responses.csv', (c) => rawExport(c, 'csv-utf8'));
