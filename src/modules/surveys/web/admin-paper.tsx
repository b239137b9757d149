import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { parseId } from '../../../platform/ids.js';
import type { Program } from '../../../platform/programs/schema.js';
import { runAs } from '../../../platform/http/run-as.js';
import { Button, ErrorSummary, FileField, Form, RadioGroup, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { attachScan, MAX_SCAN_BYTES, readScan, removeScans, SCAN_TYPES } from '../commands/paper-scan.js';
import { differences, enterPaperSheet, settlePaperSheet } from '../commands/paper.js';
import { activeQuestionnaire, paperSheets } from '../queries.js';
import type { Answers } from '../schema.js';
import { RUN_ROLES, staffSurvey } from './load.js';
import { QuestionField, surveyBody, type SurveyFormValues } from './survey-page.js';

export const surveysAdminPaper = new Hono<AppEnv>();

const show = (v: unknown) => (v === undefined || v === null ? '（無回答）' : Array.isArray(v) ? v.join('、') : String(v));

async function paperPage(c: AppContext, program: Program, opts: { errors?: SummaryError[]; status?: number; values?: SurveyFormValues; sheet?: number } = {}) {
  const db = c.get('deps').db;
  const q = await activeQuestionnaire(db, program.id);
  const sheets = await paperSheets(db, program.id);
  const errors = opts.errors ?? [];
  const values = opts.values ?? { fields: {}, lists: {} };
  const base = `/admin/surveys/${program.slug}/paper`;
  const me = c.get('auth')?.user.id;
  const focus = opts.sheet === undefined ? null : sheets.find((s) => s.number === opts.sheet);
  const state = (s: (typeof sheets)[number]) => (s.responseId ? '確定（集計済み）' : s.entries.length < 2 ? `${s.entries.length}回目まで入力` : '差異あり（照合待ち）');
  return adminPage(c, {
    title: `紙のアンケートの入力: ${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: 'アンケート', href: `/admin/surveys/${program.slug}` }, { label: '紙の入力' }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>紙の調査票は2人の職員がそれぞれ入力します（もう一方の入力内容は表示しません）。2回の入力が一致すると確定し、集計に入ります。違いがある用紙は、入力した2人以外の職員が照合して確定します。確定していない用紙は集計しません。</p>
        {focus && focus.entries.length === 2 && !focus.responseId && (
          <Form action={`${base}/settle`} csrfToken={csrfToken(c)}>
            <h2>用紙 {focus.number} の照合</h2>
            {focus.hasScan && (
              <p>
                <a href={`${base}/scan?sheet=${focus.number}`} target="_blank" rel="noopener">用紙 {focus.number} のスキャンを別のタブで開く（個人情報を含むことがあり、閲覧は記録されます）</a>
              </p>
            )}
            <input type="hidden" name="sheet" value={String(focus.number)} />
            {differences(focus.entries[0]!.answers as Answers, focus.entries[1]!.answers as Answers).map((key) => (
              <RadioGroup
                name={`pick.${key}`}
                label={`${key} ${q?.questions.find((x) => x.id === key.split('.')[0])?.label ?? ''}`}
                required
                error={errorFor(errors, `pick.${key}`)}
                options={[
                  { value: '1', label: `1回目：${show(focus.entries[0]!.answers[key])}` },
                  { value: '2', label: `2回目：${show(focus.entries[1]!.answers[key])}` },
                ]}
              />
            ))}
            <Button>照合結果で確定する</Button>
          </Form>
        )}
        <Table
          caption="用紙"
          columns={[{ key: 'number', header: '用紙番号', rowHeader: true }, { key: 'facility', header: '施設コード' }, { key: 'state', header: '状況' }, { key: 'scan', header: 'スキャン' }, { key: 'action', header: '' }]}
          rows={sheets.map((s) => ({
            number: String(s.number),
            facility: s.facilityCode ?? '',
            state: state(s),
            scan: s.hasScan ? <a href={`${base}/scan?sheet=${s.number}`}>表示（閲覧は記録）</a> : 'なし',
            action: s.responseId ? '' : s.entries.length === 2 ? <a href={`${base}?sheet=${s.number}`}>照合する</a> : s.entries.some((e) => e.enteredBy === me) ? '別の職員の入力待ち' : '下のフォームで2回目を入力',
          }))}
          emptyMessage="まだ入力された用紙はありません"
        />
        {sheets.length > 0 && (
          <Form action={`${base}/scan`} csrfToken={csrfToken(c)} enctype="multipart/form-data">
            <h2>用紙のスキャンの添付</h2>
            <TextField name="sheet" label="用紙番号" width="sm" inputmode="numeric" required error={errorFor(errors, 'sheet')} />
            <FileField name="scan" label="スキャンしたファイル" required accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" hint={`PDF、PNG、JPEG（${MAX_SCAN_BYTES / 1024 / 1024}MBまで）。暗号化して保存し、応募者の個人情報の消去とともに削除します。`} error={errorFor(errors, 'scan')} />
            <Button>スキャンを添付する</Button>
          </Form>
        )}
        {q ? (
          <Form action={base} csrfToken={csrfToken(c)}>
            <h2>用紙の入力</h2>
            <TextField name="sheet" label="用紙番号（2回目の入力のとき。1回目は空欄にすると番号を振ります）" width="sm" inputmode="numeric" value={values.fields.sheet} error={errorFor(errors, 'sheet')} />
            <TextField name="facility" label="施設コード（あれば、1回目のみ）" width="sm" value={values.fields.facility} error={errorFor(errors, 'facility')} />
            {q.questions.map((question) => (
              <QuestionField q={question} locale="ja" values={values} errors={errors} />
            ))}
            <Button>入力を保存する</Button>
          </Form>
        ) : (
          <p>承認済みの調査票がありません。</p>
        )}
      </>
    ),
  });
}

surveysAdminPaper.get('/surveys/:slug/paper', async (c) => {
  const { program } = await staffSurvey(c, RUN_ROLES);
  const sheet = parseId(c.req.query('sheet'));
  return paperPage(c, program, { sheet });
});

surveysAdminPaper.post('/surveys/:slug/paper', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const q = await activeQuestionnaire(c.get('deps').db, program.id);
  if (!q) throw new AppError('conflict', '承認済みの調査票がありません');
  const fields = await formFields(c);
  const lists: Record<string, string[]> = {};
  for (const question of q.questions) if (question.type === 'multi') lists[`answers.${question.id}`] = await formList(c, `answers.${question.id}`);
  const values: SurveyFormValues = { fields, lists };
  const numberText = fields.sheet?.trim() ?? '';
  const number = numberText ? parseId(numberText.normalize('NFKC')) : undefined;
  if (numberText && number === undefined) return paperPage(c, program, { values, errors: [{ field: 'sheet', message: '用紙番号を数字で入力してください' }], status: 422 });
  const body = surveyBody(q.questions, { fields: { ...fields, facility: '' }, lists });
  return submitForm(c, {
    role: primaryRole(roles as Role[]),
    run: (ctx) => enterPaperSheet(ctx, program.id, { number, facility: fields.facility, answers: body.answers }),
    rerender: (errors, status) => paperPage(c, program, { values, errors, status }),
    flash: (r) => (r.pass === 1 ? `用紙 ${r.number} の1回目の入力を保存しました。別の職員が2回目を入力してください。` : r.settled ? `用紙 ${r.number} は2回の入力が一致したため確定しました。` : `用紙 ${r.number} の2回の入力に ${r.differences.length}件の違いがあります。照合してください。`),
    redirect: `/admin/surveys/${program.slug}/paper`,
  });
});

surveysAdminPaper.post('/surveys/:slug/paper/settle', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const fields = await formFields(c);
  const number = parseId(fields.sheet);
  if (number === undefined) throw new AppError('bad-request');
  const picks = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith('pick.')).map(([k, v]) => [k.slice(5), v]));
  return submitForm(c, {
    role: primaryRole(roles as Role[]),
    run: (ctx) => settlePaperSheet(ctx, program.id, number, picks),
    rerender: (errors, status) => paperPage(c, program, { errors, status, sheet: number }),
    flash: `用紙 ${number} を照合して確定しました。`,
    redirect: `/admin/surveys/${program.slug}/paper`,
  });
});

surveysAdminPaper.post('/surveys/:slug/paper/scan', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const body = await c.req.parseBody();
  const number = typeof body.sheet === 'string' ? parseId(body.sheet.normalize('NFKC').trim()) : undefined;
  if (number === undefined) return paperPage(c, program, { errors: [{ field: 'sheet', message: '用紙番号を数字で入力してください' }], status: 422 });
  const file = body.scan;
  const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
  return submitForm(c, {
    role: primaryRole(roles as Role[]),
    run: (ctx) => attachScan(ctx, program.id, number, bytes),
    rerender: (errors, status) => paperPage(c, program, { errors, status }),
    flash: (r) => {
      // The replaced scan's key is gone with the committed update; its bytes go now.
      if (r.replaced) void removeScans(c.get('deps').config, [r.replaced]);
      return `用紙 ${number} のスキャンを添付しました。`;
    },
    redirect: `/admin/surveys/${program.slug}/paper`,
  });
});

/** The scan itself, shown inline beside the entries (audited: it may hold an entrant's name and address). */
surveysAdminPaper.get('/surveys/:slug/paper/scan', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const asked = c.req.query('sheet');
  // No sheet named: the paper page, where the scans are listed. A sheet no record can have: 404.
  if (asked === undefined || asked === '') return c.redirect(`/admin/surveys/${program.slug}/paper`, 303);
  const number = parseId(asked);
  if (number === undefined) throw new AppError('not-found');
  const scan = await runAs(c, primaryRole(roles as Role[]), (ctx) => readScan(ctx, program.id, number));
  return new Response(new Uint8Array(scan.bytes), {
    headers: {
      'Content-Type': SCAN_TYPES[scan.type],
      'Content-Disposition': `inline; filename="sheet-${number}.${scan.type === 'jpeg' ? 'jpg' : scan.type}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
