import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { rawHeader } from '../../../platform/http/raw-header.js';
import { readStreamedUpload } from '../../../platform/http/streamed-upload.js';
import { runAs } from '../../../platform/http/run-as.js';
import { recordVersion } from '../commands/record-version.js';
import { discardFile, newStorageKey, receiveFile, type ReceivedFile } from '../files/intake.js';
import { fileStoreFor } from '../files/store.js';
import { dm } from '../messages.js';
import type { DeliverableVersion } from '../schema.js';
import { maxUploadBytes } from '../settings.js';
import { loadDeliverable, RUN } from './load.js';

/**
 * Receives a version (multipart `file`, `note`) streamed to disk, checks its size and its type by
 * content, moves it into the store and records it. Shared by the API and the back-office form.
 */
export async function receiveVersion(c: AppContext): Promise<{ version: DeliverableVersion; fields: Record<string, string>; deliverableId: number }> {
  const { deliverable, program, roles } = await loadDeliverable(c, RUN);
  const limit = maxUploadBytes(program);
  const mb = Math.round(limit / 1024 / 1024);
  const declared = Number(rawHeader(c, 'content-length') ?? 0);
  if (declared > limit + 1024 * 1024) throw new AppError('payload-too-large', dm('err.tooLarge', { mb }), { detail: { limitBytes: limit } });
  const store = fileStoreFor(c.get('deps').config.dataDir);
  let received: (ReceivedFile & { filename: string }) | null = null;
  try {
    const { fields, file } = await readStreamedUpload(c, {
      fileField: 'file',
      maxFileBytes: limit + 1,
      sink: async ({ stream, filename }) => (received = { ...(await receiveFile(store, stream, limit)), filename }),
    });
    if (file?.truncated) throw new AppError('payload-too-large', dm('err.tooLarge', { mb }), { detail: { limitBytes: limit } });
    if (!file || file.size === 0) throw new AppError('validation-failed', dm('err.noFile'), { fieldErrors: [{ field: 'file', message: dm('err.noFile') }] });
    if (!file.type) throw new AppError('unsupported-media-type', dm('err.type'), { fieldErrors: [{ field: 'file', message: dm('err.type') }] });
    const storageKey = newStorageKey(program.id);
    await store.putFile(storageKey, file.tempPath);
    const type = file.type;
    try {
      const version = await runAs(c, primaryRole(roles), (ctx) => recordVersion(ctx, deliverable.id, { file: { ...file, type }, storageKey, filename: file.filename, note: (fields['note'] ?? '').trim().slice(0, 1000) }));
      received = null;
      return { version, fields, deliverableId: deliverable.id };
    } catch (e) {
      await store.remove(storageKey);
      received = null;
      throw e;
    }
  } finally {
    if (received) await discardFile(received);
  }
}
