import { defineAuditActions } from '../audit/actions.js';

/** The work inbox: audit actions and labels. */
export const inboxAuditActions = defineAuditActions({
  'platform.inbox.digest_sent': { ja: '対応待ちの仕事の日次通知を送信', en: 'Daily digest of waiting work sent' },
});

declare module '../audit/actions.js' {
  interface AuditActions extends Record<keyof typeof inboxAuditActions, true> {}
}
