import { sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { programScope } from '../../../platform/vault/index.js';
import { FILE_TYPES } from '../files/sniff.js';
import type { ReceivedFile } from '../files/intake.js';
import { deliverables, deliverableVersions, type DeliverableVersion } from '../schema.js';
import { lockDeliverable } from './lock.js';
import { eq } from 'drizzle-orm';

export interface NewVersion {
  file: ReceivedFile & { type: NonNullable<ReceivedFile['type']> };
  storageKey: string;
  filename: string;
  note: string;
  /** The article's text, for the diff between versions. */
  text?: string | null;
}

/**
 * Records an uploaded version (its file already in the store): the next number, the file's own
 * key sealed with the program's data key, audited.
 */
export async function recordVersion(ctx: CommandContext, deliverableId: number, v: NewVersion): Promise<DeliverableVersion> {
  const d = await lockDeliverable(ctx, deliverableId);
  const box = await ctx.deps.vault.box(ctx.tx, programScope(d.programId));
  const sealedKey = box.seal(v.file.key.toString('base64'));
  const [{ next }] = (await ctx.tx
    .select({ next: sql<number>`coalesce(max(${deliverableVersions.number}), 0)::int + 1` })
    .from(deliverableVersions)
    .where(eq(deliverableVersions.deliverableId, d.id))) as [{ next: number }];
  const [row] = await ctx.tx
    .insert(deliverableVersions)
    .values({
      deliverableId: d.id,
      number: Number(next),
      filename: v.filename.slice(0, 200) || `version-${next}`,
      contentType: FILE_TYPES[v.file.type],
      size: v.file.size,
      sha256: v.file.sha256,
      storageKey: v.storageKey,
      sealedKey,
      iv: v.file.iv.toString('base64'),
      tag: v.file.tag.toString('base64'),
      text: v.text ?? null,
      note: v.note,
      createdAt: ctx.now,
      createdBy: ctx.actor.userId,
    })
    .returning();
  // A new version of an approved deliverable (a schedule changed after the City's approval) is a
  // revision: it goes back to proof, so the City approves what is now current.
  const reopened = d.status === 'approved';
  await ctx.tx.update(deliverables).set({ updatedAt: ctx.now, ...(reopened ? { status: 'planned' as const } : {}) }).where(eq(deliverables.id, d.id));
  ctx.audit({ action: 'deliverables.version.uploaded', programId: d.programId, targetType: 'deliverable', targetId: String(d.id), diff: { key: d.key, version: row!.number, type: row!.contentType, size: row!.size, sha256: row!.sha256, ...(reopened ? { reopened: true } : {}) } });
  return row!;
}
