import { Hono } from 'hono';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, ErrorSummary, errorFor, Form, TextArea, TextField } from '../../../ui/index.js';
import { textDiff } from '../articles/diff.js';
import { BODY_MAX, BODY_MIN, bodyLengthWarning, charCount } from '../articles/length.js';
import { saveArticle } from '../commands/save-article.js';
import { findArticleByHearing, findHearing, findVersion, listVersions } from '../queries.js';
import type { Hearing } from '../schema.js';
import { itemPath, listPath } from './admin-list.js';
import { loadDeliverable, numberParam, READ, RUN } from './load.js';

export const articlesAdmin = new Hono<AppEnv>();

const articlePath = (hid: number) => `/admin/deliverables/hearings/${hid}/article`;

async function loadHearing(c: AppContext) {
  const hearing = await findHearing(c.get('deps').db, numberParam(c, 'hid'));
  if (!hearing) throw new AppError('not-found');
  const { program, roles } = await requireProgramRoleById(c, hearing.programId, RUN);
  return { hearing, program, roles };
}

function articleForm(c: AppContext, program: Program, hearing: Hearing, values: Record<string, string>, errors: FieldError[] = [], status?: number) {
  const count = charCount(values.body ?? '');
  const warning = values.body ? bodyLengthWarning(values.body) : null;
  return adminPage(c, {
    title: `記事：${hearing.groupName}`,
    status,
    hasErrors: errors.length > 0,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: `記事：${hearing.groupName}` }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <p>
          本文 {count} 字（目安 約1,500字、{BODY_MIN}〜{BODY_MAX}字）{warning ? `：${warning}` : ''}
        </p>
        <Form action={articlePath(hearing.id)} csrfToken={csrfToken(c)}>
          <TextArea name="title" label="タイトル（1〜2行、60字以内）" required rows={2} value={values.title} error={errorFor(errors, 'title')} />
          <TextField name="speakerTitle" label="話し手の肩書" value={values.speakerTitle} width="full" error={errorFor(errors, 'speakerTitle')} />
          <TextArea name="body" label="本文" required rows={20} value={values.body} error={errorFor(errors, 'body')} />
          <Button>保存して成果物「ヒアリング記事」の新しい版にする</Button>
        </Form>
      </>
    ),
  });
}

articlesAdmin.get('/deliverables/hearings/:hid/article', async (c) => {
  const { hearing, program } = await loadHearing(c);
  const a = await findArticleByHearing(c.get('deps').db, hearing.id);
  return articleForm(c, program, hearing, a ? { title: a.title, speakerTitle: a.speakerTitle, body: a.body } : {});
});

articlesAdmin.post('/deliverables/hearings/:hid/article', async (c) => {
  const { hearing, program, roles } = await loadHearing(c);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => saveArticle(ctx, hearing.id, f),
    rerender: (errors, status) => articleForm(c, program, hearing, f, errors, status),
    flash: (r) => `第${r.version.number}版として登録しました。${r.warning ? `（${r.warning}）` : ''}`,
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
