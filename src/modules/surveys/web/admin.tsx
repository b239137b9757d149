import { Hono } from 'hono';
import type { Role } from '../../../platform/auth/schema.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, Form, RadioGroup, Table, TextArea, errorFor, type SummaryError } from '../../../ui/index.js';
import { decideQuestionnaire } from '../commands/decide-questionnaire.js';
import { commitLottery } from '../commands/lottery.js';
import { saveQuestionnaire } from '../commands/save-questionnaire.js';
import { findLottery, questionnaireVersions } from '../queries.js';
import { tallySurvey } from '../tally.js';
import { READ_ROLES, RUN_ROLES, staffSurvey } from './load.js';

export const surveysAdmin = new Hono<AppEnv>();

const STATUS: Record<string, string> = { draft: '承認待ち', approved: '承認済み', rejected: '差戻し' };

async function overview(c: AppContext, program: Program, roles: Role[], opts: { errors?: SummaryError[]; status?: number; json?: string } = {}) {
  const db = c.get('deps').db;
  const versions = await questionnaireVersions(db, program.id);
  const latest = versions[0];
  const lottery = await findLottery(db, program.id);
  const tally = latest ? await tallySurvey(db, program.id, (versions.find((v) => v.status === 'approved') ?? latest).questions) : null;
  const errors = opts.errors ?? [];
  const canRun = roles.some((r) => RUN_ROLES.includes(r));
  const isCity = roles.includes('city');
  const base = `/admin/surveys/${program.slug}`;
  return adminPage(c, {
    title: `アンケート: ${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>
          公開のアンケート：<a href={`/${program.slug}/survey`}>/{program.slug}/survey</a>（英語 <a href={`/en/${program.slug}/survey`}>/en/{program.slug}/survey</a>）
        </p>
        <ul>
          {canRun && <li><a href={`${base}/paper`}>紙のアンケートの入力・照合</a></li>}
          <li><a href={`${base}/lottery`}>プレゼント抽選と賞品の発送</a></li>
          <li><a href={`${base}/facilities`}>施設別の回答率と二次元コードのカード</a></li>
        </ul>
        <Table
          caption="調査票の版"
          columns={[{ key: 'version', header: '版', rowHeader: true }, { key: 'title', header: 'タイトル' }, { key: 'status', header: '状況' }, { key: 'questions', header: '質問数', numeric: true }, { key: 'responses', header: '回答数', numeric: true }, { key: 'comment', header: '市のコメント' }]}
          rows={versions.map((v) => ({ version: `第${v.version}版`, title: v.title, status: STATUS[v.status], questions: String(v.questions.length), responses: String(v.responses), comment: v.decisionComment ?? '' }))}
          emptyMessage="調査票はまだありません（jimukyoku survey import または下のフォームで登録）"
        />
        {isCity && latest?.status === 'draft' && (
          <Form action={`${base}/approval`} csrfToken={csrfToken(c)}>
            <h2>第{latest.version}版の承認</h2>
            <ol>
              {latest.questions.map((q) => (
                <li>
                  {q.label}（{q.type}
                  {q.required ? '・必須' : ''}）{q.options?.length ? `：${q.options.map((o) => o.label).join('／')}` : ''}
                </li>
              ))}
            </ol>
            <input type="hidden" name="seenVersion" value={String(latest.version)} />
            <RadioGroup name="decision" label="判断" required options={[{ value: 'approve', label: '承認する' }, { value: 'reject', label: '差し戻す' }]} error={errorFor(errors, 'decision')} />
            <TextArea name="comment" label="コメント" error={errorFor(errors, 'comment')} />
            <Button>判断を記録する</Button>
          </Form>
        )}
        {tally && (
          <>
            <h2>集計（速報）</h2>
            <p>
              回答 {tally.responses}件（Web {tally.byChannel.web}件・紙 {tally.byChannel.paper}件）。<a href={`${base}/report.pdf`}>報告書（PDF）</a>・<a href={`${base}/responses.xlsx`}>回答データ（Excel）</a>・<a href={`${base}/responses.csv`}>回答データ（CSV）</a>
            </p>
          </>
        )}
        <h2>プレゼント抽選</h2>
        {lottery ? (
          <p>
            乱数のハッシュ値（SHA-256）：<code>{lottery.seedHash}</code>
            {lottery.drawnAt ? `。抽選済み（応募 ${lottery.entryCount}件、当選 ${lottery.winners}名、補欠 ${lottery.alternates}名）` : '。抽選前'}
          </p>
        ) : (
          <p>乱数はまだ固定されていません。</p>
        )}
        {canRun && !lottery && (
          <Form action={`${base}/lottery/commit`} csrfToken={csrfToken(c)}>
            <Button>抽選の乱数を固定してハッシュ値を公開する</Button>
          </Form>
        )}
        {canRun && (
          <Form action={`${base}/questionnaire`} csrfToken={csrfToken(c)}>
            <h2>調査票の登録・変更</h2>
            <TextArea
              name="json"
              label="調査票（JSON）"
              hint='{ "title", "titleEn"?, "questions": [{ "id", "type": "single|multi|scale|number|text|heading", "label", "labelEn"?, "options"?: [{ "value", "label", "labelEn"? }], "required"? }] }。回答のある版は変えず、次の版になります。'
              rows={16}
              value={opts.json ?? (latest ? JSON.stringify({ title: latest.title, titleEn: latest.titleEn ?? undefined, questions: latest.questions }, null, 2) : '')}
              error={errorFor(errors, 'json') ?? errors.find((e) => e.field.startsWith('questions') || e.field === 'title')?.message}
            />
            <Button>下書きとして保存し、市の承認に回す</Button>
          </Form>
        )}
      </>
    ),
  });
}

surveysAdmin.get('/surveys/:slug', async (c) => {
  const { program, roles } = await staffSurvey(c, READ_ROLES);
  return overview(c, program, roles);
});

surveysAdmin.post('/surveys/:slug/questionnaire', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const f = await formFields(c);
  let data: unknown = null;
  try {
    data = JSON.parse(f.json ?? '');
  } catch {
    return overview(c, program, roles, { errors: [{ field: 'json', message: 'JSON として読めません' }], status: 422, json: f.json });
  }
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveQuestionnaire(ctx, program.id, data),
    rerender: (errors, status) => overview(c, program, roles, { errors: errors.map((e) => ({ field: 'json', message: `${e.field}: ${e.message}` })), status, json: f.json }),
    flash: (q) => `第${q.version}版を下書きとして保存しました。市の承認を待っています。`,
    redirect: `/admin/surveys/${program.slug}`,
  });
});

surveysAdmin.post('/surveys/:slug/approval', async (c) => {
  const { program, roles } = await staffSurvey(c, ['city']);
  const f = await formFields(c);
  const seen = Number(f.seenVersion);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideQuestionnaire(ctx, program.id, { decision: f.decision, comment: f.comment }, Number.isInteger(seen) ? seen : undefined),
    rerender: (errors, status) => overview(c, program, roles, { errors, status }),
    flash: (q) => `第${q.version}版を${q.status === 'approved' ? '承認' : '差し戻'}しました。`,
    redirect: `/admin/surveys/${program.slug}`,
  });
});

surveysAdmin.post('/surveys/:slug/lottery/commit', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => commitLottery(ctx, program.id),
    rerender: (errors, status) => overview(c, program, roles, { errors, status }),
    flash: (l) => `抽選の乱数を固定しました。ハッシュ値：${l.seedHash}`,
    redirect: `/admin/surveys/${program.slug}`,
  });
});

