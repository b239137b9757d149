import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { submitForm } from '../../../platform/http/form-action.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
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
import { campaignMessages, cm, type CampaignMessageKey } from '../messages.js';
import { applicationsWithLicense, findLicenseHolder } from '../queries.js';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus, type Facility } from '../schema.js';
import { decisionSchema } from '../validators.js';
import { applicationForStaff } from './load.js';
import { runAs } from '../../../platform/http/run-as.js';
import { idParam } from '../../../platform/http/params.js';

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
  const view = await runAs(c, primaryRole(roles), async (ctx) => {
    const box = await deps.vault.box(ctx.tx, programScope(app.programId));
    const current = flattenApplication(box, { facility: app.facility, personal: app.personal, licenseNumber: app.licenseNumber, licenseIssuedOn: app.licenseIssuedOn });
    const changes = app.returnedSnapshot && app.status !== 'returned' ? diffApplications(flattenApplication(box, app.returnedSnapshot), current) : [];
    ctx.audit({ action: 'campaign.application.viewed', programId: app.programId, targetType: 'campaign_application', targetId: app.id });
    return { current, changes };
  });
  const documents = await listDocuments(deps.db, app.id);
  const events = await listEvents(deps.db, app.id);
  const duplicates = app.licenseNumber ? await applicationsWithLicense(deps.db, app.programId, app.licenseNumber, app.id) : [];
  const holder = app.licenseNumber ? await findLicenseHolder(deps.db, app.programId, app.licenseNumber) : undefined;
  const base = `/admin/campaign/applications/${app.id}`;
  const token = csrfToken(c);
  return adminPage(c, {
    title: cm('review.title', { number: app.number ?? `#${app.id}` }),
    breadcrumbs: [{ label: cm('term.home'), href: '/admin' }, { label: program.name, href: `/admin/campaign/${program.slug}` }, { label: app.number ?? `#${app.id}` }],
    notice: conflict ? <NotificationBanner kind="error" title={cm('term.decisionRefused')}>{conflict}</NotificationBanner> : errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0 || !!conflict,
    status,
    children: (
      <>
        <PossibleDuplicates app={app} duplicates={duplicates} holder={holder?.applicationId === app.id ? undefined : holder} />
        <DescriptionList
          items={[
            { term: cm('term.status'), detail: <StatusBadge tone="info">{cm(`status.${app.status}`)}</StatusBadge> },
            { term: cm('review.channel'), detail: cm(`channel.${app.channel}`) },
            { term: cm('term.submittedAt'), detail: app.submittedAt ? tokyoDateTime(app.submittedAt) : '' },
            ...(app.cityQuestion ? [{ term: cm('review.cityQuestion'), detail: app.cityQuestion }] : []),
            ...(app.cityAnswer ? [{ term: cm('review.cityAnswer'), detail: `${app.cityRecommendation ? cm('review.recommendation', { label: cm(`recommend.${app.cityRecommendation === 'approve' || app.cityRecommendation === 'reject' ? app.cityRecommendation : 'return'}`) }) : ''}${app.cityAnswer}` }] : []),
          ]}
        />
        {view.changes.length > 0 && (
          <Table
            caption={cm('review.changes')}
            columns={[
              { key: 'field', header: cm('term.field'), rowHeader: true },
              { key: 'before', header: cm('review.before') },
              { key: 'after', header: cm('term.after') },
            ]}
            rows={view.changes.map((ch) => ({ field: safeLabel(ch.field), before: ch.before, after: ch.after }))}
          />
        )}
        <h2>{cm('review.contents')}</h2>
        <DescriptionList items={Object.entries(view.current).map(([k, v]) => ({ term: safeLabel(k), detail: k === 'facility.type' && v ? safeLabel(`type.${v}`) : k === 'bankAccount.accountType' && v ? safeLabel(`accountType.${v}`) : v || '—' }))} />
        <h2>{cm('review.documents')}</h2>
        {documents.length === 0 ? (
          <p>{cm('review.noDocuments')}</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li>
                <a href={`${base}/documents/${d.id}`}>
                  {cm('review.document', { label: cm(d.kind === 'license' ? 'licenseFile' : 'photoFile'), filename: d.filename, kb: Math.ceil(d.size / 1024) })}
                </a>
              </li>
            ))}
          </ul>
        )}
        {staff && (
          <>
            <h2>{cm('review.checklist')}</h2>
            <Form action={`${base}/checklist`} csrfToken={token}>
              <CheckboxGroup name="checklist" label={cm('review.checked')} values={Object.entries(app.checklist).filter(([, v]) => v).map(([k]) => k)} options={CHECKLIST.map((i) => ({ value: i.key, label: i.label }))} />
              <Button variant="secondary">{cm('review.checklistSave')}</Button>
            </Form>
            <Form action={`${base}/assign`} csrfToken={token}>
              <p>{cm('review.assignee', { who: app.assigneeUserId ? `user:${app.assigneeUserId}` : cm('term.unassigned') })}</p>
              <Button variant="secondary">{cm('review.assignSelf')}</Button>
            </Form>
          </>
        )}
        <DecisionForms app={app} staff={staff} city={roles.includes('city') || roles.includes('admin')} action={`${base}/decision`} token={token} errors={errors} />
        {staff && (
          <Form action={`${base}/note`} csrfToken={token}>
            <TextArea name="note" label={cm('review.note')} error={errorFor(errors, 'note')} rows={3} />
            <Button variant="secondary">{cm('review.noteAdd')}</Button>
          </Form>
        )}
        <Table
          caption={cm('review.history')}
          columns={[
            { key: 'at', header: cm('review.at') },
            { key: 'kind', header: cm('review.event') },
            { key: 'who', header: cm('review.actor') },
            { key: 'text', header: cm('review.text') },
          ]}
          rows={events.map((e) => ({ at: tokyoDateTime(e.at), kind: eventLabel(e.kind), who: e.actorUserId ? `user:${e.actorUserId}${e.actorRole ? `（${e.actorRole}）` : ''}` : e.actorRole ?? '—', text: e.text ?? '' }))}
        />
      </>
    ),
  });
}

/**
 * The other applications giving the same licence number (possible duplicates, linked), and the
 * registered facility holding it, if another application's approval registered one.
 */
function PossibleDuplicates({ app, duplicates, holder }: { app: Application; duplicates: Application[]; holder?: Facility }) {
  if (!duplicates.length) return null;
  const license = app.licenseNumber ?? '';
  return (
    <NotificationBanner kind="warning" id="notification-duplicates" title={cm('review.duplicates.title')}>
      {holder && <p>{cm('review.duplicates.held', { license, facility: holder.name, registrationNumber: holder.registrationNumber ?? `#${holder.id}` })}</p>}
      <p>{cm('review.duplicates.lead', { license })}</p>
      <ul>
        {duplicates.map((d) => (
          <li>
            <a href={`/admin/campaign/applications/${d.id}`}>{d.number ?? `#${d.id}`}</a>
            {'：'}
            {cm('review.duplicates.item', { facility: String(d.facility.name ?? ''), status: cm(`status.${d.status}`), channel: cm(`channel.${d.channel}`), submittedAt: d.submittedAt ? tokyoDateTime(d.submittedAt) : '—' })}
          </li>
        ))}
      </ul>
    </NotificationBanner>
  );
}

/** The history line's kind in words; a kind without a label shows as it is. */
const eventLabel = (kind: string) => ((campaignMessages.keys as readonly string[]).includes(`event.${kind}`) ? cm(`event.${kind}` as CampaignMessageKey) : kind);

function DecisionForms(p: { app: Application; staff: boolean; city: boolean; action: string; token: string; errors: FieldError[] }) {
  const reviewable = p.app.status === 'submitted' || p.app.status === 'answered';
  if (p.staff && reviewable) {
    return (
      <>
        <h2>{cm('review.decisionHeading')}</h2>
        <Form action={p.action} csrfToken={p.token}>
          <input type="hidden" name="seenStatus" value={p.app.status} />
          <RadioGroup
            name="decision"
            label={cm('term.decision')}
            required
            error={errorFor(p.errors, 'decision')}
            options={[
              { value: 'approve', label: cm('review.approve') },
              { value: 'return', label: cm('review.return'), hint: cm('review.mailHint') },
              { value: 'escalate', label: cm('review.escalate'), hint: cm('review.escalateHint') },
              { value: 'reject', label: cm('review.reject'), hint: cm('review.mailHint') },
            ]}
          />
          <TextArea name="reason" label={cm('review.reason')} error={errorFor(p.errors, 'reason')} rows={4} />
          <Button>{cm('term.submitDecision')}</Button>
        </Form>
      </>
    );
  }
  if (p.city && p.app.status === 'escalated') {
    return (
      <>
        <h2>{cm('review.answerHeading')}</h2>
        <Form action={p.action} csrfToken={p.token}>
          <input type="hidden" name="decision" value="answer" />
          <input type="hidden" name="seenStatus" value={p.app.status} />
          <RadioGroup
            name="recommendation"
            label={cm('term.decision')}
            required
            error={errorFor(p.errors, 'recommendation')}
            options={[
              { value: 'approve', label: cm('review.cityApprove') },
              { value: 'return', label: cm('review.cityReturn') },
              { value: 'reject', label: cm('review.cityReject') },
            ]}
          />
          <TextArea name="reason" label={cm('review.answer')} required error={errorFor(p.errors, 'reason')} rows={4} />
          <Button>{cm('review.answerSend')}</Button>
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
  const seenStatus = (APPLICATION_STATUSES as readonly string[]).includes(f.seenStatus ?? '') ? (f.seenStatus as ApplicationStatus) : undefined;
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => {
      const input = parseOrThrow(decisionSchema, { decision: f.decision, reason: f.reason, recommendation: f.recommendation || undefined });
      if (input.decision === 'answer' && !input.recommendation) throw new AppError('validation-failed', cm('errDecisionRequired'), { fieldErrors: [{ field: 'recommendation', message: cm('errDecisionRequired') }] });
      return decideApplication(ctx, app.id, input, roles, { seenStatus });
    },
    // Another decision came first: the page is shown again as it is now, with why nothing was recorded.
    rerender: (errors, status, e) => (e.code === 'conflict' ? reviewPage(c, [], 409, e.message) : reviewPage(c, errors, status)),
    flash: cm('review.flashDecided'),
    redirect: `/admin/campaign/applications/${app.id}`,
  });
});

adminReview.post('/campaign/applications/:id/checklist', async (c) => {
  const { app, roles } = await applicationForStaff(c, ['admin', 'operator']);
  const checked = await formList(c, 'checklist');
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveChecklist(ctx, app.id, checked),
    flash: cm('review.flashChecklist'),
    redirect: `/admin/campaign/applications/${app.id}`,
  });
});

adminReview.post('/campaign/applications/:id/note', async (c) => {
  const { app, roles } = await applicationForStaff(c, ['admin', 'operator']);
  const note = (await formFields(c)).note ?? '';
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => addNote(ctx, app.id, note),
    rerender: (errors, status) => reviewPage(c, errors, status),
    flash: cm('review.flashNote'),
    redirect: `/admin/campaign/applications/${app.id}`,
  });
});

adminReview.post('/campaign/applications/:id/assign', async (c) => {
  const { app, roles, auth } = await applicationForStaff(c, ['admin', 'operator']);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => assignApplication(ctx, app.id, auth.user.id),
    flash: cm('review.flashAssigned'),
    redirect: `/admin/campaign/applications/${app.id}`,
  });
});

/** A document, to staff only, each download audited; served as an attachment with its checked type. */
adminReview.get('/campaign/applications/:id/documents/:docId{[0-9]+}', async (c) => {
  const { app, roles } = await applicationForStaff(c, ROLES);
  const deps = c.get('deps');
  const doc = await findDocument(deps.db, app.id, idParam(c, 'docId'));
  if (!doc) throw new AppError('not-found');
  const bytes = await runAs(c, primaryRole(roles), async (ctx) => {
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
