import type { Hono } from 'hono';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import type { Deps } from '../../platform/deps.js';
import { recordVersion } from './commands/record-version.js';
import { sendRound } from './commands/send-round.js';
import { newStorageKey, receiveFile } from './files/intake.js';
import { fileStoreFor } from './files/store.js';
import { deliverables } from './schema.js';
import type { AppEnv } from '../../platform/http/env.js';
import { pdfToBuffer } from '../../platform/pdf/index.js';

/** A real PDF of `pages` A4 pages, each saying its number (for page images and pdftotext). */
export function samplePdf(pages = 2, label = '校正テスト'): Promise<Buffer> {
  return pdfToBuffer((doc) => {
    for (let i = 1; i <= pages; i++) {
      if (i > 1) doc.addPage();
      doc.fontSize(24).text(`${label} ${i}ページ`);
    }
  }, { title: label });
}

/** Posts a version (multipart `file`, `note`) with a bearer token. */
export function uploadVersion(app: Hono<AppEnv>, token: string, id: number, bytes: Uint8Array, filename = 'flyer.pdf', note = ''): Promise<Response> {
  const form = new FormData();
  form.set('note', note);
  form.set('file', new Blob([new Uint8Array(bytes)]), filename);
  return Promise.resolve(app.request(`/api/v1/deliverables/${id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }));
}

/**
 * A deliverable of the program with one PDF version sent as round 1 (for the route walk and
 * tests): made with the module's own commands, its file in DATA_DIR's store.
 */
export async function seedDeliverableInProof(deps: Deps, programId: number, key: string): Promise<{ id: number }> {
  const { Readable } = await import('node:stream');
  const store = fileStoreFor(deps.config);
  const file = await receiveFile(store, Readable.from([await samplePdf(1)]), 10 * 1024 * 1024);
  const storageKey = newStorageKey(programId);
  await store.putFile(storageKey, file.tempPath);
  return runCommand(deps, systemActor('test'), async (ctx) => {
    const [d] = await ctx.tx.insert(deliverables).values({ programId, key, title: `テスト成果物 ${key}`, requiredRounds: 2, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    await recordVersion(ctx, d!.id, { file: { ...file, type: 'pdf' }, storageKey, filename: 'test.pdf', note: '' });
    await sendRound(ctx, d!.id, { version: 1 });
    return { id: d!.id };
  });
}

/** A hearing record of the program (for the route walk), made with the module's command. */
export async function seedHearing(deps: Deps, programId: number, groupName: string): Promise<{ id: number }> {
  const { saveHearing } = await import('./commands/save-hearing.js');
  const h = await runCommand(deps, systemActor('test'), (ctx) => saveHearing(ctx, programId, null, { groupName, contact: '担当 テスト', status: 'candidate' }));
  return { id: h.id };
}

/** A valid 1×1 PNG (pdfkit places it; the sniffer takes it as image/png). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Stores bytes for a command in the test (as a route would, before its transaction). */
async function storedForTest(deps: Deps, programId: number, bytes: Buffer) {
  const { Readable } = await import('node:stream');
  const store = fileStoreFor(deps.config);
  const file = await receiveFile(store, Readable.from([bytes]), bytes.length);
  const storageKey = newStorageKey(programId);
  await store.putFile(storageKey, file.tempPath);
  return { file: { ...file, type: file.type! }, storageKey };
}

/** Adds a photo to a heard group's article with the module's command. */
export async function addPhotoForTest(deps: Deps, programId: number, hearingId: number, text: { alt: string; caption?: string }, bytes = TINY_PNG): Promise<{ id: number }> {
  const { addArticlePhoto } = await import('./commands/article-photos.js');
  const stored = await storedForTest(deps, programId, bytes);
  const p = await runCommand(deps, systemActor('test'), (ctx) => addArticlePhoto(ctx, hearingId, stored, text));
  return { id: p.id };
}

/** A heard group with an article and one photo (for the route walk): `hid`, `pid`, `aid`. */
export async function seedArticleWithPhoto(deps: Deps, programId: number, groupName: string): Promise<{ hid: string; pid: string; aid: string }> {
  const { saveArticle } = await import('./commands/save-article.js');
  const { id: hid } = await seedHearing(deps, programId, groupName);
  const { id: pid } = await addPhotoForTest(deps, programId, hid, { alt: '集会所の前に並ぶ会員', caption: '集会所にて' });
  const { article } = await runCommand(deps, systemActor('test'), (ctx) => saveArticle(ctx, hid, { title: `${groupName}の取り組み`, body: '本文です。' }));
  return { hid: String(hid), pid: String(pid), aid: String(article.id) };
}
