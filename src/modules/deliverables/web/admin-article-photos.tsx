import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { formKitMessages } from '../../../platform/http/messages.js';
import { runAs } from '../../../platform/http/run-as.js';
import { addArticlePhoto, PHOTO_MAX_BYTES, updateArticlePhoto } from '../commands/article-photos.js';
import { openSealedFile } from '../files/sealed-bytes.js';
import { dm } from '../messages.js';
import { findArticlePhoto } from '../queries.js';
import { articlePage, articlePath, loadHearing } from './admin-articles.js';
import { numberParam } from './load.js';
import { recordStreamed } from './upload.js';

const SHOWN = new Set(['validation-failed', 'payload-too-large', 'unsupported-media-type', 'conflict']);

export const articlePhotosAdmin = new Hono<AppEnv>();

/** Adds a photo (streamed multipart `file`, `alt`, `caption`; one-time key claimed). */
articlePhotosAdmin.post('/deliverables/hearings/:hid/photos', async (c) => {
  const { hearing, program, roles } = await loadHearing(c);
  const location = articlePath(hearing.id);
  let fields: Record<string, string> = {};
  try {
    const r = await recordStreamed(c, {
      roles,
      programId: program.id,
      limit: PHOTO_MAX_BYTES,
      tooLarge: dm('err.photoTooLarge', { mb: PHOTO_MAX_BYTES / 1024 / 1024 }),
      location,
      run: (ctx, stored, f) => {
        fields = f;
        return addArticlePhoto(ctx, hearing.id, stored, f);
      },
    });
    setFlash(c, r.replayed ? { kind: 'info', message: formKitMessages('ja', 'alreadyDone') } : { kind: 'success', message: dm('article.photoAdded') });
    return c.redirect((r.replayed ? r.location : null) ?? location, 303);
  } catch (e) {
    if (!isAppError(e) || !SHOWN.has(e.code)) throw e;
    const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: 'file', message: e.message }];
    return articlePage(c, program, hearing, { values: { alt: fields['alt'] ?? '', caption: fields['caption'] ?? '' }, errors, status: e.status });
  }
});

/** Changes a photo's alt text and caption (`alt-ID`, `caption-ID`), or takes it out (`remove=1`). */
articlePhotosAdmin.post('/deliverables/hearings/:hid/photos/:pid', async (c) => {
  const { hearing, program, roles } = await loadHearing(c);
  const photoId = numberParam(c, 'pid');
  if (!(await findArticlePhoto(c.get('deps').db, hearing.id, photoId))) throw new AppError('not-found');
  const f = await formFields(c);
  const remove = f['remove'] === '1';
  return submitForm(c, {
    role: primaryRole(roles),
    run: async (ctx) => {
      try {
        return await updateArticlePhoto(ctx, hearing.id, photoId, remove ? { remove: '1' } : { alt: f[`alt-${photoId}`], caption: f[`caption-${photoId}`] });
      } catch (e) {
        // The fields on the page carry the photo's id in their names.
        if (isAppError(e)) e.fieldErrors.forEach((fe) => (fe.field = `${fe.field}-${photoId}`));
        throw e;
      }
    },
    rerender: (errors, status) => articlePage(c, program, hearing, { values: f, errors, status }),
    flash: dm(remove ? 'article.photoRemoved' : 'article.photoSaved'),
    redirect: articlePath(hearing.id),
  });
});

/** The photo itself, for the editor (audited: it may show people). */
articlePhotosAdmin.get('/deliverables/hearings/:hid/photos/:pid', async (c) => {
  const { hearing, roles } = await loadHearing(c);
  const photo = await findArticlePhoto(c.get('deps').db, hearing.id, numberParam(c, 'pid'));
  if (!photo) throw new AppError('not-found');
  const stream = await runAs(c, primaryRole(roles), async (ctx) => {
    ctx.audit({ action: 'deliverables.article.photo_viewed', programId: hearing.programId, targetType: 'deliverable_hearing', targetId: String(hearing.id), diff: { photo: photo.id } });
    return openSealedFile(ctx.deps, ctx.tx, hearing.programId, photo);
  });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: { 'Content-Type': photo.contentType, 'Content-Length': String(photo.size), 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' },
  });
});
