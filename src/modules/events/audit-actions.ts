import { defineAuditActions } from '../../platform/audit/actions.js';

/** The events module's audit actions, with the labels the audit page and its export show. */
export const eventsAuditActions = defineAuditActions({
  'events.registration.created': { ja: '参加申込を受付', en: 'Registration received' },
  'events.registration.changed': { ja: '参加申込の内容を変更', en: 'Registration changed' },
  'events.registration.cancelled': { ja: '参加申込を取消', en: 'Registration cancelled' },
  'events.registration.merged': { ja: '重複した参加申込を統合', en: 'Duplicate registration merged' },
  'events.registration.promoted': { ja: 'キャンセル待ちから繰り上げ', en: 'Promoted from the waitlist' },
  'events.registration.checked_in': { ja: '当日受付（出席）を記録', en: 'Checked in' },
  'events.registration.viewed': { ja: '参加申込（個人情報）を閲覧', en: 'Registration (personal data) viewed' },
  'events.registration.viewed_by_applicant': { ja: '申込者が自分の参加申込を閲覧', en: 'Registration viewed by the applicant' },
  'events.confirmation.printed': { ja: '受付確認書（個人情報）を印刷', en: 'Confirmation (personal data) printed' },
  'events.confirmation.sent': { ja: '受付確認書を送付済みに変更', en: 'Confirmation marked sent' },
  'events.roster.viewed': { ja: '参加者名簿（個人情報）を閲覧', en: 'Roster (personal data) viewed' },
  'events.roster.exported': { ja: '参加者名簿（個人情報）を出力', en: 'Roster (personal data) exported' },
  'events.roster.printed': { ja: '参加者名簿・名札等（個人情報）を印刷', en: 'Roster, name cards or group sheets (personal data) printed' },
  'events.groups.assigned': { ja: 'グループ分けを実行', en: 'Groups assigned' },
  'events.groups.moved': { ja: '参加者のグループを変更', en: 'Participant moved to another group' },
  'events.groups.facilitator_set': { ja: 'グループのファシリテーターを設定', en: 'Group facilitator set' },
  'events.program_item.added': { ja: 'プログラムの項目を追加', en: 'Programme item added' },
  'events.program_item.deleted': { ja: 'プログラムの項目を削除', en: 'Programme item deleted' },
  'events.reminders.sent': { ja: 'リマインドメールを送信', en: 'Reminders sent' },
});

declare module '../../platform/audit/actions.js' {
  interface AuditActions extends Record<keyof typeof eventsAuditActions, true> {}
}
