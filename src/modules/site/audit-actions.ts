import { defineAuditActions } from '../../platform/audit/actions.js';

/** The site module's audit actions, with the labels the audit page and its export show. */
export const siteAuditActions = defineAuditActions({
  'site.content.created': { ja: 'サイトの掲載項目を作成', en: 'Site content created' },
  'site.content.draft_saved': { ja: 'サイト掲載内容の下書きを保存', en: 'Site content draft saved' },
  'site.content.restored': { ja: 'サイト掲載内容の過去の版を下書きに復元', en: 'Earlier site content version restored as draft' },
  'site.content.submitted': { ja: 'サイト掲載内容の承認を依頼', en: 'Site content submitted for approval' },
  'site.content.approved': { ja: 'サイト掲載内容を承認', en: 'Site content approved' },
  'site.content.rejected': { ja: 'サイト掲載内容を差し戻し', en: 'Site content returned' },
  'site.content.preset': { ja: '初期設定のバナーを作成', en: 'Default banner created' },
  'site.facility.sold_out': { ja: 'サイトで施設を販売終了と表示', en: 'Facility shown as sold out on the site' },
  'site.facility.back_on_sale': { ja: 'サイトの販売終了の表示を解除', en: 'Sold-out mark removed on the site' },
  'site.a11y.test_created': { ja: 'アクセシビリティ試験を記録', en: 'Accessibility test recorded' },
  'site.a11y.result_recorded': { ja: 'アクセシビリティ試験の結果を記録', en: 'Accessibility test result recorded' },
  'site.a11y.test_submitted': { ja: 'アクセシビリティ試験結果の承認を依頼', en: 'Accessibility test submitted for approval' },
  'site.a11y.test_approved': { ja: 'アクセシビリティ試験結果を承認', en: 'Accessibility test approved' },
  'site.a11y.test_returned': { ja: 'アクセシビリティ試験結果を差し戻し', en: 'Accessibility test returned' },
  'site.a11y.run_requested': { ja: 'アクセシビリティ自動試験を開始', en: 'Automated accessibility run started' },
  'site.a11y.run_recorded': { ja: 'アクセシビリティ自動試験の結果を記録', en: 'Automated accessibility run recorded' },
  'site.a11y.run_failed': { ja: 'アクセシビリティ自動試験が失敗', en: 'Automated accessibility run failed' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof siteAuditActions, true> {}
}
