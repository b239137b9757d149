import { defineAuditActions } from '../../platform/audit/actions.js';

/** The surveys module's audit actions, with the labels the audit page and its export show. */
export const surveysAuditActions = defineAuditActions({
  'surveys.questionnaire.saved': { ja: 'アンケートの調査票を登録・変更', en: 'Questionnaire saved' },
  'surveys.questionnaire.approved': { ja: 'アンケートの調査票を承認', en: 'Questionnaire approved' },
  'surveys.questionnaire.rejected': { ja: 'アンケートの調査票を差戻し', en: 'Questionnaire sent back' },
  'surveys.response.received': { ja: 'アンケートの回答を受付', en: 'Survey response received' },
  'surveys.entry.received': { ja: 'プレゼント抽選の応募を受付', en: 'Prize draw entry received' },
  'surveys.lottery.committed': { ja: '抽選の乱数を固定（ハッシュ値を公開）', en: 'Lottery seed committed (hash published)' },
  'surveys.lottery.drawn': { ja: 'プレゼント抽選を実施（乱数を公開）', en: 'Prize draw held (seed revealed)' },
  'surveys.lottery.confirmed': { ja: '抽選の記録を確認（市）', en: 'Draw record confirmed by the City' },
  'surveys.entries.viewed': { ja: '当選者・応募者（個人情報）を閲覧', en: 'Winners or entrants (personal data) viewed' },
  'surveys.entries.erased': { ja: '応募者の個人情報を消去', en: 'Entrants’ personal data erased' },
  'surveys.paper.entered': { ja: '紙のアンケートを入力', en: 'Paper survey sheet entered' },
  'surveys.paper.scan_attached': { ja: '紙のアンケート用紙のスキャンを添付', en: 'Paper survey sheet scan attached' },
  'surveys.paper.scan_viewed': { ja: '紙のアンケート用紙のスキャン（個人情報）を閲覧', en: 'Paper survey sheet scan (personal data) viewed' },
  'surveys.paper.settled': { ja: '紙のアンケートの入力を照合・確定', en: 'Paper survey sheet settled' },
  'surveys.report.exported': { ja: 'アンケートの集計・報告書を出力', en: 'Survey tally or report exported' },
  'surveys.prize.saved': { ja: '賞品の在庫を登録・変更', en: 'Prize stock saved' },
  'surveys.shipment.created': { ja: '賞品の発送を準備', en: 'Prize shipment prepared' },
  'surveys.shipment.changed': { ja: '賞品の発送状況を変更', en: 'Prize shipment status changed' },
  'surveys.rate.reminded': { ja: '回答率の低い施設の事業者に案内メールを送信', en: 'Businesses with a low response rate reminded' },
  'surveys.labels.printed': { ja: '宛名ラベル・発送データ（個人情報）を出力', en: 'Address labels or carrier file (personal data) printed' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof surveysAuditActions, true> {}
}
