import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ButtonLink, ErrorSummary, Form, Table, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import type { Program } from '../../../platform/programs/schema.js';
import { decideVersion } from '../commands/decide-version.js';
import { saveDraft } from '../commands/save-draft.js';
import { submitVersion } from '../commands/submit-version.js';
import { PAGE_KEYS, isPageKey } from '../defaults.js';
import { findContent, findVersion, listContents, listVersions } from '../queries.js';
import { CONTENT_KINDS, type ContentKind, type SiteContent } from '../schema.js';
import { parsePublishAt, publishAtSchema } from '../validators.js';
import { DraftForm, KIND_LABELS, PAGE_LABELS, VersionStatusBadge, adminBase, liveVersionId, versionValues } from './admin-views.js';
import { contentPageHtml } from './content-page.js';
import { periodOf } from './format.js';
import { homePageHtml } from './home-page.js';
import { sendHtml } from './layout.js';
import { APPROVE_ROLES, EDIT_ROLES, READ_ROLES, staffCampaign } from './load.js';
import { siteIndexCache } from '../search/index-cache.js';
import { bannerImagePath, type ImageChange } from '../banner-image.js';
import { ensurePresetBanners } from './presets.js';

export const siteAdmin = new Hono<AppEnv>();

const crumbs = (p: Program, ...more: Array<{ label: string; href?: string }>) => [{ label: 'ホーム', href: '/admin' }, { label: `${p.name}：サイト`, href: adminBase(p) }, ...more];
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
      kind: ct.kind === 'banner' && latest ? `${KIND_LABELS[ct.kind]}（表示順 ${latest.sortOrder}）` : KIND_LABELS[ct.kind],
      title: <a href={`${adminBase(program)}/contents/${ct.id}`}>{latest ? `${contentLabel(ct)}：${latest.titleJa}` : contentLabel(ct)}</a>,
      status: latest ? <VersionStatusBadge v={latest} live={latest.id === liveId} now={now} /> : '—',
      live: liveId ? `第${versions.find((v) => v.id === liveId)!.number}版` : '未公開',
    });
  }
  const missingPages = PAGE_KEYS.filter((k) => !contents.some((ct) => ct.kind === 'page' && ct.key === k));
  return adminPage(c, {
    title: `${program.name}：サイトの内容`,
    breadcrumbs: crumbs(program, { label: 'サイト' }),
    children: (
      <>
        <p>
          公開ページ：<a href={`/${program.slug}`}>/{program.slug}</a>。編集した内容は、発注者（city）の承認を受けるまで公開されません。
        </p>
        <Table
          caption="ページ・お知らせ・バナー"
          columns={[
            { key: 'title', header: '内容', rowHeader: true },
            { key: 'kind', header: '種類' },
            { key: 'status', header: '最新版の状態' },
            { key: 'live', header: '公開中の版' },
          ]}
          rows={rows}
          emptyMessage="まだ編集された内容はありません（既定の文面を表示中）"
        />
        {can(roles, EDIT_ROLES) && (
          <>
            <h2 class="app-heading-2">新しく作る</h2>
            <ul>
              <li>
                <a href={`${adminBase(program)}/new?kind=news`}>お知らせを作る</a>
              </li>
              <li>
                <a href={`${adminBase(program)}/new?kind=banner`}>バナーを作る</a>
              </li>
              {missingPages.map((k) => (
                <li>
                  <a href={`${adminBase(program)}/new?kind=page&key=${k}`}>ページ「{PAGE_LABELS[k]}」を編集する（現在は既定の文面）</a>
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
    title: `${KIND_LABELS[kind]}${kind === 'page' && values.key ? `「${PAGE_LABELS[values.key]}」` : ''}を作る`,
    breadcrumbs: crumbs(program, { label: '新規作成' }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: <DraftForm c={c} action={`${adminBase(program)}/contents`} kind={kind} values={values} errors={errors} />,
  });
}

function kindOf(v: string | undefined): ContentKind {
  if (!v || !(CONTENT_KINDS as readonly string[]).includes(v)) throw new AppError('not-found');
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
  try {
    const image = await imageChangeFrom(c, f);
    const v = await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveDraft(ctx, program, { kind, key: f.key, image }, f));
    setFlash(c, { kind: 'success', message: '下書きを保存しました。プレビューで確認してから承認を依頼してください' });
    return c.redirect(`${adminBase(program)}/contents/${v.contentId}`, 303);
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return newPage(c, program, kind, f, e.fieldErrors, 422);
    throw e;
  }
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
    title: `${KIND_LABELS[content.kind]}：${versions[0]?.titleJa ?? contentLabel(content)}`,
    breadcrumbs: crumbs(program, { label: contentLabel(content) }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <Table
          caption="版の履歴（すべての版を保存しています）"
          columns={[
            { key: 'n', header: '版', rowHeader: true },
            { key: 'title', header: 'タイトル' },
            { key: 'status', header: '状態' },
            { key: 'at', header: '作成日時' },
            { key: 'actions', header: '操作' },
          ]}
          rows={versions.map((v) => ({
            n: `第${v.number}版${v.restoredFrom ? '（復元）' : ''}`,
            title: v.titleJa,
            status: (
              <>
                <VersionStatusBadge v={v} live={v.id === liveId} now={now} />
                {v.note && <p>理由・コメント：{v.note}</p>}
              </>
            ),
            at: tokyoDateTime(v.createdAt),
            actions: (
              <>
                <p>
                  <a href={`${base}/versions/${v.id}/preview`}>プレビュー</a> ／ <a href={`${base}/versions/${v.id}/preview?lang=en`}>英語</a>
                </p>
                {edit && (v.status === 'draft' || v.status === 'rejected') && (
                  <Form action={`${base}/versions/${v.id}/submit`} csrfToken={token}>
                    <Button size="sm">承認を依頼する</Button>
                  </Form>
                )}
                {approve && v.status === 'pending' && (
                  <>
                    <Form action={`${base}/versions/${v.id}/approve`} csrfToken={token}>
                      <TextField
                        name="publishAt"
                        label="公開日時"
                        hint="2026-06-01T09:00 のように YYYY-MM-DDTHH:MM（日本時間）。空欄なら承認と同時に公開"
                        width="md"
                        value={values?.publishAt ?? ''}
                        error={errorFor(errors, 'publishAt')}
                      />
                      <Button size="sm">承認する</Button>
                    </Form>
                    <Form action={`${base}/versions/${v.id}/reject`} csrfToken={token}>
                      <TextArea name="note" label="差し戻しの理由" rows={2} />
                      <Button size="sm" variant="secondary">差し戻す</Button>
                    </Form>
                  </>
                )}
                {edit && v.number !== versions[0]!.number && (
                  <Form action={`${base}/versions/${v.id}/restore`} csrfToken={token}>
                    <Button size="sm" variant="secondary">この版を下書きとして復元する</Button>
                  </Form>
                )}
              </>
            ),
          }))}
        />
        {edit && (
          <>
            <h2 class="app-heading-2">新しい版を作る</h2>
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
  const content = await findContent(c.get('deps').db, found.program.id, Number(c.req.param('id')));
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
  try {
    const image = await imageChangeFrom(c, f);
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveDraft(ctx, program, { contentId: content.id, image }, f));
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return contentPage(c, program, roles, content, f, e.fieldErrors, 422);
    throw e;
  }
  setFlash(c, { kind: 'success', message: '下書きを保存しました' });
  return c.redirect(`${adminBase(program)}/contents/${content.id}`, 303);
});

async function loadVersion(c: AppContext, roles: Role[]) {
  const found = await staffCampaign(c, roles);
  const version = await findVersion(c.get('deps').db, found.program.id, Number(c.req.param('vid')));
  if (!version) throw new AppError('not-found');
  return { ...found, version };
}

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/submit', async (c) => {
  const { program, roles, version } = await loadVersion(c, EDIT_ROLES);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => submitVersion(ctx, program, version.id));
  setFlash(c, { kind: 'success', message: '発注者に承認を依頼しました' });
  return c.redirect(`${adminBase(program)}/contents/${version.contentId}`, 303);
});

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/approve', async (c) => {
  const { program, roles, version } = await loadVersion(c, APPROVE_ROLES);
  const f = await formFields(c);
  const checked = publishAtSchema.safeParse(f.publishAt ?? '');
  if (!checked.success) {
    const content = (await findContent(c.get('deps').db, program.id, version.contentId))!;
    const message = checked.error.issues[0]?.message ?? '公開日時が正しくありません';
    const latest = (await listVersions(c.get('deps').db, content.id))[0];
    return contentPage(c, program, roles, content, { ...versionValues(latest), publishAt: f.publishAt ?? '' }, [{ field: 'publishAt', message }], 422);
  }
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => decideVersion(ctx, program, version.id, { approve: true, publishAt: parsePublishAt(checked.data), note: f.note }));
  setFlash(c, { kind: 'success', message: '承認しました' });
  return c.redirect(`${adminBase(program)}/contents/${version.contentId}`, 303);
});

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/reject', async (c) => {
  const { program, roles, version } = await loadVersion(c, APPROVE_ROLES);
  const f = await formFields(c);
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => decideVersion(ctx, program, version.id, { approve: false, note: f.note }));
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) {
      const content = (await findContent(c.get('deps').db, program.id, version.contentId))!;
      return contentPage(c, program, roles, content, undefined, e.fieldErrors, 422);
    }
    throw e;
  }
  setFlash(c, { kind: 'success', message: '差し戻しました' });
  return c.redirect(`${adminBase(program)}/contents/${version.contentId}`, 303);
});

siteAdmin.post('/site/:slug/versions/:vid{[0-9]+}/restore', async (c) => {
  const { program, roles, version } = await loadVersion(c, EDIT_ROLES);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveDraft(ctx, program, { contentId: version.contentId, restoredFrom: version.id, image: { kind: 'copy', type: version.imageType, data: version.imageData } }, versionValues(version)));
  setFlash(c, { kind: 'success', message: `第${version.number}版を新しい下書きとして復元しました。承認を依頼すると公開されます` });
  return c.redirect(`${adminBase(program)}/contents/${version.contentId}`, 303);
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
    html = await homePageHtml(c, program, periodOf(c.get('locale'), program), index, draft);
  }
  const res = sendHtml(c, html);
  res.headers.set('Cache-Control', 'no-store');
  return res;
});
