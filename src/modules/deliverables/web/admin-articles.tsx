import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, errorFor, FileField, Form, TextArea, TextField } from '../../../ui/index.js';
import { textDiff } from '../articles/diff.js';
import { BODY_MAX, BODY_MIN, charCount } from '../articles/length.js';
import { MAX_PHOTOS, PHOTO_MAX_BYTES } from '../commands/article-photos.js';
import { publishArticle } from '../commands/publish-article.js';
import { saveArticle } from '../commands/save-article.js';
import { dm } from '../messages.js';
import { findArticleByHearing, findDeliverable, findHearing, findVersion, listArticlePhotos, listVersions } from '../queries.js';
import type { Hearing } from '../schema.js';
import { itemPath, listPath } from './admin-list.js';
import { loadDeliverable, numberParam, READ, RUN } from './load.js';

export const articlesAdmin = new Hono<AppEnv>();

export const articlePath = (hid: number) => `/admin/deliverables/hearings/${hid}/article`;

/** The heard group named by `:hid`, after checking the role in its program (404 across programs). */
export async function loadHearing(c: AppContext) {
  const hearing = await findHearing(c.get('deps').db, numberParam(c, 'hid'));
  if (!hearing) throw new AppError('not-found');
  const { program, roles } = await requireProgramRoleById(c, hearing.programId, RUN);
  return { hearing, program, roles };
}

/** The count line: the same text the page's script keeps live while typing (app.js, data-char-count). */
function CharCount({ body }: { body: string }) {
  const n = charCount(body);
  const outside = n < BODY_MIN || n > BODY_MAX;
  const template = dm('article.count', { n: '{n}', min: BODY_MIN, max: BODY_MAX });
  return (
    <p class={outside ? 'app-char-count app-char-count--warn' : 'app-char-count'} aria-live="polite" data-char-count="body" data-template={template} data-min={String(BODY_MIN)} data-max={String(BODY_MAX)} data-warning={dm('article.countWarning')}>
      {template.replace('{n}', String(n)) + (outside && body ? dm('article.countWarning') : '')}
    </p>
  );
}

export interface ArticlePageState {
  values?: Record<string, string>;
  errors?: FieldError[];
  status?: number;
}

/** The article editor: the text (with its live count), the photos, and its publication. */
export async function articlePage(c: AppContext, program: Program, hearing: Hearing, state: ArticlePageState = {}): Promise<Response> {
  const db = c.get('deps').db;
  const errors = state.errors ?? [];
  const article = await findArticleByHearing(db, hearing.id);
  const values = state.values ?? (article ? { title: article.title, speakerTitle: article.speakerTitle, body: article.body } : {});
  const photos = await listArticlePhotos(db, hearing.id);
  const deliverable = article?.deliverableId ? await findDeliverable(db, article.deliverableId) : undefined;
  const token = csrfToken(c);
  const base = `/admin/deliverables/hearings/${hearing.id}`;
  const publicUrl = article ? `/${program.slug}/articles/${article.id}` : '';
  return adminPage(c, {
    title: dm('article.title', { name: hearing.groupName }),
    status: state.status,
    hasErrors: errors.length > 0,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: dm('hearing.tool'), href: `/admin/deliverables/${program.slug}/hearings` }, { label: dm('article.title', { name: hearing.groupName }) }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        {deliverable && (
          <p>
            <a href={itemPath(deliverable.id)}>{dm('article.proof', { title: deliverable.title })}</a>（{dm(`status.${deliverable.status}`)}）
          </p>
        )}
        <Form action={articlePath(hearing.id)} csrfToken={token}>
          <TextArea name="title" label={dm('article.fieldTitle')} required rows={2} value={values.title} error={errorFor(errors, 'title')} />
          <TextField name="speakerTitle" label={dm('article.speaker')} value={values.speakerTitle} width="full" error={errorFor(errors, 'speakerTitle')} />
          <TextArea name="body" label={dm('article.body')} required rows={20} value={values.body} error={errorFor(errors, 'body')} />
          <CharCount body={values.body ?? ''} />
          <Button>{dm('article.save')}</Button>
        </Form>
        <h2>{dm('article.photos')}</h2>
        {photos.length === 0 && <p>{dm('article.noPhotos')}</p>}
        {photos.map((p, i) => (
          <section class="deliverable-photo" aria-labelledby={`photo-${p.id}`}>
            <h3 id={`photo-${p.id}`}>{dm('article.photoN', { n: i + 1 })}</h3>
            <img src={`${base}/photos/${p.id}`} alt={p.alt} width="320" loading="lazy" />
            <Form action={`${base}/photos/${p.id}`} csrfToken={token}>
              <TextField name={`alt-${p.id}`} label={dm('article.photoAlt')} required width="full" value={state.values?.[`alt-${p.id}`] ?? p.alt} error={errorFor(errors, `alt-${p.id}`)} />
              <TextField name={`caption-${p.id}`} label={dm('article.photoCaption')} width="full" value={state.values?.[`caption-${p.id}`] ?? p.caption} error={errorFor(errors, `caption-${p.id}`)} />
              <Button variant="secondary">{dm('article.photoSave')}</Button>
            </Form>
            <Form action={`${base}/photos/${p.id}`} csrfToken={token}>
              <input type="hidden" name="remove" value="1" />
              <Button variant="tertiary">{dm('article.photoRemove')}</Button>
            </Form>
          </section>
        ))}
        {photos.length < MAX_PHOTOS && (
          <Form action={`${base}/photos`} csrfToken={token} enctype="multipart/form-data">
            <FileField name="file" label={dm('article.photoFile', { mb: PHOTO_MAX_BYTES / 1024 / 1024 })} required error={errorFor(errors, 'file')} />
            <TextField name="alt" label={dm('article.photoAlt')} hint={dm('article.photoAltHint')} required width="full" value={state.values?.['alt']} error={errorFor(errors, 'alt')} />
            <TextField name="caption" label={dm('article.photoCaption')} width="full" value={state.values?.['caption']} error={errorFor(errors, 'caption')} />
            <Button variant="secondary">{dm('article.photoAdd')}</Button>
          </Form>
        )}
        <h2>{dm('article.publication')}</h2>
        {article?.publishedAt && article.published ? (
          <>
            <p>
              {dm('article.published', { when: tokyoDateTime(article.publishedAt), version: article.published.version })}
              <a href={publicUrl}>{publicUrl}</a>
            </p>
            <Form action={`${articlePath(hearing.id)}/publish`} csrfToken={token}>
              <input type="hidden" name="publish" value="0" />
              <Button variant="secondary">{dm('article.unpublish')}</Button>
            </Form>
          </>
        ) : (
          <p>{dm('article.notPublished')}</p>
        )}
        {article && (
          <Form action={`${articlePath(hearing.id)}/publish`} csrfToken={token}>
            <input type="hidden" name="publish" value="1" />
            <Button>{dm('article.publish')}</Button>
          </Form>
        )}
      </>
    ),
  });
}

articlesAdmin.get('/deliverables/hearings/:hid/article', async (c) => {
  const { hearing, program } = await loadHearing(c);
  return articlePage(c, program, hearing);
});

articlesAdmin.post('/deliverables/hearings/:hid/article', async (c) => {
  const { hearing, program, roles } = await loadHearing(c);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveArticle(ctx, hearing.id, f),
    rerender: (errors, status) => articlePage(c, program, hearing, { values: f, errors, status }),
    flash: (r) => `${dm('article.saved', { n: r.version.number })}${r.warning ? `（${r.warning}）` : ''}`,
    redirect: articlePath(hearing.id),
  });
});

/** Publishes the approved article on the program's public pages (`publish=1`) or withdraws it (`publish=0`). */
articlesAdmin.post('/deliverables/hearings/:hid/article/publish', async (c) => {
  const { hearing, program, roles } = await loadHearing(c);
  const f = await formFields(c);
  const publish = f['publish'] !== '0';
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => publishArticle(ctx, hearing.id, publish),
    rerender: (errors, status) => articlePage(c, program, hearing, { errors, status }),
    flash: dm(publish ? 'article.publishedFlash' : 'article.unpublishedFlash'),
    redirect: articlePath(hearing.id),
  });
});

/** The text diff between two versions that carry text (articles): what the City changed. */
articlesAdmin.get('/deliverables/items/:id/diff', async (c) => {
  const { deliverable, program } = await loadDeliverable(c, READ);
  const db = c.get('deps').db;
  const withText = (await listVersions(db, deliverable.id)).filter((v) => v.text !== null);
  const pick = async (q: string | undefined, fallback: number) => (q && /^\d{1,6}$/.test(q) ? await findVersion(db, deliverable.id, Number(q)) : withText.at(fallback));
  const a = await pick(c.req.query('a'), -2);
  const b = await pick(c.req.query('b'), -1);
  const parts = a?.text != null && b?.text != null ? textDiff(a.text, b.text) : null;
  return adminPage(c, {
    title: `本文の差分：${deliverable.title}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: deliverable.title, href: itemPath(deliverable.id) }, { label: '本文の差分' }],
    children: parts ? (
      <>
        <p>
          第{a!.number}版 → 第{b!.number}版（削除は取り消し線、追加は下線）
        </p>
        <pre class="deliverable-diff">{parts.map((p) => (p.op === 'same' ? p.text : p.op === 'del' ? <del>{p.text}</del> : <ins>{p.text}</ins>))}</pre>
      </>
    ) : (
      <p>比較できる本文つきの版が2つありません。</p>
    ),
  });
});
