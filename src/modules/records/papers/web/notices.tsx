import { Hono } from 'hono';
import { formatWareki } from '../../../../platform/calendar/index.js';
import { adminPage } from '../../../../platform/http/admin-page.js';
import { csrfToken } from '../../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../../platform/http/env.js';
import { submitForm } from '../../../../platform/http/form-action.js';
import { formFields } from '../../../../platform/http/form.js';
import { primaryRole, requireProgramRole } from '../../../../platform/http/guards.js';
import { runAs } from '../../../../platform/http/run-as.js';
import type { Role } from '../../../../platform/auth/schema.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { Button, ButtonLink, Form, NotificationBanner, Table, VisuallyHidden } from '../../../../ui/index.js';
import { pp } from '../messages.js';
import { issueNotice, parseNoticeKind, viewNotice } from '../notices/commands.js';
import { lastNotices, structureChangedSinceNotice } from '../notices/queries.js';
import { NOTICE_KINDS } from '../schema.js';
import { fileDownload } from '../xlsx-buffer.js';
import { canAny, crumbs, FRESH, NOTICE_ISSUE, NOTICE_READ, pageErrors, type FormState } from './shared.js';

export const noticesAdmin = new Hono<AppEnv>();

async function noticesPage(c: AppContext, program: Program, roles: Role[], form: FormState = FRESH) {
  const db = c.get('deps').db;
  const last = await lastNotices(db, program.id);
  const change = await structureChangedSinceNotice(db, program);
  const canIssue = canAny(roles, NOTICE_ISSUE);
  return adminPage(c, {
    title: pp('tool.notices'),
    breadcrumbs: crumbs(program, pp('tool.notices')),
    ...pageErrors(form),
    children: (
      <>
        <p>{pp('notices.intro')}</p>
        {change.changed ? <NotificationBanner kind="warning" title={pp('inbox.structureChanged')}>{pp('notices.changed')}</NotificationBanner> : null}
        <Table
          caption={pp('tool.notices')}
          columns={[
            { key: 'kind', header: pp('notices.col.kind'), rowHeader: true },
            { key: 'last', header: pp('notices.col.last') },
            { key: 'actions', header: pp('notices.col.actions') },
          ]}
          rows={NOTICE_KINDS.map((kind) => {
            const n = last.get(kind);
            return {
              kind: pp(`notice.${kind}`),
              last: n ? formatWareki(n.issuedOn) : pp('notices.never'),
              actions: (
                <>
                  <ButtonLink href={`/admin/records/${program.slug}/notices/${kind}.pdf`} variant="secondary">
                    {pp('notices.preview')}
                    <VisuallyHidden>（{pp(`notice.${kind}`)}）</VisuallyHidden>
                  </ButtonLink>
                  {canIssue ? (
                    <Form action={`/admin/records/${program.slug}/notices`} csrfToken={csrfToken(c)} label={pp(`notice.${kind}`)}>
                      <input type="hidden" name="kind" value={kind} />
                      <Button variant="secondary">
                        {pp('notices.issue')}
                        <VisuallyHidden>（{pp(`notice.${kind}`)}）</VisuallyHidden>
                      </Button>
                    </Form>
                  ) : null}
                </>
              ),
            };
          })}
        />
      </>
    ),
  });
}

noticesAdmin.get('/records/:slug/notices', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), NOTICE_READ);
  return noticesPage(c, program, roles);
});

noticesAdmin.post('/records/:slug/notices', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), NOTICE_ISSUE);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => issueNotice(ctx, program.id, parseNoticeKind(f.kind)),
    rerender: (errors, status) => noticesPage(c, program, roles, { errors, values: f, status }),
    flash: (r) => pp('notices.issued', { kind: pp(`notice.${r.notice.kind}`), version: r.version }),
    redirect: `/admin/records/${program.slug}/notices`,
  });
});

// One route per kind (`…/notices/commencement.pdf`): any other name is 404.
for (const kind of NOTICE_KINDS) {
  noticesAdmin.get(`/records/:slug/notices/${kind}.pdf`, async (c) => {
    const { program, roles } = await requireProgramRole(c, c.req.param('slug'), NOTICE_READ);
    const pdf = await runAs(c, primaryRole(roles), (ctx) => viewNotice(ctx, program.id, kind));
    return fileDownload(pdf.bytes, `${pdf.filename}.pdf`, 'pdf', true);
  });
}
