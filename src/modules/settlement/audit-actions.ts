import { defineAuditActions } from '../../platform/audit/actions.js';

/** The settlement module's audit actions, with the labels the audit page and its export show. */
export const settlementAuditActions = defineAuditActions({
  'settlement.pool.synced': { ja: '予算（原資）を設定額に更新', en: 'Budget pool updated to the setting' },
  'settlement.allocation.set': { ja: '施設の配分枠を設定', en: 'Facility allocation set' },
  'settlement.claim.reserved': { ja: '割引の予約を登録', en: 'Discount reservation registered' },
  'settlement.claim.cancelled': { ja: '割引の予約を取消', en: 'Discount reservation cancelled' },
  'settlement.claim.no_show': { ja: '割引の予約を不泊として取消', en: 'Discount reservation closed as a no-show' },
  'settlement.claim.stay_reported': { ja: '宿泊実績を報告', en: 'Stay reported' },
  'settlement.claim.approved': { ja: '宿泊実績を承認', en: 'Stay report approved' },
  'settlement.claim.rejected': { ja: '宿泊実績を却下', en: 'Stay report rejected' },
  'settlement.claims.imported': { ja: '割引の予約を一括取り込み', en: 'Discount reservations imported' },
  'settlement.stays.imported': { ja: '宿泊実績を一括取り込み', en: 'Stay reports imported' },
  'settlement.facility.sold_out': { ja: '施設を販売終了に変更', en: 'Facility marked sold out' },
  'settlement.facility.back_on_sale': { ja: '施設の販売終了を解除', en: 'Facility back on sale' },
  'settlement.facility.sales_stopped': { ja: '事業者が割引の販売を停止', en: 'Sales stopped by the business' },
  'settlement.facility.sales_resumed': { ja: '事業者が割引の販売を再開', en: 'Sales resumed by the business' },
  'settlement.month.closed': { ja: '月末締めを実行', en: 'Month closed' },
  'settlement.batch.paid': { ja: '月次支払を支払済みに変更', en: 'Monthly payment marked paid' },
  'settlement.zengin.exported': { ja: '全銀協 総合振込ファイル（口座情報）を出力', en: 'Bank transfer file (account data) exported' },
  'settlement.statement.exported': { ja: '支払明細書（Excel）を出力', en: 'Payment statement exported (Excel)' },
  'settlement.statement.printed': { ja: '支払明細書（PDF）を出力', en: 'Payment statement printed (PDF)' },
  'settlement.monthly_report.exported': { ja: '月次支払報告を出力', en: 'Monthly payment report exported' },
  'settlement.final_report.exported': { ja: '最終報告を出力', en: 'Final report exported' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof settlementAuditActions, true> {}
}
