import { defineAuditActions } from '../../platform/audit/actions.js';

/** The privacy module's audit actions, with the labels the audit page and its export show. */
export const privacyAuditActions = defineAuditActions({
  'privacy.staff.requested': { ja: '作業従事者名簿への登録を申請', en: 'Staff roster entry requested' },
  'privacy.staff.approved': { ja: '作業従事者名簿への登録を承認', en: 'Staff roster entry approved' },
  'privacy.staff.rejected': { ja: '作業従事者名簿への登録を却下', en: 'Staff roster entry rejected' },
  'privacy.staff.ended': { ja: '作業従事者名簿の登録を終了', en: 'Staff roster entry ended' },
  'privacy.staff.seeded': { ja: '作業従事者名簿を初期登録（デモ・試験）', en: 'Staff roster seeded (demo, test)' },
  'privacy.roster.page_viewed': { ja: '作業従事者名簿の画面を閲覧（名簿の整備のため名簿による制限なし）', en: 'Staff roster page viewed (not gated by the roster: it is where staff are requested)', personalData: false },
  'privacy.roster.viewed': { ja: '作業従事者名簿（個人情報）を閲覧（API）', en: 'Staff roster (personal data) viewed (API)' },
  'privacy.file.attached': { ja: '誓約書の写し・受け渡しデータのファイルを添付', en: 'Pledge scan or handover file attached' },
  'privacy.file.viewed': { ja: '誓約書の写し・受け渡しデータのファイル（個人情報）を閲覧', en: 'Pledge scan or handover file (personal data) viewed' },
  'privacy.roster.exported': { ja: '作業従事者名簿（個人情報）を出力', en: 'Staff roster (personal data) exported' },
  'privacy.erasure.planned': { ja: 'データ消去計画書を作成', en: 'Erasure plan made' },
  'privacy.erasure.requested': { ja: '事業の個人情報の消去を申請', en: 'Program erasure requested' },
  'privacy.erasure.executed': { ja: '事業の個人情報を消去（暗号化消去）', en: 'Program personal data erased (cryptographic erase)' },
  'privacy.erasure.certified': { ja: 'データ消去報告書を作成', en: 'Erasure certificate issued' },
  'privacy.incident.reported': { ja: '個人情報の事故を報告', en: 'Incident reported' },
  'privacy.incident.updated': { ja: '事故報告の経過を記録', en: 'Incident updated' },
  'privacy.incident.viewed': { ja: '事故報告を閲覧', en: 'Incident report viewed' },
  'privacy.handover.planned': { ja: '個人情報の受け渡し・運搬を計画', en: 'Handover planned' },
  'privacy.handover.confirmed': { ja: '個人情報の受け渡し・運搬を確認', en: 'Handover confirmed' },
  'privacy.handover.erased': { ja: '市から受領したデータを消去', en: 'Data received from the City erased' },
  'privacy.access.refused': { ja: '名簿で承認されていない者の個人情報の閲覧・出力を拒否', en: 'Personal data access refused: not on the staff roster', personalData: false },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof privacyAuditActions, true> {}
}
