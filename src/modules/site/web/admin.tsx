import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ButtonLink, ErrorSummary, Form, Table, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { decideVersion } from '../commands/decide-version.js';
import { saveDraft } from '../commands/save-draft.js';
import { submitVersion } from '../commands/submit-version.js';
import { PAGE_KEYS, isPageKey } from '../defaults.js';
import { sam } from '../messages.js';
import { findContent, findVersion, listContents, listVersions } from '../queries.js';
import { CONTENT_KINDS, type ContentKind, type SiteContent } from '../schema.js';
import { parsePublishAt, publishAtSchema } from '../validators.js';
import { DraftForm, KIND_LABELS, PAGE_LABELS, VersionStatusBadge, adminBase, liveVersionId, versionValues, withParts } from './admin-views.js';
import { contentPageHtml } from './content-page.js';
import { homePageHtml } from './home-page.js';
import { sendHtml } from './layout.js';
import { APPROVE_ROLES, EDIT_ROLES, READ_ROLES, staffCampaign } from './load.js';
import { siteIndexCache } from '../search/index-cache.js';
import { bannerImagePath, type ImageChange } from '../banner-image.js';
import { ensurePresetBanners } from './presets.js';
import { idParam } from '../../../platform/http/params.js';

export const siteAdmin = new Hono<AppEnv>();

const crumbs = (p: Program, ...more: Array<{ label: string; href?: string }>) => [{ label: sam('crumb.home'), href: '/admin' }, { label: sam('crumb.site', { program: p.name }), href: adminBase(p) }, ...more];
const can = (roles: Role[], need: Role[]) => roles.some((r) => need.includes(r));
const contentLabel = (ct: SiteContent) => (ct.kind === 'page' ? PAGE_LABELS[ct.key] ?? ct.key : KIND_LABELS[ct.kind]);

siteAdmin.get('/site/:slug', async (c) => {
  const { program, roles } = await staffCampaign(c, READ_ROLES);
  await ensurePresetBanners(c, program);
  const db = c.get('deps').db;
  const now = c.get('deps').clock.now();
  const contents = await listContents(db, program.id);
  const rows = [];
  for (const ct of contents) {
    const versions = await listVersions(db, ct.id);
    const latest = versions[0];
    const liveId = liveVersionId(versions, now);
    rows.push({
      kind: ct.kind === 'banner' && latest ? sam('list.kindWithOrder', { kind: KIND_LABELS[ct.kind], order: latest.sortOrder }) : KIND_LABELS[ct.kind],
      title: <a href={`${adminBase(program)}/contents/${ct.id}`}>{latest ? sam('list.contentTitle', { label: contentLabel(ct), title: latest.titleJa }) : contentLabel(ct)}</a>,
      status: latest ? <VersionStatusBadge v={latest} live={latest.id === liveId} now={now} /> : '—',
      live: liveId ? sam('version.number', { n: versions.find((v) => v.id === liveId)!.number }) : sam('list.notLive'),
    });
  }
  const missingPages = PAGE_KEYS.filter((k) => !contents.some((ct) => ct.kind === 'page' && ct.key === k));
  return adminPage(c, {
    title: sam('list.title', { program: program.name }),
    breadcrumbs: crumbs(program, { label: sam('crumb.siteShort') }),
    children: (
      <>
        <p>{withParts(sam('list.intro'), { link: <a href={`/${program.slug}`}>/{program.slug}</a> })}</p>
        <p>
          <a href={`${adminBase(program)}/accessibility`}>{sam('list.a11yLink')}</a>
        </p>
        <Table
          caption={sam('list.caption')}
          columns={[
            { key: 'title', header: sam('list.content'), rowHeader: true },
            { key: 'kind', header: sam('list.kind') },
            { key: 'status', header: sam('list.latestStatus') },
            { key: 'live', header: sam('list.liveVersion') },
          ]}
          rows={rows}
          emptyMessage={sam('list.empty')}
        />
        {can(roles, EDIT_ROLES) && (
          <>
            <h2 class="app-heading-2">{sam('list.createHeading')}</h2>
            <ul>
              <li>
                <a href={`${adminBase(program)}/new?kind=news`}>{sam('list.createNews')}</a>
              </li>
              <li>
                <a href={`${adminBase(program)}/new?kind=banner`}>{sam('list.createBanner')}</a>
              </li>
              {missingPages.map((k) => (
                <li>
                  <a href={`${adminBase(program)}/new?kind=page&key=${k}`}>{sam('list.editPage', { page: PAGE_LABELS[k]! })}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    ),
  });
});

/** A banner form's image: a new upload, removal (checkbox), or keep the previous version's. */
async function imageChangeFrom(c: AppContext, f: Record<string, string>): Promise<ImageChange> {
  const file = (await c.req.parseBody({ all: true }))['imageFile'];
  const first = Array.isArray(file) ? file[0] : file;
  if (first instanceof File && first.size > 0) return { kind: 'upload', bytes: Buffer.from(await first.arrayBuffer()) };
  return f.removeImage === 'true' ? { kind: 'remove' } : { kind: 'keep' };
}

async function newPage(c: AppContext, program: Program, kind: ContentKind, values: Record<string, string>, errors: SummaryError[] = [], status = 200) {
  return adminPage(c, {
    title: kind === 'page' && values.key ? sam('new.titlePage', { kind: KIND_LABELS[kind], page: PAGE_LABELS[values.key] ?? values.key }) : sam('new.title', { kind: KIND_LABELS[kind] }),
    breadcrumbs: crumbs(program, { label: sam('crumb.new') }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: <DraftForm c={c} action={`${adminBase(program)}/contents`} kind={kind} values={values} errors={errors} />,
  });
}

function kindOf(v: string | undefined): ContentKind {
  // FAQ entries are made from the call center's FAQ page (calls module), which keeps their category and calls.
  if (!v || v === 'faq' || !(CONTENT_KINDS as readonly string[]).includes(v)) throw new AppError('not-found');
  return v as ContentKind;
}

siteAdmin.get('/site/:slug/new', async (c) => {
  const { program } = await staffCampaign(c, EDIT_ROLES);
  const kind = kindOf(c.req.query('kind'));
  const key = c.req.query('key');
  if (kind === 'page' && (!key || !isPageKey(key))) throw new AppError('not-found');
  return newPage(c, program, kind, kind === 'page' ? { key: key! } : {});
});

siteAdmin.post('/site/:slug/contents', async (c) => {
  const { program, roles } = await staffCampaign(c, EDIT_ROLES);
  const f = await formFields(c);
  const kind = kindOf(f.kind);
  const image = await imageChangeFrom(c, f);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveDraft(ctx, program, { kind, key: f.key, image }, f),
    rerender: (errors, status) => newPage(c, program, kind, f, errors, status),
    flash: sam('flash.draftCreated'),
    redirect: (v) => `${adminBase(program)}/contents/${v.contentId}`,
  });
});

async function contentPage(c: AppContext, program: Program, roles: Role[], content: SiteContent, values?: Record<string, string>, errors: SummaryError[] = [], status = 200) {
  const db = c.get('deps').db;
  const now = c.get('deps').clock.now();
  const versions = await listVersions(db, content.id);
  const liveId = liveVersionId(versions, now);
  const base = adminBase(program);
  const token = csrfToken(c);
  const edit = can(roles, EDIT_ROLES);
  const approve = can(roles, APPROVE_ROLES);
  return adminPage(c, {
    title: sam('content.title', { kind: KIND_LABELS[content.kind], title: versions[0]?.titleJa ?? contentLabel(content) }),
    breadcrumbs: crumbs(program, { label: contentLabel(content) }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <Table
          caption={sam('content.versionsCaption')}
          columns={[
            { key: 'n', header: sam('content.version'), rowHeader: true },
            { key: 'title', header: sam('content.versionTitle') },
            { key: 'status', header: sam('content.status') },
            { key: 'at', header: sam('content.createdAt') },
            { key: 'actions', header: sam('content.actions') },
          ]}
          rows={versions.map((v) => ({
            n: `${sam('version.number', { n: v.number })}${v.restoredFrom ? sam('version.restored') : ''}`,
            title: v.titleJa,
            status: (
              <>
                <VersionStatusBadge v={v} live={v.id === liveId} now={now} />
                {v.note && <p>{sam('content.note', { note: v.note })}</p>}
              </>
            ),
            at: tokyoDateTime(v.createdAt),
            actions: (
              <>
                <p>
                  <a href={`${base}/versions/${v.id}/preview`}>{sam('content.preview')}</a> ／ <a href={`${base}/versions/${v.id}/preview?lang=en`}>{sam('content.previewEn')}</a>
                </p>
                {edit && (v.status === 'draft' || v.status === 'rejected') && (
                  <Form action={`${base}/versions/${v.id}/submit`} csrfToken={token}>
                    <Button size="sm">{sam('content.submit')}</Button>
                  </Form>
                )}
                {approve && v.status === 'pending' && (
                  <>
                    <Form action={`${base}/versions/${v.id}/approve`} csrfToken={token}>
                      <TextField
                        name="publishAt"
                        label={sam('content.publishAt')}
                        hint={sam('content.publishAtHint')}
                        width="md"
                        value={values?.publishAt ?? ''}
                        error={errorFor(errors, 'publishAt')}
                      />
                      <Button size="sm">{sam('content.approve')}</Button>
                    </Form>
                    <Form action={`${base}/versions/${v.id}/reject`} csrfToken={token}>
                      <TextArea name="note" label={sam('content.rejectNote')} rows={2} error={errorFor(errors, 'note')} />
                      <Button size="sm" variant="secondary">{sam('content.reject')}</Button>
                    </Form>
                  </>
                )}
                {edit && v.number !== versions[0]!.number && (
                  <Form action={`${base}/versions/${v.id}/restore`} csrfToken={token}>
                    <Button size="sm" variant="secondary">{sam('content.restore')}</Button>
                  </Form>
                )}
              </>
            ),
          }))}
        />
        {edit && (
          <>
            <h2 class="app-heading-2">{sam('content.newVersion')}</h2>
            <DraftForm
              c={c}
              action={`${base}/contents/${content.id}/drafts`}
              kind={content.kind}
              values={values ?? versionValues(versions[0])}
              errors={errors}
              currentImage={versions[0]?.imageData ? bannerImagePath(program.slug, versions[0].id) : undefined}
            />
          </>
        )}
      </>
    ),
  });
}

async function loadContent(c: AppContext, roles: Role[]) {
  const found = await staffCampaign(c, roles);
  const content = await findContent(c.get('deps').db, found.program.id, idParam(c));
  if (!content) throw new AppError('not-found');
  return { ...found, content };
}

siteAdmin.get('/site/:slug/contents/:id{[0-9]+}', async (c) => {
  const { program, roles, content } = await loadContent(c, READ_ROLES);
  return contentPage(c, program, roles, content);
});

siteAdmin.post('/site/:slug/contents/:id{[0-9]+}/drafts', async (c) => {
  const { program, roles, content } = await loadContent(c, EDIT_ROLES);
  const f = await formFields(c);
  const image = await imageChangeFrom(c, f);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveDraft(ctx, program, { contentId: content.id, image }, f),
    rerender: (errors, status) => contentPage(c, program, roles, content, f, errors, status),
    flash: sam('flash.draftSaved'),
    redirect: `${adminBase(program)}/contents/${content.id}`,
  });
});

async function loadVersion(c: AppContext, roles: Role[]) {
  const found = await staffCampaign(c, roles);
  const version = await findVersion(c.get('deps').db, found.program.id, idParam(c, 'vid'));
  if (!version) throw new AppError('not-found');
  return { ...found, version };
}

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/submit', async (c) => {
  const { program, roles, version } = await loadVersion(c, EDIT_ROLES);
  // No re-render: a refusal (409, the version changed meanwhile) is an error page that says why and links back.
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => submitVersion(ctx, program, version.id),
    flash: sam('flash.submitted'),
    redirect: `${adminBase(program)}/contents/${version.contentId}`,
  });
});

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/approve', async (c) => {
  const { program, roles, version } = await loadVersion(c, APPROVE_ROLES);
  const f = await formFields(c);
  const checked = publishAtSchema.safeParse(f.publishAt ?? '');
  if (!checked.success) {
    const content = (await findContent(c.get('deps').db, program.id, version.contentId))!;
    const message = checked.error.issues[0]?.message ?? sam('valid.publishAtInvalid');
    const latest = (await listVersions(c.get('deps').db, content.id))[0];
    return contentPage(c, program, roles, content, { ...versionValues(latest), publishAt: f.publishAt ?? '' }, [{ field: 'publishAt', message }], 422);
  }
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideVersion(ctx, program, version.id, { approve: true, publishAt: parsePublishAt(checked.data), note: f.note }),
    flash: sam('flash.approved'),
    redirect: `${adminBase(program)}/contents/${version.contentId}`,
  });
});

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/reject', async (c) => {
  const { program, roles, version } = await loadVersion(c, APPROVE_ROLES);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => decideVersion(ctx, program, version.id, { approve: false, note: f.note }),
    rerender: async (errors, status, e) => {
      // A missing reason comes back on the page; a decision made meanwhile (409) is an error page that says why and links back.
      if (e.code !== 'validation-failed') throw e;
      const content = (await findContent(c.get('deps').db, program.id, version.contentId))!;
      return contentPage(c, program, roles, content, undefined, errors, status);
    },
    flash: sam('flash.rejected'),
    redirect: `${adminBase(program)}/contents/${version.contentId}`,
  });
});

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/restore', async (c) => {
  const { program, roles, version } = await loadVersion(c, EDIT_ROLES);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveDraft(ctx, program, { contentId: version.contentId, restoredFrom: version.id, image: { kind: 'copy', type: version.imageType, data: version.imageData } }, versionValues(version)),
    flash: sam('flash.restored', { n: version.number }),
    redirect: `${adminBase(program)}/contents/${version.contentId}`,
  });
});

/** The draft exactly as it will look: the public page rendered with this version in place. */
siteAdmin.get('/site/:slug/versions/:vid{[0-9]+}/preview', async (c) => {
  const { program, version } = await loadVersion(c, READ_ROLES);
  const content = (await findContent(c.get('deps').db, program.id, version.contentId))!;
  if (c.req.query('lang') === 'en') c.set('locale', 'en');
  const draft = { content, version };
  let html: string;
  if (content.kind === 'page' && isPageKey(content.key)) html = await contentPageHtml(c, program, content.key, draft);
  else {
    const db = c.get('deps').db;
    const index = await siteIndexCache(db).get(db, program.id);
    html = await homePageHtml(c, program, index, draft);
  }
  const res = sendHtml(c, html);
  res.headers.set('Cache-Control', 'no-store');
  return res;
});
