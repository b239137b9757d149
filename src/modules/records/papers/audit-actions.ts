import { defineAuditActions } from '../../../platform/audit/actions.js';

/** Audit actions of the records module's papers (notices, monthly reports, accounts). */
export const papersAuditActions = defineAuditActions({
  'records.notice.issued': { ja: '契約の届出（作業従事者名簿の個人情報）を出力し成果物に登録', en: 'Contract notice issued to deliverables', personalData: true },
  'records.notice.viewed': { ja: '契約の届出（作業従事者名簿の個人情報）を出力', en: 'Contract notice rendered' },
  'records.report.drafted': { ja: '月次報告書の下書きを作成', en: 'Monthly report drafted' },
  'records.report.saved': { ja: '月次報告書を編集', en: 'Monthly report edited' },
  'records.report.refreshed': { ja: '月次報告書の数値を取り直し', en: 'Monthly report figures refreshed' },
  'records.report.sent': { ja: '月次報告書を市へ送付', en: 'Monthly report sent to the City' },
  'records.report.received': { ja: '月次報告書を受領（市）', en: 'Monthly report received by the City' },
  'records.report.exported': { ja: '月次報告書を出力', en: 'Monthly report exported' },
  'records.accounts.line_added': { ja: '経理の費目を追加', en: 'Budget line added' },
  'records.accounts.preset': { ja: '経理に仕様書の固定費目を設定', en: 'Seed budget lines set' },
  'records.accounts.expense_added': { ja: '経理の支出を記録', en: 'Expense recorded' },
  'records.accounts.honorarium_added': { ja: '謝礼金（源泉徴収）を記録', en: 'Honorarium recorded' },
  'records.accounts.honorarium_paid': { ja: '謝礼金の支払日を記録', en: 'Honorarium payment date recorded' },
  'records.accounts.viewed': { ja: '事業の経理（支払先の個人情報）を閲覧', en: 'Program accounts (payees) viewed' },
  'records.accounts.exported': { ja: '事業の経理（支払先の個人情報）を出力', en: 'Program accounts (payees) exported' },
  'records.accounts.receipt_viewed': { ja: '領収書のスキャン（個人情報）を閲覧', en: 'Receipt scan viewed' },
});

declare module '../../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof papersAuditActions, true> {}
}
