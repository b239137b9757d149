import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { AppError, isAppError, type FieldError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { programScope } from '../../../platform/vault/index.js';
import { Button, CheckboxGroup, DescriptionList, ErrorSummary, Form, NotificationBanner, RadioGroup, StatusBadge, Table, TextArea, errorFor } from '../../../ui/index.js';
import { decideApplication } from '../commands/decide-application.js';
import { CHECKLIST, addNote, assignApplication, saveChecklist } from '../commands/review-actions.js';
import { diffApplications, flattenApplication } from '../diff.js';
import { findDocument, listDocuments } from '../documents.js';
import { listEvents } from '../history.js';
import { cm, type CampaignMessageKey } from '../messages.js';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../schema.js';
import { decisionSchema } from '../validators.js';
import { applicationForStaff } from './load.js';

export const adminReview = new Hono<AppEnv>();

const ROLES = ['admin', 'operator', 'city'] as const;
function safeLabel(field: string): string {
  try {
    return cm(field as CampaignMessageKey);
  } catch {
    return field;
  }
}

/** `conflict`: the message of a decision refused because the application changed meanwhile (409), shown above the current state. */
async function reviewPage(c: AppContext, errors: FieldError[] = [], status = 200, conflict?: string) {
  const { app, program, roles } = await applicationForStaff(c, ROLES);
  const deps = c.get('deps');
  const staff = roles.includes('admin') || roles.includes('operator');
  // Opening the personal data is recorded in the same transaction as the read.
  const view = await runCommand(deps, actorOf(c, primaryRole(roles)), async (ctx) => {
    const box = await deps.vault.box(ctx.tx, programScope(app.programId));
    const current = flattenApplication(box, { facility: app.facility, personal: app.personal, licenseNumber: app.licenseNumber, licenseIssuedOn: app.licenseIssuedOn });
    const changes = app.returnedSnapshot && app.status !== 'returned' ? diffApplications(flattenApplication(box, app.returnedSnapshot), current) : [];
    ctx.audit({ action: 'campaign.application.viewed', programId: app.programId, targetType: 'campaign_application', targetId: app.id });
    return { current, changes };
  });
  const documents = await listDocuments(deps.db, app.id);
  const events = await listEvents(deps.db, app.id);
  const base = `/admin/campaign/applications/${app.id}`;
  const token = csrfToken(c);
  return adminPage(c, {
    title: `参加申請 ${app.number ?? `#${app.id}`}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: `/admin/campaign/${program.slug}` }, { label: app.number ?? `#${app.id}` }],
    notice: conflict ? <NotificationBanner kind="error" title="判断を登録できませんでした">{conflict}</NotificationBanner> : errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0 || !!conflict,
    status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: '状態', detail: <StatusBadge tone="info">{cm(`status.${app.status}`)}</StatusBadge> },
            { term: '受付経路', detail: cm(`channel.${app.channel}`) },
            { term: '申請日時', detail: app.submittedAt ? tokyoDateTime(app.submittedAt) : '' },
            ...(app.cityQuestion ? [{ term: '発注者への照会', detail: app.cityQuestion }] : []),
            ...(app.cityAnswer ? [{ term: '発注者の回答', detail: `${app.cityRecommendation ? `【${app.cityRecommendation === 'approve' ? '承認可' : app.cityRecommendation === 'reject' ? '不承認' : '差し戻し'}】` : ''}${app.cityAnswer}` }] : []),
          ]}
        />
        {view.changes.length > 0 && (
          <Table
            caption="差し戻し後に変更された項目"
            columns={[
              { key: 'field', header: '項目', rowHeader: true },
              { key: 'before', header: '変更前' },
              { key: 'after', header: '変更後' },
            ]}
            rows={view.changes.map((ch) => ({ field: safeLabel(ch.field), before: ch.before, after: ch.after }))}
          />
        )}
        <h2>申請内容</h2>
        <DescriptionList items={Object.entries(view.current).map(([k, v]) => ({ term: safeLabel(k), detail: k === 'facility.type' && v ? safeLabel(`type.${v}`) : k === 'bankAccount.accountType' && v ? safeLabel(`accountType.${v}`) : v || '—' }))} />
        <h2>添付書類</h2>
        {documents.length === 0 ? (
          <p>添付書類はありません。</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li>
                <a href={`${base}/documents/${d.id}`}>
                  {cm(d.kind === 'license' ? 'licenseFile' : 'photoFile')}：{d.filename}（{Math.ceil(d.size / 1024)}KB）
                </a>
              </li>
            ))}
          </ul>
        )}
        {staff && (
          <>
            <h2>審査項目</h2>
            <Form action={`${base}/checklist`} csrfToken={token}>
              <CheckboxGroup name="checklist" label="確認した項目" values={Object.entries(app.checklist).filter(([, v]) => v).map(([k]) => k)} options={CHECKLIST.map((i) => ({ value: i.key, label: i.label }))} />
              <Button variant="secondary">審査項目を保存する</Button>
            </Form>
            <Form action={`${base}/assign`} csrfToken={token}>
              <p>担当：{app.assigneeUserId ? `user:${app.assigneeUserId}` : '未割り当て'}</p>
              <Button variant="secondary">自分が担当する</Button>
            </Form>
          </>
        )}
        <DecisionForms app={app} staff={staff} city={roles.includes('city') || roles.includes('admin')} action={`${base}/decision`} token={token} errors={errors} />
        {staff && (
          <Form action={`${base}/note`} csrfToken={token}>
            <TextArea name="note" label="審査メモ（申請者には送られません）" error={errorFor(errors, 'note')} rows={3} />
            <Button variant="secondary">メモを追加する</Button>
          </Form>
        )}
        <Table
          caption="履歴"
          columns={[
            { key: 'at', header: '日時' },
            { key: 'kind', header: '出来事' },
            { key: 'who', header: '操作者' },
            { key: 'text', header: '内容' },
          ]}
          rows={events.map((e) => ({ at: tokyoDateTime(e.at), kind: EVENT_LABEL[e.kind] ?? e.kind, who: e.actorUserId ? `user:${e.actorUserId}${e.actorRole ? `（${e.actorRole}）` : ''}` : e.actorRole ?? '—', text: e.text ?? '' }))}
        />
      </>
    ),
  });
}

const EVENT_LABEL: Record<string, string> = {
  saved: '下書き保存',
  submitted: '申請',
  resubmitted: '再提出',
  returned: '差し戻し',
  escalated: '発注者へ照会',
  answered: '発注者が回答',
  approved: '承認（登録）',
  rejected: '不承認',
  note: 'メモ',
  assigned: '担当',
  checklist: '審査項目',
};

function DecisionForms(p: { app: Application; staff: boolean; city: boolean; action: string; token: string; errors: FieldError[] }) {
  const reviewable = p.app.status === 'submitted' || p.app.status === 'answered';
  if (p.staff && reviewable) {
    return (
      <>
        <h2>審査の判断</h2>
        <Form action={p.action} csrfToken={p.token}>
          <input type="hidden" name="seenStatus" value={p.app.status} />
          <RadioGroup
            name="decision"
            label="判断"
            required
            error={errorFor(p.errors, 'decision')}
            options={[
              { value: 'approve', label: '承認して登録する' },
              { value: 'return', label: '修正を依頼する（差し戻し）', hint: '理由を申請者にメールで伝えます' },
              { value: 'escalate', label: '発注者（仙台市）に判断を仰ぐ', hint: '照会内容を入力してください' },
              { value: 'reject', label: '不承認にする', hint: '理由を申請者にメールで伝えます' },
            ]}
          />
          <TextArea name="reason" label="理由・照会内容" error={errorFor(p.errors, 'reason')} rows={4} />
          <Button>判断を登録する</Button>
        </Form>
      </>
    );
  }
  if (p.city && p.app.status === 'escalated') {
    return (
      <>
        <h2>照会への回答</h2>
        <Form action={p.action} csrfToken={p.token}>
          <input type="hidden" name="decision" value="answer" />
          <input type="hidden" name="seenStatus" value={p.app.status} />
          <RadioGroup
            name="recommendation"
            label="判断"
            required
            error={errorFor(p.errors, 'recommendation')}
            options={[
              { value: 'approve', label: '参加を認めてよい' },
              { value: 'return', label: '申請者に修正を求める' },
              { value: 'reject', label: '参加を認めない' },
            ]}
          />
          <TextArea name="reason" label="回答" required error={errorFor(p.errors, 'reason')} rows={4} />
          <Button>回答を送る</Button>
        </Form>
      </>
    );
  }
  return null;
}

adminReview.get('/campaign/applications/:id', (c) => reviewPage(c));

adminReview.post('/campaign/applications/:id/decision', async (c) => {
  const { app, roles } = await applicationForStaff(c, ROLES);
  const f = await formFields(c);
  try {
    const input = parseOrThrow(decisionSchema, { decision: f.decision, reason: f.reason, recommendation: f.recommendation || undefined });
    if (input.decision === 'answer' && !input.recommendation) throw new AppError('validation-failed', '判断を選択してください', { fieldErrors: [{ field: 'recommendation', message: '判断を選択してください' }] });
    const seenStatus = (APPLICATION_STATUSES as readonly string[]).includes(f.seenStatus ?? '') ? (f.seenStatus as ApplicationStatus) : undefined;
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => decideApplication(ctx, app.id, input, roles, { seenStatus }));
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return reviewPage(c, e.fieldErrors, 422);
    // Another decision came first: the page is shown again as it is now, with why nothing was recorded.
    if (isAppError(e) && e.code === 'conflict') return reviewPage(c, [], 409, e.message);
    throw e;
  }
  setFlash(c, { kind: 'success', message: '判断を登録しました。' });
  return c.redirect(`/admin/campaign/applications/${app.id}`, 303);
});

adminReview.post('/campaign/applications/:id/checklist', async (c) => {
  const { app, roles } = await applicationForStaff(c, ['admin', 'operator']);
  const checked = await formList(c, 'checklist');
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveChecklist(ctx, app.id, checked));
  setFlash(c, { kind: 'success', message: '審査項目を保存しました。' });
  return c.redirect(`/admin/campaign/applications/${app.id}`, 303);
});

adminReview.post('/campaign/applications/:id/note', async (c) => {
  const { app, roles } = await applicationForStaff(c, ['admin', 'operator']);
  const note = (await formFields(c)).note ?? '';
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => addNote(ctx, app.id, note));
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') return reviewPage(c, e.fieldErrors, 422);
    throw e;
  }
  setFlash(c, { kind: 'success', message: 'メモを追加しました。' });
  return c.redirect(`/admin/campaign/applications/${app.id}`, 303);
});

adminReview.post('/campaign/applications/:id/assign', async (c) => {
  const { app, roles, auth } = await applicationForStaff(c, ['admin', 'operator']);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => assignApplication(ctx, app.id, auth.user.id));
  setFlash(c, { kind: 'success', message: '担当になりました。' });
  return c.redirect(`/admin/campaign/applications/${app.id}`, 303);
});

/** A document, to staff only, each download audited; served as an attachment with its checked type. */
adminReview.get('/campaign/applications/:id/documents/:docId{[0-9]+}', async (c) => {
  const { app, roles } = await applicationForStaff(c, ROLES);
  const deps = c.get('deps');
  const doc = await findDocument(deps.db, app.id, Number(c.req.param('docId')));
  if (!doc) throw new AppError('not-found');
  const bytes = await runCommand(deps, actorOf(c, primaryRole(roles)), async (ctx) => {
    const box = await deps.vault.box(ctx.tx, programScope(app.programId));
    ctx.audit({ action: 'campaign.application.document_viewed', programId: app.programId, targetType: 'campaign_application', targetId: app.id, diff: { documentId: doc.id } });
    return Buffer.from(box.openOrThrow(doc.data), 'base64');
  });
  return new Response(bytes, {
    headers: {
      'Content-Type': doc.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
