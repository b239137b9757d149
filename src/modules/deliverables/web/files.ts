import type { Readable } from 'node:stream';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { Role } from '../../../platform/auth/schema.js';
import { programScope } from '../../../platform/vault/index.js';
import { openStored } from '../files/intake.js';
import { fileStoreFor } from '../files/store.js';
import type { Deliverable, DeliverableVersion } from '../schema.js';

/** Why a version is opened: a download or a page image (both audited: the file may show people), or counting its pages. */
export type OpenPurpose = { kind: 'download' } | { kind: 'page'; page: number } | { kind: 'count' };

/**
 * A version's clear bytes: its key opened with the program's data key (消去済み after erasure:
 * 410 data-erased) in an audited read (the file may show people). Counting a PDF's pages shows
 * nothing of its content and is not audited.
 */
export async function openVersion(c: AppContext, roles: Role[], d: Deliverable, v: DeliverableVersion, purpose: OpenPurpose): Promise<Readable> {
  const key = await runAs(c, primaryRole(roles), async (ctx) => {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(d.programId));
    const k = box.openOrThrow(v.sealedKey);
    const target = { programId: d.programId, targetType: 'deliverable', targetId: String(d.id) };
    if (purpose.kind === 'download') ctx.audit({ action: 'deliverables.version.downloaded', ...target, diff: { key: d.key, version: v.number } });
    if (purpose.kind === 'page') ctx.audit({ action: 'deliverables.version.page_viewed', ...target, diff: { key: d.key, version: v.number, page: purpose.page } });
    return Buffer.from(k, 'base64');
  });
  return openStored(fileStoreFor(c.get('deps').config), v.storageKey, key, Buffer.from(v.iv, 'base64'), Buffer.from(v.tag, 'base64'));
}
