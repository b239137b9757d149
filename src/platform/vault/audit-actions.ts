import { defineAuditActions } from '../audit/actions.js';

/** The vault's audit actions. */
export const vaultAuditActions = defineAuditActions({
  'platform.vault.master_rotated': { ja: '暗号のマスターキーを更新', en: 'Master key rotated' },
});

declare module '../audit/actions.js' {
  interface AuditActions extends Record<keyof typeof vaultAuditActions, true> {}
}
