import { defineAuditActions } from '../audit/actions.js';

/** The outbox's audit actions: opening a mail shows its recipient and text. */
export const mailAuditActions = defineAuditActions({
  'platform.mail.viewed': { ja: '送信メール（個人情報）を閲覧', en: 'Sent mail (personal data) viewed' },
});

declare module '../audit/actions.js' {
  interface AuditActions extends Record<keyof typeof mailAuditActions, true> {}
}
