import { defineAuditActions } from '../../platform/audit/actions.js';

/** The deliverables module's audit actions, with the labels the audit page and its export show. */
export const deliverablesAuditActions = defineAuditActions({
  'deliverables.register.seeded': { ja: '成果物一覧を仕様書の項目で作成', en: 'Deliverables register created from the seed' },
  'deliverables.item.added': { ja: '成果物を一覧に追加', en: 'Deliverable added to the register' },
  'deliverables.item.updated': { ja: '成果物の納期・必要校正回数を変更', en: 'Deliverable updated' },
  'deliverables.version.uploaded': { ja: '成果物の版を登録', en: 'Deliverable version uploaded' },
  'deliverables.version.downloaded': { ja: '成果物の版をダウンロード', en: 'Deliverable version downloaded' },
  'deliverables.version.page_viewed': { ja: '成果物の版のページ画像を閲覧', en: 'Deliverable page image viewed' },
  'deliverables.round.sent': { ja: '校正を市へ依頼', en: 'Proof round sent to the City' },
  'deliverables.round.commented': { ja: '校正に修正依頼（コメント）', en: 'Proof round answered with comments' },
  'deliverables.round.approved': { ja: '校了', en: 'Proof approved' },
  'deliverables.delivery.recorded': { ja: '納品を記録', en: 'Delivery recorded' },
  'deliverables.hearing.saved': { ja: 'ヒアリング団体の記録を保存', en: 'Hearing record saved' },
  'deliverables.hearing.viewed': { ja: 'ヒアリング団体の連絡先（個人情報）を閲覧', en: 'Hearing contact (personal data) viewed' },
  'deliverables.article.photo_added': { ja: 'ヒアリング記事に写真を追加', en: 'Article photo added' },
  'deliverables.article.photo_updated': { ja: 'ヒアリング記事の写真のキャプション・代替テキストを変更', en: 'Article photo caption or alt text changed' },
  'deliverables.article.photo_removed': { ja: 'ヒアリング記事から写真を外す', en: 'Article photo removed' },
  'deliverables.article.photo_viewed': { ja: 'ヒアリング記事の写真を閲覧', en: 'Article photo viewed' },
  'deliverables.article.published': { ja: 'ヒアリング記事を公開ページに掲載', en: 'Article published' },
  'deliverables.article.unpublished': { ja: 'ヒアリング記事の掲載を取り下げ', en: 'Article withdrawn from the public pages' },
  'deliverables.delivery.received': { ja: '納品の受領を確認', en: 'Delivery receipt confirmed' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof deliverablesAuditActions, true> {}
}
