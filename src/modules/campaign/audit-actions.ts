import { defineAuditActions } from '../../platform/audit/actions.js';

/** The campaign module's audit actions, with the labels the audit page and its export show. */
export const campaignAuditActions = defineAuditActions({
  'campaign.applicant.account_reminded': { ja: '登録済みアカウントの案内を申請者に送信', en: 'Existing account reminder sent to applicant' },
  'campaign.application.draft_saved': { ja: '参加申請を一時保存', en: 'Application draft saved' },
  'campaign.application.document_uploaded': { ja: '参加申請の添付書類をアップロード', en: 'Application document uploaded' },
  'campaign.application.submitted': { ja: '参加申請を提出', en: 'Application submitted' },
  'campaign.application.resubmitted': { ja: '参加申請を再提出', en: 'Application resubmitted' },
  'campaign.application.viewed': { ja: '参加申請（個人情報）を閲覧', en: 'Application (personal data) viewed' },
  'campaign.application.document_viewed': { ja: '参加申請の添付書類（個人情報）を閲覧', en: 'Application document (personal data) viewed' },
  'campaign.application.checklist_saved': { ja: '審査チェックリストを保存', en: 'Review checklist saved' },
  'campaign.application.note_added': { ja: '審査メモを追加', en: 'Review note added' },
  'campaign.application.assigned': { ja: '参加申請の担当者を割り当て', en: 'Application assigned' },
  'campaign.application.approved': { ja: '参加申請を承認', en: 'Application approved' },
  'campaign.application.rejected': { ja: '参加申請を不承認', en: 'Application rejected' },
  'campaign.application.returned': { ja: '参加申請を差し戻し', en: 'Application returned for correction' },
  'campaign.application.escalated': { ja: '参加申請を発注者に照会', en: 'Application referred to the City' },
  'campaign.application.answered': { ja: '照会に発注者が回答', en: 'City answered the referral' },
  'campaign.applications.reopened': { ja: '参加申請の受付再開を設定', en: 'Application window reopened' },
  'campaign.facilities.imported': { ja: '登録施設を一括取り込み', en: 'Facilities imported' },
  'campaign.facility.registered': { ja: '宿泊施設を登録', en: 'Facility registered' },
  'campaign.facility.profile_submitted': { ja: '施設情報の変更を申請', en: 'Facility profile change submitted' },
  'campaign.facility.profile_approved': { ja: '施設情報の変更を承認', en: 'Facility profile change approved' },
  'campaign.facility.profile_rejected': { ja: '施設情報の変更を却下', en: 'Facility profile change rejected' },
  'campaign.facility.payout_viewed': { ja: '施設の振込先口座の変更（個人情報）を閲覧', en: 'Facility bank account change (personal data) viewed' },
  'campaign.notice.published': { ja: 'お知らせを掲載', en: 'Notice published' },
  'campaign.notice.updated': { ja: 'お知らせを更新', en: 'Notice updated' },
  'campaign.notice.withdrawn': { ja: 'お知らせを取り下げ', en: 'Notice withdrawn' },
  'campaign.registry.exported': { ja: '参加事業者データ（個人情報）を出力', en: 'Facility registry (personal data) exported' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof campaignAuditActions, true> {}
}
