import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { AppError, isAppError } from '../../../platform/errors/index.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formKitMessages } from '../../../platform/http/messages.js';
import { formFields } from '../../../platform/http/form.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { contentDisposition } from '../../../platform/exports/index.js';
import { answerRound } from '../commands/answer-round.js';
import { confirmReceipt, recordDelivery } from '../commands/record-delivery.js';
import { sendRound } from '../commands/send-round.js';
import { updateDeliverable } from '../commands/update-deliverable.js';
import { dm } from '../messages.js';
import { findRound, findVersion, listRounds } from '../queries.js';
import { itemPage } from './admin-item.js';
import { hearingsAdmin } from './admin-hearings.js';
import { articlesAdmin } from './admin-articles.js';
import { articlePhotosAdmin } from './admin-article-photos.js';
import { itemPath, listPage } from './admin-list.js';
import { comparePage } from './admin-compare.js';
import { openVersion } from './files.js';
import { CITY, loadDeliverable, numberParam, READ, registerProgram, RUN } from './load.js';
import { pageImage } from './page-image.js';
import { trailResponse } from './trail.js';
import { receiveVersion } from './upload.js';

/** Back-office pages of the register, one deliverable, its files and page images. */
export const deliverablesAdmin = new Hono<AppEnv>();
deliverablesAdmin.route('/', hearingsAdmin);
deliverablesAdmin.route('/', articlesAdmin);
deliverablesAdmin.route('/', articlePhotosAdmin);

deliverablesAdmin.get('/deliverables/:slug', async (c) => {
  const { program } = await registerProgram(c, READ);
  return listPage(c, program);
});

deliverablesAdmin.get('/deliverables/items/:id', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, READ);
  return itemPage(c, program, deliverable, roles);
});

const SHOWN = new Set(['validation-failed', 'payload-too-large', 'unsupported-media-type', 'conflict']);

deliverablesAdmin.post('/deliverables/items/:id/versions', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, RUN);
  try {
    const received = await receiveVersion(c, { location: itemPath(deliverable.id) });
    if (received.replayed) {
      setFlash(c, { kind: 'info', message: formKitMessages('ja', 'alreadyDone') });
      return c.redirect(received.location ?? itemPath(deliverable.id), 303);
    }
    setFlash(c, { kind: 'success', message: dm('flash.uploaded', { n: received.result.number }) });
    return c.redirect(itemPath(deliverable.id), 303);
  } catch (e) {
    if (!isAppError(e) || !SHOWN.has(e.code)) throw e;
    const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: 'file', message: e.message }];
    return itemPage(c, program, deliverable, roles, { errors, status: e.status });
  }
});

deliverablesAdmin.post('/deliverables/items/:id/rounds', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, RUN);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => sendRound(ctx, deliverable.id, f),
    rerender: (errors, status) => itemPage(c, program, deliverable, roles, { errors, status, values: f }),
    flash: (r) => dm('flash.sent', { n: r.number }),
    redirect: itemPath(deliverable.id),
  });
});

deliverablesAdmin.post('/deliverables/items/:id/rounds/:round/answer', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, CITY);
  const n = numberParam(c, 'round');
  const f = await formFields(c);
  const pct = (s: string | undefined) => (s && s.trim() !== '' ? Number(s.trim()) / 100 : undefined);
  const comment = (f.comment ?? '').trim();
  const body = {
    decision: f.decision,
    comments: comment ? [{ text: comment, page: f.page?.trim() ? f.page.trim() : undefined, x: pct(f.x), y: pct(f.y) }] : [],
    reason: f.reason,
  };
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => answerRound(ctx, deliverable.id, n, body),
    rerender: (errors, status) => itemPage(c, program, deliverable, roles, { errors, status, values: f }),
    flash: dm('flash.answered'),
    redirect: itemPath(deliverable.id),
  });
});

deliverablesAdmin.post('/deliverables/items/:id/delivery', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, RUN);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => recordDelivery(ctx, deliverable.id, f),
    rerender: (errors, status) => itemPage(c, program, deliverable, roles, { errors, status, values: f }),
    flash: dm('flash.delivered'),
    redirect: itemPath(deliverable.id),
  });
});

deliverablesAdmin.post('/deliverables/items/:id/receipt', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, CITY);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => confirmReceipt(ctx, deliverable.id),
    rerender: (errors, status) => itemPage(c, program, deliverable, roles, { errors, status }),
    flash: dm('flash.received'),
    redirect: itemPath(deliverable.id),
  });
});

deliverablesAdmin.post('/deliverables/items/:id/edit', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, RUN);
  const f = await formFields(c);
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => updateDeliverable(ctx, deliverable.id, f),
    rerender: (errors, status) => itemPage(c, program, deliverable, roles, { errors, status, values: { ...f, editNote: f.note ?? '' } }),
    flash: dm('flash.saved'),
    redirect: itemPath(deliverable.id),
  });
});

deliverablesAdmin.get('/deliverables/items/:id/trail.pdf', async (c) => {
  const { deliverable, program } = await loadDeliverable(c, READ);
  return trailResponse(c, program, deliverable);
});

/** A version's file, decrypted as it streams (audited). */
deliverablesAdmin.get('/deliverables/items/:id/versions/:n/file', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, READ);
  const v = await findVersion(c.get('deps').db, deliverable.id, numberParam(c, 'n'));
  if (!v) throw new AppError('not-found');
  const stream = await openVersion(c, roles, deliverable, v, { kind: 'download' });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: { 'Content-Type': v.contentType, 'Content-Length': String(v.size), 'Content-Disposition': contentDisposition(v.filename), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
});

/** One page of a PDF version as PNG. */
deliverablesAdmin.get('/deliverables/items/:id/versions/:n/pages/:page', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, READ);
  const v = await findVersion(c.get('deps').db, deliverable.id, numberParam(c, 'n'));
  if (!v || v.contentType !== 'application/pdf') throw new AppError('not-found');
  return pageImage(c, roles, deliverable, v, numberParam(c, 'page'), []);
});

/** One page of the version a round sent, with the City's pinned comments as numbered markers (SVG). */
deliverablesAdmin.get('/deliverables/items/:id/rounds/:round/pages/:page', async (c) => {
  const { deliverable, roles } = await loadDeliverable(c, READ);
  const db = c.get('deps').db;
  const round = await findRound(db, deliverable.id, numberParam(c, 'round'));
  if (!round) throw new AppError('not-found');
  const view = (await listRounds(db, deliverable.id)).find((r) => r.id === round.id)!;
  const v = await findVersion(db, deliverable.id, view.versionNumber);
  if (!v || v.contentType !== 'application/pdf') throw new AppError('not-found');
  const page = numberParam(c, 'page');
  const pins = view.comments.map((cm, i) => ({ n: i + 1, page: cm.page, x: cm.x, y: cm.y })).filter((p) => p.page === page && p.x !== null && p.y !== null) as Array<{ n: number; x: number; y: number }>;
  return pageImage(c, roles, deliverable, v, page, pins, dm('item.pageImage', { n: round.number, page }));
});

/** Two PDF versions side by side, page by page. */
deliverablesAdmin.get('/deliverables/items/:id/compare', async (c) => {
  const { deliverable, program, roles } = await loadDeliverable(c, READ);
  return comparePage(c, program, deliverable, roles);
});
