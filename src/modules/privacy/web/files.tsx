import type { Child } from 'hono/jsx';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import type { Role } from '../../../platform/auth/schema.js';
import { Button, ErrorSummary, FileField, Form, Table, errorFor } from '../../../ui/index.js';
import { attachFile, viewFile } from '../files/commands.js';
import { fm } from '../files/messages.js';
import { latestHeldFile, listFiles } from '../files/queries.js';
import { FILE_MAX_BYTES, FILE_TYPES } from '../files/store.js';
import type { FileOwner } from '../schema.js';

/** One owner's files page: what it is about, the files (download links), and the upload form. */
export interface FilesPage {
  owner: FileOwner;
  ownerId: number;
  /** The page's own path: GET shows it, POST attaches, `/download?f=ID` gives a file. */
  path: string;
  title: string;
  intro: string;
  breadcrumbs: Array<{ label: string; href?: string }>;
  about: Child;
  canUpload: boolean;
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('ja-JP')} KB`;

export async function filesPage(c: AppContext, p: FilesPage, form: { errors: FieldError[]; status: number } = { errors: [], status: 200 }) {
  const files = await listFiles(c.get('deps').db, p.owner, p.ownerId);
  return adminPage(c, {
    title: p.title,
    breadcrumbs: p.breadcrumbs,
    notice: form.errors.length ? <ErrorSummary errors={form.errors} /> : undefined,
    hasErrors: form.errors.length > 0,
    status: form.status,
    children: (
      <>
        <p>{p.intro}</p>
        {p.about}
        <Table
          caption={p.title}
          columns={[
            { key: 'file', header: fm('col.file'), rowHeader: true },
            { key: 'type', header: fm('col.type') },
            { key: 'size', header: fm('col.size') },
            { key: 'at', header: fm('col.uploadedAt') },
            { key: 'state', header: fm('col.state') },
          ]}
          rows={files.map((f) => ({
            file: f.removedAt ? `No.${f.id}` : <a href={`${p.path}/download?f=${f.id}`}>{`No.${f.id}（${fm('download')}）`}</a>,
            type: f.type.toUpperCase(),
            size: kb(f.size),
            at: tokyoDateTime(f.uploadedAt),
            state: f.removedAt ? (f.removedReason === 'program-erased' ? fm('erased') : fm('removed', { at: tokyoDateTime(f.removedAt) })) : fm('held'),
          }))}
          emptyMessage={fm('empty')}
        />
        {p.canUpload ? (
          <Form action={p.path} csrfToken={csrfToken(c)} enctype="multipart/form-data">
            <FileField name="file" label={fm('field')} accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" error={errorFor(form.errors, 'file')} required />
            <Button>{fm('upload')}</Button>
          </Form>
        ) : null}
      </>
    ),
  });
}

/** The uploaded file of the form (field `file`), whole; null when none was chosen. */
export async function uploaded(c: AppContext): Promise<Buffer | null> {
  const v = (await c.req.parseBody({ all: true }))['file'];
  const first = Array.isArray(v) ? v[0] : v;
  return first instanceof File && first.size > 0 ? Buffer.from(await first.arrayBuffer()) : null;
}

/** POST of a files page: attach, then back to the page (re-rendered with the error when refused). */
export async function postFile(c: AppContext, p: FilesPage, roles: Role[]) {
  const bytes = await uploaded(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => attachFile(ctx, p.owner, p.ownerId, bytes),
    rerender: (errors, status) => filesPage(c, p, { errors, status }),
    flash: fm('flashAttached'),
    redirect: p.path,
  });
}

/**
 * GET `…/download?f=ID` (without `f`: the latest file still held): the file, decrypted; audited as a
 * view of personal data (and so gated by the roster).
 */
export async function downloadFile(c: AppContext, owner: FileOwner, ownerId: number, roles: Role[]) {
  const f = c.req.query('f');
  const fileId = f === undefined ? (await latestHeldFile(c.get('deps').db, owner, ownerId)) : Number(f);
  if (!fileId || !Number.isSafeInteger(fileId) || fileId <= 0) throw new AppError('not-found');
  const { file, bytes } = await runAs(c, primaryRole(roles), (ctx) => viewFile(ctx, owner, ownerId, fileId));
  const name = fm('fileName', { kind: owner === 'staff' ? 'pledge' : 'handover', id: file.id, ext: file.type === 'jpeg' ? 'jpg' : file.type });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': FILE_TYPES[file.type],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

export const FILES_INTRO_MB = FILE_MAX_BYTES / 1024 / 1024;
