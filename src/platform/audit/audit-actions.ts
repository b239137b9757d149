import { defineAuditActions } from './actions.js';

/** The audit trail's own audit actions: reading it is recorded (it holds e-mail and IP addresses). */
export const auditTrailAuditActions = defineAuditActions({
  'platform.audit.viewed': { ja: '監査ログを閲覧', en: 'Audit log viewed' },
  'platform.audit.exported': { ja: '監査ログを出力', en: 'Audit log exported' },
});

declare module './actions.js' {
  interface AuditActions extends Record<keyof typeof auditTrailAuditActions, true> {}
}
