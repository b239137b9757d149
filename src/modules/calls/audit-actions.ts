import { defineAuditActions } from '../../platform/audit/actions.js';

/** The calls module's audit actions, with the labels the audit page and its export show. */
export const callsAuditActions = defineAuditActions({
  'calls.call.logged': { ja: '問い合わせを記録', en: 'Call logged' },
  'calls.call.completed': { ja: '電話システムが開いた問い合わせを記録', en: 'Phone-system call completed' },
  'calls.call.callback_done': { ja: '折り返しを完了', en: 'Callback done' },
  'calls.call.viewed': { ja: '問い合わせ（個人情報）を閲覧', en: 'Call (personal data) viewed' },
  'calls.caller_history.viewed': { ja: '同じ番号からの過去の問い合わせ（個人情報）を閲覧', en: 'Caller history (personal data) viewed' },
  'calls.cti.event': { ja: '電話システムから着信を記録', en: 'Phone-system event recorded' },
  'calls.cti.token_rotated': { ja: '電話システム連携の鍵を発行', en: 'Phone-system token issued' },
  'calls.status.looked_up': { ja: '申請状況を照会', en: 'Application status looked up' },
  'calls.tally.prepared': { ja: '問い合わせ集計を作成', en: 'Call tally prepared' },
  'calls.tally.submitted': { ja: '問い合わせ集計を市へ提出', en: 'Call tally submitted to the City' },
  'calls.faq.proposed': { ja: 'FAQを提案', en: 'FAQ entry proposed' },
  'calls.faq.edited': { ja: 'FAQを編集', en: 'FAQ entry edited' },
  'calls.faq.decided': { ja: 'FAQを承認・差戻し', en: 'FAQ entry approved or rejected' },
  'calls.faq.counted': { ja: 'FAQで回答した問い合わせを記録', en: 'Call answered with an FAQ entry' },
  'calls.lines.planned': { ja: '回線数の計画を変更', en: 'Line plan changed' },
  'calls.lines.short_warned': { ja: '回線数の不足を事務局へメールで通知', en: 'Line shortage mailed to the secretariat' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof callsAuditActions, true> {}
}
