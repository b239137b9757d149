import { defineAuditActions } from './actions.js';

/** The audit trail's own audit actions: reading it is recorded (it holds e-mail and IP addresses). */
export const auditTrailAuditActions = defineAuditActions({
  'platform.audit.viewed': { ja: '監査ログを閲覧', en: 'Audit log viewed' },
  'platform.audit.exported': { ja: '監査ログを出力', en: 'Audit log exported' },
  'platform.audit.anchored': { ja: '監査ログの控え（署名付きアンカー）を作成', en: 'Audit anchor written' },
  'platform.audit.resealed': { ja: '監査ログを新しいマスターキーで封印', en: 'Audit trail sealed under a new master key' },
});

declare module './actions.js' {
  interface AuditActions extends Record<keyof typeof auditTrailAuditActions, true> {}
}
