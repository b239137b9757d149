import type { Readable } from 'node:stream';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { runAs } from '../../../platform/http/run-as.js';
import type { Role } from '../../../platform/auth/schema.js';
import { programScope } from '../../../platform/vault/index.js';
import { openStored } from '../files/intake.js';
import { fileStoreFor } from '../files/store.js';
import type { Deliverable, DeliverableVersion } from '../schema.js';

/**
 * A version's clear bytes: its key opened with the program's data key (消去済み after erasure:
 * 410 data-erased) in an audited read (the file may show people).
 */
export async function openVersion(c: AppContext, roles: Role[], d: Deliverable, v: DeliverableVersion, purpose: 'download' | 'page'): Promise<Readable> {
  const key = await runAs(c, primaryRole(roles), async (ctx) => {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(d.programId));
    const k = box.openOrThrow(v.sealedKey);
    if (purpose === 'download') ctx.audit({ action: 'deliverables.version.downloaded', programId: d.programId, targetType: 'deliverable', targetId: String(d.id), diff: { key: d.key, version: v.number } });
    return Buffer.from(k, 'base64');
  });
  return openStored(fileStoreFor(c.get('deps').config.dataDir), v.storageKey, key, Buffer.from(v.iv, 'base64'), Buffer.from(v.tag, 'base64'));
}
