import crypto from 'node:crypto';
import { hkdf, type Vault } from '../vault/index.js';

/**
 * The audit trail's keys, derived from the master key (HKDF-SHA256) and never stored: the
 * database, and whoever holds its rights, cannot recompute a seal or sign an anchor.
 */
export interface AuditKeys {
  /** Seals the chain (./seal.ts). */
  chain: Buffer;
  /** Signs anchors (./anchor.ts). */
  anchor: Buffer;
  /** Names the chain key in `audit_seals.key_id` and in anchors (a fingerprint, not the key). */
  keyId: string;
  /** Names the installation in anchors: the same master key, the same installation. */
  installationId: string;
}

export const CHAIN_PURPOSE = 'jimukyoku audit chain v1';
export const ANCHOR_PURPOSE = 'jimukyoku audit anchor v1';
const INSTALLATION_PURPOSE = 'jimukyoku installation id v1';

const fingerprint = (key: Buffer, label: string) => crypto.createHmac('sha256', key).update(label).digest('hex').slice(0, 16);

function keysFrom(derive: (purpose: string) => Buffer): AuditKeys {
  const chain = derive(CHAIN_PURPOSE);
  return {
    chain,
    anchor: derive(ANCHOR_PURPOSE),
    keyId: fingerprint(chain, 'key id'),
    installationId: fingerprint(derive(INSTALLATION_PURPOSE), 'installation'),
  };
}

/** The keys under the vault's current master key. */
export function auditKeys(vault: Pick<Vault, 'deriveKey'>): AuditKeys {
  return keysFrom((purpose) => vault.deriveKey(purpose));
}

/** The keys under a given master key (a rotation seals the chain anew under the next one). */
export function auditKeysFor(masterKey: Buffer): AuditKeys {
  return keysFrom((purpose) => hkdf(masterKey, purpose));
}
