import { AppError } from '../../../platform/errors/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { rawHeader } from '../../../platform/http/raw-header.js';
import { readStreamedUpload } from '../../../platform/http/streamed-upload.js';
import { runAs } from '../../../platform/http/run-as.js';
import { claimSubmissionKey, SUBMISSION_KEY_FIELD } from '../../../platform/forms/submission-keys.js';
import { recordVersion } from '../commands/record-version.js';
import { discardFile, newStorageKey, receiveFile, type ReceivedFile } from '../files/intake.js';
import { fileStoreFor } from '../files/store.js';
import { dm } from '../messages.js';
import type { DeliverableVersion } from '../schema.js';
import { maxUploadBytes } from '../settings.js';
import { loadDeliverable, RUN } from './load.js';

export type ReceivedVersion =
  | { replayed: false; version: DeliverableVersion; fields: Record<string, string>; deliverableId: number }
  | { replayed: true; location: string | null };

/**
 * Receives a version (multipart `file`, `note`) streamed to disk, checks its size and its type by
 * content, moves it into the store and records it. Shared by the API and the back-office form.
 * A browser form's one-time key (`_once`, in the stream) is claimed in the recording transaction:
 * a double click or a replayed POST records nothing (its file is removed) and answers `replayed`
 * with where the first went (`location`, settled by the first).
 */
export async function receiveVersion(c: AppContext, opts: { location?: string } = {}): Promise<ReceivedVersion> {
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
    received = null;
    const type = file.type;
    const once = onceKeyOf(c, fields);
    try {
      const outcome = await runAs(c, primaryRole(roles), async (ctx): Promise<ReceivedVersion> => {
        const claim = once ? await claimSubmissionKey(ctx.tx, once.scope, once.key, ctx.now) : null;
        if (claim && !claim.first) return { replayed: true, location: claim.location };
        const version = await recordVersion(ctx, deliverable.id, { file: { ...file, type }, storageKey, filename: file.filename, note: (fields['note'] ?? '').trim().slice(0, 1000) });
        if (claim?.first) await claim.settle(opts.location ?? c.req.path);
        return { replayed: false, version, fields, deliverableId: deliverable.id };
      });
      if (outcome.replayed) await store.remove(storageKey);
      return outcome;
    } catch (e) {
      await store.remove(storageKey);
      throw e;
    }
  } finally {
    if (received) await discardFile(received);
  }
}

/** The signed-in browser form's one-time key and its scope (the session's CSRF token, as the form kit does); none for a token. */
function onceKeyOf(c: AppContext, fields: Record<string, string>): { key: string; scope: string } | null {
  const key = fields[SUBMISSION_KEY_FIELD];
  const scope = c.get('csrfToken');
  if (c.get('auth')?.via === 'token' || !scope || !key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) return null;
  return { key, scope: `${scope}` };
}
