import { runCommand } from '../command.js';
import type { Deps } from '../deps.js';
import type { Actor } from './index.js';
import type { AuditKeys } from './keys.js';
import { sealAudit } from './seal.js';
import { verifyAuditChain, type VerifyReason } from './verify.js';

/**
 * After a master-key rotation: verifies the whole trail under the old audit key first, then seals
 * it anew from the first entry under the new one (the old seals stay, under their own key id). A
 * trail that does not verify is not resealed: a rewrite must not be blessed by the new key.
 */
export async function resealForRotation(
  deps: Deps,
  actor: Actor,
  previous: AuditKeys,
  next: AuditKeys,
): Promise<{ ok: true; count: number } | { ok: false; badId: number; reason: VerifyReason }> {
  if (previous.keyId === next.keyId) return { ok: true, count: 0 };
  const checked = await verifyAuditChain(deps.db, previous);
  if (!checked.ok) return { ok: false, badId: checked.badId, reason: checked.reason };
  const sealed = await sealAudit(deps.db, next, { fromGenesis: true });
  if (!sealed.ok) return { ok: false, badId: sealed.badId ?? sealed.lastId, reason: 'hash-mismatch' };
  await runCommand(deps, actor, async (c) => {
    c.audit({ action: 'platform.audit.resealed', diff: { from: previous.keyId, to: next.keyId, count: sealed.sealed } });
  });
  return { ok: true, count: sealed.sealed };
}
