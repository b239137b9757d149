import type { Role } from '../../../platform/auth/schema.js';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { claimSubmissionKey, SUBMISSION_KEY_FIELD } from '../../../platform/forms/submission-keys.js';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { rawHeader } from '../../../platform/http/raw-header.js';
import { readStreamedUpload } from '../../../platform/http/streamed-upload.js';
import { runAs } from '../../../platform/http/run-as.js';
import { recordVersion } from '../commands/record-version.js';
import { discardFile, newStorageKey, receiveFile, type ReceivedFile } from '../files/intake.js';
import type { StoredBytes } from '../files/store-bytes.js';
import { fileStoreFor } from '../files/store.js';
import { dm } from '../messages.js';
import type { DeliverableVersion } from '../schema.js';
import { maxUploadBytes } from '../settings.js';
import { loadDeliverable, RUN } from './load.js';

type Received = ReceivedFile & { type: NonNullable<ReceivedFile['type']>; filename: string };

/**
 * Reads a streamed multipart form (text fields and its one `file`), the file encrypted into a
 * temporary file as it arrives: memory stays flat. Refusals: 413 over `limit`, 422 no file, 415 a
 * type deliverables do not take (by content). On success the caller owns the temporary file.
 */
export async function receiveStreamedFile(c: AppContext, limit: number, tooLarge: string): Promise<{ fields: Record<string, string>; file: Received }> {
  if (Number(rawHeader(c, 'content-length') ?? 0) > limit + 1024 * 1024) throw new AppError('payload-too-large', tooLarge, { detail: { limitBytes: limit } });
  const store = fileStoreFor(c.get('deps').config);
  let received: (ReceivedFile & { filename: string }) | null = null;
  try {
    const { fields, file } = await readStreamedUpload(c, {
      fileField: 'file',
      maxFileBytes: limit + 1,
      sink: async ({ stream, filename }) => (received = { ...(await receiveFile(store, stream, limit)), filename }),
    });
    if (file?.truncated) throw new AppError('payload-too-large', tooLarge, { detail: { limitBytes: limit } });
    if (!file || file.size === 0) throw new AppError('validation-failed', dm('err.noFile'), { fieldErrors: [{ field: 'file', message: dm('err.noFile') }] });
    const type = file.type;
    if (!type) throw new AppError('unsupported-media-type', dm('err.type'), { fieldErrors: [{ field: 'file', message: dm('err.type') }] });
    received = null;
    return { fields, file: { ...file, type } };
  } finally {
    if (received) await discardFile(received);
  }
}

export type Recorded<T> = { replayed: false; result: T; fields: Record<string, string> } | { replayed: true; location: string | null };

/**
 * Receives a streamed form's file, moves it into the store and runs `run` with it in one
 * transaction. A browser form's one-time key (`_once`, in the stream) is claimed there as the form
 * kit does: a double click or a replayed POST runs nothing (its file is removed) and answers
 * `replayed` with where the first went (`location`). The stored file is removed when `run` fails.
 */
export async function recordStreamed<T>(
  c: AppContext,
  opts: { roles: Role[]; programId: number; limit: number; tooLarge: string; location: string; run: (ctx: CommandContext, stored: StoredBytes & { filename: string }, fields: Record<string, string>) => Promise<T> },
): Promise<Recorded<T>> {
  const { fields, file } = await receiveStreamedFile(c, opts.limit, opts.tooLarge);
  const store = fileStoreFor(c.get('deps').config);
  const storageKey = newStorageKey(opts.programId);
  try {
    await store.putFile(storageKey, file.tempPath);
  } catch (e) {
    await discardFile(file);
    throw e;
  }
  const once = onceKeyOf(c, fields);
  try {
    const outcome = await runAs(c, primaryRole(opts.roles), async (ctx): Promise<Recorded<T>> => {
      const claim = once ? await claimSubmissionKey(ctx.tx, once.scope, once.key, ctx.now) : null;
      if (claim && !claim.first) return { replayed: true, location: claim.location };
      const result = await opts.run(ctx, { file, storageKey, filename: file.filename }, fields);
      if (claim?.first) await claim.settle(opts.location);
      return { replayed: false, result, fields };
    });
    if (outcome.replayed) await store.remove(storageKey);
    return outcome;
  } catch (e) {
    await store.remove(storageKey);
    throw e;
  }
}

/**
 * Receives a version (multipart `file`, `note`) streamed to disk, checks its size and its type by
 * content, moves it into the store and records it. Shared by the API and the back-office form.
 */
export async function receiveVersion(c: AppContext, opts: { location?: string } = {}): Promise<Recorded<DeliverableVersion>> {
  const { deliverable, program, roles } = await loadDeliverable(c, RUN);
  const limit = maxUploadBytes(program);
  return recordStreamed(c, {
    roles,
    programId: program.id,
    limit,
    tooLarge: dm('err.tooLarge', { mb: Math.round(limit / 1024 / 1024) }),
    location: opts.location ?? c.req.path,
    run: (ctx, stored, fields) => recordVersion(ctx, deliverable.id, { ...stored, note: (fields['note'] ?? '').trim().slice(0, 1000) }),
  });
}

/** The signed-in browser form's one-time key and its scope (the session's CSRF token, as the form kit does); none for a token. */
function onceKeyOf(c: AppContext, fields: Record<string, string>): { key: string; scope: string } | null {
  const key = fields[SUBMISSION_KEY_FIELD];
  const scope = c.get('csrfToken');
  if (c.get('auth')?.via === 'token' || !scope || !key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) return null;
  return { key, scope: `${scope}` };
}
